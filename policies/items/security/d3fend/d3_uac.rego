# METADATA
# title: "D3-UAC: User Account Control"
# description: >-
#   Checklist item 2.1.1 (2.1 D3FEND Compliance). Decided from authentication, dependency and probe facts.
# custom:
#   id: "2.1.1"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "JWT token authentication implemented"
#     - "Token blacklist with Redis"
#     - "Password hashing with bcrypt"
#     - "Session management secure"
#   evidence:
#     - security.auth
#     - kubernetes.rbac
#     - security.probe
#   remediation: >-
#     Provide authentication, dependency and probe facts so gonogo can verify this item.
package gonogo.items.security.d3fend.d3_uac

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["JWT token authentication implemented"] := result.pending("authentication, dependency and probe facts")
criteria["Token blacklist with Redis"] := result.pending("authentication, dependency and probe facts")
criteria["Password hashing with bcrypt"] := result.pending("authentication, dependency and probe facts")
criteria["Session management secure"] := result.pending("authentication, dependency and probe facts")
