"""The one place the Go/No-Go decision is made (docs/scoring.md), and its exit-code class.

APPROVED only when no item errs or fails, there is no critical blocker, the score reaches the
minimum, no collector failed and the snapshot is complete; otherwise NEEDS_WORK with every
reason. The CLI maps the exit class to a number and decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

APPROVED = "APPROVED"
NEEDS_WORK = "NEEDS_WORK"
DEFAULT_MIN_SCORE = 80.0
# attestation statuses that block: tampering or misrepresentation, not age (expired, stale)
UNTRUSTED = ("bad_signature", "malformed", "unknown_key", "wrong_role")
ExitClass = Literal["approved", "needs_work", "error"]


def decide(
    summary: dict[str, Any],
    min_score: float = DEFAULT_MIN_SCORE,
    failed_collectors: Iterable[str] = (),
    partial: bool = False,
    untrusted: Iterable[str] = (),
) -> tuple[str, list[str]]:
    """The decision and, when it is NEEDS_WORK, every reason. `untrusted` are the attestations
    found that cannot be trusted (a bad signature, a key no one trusts, a role the signer does not
    hold, a malformed envelope): tampering is never approved, whatever else passes."""
    reasons = []
    by_verdict = summary["by_verdict"]
    if by_verdict["error"]:
        reasons.append(f"{by_verdict['error']} item(s) could not be evaluated (error)")
    if by_verdict["fail"]:
        reasons.append(f"{by_verdict['fail']} item(s) fail")
    if summary["critical_blockers"]:
        reasons.append(f"{summary['critical_blockers']} critical blocker(s)")
    if summary["score"] < min_score:
        reasons.append(f"readiness score {summary['score']:g} < {min_score:g}")
    failed = sorted(failed_collectors)
    if failed:  # even when no item names what a failed collector provides (it may not have loaded)
        reasons.append(f"collector(s) failed: {', '.join(failed)}")
    if partial:
        reasons.append("only some paths were collected (partial snapshot): never approved")
    distrusted = sorted(untrusted)
    if distrusted:
        reasons.append(f"{len(distrusted)} attestation(s) cannot be trusted: {', '.join(distrusted)}")
    return (NEEDS_WORK, reasons) if reasons else (APPROVED, [])


def failed_collectors(report: dict[str, Any]) -> list[str]:
    return sorted(name for name, run in report.get("collectors", {}).items() if run.get("errors"))


# --fail-on critical|high|medium: the severities at or above the level that block when they fail.
SEVERITY_GATES = {
    "critical": ("critical",),
    "high": ("critical", "high"),
    "medium": ("critical", "high", "medium"),
}


def exit_class(report: dict[str, Any], fail_on: str = "decision") -> ExitClass:
    """error when an item could not be evaluated or a collector failed (whatever fail_on says);
    otherwise fail_on picks the gate: the decision; a failing item of a severity at or above
    critical/high/medium; any failing item (any, or its older name fail); or a cited failure
    (evidence). Pending never blocks the looser gates; only `decision` asks for evidence."""
    verdicts = report["summary"]["by_verdict"]
    if verdicts["error"] or failed_collectors(report):
        return "error"
    if fail_on in ("any", "fail"):
        blocked = bool(verdicts["fail"])
    elif fail_on in SEVERITY_GATES:
        blocked = any(
            e["verdict"] == "fail" and e["severity"] in SEVERITY_GATES[fail_on] for e in report["items"]
        )
    elif fail_on == "evidence":
        blocked = any(
            c["verdict"] == "fail" and c["evidence"] for e in report["items"] for c in e["criteria"]
        )
    elif fail_on == "decision":
        blocked = report["decision"] != APPROVED
    else:
        raise ValueError(f"unknown --fail-on level {fail_on!r}")
    return "needs_work" if blocked else "approved"
