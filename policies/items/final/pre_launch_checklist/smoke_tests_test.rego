package gonogo.items.final.pre_launch_checklist.smoke_tests_test

import data.gonogo.items.final.pre_launch_checklist.smoke_tests

run(environment, passed, failed) := {
	"environment": environment, "phase": "post-deployment", "timestamp": "2025-10-06T10:00:00Z",
	"production": environment == "production", "post_deployment": true,
	"tests": passed + failed, "passed": passed, "failed": failed, "errored": 0, "skipped": 0,
	"failing": failing_names(failed), "reports": ["smoke.xml"],
}

input_with(runs) := {"quality": {"tests": {"smoke_runs": runs, "unreadable": []}}}

test_passes_when_production_smoke_run_passes if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("production", 4, 0)})
	r.verdict == "pass"
	r.criteria[0].message == "smoke.xml: 4 of 4 smoke tests passed in production"
}

test_fails_when_production_smoke_test_fails if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("production", 3, 1)})
	r.verdict == "fail"
	r.criteria[0].message == "smoke.xml: 1 failed, 0 errored of 4: test_readyz"
}

test_fails_when_only_staging_runs if {
	r := smoke_tests.report with input as input_with({"smoke.xml": run("staging", 4, 0)})
	r.verdict == "fail"
	r.criteria[0].message == "no smoke run recorded against production: smoke.xml (environment staging)"
}

test_no_smoke_runs_is_nothing_to_judge if {
	r := smoke_tests.report with input as input_with({})
	r.verdict == "pending"
	r.criteria[0].message == "no smoke-test results (JUnit reports with smoke tests) collected"
}

test_pending_without_evidence if {
	r := smoke_tests.report with input as {}
	r.verdict == "pending"
}

failing_names(0) := []

failing_names(failed) := ["test_readyz"] if failed > 0
