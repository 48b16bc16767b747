"""What an alert expression means, read from the real PromQL parser's AST."""

from __future__ import annotations

import pytest
from gonogo.collectors.monitoring import alert_classes, output_labels, promql_semantics

IDLE = 'avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))'
MEMORY = "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes"
P95 = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_{}_bucket[5m])))"


def classify(expr: str, recordings: dict[str, str] | None = None) -> dict[str, dict]:
    rules = promql_semantics.RecordingRules()
    for name, text in (recordings or {}).items():
        rules.add(name, promql_semantics.parse(text))
    return alert_classes.classify(promql_semantics.analyse(promql_semantics.parse(expr), rules))


@pytest.mark.parametrize(
    ("expr", "cls", "threshold", "direction"),
    [
        # the same 80 % written four ways
        (
            '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.8',
            "high_cpu",
            0.8,
            "above",
        ),
        (
            '100 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) * 100 > 80',
            "high_cpu",
            0.8,
            "above",
        ),
        ('avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) < 0.2', "high_cpu", 0.8, "above"),
        ('0.8 < 1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))', "high_cpu", 0.8, "above"),
        # memory: available below 15 % is used above 85 %
        ("node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.15", "high_memory", 0.85, "above"),
        (
            "(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 > 85",
            "high_memory",
            0.85,
            "above",
        ),
        # disk: used above 90 % is free below 10 %
        ("(1 - node_filesystem_avail_bytes / node_filesystem_size_bytes) > 0.9", "disk_space", 0.1, "below"),
        ("node_filesystem_avail_bytes / node_filesystem_size_bytes * 100 < 10", "disk_space", 0.1, "below"),
        (
            "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.05",
            "disk_space",
            0.05,
            "below",
        ),
        (
            'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) * 100 > 1',
            "error_rate",
            0.01,
            "above",
        ),
        (
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1",
            "latency_p95",
            0.1,
            "above",
        ),
        (
            P95.format("milliseconds") + " > 100",
            "latency_p95",
            0.1,
            "above",
        ),
    ],
)
def test_thresholds_are_normalised(expr: str, cls: str, threshold: float, direction: str) -> None:
    found = classify(expr)[cls]
    assert found["threshold"] == pytest.approx(threshold)
    assert found["direction"] == direction


def test_recording_rules_are_followed_through_a_chain() -> None:
    found = classify(
        "cluster:cpu_busy:avg > 0.85",
        {
            "instance:cpu_busy:ratio": f"1 - {IDLE}",
            "cluster:cpu_busy:avg": "avg(instance:cpu_busy:ratio)",
        },
    )
    assert found["high_cpu"]["threshold"] == pytest.approx(0.85)
    analysis = promql_semantics.analyse(
        promql_semantics.parse("cluster:x > 1"), promql_semantics.RecordingRules()
    )
    assert analysis.whole.metrics == {"cluster:x"}  # unknown recorded series stays a metric


def test_recording_rule_cycles_stop() -> None:
    rules = promql_semantics.RecordingRules()
    rules.add("a:x", promql_semantics.parse("b:x * 2"))
    rules.add("b:x", promql_semantics.parse("a:x + node_load1"))
    analysis = promql_semantics.analyse(promql_semantics.parse("a:x > 1"), rules)
    assert "node_load1" in analysis.whole.metrics


def test_unless_right_hand_side_never_classifies() -> None:
    analysis = promql_semantics.analyse(
        promql_semantics.parse(
            "increase(kube_pod_container_status_restarts_total[10m]) > 3"
            " unless on (namespace) probe_success == 0"
        ),
        promql_semantics.RecordingRules(),
    )
    assert analysis.excluded_metrics == {"probe_success"}
    assert set(alert_classes.classify(analysis)) == {"pod_restarts"}


def test_absent_is_an_api_failure_for_an_application_job_only() -> None:
    assert "api_failures" in classify('absent(up{job="checkout-api"} == 1)')
    assert classify('absent(up{job="node-exporter"})') == {}


