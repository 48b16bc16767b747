package gonogo.items.compliance.security_compliance.hipaa_test

import data.gonogo.items.compliance.security_compliance.hipaa
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.handles_phi=false", "Product Manager", {})
	r := hipaa.report with input as object.union({"context": {"handles_phi": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.handles_phi is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := hipaa.report with input as {"context": {"handles_phi": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := hipaa.report with input as {"context": {"handles_phi": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := hipaa.report with input as {}
	r.verdict == "pending"
}

_prov(address) := {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])}

_db(encrypted, exports) := {"aws_db_instance.phi": {
	"address": "aws_db_instance.phi", "type": "aws_db_instance", "engine": "postgresql",
	"storage_encrypted": encrypted, "log_exports": exports, "provenance": _prov("aws_db_instance.phi"),
}}

_bucket(logged) := {"aws_s3_bucket.records": {
	"address": "aws_s3_bucket.records", "type": "aws_s3_bucket", "access_logging": logged,
	"provenance": _prov("aws_s3_bucket.records"),
}}

_listener(protocol) := {"aws_lb_listener.web": {
	"address": "aws_lb_listener.web", "type": "aws_lb_listener", "port": 443, "protocol": protocol,
	"redirects_to_https": false, "provenance": _prov("aws_lb_listener.web"),
}}

_plan(db, bucket, listener, trails) := {"context": {"handles_phi": true}, "infrastructure": {
	"databases": db, "storage": bucket, "lb_listeners": listener, "cdn": {}, "audit_trails": trails,
}}

_baa := testing.attested("8.2.3#3", "Security Lead", {})

test_passes_with_encrypted_logged_stores_and_an_attested_baa if {
	r := hipaa.report with input as object.union(_plan(_db(true, ["postgresql"]), _bucket(true), _listener("HTTPS"), {}), _baa)
	r.verdict == "pass"
	testing.criterion(r, "BAA agreements signed").assurance == "attested"
	testing.criterion(r, "PHI encryption validated").assurance == "measured"
}

test_baa_stays_pending_without_the_security_lead_attestation if {
	r := hipaa.report with input as _plan(_db(true, ["postgresql"]), _bucket(true), _listener("HTTPS"), {})
	r.verdict == "pending"
	testing.verdict(r, "PHI encryption validated") == "pass"
	testing.verdict(r, "Access logging enabled") == "pass"
	contains(testing.criterion(r, "BAA agreements signed").message, "Security Lead")
}

test_fails_with_plain_http_unencrypted_unlogged_stores if {
	r := hipaa.report with input as _plan(_db(false, []), _bucket(false), _listener("HTTP"), {})
	r.verdict == "fail"
	c := testing.criterion(r, "PHI encryption validated")
	c.verdict == "fail"
	contains(c.message, "storage not encrypted at rest")
	contains(c.message, "serves plain HTTP")
	l := testing.criterion(r, "Access logging enabled")
	l.verdict == "fail"
	contains(l.message, "aws_s3_bucket.records: no access logging")
	contains(l.message, "aws_db_instance.phi: no database logs exported")
}

test_cloudtrail_s3_data_events_log_bucket_access if {
	trail := {"t": {"kind": "aws-cloudtrail", "enabled": true, "data_event_types": ["AWS::S3::Object"]}}
	r := hipaa.report with input as _plan({}, _bucket(false), _listener("HTTPS"), trail)
	testing.verdict(r, "Access logging enabled") == "pass"
}

test_encryption_pending_without_in_transit_evidence if {
	r := hipaa.report with input as _plan(_db(true, ["postgresql"]), {}, {}, {})
	testing.verdict(r, "PHI encryption validated") == "pending"
	contains(testing.criterion(r, "PHI encryption validated").message, "in-transit evidence")
}
