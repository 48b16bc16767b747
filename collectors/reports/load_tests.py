"""Load-test results and memory series.

Runs: k6 `--summary-export` JSON (and the JSON of k6's handleSummary `data`), Locust `--csv` stats
(`*_stats.csv`, the Aggregated row) and `--json`/`--json-file` output, JMeter JTL in CSV and XML.
Each becomes requests, failures, error rate (%), p95/p99 latency (ms), sustained throughput
(requests over the run's duration) and the duration.

Memory series (for "no leaks" over a soak run): a CSV with a time column (`elapsed_s`, `seconds`,
`timestamp`, `time`: seconds or ISO 8601) and a memory column (`rss_bytes`, `memory_mb`, `heap_kb`,
...: the unit comes from the suffix, bytes when none), or a Prometheus range-query answer
(`/api/v1/query_range` JSON) for a memory metric such as `process_resident_memory_bytes`.
The slope of a least-squares line through the samples gives the growth over the run.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element

LOCUST_STATS_HEADER = ("Type", "Name", "Request Count", "Failure Count")
TIME_COLUMNS = ("elapsed_s", "elapsed", "seconds", "time_s", "t", "timestamp", "time", "ts")
MEMORY_WORDS = ("rss", "memory", "mem", "heap", "working_set")
UNIT_FACTORS = {
    "bytes": 1,
    "b": 1,
    "kb": 1024,
    "kib": 1024,
    "mb": 1024**2,
    "mib": 1024**2,
    "gb": 1024**3,
    "gib": 1024**3,
}


def _run(
    tool: str,
    requests: int,
    failures: int | None,
    p95: float | None,
    p99: float | None,
    duration: float | None,
    throughput: float | None = None,
) -> dict[str, Any]:
    run: dict[str, Any] = {"tool": tool, "requests": requests}
    if failures is not None:
        run["failures"] = failures
        run["error_rate_percent"] = round(100.0 * failures / requests, 4) if requests else 0.0
    if p95 is not None:
        run["p95_ms"] = round(float(p95), 3)
    if p99 is not None:
        run["p99_ms"] = round(float(p99), 3)
    if duration:
        run["duration_s"] = round(duration, 3)
        run["throughput_rps"] = round(throughput if throughput is not None else requests / duration, 3)
    elif throughput is not None:
        run["throughput_rps"] = round(throughput, 3)
    return run


# -- k6 -----------------------------------------------------------------------------------------


def _k6_metric(metrics: dict[str, Any], name: str) -> dict[str, Any]:
    metric = metrics.get(name) or {}
    return metric.get("values", metric) if isinstance(metric, dict) else {}


def is_k6_summary(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("metrics"), dict)
        and ("http_reqs" in value["metrics"] or "http_req_duration" in value["metrics"])
    )


def parse_k6(value: dict[str, Any]) -> dict[str, Any]:
    metrics = value["metrics"]
    reqs, duration_ms, failed = (
        _k6_metric(metrics, n) for n in ("http_reqs", "http_req_duration", "http_req_failed")
    )
    count = int(reqs.get("count") or 0)
    rate = reqs.get("rate")
    # http_req_failed is a Rate: `value` (`rate` in handleSummary) is the fraction of failed requests.
    failed_fraction = failed.get("value", failed.get("rate"))
    failures = round(float(failed_fraction) * count) if failed_fraction is not None else None
    duration = count / rate if rate else None
    return _run("k6", count, failures, duration_ms.get("p(95)"), duration_ms.get("p(99)"), duration, rate)


# -- Locust -------------------------------------------------------------------------------------


def is_locust_stats_csv(text: str) -> bool:
    return text.startswith(",".join(LOCUST_STATS_HEADER))


def parse_locust_csv(text: str) -> dict[str, Any] | None:
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("Name") == "Aggregated":
            count = int(row["Request Count"])
            rps = float(row.get("Requests/s") or 0)
            p95 = float(row["95%"]) if row.get("95%") not in (None, "", "N/A") else None
            p99 = float(row["99%"]) if row.get("99%") not in (None, "", "N/A") else None
            return _run(
                "locust", count, int(row["Failure Count"]), p95, p99, count / rps if rps else None, rps
            )
    return None


def is_locust_json(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(e, dict) and "num_requests" in e and "response_times" in e for e in value)
    )


def _locust_percentile(histogram: dict[int, int], total: int, percent: float) -> float | None:
    """Locust's own calculate_response_time_percentile over its rounded response-time histogram."""
    threshold = int(total * percent)
    processed = 0
    for response_time in sorted(histogram, reverse=True):
        processed += histogram[response_time]
        if total - processed <= threshold:
            return float(response_time)
    return None


