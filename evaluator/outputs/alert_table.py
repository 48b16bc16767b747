"""The 3.2 alert-coverage table: each alert class, the alerts covering it, threshold, receivers.

Rows come from the items' own `tables` (built in Rego from `monitoring.alert_coverage`); a
generic per-item table renderer is to replace this module.
"""

from __future__ import annotations

from typing import Any

HEADER = ("Alert class", "Alert(s)", "Threshold found", "Receiver reached", "Verdict")


def rows(report: dict[str, Any]) -> list[tuple[str, ...]]:
    """The rows of every item table titled "Alert coverage" (emitted by the items' Rego), with
    each row's verdict taken from the report's criterion of that text (after waivers)."""
    table: list[tuple[str, ...]] = []
    for entry in report["items"]:
        verdicts = {criterion["text"]: criterion["verdict"] for criterion in entry["criteria"]}
        for item_table in entry.get("tables") or []:
            if item_table.get("title") != "Alert coverage":
                continue
            for row in item_table["rows"]:
                table.append((*row[:-1], verdicts.get(row[0], row[-1])))
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
