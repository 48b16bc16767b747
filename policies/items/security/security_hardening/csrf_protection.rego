# METADATA
# title: "CSRF Protection: Token validation implemented"
# description: >-
#   Checklist item 2.2.3 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.3"
#   section: "2.2 Security Hardening"
#   severity: high
#   criteria:
#     - "Token validation implemented"
#   evidence:
#     - security.dependencies
#     - security.scans
#     - security.sast
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.csrf_protection

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

criteria["Token validation implemented"] := csrf_tokens

_zap_alerts := [sprintf("ZAP %s %s (%s)", [id, r.alerts[id].name, r.provenance.ref]) |
	some r in evidence.dast_reports
	some id in r.csrf_alerts
]

_disabled := [sprintf("CSRF disabled: %s", [evidence.code_text(found)]) |
	found := evidence.code_signal("csrf_disabled")
	count(found) > 0
]

_problems := array.flatten([_zap_alerts, _disabled, evidence.sast_findings([352])])

_protection := array.concat(
	[sprintf("CSRF middleware declared: %s", [evidence.packages_text(found)]) |
		found := evidence.signal("csrf_protection")
		count(found) > 0
	],
	[sprintf("CSRF protection enabled: %s", [evidence.code_text(found)]) |
		found := evidence.code_signal("csrf_enabled")
		count(found) > 0
	],
)

_refs := array.concat([f.ref | some f in evidence.signal("csrf_protection")], [f.ref | some f in evidence.code_signal("csrf_enabled")])

# METADATA
# description: >-
#   CSRF protection is declared (middleware package or enabled in code), nothing disables it
#   (@csrf_exempt, WTF_CSRF_ENABLED = False) and neither ZAP nor SAST (CWE-352) reports CSRF.
csrf_tokens := result.pending("dependency manifests and source (the scanners collector)") if {
	not input.security.dependencies
} else := result.fail(concat("; ", _problems), [f.ref | some f in evidence.code_signal("csrf_disabled")]) if {
	count(_problems) > 0
} else := evidence.missing(sprintf("no CSRF protection declared or enabled (%s)", [evidence.manifests_text])) if {
	count(_protection) == 0
} else := result.pass(concat("; ", _protection), _refs)
