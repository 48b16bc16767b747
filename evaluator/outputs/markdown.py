"""Markdown: the seed checklist itself, re-rendered with boxes ticked from verdicts.

Same sections, subsections, items and sub-bullets as the checklist; each item gets one
evidence line; the Deployment Decision and Summary Statistics blocks are filled in.
A box is ticked only for `pass` (and for `not_applicable`, marked N/A).
"""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.outputs.tables import item_tables
from gonogo.evaluator.report import section_titles
from gonogo.evaluator.tuning import describe as describe_tuning

from gonogo.text import printable

LABELS = {
    "pass": "PASS",
    "fail": "FAIL",
    "pending": "PENDING",
    "not_applicable": "N/A",
    "waived": "WAIVED",
    "error": "ERROR",
}


def _item_heading(title: str) -> str:
    head, colon, tail = title.partition(":")
    if colon and len(head) <= 40:
        return f"**{head}**:{tail}"
    return title


def _evidence_line(entry: dict[str, Any]) -> str:
    label = LABELS[entry["verdict"]]
    if entry.get("skipped_by"):  # --skip: left out of the gate, the verdict still shown
        label = f"{label} (skipped by {entry['skipped_by']}, not waived)"
    if entry["verdict"] == "waived":
        waiver = entry.get("waiver", {})
        return (
            f"{label} — was {entry.get('waived_verdict')}; waived by {waiver.get('approver')} "
            f"until {waiver.get('expires')}: {waiver.get('reason')}"
        )
    order = ("error", "fail", "pending", "pass", "not_applicable")
    for wanted in order:
        for criterion in entry["criteria"]:
            if criterion["verdict"] == wanted:
                refs = ", ".join(f"`{ref}`" for ref in criterion.get("evidence", [])[:3])
                return f"{label} — {criterion['message']}" + (f" ({refs})" if refs else "")
    return label


def _escape(text: str) -> str:
    return printable(text.replace("\n", " "))


def _tables(entry: dict[str, Any]) -> list[str]:
    """Each of the item's tables as a Markdown table under a bold title, set off by blank lines."""
    out = []
    for table in item_tables(entry):
        out += [
            "",
            f"  **{_cell(table.title)}**",
            "",
            "  | " + " | ".join(_cell(c) for c in table.columns) + " |",
        ]
        out.append("  |" + "---|" * len(table.columns))
        out += ["  | " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]
        out.append("")
    return out


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")


SEVERITY_ORDER = ("critical", "high", "medium", "low")


def _blockers(report: dict[str, Any]) -> list[str]:
    """The items that fail or could not be evaluated, critical first, before the checklist."""
    blocking = [e for e in report["items"] if e["verdict"] in ("fail", "error")]
    blocking.sort(key=lambda e: SEVERITY_ORDER.index(e["severity"]) if e["severity"] in SEVERITY_ORDER else 9)
    if not blocking:
        return ["**Blockers**: none"]
    lines = [f"**Blockers** ({len(blocking)}):", ""]
    for entry in blocking:
        failing = next((c for c in entry["criteria"] if c["verdict"] in ("fail", "error")), None)
        detail = f": {_escape(failing['text'])} — {_escape(failing['message'])}" if failing else ""
        skipped = f" *(skipped by {entry['skipped_by']})*" if entry.get("skipped_by") else ""
        lines.append(f"- **{entry['id']}** ({entry['severity']}) {_escape(entry['title'])}{detail}{skipped}")
    return lines


def _skipped(report: dict[str, Any]) -> list[str]:
    """The items `--skip` left out of the pipeline gate: shown, never hidden (not waivers)."""
    skipped = report.get("skipped_items") or []
    if not skipped:
        return []
    listed = ", ".join(f"{s['id']} ({LABELS.get(s['verdict'], s['verdict'])})" for s in skipped)
    return ["", f"**Skipped by --skip** (left out of the gate, not waived): {listed}"]


def _assurance(criterion: dict[str, Any]) -> str:
    level = criterion.get("assurance")
    return f" ({level})" if level and criterion["verdict"] in ("pass", "not_applicable") else ""


def _origin(provenance: dict[str, Any]) -> str:
    origin = provenance.get("snapshot_origin") or {"kind": "collected"}
    if origin["kind"] == "signed":
        return f"supplied signed by {_escape(str(origin.get('signer')))}"
    return "collected in this run" if origin["kind"] == "collected" else "supplied unsigned"


def deployment_date(report: dict[str, Any]) -> str:
    """The latest date among the sign-offs of this evidence (the seed's Deployment Date)."""
    dates = [row["date"] for row in report.get("approvals", []) if row.get("signature") == "verified"]
    return max(dates) if dates else report["provenance"]["evaluated_at"][:10]


