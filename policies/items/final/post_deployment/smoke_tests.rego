# METADATA
# title: "Smoke Tests: Run immediately post-deployment"
# description: >-
#   Checklist item 10.3.1 (10.3 Post-Deployment). Decided from two sources. The CI/CD pipelines:
#   a smoke test (a step running a smoke suite, or a job named smoke) that runs after a deploy step,
#   in the same job or in a job that needs it (or a later GitLab stage). And JUnit smoke-test runs
#   recorded as post-deployment runs (testsuite property phase=post-deployment, or post-deploy in
#   the report's path), each with a timestamp, passing tests and no failure. A failing
#   post-deployment run, or pipelines that deploy with no smoke test after the deploy, fail; either
#   source passing (the other not contradicting it) passes.
# custom:
#   id: "10.3.1"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "Run immediately post-deployment"
#   evidence:
#     - quality.tests
#     - operations.pipelines
#   remediation: >-
#     Run the smoke suite right after the deploy in the deployment pipeline (a step after the deploy
#     step, or a job that needs the deploy job), record the phase in the JUnit report (pytest:
#     record_testsuite_property("phase", "post-deployment")) and keep the report.
package gonogo.items.final.post_deployment.smoke_tests

import data.gonogo.lib.pipelines
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["Run immediately post-deployment"] := post_deployment_smoke

smoke_runs := object.get(input, ["quality", "tests", "smoke_runs"], {})

# METADATA
# description: Smoke runs recorded as post-deployment runs.
post_runs[ref] := run if {
	some ref, run in smoke_runs
	run.post_deployment
}

post_refs := sort([ref | some ref, _ in post_runs])

unreadable := object.get(input, ["quality", "tests", "unreadable"], [])

# METADATA
# description: Post-deployment smoke runs with failures, no passing test or no timestamp.
# scope: document
problems contains msg if {
	some ref, run in post_runs
	run.failed + run.errored > 0
	msg := sprintf("%s: %d failed, %d errored of %d: %s", [ref, run.failed, run.errored, run.tests, concat(", ", run.failing)])
}

problems contains sprintf("%s: no smoke test passed (%d skipped of %d)", [ref, run.skipped, run.tests]) if {
	some ref, run in post_runs
	run.passed == 0
}

problems contains sprintf("%s: the run has no timestamp", [ref]) if {
	some ref, run in post_runs
	not is_string(object.get(run, "timestamp", null))
}

# METADATA
# description: Smoke tests in the pipelines, each with whether a deploy ran before it.
smoke_in_pipelines := pipelines.ordered("smoke_test", "deploy")

_after_deploy := sort({e.ref | some e in smoke_in_pipelines; e.before})

_not_after := sort({e.ref | some e in smoke_in_pipelines; not e.before})

default _beside := ""

_beside := sprintf("; smoke tests at %s do not run after a deploy", [pipelines.brief(_not_after)]) if {
	count(_not_after) > 0
}

# METADATA
# description: The pipelines' verdict alone (pass, fail or pending), before the JUnit runs are weighed.
pipeline_smoke := result.pass(
	sprintf("smoke tests run after the deploy in the pipeline: %s", [pipelines.brief(_after_deploy)]),
	_after_deploy,
) if {
	count(_after_deploy) > 0
} else := result.fail(
	sprintf(
		"the pipelines deploy (%s) but no smoke test runs after a deploy%s%s",
		[pipelines.brief(pipelines.deploys), _beside, pipelines.unreadable_note],
	),
	sort(pipelines.deploys),
) if {
	count(pipelines.deploys) > 0
} else := result.pending("a deployment pipeline")

_junit_pass := result.pass(
	concat("; ", [sprintf("%s: %d of %d smoke tests passed at %s against %v", [ref, run.passed, run.tests, run.timestamp, run.environment]) |
		some ref in post_refs
		run := post_runs[ref]
	]),
	post_refs,
)

_with_pipeline(r) := result.pass(
	sprintf("%s; %s", [r.message, pipeline_smoke.message]),
	array.concat(r.evidence, pipeline_smoke.evidence),
) if {
	pipeline_smoke.verdict == "pass"
} else := r

post_deployment_smoke := result.pending("post-deployment smoke-test results or a deployment pipeline") if {
	not input.quality.tests
	pipeline_smoke.verdict == "pending"
} else := result.error(sprintf("JUnit report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.fail(concat("; ", sort(problems)), post_refs) if {
	count(post_runs) > 0
	count(problems) > 0
} else := pipeline_smoke if {
	pipeline_smoke.verdict == "fail"
} else := _with_pipeline(_junit_pass) if {
	count(post_runs) > 0
} else := pipeline_smoke if {
	pipeline_smoke.verdict == "pass"
} else := result.nothing("smoke-test results (JUnit reports with smoke tests)") if {
	count(smoke_runs) == 0
} else := result.fail(
	sprintf(
		"no smoke run recorded as post-deployment (phase property): %s",
		[concat(", ", sort([sprintf("%s (phase %v)", [ref, run.phase]) | some ref, run in smoke_runs]))],
	),
	sort([ref | some ref, _ in smoke_runs]),
)