def test_absolute_error_rate_and_wrong_quantile_are_recorded_not_hidden() -> None:
    errors = classify('sum(rate(http_requests_total{code=~"5.."}[5m])) > 5')["error_rate"]
    assert errors["absolute"] is True
    assert "absolute" in errors["threshold_text"]
    latency = classify(
        "histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.1"
    )
    assert latency["latency_p95"]["quantile"] == 0.5
    assert latency["latency_p95"]["threshold_text"] == "p50 > 100ms"


def test_prediction_guard_makes_coverage_conditional() -> None:
    found = classify(
        "node_filesystem_avail_bytes / node_filesystem_size_bytes * 100 < 15"
        " and predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 0"
    )["disk_space"]
    assert found["conditional"] is True
    assert found["threshold"] == pytest.approx(0.15)


@pytest.mark.parametrize(
    ("expr", "cls"),
    [
        ("increase(kube_pod_container_status_restarts_total[15m]) > 3", "pod_restarts"),
        ('kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"} == 1', "pod_restarts"),
        ("probe_success == 0", "api_failures"),
        ("pg_up == 0", "database_connections"),
        ("hikaricp_connections_pending > 5", "database_connections"),
        ("sum(rate(auth_login_failures_total[5m])) > 10", "auth_failures"),
        ('sum(rate(apiserver_request_total{code="401"}[5m])) > 1', "auth_failures"),
        ('sum(rate(nginx_ingress_controller_requests{status="429"}[5m])) > 1', "rate_limit"),
        ("topk(5, sum by (client_ip) (rate(http_requests_total[1m]))) > 100", "suspicious_ip"),
        ("(probe_ssl_earliest_cert_expiry - time()) / 86400 < 14", "cert_expiry"),
        ('sum(rate(payment_transactions_total{status="failed"}[5m])) > 1', "payment_failures"),
        ("increase(subscriptions_cancelled_total[1h]) > 20", "subscription_cancellations"),
        ("tenant_api_quota_used_ratio > 1", "usage_quota"),
    ],
)
def test_classes_without_a_number(expr: str, cls: str) -> None:
    assert cls in classify(expr)


@pytest.mark.parametrize(
    "expr",
    [
        "sum(rate(container_cpu_cfs_throttled_periods_total[5m]))"
        " / sum(rate(container_cpu_cfs_periods_total[5m])) > 0.25",
        'sum(kube_resourcequota{type="used"}) / sum(kube_resourcequota{type="hard"}) > 0.9',
        'sum(kube_pod_container_resource_requests{resource="cpu"})'
        ' / sum(kube_node_status_allocatable{resource="cpu"}) > 1',
        "vector(1)",
    ],
)
def test_capacity_planning_and_watchdog_measure_no_class(expr: str) -> None:
    assert classify(expr) == {}


def test_invalid_promql_raises_value_error() -> None:
    with pytest.raises(ValueError):
        promql_semantics.parse("sum(rate(x[5m]) > 1")


@pytest.mark.parametrize(
    ("expr", "labels"),
    [
        ('sum by (namespace) (rate(x{namespace="shop", job="a"}[5m])) > 1', {"namespace": "shop"}),
        ('sum(rate(x{namespace="shop"}[5m])) > 1', {}),
        ('absent(up{job="checkout-api"})', {"job": "checkout-api"}),
        ('absent(up{job="checkout-api"} == 1)', {}),  # Prometheus: labels only from a bare selector
        ('x{a="1", b="2"} / on (a) y{a="1"} > 1', {"a": "1"}),
        ('x{a="1", b="2"} or y{a="1", b="3"}', {"a": "1"}),
        ('histogram_quantile(0.9, sum by (le, job) (rate(h_bucket{job="j", le="1"}[5m]))) > 1', {"job": "j"}),
    ],
)
def test_labels_the_expression_pins(expr: str, labels: dict[str, str]) -> None:
    assert output_labels.labels_of(promql_semantics.parse(expr), promql_semantics.RecordingRules()) == labels