def _approvals(report: dict[str, Any]) -> list[str]:
    """The seed's Deployment Approval table, filled from the sign-offs (policies/lib/signoff.rego)."""
    rows = report.get("approvals") or []
    out = ["---", "", "## Deployment Approval", "", "### Sign-Offs Required", ""]
    out += ["| Role | Name | Date | Signature |", "|------|------|------|-----------|"]
    for row in rows:
        cells = [_cell(str(row.get(key) or "__________")) for key in ("role", "name", "date", "signature")]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _headline(report: dict[str, Any]) -> str:
    """The first thing a reader (or a CI job summary) sees: the decision and why, in one line."""
    score = f"readiness score {report['summary']['score']:g}/100"
    if report["decision"] == "APPROVED":
        return f"> **Decision: APPROVED FOR DEPLOYMENT** — {score}"
    reasons = _escape("; ".join(report.get("decision_reasons") or [])) or score
    return f"> **Decision: NEEDS WORK** — {reasons} (the blockers are listed under Deployment Decision)"


def render(report: dict[str, Any], color: bool = False) -> str:
    context = report.get("context", {})
    provenance = report["provenance"]
    out = [
        "# Production Readiness Checklist",
        "",
        _headline(report),
        "",
        f"## {context.get('service', 'Service')} - Production Deployment Verification",
        "",
        f"**Date**: {provenance['evaluated_at'][:10]}",
        f"**Version**: gonogo {provenance['gonogo_version']}, policies {provenance['policy_digest'][:19]}",
        f"**Platform**: {context.get('service', 'unknown')}"
        + (f" ({context['environment']})" if context.get("environment") else ""),
        "**Reviewed By**: gonogo (evidence-based evaluation with OPA "
        f"{provenance['opa_version']}; snapshot {provenance['snapshot_sha256'][:19]}, "
        f"{_origin(provenance)})",
        "",
    ]
    approved = report["decision"] == "APPROVED"
    out += [
        "---",
        "",
        "## Deployment Decision",
        "",
        "**Status**: "
        + (
            "[x] APPROVED FOR DEPLOYMENT / [ ] NEEDS WORK"
            if approved
            else "[ ] APPROVED FOR DEPLOYMENT / [x] NEEDS WORK"
        ),
        "",
        f"**Deployment Date**: {deployment_date(report) if approved else '__________________'}",
        "",
        "**Notes**:",
    ]
    out += [f"- {reason}" for reason in report["decision_reasons"]] or ["- All gates passed."]
    out += ["", f"**Critical items waived**: {report['summary'].get('waived_critical', 0)}"]
    out += [*_skipped(report), "", *_blockers(report), ""]
    items_by_section: dict[str, list[dict[str, Any]]] = {}
    for entry in report["items"]:
        items_by_section.setdefault(entry["id"].split(".")[0], []).append(entry)
    for number, title in section_titles(report).items():
        out += ["---", "", f"## {number}. {title}", ""]
        subsection = None
        for entry in items_by_section.get(number, []):
            if entry["section"] != subsection:
                if subsection is not None:
                    out.append("")
                subsection = entry["section"]
                out += [f"### {subsection}"]
            changed = entry.get("thresholds_changed") or []
            # the seed's wording states its figure: it is not ticked when another figure was checked
            tuned = entry.get("tuning")  # gonogo.yaml's items: (evaluator/tuning.py)
            done = entry["verdict"] in ("pass", "not_applicable")
            ticked = "x" if done and not changed and not tuned else " "
            out.append(f"- [{ticked}] {_item_heading(entry['title'])}")
            out += [f"  - **tuned**: {_escape(describe_tuning(tuned))}"] if tuned else []
            out += [
                f"  - **threshold changed**: {_escape(t['name'])} checked at {t['checked']} "
                f"(the seed's figure: {t['seed']})"
                for t in changed
            ]
            criteria = entry["criteria"]
            if len(criteria) > 1 or criteria[0]["text"] not in entry["title"]:
                out += [f"  - {c['text']} — {LABELS[c['verdict']]}{_assurance(c)}" for c in criteria]
            out.append(f"  > {_escape(_evidence_line(entry))}")
            out += _tables(entry)
        out.append("")
    out += _approvals(report)
    summary = report["summary"]
    out += [
        "---",
        "",
        "## Summary Statistics",
        "",
        f"- **Total Checklist Items**: {summary['total']}",
        f"- **Completed Items**: {summary['completed']} ({summary['completed_percent']:g}%)",
        f"- **Pending Items**: {summary['pending']}",
        f"- **Blocked Items**: {summary['blocked']}",
        f"- **Critical Blockers**: {summary['critical_blockers']}",
        "",
        f"**Overall Readiness Score**: {summary['score']:g}/100",
        "",
        "---",
        "",
        f"*Generated by gonogo {provenance['gonogo_version']} at {provenance['evaluated_at']}*",
        "",
    ]
    return "\n".join(out)
