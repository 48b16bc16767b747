# METADATA
# title: "D3-RAC: Remote Access Control"
# description: >-
#   Checklist item 2.1.2 (2.1 D3FEND Compliance). Decided from authentication, dependency and probe facts.
# custom:
#   id: "2.1.2"
#   section: "2.1 D3FEND Compliance"
#   severity: high
#   criteria:
#     - "Rate limiting active (100 req/min per IP)"
#     - "IP whitelisting supported"
#     - "CORS policies configured"
#     - "API key validation enforced"
#   evidence:
#     - security.auth
#     - kubernetes.rbac
#     - security.probe
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_rac

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Rate limiting active (100 req/min per IP)"] := result.pending("authentication, dependency and probe facts")
criteria["IP whitelisting supported"] := result.pending("authentication, dependency and probe facts")
criteria["CORS policies configured"] := result.pending("authentication, dependency and probe facts")
criteria["API key validation enforced"] := result.pending("authentication, dependency and probe facts")
