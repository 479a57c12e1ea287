"use strict";
// The reference's "try it": each form sends its operation's request to the mock and shows the
// answer. Every value reaches the page as text (textContent), never as markup.
(function () {
  var target = document.getElementById("target");
  target.value = location.protocol.indexOf("http") === 0 ? location.origin : "http://127.0.0.1:4010";

  // Each card's body waits in the page's data block (escaped on the server) until the card is
  // opened: a description of a thousand operations stays a light page.
  var fragments = null;

  function fill(card) {
    if (fragments === null) { fragments = JSON.parse(document.getElementById("fragments").textContent); }
    var body = card.querySelector(":scope > .opbody");
    if (body && !body.hasChildNodes() && card.dataset.fragment !== undefined) {
      body.innerHTML = fragments[Number(card.dataset.fragment)];
    }
  }

  document.addEventListener("toggle", function (event) {
    if (event.target.open) { fill(event.target); }
  }, true);

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var card = id ? document.getElementById(id) : null;
    if (card && card.tagName === "DETAILS") {
      fill(card);
      card.open = true;
      card.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  document.getElementById("expand").addEventListener("change", function (event) {
    var open = event.target.checked;
    document.querySelectorAll("details.operation").forEach(function (d) {
      if (open) { fill(d); }
      d.open = open;
    });
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function requestOf(form) {
    var path = form.dataset.path;
    var query = new URLSearchParams();
    var headers = {};
    var body = null;
    form.querySelectorAll("[data-in]").forEach(function (field) {
      var name = field.dataset.name;
      var value = field.value;
      switch (field.dataset.in) {
        case "path":
          path = path.split("{" + name + "}").join(encodeURIComponent(value));
          break;
        case "query":
          if (value !== "") { query.append(name, value); }
          break;
        case "header":
          if (value !== "") { headers[name] = value; }
          break;
        case "body":
          if (value.trim() !== "") { body = value; headers["Content-Type"] = field.dataset.type; }
          break;
      }
    });
    var search = query.toString();
    var base = target.value.replace(/\/+$/, "");
    return { url: base + path + (search ? "?" + search : ""), headers: headers, body: body };
  }

  function show(form, lines, status, text) {
    var answer = form.querySelector(".answer");
    answer.textContent = "";
    if (status !== null) {
      var line = element("div", "");
      line.appendChild(element("strong", "status-" + String(status).charAt(0), String(status)));
      line.appendChild(document.createTextNode(" " + lines));
      answer.appendChild(line);
    } else {
      answer.appendChild(element("div", "violation", lines));
    }
    if (text !== undefined) { answer.appendChild(element("pre", "", text)); }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("try")) { return; }
    event.preventDefault();
    var request = requestOf(form);
    var method = form.dataset.method;
    var started = performance.now();
    form.querySelector(".sent").textContent = method + " " + request.url;
    var options = { method: method, headers: request.headers, credentials: "omit", cache: "no-store" };
    if (request.body !== null && method !== "GET" && method !== "HEAD") { options.body = request.body; }
    fetch(request.url, options).then(function (response) {
      return response.text().then(function (text) {
        var heads = [];
        response.headers.forEach(function (value, name) { heads.push(name + ": " + value); });
        var pretty = text;
        try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch (ignored) { /* not JSON */ }
        var took = Math.round(performance.now() - started) + " ms";
        show(form, response.statusText + " · " + took, response.status, heads.join("\n") + "\n\n" + pretty);
      });
    }).catch(function (error) {
      show(form, "No answer from " + request.url + ": " + error.message, null);
    });
  });
})();
