"""``leeloo-drift --format html``: the drift report as one self-contained page.

The same content as the text form, in the same order (the verified decisions the capture
contradicts first, then the findings by kind, then what the capture said of the evidence
register), with the page's style inline and no script. It is built from the report's JSON text,
whose secrets are redacted before anything is escaped (an escaped ``&`` would hide a token from
the scrub), and the finished page is scrubbed once more.
"""

from __future__ import annotations

import json
from typing import Any

from mock_server.drift.report import CONTRADICTED, Report
from mock_server.har import scrub_text
from mock_server.pages._markup import esc, page


def _status_class(status: str) -> str:
    return "guess" if status == "guess" else "verified"


def _finding_html(finding: dict[str, Any]) -> str:
    where = f"{finding['location']} {finding['pointer']}".strip()
    values = ", ".join(json.dumps(v, ensure_ascii=False, default=str) for v in finding["values"][:5])
    tied = finding["evidence"]
    evidence = (
        f"<div>tied to <code>x-evidence {esc(tied['pointer'])}</code> "
        f'<span class="badge {_status_class(tied["status"])}">{esc(tied["status"])}</span></div>'
        if tied
        else ""
    )
    return (
        f'<div class="card finding"><div><span class="badge">{esc(finding["kind"])}</span> '
        f'<span class="method {esc(str(finding["method"]).lower())}">{esc(finding["method"])}</span> '
        f'<span class="path">{esc(finding["path"])}</span> '
        f'<span class="muted">({esc(finding["operationId"] or "no operation")})</span> '
        f'<span class="status-{str(finding["status"])[:1]}">{esc(finding["status"])}</span> '
        f"<code>{esc(where)}</code></div>"
        f"<div>{esc(finding['message'])}</div>"
        f"{f'<div class=muted>Seen: <code>{esc(values)}</code></div>' if values else ''}"
        f'<div class="muted">{esc(finding["count"])} exchange(s), first entry {esc(finding["first"])}</div>'
        f"{evidence}</div>"
    )


def _verdict_html(verdict: dict[str, Any]) -> str:
    contradicted = verdict["verdict"] == CONTRADICTED
    sources = "".join(f"<li>{esc(source)}</li>" for source in verdict["sources"])
    example = f"<div>{esc(verdict['example'])}</div>" if contradicted and verdict["example"] else ""
    return (
        f'<tr><td><span class="badge {"guess" if verdict["status"] == "guess" else "verified"}">'
        f"{esc(verdict['status'])}</span></td>"
        f'<td class="{"violation" if contradicted else "status-2"}">{esc(verdict["verdict"])}</td>'
        f"<td><code>{esc(verdict['pointer'])}</code> "
        f"<span class=muted>(spec line {esc(verdict['line'])})</span>"
        f"{example}"
        f'<ul class="muted">{sources}</ul></td>'
        f"<td>{esc(verdict['exchanges'])} exchange(s), first entry {esc(verdict['first'])}</td></tr>"
    )


def render_drift(report: Report) -> str:
    """The whole report as one HTML document (style inline, no script, nothing from elsewhere)."""
    shown = json.loads(report.to_json())  # the token's value redacted before any of it is escaped
    loud = [
        "<div class=loud><strong>Verified decision contradicted:</strong> "
        f"<code>{esc(v['pointer'])}</code> "
        f"(spec line {esc(v['line'])}) by {esc(v['exchanges'])} exchange(s), first entry {esc(v['first'])}: "
        f"{esc(v['example'])}</div>"
        for v in shown["evidence"]
        if v["verdict"] == CONTRADICTED and v["status"] == "verified"
    ]
    findings = "".join(_finding_html(finding) for finding in shown["findings"])
    dropped = (
        f"<p class=muted>and {esc(shown['findingsDropped'])} more distinct finding(s), "
        "not listed (bound reached)</p>"
        if shown["findingsDropped"]
        else ""
    )
    verdicts = "".join(_verdict_html(verdict) for verdict in shown["evidence"])
    register = (
        "<h2>Evidence register, as the capture shows it</h2><table><thead><tr><th>Status</th>"
        f"<th>Verdict</th><th>Decision</th><th>Exchanges</th></tr></thead><tbody>{verdicts}</tbody></table>"
        if verdicts
        else ""
    )
    matched, exchanges = shown["matched"], shown["exchanges"]
    body = (
        f'<header class="top"><h1>Drift report</h1><span class="meta">{esc(shown["capture"])}: '
        f"{esc(exchanges)} exchanges, {esc(matched)} matched to an operation, {esc(exchanges - matched)} "
        f"not matched; {len(shown['findings'])} finding(s)</span></header><main>{''.join(loud)}"
        f"<h2>Findings</h2>{findings or '<p class=muted>None: the traffic agrees with the spec.</p>'}"
        f"{dropped}{register}</main>"
    )
    return scrub_text(page(f"Drift report: {shown['capture']}", body).html)
