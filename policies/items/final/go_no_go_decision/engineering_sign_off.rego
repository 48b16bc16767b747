# METADATA
# title: "Engineering Sign-Off: All technical requirements met"
# description: >-
#   Checklist item 10.2.1 (10.2 Go/No-Go Decision). Decided from the Engineering Lead's sign-off
#   of the current report; it does not hold when that report had a failing item in the technical
#   sections (1, 3-7, 9). A sign-off binds the evidence digest of the report it signed
#   (docs/trust.md), so it counts only while the evidence, policies and config are unchanged.
# custom:
#   id: "10.2.1"
#   section: "10.2 Go/No-Go Decision"
#   severity: critical
#   criteria:
#     - "All technical requirements met"
#   evidence:
#     - attestations
#   signoff:
#     role: Engineering Lead
#     blocking_sections: ["1", "3", "4", "5", "6", "7", "9"]
#   remediation: >-
#     Have the Engineering Lead read the report and run `gonogo sign-off REPORT.json --role "Engineering Lead" --key KEY`.
package gonogo.items.final.go_no_go_decision.engineering_sign_off

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

criteria["All technical requirements met"] := signoff.decide(rego.metadata.chain())
