package gonogo.items.monitoring.alert_coverage.application_alerts_test

import data.gonogo.items.monitoring.alert_coverage.application_alerts
import data.gonogo.lib.testing

row(unit, alerts) := {"unit": unit, "direction": direction(unit), "alerts": alerts}

direction(null) := null

direction(unit) := "above" if unit != null

alert(name, ref, threshold, text, extra) := object.union(
	{
		"alert": name, "key": name, "ref": ref, "severity": "critical", "for": "5m",
		"threshold": threshold, "direction": direction(threshold), "threshold_text": text, "quantile": null,
		"absolute": false, "conditional": false, "notes": [],
		"receivers": ["pagerduty-platform", "slack-storefront"], "integrations": ["pagerduty", "slack"], "routed": true,
	},
	extra,
)

snapshot(errors, latency) := {"monitoring": {
	"prometheus": {"alerting_rules": 4},
	"alert_coverage": {
		"error_rate": row("ratio", errors),
		"latency_p95": row("seconds", latency),
		"api_failures": row(null, [alert("EndpointDown", "rules/app.yaml:30", null, "== 0", {})]),
		"database_connections": row(null, [alert("DatabaseDown", "rules/app.yaml:40", null, "== 0", {})]),
	},
}}

ratio_errors := [alert("HighErrorRate", "rules/app.yaml:10", 0.01, "> 1%", {})]

p95 := [alert("SlowRequests", "rules/app.yaml:20", 0.1, "p95 > 100ms", {"quantile": 0.95})]

test_pass_with_ratio_error_alert_and_p95_latency if {
	r := application_alerts.report with input as snapshot(ratio_errors, p95)
	r.verdict == "pass"
	contains(testing.criterion(r, "Response time degradation (p95 >100ms)").message, "SlowRequests (rules/app.yaml:20) fires at p95 > 100ms")
}

test_p99_is_stricter_than_p95_and_counts if {
	p99 := [alert("SlowRequests", "rules/app.yaml:20", 0.1, "p99 > 100ms", {"quantile": 0.99})]
	r := application_alerts.report with input as snapshot(ratio_errors, p99)
	testing.criterion(r, "Response time degradation (p95 >100ms)").verdict == "pass"
}

test_fail_on_median_latency_and_absolute_error_rate if {
	median := [alert("CheckoutSlow", "rules/app.yaml:12", 0.3, "p50 > 300ms", {"quantile": 0.5})]
	absolute := [alert("CheckoutErrors", "rules/app.yaml:4", 5, "> 5 (absolute, not a ratio)", {"absolute": true})]
	r := application_alerts.report with input as snapshot(absolute, median)
	r.verdict == "fail"
	contains(testing.criterion(r, "Response time degradation (p95 >100ms)").message, "quantile 0.5 is below the required 0.95")
	contains(testing.criterion(r, "Error rate spike (>1%)").message, "an absolute value, not a ratio of capacity or of requests")
	testing.criterion(r, "API endpoint failures").verdict == "pass"
}

test_fail_when_error_ratio_is_too_loose if {
	r := application_alerts.report with input as snapshot([alert("HighErrorRate", "rules/app.yaml:10", 0.05, "> 5%", {})], p95)
	contains(testing.criterion(r, "Error rate spike (>1%)").message, "0.05 is looser than the threshold 0.01 (alerts.error_rate_ratio)")
}

test_pending_without_evidence if {
	r := application_alerts.report with input as {"context": {}}
	r.verdict == "pending"
}

test_fail_on_mean_latency if {
	mean := [alert("SlowMean", "rules/app.yaml:22", 0.1, "mean/unknown quantile > 100ms", {})]
	r := application_alerts.report with input as snapshot(ratio_errors, mean)
	contains(testing.criterion(r, "Response time degradation (p95 >100ms)").message, "a mean or unknown quantile, not a percentile")
}

test_fail_when_no_alert_covers_endpoint_failures_or_database_connections if {
	base := snapshot(ratio_errors, p95)
	empty := {"monitoring": {"alert_coverage": {"api_failures": row(null, []), "database_connections": row(null, [])}}}
	r := application_alerts.report with input as object.union(base, empty)
	testing.verdict(r, "API endpoint failures") == "fail"
	testing.verdict(r, "Database connection issues") == "fail"
	r.verdict == "fail"
}
