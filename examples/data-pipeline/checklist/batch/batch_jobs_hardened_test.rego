package gonogo.items.data_pipeline.batch.batch_jobs_hardened_test

import data.gonogo.items.data_pipeline.batch.batch_jobs_hardened
import data.gonogo.lib.testing

workload(kind, non_root, escalation) := {"kubernetes": {"workloads": {sprintf("%s/data/load", [kind]): {
	"kind": kind,
	"containers": [{"name": "load", "security_context": {"run_as_non_root": non_root, "allow_privilege_escalation": escalation}}],
	"provenance": {"ref": "deploy/cronjob.yaml:1"},
}}}}

test_passes_with_a_hardened_cronjob if {
	batch_jobs_hardened.report.verdict == "pass" with input as workload("CronJob", true, false)
}

test_fails_with_a_job_that_may_run_as_root if {
	batch_jobs_hardened.report.verdict == "fail" with input as workload("Job", null, false)
}

test_fails_with_privilege_escalation if {
	batch_jobs_hardened.report.verdict == "fail" with input as workload("CronJob", true, true)
}

test_pending_with_only_long_running_workloads if {
	testing.verdict(batch_jobs_hardened.report, "Batch containers run as non-root") == "pending" with input as workload("Deployment", false, true)
}
