# METADATA
# title: "Log retention policy defined (90 days)"
# description: >-
#   Checklist item 3.3.2 (3.3 Logging & Tracing). Decided from log retention settings: Loki
#   limits_config.retention_period (enforced only with compactor.retention_enabled: true) or the
#   legacy table_manager retention, Elasticsearch ILM delete phase min_age, Terraform
#   aws_cloudwatch_log_group retention_in_days. Every setting found must be enforced and keep
#   logs at least the threshold logging.retention_days (default 90).
# custom:
#   id: "3.3.2"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Log retention policy defined (90 days)"
#   evidence:
#     - monitoring.logging
#   remediation: >-
#     Set Loki limits_config.retention_period: 2160h with compactor.retention_enabled: true, or an
#     ILM policy whose delete phase has min_age of 90d.
#   thresholds:
#     - name: logging.retention_days
#       default: 90
#       unit: days
#       description: Shortest log retention accepted.
package gonogo.items.monitoring.logging_tracing.log_retention_policy_defined

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

retention := object.get(alerting.section, ["logging", "retention"], [])

min_days := result.threshold("logging.retention_days", 90)

_ok(r) if {
	r.enforced
	is_number(r.days)
	r.days >= min_days
}

bad := [r | some r in retention; not _ok(r)]

_problem(r) := sprintf("%s %s (%s): %s", [r.system, r.name, r.provenance.ref, r.note]) if {
	not r.enforced
} else := sprintf("%s %s (%s): %v days < %v", [r.system, r.name, r.provenance.ref, r.days, min_days])

criteria["Log retention policy defined (90 days)"] := result.pending("logging configuration (monitoring collector)") if {
	not alerting.collected("logging")
} else := result.fail(
	"no log retention setting found (Loki retention_period, Elasticsearch ILM delete phase, CloudWatch retention_in_days)",
	[],
) if {
	count(retention) == 0
} else := result.fail(concat("; ", [_problem(r) | some r in bad]), [r.provenance.ref | some r in bad]) if {
	count(bad) > 0
} else := result.pass(
	concat("; ", [sprintf("%s %s (%s): %v days >= %v, enforced", [r.system, r.name, r.provenance.ref, r.days, min_days]) | some r in retention]),
	[r.provenance.ref | some r in retention],
)
