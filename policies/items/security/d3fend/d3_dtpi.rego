# METADATA
# title: "D3-DTPI: Data Transfer Protection - Integrity"
# description: >-
#   Checklist item 2.1.3 (2.1 D3FEND Compliance). Decided from authentication, dependency and probe facts.
# custom:
#   id: "2.1.3"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "TLS 1.3 encryption enforced"
#     - "Certificate pinning configured"
#     - "Request/response signing"
#   evidence:
#     - security.probe
#     - security.dependencies
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_dtpi

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["TLS 1.3 encryption enforced"] := evidence.tls_criterion

criteria["Certificate pinning configured"] := result.pending("a certificate-pinning configuration of the clients (not observable by an HTTP probe)")

criteria["Request/response signing"] := evidence.dependency_criterion("request_signing", "HTTP message signing")
