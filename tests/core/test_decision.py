"""Verdict mapping, waivers, blockers, score and decision: the rules of docs/scoring.md."""

from __future__ import annotations

import pytest
from gonogo.evaluator.catalog import CatalogItem
from gonogo.evaluator.decision import decide, exit_class
from gonogo.evaluator.summary import score, summarize
from gonogo.evaluator.verdicts import apply_collector_errors, merge_with_catalog


def item(
    item_id: str, severity: str = "medium", evidence: tuple[str, ...] = ("operations.documents",)
) -> CatalogItem:
    return CatalogItem(
        id=item_id,
        title=f"Item {item_id}",
        section=f"{item_id.rsplit('.', 1)[0]} S",
        severity=severity,
        criteria=("only criterion",),
        evidence=evidence,
        description="d",
        remediation="r",
        package="p",
        file="f.rego",
        row=1,
    )


def reported(item_id: str, verdict: str) -> dict:
    return {
        "id": item_id,
        "verdict": verdict,
        "criteria": [{"text": "only criterion", "verdict": verdict, "message": "m", "evidence": []}],
    }


def entries(*pairs: tuple[str, str, str]) -> list[dict]:
    catalog = [item(i, sev) for i, sev, _ in pairs]
    return merge_with_catalog({i: reported(i, v) for i, _, v in pairs}, catalog)


def test_all_pending_needs_work_with_every_critical_a_blocker() -> None:
    items = entries(
        ("1.1.1", "critical", "pending"), ("1.1.2", "high", "pending"), ("1.1.3", "low", "pending")
    )
    summary = summarize(items)
    assert summary["pending"] == 3 and summary["completed"] == 0
    assert summary["critical_blockers"] == 1
    assert summary["score"] == 0.0
    decision, reasons = decide(summary)
    assert decision == "NEEDS_WORK"
    assert "1 critical blocker(s)" in reasons


def test_all_pass_is_approved() -> None:
    items = entries(
        ("1.1.1", "critical", "pass"), ("1.1.2", "high", "pass"), ("1.1.3", "low", "not_applicable")
    )
    summary = summarize(items)
    assert summary["score"] == 100.0
    assert decide(summary) == ("APPROVED", [])


def test_summary_counts_add_up() -> None:
    items = entries(
        ("1.1.1", "critical", "pass"),
        ("1.1.2", "high", "fail"),
        ("1.1.3", "low", "pending"),
        ("1.1.4", "medium", "error"),
        ("1.1.5", "low", "not_applicable"),
    )
    summary = summarize(items)
    assert summary["total"] == summary["completed"] + summary["pending"] + summary["blocked"] == 5
    assert summary["blocked"] == 2


def test_score_is_weighted_by_severity_and_ignores_not_applicable() -> None:
    items = entries(
        ("1.1.1", "critical", "pass"), ("1.1.2", "low", "fail"), ("1.1.3", "high", "not_applicable")
    )
    assert score(items) == pytest.approx(100 * 10 / 11, abs=0.05)


def test_a_low_fail_blocks_approval_even_with_a_high_score() -> None:
    items = entries(*[(f"1.1.{n}", "critical", "pass") for n in range(1, 10)], ("1.2.1", "low", "fail"))
    summary = summarize(items)
    assert summary["score"] > 95
    assert decide(summary)[0] == "NEEDS_WORK"


def test_score_below_minimum_needs_work() -> None:
    items = entries(("1.1.1", "high", "pass"), ("1.1.2", "high", "pending"))
    decision, reasons = decide(summarize(items), min_score=80)
    assert decision == "NEEDS_WORK" and reasons == ["readiness score 50 < 80"]
    assert decide(summarize(items), min_score=50)[0] == "APPROVED"


def test_item_missing_from_opa_output_is_an_error() -> None:
    catalog = [item("1.1.1", "low"), item("1.1.2", "low")]
    merged = merge_with_catalog({"1.1.1": reported("1.1.1", "pass")}, catalog)
    assert [e["verdict"] for e in merged] == ["pass", "error"]
    assert "no valid report" in merged[1]["criteria"][0]["message"]


def test_garbled_verdict_from_opa_is_an_error() -> None:
    merged = merge_with_catalog(
        {"1.1.1": {"id": "1.1.1", "verdict": "approved", "criteria": []}}, [item("1.1.1")]
    )
    assert merged[0]["verdict"] == "error"


def test_item_opa_reports_but_catalog_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match=r"9\.9\.9"):
        merge_with_catalog({"9.9.9": reported("9.9.9", "pass")}, [])


def test_failed_collector_turns_dependent_items_into_errors() -> None:
    catalog = [
        item("6.1.1", evidence=("operations.documents",)),
        item("7.1.1", evidence=("kubernetes.autoscaling",)),
    ]
    merged = merge_with_catalog(
        {"6.1.1": reported("6.1.1", "pass"), "7.1.1": reported("7.1.1", "pass")}, catalog
    )
    apply_collector_errors(
        merged,
        catalog,
        {"documents": {"provides": ["operations.documents"], "errors": ["OSError: disk on fire"]}},
    )
    assert merged[0]["verdict"] == "error"
    assert "collector documents failed" in merged[0]["criteria"][0]["message"]
    assert merged[1]["verdict"] == "pass"


def _summary(**counts: int) -> dict:
    by_verdict = {v: 0 for v in ("pass", "fail", "pending", "not_applicable", "waived", "error")}
    by_verdict.update(counts)
    return {"by_verdict": by_verdict, "critical_blockers": 0, "score": 100.0}


def test_a_failed_collector_or_a_partial_snapshot_is_never_approved() -> None:
    assert decide(_summary()) == ("APPROVED", [])
    decision, reasons = decide(_summary(), failed_collectors=["kubernetes"])
    assert decision == "NEEDS_WORK" and reasons == ["collector(s) failed: kubernetes"]
    decision, reasons = decide(_summary(), partial=True)
    assert decision == "NEEDS_WORK" and "partial snapshot" in reasons[0]


def test_exit_class_errors_before_any_gate_and_fail_on_picks_the_gate() -> None:
    report = {"summary": {"by_verdict": _summary()["by_verdict"]}, "decision": "NEEDS_WORK", "items": []}
    assert exit_class(report) == "needs_work"
    assert exit_class(report, "fail") == "approved"
    assert exit_class({**report, "collectors": {"k8s": {"errors": ["x"]}}}, "fail") == "error"
    report["summary"]["by_verdict"]["error"] = 1
    assert exit_class({**report, "decision": "APPROVED"}) == "error"


def test_an_item_judged_at_a_changed_threshold_says_so() -> None:
    from gonogo.evaluator.catalog import Threshold
    from gonogo.evaluator.verdicts import mark_changed_thresholds

    threshold = Threshold("coverage.line_percent", 97.4, "percent", "d", "p")
    catalog = [CatalogItem(**{**item("1.1.1").__dict__, "thresholds": (threshold,)}), item("1.1.2")]
    opa_items = {"1.1.1": reported("1.1.1", "pass"), "1.1.2": reported("1.1.2", "pass")}
    merged = merge_with_catalog(opa_items, catalog)
    mark_changed_thresholds(merged, catalog, {"coverage.line_percent": 80})
    assert merged[0]["thresholds_changed"] == [{"name": "coverage.line_percent", "seed": 97.4, "checked": 80}]
    assert "thresholds_changed" not in merged[1]
    mark_changed_thresholds(merged[1:], catalog, {"coverage.line_percent": 97.4})
    assert "thresholds_changed" not in merged[1]
