package gonogo.items.security.security_hardening.xss_protection_test

import data.gonogo.items.security.security_hardening.xss_protection
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := xss_protection.report with input as {}
	r.verdict == "pending"
}

test_passes_with_csp_from_probe if {
	r := xss_protection.report with input as fx.probe_good
	r.verdict == "pass"
	contains(r.criteria[0].message, "Content-Security-Policy default-src 'self'")
}

test_fails_without_csp_header if {
	r := xss_protection.report with input as fx.probe_with({"csp": null})
	r.verdict == "fail"
	r.criteria[0].message == "https://shop.example.com:443/: no Content-Security-Policy header"
}

test_fails_with_unsafe_inline_scripts if {
	r := xss_protection.report with input as fx.probe_with({"csp": {"unsafe_inline_scripts": true}})
	contains(r.criteria[0].message, "allows 'unsafe-inline' scripts")
}

test_fails_on_zap_csp_alert if {
	alerts := {"10038": {"name": "Content Security Policy (CSP) Header Not Set", "risk": "medium", "count": 4, "cwe": 693, "owasp": ""}}
	r := xss_protection.report with input as fx.dast(alerts, ["content-security-policy"])
	r.verdict == "fail"
	r.criteria[0].message == "ZAP 10038 Content Security Policy (CSP) Header Not Set (reports/zap.json)"
}

test_passes_from_zap_without_csp_alert if {
	r := xss_protection.report with input as fx.dast({}, [])
	r.verdict == "pass"
}

test_error_when_probe_failed if {
	r := xss_protection.report with input as fx.probe_failed
	r.verdict == "error"
}
