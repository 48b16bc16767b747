# METADATA
# title: "XSS Protection: Content Security Policy active"
# description: >-
#   Checklist item 2.2.2 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.2"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "Content Security Policy active"
#   evidence:
#     - security.probe
#     - security.scans
#     - security.sast
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.xss_protection

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

criteria["Content Security Policy active"] := csp_active

_zap_problems := [sprintf("ZAP %s %s (%s)", [id, r.alerts[id].name, r.provenance.ref]) |
	some r in evidence.dast_reports
	some id, _ in r.alerts
	id in ({"10038"} | {x | some x in r.xss_alerts})
]

_csp := input.security.probe.csp

_probe_problems contains sprintf("%s: no Content-Security-Policy header", [input.security.probe.url]) if {
	evidence.probe_state == "ok"
	_csp == null
}

_probe_problems contains sprintf("%s: Content-Security-Policy allows 'unsafe-inline' scripts", [input.security.probe.url]) if {
	evidence.probe_state == "ok"
	_csp.unsafe_inline_scripts == true
}

_problems := array.flatten([sort(_probe_problems), _zap_problems, evidence.sast_findings([79])])

_refs := array.concat([evidence.probe_ref | evidence.probe_state == "ok"], [r.provenance.ref | some r in evidence.dast_reports])

# METADATA
# description: >-
#   The probed endpoint sends a Content-Security-Policy without 'unsafe-inline' scripts (or,
#   without a probe, a ZAP report has no CSP-missing alert), and no XSS finding (ZAP, SAST CWE-79).
csp_active := r if {
	evidence.probe_state == "error"
	r := evidence.probe_unusable("")
} else := result.fail(concat("; ", _problems), _refs) if {
	count(_problems) > 0
} else := result.pass(
	sprintf("%s: Content-Security-Policy %s", [input.security.probe.url, input.security.probe.headers["content-security-policy"]]),
	_refs,
) if {
	evidence.probe_state == "ok"
} else := result.pass(sprintf("ZAP %s: no CSP-missing or XSS alert", [concat(", ", _refs)]), _refs) if {
	count(evidence.dast_reports) > 0
} else := result.pending("an HTTP probe (--probe URL) or an OWASP ZAP report")
