# METADATA
# title: "SSL Certificates:"
# description: >-
#   Checklist item 4.1.3 (4.1 Environment Configuration). Decided from Kubernetes manifests or a live cluster.
# custom:
#   id: "4.1.3"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "Valid certificates installed"
#     - "Auto-renewal configured (cert-manager)"
#     - "Certificate expiration monitoring active"
#     - "HTTPS redirect enforced"
#   evidence:
#     - kubernetes
#   remediation: >-
#     Provide Kubernetes manifests or a live cluster so gonogo can verify this item.
package gonogo.items.infrastructure.environment_configuration.ssl_certificates

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Valid certificates installed"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Auto-renewal configured (cert-manager)"] := result.pending("Kubernetes manifests or a live cluster")
criteria["Certificate expiration monitoring active"] := result.pending("Kubernetes manifests or a live cluster")
criteria["HTTPS redirect enforced"] := result.pending("Kubernetes manifests or a live cluster")
