# METADATA
# title: "Product Sign-Off: Features validated"
# description: >-
#   Checklist item 10.2.3 (10.2 Go/No-Go Decision). Decided from the Product Manager's sign-off
#   of the current report; it does not hold when that report had a failing test item (section 1:
#   features are validated by their tests). A sign-off binds the evidence digest of the report
#   it signed (docs/trust.md), so it counts only while the evidence, policies and config are
#   unchanged.
# custom:
#   id: "10.2.3"
#   section: "10.2 Go/No-Go Decision"
#   severity: high
#   criteria:
#     - "Features validated"
#   evidence:
#     - attestations
#   signoff:
#     role: Product Manager
#     blocking_sections: ["1"]
#   remediation: >-
#     Have the Product Manager read the report and run `gonogo sign-off REPORT.json --role "Product Manager" --key KEY`.
package gonogo.items.final.go_no_go_decision.product_sign_off

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

criteria["Features validated"] := signoff.decide(rego.metadata.chain())
