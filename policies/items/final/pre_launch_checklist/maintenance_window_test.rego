package gonogo.items.final.pre_launch_checklist.maintenance_window_test

import data.gonogo.items.final.pre_launch_checklist.maintenance_window

test_not_applicable_when_context_says_no if {
	r := maintenance_window.report with input as {"context": {"needs_maintenance_window": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.needs_maintenance_window is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := maintenance_window.report with input as {"context": {"needs_maintenance_window": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := maintenance_window.report with input as {}
	r.verdict == "pending"
}
