# METADATA
# title: "Failover Testing:"
# description: >-
#   Checklist item 5.2.2 (5.2 Disaster Recovery Plan). Decided from failover-test attestations.
# custom:
#   id: "5.2.2"
#   section: "5.2 Disaster Recovery Plan"
#   severity: high
#   criteria:
#     - "Multi-region failover tested (if applicable)"
#     - "Database failover validated"
#     - "DNS failover confirmed"
#   evidence:
#     - attestations
#   remediation: >-
#     Provide failover-test attestations so gonogo can verify this item.
package gonogo.items.backup.disaster_recovery_plan.failover_testing

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Multi-region failover tested (if applicable)"] := result.unless_false(
	"multi_region",
	result.pending("a failover-test attestation (region failover)"),
)

criteria["Database failover validated"] := result.pending("a failover-test attestation (database failover)")
criteria["DNS failover confirmed"] := result.pending("a failover-test attestation (DNS failover)")
