# METADATA
# title: "Batch Jobs: Run as non-root, without privilege escalation"
# description: >-
#   Data pipeline item 11.3.1 (11.3 Batch Jobs). Decided from the Kubernetes workloads the
#   kubernetes collector found: every container of every CronJob and Job runs as non-root and
#   does not allow privilege escalation.
# custom:
#   id: "11.3.1"
#   section: "11.3 Batch Jobs"
#   section_title: "Data Pipeline Readiness"
#   severity: high
#   criteria:
#     - "Batch containers run as non-root"
#   evidence:
#     - kubernetes.workloads
#   remediation: >-
#     Set runAsNonRoot: true and allowPrivilegeEscalation: false in the securityContext of the
#     CronJob's and Job's pod template.
package gonogo.items.data_pipeline.batch.batch_jobs_hardened

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

# METADATA
# description: The CronJobs and Jobs, by name.
batch[name] := workload if {
	some name, workload in object.get(input, ["kubernetes", "workloads"], {})
	workload.kind in {"CronJob", "Job"}
}

loose contains sprintf("%s (container %s)", [name, container.name]) if {
	some name, workload in batch
	some container in workload.containers
	not hardened(container.security_context)
}

hardened(context) if {
	context.run_as_non_root == true
	context.allow_privilege_escalation == false
}

refs := sort([workload.provenance.ref | some workload in batch])

criteria["Batch containers run as non-root"] := result.nothing("CronJob or Job") if count(batch) == 0

criteria["Batch containers run as non-root"] := result.pass(
	sprintf("%d batch workload(s), every container non-root without privilege escalation", [count(batch)]),
	refs,
) if {
	count(batch) > 0
	count(loose) == 0
}

criteria["Batch containers run as non-root"] := result.fail(
	sprintf("may run as root or escalate: %s", [concat(", ", sort(loose))]),
	sort({workload.provenance.ref |
		some name, workload in batch
		some container in workload.containers
		not hardened(container.security_context)
	}),
) if {
	count(loose) > 0
}
