# METADATA
# title: "Distributed tracing ready (OpenTelemetry)"
# description: >-
#   Checklist item 3.3.4 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.4"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Distributed tracing ready (OpenTelemetry)"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.distributed_tracing_ready

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Distributed tracing ready (OpenTelemetry)"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
