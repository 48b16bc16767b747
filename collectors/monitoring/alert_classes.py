"""Alert classes and how an analysed PromQL expression falls into them.

Classification reads what an alert *measures* (its metrics, label matchers, functions, grouping),
never its name. Classes that measure a quantity (CPU, memory, free disk space, error rate,
latency) also get the threshold the alert fires at, normalised to the class's unit: a ratio (0.8
and `* 100 > 80` are the same), free space for disk (`1 - avail/size > 0.9` is free < 0.1), used
memory (`MemAvailable/MemTotal < 0.15` is used > 0.85), seconds for latency (`_milliseconds`
metrics are divided by 1000). Which class serves which checklist criterion, and whether a
threshold is tight enough, is decided in Rego (policies/items/monitoring/alert_coverage/); this
module only reports what each alert measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gonogo.collectors.monitoring import scope
from gonogo.collectors.monitoring.promql_semantics import Analysis, Comparison, Side


@dataclass(frozen=True)
class AlertClass:
    """What a class of alerts measures: its key, and the unit and direction its threshold is read in."""

    key: str
    unit: str | None = None
    """ratio | seconds | None (the class is a condition, not a number)."""
    direction: str | None = None
    """above: the measured value rising is the trouble; below: falling under it is (free disk space)."""


CLASSES: tuple[AlertClass, ...] = (
    AlertClass("high_cpu", "ratio", "above"),
    AlertClass("high_memory", "ratio", "above"),
    AlertClass("disk_space", "ratio", "below"),
    AlertClass("pod_restarts"),
    AlertClass("error_rate", "ratio", "above"),
    AlertClass("latency_p95", "seconds", "above"),
    AlertClass("api_failures"),
    AlertClass("database_connections"),
    AlertClass("auth_failures"),
    AlertClass("rate_limit"),
    AlertClass("suspicious_ip"),
    AlertClass("cert_expiry"),
    AlertClass("payment_failures"),
    AlertClass("subscription_cancellations"),
    AlertClass("usage_quota"),
)
BY_KEY = {c.key: c for c in CLASSES}

_CPU = re.compile(
    r"(node_cpu_seconds_total|container_cpu_usage_seconds_total|process_cpu_seconds_total"
    r"|cpu_(usage|utili[sz]ation|util|percent|busy))"
)
_MEMORY = re.compile(
    r"(node_memory_(MemAvailable|MemFree|MemTotal|Buffers|Cached)|container_memory_"
    r"(working_set|usage|rss)|process_resident_memory|memory_(usage|utili[sz]ation|util|percent))"
)
_DISK = re.compile(
    r"(node_filesystem_(avail|free|size)_bytes|kubelet_volume_stats_(available|capacity|used)_bytes"
    r"|disk_(free|used|usage|avail)|filesystem_(free|avail|used|usage))"
)
_CAPACITY_PLANNING = re.compile(r"(throttl|cfs_|overcommit|files_free|_files$)")
_RESTARTS = re.compile(r"(kube_pod_container_status_restarts_total|restarts?_total|crashloop)", re.IGNORECASE)
_REQUESTS = re.compile(r"(^|_)(http|grpc|rpc|api|requests?|responses?|handled|server|calls)(_|$)")
# The OpenTelemetry spanmetrics connector (calls, duration in ms) and Tempo's metrics-generator.
_SPAN_METRICS = re.compile(
    r"^(traces_span_?metrics_)?(calls_total|calls|duration(_milliseconds|_seconds)?_(bucket|count|sum)"
    r"|latency(_milliseconds|_seconds)?_(bucket|count|sum))$"
)
_PLATFORM_REQUESTS = re.compile(
    r"^(apiserver|etcd|coredns|kubelet|rest_client|prometheus|alertmanager|grafana|loki|thanos|cortex|scheduler|"
    r"workqueue|controller_runtime)_"
)
_ERROR_NAME = re.compile(r"(error|errors|failed|failures?|5xx)")
_ERROR_LABELS = {"code", "status", "status_code", "http_status", "grpc_code", "response_code", "status_class"}
_ENDPOINT_LABELS = {
    "route",
    "handler",
    "endpoint",
    "path",
    "uri",
    "url",
    "operation",
    "method",
    "target",
    "instance_url",
    "http_route",
    "grpc_method",
}
_LATENCY = re.compile(r"(duration|latency|response_time|request_time|_seconds_bucket$|_ms_bucket$)")
_DATABASE = re.compile(
    r"^(pg|postgres|postgresql|mysql|mysqld|mongodb|mongo|redis|hikaricp|pgbouncer|db|database"
    r"|sql|jdbc|mssql|oracledb|cassandra|memcached)_"
)
_DB_CONNECTION = re.compile(
    r"(^[a-z]+_up$|connection|connections|_conn|pool|clients|threads_connected|"
    r"stat_activity|numbackends|pending|timeout)"
)
_AUTH = re.compile(r"(auth|login|signin|sign_in|oauth|jwt|token|credential|password)")
_AUTH_FAILURE = re.compile(r"(fail|error|denied|invalid|reject|unauthori[sz]ed|forbidden)")
_RATE_LIMIT = re.compile(
    r"(rate_?limit|ratelimit|too_many_requests|throttled_requests|requests_throttled"
    r"|limit_exceeded|limited_requests)"
)
_SUSPICIOUS = re.compile(
    r"(suspicious|blocklist|blacklist|denylist|banned|fail2ban|waf_|modsecurity|crowdsec"
    r"|intrusion|geo_?block|blocked_ips?|threat)"
)
_IP_LABELS = {
    "client_ip",
    "source_ip",
    "src_ip",
    "remote_addr",
    "remote_ip",
    "ip",
    "ip_address",
    "client_address",
    "x_forwarded_for",
    "real_ip",
    "peer_ip",
}
_CERT = re.compile(r"(cert|ssl|tls|x509)")
_EXPIRY = re.compile(r"(expir|not_?after|ttl|valid)")
_PAYMENT = re.compile(r"(payment|checkout|charge|billing|stripe|invoice|transaction)")
_FAILURE_VALUE = re.compile(r"(fail|error|declin|reject|5\.\.|5xx|^5)", re.IGNORECASE)
_SUBSCRIPTION = re.compile(r"(subscription|churn)")
_CANCEL = re.compile(r"(cancel|churn)")
_QUOTA = re.compile(
    r"(quota|usage_limit|plan_limit|entitlement|overage|(tenant|customer|account|plan|subscription)_usage)"
)
_UP_EXPORTERS = re.compile(
    r"(node|exporter|kube-state|kubelet|cadvisor|prometheus|alertmanager|grafana|"
    r"coredns|etcd|scheduler|controller-manager|operator|push)"
)


def _error_matcher(side: Side) -> bool:
    for m in side.matchers:
        if m["label"] not in _ERROR_LABELS:
            continue
        value = m["value"]
        if m["op"] in ("=", "=~") and re.search(
            r"(^5|\|5|5\.\.|5xx|error|Unavailable|Internal|Unknown)", value, re.IGNORECASE
        ):
            return True
        if m["op"] in ("!=", "!~") and re.search(r"(2\.\.|2xx|^2|OK)", value):
            return True
    return False


def _status_matcher(side: Side, codes: str) -> bool:
    return any(
        m["label"] in _ERROR_LABELS and m["op"] in ("=", "=~") and re.search(codes, m["value"])
        for m in side.matchers
    )


def _names(side: Side) -> set[str]:
    """The series names a side reads; a recorded name `level:metric:operations` whose rule was not
    collected also gives its metric part, so `job:http_requests_errors:rate5m` reads as requests."""
    names = side.metrics | side.recorded
    return names | {n.split(":")[1] for n in names if n.count(":") == 2 and n.split(":")[1]}


def _request(name: str) -> bool:
    return bool(_REQUESTS.search(name) or _SPAN_METRICS.match(name))


def matches(key: str, side: Side) -> bool:
    names = _names(side)
    lowered = {n.lower() for n in names}
    if key in ("error_rate", "latency_p95"):  # the application's requests, not the control plane's
        lowered = {n for n in lowered if not _PLATFORM_REQUESTS.search(n)}
    if key == "high_cpu":
        return any(_CPU.search(n) for n in names) and not any(_CAPACITY_PLANNING.search(n) for n in names)
    if key == "high_memory":
        return any(_MEMORY.search(n) for n in names) and not any(_CAPACITY_PLANNING.search(n) for n in names)
    if key == "disk_space":
        return any(_DISK.search(n) for n in names) and not any(_CAPACITY_PLANNING.search(n) for n in names)
    if key == "pod_restarts":
        return any(_RESTARTS.search(n) for n in names) or any(
            "crashloop" in m["value"].lower() for m in side.matchers
        )
    if key == "error_rate":
        api = any(_request(n) for n in lowered) and not _business(lowered)
        return api and (_error_matcher(side) or any(_ERROR_NAME.search(n) for n in lowered))
    if key == "latency_p95":
        return any(_LATENCY.search(n) for n in lowered) and any(_request(n) for n in lowered)
    if key == "api_failures":
        return _api_failures(side, lowered)
    if key == "database_connections":
        return any(_DATABASE.search(n) and _DB_CONNECTION.search(n) for n in lowered)
    if key == "auth_failures":
        by_name = any(_AUTH.search(n) and _AUTH_FAILURE.search(n) for n in lowered)
        by_label = any(_AUTH.search(n) for n in lowered) and any(
            _AUTH_FAILURE.search(m["value"].lower()) for m in side.matchers if m["op"] in ("=", "=~")
        )
        return by_name or by_label or _status_matcher(side, r"40[13]")
    if key == "rate_limit":
        return any(_RATE_LIMIT.search(n) and "cpu" not in n for n in lowered) or _status_matcher(side, r"429")
    if key == "suspicious_ip":
        return any(_SUSPICIOUS.search(n) for n in lowered) or bool(side.grouping & _IP_LABELS)
    if key == "cert_expiry":
        return any(_CERT.search(n) and _EXPIRY.search(n) for n in lowered)
    if key == "payment_failures":
        payment = any(_PAYMENT.search(n) for n in lowered)
        return payment and (
            any(_FAILURE_VALUE.search(n) for n in lowered)
            or any(_FAILURE_VALUE.search(m["value"]) for m in side.matchers if m["op"] in ("=", "=~"))
        )
    if key == "subscription_cancellations":
        return any(_SUBSCRIPTION.search(n) and _CANCEL.search(n) for n in lowered) or any(
            "cancellation" in n for n in lowered
        )
    if key == "usage_quota":
        return any(_QUOTA.search(n) and not n.startswith("kube_") for n in lowered)
    return False


def _business(lowered: set[str]) -> bool:
    return any(_PAYMENT.search(n) or _SUBSCRIPTION.search(n) for n in lowered)


def _api_failures(side: Side, lowered: set[str]) -> bool:
    if any(n.startswith("probe_") and ("success" in n or "status_code" in n) for n in lowered):
        return True
    if "up" in side.metrics or "up" in side.absent_metrics:
        jobs = [m["value"] for m in side.matchers if m["label"] in ("job", "service")]
        return bool(jobs) and not any(_UP_EXPORTERS.search(j) for j in jobs)
    by_endpoint = bool(side.grouping & _ENDPOINT_LABELS)
    return by_endpoint and any(_request(n) for n in lowered) and _error_matcher(side)


def _milliseconds(side: Side) -> bool:
    return any(re.search(r"(_milliseconds|_ms)(_|$)", n) for n in side.metrics)


def normalise(cls: AlertClass, comparison: Comparison) -> dict[str, Any]:
    """The comparison's threshold in the class's unit and direction, with what was done to get there."""
    side, value, op = comparison.side, comparison.value, comparison.op
    notes: list[str] = []
    direction = "above" if op in (">", ">=") else "below" if op in ("<", "<=") else "equals"
    if cls.unit == "ratio":
        if side.percent or (side.ratio and 1 < value <= 100):
            value = value / 100.0
            notes.append(f"{comparison.value:g} read as percent: ratio {value:g}")
        elif not side.ratio:
            notes.append("not a ratio of capacity or of requests (absolute value)")
        wants_free = cls.key == "disk_space"
        measures_free = bool(side.free)
        if wants_free != measures_free and direction in ("above", "below"):
            flipped = round(1.0 - value, 6)
            notes.append(
                f"{'free' if measures_free else 'used'} {op} {value:g} read as "
                f"{'free' if wants_free else 'used'} {_FLIP_WORD[direction]} {flipped:g}"
            )
            value, direction = flipped, "below" if direction == "above" else "above"
    elif cls.unit == "seconds" and _milliseconds(side):
        notes.append(f"{value:g} ms read as {value / 1000.0:g} s")
        value = value / 1000.0
    return {
        "threshold": round(value, 6),
        "direction": direction,
        "ratio": side.ratio or side.percent,
        "quantile": side.quantile if cls.key == "latency_p95" else None,
        "notes": notes,
        "absolute": cls.unit == "ratio" and not (side.ratio or side.percent),
    }


_FLIP_WORD = {"above": "<", "below": ">"}


def _display(cls: AlertClass, found: dict[str, Any]) -> str:
    sign = {"above": ">", "below": "<", "equals": "=="}[found["direction"]]
    if cls.unit == "ratio" and found["absolute"]:
        return f"{sign} {found['threshold']:g} (absolute, not a ratio)"
    if cls.unit == "ratio":
        return f"{sign} {found['threshold'] * 100:g}%"
    if cls.unit == "seconds":
        quantile = found.get("quantile")
        prefix = f"p{quantile * 100:g} " if quantile is not None else "mean/unknown quantile "
        return f"{prefix}{sign} {found['threshold'] * 1000:g}ms"
    return f"{sign} {found['threshold']:g}"


def classify(analysis: Analysis) -> dict[str, dict[str, Any]]:
    """class key -> how this alert covers it: threshold found (normalised), the reading taken, notes."""
    found: dict[str, dict[str, Any]] = {}
    guards = analysis.guard_texts[:3]
    for cls in CLASSES:
        if cls.unit is None:
            if matches(cls.key, analysis.whole):
                found[cls.key] = {
                    "threshold": None,
                    "direction": None,
                    "threshold_text": _condition_text(cls, analysis),
                    "notes": [],
                    **_reading(analysis.whole, None, guards),
                }
            continue
        usable = [c for c in analysis.measured() if _candidate(cls, c)]
        from_guard = not usable
        if from_guard:  # only an `and` guard measures the class: it decides when the alert fires too
            usable = [
                c
                for c in analysis.guards()
                if c.guard == "and" and not c.vector_vs_vector and _candidate(cls, c)
            ]
        if not usable:
            if matches(cls.key, analysis.whole):
                found[cls.key] = {
                    "threshold": None,
                    "direction": None,
                    "notes": [
                        "matches the class but has no numeric threshold (prediction or vector comparison)"
                    ],
                    "threshold_text": "no numeric threshold",
                    **_reading(analysis.whole, None, guards),
                }
            continue
        readings = [(normalise(cls, c), c) for c in usable]
        readings.sort(key=lambda pair: _strictness(cls, pair[0]))
        best, chosen = readings[0]
        narrowing = [
            c
            for c in analysis.comparisons
            if c is not chosen and c.guard != "unless" and not c.vector_vs_vector and _narrows(cls, c)
        ]
        best["conditional"] = "and" in analysis.set_operators and bool(narrowing)
        if best["conditional"]:
            functions = sorted({f for c in narrowing for f in c.side.functions}) or ["another condition"]
            best["notes"].append(f"fires only when {', '.join(functions)} condition also holds (and)")
        if from_guard:
            best["notes"].append("the threshold is in an `and` guard, not in the measured expression")
        best["always_fires"] = analysis.always_fires
        if analysis.always_fires:
            best["notes"].append(
                "a `bool` comparison returns 0 or 1 for every series: fires whatever the value"
            )
        best["threshold_text"] = _display(cls, best)
        best.update(_reading(chosen.side, chosen, [g for g in guards if chosen.text not in g]))
        found[cls.key] = best
    return found


def _candidate(cls: AlertClass, comparison: Comparison) -> bool:
    return matches(cls.key, comparison.side) and "predict_linear" not in comparison.side.functions


def _presence(comparison: Comparison) -> bool:
    """`> 0`, `>= 0`, `!= 0`: the series exists or moves, whatever the amount."""
    return comparison.op in (">", ">=", "!=") and comparison.value <= 0


def _traffic(comparison: Comparison) -> bool:
    """A request-volume guard (`rate(http_requests_total[5m]) > 1`): how much traffic, not how bad."""
    side = comparison.side
    counters = side.metrics and all(re.search(r"(_count|_total)$", n) for n in side.metrics)
    return bool(
        counters
        and side.functions & {"rate", "irate", "increase"}
        and not _error_matcher(side)
        and not any(_ERROR_NAME.search(n) for n in side.metrics)
    )


def _narrows(cls: AlertClass, comparison: Comparison) -> bool:
    """Another condition on the class's own quantity that the alert also needs (a prediction)."""
    if comparison.op in ("==", "!=") or _presence(comparison) or _traffic(comparison):
        return False
    return "predict_linear" in comparison.side.functions or matches(cls.key, comparison.side)


def _reading(side: Side, chosen: Comparison | None, guards: list[str]) -> dict[str, Any]:
    """What the reading rests on: the comparison as written, the series measured, its scope selectors
    and the guards set aside."""
    return {
        "comparison": chosen.text if chosen is not None else "",
        "measured": sorted(side.metrics | side.recorded)[:5],
        "selectors": scope.selectors(side),
        "guards": guards,
    }


def _condition_text(cls: AlertClass, analysis: Analysis) -> str:
    """The comparison an alert of a class without a threshold fires on, as written (`> 5`, `== 0`)."""
    if analysis.whole.absent_metrics:
        return f"absent({', '.join(sorted(analysis.whole.absent_metrics))})"
    own = [c for c in analysis.measured() if matches(cls.key, c.side)]
    if own:
        value = own[0].value
        return f"{own[0].op} {int(value)}" if value.is_integer() else f"{own[0].op} {value:g}"
    return "any series present"


def _strictness(cls: AlertClass, reading: dict[str, Any]) -> float:
    """Lower is stricter: fires earlier."""
    if reading["direction"] != cls.direction or reading.get("absolute"):
        return float("inf")
    return reading["threshold"] if cls.direction == "above" else -reading["threshold"]
