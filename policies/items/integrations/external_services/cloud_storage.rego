# METADATA
# title: "Cloud Storage: (S3/GCS)"
# description: >-
#   Checklist item 9.2.3 (9.2 External Services). Decided from the buckets of Terraform plans
#   (aws_s3_bucket with its public-access-block, ACL, policy and lifecycle resources folded in;
#   google_storage_bucket with its IAM grants). Bucket permissions: an S3 bucket needs a public
#   access block with all four settings and no public ACL or policy; a GCS bucket needs uniform
#   bucket-level access and no allUsers / allAuthenticatedUsers grant. Lifecycle: every bucket
#   has at least one lifecycle rule. Not applicable when context.uses_cloud_storage is false.
# custom:
#   id: "9.2.3"
#   section: "9.2 External Services"
#   severity: medium
#   criteria:
#     - "Bucket permissions verified"
#     - "Lifecycle policies configured"
#   evidence:
#     - infrastructure.storage
#   remediation: >-
#     Block public access on every bucket (aws_s3_bucket_public_access_block; GCS
#     uniform_bucket_level_access and public_access_prevention), remove public ACLs, policies and
#     allUsers grants, and give every bucket a lifecycle configuration.
package gonogo.items.integrations.external_services.cloud_storage

import data.gonogo.items.compliance.lib.controls
import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_public_acls := {"public-read", "public-read-write", "authenticated-read"}

permission_problems contains {"message": msg, "ref": k8s.ref(b)} if {
	some b in controls.buckets
	b.type == "aws_s3_bucket"
	object.get(b, "public_access_blocked", null) != true
	msg := sprintf("%s: no public access block with all four settings", [b.address])
}

permission_problems contains {"message": msg, "ref": k8s.ref(b)} if {
	some b in controls.buckets
	b.type == "google_storage_bucket"
	object.get(b, "uniform_access", false) != true
	msg := sprintf("%s: uniform bucket-level access off (object ACLs apply)", [b.address])
}

permission_problems contains {"message": sprintf("%s: public ACL %s", [b.address, b.acl]), "ref": k8s.ref(b)} if {
	some b in controls.buckets
	object.get(b, "acl", "") in _public_acls
}

permission_problems contains {"message": sprintf("%s: bucket policy allows any principal", [b.address]), "ref": k8s.ref(b)} if {
	some b in controls.buckets
	object.get(b, "public_policy", false) == true
}

permission_problems contains {"message": sprintf("%s: IAM grant to allUsers or allAuthenticatedUsers", [b.address]), "ref": k8s.ref(b)} if {
	some b in controls.buckets
	object.get(b, "public_iam", false) == true
}

lifecycle_problems contains {"message": sprintf("%s: no lifecycle rule", [b.address]), "ref": k8s.ref(b)} if {
	some b in controls.buckets
	object.get(b, "lifecycle_rules", 0) == 0
}

_none := "buckets (no aws_s3_bucket or google_storage_bucket in the Terraform plan)"

criteria["Bucket permissions verified"] := result.unless_false("uses_cloud_storage", controls.judge(
	k8s.infra_present, "a Terraform plan with the buckets", controls.buckets, _none, permission_problems,
	sprintf("%d bucket(s) private: public access blocked, no public ACL, policy or grant", [count(controls.buckets)]),
))

criteria["Lifecycle policies configured"] := result.unless_false("uses_cloud_storage", controls.judge(
	k8s.infra_present, "a Terraform plan with the buckets", controls.buckets, _none, lifecycle_problems,
	sprintf("%d bucket(s) with lifecycle rules", [count(controls.buckets)]),
))
