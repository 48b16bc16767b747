"""The drills collector on real-format fixtures (Velero, LitmusChaos, Chaos Mesh, gonogo drill
records, JUnit), and 5.1.3 / 5.2.2 decided from them by the real OPA."""

from __future__ import annotations

import copy
import json
import random
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from gonogo.collectors.base import CollectContext
from gonogo.collectors.drills import DrillsCollector
from gonogo.collectors.drills.records import record_problem
from gonogo.collectors.sources.files import walk

from gonogo.api import check
from gonogo.schema_validation import file_validator

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = Path(__file__).parents[3] / "collectors" / "drills" / "schema.json"
CANARY = "gonogo-canary"


def _collect(folder: str) -> tuple[dict[str, Any], list[str]]:
    root = FIXTURES / folder
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="drills"
    )
    part = DrillsCollector().collect(ctx)
    return part.get("operations", {}).get("drills", {}), ctx.warnings


def test_velero_restores_from_the_cli_list_with_their_backup() -> None:
    drills, warnings = _collect("ready")
    assert warnings == []
    restore = drills["restores"]["velero/drill-20261101"]
    assert restore["outcome"] == "succeeded"
    assert restore["duration_seconds"] == 1332.0  # 08:00:02 -> 08:22:14
    assert restore["restore_point"] == "2026-11-01T02:00:00Z"  # the backup's start
    assert restore["restore_point_age_seconds"] == 21602.0
    assert restore["measured"] is True
    assert restore["provenance"]["ref"] == "velero/restores.json:37"
    failed = drills["restores"]["velero/drill-20261020"]
    assert failed["outcome"] == "failed"
    assert failed["restore_point"] is None  # its Backup was not collected


def test_chaos_results_and_drill_records_are_failover_drills_by_target() -> None:
    drills, _ = _collect("ready")
    failovers = drills["failovers"]
    litmus = failovers["ChaosResult/shop/orders-db-failover-rds-instance-reboot"]
    assert (litmus["target"], litmus["outcome"]) == ("database", "passed")
    assert litmus["probe_success_percent"] == 100.0
    region = failovers["ChaosResult/shop/shop-region-failover-aws-az-chaos"]
    assert region["target"] == "region"  # from the gonogo.dev/drill-target annotation
    mesh = failovers["PodChaos/shop/pg-primary-kill"]
    assert (mesh["outcome"], mesh["outcome_checked"], mesh["duration_seconds"]) == ("injected", False, 30.0)
    record = failovers["drills/dns-failover.json"]
    assert (record["target"], record["outcome"], record["measured"]) == ("dns", "passed", True)


def test_a_drill_record_without_tool_and_run_id_is_not_measured() -> None:
    drills, _ = _collect("gaps")
    record = drills["failovers"]["drills/region-failover.yaml:2"]
    assert record["measured"] is False
    assert drills["restores"]["velero/drill-20261115"]["outcome"] == "partially_failed"
    assert drills["restores"]["velero/drill-20261115"]["errors"] == 3
    assert drills["failovers"]["ChaosResult/shop/orders-db-failover-pod-delete"]["outcome"] == "failed"


def test_junit_test_cases_named_for_drills() -> None:
    drills, _ = _collect("junit")
    (restore,) = drills["restores"].values()
    assert (restore["outcome"], restore["duration_seconds"]) == ("succeeded", 1500.214)
    assert restore["restore_point_age_seconds"] == 21600.0  # the rpo_seconds property
    assert restore["provenance"]["ref"] == "drill-tests.xml:4"  # the test case's line
    (failover,) = drills["failovers"].values()
    assert (failover["target"], failover["outcome"]) == ("database", "failed")
    assert len(drills["restores"]) + len(drills["failovers"]) == 2  # test_health_endpoint is no drill


def test_unreadable_drill_evidence_is_named_never_quoted() -> None:
    drills, warnings = _collect("broken")
    assert drills["unreadable"] == {"restores": ["bad-record.json"], "failovers": ["drills.xml"]}
    assert any("bad-record.json:1" in w and "/finished" in w for w in warnings)
    assert not any(CANARY in w for w in warnings)


def test_a_record_breaking_the_schema_names_the_pointer() -> None:
    record = {"apiVersion": "gonogo.dev/v1alpha1", "kind": "DrillRecord", "drill": "restore"}
    record |= {"started": "2026-11-07T08:00:00Z", "finished": "2026-11-07T08:10:00Z", "result": "maybe"}
    assert record_problem(record) == "/result: breaks the drill record schema (enum)"
    assert record_problem(record | {"result": "passed", "finished": "2026-11-07T07:00:00Z"}) == (
        "/finished: before /started"
    )


def test_nothing_found_leaves_the_section_out(tmp_path: Path) -> None:
    (tmp_path / "restore.yaml").write_text(
        "apiVersion: velero.io/v1\nkind: Restore\nmetadata: {name: r}\nspec: {backupName: b}\n"
    )  # a request without status: not a drill that ran
    ctx = CollectContext(
        root=tmp_path, files=list(walk(tmp_path, [])), config={}, now=datetime.now(UTC), collector="drills"
    )
    assert DrillsCollector().collect(ctx) == {}


def _items(tmp_path: Path, folder: str) -> dict[str, Any]:
    root = tmp_path / folder
    shutil.copytree(FIXTURES / folder, root, ignore=shutil.ignore_patterns("*.py"))
    (root / "gonogo.yaml").write_text("service: shop\n")
    report = check(root, root / "gonogo.yaml")
    assert CANARY not in json.dumps(report)
    return {item["id"]: item for item in report["items"]}


def _verdicts(item: dict[str, Any]) -> dict[str, str]:
    return {c["text"]: c["verdict"] for c in item["criteria"]}


