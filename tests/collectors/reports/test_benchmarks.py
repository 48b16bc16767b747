"""Benchmarks: a real pytest-benchmark run (baseline and optimized in one group) and comparison files."""

from __future__ import annotations

import pytest

from tests.collectors.reports.reports_helpers import collect, folder_with


def test_real_pytest_benchmark_pairs_baseline_and_optimized(tmp_path):
    quality, warnings = collect(folder_with(tmp_path, "benchmarks/pytest-benchmark.json"))
    assert warnings == []
    comparisons = quality["benchmarks"]["comparisons"]
    time = comparisons["benchmarks/pytest-benchmark.json#test_sum_range[optimized]#time"]
    memory = comparisons["benchmarks/pytest-benchmark.json#test_sum_range[optimized]#memory"]
    assert time["metric"] == "time" and time["ratio"] == pytest.approx(
        time["baseline"] / time["current"], rel=1e-3
    )
    assert time["ratio"] > 649  # a list sum against a closed formula
    assert memory["baseline"] > 1_000_000 and memory["ratio"] > 28571
    assert (
        time["baseline_recorded"]
        == quality["benchmarks"]["reports"]["benchmarks/pytest-benchmark.json"]["datetime"]
    )


def test_comparison_file_at_the_seed_claims(tmp_path):
    quality, _ = collect(folder_with(tmp_path, "benchmarks/comparison-passing.yaml"))
    comparisons = quality["benchmarks"]["comparisons"]
    memory = comparisons["benchmarks/comparison-passing.yaml#lattice_memory#memory"]
    speed = comparisons["benchmarks/comparison-passing.yaml#transform_speed#time"]
    assert memory["ratio"] == 28571.429 and speed["ratio"] == 649.0
    assert memory["baseline_recorded"] == "2025-09-01"
    assert comparisons["benchmarks/comparison-passing.yaml#gpu_transform_speed#time"]["gpu"] is True


def test_throughput_ratio_is_current_over_baseline(tmp_path):
    quality, _ = collect(folder_with(tmp_path, "benchmarks/comparison-failing.json"))
    ingest = quality["benchmarks"]["comparisons"][
        "benchmarks/comparison-failing.json#ingest_throughput#throughput"
    ]
    assert ingest["ratio"] == 0.75


def test_malformed_comparison_entry_is_a_warning(tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "bench.yaml").write_text(
        "benchmark_comparison:\n  recorded: '2025-09-01'\n  results:\n"
        "    - {name: fast, metric: speed, baseline: 1, current: 2}\n"
        "    - {name: ok, metric: time, baseline: 10, current: 2}\n"
    )
    quality, warnings = collect(root)
    assert list(quality["benchmarks"]["comparisons"]) == ["bench.yaml#ok#time"]
    assert warnings == [
        "bench.yaml: fast: needs metric time|memory|throughput and numeric baseline and current"
    ]


def test_saved_pytest_benchmark_runs_compare_newest_with_oldest(tmp_path):
    quality, warnings = collect(
        folder_with(tmp_path, "benchmarks/saved/0001_v1.json", "benchmarks/saved/0002_v2.json")
    )
    assert warnings == []
    comparison = quality["benchmarks"]["comparisons"][
        "benchmarks/saved/0002_v2.json#test_distinct_words#time"
    ]
    assert comparison["baseline_ref"] == "benchmarks/saved/0001_v1.json"
    assert (
        comparison["baseline_recorded"]
        == quality["benchmarks"]["reports"]["benchmarks/saved/0001_v1.json"]["datetime"]
    )
    # a quadratic de-duplication against dict.fromkeys: real, large, and far from 649x
    assert 5 < comparison["ratio"] < 649
    assert comparison["ratio"] == pytest.approx(comparison["baseline"] / comparison["current"], rel=1e-3)


def test_a_single_saved_run_has_no_baseline(tmp_path):
    quality, _ = collect(folder_with(tmp_path, "benchmarks/saved/0002_v2.json"))
    assert quality["benchmarks"]["comparisons"] == {}
    assert quality["benchmarks"]["reports"]["benchmarks/saved/0002_v2.json"]["compared"] == 0
