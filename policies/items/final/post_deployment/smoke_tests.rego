# METADATA
# title: "Smoke Tests: Run immediately post-deployment"
# description: >-
#   Checklist item 10.3.1 (10.3 Post-Deployment). Decided from JUnit smoke-test runs recorded as
#   post-deployment runs (testsuite property phase=post-deployment, or post-deploy in the report's
#   path): at least one such run exists with a timestamp, and every one has passing tests and no
#   failure.
# custom:
#   id: "10.3.1"
#   section: "10.3 Post-Deployment"
#   severity: high
#   criteria:
#     - "Run immediately post-deployment"
#   evidence:
#     - quality.tests
#   remediation: >-
#     Run the smoke suite as the last step of the deployment pipeline, record the phase in the JUnit
#     report (pytest: record_testsuite_property("phase", "post-deployment")) and keep the report.
package gonogo.items.final.post_deployment.smoke_tests

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Run immediately post-deployment"] := post_deployment_smoke

smoke_runs := input.quality.tests.smoke_runs

# METADATA
# description: Smoke runs recorded as post-deployment runs.
post_runs[ref] := run if {
	some ref, run in smoke_runs
	run.post_deployment
}

post_refs := sort([ref | some ref, _ in post_runs])

unreadable := input.quality.tests.unreadable

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

post_deployment_smoke := result.pending("post-deployment smoke-test results") if {
	not input.quality.tests
} else := result.error(sprintf("JUnit report(s) recognised but unreadable: %s", [concat(", ", unreadable)]), unreadable) if {
	count(unreadable) > 0
} else := result.fail("no smoke-test results found in the JUnit reports", []) if {
	count(smoke_runs) == 0
} else := result.fail(
	sprintf(
		"no smoke run recorded as post-deployment (phase property): %s",
		[concat(", ", sort([sprintf("%s (phase %v)", [ref, run.phase]) | some ref, run in smoke_runs]))],
	),
	sort([ref | some ref, _ in smoke_runs]),
) if {
	count(post_runs) == 0
} else := result.fail(concat("; ", sort(problems)), post_refs) if {
	count(problems) > 0
} else := result.pass(
	concat("; ", [sprintf("%s: %d of %d smoke tests passed at %s against %v", [ref, run.passed, run.tests, run.timestamp, run.environment]) |
		some ref in post_refs
		run := post_runs[ref]
	]),
	post_refs,
)
