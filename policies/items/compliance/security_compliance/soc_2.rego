# METADATA
# title: "SOC 2: Audit trail enabled"
# description: >-
#   Checklist item 8.2.1 (8.2 Security Compliance). Decided from the audit trails in Terraform
#   plans (AWS CloudTrail: logging on, multi-region, log file validation, global service
#   events; Google Cloud audit configs and log sinks; Azure diagnostic settings with log
#   categories and a destination) and the Kubernetes audit settings the monitoring collector
#   reads (an audit Policy with rules above level None, kube-apiserver audit flags, EKS
#   control-plane audit logs). A plan without any audit trail fails.
# custom:
#   id: "8.2.1"
#   section: "8.2 Security Compliance"
#   severity: high
#   criteria:
#     - "Audit trail enabled"
#   evidence:
#     - infrastructure.audit_trails
#     - monitoring.logging
#   remediation: >-
#     Record an audit trail of every account and cluster: a multi-region CloudTrail with log file
#     validation and global service events (or Cloud Audit Logs / Azure diagnostic settings), and a
#     Kubernetes audit Policy with rules above level None.
package gonogo.items.compliance.security_compliance.soc_2

import data.gonogo.items.compliance.lib.controls
import data.gonogo.lib.kubernetes as k8s
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

_none := "no audit trail found (CloudTrail, Cloud Audit Logs, Azure diagnostic settings, Kubernetes audit Policy)"

_plans := object.get(input, ["infrastructure", "plans"], {})

_needs := "a Terraform plan with the account's audit trail, or the cluster's audit Policy (monitoring collector)"

criteria["Audit trail enabled"] := result.pending(_needs) if {
	not controls.audit_collected
} else := result.nothing("audit trail or Terraform plan of the account") if {
	count(controls.audit_facts) == 0
	count(_plans) == 0
} else := result.fail(_none, k8s.refs(_plans)) if {
	count(controls.audit_facts) == 0
} else := controls.judge(
	true, "", controls.audit_facts, "", controls.audit_problems,
	sprintf("audit trail enabled: %s", [concat(", ", sort({k8s.label(t) | some t in controls.audit_facts}))]),
)
