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
#     - security.sast
#     - security.dependencies
#     - security.probe
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.xss_protection

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Content Security Policy active"] := result.pending("SAST findings (SARIF), dependency facts and an HTTP probe")
