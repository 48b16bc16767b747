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
#     - security.sast
#     - security.dependencies
#     - security.probe
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.csrf_protection

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Token validation implemented"] := result.pending("SAST findings (SARIF), dependency facts and an HTTP probe")
