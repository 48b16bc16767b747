"""Load-test reports (k6, Locust, JMeter) and memory series (CSV sampled during a Locust run, Prometheus)."""

from __future__ import annotations

import pytest

from tests.collectors.reports.reports_helpers import collect, folder_with


def _run(tmp_path, fixture: str) -> dict:
    quality, warnings = collect(folder_with(tmp_path, fixture))
    assert warnings == []
    return quality["load_tests"]["runs"][fixture]


def test_k6_summary_export(tmp_path):
    run = _run(tmp_path, "load/k6-summary-passing.json")
    assert run | {"provenance": None} == {
        "tool": "k6",
        "requests": 1800000,
        "failures": 360,
        "error_rate_percent": 0.02,
        "p95_ms": 31.2,
        "p99_ms": 78.4,
        "duration_s": 180.0,
        "throughput_rps": 10000.0,
        "provenance": None,
    }


def test_k6_failing_run(tmp_path):
    run = _run(tmp_path, "load/k6-summary-failing.json")
    assert (run["requests"], run["failures"], run["error_rate_percent"]) == (8000, 64, 0.8)
    assert (run["p95_ms"], run["p99_ms"], run["throughput_rps"]) == (63.2, 141.7, 133.333)


def test_k6_handle_summary_json(tmp_path):
    run = _run(tmp_path, "load/k6-handle-summary.json")
    assert (run["requests"], run["failures"], run["p95_ms"], run["p99_ms"]) == (12000, 6, 22.5, 44.0)
    assert run["duration_s"] == pytest.approx(60.01, abs=0.01)


@pytest.mark.parametrize("fixture", ["load/locust-steady_stats.csv", "load/locust-steady.json"])
def test_real_locust_run(tmp_path, fixture):
    run = _run(tmp_path, fixture)
    assert run["tool"] == "locust"
    assert 100 < run["requests"] < 100000 and run["failures"] == 0 and run["error_rate_percent"] == 0.0
    assert 0 < run["p95_ms"] <= run["p99_ms"]
    assert 5 < run["duration_s"] < 15 and run["throughput_rps"] > 10


def test_locust_csv_and_json_of_one_run_agree_on_the_aggregated_row(tmp_path):
    csv_run, json_run = (
        _run(tmp_path, "load/locust-leak_stats.csv"),
        _run(tmp_path / "j", "load/locust-leak.json"),
    )
    # the CSV is written a moment before the final JSON: both are the same run, within a few percent
    assert json_run["requests"] == pytest.approx(csv_run["requests"], rel=0.1)
    assert json_run["p95_ms"] == pytest.approx(csv_run["p95_ms"], rel=0.2)


@pytest.mark.parametrize("fixture", ["load/jmeter-results.jtl", "load/jmeter-results.xml"])
def test_jmeter_jtl_csv_and_xml(tmp_path, fixture):
    run = _run(tmp_path, fixture)
    assert run | {"provenance": None} == {
        "tool": "jmeter",
        "requests": 200,
        "failures": 3,
        "error_rate_percent": 1.5,
        "p95_ms": 84.0,
        "p99_ms": 87.0,
        "duration_s": 10.01,
        "throughput_rps": 19.98,
        "provenance": None,
    }


def test_memory_of_steady_server_is_flat_and_leaking_server_grows(tmp_path):
    quality, _ = collect(
        folder_with(tmp_path, "load/locust-steady-memory.csv", "load/locust-leak-memory.csv")
    )
    steady = quality["load_tests"]["memory"]["load/locust-steady-memory.csv"]
    leak = quality["load_tests"]["memory"]["load/locust-leak-memory.csv"]
    assert steady["samples"] >= 10 and leak["samples"] >= 10
    assert steady["growth_percent"] < 5 < leak["growth_percent"]
    assert leak["end_bytes"] > leak["start_bytes"] and leak["slope_bytes_per_s"] > 100_000


def test_prometheus_range_query(tmp_path):
    quality, _ = collect(
        folder_with(tmp_path, "load/prometheus-memory-soak.json", "load/prometheus-memory-leak.json")
    )
    memory = quality["load_tests"]["memory"]
    key = "load/prometheus-memory-leak.json#process_resident_memory_bytes{instance=api-0:9090,job=api}"
    assert memory[key]["samples"] == 120 and memory[key]["duration_s"] == 7140
    assert memory[key]["growth_percent"] == pytest.approx(100 * 2_500_000 / 60 * 7140 / 560_750_000, rel=1e-3)
    soak = memory[
        "load/prometheus-memory-soak.json#process_resident_memory_bytes{instance=api-0:9090,job=api}"
    ]
    assert abs(soak["growth_percent"]) < 1


def test_memory_csv_units_and_iso_timestamps(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    rows = "\n".join(f"2025-10-06T10:{m:02d}:00Z,{512 + m * 0.5}" for m in range(12))
    (root / "soak.csv").write_text("timestamp,heap_mb\n" + rows + "\n")
    quality, _ = collect(root)
    series = quality["load_tests"]["memory"]["soak.csv"]
    assert series["samples"] == 12 and series["duration_s"] == 660
    assert series["start_bytes"] == 512 * 1024**2
    assert series["slope_bytes_per_s"] == pytest.approx(0.5 * 1024**2 / 60)


def test_unreadable_load_report_is_recorded_not_dropped(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "summary.json").write_text('{"metrics": {"http_reqs": {"count": "many"}}}')
    quality, warnings = collect(root)
    assert quality["load_tests"]["unreadable"] == ["summary.json"]
    assert warnings == [
        "summary.json: a load_tests report that cannot be read (ValueError); its items are errors"
    ]


def test_truncated_k6_summary_is_recorded_as_unreadable(tmp_path):
    root = folder_with(tmp_path, "load/k6-summary-passing.json")
    text = (root / "load/k6-summary-passing.json").read_text()
    (root / "load/k6-summary-passing.json").write_text(text[:400])
    quality, _ = collect(root)
    assert quality["load_tests"]["unreadable"] == ["load/k6-summary-passing.json"]
    assert quality["load_tests"]["runs"] == {}


@pytest.mark.parametrize("fixture", ["load/k6-local-summary.json", "load/k6-local-handle-summary.json"])
def test_real_k6_run_in_both_json_formats(tmp_path, fixture):
    run = _run(tmp_path, fixture)
    assert run["tool"] == "k6"
    assert 50 < run["requests"] < 100000 and run["failures"] == 0 and run["error_rate_percent"] == 0.0
    assert 0 < run["p95_ms"] <= run["p99_ms"]
    assert 4 < run["duration_s"] < 7 and run["throughput_rps"] > 10


def test_real_k6_export_and_handle_summary_of_one_run_agree(tmp_path):
    export = _run(tmp_path, "load/k6-local-summary.json")
    handle = _run(tmp_path / "h", "load/k6-local-handle-summary.json")
    assert {k: v for k, v in export.items() if k != "provenance"} == {
        k: v for k, v in handle.items() if k != "provenance"
    }
