# METADATA
# title: "Communication Plan: Stakeholders notified"
# description: >-
#   Checklist item 10.1.6 (10.1 Pre-Launch Checklist). Notifying stakeholders of the launch is a
#   human act no artifact shows: it is decided by a verified attestation from the Product Manager
#   covering 10.1.6 (or 10.1.6#1) for the commit or images being launched.
# custom:
#   id: "10.1.6"
#   section: "10.1 Pre-Launch Checklist"
#   severity: medium
#   criteria:
#     - "Stakeholders notified"
#   attested_by:
#     "Stakeholders notified": Product Manager
#   evidence:
#     - attestations
#   remediation: >-
#     Tell the stakeholders (support, sales, customers affected) the launch date, scope and
#     contacts, then have the Product Manager sign it: gonogo attest 10.1.6 --role "Product
#     Manager" --statement ...
package gonogo.items.final.pre_launch_checklist.communication_plan

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

# Decided by attestation only (custom.attested_by): no rule of its own.
criteria := {}
