"""Benchmark results checked against a recorded baseline.

pytest-benchmark JSON (`--benchmark-json`): within each group, the benchmark whose name or
parameters say `baseline` (or `naive`, `reference`, `legacy`, `before`) is the baseline and every
other benchmark of the group is compared with it: speed ratio = baseline mean time / current mean
time; memory ratio = baseline / current `extra_info` peak memory (`peak_memory_bytes`,
`memory_bytes`, `max_rss_bytes`) when both record it.

Comparison file (YAML or JSON, any name), for baselines recorded elsewhere:

    benchmark_comparison:
      recorded: "2025-09-01"          # when the baseline was measured (required)
      baseline_source: "v0.9 dense"   # optional: what the baseline ran
      results:
        - name: lattice_memory
          metric: memory              # memory | time (lower is better) | throughput (higher is better)
          unit: bytes                 # informational
          baseline: 1.2e9
          current: 42000

ratio > 1 means the current run is better than the baseline (e.g. 649 = 649x faster).
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.reports.classify import tokens

BASELINE_WORDS = frozenset({"baseline", "naive", "reference", "legacy", "before", "original"})
MEMORY_KEYS = ("peak_memory_bytes", "memory_bytes", "max_rss_bytes", "peak_rss_bytes")
GPU_WORDS = frozenset({"gpu", "cuda", "rocm", "opencl"})
LOWER_IS_BETTER = frozenset({"time", "memory"})


def is_pytest_benchmark(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("benchmarks"), list) and "machine_info" in value


def comparison_block(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict) and isinstance(value.get("benchmark_comparison"), dict):
        return value["benchmark_comparison"]
    return None


def ratio(metric: str, baseline: float, current: float) -> float | None:
    if metric in LOWER_IS_BETTER:
        return round(baseline / current, 3) if current > 0 else None
    return round(current / baseline, 3) if baseline > 0 else None


def _comparison(
    name: str,
    metric: str,
    baseline: float,
    current: float,
    unit: str,
    source: str,
    recorded: str | None,
    provenance: dict[str, Any],
) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "name": name,
        "metric": metric,
        "unit": unit,
        "baseline": baseline,
        "current": current,
        "source_format": source,
        "gpu": bool(tokens(name) & GPU_WORDS),
        "provenance": provenance,
    }
    value = ratio(metric, baseline, current)
    if value is not None:
        fact["ratio"] = value
    if recorded:
        fact["baseline_recorded"] = recorded
    return fact


def _significant(value: float) -> float:
    """Six significant digits: pytest-benchmark means carry float noise far below their precision."""
    return float(f"{value:.6g}")


def _is_baseline(benchmark: dict[str, Any]) -> bool:
    params = benchmark.get("params") or {}
    words = tokens(str(benchmark.get("name", "")), *(str(v) for v in params.values()))
    return bool(words & BASELINE_WORDS)


def _memory(benchmark: dict[str, Any]) -> float | None:
    extra = benchmark.get("extra_info") or {}
    for key in MEMORY_KEYS:
        if isinstance(extra.get(key), int | float):
            return float(extra[key])
    return None


def parse_pytest_benchmark(
    value: dict[str, Any], rel: str, provenance: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The report summary and its comparisons keyed `<file>#<benchmark>#<metric>`."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for benchmark in value["benchmarks"]:
        group = benchmark.get("group") or str(benchmark.get("name", "")).split("[", 1)[0]
        groups.setdefault(group, []).append(benchmark)
    recorded = value.get("datetime")
    comparisons: dict[str, dict[str, Any]] = {}
    for members in groups.values():
        baselines = [b for b in members if _is_baseline(b)]
        if not baselines:
            continue
        baseline = baselines[0]
        for current in members:
            if current is baseline:
                continue
            name = str(current.get("name"))
            base_mean, current_mean = baseline["stats"].get("mean"), current["stats"].get("mean")
            if base_mean and current_mean:
                base_ms, current_ms = _significant(base_mean * 1000), _significant(current_mean * 1000)
                comparisons[f"{rel}#{name}#time"] = _comparison(
                    name, "time", base_ms, current_ms, "ms", "pytest-benchmark", recorded, provenance
                )
            base_memory, current_memory = _memory(baseline), _memory(current)
            if base_memory and current_memory:
                comparisons[f"{rel}#{name}#memory"] = _comparison(
                    name,
                    "memory",
                    round(base_memory),
                    round(current_memory),
                    "bytes",
                    "pytest-benchmark",
                    recorded,
                    provenance,
                )
    summary = {
        "format": "pytest-benchmark",
        "benchmarks": len(value["benchmarks"]),
        "groups": len(groups),
        "compared": len(comparisons),
        "datetime": recorded,
        "provenance": provenance,
    }
    return summary, comparisons


def compare_saved_runs(
    runs: list[tuple[str, dict[str, Any], dict[str, Any]]],
) -> dict[str, dict[str, Any]]:
    """Benchmarks that several pytest-benchmark files hold (same `fullname`): the oldest run (by its
    `datetime`) is the recorded baseline of the newest, as with `--benchmark-save`/`--benchmark-compare`.
    runs: (path, document, provenance) of each file."""
    by_fullname: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any]]]] = {}
    for rel, document, provenance in runs:
        for benchmark in document["benchmarks"]:
            fullname = str(benchmark.get("fullname") or benchmark.get("name"))
            by_fullname.setdefault(fullname, []).append(
                (str(document.get("datetime") or ""), rel, benchmark, provenance)
            )
    comparisons: dict[str, dict[str, Any]] = {}
    for entries in by_fullname.values():
        if len(entries) < 2:
            continue
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        (recorded, base_rel, baseline, _), (_, rel, current, provenance) = entries[0], entries[-1]
        name = str(current.get("name"))
        base_mean, current_mean = baseline["stats"].get("mean"), current["stats"].get("mean")
        if base_mean and current_mean:
            fact = _comparison(
                name,
                "time",
                _significant(base_mean * 1000),
                _significant(current_mean * 1000),
                "ms",
                "pytest-benchmark",
                recorded or None,
                provenance,
            )
            comparisons[f"{rel}#{name}#time"] = fact | {"baseline_ref": base_rel}
        base_memory, current_memory = _memory(baseline), _memory(current)
        if base_memory and current_memory:
            fact = _comparison(
                name,
                "memory",
                round(base_memory),
                round(current_memory),
                "bytes",
                "pytest-benchmark",
                recorded or None,
                provenance,
            )
            comparisons[f"{rel}#{name}#memory"] = fact | {"baseline_ref": base_rel}
    return comparisons


def parse_comparison(
    block: dict[str, Any], rel: str, provenance: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[str]]:
    """The comparison file's summary, comparisons, and problems with entries it had to skip."""
    recorded = block.get("recorded")
    recorded = str(recorded) if recorded is not None else None
    comparisons: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for index, entry in enumerate(block.get("results") or []):
        if not isinstance(entry, dict):
            problems.append(f"{rel}: results[{index}] is not a mapping; skipped")
            continue
        name, metric = str(entry.get("name") or f"results[{index}]"), str(entry.get("metric") or "time")
        baseline, current = entry.get("baseline"), entry.get("current")
        if (
            metric not in ("time", "memory", "throughput")
            or not isinstance(baseline, int | float)
            or not isinstance(current, int | float)
        ):
            problems.append(
                f"{rel}: {name}: needs metric time|memory|throughput and numeric baseline and current"
            )
            continue
        comparisons[f"{rel}#{name}#{metric}"] = _comparison(
            name,
            metric,
            float(baseline),
            float(current),
            str(entry.get("unit") or ""),
            "comparison",
            recorded,
            provenance,
        )
    summary = {
        "format": "benchmark-comparison",
        "benchmarks": len(comparisons),
        "compared": len(comparisons),
        "datetime": recorded,
        "provenance": provenance,
    }
    return summary, comparisons, problems
