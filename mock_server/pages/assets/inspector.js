"use strict";
// The request inspector: reads the mock's journal (GET /__admin/requests, newest PAGE_SIZE
// entries) and draws it newest first. Everything is drawn with text nodes: a path, a header or
// a body that carries markup shows as text.
(function () {
  var main = document.querySelector("main");
  var pageSize = Number(main.dataset.pageSize);
  var pollMs = Number(main.dataset.pollMs);
  var tbody = document.getElementById("journal");
  var empty = document.getElementById("empty");
  var meta = document.getElementById("meta");
  var statusFilter = document.getElementById("status");
  var operationFilter = document.getElementById("operation");
  var live = document.getElementById("live");
  var opened = {};
  var entries = [];
  var shownKey = "";
  var timer = null;

  function schedule() {
    clearTimeout(timer);
    if (live.checked) { timer = setTimeout(poll, pollMs); }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function issueText(issue) {
    var where = Array.isArray(issue.location) ? issue.location.slice(1).filter(Boolean).join(" ") : "";
    return (where ? where + ": " : "") + (issue.message || "");
  }

  function isRefused(entry) { return entry.violations && entry.violations.length > 0; }

  function matches(entry) {
    var status = statusFilter.value;
    if (status === "refused" && !isRefused(entry)) { return false; }
    if (status && status !== "refused" && String(entry.status).charAt(0) !== status) { return false; }
    var operation = operationFilter.value;
    if (operation === "-" && entry.operationId) { return false; }
    if (operation && operation !== "-" && entry.operationId !== operation) { return false; }
    return true;
  }

  function notes(entry) {
    var cell = element("td", "notes");
    if (entry.source) { cell.appendChild(element("span", "tag-source", entry.source)); cell.appendChild(document.createTextNode(" ")); }
    if (entry.worker !== undefined) { cell.appendChild(element("span", "muted", "worker " + entry.worker + " ")); }
    var fault = entry.fault;
    if (fault) {
      var parts = [];
      if (fault.fault) { parts.push("fault " + fault.fault); }
      if (fault.delayMs) { parts.push("delay " + fault.delayMs + " ms"); }
      if (fault.source) { parts.push("(" + fault.source + ")"); }
      cell.appendChild(element("span", "tag-fault", parts.join(" ")));
    }
    (entry.violations || []).slice(0, 3).forEach(function (issue) {
      cell.appendChild(element("div", "violation", issueText(issue)));
    });
    if (entry.violations && entry.violations.length > 3) {
      cell.appendChild(element("div", "muted", "and " + (entry.violations.length - 3) + " more"));
    }
    return cell;
  }

  function detail(entry) {
    var row = element("tr", "detail");
    var cell = element("td");
    cell.colSpan = 8;
    if (isRefused(entry)) {
      cell.appendChild(element("h4", "", "Why the mock refused it"));
      var list = element("ul");
      entry.violations.forEach(function (issue) {
        var item = element("li", "violation");
        var where = Array.isArray(issue.location) ? issue.location.join(" / ") : "";
        item.appendChild(element("code", "", where));
        item.appendChild(document.createTextNode(" " + (issue.message || "")));
        list.appendChild(item);
      });
      cell.appendChild(list);
    }
    if (entry.fault) {
      cell.appendChild(element("h4", "", "Fault or delay injected"));
      cell.appendChild(element("pre", "", JSON.stringify(entry.fault, null, 2)));
    }
    cell.appendChild(element("h4", "", "Request headers"));
    var heads = Object.keys(entry.headers || {}).map(function (name) { return name + ": " + entry.headers[name]; });
    cell.appendChild(element("pre", "", heads.join("\n")));
    cell.appendChild(element("h4", "", "Request body" + (entry.bodyTruncated ? " (cut)" : "")));
    cell.appendChild(element("pre", "body", entry.body || "(none)"));
    row.appendChild(cell);
    return row;
  }

  function draw() {
    var shown = entries.filter(matches);
    tbody.textContent = "";
    empty.hidden = shown.length > 0;
    shown.forEach(function (entry) {
      var row = element("tr", "entry" + (isRefused(entry) ? " refused" : ""));
      row.dataset.number = entry.number;
      row.appendChild(element("td", "muted", entry.number));
      row.appendChild(element("td", "muted nowrap", new Date(entry.loggedAt * 1000).toLocaleTimeString()));
      row.appendChild(element("td", "mono", entry.method));
      row.appendChild(element("td", "path", entry.path + (entry.query ? "?" + entry.query : "")));
      row.appendChild(element("td", "status-" + String(entry.status).charAt(0), entry.status));
      row.appendChild(element("td", "mono", entry.operationId || "—"));
      row.appendChild(element("td", "muted nowrap", entry.durationMs + " ms"));
      row.appendChild(notes(entry));
      row.addEventListener("click", function () {
        opened[entry.number] = !opened[entry.number];
        draw();
      });
      tbody.appendChild(row);
      if (opened[entry.number]) { tbody.appendChild(detail(entry)); }
    });
  }

  function read(limit) {
    return fetch("/__admin/requests?limit=" + limit, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("the journal answered " + response.status); }
        return response.json();
      });
  }

  // Each poll first asks for the journal's counts alone (limit=0, a few bytes); the newest
  // entries are read only when the counts moved, so an idle page costs the mock next to nothing.
  function poll() {
    read(0)
      .then(function (counts) {
        var m = counts.meta || {};
        var key = m.total + ":" + m.kept;
        if (key === shownKey) { return; }
        return read(pageSize).then(function (journal) {
          var now = journal.meta || {};
          var listed = journal.requests || [];
          meta.textContent = now.total + " received, " + now.kept + " kept, " + now.dropped +
            " dropped; the newest " + listed.length + " shown";
          shownKey = now.total + ":" + now.kept;
          entries = listed.slice().reverse();
          draw();
        });
      })
      .catch(function (error) { meta.textContent = "Cannot read the journal: " + error.message; })
      .then(schedule);
  }

  statusFilter.addEventListener("change", draw);
  operationFilter.addEventListener("change", draw);
  live.addEventListener("change", function () { if (live.checked) { poll(); } });
  document.getElementById("clear").addEventListener("click", function () {
    fetch("/__admin/requests", { method: "DELETE" }).then(function () { opened = {}; shownKey = ""; poll(); });
  });
  poll();
})();
