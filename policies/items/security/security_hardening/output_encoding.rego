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
#     - security.sast
#     - security.dependencies
#     - security.probe
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.output_encoding

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Auto-escaping enabled"] := result.pending("SAST findings (SARIF), dependency facts and an HTTP probe")
