# METADATA
# title: "Status Page: External status page configured"
# description: >-
#   Checklist item 6.3.4 (6.3 Monitoring & Alerting). Decided from operations records.
# custom:
#   id: "6.3.4"
#   section: "6.3 Monitoring & Alerting"
#   severity: medium
#   criteria:
#     - "External status page configured"
#   evidence:
#     - operations.documents
#     - attestations
#   remediation: >-
#     Provide operations records so gonogo can verify this item.
package gonogo.items.operations.monitoring_alerting.status_page

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["External status page configured"] := result.pending("operations records")
