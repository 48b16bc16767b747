package gonogo.items.security.security_hardening.csrf_protection_test

import data.gonogo.items.security.security_hardening.csrf_protection
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := csrf_protection.report with input as {}
	r.verdict == "pending"
}

test_passes_with_csrf_middleware if {
	deps := fx.dependencies({"csrf_protection": [fx.signal_fact("flask-wtf", "csrf", "requirements.txt:3")]}, {})
	r := csrf_protection.report with input as deps
	r.verdict == "pass"
	r.criteria[0].message == "CSRF middleware declared: flask-wtf ==1.0 (requirements.txt:3)"
}

test_fails_when_csrf_exempt_in_code if {
	deps := fx.dependencies(
		{"csrf_protection": [fx.signal_fact("django", "CsrfViewMiddleware", "requirements.txt:1")]},
		{"csrf_disabled": [{"pattern": "@csrf_exempt", "ref": "shop/views.py:40"}]},
	)
	r := csrf_protection.report with input as deps
	r.verdict == "fail"
	r.criteria[0].message == "CSRF disabled: @csrf_exempt at shop/views.py:40"
}

test_fails_on_zap_csrf_alert if {
	alerts := {"10202": {"name": "Absence of Anti-CSRF Tokens", "risk": "medium", "count": 1, "cwe": 352, "owasp": ""}}
	deps := fx.dependencies({"csrf_protection": [fx.signal_fact("flask-wtf", "csrf", "requirements.txt:3")]}, {})
	r := csrf_protection.report with input as object.union(deps, fx.dast(alerts, []))
	r.verdict == "fail"
	contains(r.criteria[0].message, "ZAP 10202 Absence of Anti-CSRF Tokens")
}

test_fails_without_any_protection if {
	r := csrf_protection.report with input as fx.dependencies({}, {})
	r.verdict == "fail"
	r.criteria[0].message == "no CSRF protection declared or enabled (searched requirements.txt)"
}
