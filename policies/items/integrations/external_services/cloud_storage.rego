# METADATA
# title: "Cloud Storage: (S3/GCS)"
# description: >-
#   Checklist item 9.2.3 (9.2 External Services). Decided from integration configuration and test records.
# custom:
#   id: "9.2.3"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "Bucket permissions verified"
#     - "Lifecycle policies configured"
#   evidence:
#     - integrations
#   remediation: >-
#     Provide integration configuration and test records so gonogo can verify this item.
package gonogo.items.integrations.external_services.cloud_storage

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Bucket permissions verified"] := result.unless_false(
	"uses_cloud_storage",
	result.pending("bucket facts from a Terraform plan (permissions, lifecycle)"),
)

criteria["Lifecycle policies configured"] := result.unless_false(
	"uses_cloud_storage",
	result.pending("bucket facts from a Terraform plan (permissions, lifecycle)"),
)
