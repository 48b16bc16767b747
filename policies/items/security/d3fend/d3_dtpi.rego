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
#     - security.auth
#     - kubernetes.rbac
#     - security.probe
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_dtpi

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["TLS 1.3 encryption enforced"] := result.pending("authentication, dependency and probe facts")
criteria["Certificate pinning configured"] := result.pending("authentication, dependency and probe facts")
criteria["Request/response signing"] := result.pending("authentication, dependency and probe facts")
