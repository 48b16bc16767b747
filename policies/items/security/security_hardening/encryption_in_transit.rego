# METADATA
# title: "Encryption in Transit: TLS 1.3 mandatory"
# description: >-
#   Checklist item 2.2.9 (2.2 Security Hardening). Decided from a TLS probe of the endpoint or Ingress TLS settings.
# custom:
#   id: "2.2.9"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "TLS 1.3 mandatory"
#   evidence:
#     - security.probe
#   remediation: >-
#     Provide a TLS probe of the endpoint or Ingress TLS settings so gonogo can verify this item.
package gonogo.items.security.security_hardening.encryption_in_transit

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["TLS 1.3 mandatory"] := evidence.tls_criterion
