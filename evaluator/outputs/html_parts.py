"""The HTML report's overview parts: blockers, the readiness chart, filters, approvals, links.

Every part is built from the report alone and escapes what it inserts; the chart is inline SVG,
so the page needs no network.
"""

from __future__ import annotations

from html import escape as html_escape
from typing import Any

from gonogo.text import printable

CHART_VERDICTS = ("pass", "fail", "pending", "not_applicable", "waived", "error")
CHART_LABELS = {
    "pass": "Pass",
    "fail": "Fail",
    "pending": "Pending",
    "not_applicable": "Not applicable",
    "waived": "Waived",
    "error": "Error",
}
# The seed checklist's "Deployment Approval" sign-off roles, shown unsigned until the report
# carries approvals.
SEED_ROLES = ("Engineering Lead", "Security Lead", "DevOps Lead", "Product Manager", "CTO/VP Engineering")
DOCS_BASE = "site/items/"
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
SCRIPT = """
(function () {
  var buttons = document.querySelectorAll('.filters button');
  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      document.body.className = button.dataset.filter ? 'only-' + button.dataset.filter : '';
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
      document.querySelectorAll('details.section').forEach(function (d) { d.open = true; });
    });
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.section').forEach(function (d) { d.open = true; });
  });
})();
"""


def escape(text: Any) -> str:
    """HTML-escaped, with control characters shown as escapes (`\\x1b`, `\\r`): a collected name
    holding a carriage return or terminal codes cannot hide or inject text in the page."""
    return html_escape(printable(str(text)))


def docs_link(item_id: str) -> str:
    """The item's ID, linked to its page of the docs site written next to the report."""
    return f'<a class="docs" href="{escape(DOCS_BASE + item_id)}.html">{escape(item_id)}</a>'


def blockers(items: list[dict[str, Any]]) -> str:
    """The failing and erring items, most severe first, each linked to its row."""
    blocking = sorted(
        (e for e in items if e["verdict"] in ("fail", "error")),
        key=lambda e: (
            SEVERITY_ORDER.get(e["severity"], 9),
            [int(p) for p in e["id"].split(".") if p.isdigit()],
        ),
    )
    if not blocking:
        return '<p id="blockers" data-count="0">No blockers.</p>'
    rows = "".join(
        f'<li><a href="#item-{escape(e["id"])}">{escape(e["id"])}</a> {escape(e["title"])} '
        f"({escape(e['severity'])}, {escape(e['verdict'])})</li>"
        for e in blocking
    )
    return (
        f'<details id="blockers" data-count="{len(blocking)}"><summary>{len(blocking)} blockers</summary>'
        f'<ol class="blockers">{rows}</ol></details>'
    )


def skipped_items(skipped: list[dict[str, Any]]) -> str:
    """The items `--skip` left out of the pipeline gate: shown, never hidden (not waivers)."""
    if not skipped:
        return ""
    listed = ", ".join(
        f'<a href="#item-{escape(s["id"])}">{escape(s["id"])}</a> '
        f"({escape(CHART_LABELS.get(s['verdict'], s['verdict']))})"
        for s in skipped
    )
    return (
        f'<p id="skipped-items" data-count="{len(skipped)}"><b>Skipped by --skip</b> '
        f"(left out of the gate, not waived): {listed}</p>"
    )


def section_chart(sections: list[dict[str, Any]]) -> str:
    """Readiness by section: one stacked horizontal bar per section, drawn as inline SVG."""
    label_width, bar_width, row_height = 260, 560, 26
    height = row_height * len(sections) + 8
    rows = []
    for index, section in enumerate(sections):
        y = 4 + index * row_height
        total = section["total"] or 1
        counts = section["verdicts"]
        x = float(label_width)
        data = " ".join(f'data-{v.replace("_", "-")}="{int(counts.get(v, 0))}"' for v in CHART_VERDICTS)
        rows.append(
            f'<g class="bar" data-section="{escape(section["number"])}" data-total="{int(section["total"])}" '
            f'{data}><text x="0" y="{y + 16}" font-size="13">{escape(section["number"])}. '
            f"{escape(section['title'])}</text>"
        )
        for verdict in CHART_VERDICTS:
            count = int(counts.get(verdict, 0))
            if not count:
                continue
            width = bar_width * count / total
            rows.append(
                f'<rect class="{verdict}" x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_height - 6}">'
                f"<title>{escape(section['title'])}: {count} {CHART_LABELS[verdict].lower()}</title></rect>"
            )
            x += width
        rows.append(
            f'<text x="{label_width + bar_width + 8}" y="{y + 16}" font-size="13">'
            f"{int(section['total'])}</text></g>"
        )
    legend = "".join(
        f'<span><svg width="10" height="10"><rect class="{v}" width="10" height="10"/></svg> '
        f"{CHART_LABELS[v]}</span>"
        for v in CHART_VERDICTS
    )
    return (
        '<figure class="chart" id="chart"><figcaption>Readiness by section</figcaption>'
        f'<svg role="img" aria-label="Readiness by section" width="100%" '
        f'viewBox="0 0 {label_width + bar_width + 40} {height}">{"".join(rows)}</svg>'
        f'<div class="legend">{legend}</div></figure>'
    )


def filters() -> str:
    choices = (("", "All items"), ("fail", "Failing"), ("pending", "Pending"), ("waived", "Waived"))
    return (
        '<div class="filters" role="group" aria-label="Show">'
        + "".join(
            f'<button type="button" data-filter="{value}" aria-pressed="{str(not value).lower()}">'
            f"{label}</button>"
            for value, label in choices
        )
        + "</div>"
    )


def approvals_table(approvals: Any) -> str:
    """The report's approvals, else the seed's sign-off roles marked not signed."""
    rows = []
    if isinstance(approvals, list) and approvals:
        for approval in approvals:
            if not isinstance(approval, dict):
                continue
            signed = "true" if approval.get("signature") == "verified" else "false"
            rows.append(
                f'<tr data-signed="{signed}">'
                + "".join(
                    f"<td>{escape(str(approval.get(key, '')))}</td>"
                    for key in ("role", "name", "date", "signature")
                )
                + "</tr>"
            )
    else:
        rows = [
            f'<tr data-signed="false"><td>{escape(role)}</td><td colspan="3"><span class="v pending">'
            "not signed</span></td></tr>"
            for role in SEED_ROLES
        ]
    return (
        '<h2 id="approvals">Deployment approval</h2><table class="approvals"><thead><tr><th>Role</th>'
        "<th>Name</th><th>Date</th><th>Signature</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
