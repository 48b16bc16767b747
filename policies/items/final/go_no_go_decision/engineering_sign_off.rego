# METADATA
# title: "Engineering Sign-Off: All technical requirements met"
# description: >-
#   Checklist item 10.2.1 (10.2 Go/No-Go Decision). Decided from a signed sign-off attestation.
# custom:
#   id: "10.2.1"
#   section: "10.2 Go/No-Go Decision"
#   severity: critical
#   criteria:
#     - "All technical requirements met"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide a signed sign-off attestation so gonogo can verify this item.
package gonogo.items.final.go_no_go_decision.engineering_sign_off

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["All technical requirements met"] := result.pending("a signed sign-off attestation")
