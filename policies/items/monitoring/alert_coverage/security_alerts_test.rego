package gonogo.items.monitoring.alert_coverage.security_alerts_test

import data.gonogo.items.monitoring.alert_coverage.security_alerts
import data.gonogo.lib.testing

row(alerts) := {"unit": null, "direction": null, "alerts": alerts}

alert(name, routed) := {
	"alert": name, "key": name, "ref": "rules/security.yaml:7", "severity": "warning", "for": "5m",
	"threshold": null, "direction": null, "threshold_text": "> 5", "quantile": null,
	"absolute": false, "conditional": false, "notes": [],
	"receivers": ["slack-security"], "integrations": integrations(routed), "routed": routed,
}

integrations(true) := ["slack"]

integrations(false) := []

snapshot(suspicious) := {"monitoring": {
	"prometheus": {"alerting_rules": 4},
	"alert_coverage": {
		"auth_failures": row([alert("AuthFailureSpike", true)]),
		"rate_limit": row([alert("RateLimited", true)]),
		"suspicious_ip": row(suspicious),
		"cert_expiry": row([alert("CertificateExpiringSoon", true)]),
	},
}}

test_pass_when_all_security_classes_are_covered if {
	r := security_alerts.report with input as snapshot([alert("SuspiciousClientIP", true)])
	r.verdict == "pass"
	testing.criterion(r, "Suspicious IP activity").message == concat("", [
		"covered by SuspiciousClientIP (rules/security.yaml:7) ",
		"fires at > 5, reaches slack-security (slack)",
	])
}

test_fail_when_suspicious_ip_is_not_measured if {
	r := security_alerts.report with input as snapshot([])
	r.verdict == "fail"
	testing.criterion(r, "Suspicious IP activity").message == "no alerting rule measures it (4 alerting rules read)"
	testing.criterion(r, "Rate limit violations").verdict == "pass"
}

test_fail_when_the_only_alert_reaches_no_integration if {
	r := security_alerts.report with input as snapshot([alert("SuspiciousClientIP", false)])
	contains(testing.criterion(r, "Suspicious IP activity").message, "no receiver with a configured integration")
}

test_pending_without_evidence if {
	r := security_alerts.report with input as {"monitoring": {"grafana": {}}}
	r.verdict == "pending"
}

test_fail_when_security_alerts_reach_no_one if {
	unrouted := {"monitoring": {"alert_coverage": {
		"auth_failures": row([alert("AuthFailureSpike", false)]),
		"rate_limit": row([alert("RateLimited", false)]),
		"cert_expiry": row([alert("CertificateExpiringSoon", false)]),
	}}}
	r := security_alerts.report with input as object.union(snapshot([alert("SuspiciousClientIP", true)]), unrouted)
	every text in ["Authentication failures spike", "Rate limit violations", "Certificate expiration warnings"] {
		testing.verdict(r, text) == "fail"
	}
}
