# METADATA
# title: "Training Completed: Team trained on systems"
# description: >-
#   Checklist item 6.2.3 (6.2 Team Preparedness). Training is a human act no artifact shows: it
#   is decided by a verified attestation from the Engineering Lead covering 6.2.3 (or 6.2.3#1),
#   whatever commit it names (training does not change with the code).
# custom:
#   id: "6.2.3"
#   section: "6.2 Team Preparedness"
#   severity: medium
#   commit_independent: true
#   criteria:
#     - "Team trained on systems"
#   attested_by:
#     "Team trained on systems": Engineering Lead
#   evidence:
#     - attestations
#   remediation: >-
#     Train the on-call team on the service (runbooks, dashboards, paging, rollback), then have
#     the Engineering Lead sign it: gonogo attest 6.2.3 --role "Engineering Lead" --statement ...
package gonogo.items.operations.team_preparedness.training_completed

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
