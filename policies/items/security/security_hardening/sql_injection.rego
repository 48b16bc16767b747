# METADATA
# title: "SQL Injection: Parameterized queries enforced"
# description: >-
#   Checklist item 2.2.1 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.1"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "Parameterized queries enforced"
#   evidence:
#     - security.sast
#     - security.scans
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.sql_injection

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

criteria["Parameterized queries enforced"] := parameterized_queries

_zap_alerts := [sprintf("ZAP %s %s (%s)", [id, r.alerts[id].name, r.provenance.ref]) |
	some r in evidence.dast_reports
	some id in r.sql_injection_alerts
]

# METADATA
# description: >-
#   No ZAP SQL-injection alert, and a SAST report whose tool checks CWE-89 finds nothing.
parameterized_queries := result.fail(
	sprintf("%d SQL injection alerts: %s", [count(_zap_alerts), concat(", ", _zap_alerts)]),
	[r.provenance.ref | some r in evidence.dast_reports],
) if {
	count(_zap_alerts) > 0
} else := evidence.sast_criterion([89], "SQL injection")
