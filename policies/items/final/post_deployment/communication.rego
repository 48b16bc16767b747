# METADATA
# title: "Communication: Success communicated to stakeholders"
# description: >-
#   Checklist item 10.3.5 (10.3 Post-Deployment). Announcing the successful release to the
#   stakeholders is a human act no artifact shows: it is decided by a verified attestation from
#   the Product Manager covering 10.3.5 (or 10.3.5#1) for the commit or images released.
# custom:
#   id: "10.3.5"
#   section: "10.3 Post-Deployment"
#   severity: low
#   criteria:
#     - "Success communicated to stakeholders"
#   attested_by:
#     "Success communicated to stakeholders": Product Manager
#   evidence:
#     - attestations
#   remediation: >-
#     Announce the release's success (release notes, status page, customer and internal
#     channels), then have the Product Manager sign it: gonogo attest 10.3.5 --role "Product
#     Manager" --statement ...
package gonogo.items.final.post_deployment.communication

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