def test_summary_quantile_and_mean_latency() -> None:
    summary = classify('http_request_duration_seconds{quantile="0.95"} > 0.1')["latency_p95"]
    assert (summary["quantile"], summary["threshold_text"]) == (0.95, "p95 > 100ms")
    mean = classify(
        "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m]) > 0.1"
    )["latency_p95"]
    assert mean["quantile"] is None
    assert mean["threshold_text"] == "mean/unknown quantile > 100ms"


def test_control_plane_requests_are_not_application_alerts() -> None:
    expr = (
        'sum(rate(apiserver_request_total{code=~"5.."}[5m])) / sum(rate(apiserver_request_total[5m])) > 0.01'
    )
    assert "error_rate" not in classify(expr)


def analyse(expr: str) -> promql_semantics.Analysis:
    return promql_semantics.analyse(promql_semantics.parse(expr), promql_semantics.RecordingRules())


ERROR_RATIO = 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))'


@pytest.mark.parametrize(
    ("expr", "cls", "threshold"),
    [
        # the traffic guard of `and` selects series; the measured ratio is the threshold
        (f"{ERROR_RATIO} > 0.01 and sum(rate(http_requests_total[5m])) > 0", "error_rate", 0.01),
        (f"{ERROR_RATIO} > 0.01 and on () sum(rate(http_requests_total[5m])) > 10", "error_rate", 0.01),
        (
            P95.format("seconds") + " > 0.1 and on () sum(rate(http_request_duration_seconds_count[5m])) > 1",
            "latency_p95",
            0.1,
        ),
        # a guard on either side, the comparison written number-first
        (f"sum(rate(http_requests_total[5m])) > 0 and 0.01 < {ERROR_RATIO}", "error_rate", 0.01),
        # on()/ignoring() and group_left only say which labels match
        (
            '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))'
            " * on (instance) group_left (nodename) node_uname_info > 0.8",
            "high_cpu",
            0.8,
        ),
        (
            "(node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1) * ignoring (fstype) "
            "group_left node_filesystem_readonly == 0",
            "disk_space",
            0.1,
        ),
    ],
)
def test_a_guard_is_never_the_threshold(expr: str, cls: str, threshold: float) -> None:
    found = classify(expr)[cls]
    assert found["threshold"] == pytest.approx(threshold)
    assert found["conditional"] is False


def test_the_guards_are_recorded_apart_from_the_measured_comparisons() -> None:
    analysis = analyse(f"{ERROR_RATIO} > 0.01 and sum(rate(http_requests_total[5m])) > 0")
    fact = analysis.to_fact()
    assert [(c["op"], c["value"]) for c in fact["comparisons"]] == [(">", 0.01)]
    assert fact["guards"] == [
        {
            "set_operator": "and",
            "op": ">",
            "value": 0.0,
            "metrics": ["http_requests_total"],
            "text": "sum(rate(http_requests_total[5m])) > 0",
        }
    ]
    assert fact["guard_texts"] == ["and sum(rate(http_requests_total[5m])) > 0"]
    reading = alert_classes.classify(analysis)["error_rate"]
    assert reading["guards"] == ["and sum(rate(http_requests_total[5m])) > 0"]
    assert reading["comparison"].endswith("> 0.01")
    assert reading["measured"] == ["http_requests_total"]


def test_a_threshold_only_in_an_and_guard_is_read_with_a_note() -> None:
    found = classify(f"sum(rate(http_requests_total[5m])) > 0 and {ERROR_RATIO} > 0.05")["error_rate"]
    assert found["threshold"] == pytest.approx(0.05)
    assert found["conditional"] is False
    assert "the threshold is in an `and` guard, not in the measured expression" in found["notes"]


