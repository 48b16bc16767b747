"""GitHub Actions workflow-command annotations: `::error file=…,line=…,title=…::message` for each
failing (or unevaluated) criterion, `::notice` for pending ones, placed at the first `file:line`
evidence. The job summary is the Markdown report, which gonogo appends to $GITHUB_STEP_SUMMARY
when it is set (gonogo/report_output.py)."""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.outputs.sarif import FILE_REF

from gonogo.text import printable

COMMANDS = {"fail": "error", "error": "error", "pending": "notice"}


def _data(text: str) -> str:
    return printable(text, keep_newlines=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _where(evidence: list[str]) -> str:
    for ref in evidence:
        match = FILE_REF.match(ref)
        if match:
            line = f"line={match['line']}," if match["line"] else ""
            return f"file={_property(match['file'])},{line}"
    return ""


def render(report: dict[str, Any], color: bool = False) -> str:
    lines = []
    for entry in report["items"]:
        if entry["verdict"] == "waived":
            continue
        for criterion in entry["criteria"]:
            command = COMMANDS.get(criterion["verdict"])
            if command is None:
                continue
            title = _property(f"{entry['id']} {entry['severity']}: {entry['title']}")
            message = f"{criterion['text']}: {criterion['message']}"
            if entry.get("skipped_by") and criterion["verdict"] != "error":
                # --skip: shown as a notice (the gate left it out), never dropped
                command = "notice"
                message = f"[skipped by {entry['skipped_by']}, {criterion['verdict']}] {message}"
            if entry.get("remediation") and criterion["verdict"] == "fail":
                message += f" (fix: {entry['remediation']})"
            lines.append(
                f"::{command} {_where(criterion.get('evidence') or [])}title={title}::{_data(message)}"
            )
    reasons = "; ".join(report.get("decision_reasons") or [])
    summary = (
        f"gonogo: {report['decision'].replace('_', ' ')}, readiness score {report['summary']['score']:g}/100"
    )
    if reasons:
        summary += f" — {reasons}"
    command = "notice" if report["decision"] == "APPROVED" else "error"
    lines.append(f"::{command} title=gonogo decision::{_data(summary)}")
    return "\n".join(lines) + "\n"
