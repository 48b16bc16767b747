"""The terminal view: one line per item, grouped by section; colour only on a TTY."""

from __future__ import annotations

from typing import Any

import click
from gonogo.evaluator.outputs.tables import item_tables
from gonogo.evaluator.report import section_titles
from gonogo.evaluator.tuning import describe as describe_tuning

from gonogo.text import printable

MARKS = {
    "pass": ("PASS", "green"),
    "fail": ("FAIL", "red"),
    "pending": ("PEND", "yellow"),
    "not_applicable": ("N/A ", "bright_black"),
    "waived": ("WAIV", "cyan"),
    "error": ("ERR ", "magenta"),
}


def _first_message(entry: dict[str, Any]) -> str:
    if entry["verdict"] == "waived":
        waiver = entry.get("waiver", {})
        return (
            f"waived ({waiver.get('assurance', 'declared')}) by {waiver.get('approver')} until "
            f"{waiver.get('expires')}: {waiver.get('reason')}"
        )
    for wanted in ("error", "fail", "pending"):
        for criterion in entry["criteria"]:
            if criterion["verdict"] == wanted:
                evidence = f" [{', '.join(criterion['evidence'][:2])}]" if criterion.get("evidence") else ""
                return f"{criterion['text']}: {criterion['message']}{evidence}"
    return ""


def _tables(entry: dict[str, Any]) -> list[str]:
    lines = []
    for table in item_tables(entry):
        grid = [[printable(cell) for cell in row] for row in (table.columns, *table.rows)]
        widths = [min(40, max(len(row[i]) for row in grid)) for i in range(len(table.columns))]
        lines.append(f"       {printable(table.title)}:")
        lines += [
            "         " + "  ".join(cell[: widths[i]].ljust(widths[i]) for i, cell in enumerate(row))
            for row in grid
        ]
    return lines


def _skipped(skipped: list[dict[str, Any]], verbose: bool) -> list[str]:
    """The files whose content was not used: a count, and with -v each file, line and reason."""
    if not skipped:
        return []
    if not verbose:
        return [f"Skipped files: {len(skipped)} (gonogo check -v lists them and why)"]
    lines = [f"Skipped files: {len(skipped)}"]
    for entry in skipped:
        where = f"{entry.get('path')}:{entry['line']}" if entry.get("line") else str(entry.get("path"))
        lines.append("  " + printable(f"{where}: {entry.get('reason')}"))
    return lines


def render(report: dict[str, Any], color: bool = False, verbose: bool = False) -> str:
    def paint(text: str, fg: str, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    lines: list[str] = []
    for number, title in section_titles(report).items():
        members = [e for e in report["items"] if e["id"].split(".")[0] == number]
        lines.append(paint(f"{number}. {title}", "white", bold=True))
        for entry in members:
            mark, fg = MARKS[entry["verdict"]]
            severity = entry["severity"][:4]
            by = entry.get("skipped_by")
            skipped = f" {paint(f'[skipped by {by}]', 'cyan')}" if by else ""
            lines.append(f"  {paint(mark, fg)} {entry['id']:<7} {severity:<4} {entry['title']}{skipped}")
            detail = printable(_first_message(entry))  # collected text cannot rewrite the screen
            if detail and (verbose or entry["verdict"] in ("fail", "error", "waived")):
                lines.append(f"       {paint('└─', 'bright_black')} {detail}")
            if entry.get("tuning"):  # gonogo.yaml's items: (evaluator/tuning.py)
                tuned = printable(describe_tuning(entry["tuning"]))
                lines.append(f"       {paint('└─', 'bright_black')} {tuned}")
            if verbose:
                lines += _tables(entry)
        lines.append("")
    summary = report["summary"]
    lines.append(
        f"Items {summary['total']}: {summary['completed']} completed ({summary['completed_percent']:g}%), "
        f"{summary['pending']} pending, {summary['blocked']} blocked, "
        f"{summary['critical_blockers']} critical blocker(s)"
    )
    lines.append(f"Readiness score: {summary['score']:g}/100 (minimum {report['min_score']:g})")
    skips = report.get("skipped_items") or []
    if skips:
        listed = ", ".join(f"{s['id']} ({s['verdict']})" for s in skips)
        lines.append(paint(f"Skipped by --skip (left out of the gate, not waived): {listed}", "cyan"))
    if summary.get("waived_critical"):
        lines.append(paint(f"Critical items waived: {summary['waived_critical']}", "yellow", bold=True))
    origin = report["provenance"].get("snapshot_origin") or {}
    if origin.get("kind") in ("signed", "unsigned"):
        described = f"signed by {origin.get('signer')}" if origin["kind"] == "signed" else "unsigned"
        reason = f" ({origin['reason']})" if origin.get("reason") else ""
        lines.append(printable(f"Snapshot: supplied {described}{reason}"))
    signed = [
        f"{row['role']} ({row['name']})"
        for row in report.get("approvals", [])
        if row["signature"] == "verified"
    ]
    lines.append("Signed off by: " + (", ".join(signed) if signed else "nobody yet (gonogo sign-off)"))
    lines += _skipped(report.get("skipped") or [], verbose)
    for name, run in report.get("collectors", {}).items():
        for error in run.get("errors", []):
            lines.append(paint(printable(f"collector {name} failed: {error}"), "magenta"))
    decision = report["decision"]
    if decision == "APPROVED":
        lines.append(paint("Decision: APPROVED FOR DEPLOYMENT", "green", bold=True))
    else:
        lines.append(
            paint("Decision: NEEDS WORK", "red", bold=True) + " — " + "; ".join(report["decision_reasons"])
        )
    return "\n".join(lines) + "\n"
