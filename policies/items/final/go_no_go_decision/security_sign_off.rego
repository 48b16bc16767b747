# METADATA
# title: "Security Sign-Off: Security audit passed"
# description: >-
#   Checklist item 10.2.2 (10.2 Go/No-Go Decision). Decided from the Security Lead's sign-off of
#   the current report; it does not hold when that report had a failing security item (section
#   2). A sign-off binds the evidence digest of the report it signed (docs/trust.md), so it
#   counts only while the evidence, policies and config are unchanged.
# custom:
#   id: "10.2.2"
#   section: "10.2 Go/No-Go Decision"
#   severity: critical
#   criteria:
#     - "Security audit passed"
#   evidence:
#     - attestations
#   signoff:
#     role: Security Lead
#     blocking_sections: ["2"]
#   remediation: >-
#     Have the Security Lead read the report and run `gonogo sign-off REPORT.json --role "Security Lead" --key KEY`.
package gonogo.items.final.go_no_go_decision.security_sign_off

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

criteria["Security audit passed"] := signoff.decide(rego.metadata.chain())
