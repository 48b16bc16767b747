package gonogo.items.security.d3fend.d3_uac_test

import data.gonogo.items.security.d3fend.d3_uac
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.testing

_deps := fx.dependencies(
	{
		"jwt": [fx.signal_fact("pyjwt", "jwt", "requirements.txt:5")],
		"redis_client": [fx.signal_fact("redis", "redis", "requirements.txt:6")],
		"password_hasher": [fx.signal_fact("bcrypt", "bcrypt", "requirements.txt:4")],
	},
	{},
)

test_pending_without_evidence if {
	r := d3_uac.report with input as {}
	r.verdict == "pending"
}

test_passes_with_libraries_and_secure_cookies if {
	r := d3_uac.report with input as object.union(_deps, fx.probe_good)
	r.verdict == "pass"
	testing.criterion(r, "Password hashing with bcrypt").message == "password hasher declared: bcrypt ==1.0 (requirements.txt:4)"
	contains(testing.criterion(r, "Token blacklist with Redis").message, "with Redis redis ==1.0 (requirements.txt:6)")
	testing.criterion(r, "Session management secure").message == "https://shop.example.com:443/: 1 cookies, all Secure, HttpOnly, SameSite"
}

test_fails_without_libraries_and_with_weak_cookie if {
	deps := fx.dependencies({"password_hasher": [fx.signal_fact("passlib", "passlib", "requirements.txt:2")]}, {})
	snapshot := object.union(deps, fx.probe_with({"cookies": [{"name": "sid", "secure": false, "httponly": true, "samesite": ""}]}))
	r := d3_uac.report with input as snapshot
	r.verdict == "fail"
	testing.criterion(r, "Password hashing with bcrypt").message == "no bcrypt or argon2 password hasher declared (searched requirements.txt)"
	testing.criterion(r, "JWT token authentication implemented").verdict == "fail"
	blacklist := testing.criterion(r, "Token blacklist with Redis").message
	blacklist == "no JWT library and no Redis client declared for a token blacklist (searched requirements.txt)"
	contains(testing.criterion(r, "Session management secure").message, "cookie sid lacks Secure/SameSite")
}

test_session_pending_when_no_cookie_observed if {
	r := d3_uac.report with input as object.union(_deps, fx.probe_with({"cookies": []}))
	testing.criterion(r, "Session management secure").verdict == "pending"
}

_zap_session := {"name": "Session Management Response Identified", "risk": "informational", "count": 1, "cwe": null, "owasp": ""}

_zap_secure_flag := {"name": "Cookie Without Secure Flag", "risk": "low", "count": 1, "cwe": 614, "owasp": "A05:2021 Security Misconfiguration"}

test_session_passes_from_zap_session_cookie_without_cookie_alerts if {
	r := d3_uac.report with input as object.union(_deps, fx.dast({"10112": _zap_session}, []))
	testing.criterion(r, "Session management secure").verdict == "pass"
	testing.criterion(r, "Session management secure").evidence == ["reports/zap.json"]
}

test_session_fails_from_zap_cookie_alert if {
	r := d3_uac.report with input as object.union(_deps, fx.dast({"10112": _zap_session, "10011": _zap_secure_flag}, []))
	testing.criterion(r, "Session management secure").verdict == "fail"
	testing.criterion(r, "Session management secure").message == "ZAP 10011 Cookie Without Secure Flag (reports/zap.json)"
}

test_session_pending_when_zap_saw_no_session_cookie if {
	r := d3_uac.report with input as object.union(_deps, fx.dast({}, []))
	testing.criterion(r, "Session management secure").verdict == "pending"
}

test_session_probe_wins_over_zap if {
	weak := fx.probe_with({"cookies": [{"name": "sid", "secure": false, "httponly": true, "samesite": "lax"}]})
	r := d3_uac.report with input as object.union_n([_deps, fx.dast({"10112": _zap_session}, []), weak])
	testing.criterion(r, "Session management secure").verdict == "fail"
}
