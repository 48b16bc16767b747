# METADATA
# title: "Input Validation: Pydantic models enforced"
# description: >-
#   Checklist item 2.2.4 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.4"
#   section: "2.2 Security Hardening"
#   severity: high
#   criteria:
#     - "Pydantic models enforced"
#   evidence:
#     - security.sast
#     - security.dependencies
#     - security.probe
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.input_validation

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Pydantic models enforced"] := result.pending("SAST findings (SARIF), dependency facts and an HTTP probe")
