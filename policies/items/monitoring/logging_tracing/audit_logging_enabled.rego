# METADATA
# title: "Audit logging enabled"
# description: >-
#   Checklist item 3.3.5 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.5"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Audit logging enabled"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.audit_logging_enabled

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Audit logging enabled"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
