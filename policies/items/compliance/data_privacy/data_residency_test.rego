package gonogo.items.compliance.data_privacy.data_residency_test

import data.gonogo.items.compliance.data_privacy.data_residency
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no if {
	r := data_residency.report with input as {"context": {"data_residency_required": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.data_residency_required is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := data_residency.report with input as {"context": {"data_residency_required": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := data_residency.report with input as {}
	r.verdict == "pending"
}

_store(address, region, source) := {address: {
	"address": address, "type": split(address, ".")[0], "region": region, "region_source": source,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])},
}}

_input(regions, databases, storage) := {
	"context": {"data_residency_required": true, "data_residency_regions": regions},
	"infrastructure": {"databases": databases, "storage": storage, "kubernetes_clusters": {}},
}

test_passes_when_every_store_is_in_an_allowed_region if {
	r := data_residency.report with input as _input(
		["eu-west-1", "europe-*"],
		_store("aws_db_instance.orders", "eu-west-1", "availability zone"),
		_store("google_storage_bucket.exports", "europe-west1", "location"),
	)
	r.verdict == "pass"
	c := testing.criterion(r, "Requirements met")
	contains(c.message, "2 data store(s) and cluster(s) in eu-west-1, europe-west1")
	c.evidence == ["plan.json:aws_db_instance.orders", "plan.json:google_storage_bucket.exports"]
}

test_fails_when_a_store_is_outside_the_allowed_regions if {
	r := data_residency.report with input as _input(
		["eu-*"],
		_store("aws_db_instance.orders", "us-east-1", "provider configuration"),
		_store("aws_s3_bucket.assets", "eu-central-1", "region"),
	)
	r.verdict == "fail"
	c := testing.criterion(r, "Requirements met")
	c.message == "aws_db_instance.orders: in us-east-1 (provider configuration), outside eu-*"
	c.evidence == ["plan.json:aws_db_instance.orders"]
}

test_pending_when_a_region_is_unknown if {
	r := data_residency.report with input as _input(["eu-west-1"], _store("aws_db_instance.orders", null, null), {})
	r.verdict == "pending"
	contains(testing.criterion(r, "Requirements met").message, "the region of aws_db_instance.orders")
}

test_pending_without_a_declared_requirement if {
	r := data_residency.report with input as _input([], _store("aws_db_instance.orders", "eu-west-1", "region"), {})
	r.verdict == "pending"
	contains(testing.criterion(r, "Requirements met").message, "context.data_residency_regions")
}

test_pending_without_data_stores_in_the_plan if {
	r := data_residency.report with input as _input(["eu-west-1"], {}, {})
	r.verdict == "pending"
}
