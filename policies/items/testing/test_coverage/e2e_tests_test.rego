package gonogo.items.testing.test_coverage.e2e_tests_test

import data.gonogo.items.testing.test_coverage.e2e_tests
import data.gonogo.lib.testing

counts(passed, failed, failing) := {
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing, "reports": ["e2e.xml"],
}

passing_kind := object.union(counts(12, 0, []), {"subjects": {"journey": counts(6, 0, []), "gpu": counts(3, 0, []), "webhook": counts(3, 0, [])}})

input_with(kind) := {"quality": {"tests": {"reports": {"e2e.xml": {}}, "unreadable": [], "kinds": {"e2e": kind}}}}

test_passes_with_12_passing_e2e_tests if {
	r := e2e_tests.report with input as input_with(passing_kind)
	r.verdict == "pass"
	contains(testing.criterion(r, "Webhook delivery workflow confirmed").message, "3 e2e tests on webhook delivery passed; 12 e2e tests passed >= 12")
}

test_fails_webhook_when_its_test_fails if {
	kind := object.union(passing_kind, {
		"passed": 11, "failed": 1, "failing": ["test_webhook[invoice.failed]"],
		"subjects": {"journey": counts(6, 0, []), "gpu": counts(3, 0, []), "webhook": counts(2, 1, ["test_webhook[invoice.failed]"])},
	})
	r := e2e_tests.report with input as input_with(kind)
	r.verdict == "fail"
	c := testing.criterion(r, "Webhook delivery workflow confirmed")
	contains(c.message, "e2e tests on webhook delivery: 1 failed, 0 errored: test_webhook[invoice.failed]")
	contains(c.message, "e2e tests: 11 passed < 12 (e2e.xml)")
}

test_no_e2e_tests_is_nothing_to_judge if {
	empty := object.union(counts(0, 0, []), {"reports": [], "subjects": {}})
	r := e2e_tests.report with input as input_with(empty)
	c := testing.criterion(r, "User journey workflows validated")
	c.verdict == "pending"
	c.message == "no e2e test results (JUnit reports with e2e tests) collected"
}

test_too_few_e2e_tests_fail_naming_their_report if {
	few := object.union(counts(0, 0, []), {"reports": ["reports/e2e.xml"], "subjects": {}})
	r := e2e_tests.report with input as input_with(few)
	c := testing.criterion(r, "User journey workflows validated")
	c.verdict == "fail"
	contains(c.message, "no e2e test on user journeys")
	contains(c.message, "e2e tests: 0 passed < 12")
	c.evidence == ["reports/e2e.xml"]
}

test_gpu_workflow_not_applicable_without_gpu if {
	attested := testing.attested("context.uses_gpu=false", "Product Manager", {})
	no_gpu := object.union(input_with(passing_kind), {"context": {"uses_gpu": false}})
	r := e2e_tests.report with input as object.union(no_gpu, attested)
	testing.criterion(r, "GPU acceleration workflow tested").verdict == "not_applicable"
	r.verdict == "pass"

	# A typed flag does not switch off this critical item: it is judged as if the flag were unset.
	typed := e2e_tests.report with input as no_gpu
	testing.criterion(typed, "GPU acceleration workflow tested").verdict == "pass"
	contains(testing.criterion(typed, "GPU acceleration workflow tested").message, "context.uses_gpu is false in gonogo.yaml, but only an attestation")
}

test_pending_without_evidence if {
	r := e2e_tests.report with input as {}
	r.verdict == "pending"
}