def test_unless_comparisons_are_guards_and_exclusions() -> None:
    analysis = analyse(
        "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.03"
        " unless on (namespace, persistentvolumeclaim)"
        ' kube_persistentvolumeclaim_access_mode{access_mode="ReadOnlyMany"} == 1'
    )
    assert analysis.excluded_metrics == {"kube_persistentvolumeclaim_access_mode"}
    assert [c.guard for c in analysis.comparisons] == [None, "unless"]
    assert classify(
        "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.03"
        " unless on (namespace) kube_persistentvolumeclaim_labels == 1"
    )["disk_space"]["threshold"] == pytest.approx(0.03)


def test_bool_comparisons() -> None:
    # compared again, the inner `bool` comparison is the threshold, the `== 1` is not
    inner = classify('(1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m])) > bool 0.8) == 1')["high_cpu"]
    assert inner["threshold"] == pytest.approx(0.8)
    assert inner["always_fires"] is False
    # left as the result, every series is returned whatever its value
    always = classify('1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m])) > bool 0.8')["high_cpu"]
    assert always["always_fires"] is True
    assert any("fires whatever the value" in n for n in always["notes"])


@pytest.mark.parametrize(
    ("expr", "cls", "threshold"),
    [
        # the OpenTelemetry Collector spanmetrics connector
        (
            'sum(rate(calls_total{status_code="STATUS_CODE_ERROR"}[5m])) / sum(rate(calls_total[5m])) > 0.01',
            "error_rate",
            0.01,
        ),
        (
            "histogram_quantile(0.95, sum by (le, service_name)"
            " (rate(duration_milliseconds_bucket[5m]))) > 100",
            "latency_p95",
            0.1,
        ),
        (
            'sum(rate(traces_span_metrics_calls_total{status_code="STATUS_CODE_ERROR"}[5m]))'
            " / sum(rate(traces_span_metrics_calls_total[5m])) > 0.01",
            "error_rate",
            0.01,
        ),
        # Tempo's metrics-generator
        (
            "histogram_quantile(0.95, sum by (le) (rate(traces_spanmetrics_latency_bucket[5m]))) > 0.1",
            "latency_p95",
            0.1,
        ),
        # recorded series whose recording rules live elsewhere: level:metric:operations
        ("job:http_requests_errors:rate5m / job:http_requests:rate5m > 0.01", "error_rate", 0.01),
        (
            "histogram_quantile(0.95, sum by (le) (job:http_request_duration_seconds_bucket:rate5m)) > 0.1",
            "latency_p95",
            0.1,
        ),
        ("instance:node_cpu_utilisation:rate5m > 0.8", "high_cpu", 0.8),
    ],
)
def test_span_metrics_and_recorded_names(expr: str, cls: str, threshold: float) -> None:
    found = classify(expr)[cls]
    assert found["threshold"] == pytest.approx(threshold)
    assert found["absolute"] is False


def test_an_average_of_node_cpu_rates_is_a_ratio_and_a_sum_is_not() -> None:
    averaged = (
        'sum by (instance) (avg by (mode, instance) (rate(node_cpu_seconds_total{mode!="idle"}[2m]))) > 0.9'
    )
    assert classify(averaged)["high_cpu"]["absolute"] is False
    summed = 'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[2m])) > 3'
    assert classify(summed)["high_cpu"]["absolute"] is True


def test_the_reading_records_the_workload_selectors() -> None:
    found = classify(
        'sum(rate(container_cpu_usage_seconds_total{namespace="shop", container="api", image!=""}[5m]))'
        ' / sum(kube_pod_container_resource_limits{namespace="shop", container="api", resource="cpu"}) > 0.8'
    )["high_cpu"]
    assert found["selectors"] == [
        {"label": "namespace", "op": "=", "value": "shop"},
        {"label": "container", "op": "=", "value": "api"},
    ]
    everywhere = classify(
        'sum(rate(container_cpu_usage_seconds_total{namespace=~".*"}[5m])) / sum(machine_cpu_cores) > 0.8'
    )
    assert everywhere["high_cpu"]["selectors"] == []
