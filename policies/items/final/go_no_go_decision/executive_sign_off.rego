# METADATA
# title: "Executive Sign-Off: Business approval obtained"
# description: >-
#   Checklist item 10.2.4 (10.2 Go/No-Go Decision). Decided from the CTO/VP Engineering's sign-
#   off of the current report; it does not hold when that report had any failing item in
#   sections 1-9. A sign-off binds the evidence digest of the report it signed (docs/trust.md),
#   so it counts only while the evidence, policies and config are unchanged.
# custom:
#   id: "10.2.4"
#   section: "10.2 Go/No-Go Decision"
#   severity: critical
#   criteria:
#     - "Business approval obtained"
#   evidence:
#     - attestations
#   signoff:
#     role: CTO/VP Engineering
#     blocking_sections: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
#   remediation: >-
#     Have the CTO/VP Engineering read the report and run `gonogo sign-off REPORT.json --role "CTO/VP Engineering" --key KEY`.
package gonogo.items.final.go_no_go_decision.executive_sign_off

import data.gonogo.lib.result
import data.gonogo.lib.signoff

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["Business approval obtained"] := signoff.decide(rego.metadata.chain())
