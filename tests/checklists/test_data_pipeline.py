"""examples/data-pipeline: a team's own checklist (section 11) evaluated beside the seed's, and
gonogo.yaml's tuning of seed items, in every output format gonogo writes."""

from __future__ import annotations

import json
from typing import Any

from gonogo.schema_validation import schema_errors
from tests.checklists.conftest import PIPELINE
from tests.support.cli import item, run_gonogo


def test_the_team_items_are_judged_from_evidence(report: dict[str, Any]) -> None:
    assert item(report, "11.1.1")["verdict"] == "pass"
    assert item(report, "11.2.1")["verdict"] == "pass"
    failing = item(report, "11.3.1")
    assert failing["verdict"] == "fail" and failing["severity"] == "high"
    assert "Job/data/orders-backfill" in failing["criteria"][0]["message"]
    assert failing["criteria"][0]["evidence"] == ["deploy/backfill-job.yaml:3"]
    assert failing["source"].startswith("policies/teams/checklist/batch/batch_jobs_hardened.rego:")
    # a team threshold set in gonogo.yaml reaches the team's rule
    assert "1200 s" in item(report, "11.1.1")["criteria"][1]["message"]


def test_the_team_section_is_its_own(report: dict[str, Any]) -> None:
    sections = {s["number"]: s for s in report["sections"]}
    assert sections["11"]["title"] == "Data Pipeline Readiness"
    assert sections["11"]["total"] == 3 and sections["11"]["verdicts"] == {"pass": 2, "fail": 1}
    assert sum(s["total"] for s in report["sections"]) == report["summary"]["total"] == len(report["items"])
    assert {"1", "10", "11"} <= set(sections)  # the seed's sections and any other (G) coexist


def test_a_team_item_counts_in_the_decision(report: dict[str, Any]) -> None:
    assert report["decision"] == "NEEDS_WORK"
    blocked = [e["id"] for e in report["items"] if e["verdict"] in ("fail", "error")]
    assert "11.3.1" in blocked and report["summary"]["blocked"] == len(blocked)


def test_the_policy_digest_covers_the_team_items(report: dict[str, Any], outputs: dict[str, str]) -> None:
    seed = run_gonogo("evaluate", outputs["snapshot_path"], "-f", "json", timeout=300)
    assert seed.returncode in (0, 1), seed.stderr
    without_team = json.loads(seed.stdout)
    assert "11.1.1" not in {e["id"] for e in without_team["items"]}
    assert without_team["provenance"]["policy_digest"] != report["provenance"]["policy_digest"]


def test_a_custom_item_shows_in_every_output_format(outputs: dict[str, str]) -> None:
    title = "Freshness Alert"
    assert "11.1.1" in outputs["json"] and "## 11. Data Pipeline Readiness" in outputs["markdown"]
    assert title in outputs["markdown"]
    rules = {r["id"] for r in json.loads(outputs["sarif"])["runs"][0]["tool"]["driver"]["rules"]}
    assert {"11.1.1", "11.2.1", "11.3.1"} <= rules
    assert 'id="item-11.1.1"' in outputs["html"] and 'href="site/items/11.1.1.html"' in outputs["html"]
    assert 'data-section="11"' in outputs["html"]
    assert "title=11.3.1 high" in outputs["github"]  # annotations: failing items only
    assert any("11.3.1" in finding["check_name"] for finding in json.loads(outputs["gitlab"]))


def test_tuning_is_recorded_and_shown_on_the_item(report: dict[str, Any], outputs: dict[str, str]) -> None:
    raised = item(report, "6.1.4")
    assert raised["severity"] == "high"
    assert raised["tuning"]["changes"] == [
        {"change": "severity", "from": "low", "to": "high", "applied": True, "assurance": "measured"}
    ]
    off = item(report, "7.2.3")
    assert off["verdict"] == "not_applicable" and off["tuning"]["changes"][0]["assurance"] == "declared"
    for criterion in off["criteria"]:
        assert criterion["assurance"] == "declared" and "turned off in gonogo.yaml" in criterion["message"]
    assert [t["id"] for t in report["tuning"]] == ["6.1.4", "7.2.3"]
    assert schema_errors("report.schema.json", report) == []  # `tuning` is part of the report's shape
    tampered = dict(report, tuning=[dict(report["tuning"][0], changes=[])])
    assert schema_errors("report.schema.json", tampered) != []
    for fmt in ("markdown", "html"):
        assert "severity low -&gt; high" in outputs[fmt] or "severity low -> high" in outputs[fmt], fmt
        assert "turned off (declared)" in outputs[fmt], fmt


def test_verify_reproduces_the_team_decision(outputs: dict[str, str]) -> None:
    config = str(PIPELINE / "gonogo.yaml")
    same = run_gonogo(
        "verify", outputs["report_path"], outputs["snapshot_path"], "--config", config, timeout=300
    )
    assert same.returncode == 0, same.stdout + same.stderr
