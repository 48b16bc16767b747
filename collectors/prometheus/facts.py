"""Facts from Prometheus HTTP API answers, the same whether they were asked live or recorded.

Each function takes the `data` of one answer (https://prometheus.io/docs/prometheus/latest/querying/api/)
and returns plain facts: targets by job (how many up and down, the oldest last scrape, how long
each has been continuously up), rule groups (last evaluation, unhealthy rules), firing alerts
and the metric names each job exposes. Nothing here judges: the thresholds and the meaning of
a metric name are the policies' (policies/items/final/post_deployment/monitoring.rego,
policies/items/monitoring/monitoring_infrastructure/prometheus.rego). Answers of unexpected
shape are skipped field by field; no value of an answer reaches an error message.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

MAX_JOBS = 200
MAX_NAMES = 500
MAX_LISTED = 20
_NEVER = datetime(1971, 1, 1, tzinfo=UTC)  # Prometheus writes 0001-01-01T00:00:00Z for "never"
_ERROR_CLASSES = (
    ("connection refused", re.compile(r"connection refused", re.I)),
    ("timeout", re.compile(r"deadline exceeded|timeout|timed out", re.I)),
    ("dns", re.compile(r"no such host|lookup ", re.I)),
    ("tls", re.compile(r"x509|tls|certificate", re.I)),
    ("http status", re.compile(r"server returned HTTP status", re.I)),
    ("parse", re.compile(r"parse|unexpected|invalid", re.I)),
    ("body size", re.compile(r"body size limit|sample limit|label limit", re.I)),
)


def parse_time(text: Any) -> datetime | None:
    """An RFC 3339 time from an answer (nanoseconds allowed), or None (absent, malformed, "never")."""
    if not isinstance(text, str) or not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return None if value < _NEVER else value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def hours(seconds: float) -> float:
    return round(max(seconds, 0.0) / 3600.0, 3)


def error_class(text: Any) -> str | None:
    """What kind of scrape error a target's lastError is, never its text (it quotes URLs)."""
    if not isinstance(text, str) or not text:
        return None
    for name, pattern in _ERROR_CLASSES:
        if pattern.search(text):
            return name
    return "other"


def _duration_seconds(text: Any) -> float | None:
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?", str(text or ""))
    if not match or not any(match.groups()):
        return None
    h, m, s, ms = (int(g or 0) for g in match.groups())
    return h * 3600 + m * 60 + s + ms / 1000


def _labels(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str | int | float)}


def continuous_up(matrix: Any, step: float, observed_at: datetime) -> dict[tuple[str, str], float]:
    """(job, instance) -> hours the series `up` has been 1 without a gap, ending at the newest
    sample, from the `data` of a range query of `up` (resultType matrix). A series whose newest
    sample is older than two steps (and five minutes) before observed_at counts 0 hours."""
    found: dict[tuple[str, str], float] = {}
    if not isinstance(matrix, dict) or matrix.get("resultType") != "matrix":
        return found
    max_gap = step * 1.5 + 1
    for series in matrix.get("result") or []:
        if not isinstance(series, dict):
            continue
        labels = _labels(series.get("metric"))
        points = _points(series.get("values"))
        key = (labels.get("job", ""), labels.get("instance", ""))
        if not points:
            continue
        newest_ts = points[-1][0]
        run = 0.0
        if observed_at.timestamp() - newest_ts <= max(2 * step, 300) + 1 and points[-1][1] == 1:
            start = newest_ts
            for (ts, value), (later_ts, _) in zip(reversed(points[:-1]), reversed(points[1:]), strict=True):
                if value != 1 or later_ts - ts > max_gap:
                    break
                start = ts
            run = hours(newest_ts - start)
        found[key] = min(run, found.get(key, run))
    return found


def _points(values: Any) -> list[tuple[float, float]]:
    points = []
    for pair in values if isinstance(values, list) else []:
        try:
            points.append((float(pair[0]), float(pair[1])))
        except (TypeError, ValueError, IndexError):
            continue
    points.sort()
    return points


def newest_sample(matrix: Any) -> datetime | None:
    if not isinstance(matrix, dict) or matrix.get("resultType") != "matrix":
        return None
    newest = None
    for series in matrix.get("result") or []:
        points = _points(series.get("values")) if isinstance(series, dict) else []
        if points and (newest is None or points[-1][0] > newest):
            newest = points[-1][0]
    return datetime.fromtimestamp(newest, UTC) if newest is not None else None


