package gonogo.items.testing.test_coverage.smoke_tests_test

import data.gonogo.items.testing.test_coverage.smoke_tests
import data.gonogo.lib.testing

counts(passed, failed, failing) := {
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing, "reports": ["smoke.xml"],
}

input_with(kind) := {"quality": {"tests": {"reports": {"smoke.xml": {}}, "unreadable": [], "kinds": {"smoke": kind}}}}

test_passes_when_health_and_critical_flows_pass if {
	kind := object.union(counts(4, 0, []), {"subjects": {"health": counts(2, 0, []), "critical_flow": counts(2, 0, [])}})
	r := smoke_tests.report with input as input_with(kind)
	r.verdict == "pass"
	message := testing.criterion(r, "Health check endpoints functional").message
	message == "2 smoke tests on health-check endpoints passed; all 4 smoke tests passed (smoke.xml)"
}

test_fails_when_a_health_check_fails if {
	kind := object.union(counts(3, 1, ["test_health[/readyz]"]), {"subjects": {
		"health": counts(1, 1, ["test_health[/readyz]"]),
		"critical_flow": counts(2, 0, []),
	}})
	r := smoke_tests.report with input as input_with(kind)
	r.verdict == "fail"
	message := testing.criterion(r, "Health check endpoints functional").message
	contains(message, "smoke tests: 1 failed, 0 errored of 4: test_health[/readyz] (smoke.xml)")
}

test_fails_when_no_critical_flow_test if {
	kind := object.union(counts(2, 0, []), {"subjects": {"health": counts(2, 0, [])}})
	r := smoke_tests.report with input as input_with(kind)
	testing.criterion(r, "Critical user flows validated").message == "no smoke test on critical user flows"
	testing.criterion(r, "Health check endpoints functional").verdict == "pass"
}

test_fails_when_no_smoke_tests if {
	none := object.union(counts(0, 0, []), {"subjects": {}})
	r := smoke_tests.report with input as {"quality": {"tests": {"reports": {}, "unreadable": [], "kinds": {"smoke": none}}}}
	contains(testing.criterion(r, "Health check endpoints functional").message, "no smoke tests found in the JUnit reports")
}

test_pending_without_evidence if {
	r := smoke_tests.report with input as {}
	r.verdict == "pending"
}
