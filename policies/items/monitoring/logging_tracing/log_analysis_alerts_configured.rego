# METADATA
# title: "Log analysis alerts configured"
# description: >-
#   Checklist item 3.3.6 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.6"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Log analysis alerts configured"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.log_analysis_alerts_configured

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Log analysis alerts configured"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
