package gonogo.items.scaling.performance_optimization.cdn_configuration_test

import data.gonogo.items.scaling.performance_optimization.cdn_configuration

test_not_applicable_when_context_says_no if {
	r := cdn_configuration.report with input as {"context": {"uses_cdn": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.uses_cdn is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := cdn_configuration.report with input as {"context": {"uses_cdn": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := cdn_configuration.report with input as {}
	r.verdict == "pending"
}
