package gonogo.items.data_pipeline.freshness.freshness_alert_test

import data.gonogo.items.data_pipeline.freshness.freshness_alert
import data.gonogo.lib.testing

alert(metric, wait) := {
	"analysis": {"metrics": [metric]},
	"for_seconds": wait,
	"provenance": {"ref": "rules.yml:4"},
}

stale := {"monitoring": {"alerts": {"OrdersDataStale": alert("orders_load_last_success_timestamp_seconds", 900)}}}

test_passes_with_a_freshness_alert_that_fires_in_time if {
	freshness_alert.report.verdict == "pass" with input as stale
}

test_fails_when_no_alert_reads_a_freshness_metric if {
	only_errors := {"monitoring": {"alerts": {"LoadFailing": alert("orders_load_failures_total", 300)}}}
	testing.criterion(freshness_alert.report, "An alert measures data freshness").verdict == "fail" with input as only_errors
}

test_fails_when_the_alert_waits_past_the_budget if {
	slow := {"monitoring": {"alerts": {"OrdersDataStale": alert("orders_lag_seconds", 7200)}}}
	testing.criterion(freshness_alert.report, "It fires within the delay budget").verdict == "fail" with input as slow
}

test_passes_a_slow_alert_under_a_raised_budget if {
	slow := object.union(
		{"monitoring": {"alerts": {"OrdersDataStale": alert("orders_lag_seconds", 7200)}}},
		{"settings": {"thresholds": {"pipeline.max_alert_delay_seconds": 7200}}},
	)
	freshness_alert.report.verdict == "pass" with input as slow
}

test_pending_without_alerting_rules if {
	testing.all_criteria(freshness_alert.report, "pending") with input as {}
}
