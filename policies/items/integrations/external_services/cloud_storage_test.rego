package gonogo.items.integrations.external_services.cloud_storage_test

import data.gonogo.items.integrations.external_services.cloud_storage
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no if {
	r := cloud_storage.report with input as {"context": {"uses_cloud_storage": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.uses_cloud_storage is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := cloud_storage.report with input as {"context": {"uses_cloud_storage": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := cloud_storage.report with input as {}
	r.verdict == "pending"
}

_bucket(address, fields) := {address: object.union(
	{
		"address": address, "type": split(address, ".")[0],
		"provenance": {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])},
	},
	fields,
)}

_input(storage) := {"context": {"uses_cloud_storage": true}, "infrastructure": {"storage": storage}}

test_passes_with_private_buckets_that_have_lifecycle_rules if {
	r := cloud_storage.report with input as _input(object.union(
		_bucket("aws_s3_bucket.assets", {"public_access_blocked": true, "acl": "private", "lifecycle_rules": 1}),
		_bucket("google_storage_bucket.exports", {"uniform_access": true, "public_access_blocked": true, "lifecycle_rules": 2}),
	))
	r.verdict == "pass"
	testing.criterion(r, "Bucket permissions verified").evidence == ["plan.json:aws_s3_bucket.assets", "plan.json:google_storage_bucket.exports"]
}

test_fails_public_buckets_without_lifecycle if {
	r := cloud_storage.report with input as _input(object.union(
		_bucket("aws_s3_bucket.uploads", {"public_access_blocked": null, "acl": "public-read", "public_policy": true, "lifecycle_rules": 0}),
		_bucket("google_storage_bucket.exports", {"uniform_access": false, "public_iam": true, "lifecycle_rules": 0}),
	))
	r.verdict == "fail"
	p := testing.criterion(r, "Bucket permissions verified")
	p.verdict == "fail"
	contains(p.message, "aws_s3_bucket.uploads: public ACL public-read")
	contains(p.message, "aws_s3_bucket.uploads: bucket policy allows any principal")
	contains(p.message, "google_storage_bucket.exports: IAM grant to allUsers")
	l := testing.criterion(r, "Lifecycle policies configured")
	l.verdict == "fail"
	contains(l.message, "aws_s3_bucket.uploads: no lifecycle rule")
}

test_pending_when_the_plan_has_no_bucket if {
	r := cloud_storage.report with input as _input({})
	r.verdict == "pending"
	contains(testing.criterion(r, "Bucket permissions verified").message, "no aws_s3_bucket")
}
