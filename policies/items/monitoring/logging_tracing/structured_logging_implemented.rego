# METADATA
# title: "Structured logging implemented (JSON format)"
# description: >-
#   Checklist item 3.3.3 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.3"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Structured logging implemented (JSON format)"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.structured_logging_implemented

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Structured logging implemented (JSON format)"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
