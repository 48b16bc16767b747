# METADATA
# title: "Audit logging enabled"
# description: >-
#   Checklist item 3.3.5 (3.3 Logging & Tracing). Decided from audit evidence: a Kubernetes
#   audit Policy with at least one rule above level None, kube-apiserver audit flags, EKS / AKS
#   control-plane audit logs (Terraform, eksctl), AWS CloudTrail, pgaudit, or an application
#   logger named audit.
# custom:
#   id: "3.3.5"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Audit logging enabled"
#   evidence:
#     - monitoring.logging
#   remediation: >-
#     Enable Kubernetes API audit logging (audit Policy and --audit-log-path or the managed
#     service's audit log type) and an application audit log.
package gonogo.items.monitoring.logging_tracing.audit_logging_enabled

import data.gonogo.items.monitoring.lib.alerting
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

audit := object.get(alerting.section, ["logging", "audit"], [])

enabled := [a | some a in audit; a.enabled]

_describe(a) := sprintf("%s: %s (%s)", [a.kind, object.get(a, "detail", ""), a.provenance.ref])

criteria["Audit logging enabled"] := result.pending("logging configuration (monitoring collector)") if {
	not alerting.collected("logging")
} else := result.pass(
	sprintf("audit logging: %s", [concat("; ", [_describe(a) | some a in enabled])]),
	[a.provenance.ref | some a in enabled],
) if {
	count(enabled) > 0
} else := result.fail(
	sprintf("audit settings found but none records anything: %s", [concat("; ", [_describe(a) | some a in audit])]),
	[a.provenance.ref | some a in audit],
) if {
	count(audit) > 0
} else := result.fail(
	"no audit logging found (Kubernetes audit Policy, apiserver audit flags, EKS/AKS audit logs, CloudTrail, pgaudit, audit logger)",
	[],
)
