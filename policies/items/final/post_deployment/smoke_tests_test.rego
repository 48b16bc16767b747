package gonogo.items.final.post_deployment.smoke_tests_test

import data.gonogo.items.final.post_deployment.smoke_tests

run(phase, passed, failed) := {
	"environment": "production", "phase": phase, "timestamp": "2025-10-06T10:00:00Z",
	"production": true, "post_deployment": phase == "post-deployment",
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing_names(failed), "reports": ["smoke.xml"],
}

input_with(runs) := {"quality": {"tests": {"smoke_runs": runs, "unreadable": []}}}

test_passes_when_post_deployment_run_passes if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("post-deployment", 4, 0)})
	r.verdict == "pass"
	r.criteria[0].message == "smoke.xml: 4 of 4 smoke tests passed at 2025-10-06T10:00:00Z against production"
}

test_fails_when_post_deployment_run_fails if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("post-deployment", 3, 1)})
	r.verdict == "fail"
	r.criteria[0].message == "smoke.xml: 1 failed, 0 errored of 4: test_readyz"
}

test_fails_when_run_has_no_timestamp if {
	r := smoke_tests.report with input as input_with({"smoke.xml": object.union(run("post-deployment", 4, 0), {"timestamp": null})})
	r.verdict == "fail"
	r.criteria[0].message == "smoke.xml: the run has no timestamp"
}

test_fails_when_no_post_deployment_run if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("pre-deployment", 4, 0)})
	r.verdict == "fail"
	r.criteria[0].message == "no smoke run recorded as post-deployment (phase property): smoke.xml (phase pre-deployment)"
}

test_pending_without_evidence if {
	r := smoke_tests.report with input as {}
	r.verdict == "pending"
}

failing_names(0) := []

failing_names(failed) := ["test_readyz"] if failed > 0