@pytest.mark.opa
@pytest.mark.slow
def test_end_to_end_ready_passes_both_items(tmp_path: Path) -> None:
    items = _items(tmp_path, "ready")
    assert items["5.1.3"]["verdict"] == "pass", _verdicts(items["5.1.3"])
    assert items["5.2.2"]["verdict"] == "pass", _verdicts(items["5.2.2"])


@pytest.mark.opa
@pytest.mark.slow
def test_end_to_end_gaps_fail_each_criterion(tmp_path: Path) -> None:
    items = _items(tmp_path, "gaps")
    assert _verdicts(items["5.1.3"]) == {
        "Restore procedure documented": "fail",  # docs/restore.md: 2 numbered steps < 3
        "Restore test completed successfully": "fail",
        "Recovery time validated (RTO < 1 hour)": "fail",
        "Data loss window acceptable (RPO < 24 hours)": "fail",
    }
    assert "2 numbered steps" in items["5.1.3"]["criteria"][0]["message"]
    assert _verdicts(items["5.2.2"]) == {
        "Multi-region failover tested (if applicable)": "pending",  # a typed record: declared only
        "Database failover validated": "fail",
        "DNS failover confirmed": "fail",
    }


@pytest.mark.opa
@pytest.mark.slow
def test_end_to_end_broken_evidence_is_an_error(tmp_path: Path) -> None:
    items = _items(tmp_path, "broken")
    assert items["5.1.3"]["verdict"] == "error"
    assert items["5.2.2"]["verdict"] == "error"


@pytest.mark.opa
@pytest.mark.slow
def test_end_to_end_a_scheduled_drill_is_named_not_passed(tmp_path: Path) -> None:
    items = _items(tmp_path, "scheduled")
    text = "Restore test completed successfully"
    criterion = next(c for c in items["5.1.3"]["criteria"] if c["text"] == text)
    assert criterion["verdict"] == "pending"
    assert "scheduled in CI (.github/workflows/restore-drill.yml:7)" in criterion["message"]


_JUNK: list[Any] = ["x", 3, None, [], {}, [1, "a"], {"a": 1}, True, -5, "2026-13-01T00:00:00Z", 1e308]


def _mutate(value: Any, rng: random.Random) -> None:
    if isinstance(value, dict) and value:
        key = rng.choice(list(value))
        if rng.random() < 0.5:
            value[key] = copy.deepcopy(rng.choice(_JUNK))
        else:
            _mutate(value[key], rng)
    elif isinstance(value, list) and value:
        index = rng.randrange(len(value))
        if rng.random() < 0.5:
            value[index] = copy.deepcopy(rng.choice(_JUNK))
        else:
            _mutate(value[index], rng)


def test_misshapen_drill_objects_never_crash_the_collector(tmp_path: Path) -> None:
    """Fixture objects with random fields replaced by values of the wrong type: the collector
    returns output its schema accepts (or names the file unreadable), never raises."""
    documents = [
        document
        for path in sorted(FIXTURES.rglob("*.*"))
        if path.suffix in (".json", ".yaml") and path.name != "plan.json"
        for document in yaml.safe_load_all(path.read_text())
        if isinstance(document, dict)
    ]
    checker = file_validator(SCHEMA)
    rng = random.Random(20261202)
    for _ in range(300):
        document = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.randint(1, 4)):
            _mutate(document, rng)
        (tmp_path / "drill.json").write_text(json.dumps(document))
        files = list(walk(tmp_path, []))
        ctx = CollectContext(root=tmp_path, files=files, config={}, now=datetime.now(UTC), collector="drills")
        output = DrillsCollector().collect(ctx)
        assert not list(checker.iter_errors(output))


def test_live_cluster_objects_are_read_with_their_object_provenance(tmp_path: Path) -> None:
    """With --kubeconfig the Velero and chaos objects come from the cluster listing the kubernetes
    collector shares (collectors/sources/cluster.py); here that listing is given, as it is cached."""
    from gonogo.collectors.sources.cluster import _key

    restores = json.loads((FIXTURES / "ready" / "velero" / "restores.json").read_text())
    restore = restores["items"][1] | {"apiVersion": "velero.io/v1", "kind": "Restore"}
    backup = yaml.safe_load((FIXTURES / "ready" / "velero" / "backups.yaml").read_text())
    ref = "Restore/velero/drill-20261101"
    listed = [
        (restore, {"collector": "kubernetes", "object": ref, "ref": ref}),
        (backup, {"collector": "kubernetes", "object": "Backup/velero/b", "ref": "Backup/velero/b"}),
    ]
    options = {"kubeconfig": "/nonexistent/kubeconfig"}
    ctx = CollectContext(
        root=tmp_path, files=[], config={}, now=datetime.now(UTC), options=options, collector="drills"
    )
    ctx.shared[_key(options)] = listed
    drills = DrillsCollector().collect(ctx)["operations"]["drills"]
    fact = drills["restores"]["velero/drill-20261101"]
    assert fact["provenance"] == {"collector": "drills", "object": ref, "ref": ref}
    assert fact["restore_point_age_seconds"] == 21602.0


def test_a_cluster_listing_error_is_the_collectors_error(tmp_path: Path) -> None:
    from gonogo.collectors.sources.cluster import _key

    options = {"kubeconfig": "/nonexistent/kubeconfig"}
    ctx = CollectContext(
        root=tmp_path, files=[], config={}, now=datetime.now(UTC), options=options, collector="drills"
    )
    ctx.shared[_key(options)] = RuntimeError("HTTP 403 Forbidden")
    with pytest.raises(RuntimeError):
        DrillsCollector().collect(ctx)
