# METADATA
# title: "Output Encoding: Auto-escaping enabled"
# description: >-
#   Checklist item 2.2.5 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.5"
#   section: "2.2 Security Hardening"
#   severity: high
#   criteria:
#     - "Auto-escaping enabled"
#   evidence:
#     - security.dependencies
#     - security.scans
#     - security.sast
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.output_encoding

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

criteria["Auto-escaping enabled"] := auto_escaping

_disabled := [sprintf("auto-escaping bypassed: %s", [evidence.code_text(evidence.code_signal("autoescape_disabled"))]) |
	count(evidence.code_signal("autoescape_disabled")) > 0
]

_zap_alerts := [sprintf("ZAP %s %s (%s)", [id, r.alerts[id].name, r.provenance.ref]) |
	some r in evidence.dast_reports
	some id in r.xss_alerts
]

_problems := array.flatten([_disabled, _zap_alerts, evidence.sast_findings([79, 116])])

_escaping_engines := [f | some f in evidence.signal("template_engine"); startswith(f.what, "autoescape on")]

_support := array.flatten([
	[sprintf("auto-escaping configured: %s", [evidence.code_text(found)]) |
		found := evidence.code_signal("autoescape_enabled")
		count(found) > 0
	],
	[sprintf("template engines escaping by default: %s", [evidence.packages_text(_escaping_engines)]) | count(_escaping_engines) > 0],
	[sprintf("SAST checks CWE-79/116: %s", [concat(", ", tools)]) |
		tools := evidence.sast_covering([79, 116])
		count(tools) > 0
	],
])

# METADATA
# description: >-
#   Nothing bypasses escaping (autoescape=False, mark_safe, dangerouslySetInnerHTML, v-html), no
#   XSS finding (ZAP, SAST CWE-79/116), and escaping is shown by configuration, a template engine
#   that escapes by default, or a SAST tool that checks it.
auto_escaping := result.pending("dependency manifests, source and SAST (the scanners collector)") if {
	not input.security.dependencies
} else := result.fail(concat("; ", _problems), [f.ref | some f in evidence.code_signal("autoescape_disabled")]) if {
	count(_problems) > 0
} else := evidence.missing(sprintf(
	"nothing shows auto-escaping: no escaping template engine, configuration or SAST check (%s)",
	[evidence.manifests_text],
)) if {
	count(_support) == 0
} else := result.pass(concat("; ", _support), [f.ref | some f in array.concat(_escaping_engines, evidence.code_signal("autoescape_enabled"))])