def targets(
    data: Any,
    observed_at: datetime | None,
    up_hours: dict[tuple[str, str], float] | None,
    names: dict[str, list[str]] | None,
    provenance: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    """Active targets of /api/v1/targets, by job label (at most MAX_JOBS jobs)."""
    jobs: dict[str, dict[str, Any]] = {}
    oldest: dict[str, datetime] = {}
    active = data.get("activeTargets") if isinstance(data, dict) else None
    for target in active if isinstance(active, list) else []:
        if not isinstance(target, dict):
            continue
        labels = _labels(target.get("labels"))
        job = labels.get("job") or str(target.get("scrapePool") or "")
        if not job or (job not in jobs and len(jobs) >= MAX_JOBS):
            continue
        instance = labels.get("instance", "")
        row = jobs.setdefault(job, _job_row(job, names, provenance))
        row["targets"] += 1
        healthy = target.get("health") == "up"
        row["up" if healthy else "down"] += 1
        if not healthy and len(row["down_instances"]) < MAX_LISTED:
            row["down_instances"].append(instance)
        kind = error_class(target.get("lastError"))
        if kind and kind not in row["error_classes"]:
            row["error_classes"].append(kind)
        scraped = parse_time(target.get("lastScrape"))
        if scraped is None:
            row["never_scraped"] += 1
        else:
            oldest[job] = min(scraped, oldest.get(job, scraped))
        interval = _duration_seconds(target.get("scrapeInterval"))
        if interval is not None:
            row["scrape_interval_seconds"] = max(row["scrape_interval_seconds"] or 0, interval)
        if up_hours is not None:
            run = up_hours.get((job, instance), 0.0) if healthy else 0.0
            current = row["continuous_up_hours"]
            row["continuous_up_hours"] = run if current is None else min(current, run)
    for job, scraped in oldest.items():
        jobs[job]["last_scrape"] = iso(scraped)
        if observed_at:
            jobs[job]["seconds_since_scrape"] = round((observed_at - scraped).total_seconds(), 3)
    return jobs


def _job_row(job: str, names: dict[str, list[str]] | None, provenance: dict[str, Any]) -> dict[str, Any]:
    listed = sorted(set((names or {}).get(job, [])))
    return {
        "job": job,
        "targets": 0,
        "up": 0,
        "down": 0,
        "down_instances": [],
        "never_scraped": 0,
        "error_classes": [],
        "last_scrape": None,
        "seconds_since_scrape": None,
        "scrape_interval_seconds": None,
        "continuous_up_hours": None,
        "metric_names": listed[:MAX_NAMES],
        "metric_names_truncated": len(listed) > MAX_NAMES,
        "provenance": provenance,
    }


def rule_groups(
    data: Any, observed_at: datetime | None, provenance: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Rule groups of /api/v1/rules, by name (name (file) when two files use one name)."""
    groups: dict[str, dict[str, Any]] = {}
    listed = data.get("groups") if isinstance(data, dict) else None
    for group in listed if isinstance(listed, list) else []:
        if not isinstance(group, dict):
            continue
        name, file = str(group.get("name") or ""), str(group.get("file") or "")
        rules = [r for r in group.get("rules") or [] if isinstance(r, dict)]
        evaluated = parse_time(group.get("lastEvaluation"))
        unhealthy = [str(r.get("name") or "") for r in rules if r.get("health") not in ("ok", "unknown")]
        interval = group.get("interval")
        key = name if name not in groups else f"{name} ({file})"
        groups[key] = {
            "name": name,
            "file": file,
            "interval_seconds": float(interval) if isinstance(interval, int | float) else None,
            "rules": len(rules),
            "alerting_rules": sum(1 for r in rules if r.get("type") == "alerting"),
            "last_evaluation": iso(evaluated),
            "seconds_since_evaluation": (
                round((observed_at - evaluated).total_seconds(), 3) if evaluated and observed_at else None
            ),
            "unhealthy_rules": len(unhealthy),
            "unhealthy": unhealthy[:MAX_LISTED],
            "never_evaluated": sum(1 for r in rules if parse_time(r.get("lastEvaluation")) is None),
            "provenance": provenance,
        }
    return groups


def newest_evaluation(data: Any) -> datetime | None:
    listed = data.get("groups") if isinstance(data, dict) else None
    times = [parse_time(g.get("lastEvaluation")) for g in listed or [] if isinstance(g, dict)]
    return max((t for t in times if t), default=None)


def newest_scrape(data: Any) -> datetime | None:
    active = data.get("activeTargets") if isinstance(data, dict) else None
    times = [parse_time(t.get("lastScrape")) for t in active or [] if isinstance(t, dict)]
    return max((t for t in times if t), default=None)


def firing_alerts(vector: Any) -> dict[str, dict[str, Any]]:
    """alertname -> {firing, pending, severities} from the `data` of an instant query of ALERTS."""
    alerts: dict[str, dict[str, Any]] = {}
    if not isinstance(vector, dict) or vector.get("resultType") != "vector":
        return alerts
    for sample in vector.get("result") or []:
        labels = _labels(sample.get("metric")) if isinstance(sample, dict) else {}
        name = labels.get("alertname")
        if not name or (name not in alerts and len(alerts) >= MAX_JOBS):
            continue
        row = alerts.setdefault(name, {"name": name, "firing": 0, "pending": 0, "severities": []})
        state = labels.get("alertstate")
        if state in ("firing", "pending"):
            row[state] += 1
        severity = labels.get("severity")
        if severity and severity not in row["severities"]:
            row["severities"].append(severity)
    return alerts


def series_name(vector_or_matrix: Any) -> str | None:
    """The one __name__ all series of a query answer share (up, ALERTS), or None."""
    if not isinstance(vector_or_matrix, dict):
        return None
    names = {
        _labels(s.get("metric")).get("__name__")
        for s in vector_or_matrix.get("result") or []
        if isinstance(s, dict)
    }
    return names.pop() if len(names) == 1 else None
