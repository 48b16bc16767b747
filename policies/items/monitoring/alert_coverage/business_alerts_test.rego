package gonogo.items.monitoring.alert_coverage.business_alerts_test

import data.gonogo.items.monitoring.alert_coverage.business_alerts
import data.gonogo.lib.testing

row(alerts) := {"unit": null, "direction": null, "alerts": alerts}

alert(name, receivers, integrations) := {
	"alert": name, "key": name, "ref": "rules/business.yaml:3", "severity": "warning", "for": "10m",
	"threshold": null, "direction": null, "threshold_text": "> 10", "quantile": null,
	"absolute": false, "conditional": false, "notes": [],
	"receivers": receivers, "integrations": integrations, "routed": count(integrations) > 0,
}

snapshot(quota) := {"monitoring": {
	"prometheus": {"alerting_rules": 3},
	"alert_coverage": {
		"payment_failures": row([alert("PaymentFailures", ["email-finance"], ["email"])]),
		"subscription_cancellations": row([alert("CancellationsUp", ["slack-growth"], ["slack"])]),
		"usage_quota": row(quota),
	},
}}

test_pass_when_business_classes_are_covered if {
	r := business_alerts.report with input as snapshot([alert("TenantQuotaExceeded", ["slack-growth"], ["slack"])])
	r.verdict == "pass"
	message := testing.criterion(r, "Payment processing failures").message
	contains(message, "PaymentFailures (rules/business.yaml:3) fires at > 10, reaches email-finance (email)")
}

test_fail_when_usage_quota_alert_is_routed_to_the_null_receiver if {
	r := business_alerts.report with input as snapshot([alert("TenantQuotaExceeded", ["null"], [])])
	r.verdict == "fail"
	testing.criterion(r, "Usage quota exceeded").evidence == ["rules/business.yaml:3"]
	contains(testing.criterion(r, "Usage quota exceeded").message, "reaches null (no integration)")
}

test_fail_when_usage_quota_is_not_measured if {
	r := business_alerts.report with input as snapshot([])
	testing.criterion(r, "Usage quota exceeded").verdict == "fail"
}

test_pending_without_evidence if {
	r := business_alerts.report with input as {}
	r.verdict == "pending"
}

test_fail_when_payment_and_cancellation_alerts_reach_no_one if {
	unrouted := {"monitoring": {"alert_coverage": {
		"payment_failures": row([alert("PaymentFailures", [], [])]),
		"subscription_cancellations": row([alert("CancellationsUp", [], [])]),
	}}}
	quota := [alert("TenantQuotaExceeded", ["slack-growth"], ["slack"])]
	r := business_alerts.report with input as object.union(snapshot(quota), unrouted)
	testing.verdict(r, "Payment processing failures") == "fail"
	testing.verdict(r, "Subscription cancellations") == "fail"
}