def parse_locust_json(value: list[dict[str, Any]]) -> dict[str, Any]:
    histogram: dict[int, int] = {}
    for entry in value:
        for key, count in (entry.get("response_times") or {}).items():
            histogram[int(float(key))] = histogram.get(int(float(key)), 0) + int(count)
    requests = sum(int(e.get("num_requests") or 0) for e in value)
    failures = sum(int(e.get("num_failures") or 0) for e in value)
    starts = [float(e["start_time"]) for e in value if e.get("start_time")]
    ends = [float(e["last_request_timestamp"]) for e in value if e.get("last_request_timestamp")]
    duration = max(ends) - min(starts) if starts and ends and max(ends) > min(starts) else None
    total = sum(histogram.values())
    return _run(
        "locust",
        requests,
        failures,
        _locust_percentile(histogram, total, 0.95),
        _locust_percentile(histogram, total, 0.99),
        duration,
    )


# -- JMeter ---------------------------------------------------------------------------------------


def is_jmeter_csv(text: str) -> bool:
    header = text.split("\n", 1)[0]
    return all(column in header for column in ("timeStamp", "elapsed", "success"))


def is_jmeter_xml(root: Element) -> bool:
    return root.tag == "testResults"


def _nearest_rank(sorted_values: list[float], percent: float) -> float | None:
    if not sorted_values:
        return None
    return sorted_values[max(0, math.ceil(percent * len(sorted_values)) - 1)]


def _jmeter_run(samples: list[tuple[int, int, bool]]) -> dict[str, Any]:
    """samples: (timestamp ms, elapsed ms, success)."""
    elapsed = sorted(float(e) for _, e, _ in samples)
    failures = sum(1 for *_, ok in samples if not ok)
    duration = None
    if samples:
        duration = (max(ts + e for ts, e, _ in samples) - min(ts for ts, _, _ in samples)) / 1000.0 or None
    return _run(
        "jmeter", len(samples), failures, _nearest_rank(elapsed, 0.95), _nearest_rank(elapsed, 0.99), duration
    )


def parse_jmeter_csv(text: str) -> dict[str, Any]:
    samples = [
        (int(row["timeStamp"]), int(row["elapsed"]), row["success"].strip().lower() == "true")
        for row in csv.DictReader(io.StringIO(text))
        if row.get("timeStamp", "").isdigit()
    ]
    return _jmeter_run(samples)


def parse_jmeter_xml(root: Element) -> dict[str, Any]:
    samples = [
        (int(s.get("ts") or 0), int(s.get("t") or 0), (s.get("s") or "").lower() == "true")
        for s in root
        if s.tag in ("httpSample", "sample")
    ]
    return _jmeter_run(samples)


# -- memory series ------------------------------------------------------------------------------


def _seconds(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()


def _memory_column(fieldnames: list[str]) -> tuple[str, int] | None:
    for name in fieldnames:
        lowered = name.strip().lower()
        if any(word in lowered for word in MEMORY_WORDS):
            suffix = lowered.rsplit("_", 1)[-1] if "_" in lowered else ""
            return name, UNIT_FACTORS.get(suffix, 1)
    return None


def memory_csv_columns(text: str) -> tuple[str, str, int] | None:
    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
    time_column = next((h for h in header if h.strip().lower() in TIME_COLUMNS), None)
    memory = _memory_column(header)
    if time_column is None or memory is None:
        return None
    return time_column, memory[0], memory[1]


def parse_memory_csv(text: str, columns: tuple[str, str, int]) -> dict[str, Any]:
    time_column, memory_column, factor = columns
    points = [
        (_seconds(row[time_column]), float(row[memory_column]) * factor)
        for row in csv.DictReader(io.StringIO(text))
        if row.get(time_column) and row.get(memory_column)
    ]
    return memory_series("csv", points)


def is_prometheus_matrix(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and value.get("status") == "success"
        and isinstance(value.get("data"), dict)
        and value["data"].get("resultType") == "matrix"
    )


def parse_prometheus_matrix(value: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    series: list[tuple[str, dict[str, Any]]] = []
    for result in value["data"].get("result") or []:
        metric = result.get("metric") or {}
        name = metric.get("__name__", "")
        if not any(word in name.lower() for word in MEMORY_WORDS):
            continue
        points = [(float(ts), float(v)) for ts, v in result.get("values") or []]
        label = ",".join(f"{k}={v}" for k, v in sorted(metric.items()) if k != "__name__")
        series.append((f"{name}{{{label}}}", memory_series("prometheus", points)))
    return series


def memory_series(source: str, points: list[tuple[float, float]]) -> dict[str, Any]:
    points.sort()
    facts: dict[str, Any] = {"source_format": source, "samples": len(points)}
    if len(points) < 2 or points[-1][0] == points[0][0]:
        return facts
    times = [t - points[0][0] for t, _ in points]
    values = [v for _, v in points]
    slope, _ = statistics.linear_regression(times, values)
    duration = times[-1]
    mean = statistics.fmean(values)
    facts.update(
        {
            "duration_s": round(duration, 3),
            "start_bytes": round(values[0]),
            "end_bytes": round(values[-1]),
            "mean_bytes": round(mean),
            "slope_bytes_per_s": round(slope, 3),
            "growth_percent": round(100.0 * slope * duration / mean, 3) if mean else 0.0,
        }
    )
    return facts
