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
