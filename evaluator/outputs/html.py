"""HTML: one self-contained page (no external assets) for people and auditors.

At the top the decision, its blockers and the score; a readiness chart by section drawn inline
as SVG; the approval table; then one foldable section (`<details>`) per checklist section, with
filters for failing, pending and waived items (a few lines of inline script; without it the page
still shows everything). Each item links to its page of the docs site, relative to the report:
`site/items/<id>.html`, which `gonogo docs -o site/` writes next to it. Everything inserted is
escaped; the page works offline and prints cleanly (every section unfolds for print).
"""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.outputs.html_parts import (
    SCRIPT,
    approvals_table,
    blockers,
    docs_link,
    escape,
    filters,
    section_chart,
    skipped_items,
)
from gonogo.evaluator.outputs.tables import item_tables
from gonogo.evaluator.report import section_titles
from gonogo.evaluator.tuning import describe as describe_tuning

LABELS = {
    "pass": "Pass",
    "fail": "Fail",
    "pending": "Pending",
    "not_applicable": "N/A",
    "waived": "Waived",
    "error": "Error",
}
STYLE = """
body{
  font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;
  margin:0;
  color:#1d2330;
  background:#f6f7f9;
}
header{padding:24px 32px;background:#fff;border-bottom:1px solid #dde1e7}
main{padding:8px 32px 48px;max-width:1200px}
h1{margin:0 0 4px;font-size:24px}
h2{margin:28px 0 8px;font-size:19px}
h3{margin:16px 0 6px;font-size:16px}
.decision{display:inline-block;padding:6px 14px;border-radius:6px;font-weight:700;color:#fff}
.APPROVED{background:#1f7a3f}
.NEEDS_WORK{background:#b42318}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0 0;padding:0;list-style:none}
.stats li{background:#f0f2f5;border-radius:6px;padding:8px 12px}
.stats b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde1e7}
th,td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid #eceef2}
th{background:#f0f2f5;font-weight:600}
td.id{white-space:nowrap;font-family:ui-monospace,monospace}
.v{
  display:inline-block;
  min-width:64px;
  text-align:center;
  border-radius:4px;
  padding:1px 6px;
  font-size:13px;
  font-weight:600;
}
.pass{background:#d8f3e1;color:#14532d}
.fail{background:#fde0de;color:#8a1c12}
.pending{background:#fff1c2;color:#6b4e00}
.not_applicable{background:#e8eaee;color:#3d4451}
.waived{background:#dbeafe;color:#1e3a8a}
.assurance{font-size:.75em;border:1px solid #999;border-radius:4px;padding:0 4px;color:#444}
.assurance.declared{border-color:#b45309;color:#b45309}
.error{background:#f3d9fa;color:#6b1380}
ul.criteria{margin:4px 0 0;padding-left:18px}
ul.criteria li{margin:2px 0}
code{
  font-family:ui-monospace,monospace;
  font-size:13px;
  background:#f0f2f5;
  padding:0 3px;
  border-radius:3px;
}
footer{color:#5b6474;font-size:13px;margin-top:32px}
nav.contents{margin:12px 0}
nav.contents{display:flex;flex-wrap:wrap;gap:4px 14px}
nav.contents a{white-space:nowrap}
.chart{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px;margin:16px 0}
.chart .legend span{margin-right:12px;font-size:13px}
.chart svg rect.pass{fill:#2f9e5b}.chart svg rect.fail{fill:#d64537}
.chart svg rect.pending{fill:#e7b416}.chart svg rect.not_applicable{fill:#aab1bd}
.chart svg rect.waived{fill:#4a7fd6}.chart svg rect.error{fill:#a24bc0}
.blockers{margin:12px 0 0;padding-left:20px}
details.section{background:#fff;border:1px solid #dde1e7;border-radius:6px;margin:12px 0}
details.section>summary{cursor:pointer;padding:10px 14px;font-size:17px;font-weight:600}
details.section>table{border:0;border-top:1px solid #dde1e7}
.filters{margin:16px 0 0}
.filters button{font:inherit;margin-right:6px;padding:4px 10px;border:1px solid #c5cad3;
  border-radius:4px;background:#fff;cursor:pointer}
.filters button[aria-pressed=true]{background:#1d2330;color:#fff}
body.only-fail tr[data-verdict]:not([data-verdict=fail]):not([data-verdict=error]){display:none}
body.only-pending tr[data-verdict]:not([data-verdict=pending]){display:none}
body.only-waived tr[data-verdict]:not([data-verdict=waived]){display:none}
@media print{
  body{background:#fff;font-size:11px}
  .filters,nav.contents{display:none}
  header,main{padding:8px}
  tr{break-inside:avoid}
  details.section{border:0}
  a{color:inherit;text-decoration:none}
}
"""


def _verdict(verdict: str) -> str:
    return f'<span class="v {verdict}">{LABELS[verdict]}</span>'


