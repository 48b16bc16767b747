# METADATA
# title: "D3-UAC: User Account Control"
# description: >-
#   Checklist item 2.1.1 (2.1 D3FEND Compliance). Decided from dependency facts and the session
#   cookies seen by the probe (--probe URL) or, without a probe, by an OWASP ZAP scan.
# custom:
#   id: "2.1.1"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "JWT token authentication implemented"
#     - "Token blacklist with Redis"
#     - "Password hashing with bcrypt"
#     - "Session management secure"
#   evidence:
#     - security.dependencies
#     - security.probe
#     - security.scans
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_uac

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["JWT token authentication implemented"] := evidence.dependency_criterion("jwt", "JWT")

criteria["Token blacklist with Redis"] := token_blacklist

criteria["Password hashing with bcrypt"] := password_hashing

criteria["Session management secure"] := session_cookies

# METADATA
# description: A JWT library and a Redis client are both declared (a revocation list needs both).
token_blacklist := result.pending("dependency manifests (the scanners collector)") if {
	not input.security.dependencies
} else := evidence.missing(sprintf(
	"no %s declared for a token blacklist (%s)",
	[concat(" and no ", _blacklist_missing), evidence.manifests_text],
)) if {
	count(_blacklist_missing) > 0
} else := result.pass(
	sprintf("JWT %s with Redis %s declared", [evidence.packages_text(evidence.signal("jwt")), evidence.packages_text(evidence.signal("redis_client"))]),
	[f.ref | some f in array.concat(evidence.signal("jwt"), evidence.signal("redis_client"))],
)

_blacklist_missing := [label |
	some [name, label] in [["jwt", "JWT library"], ["redis_client", "Redis client"]]
	count(evidence.signal(name)) == 0
]

_strong_hashers := [f | some f in evidence.signal("password_hasher"); f.what in {"bcrypt", "argon2"}]

# METADATA
# description: bcrypt (or the stronger argon2) is declared; passlib alone does not say which scheme.
password_hashing := result.pending("dependency manifests (the scanners collector)") if {
	not input.security.dependencies
} else := evidence.missing(sprintf("no bcrypt or argon2 password hasher declared (%s)", [evidence.manifests_text])) if {
	count(_strong_hashers) == 0
} else := result.pass(sprintf("password hasher declared: %s", [evidence.packages_text(_strong_hashers)]), [f.ref | some f in _strong_hashers])

_weak_cookies := [sprintf("%s lacks %s", [c.name, concat("/", missing)]) |
	some c in input.security.probe.cookies
	missing := array.concat([flag | some flag in ["Secure", "HttpOnly"]; c[lower(flag)] != true], _samesite_missing(c))
	count(missing) > 0
]

_samesite_missing(cookie) := [] if cookie.samesite in {"strict", "lax"}

_samesite_missing(cookie) := ["SameSite"] if not cookie.samesite in {"strict", "lax"}

# ZAP passive rules that flag a cookie: No HttpOnly Flag, Without Secure Flag, without SameSite
_zap_cookie_rules := {"10010": "HttpOnly", "10011": "Secure", "10054": "SameSite"}

_zap_cookie_alerts := [sprintf("ZAP %s %s (%s)", [id, r.alerts[id].name, r.provenance.ref]) |
	some r in evidence.dast_reports
	some id, _ in _zap_cookie_rules
	r.alerts[id]
]

# reports in which ZAP identified a session-management response (rule 10112): a cookie it judged
_zap_sessions := [r.provenance.ref |
	some r in evidence.dast_reports
	r.alerts["10112"]
]

# METADATA
# description: >-
#   Every cookie the endpoint sets has Secure, HttpOnly and SameSite=Strict or Lax: from the probe
#   when given; else from OWASP ZAP reports, which fail on a cookie alert (10010 no HttpOnly, 10011
#   no Secure, 10054 no or None SameSite) and pass only when ZAP saw a session cookie (10112
#   Session Management Response Identified), since no alert about no cookie proves nothing.
session_cookies := _probe_cookies if {
	evidence.probe_state != "absent"
} else := result.fail(concat("; ", _zap_cookie_alerts), [r.provenance.ref | some r in evidence.dast_reports]) if {
	count(_zap_cookie_alerts) > 0
} else := result.pass(
	sprintf("ZAP saw the session cookie (10112) with no HttpOnly, Secure or SameSite alert: %s", [concat(", ", _zap_sessions)]),
	_zap_sessions,
) if {
	count(_zap_sessions) > 0
} else := result.pending(_session_needed)

_session_needed := "a session cookie observed: the probe (--probe URL) or ZAP rule 10112 (Session Management Response Identified)"

_probe_cookies := r if {
	r := evidence.probe_unusable("session cookies observed by the probe (--probe URL)")
} else := result.pending("a session cookie set by the probed URL") if {
	count(input.security.probe.cookies) == 0
} else := result.fail(
	sprintf("%s: cookie %s (Secure, HttpOnly, SameSite required)", [input.security.probe.url, concat("; ", _weak_cookies)]),
	[evidence.probe_ref],
) if {
	count(_weak_cookies) > 0
} else := result.pass(
	sprintf("%s: %d cookies, all Secure, HttpOnly, SameSite", [input.security.probe.url, count(input.security.probe.cookies)]),
	[evidence.probe_ref],
)
