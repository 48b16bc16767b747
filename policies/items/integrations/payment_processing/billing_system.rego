# METADATA
# title: "Billing System:"
# description: >-
#   Checklist item 9.1.2 (9.1 Payment Processing). Decided from integration configuration and test records.
# custom:
#   id: "9.1.2"
#   section: "9.1 Payment Processing"
#   severity: medium
#   criteria:
#     - "Usage tracking accurate"
#     - "Invoice generation automated"
#     - "Payment retry logic implemented"
#   evidence:
#     - integrations
#   remediation: >-
#     Provide integration configuration and test records so gonogo can verify this item.
package gonogo.items.integrations.payment_processing.billing_system

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Usage tracking accurate"] := result.unless_false("processes_payments", result.pending("billing-system records"))
criteria["Invoice generation automated"] := result.unless_false("processes_payments", result.pending("billing-system records"))
criteria["Payment retry logic implemented"] := result.unless_false("processes_payments", result.pending("billing-system records"))
