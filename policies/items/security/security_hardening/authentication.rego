# METADATA
# title: "Authentication: Multi-factor ready"
# description: >-
#   Checklist item 2.2.6 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.6"
#   section: "2.2 Security Hardening"
#   severity: high
#   criteria:
#     - "Multi-factor ready"
#   evidence:
#     - security.dependencies
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.authentication

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

criteria["Multi-factor ready"] := evidence.dependency_criterion("mfa", "multi-factor (TOTP or WebAuthn)")
