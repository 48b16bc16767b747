"""The 3.2 alert-coverage table: each alert class, the alerts covering it, threshold, receivers.

Rows come from the snapshot's `monitoring.alert_coverage` (carried in the report's
`extras.alert_coverage`) and the verdict of the matching 3.2.x criterion.
"""

from __future__ import annotations

from typing import Any

HEADER = ("Alert class", "Alert(s)", "Threshold found", "Receiver reached", "Verdict")


def rows(report: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    coverage = (report.get("extras") or {}).get("alert_coverage") or {}
    verdicts = {
        (entry["id"], criterion["text"]): criterion["verdict"]
        for entry in report["items"]
        if entry["id"].startswith("3.2.")
        for criterion in entry["criteria"]
    }
    table = []
    for klass in sorted(coverage, key=lambda k: (coverage[k].get("item", ""), k)):
        facts = coverage[klass]
        alerts = facts.get("alerts") or []
        names = ", ".join(a.get("alert", "?") for a in alerts) or "—"
        thresholds = ", ".join(sorted({a.get("threshold_text") or "—" for a in alerts})) or "—"
        receivers = (
            ", ".join(sorted({r for a in alerts for r in a.get("receivers") or [] if a.get("routed")}))
            or "none"
        )
        verdict = verdicts.get((facts.get("item", ""), facts.get("criterion", "")), "—")
        table.append((facts.get("criterion") or klass, names, thresholds, receivers, verdict))
    return table


def markdown(report: dict[str, Any]) -> list[str]:
    table = rows(report)
    if not table:
        return []
    lines = ["", "#### Alert coverage", "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table]
    return [*lines, ""]


def text(report: dict[str, Any]) -> list[str]:
    table = rows(report)
    if not table:
        return []
    widths = [min(40, max(len(str(r[i])) for r in [HEADER, *table])) for i in range(len(HEADER))]
    out = ["  Alert coverage (3.2):"]
    for row in [HEADER, *table]:
        out.append("    " + "  ".join(str(cell)[: widths[i]].ljust(widths[i]) for i, cell in enumerate(row)))
    return out
