# METADATA
# title: "Log retention policy defined (90 days)"
# description: >-
#   Checklist item 3.3.2 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.2"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Log retention policy defined (90 days)"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.log_retention_policy_defined

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Log retention policy defined (90 days)"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
