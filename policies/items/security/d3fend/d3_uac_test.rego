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
