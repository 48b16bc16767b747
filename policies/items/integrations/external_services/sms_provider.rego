# METADATA
# title: "SMS Provider: (Twilio)"
# description: >-
#   Checklist item 9.2.2 (9.2 External Services). Decided from integration configuration and test records.
# custom:
#   id: "9.2.2"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "2FA integration tested"
#     - "Rate limits configured"
#   evidence:
#     - integrations
#   remediation: >-
#     Provide integration configuration and test records so gonogo can verify this item.
package gonogo.items.integrations.external_services.sms_provider

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["2FA integration tested"] := result.unless_false("sends_sms", result.pending("SMS-provider facts (2FA tests, rate limits)"))
criteria["Rate limits configured"] := result.unless_false("sends_sms", result.pending("SMS-provider facts (2FA tests, rate limits)"))