def _criteria(entry: dict[str, Any]) -> str:
    rows = []
    for criterion in entry["criteria"]:
        refs = " ".join(f"<code>{escape(ref)}</code>" for ref in criterion.get("evidence", []))
        level = criterion.get("assurance")
        badge = f' <span class="assurance {escape(level)}">{escape(level)}</span>' if level else ""
        rows.append(
            f"<li>{_verdict(criterion['verdict'])}{badge} {escape(criterion['text'])}: "
            f"{escape(criterion['message'])} {refs}</li>"
        )
    for changed in entry.get("thresholds_changed") or []:
        rows.append(
            f"<li><b>threshold changed</b>: {escape(str(changed['name']))} checked at "
            f"{escape(str(changed['checked']))} (the seed's figure: {escape(str(changed['seed']))})</li>"
        )
    if entry.get("tuning"):  # gonogo.yaml's items: (evaluator/tuning.py)
        rows.append(f'<li class="tuning"><b>tuned</b>: {escape(describe_tuning(entry["tuning"]))}</li>')
    if entry.get("skipped_by"):  # --skip: left out of the gate, the verdict still shown
        rows.append(
            f'<li class="skipped"><b>skipped by {escape(entry["skipped_by"])}</b>: left out of the '
            "pipeline gate for this run, not waived (its verdict above is unchanged)</li>"
        )
    if entry["verdict"] == "waived":
        waiver = entry.get("waiver", {})
        rows.append(
            f"<li>{_verdict('waived')} ({escape(str(waiver.get('assurance', 'declared')))}) by "
            f"{escape(str(waiver.get('approver')))} until "
            f"{escape(str(waiver.get('expires')))}: {escape(str(waiver.get('reason')))}</li>"
        )
    return '<ul class="criteria">' + "".join(rows) + "</ul>"


def _tables(entry: dict[str, Any]) -> str:
    parts = []
    for table in item_tables(entry):
        parts.append(f'<h3 class="item-table">{escape(table.title)}</h3><table><thead><tr>')
        parts.append(
            "".join(f"<th>{escape(column)}</th>" for column in table.columns) + "</tr></thead><tbody>"
        )
        for row in table.rows:
            cells = [
                _verdict(cell) if i == table.verdict_column and cell in LABELS else escape(cell)
                for i, cell in enumerate(row)
            ]
            parts.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        parts.append("</tbody></table>")
    return "".join(parts)


def render(report: dict[str, Any], color: bool = False) -> str:
    summary, provenance = report["summary"], report["provenance"]
    service = escape(str(report.get("context", {}).get("service", "Service")))
    decision = report["decision"]
    label = "APPROVED FOR DEPLOYMENT" if decision == "APPROVED" else "NEEDS WORK"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{service} — production readiness: {label}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{service} — Production Readiness</h1>",
        f'<span class="decision {decision}" id="decision">{label}</span>',
        '<ul class="stats">',
        f"<li><b>{summary['score']:g}/100</b>Readiness score</li>",
        f"<li><b>{summary['completed']} / {summary['total']}</b>"
        f"Completed ({summary['completed_percent']:g}%)</li>",
        f"<li><b>{summary['pending']}</b>Pending</li>",
        f"<li><b>{summary['blocked']}</b>Blocked</li>",
        f"<li><b>{summary['critical_blockers']}</b>Critical blockers</li>",
        f"<li><b>{summary.get('waived_critical', 0)}</b>Critical items waived</li>",
        "</ul>",
    ]
    if report["decision_reasons"]:
        parts.append("<p>" + "; ".join(escape(reason) for reason in report["decision_reasons"]) + "</p>")
    parts.append(skipped_items(report.get("skipped_items") or []))
    parts.append(blockers(report["items"]))
    parts.append(section_chart(report["sections"]))
    parts.append(filters())
    parts.append("</header><main>")
    parts.append(approvals_table(report.get("approvals")))
    titles = section_titles(report)
    numbers = list(titles)
    parts.append(
        '<nav class="contents">'
        + "".join(f'<a href="#section-{escape(n)}">{escape(n)}. {escape(titles[n])}</a>' for n in numbers)
        + "</nav>"
    )
    for number in numbers:
        members = [e for e in report["items"] if e["id"].split(".")[0] == number]
        if not members:
            continue
        title = titles[number]
        parts.append(
            f'<details class="section" open id="section-{escape(number)}">'
            f"<summary>{escape(number)}. {escape(title)} ({len(members)})</summary>"
        )
        parts.append(
            "<table><thead><tr><th>ID</th><th>Item</th><th>Severity</th><th>Verdict</th></tr></thead><tbody>"
        )
        for entry in members:
            parts.append(
                f'<tr id="item-{escape(entry["id"])}" data-verdict="{entry["verdict"]}"'
                + (' data-skipped="true">' if entry.get("skipped_by") else ">")
                + f'<td class="id">{docs_link(entry["id"])}</td>'
                f"<td>{escape(entry['title'])}{_criteria(entry)}{_tables(entry)}</td>"
                f"<td>{escape(entry['severity'])}</td><td>{_verdict(entry['verdict'])}</td></tr>"
            )
        parts.append("</tbody></table></details>")
    parts.append(
        f"<footer>gonogo {escape(provenance['gonogo_version'])} · OPA {escape(provenance['opa_version'])} · "
        f"snapshot <code>{escape(provenance['snapshot_sha256'])}</code> · policies "
        f"<code>{escape(provenance['policy_digest'])}</code> · {escape(provenance['evaluated_at'])}</footer>"
    )
    parts.append(f'</main><script id="filters-script">{SCRIPT}</script></body></html>')
    return "\n".join(parts) + "\n"
