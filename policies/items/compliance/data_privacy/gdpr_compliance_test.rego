package gonogo.items.compliance.data_privacy.gdpr_compliance_test

import data.gonogo.items.compliance.data_privacy.gdpr_compliance
import data.gonogo.lib.testing

test_not_applicable_when_context_says_no_and_the_product_manager_attests_it if {
	attested := testing.attested("context.serves_eu_users=false", "Product Manager", {})
	r := gdpr_compliance.report with input as object.union({"context": {"serves_eu_users": false}}, attested)
	r.verdict == "not_applicable"
	some c in r.criteria
	startswith(c.message, "context.serves_eu_users is false in gonogo.yaml")
}

test_a_typed_context_flag_alone_keeps_it_applicable if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": false}}
	r.verdict != "not_applicable"
	some c in r.criteria
	contains(c.message, "only an attestation by the Product Manager makes")
}

test_pending_when_context_says_yes if {
	r := gdpr_compliance.report with input as {"context": {"serves_eu_users": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := gdpr_compliance.report with input as {}
	r.verdict == "pending"
}
