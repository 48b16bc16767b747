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

step(index, classes, line) := {
	"index": index, "name": null, "uses": null, "phase": "steps", "when": "on_success",
	"classes": classes, "tools": [], "provenance": {"ref": sprintf("ci.yml:%d", [line])},
}

job(steps, runs_after) := {
	"name": "j", "needs": runs_after, "runs_after": runs_after, "stage": null, "environment": null,
	"manual": false, "scheduled": false, "when": "on_success", "calls": null, "classes": [],
	"tools": [], "steps": steps, "provenance": {"ref": "ci.yml:1"},
}

pipeline(jobs) := {"operations": {"pipelines": {
	"files": {"ci.yml": {
		"system": "github_actions", "name": null, "files": ["ci.yml"], "templates": [],
		"triggers": {"push": true, "schedule": false, "manual": false, "crons": [], "events": ["push"]},
		"jobs": jobs, "provenance": {"ref": "ci.yml:1"},
	}},
	"unreadable": [],
}}}

smoke_after_deploy := pipeline({
	"deploy": job([step(0, ["deploy"], 10)], []),
	"smoke": job([step(0, ["smoke_test"], 20)], ["deploy"]),
})

smoke_before_deploy := pipeline({
	"test": job([step(0, ["smoke_test"], 5)], []),
	"deploy": job([step(0, ["deploy"], 10)], ["test"]),
})

test_passes_when_the_pipeline_smoke_tests_after_deploy if {
	r := smoke_tests.report with input as smoke_after_deploy
	r.verdict == "pass"
	r.criteria[0].message == "smoke tests run after the deploy in the pipeline: ci.yml:20"
	r.criteria[0].evidence == ["ci.yml:20"]
}

test_pipeline_passes_where_junit_has_no_smoke_run if {
	r := smoke_tests.report with input as object.union(smoke_after_deploy, input_with({}))
	r.verdict == "pass"
}

test_both_sources_pass_together if {
	r := smoke_tests.report with input as object.union(smoke_after_deploy, input_with({"smoke.xml": run("post-deployment", 4, 0)}))
	r.verdict == "pass"
	r.criteria[0].evidence == ["smoke.xml", "ci.yml:20"]
	endswith(r.criteria[0].message, "against production; smoke tests run after the deploy in the pipeline: ci.yml:20")
}

test_fails_when_the_pipeline_deploys_without_smoke_after if {
	r := smoke_tests.report with input as smoke_before_deploy
	r.verdict == "fail"
	r.criteria[0].message == "the pipelines deploy (ci.yml:10) but no smoke test runs after a deploy; smoke tests at ci.yml:5 do not run after a deploy"
}

test_pipeline_fail_wins_over_a_junit_pass if {
	r := smoke_tests.report with input as object.union(smoke_before_deploy, input_with({"smoke.xml": run("post-deployment", 4, 0)}))
	r.verdict == "fail"
	startswith(r.criteria[0].message, "the pipelines deploy (ci.yml:10)")
}

test_failing_junit_run_wins_over_a_pipeline_pass if {
	r := smoke_tests.report with input as object.union(smoke_after_deploy, input_with({"smoke.xml": run("post-deployment", 3, 1)}))
	r.verdict == "fail"
	r.criteria[0].message == "smoke.xml: 1 failed, 0 errored of 4: test_readyz"
}

test_pending_with_a_pipeline_that_does_not_deploy if {
	r := smoke_tests.report with input as pipeline({"test": job([step(0, [], 5)], [])})
	r.verdict == "pending"
}
