"""`gonogo check` (gonogo.api.check, the real OPA) on folders of real and schema-written reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check
from tests.collectors.reports.reports_helpers import folder_with

pytestmark = [pytest.mark.opa, pytest.mark.slow]

ITEMS = (
    "1.1.1",
    "1.1.2",
    "1.1.3",
    "1.1.4",
    "1.1.5",
    "1.2.1",
    "1.2.2",
    "1.2.3",
    "1.2.4",
    "1.2.5",
    "10.1.1",
    "10.1.3",
    "10.1.4",
    "10.3.1",
)

PASSING = (
    "coverage/full/coverage.xml",
    "junit/passing/junit-pytest.xml",
    "junit/passing/junit-smoke.xml",
    "load/k6-summary-passing.json",
    "load/locust-steady-memory.csv",
    "benchmarks/comparison-passing.yaml",
)

FAILING = (
    "coverage/partial/coverage.json",
    "junit/failing/junit-pytest.xml",
    "junit/failing/junit-smoke.xml",
    "load/k6-summary-failing.json",
    "load/locust-leak-memory.csv",
    "benchmarks/comparison-failing.json",
)

CONFIG = 'service: shop\nthresholds:\n  coverage.core_modules: "app.core,app.billing"\n'


def _items(root: Path, config: str = CONFIG) -> dict[str, Any]:
    (root / "gonogo.yaml").write_text(config)
    report = check(root, root / "gonogo.yaml")
    return {item["id"]: item for item in report["items"]}


def _message(item: dict[str, Any], text: str) -> str:
    return next(c["message"] for c in item["criteria"] if c["text"] == text)


def test_passing_reports_pass_every_quality_item(tmp_path):
    items = _items(folder_with(tmp_path, *PASSING))
    # the baseline comparison file is written by hand: declared, so the high 10.1.3 waits (docs/trust.md)
    assert {i: items[i]["verdict"] for i in ITEMS} == {**dict.fromkeys(ITEMS, "pass"), "10.1.3": "pending"}
    assert "declared only" in items["10.1.3"]["criteria"][0]["message"]
    assert "core modules app.billing, app.core each >= 97.4 %" in _message(
        items["1.1.1"], "All core modules tested"
    )
    assert "memory reduction 28571.429x >= 28571x: lattice_memory" in items["1.2.1"]["criteria"][0]["message"]
    assert items["10.1.4"]["criteria"][0]["evidence"] == ["junit/passing/junit-smoke.xml"]


def test_failing_reports_fail_every_quality_item_with_the_number_behind_it(tmp_path):
    items = _items(folder_with(tmp_path, *FAILING))
    expected = dict.fromkeys(ITEMS, "fail") | {"1.2.5": "pass"}  # the GPU tests of that run did pass
    assert {i: items[i]["verdict"] for i in ITEMS} == expected
    assert "core module app.core 0 % < 97.4 % (coverage/partial/coverage.json)" in _message(
        items["1.1.1"], "All core modules tested"
    )
    assert "integration tests: 35 passed < 36" in _message(items["1.1.2"], "Database integration validated")
    assert (
        _message(items["1.1.4"], "Response time p95: < 50ms")
        == "p95 63.2 ms > 50 ms (load/k6-summary-failing.json)"
    )
    assert "memory grew" in _message(items["1.1.4"], "Memory stability: No leaks detected")
    assert "p99 141.7 ms > 100 ms" in items["1.2.3"]["criteria"][0]["message"]
    assert "best speed-up 129.8x < 649x: transform_speed" in items["1.2.2"]["criteria"][0]["message"]
    assert "ingest_throughput throughput regressed 25 % > 10 %" in items["10.1.3"]["criteria"][0]["message"]
    assert "(environment staging)" in items["10.1.4"]["criteria"][0]["message"]


def test_gpu_items_not_applicable_when_the_service_has_no_gpu(tmp_path):
    items = _items(folder_with(tmp_path, *PASSING), CONFIG + "context:\n  uses_gpu: false\n")
    assert items["1.2.5"]["verdict"] == "not_applicable"  # medium: a typed flag may switch it off
    # 1.1.3 is high: the typed flag alone leaves its GPU criterion unjudged until attested
    gpu = _message(items["1.1.3"], "GPU acceleration workflow tested")
    assert "context.uses_gpu is false" in gpu and "only an attestation by the Product Manager" in gpu


def test_folder_without_reports_leaves_them_pending_never_passes(tmp_path):
    # nothing to judge (docs/verdicts.md): no report collected is pending, "no <report> collected";
    # pending never approves, so the gate stays closed
    root = folder_with(tmp_path)
    (root / "gonogo.yaml").write_text(CONFIG)
    report = check(root, root / "gonogo.yaml")
    items = {item["id"]: item for item in report["items"]}
    assert {i: items[i]["verdict"] for i in ITEMS} == dict.fromkeys(ITEMS, "pending")
    assert items["1.1.1"]["criteria"][0]["message"].startswith("no coverage report (")
    assert all(c["message"].endswith("collected") for i in ITEMS for c in items[i]["criteria"])
    assert report["decision"] != "APPROVED"


def test_thresholds_from_gonogo_yaml_change_the_decision(tmp_path):
    config = CONFIG + "  load.p95_ms: 70\n  load.p99_ms: 150\n"
    items = _items(folder_with(tmp_path, "load/k6-summary-failing.json"), config)
    assert items["1.2.3"]["verdict"] == "pass"
    assert "p95 63.2 ms < 70 ms, p99 141.7 ms < 150 ms" in items["1.2.3"]["criteria"][0]["message"]


def test_truncated_report_makes_its_items_errors_not_passes(tmp_path):
    root = folder_with(tmp_path, *PASSING)
    junit = root / "junit/passing/junit-pytest.xml"
    junit.write_text(junit.read_text()[:2000])
    items = _items(root)
    assert {i: items[i]["verdict"] for i in ("1.1.2", "1.1.3")} == {"1.1.2": "error", "1.1.3": "error"}
    assert "junit/passing/junit-pytest.xml" in items["1.1.2"]["criteria"][0]["message"]
    assert items["1.2.1"]["verdict"] == "pass"  # other families are decided as before


def test_classification_settings_are_accepted_and_quoted(tmp_path):
    config = CONFIG + '  tests.subject.api: "endpoint,endpoints"\n  tests.kind.smoke: "*test_smoke*"\n'
    items = _items(folder_with(tmp_path, *PASSING), config)
    message = _message(items["1.1.2"], "API endpoint integration verified")
    assert '12 integration tests on API endpoints (tests.subject.api "endpoint,endpoints") passed' in message
    assert items["1.1.5"]["verdict"] == "pass"
    assert 'smoke tests by tests.kind.smoke "*test_smoke*"' in items["1.1.5"]["criteria"][0]["message"]
