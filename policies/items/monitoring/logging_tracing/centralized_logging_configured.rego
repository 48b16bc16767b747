# METADATA
# title: "Centralized logging configured (ELK/Loki)"
# description: >-
#   Checklist item 3.3.1 (3.3 Logging & Tracing). Decided from logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector).
# custom:
#   id: "3.3.1"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Centralized logging configured (ELK/Loki)"
#   evidence:
#     - monitoring.logging
#     - monitoring.tracing
#   remediation: >-
#     Provide logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector) so gonogo can verify this item.
package gonogo.items.monitoring.logging_tracing.centralized_logging_configured

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Centralized logging configured (ELK/Loki)"] := result.pending("logging and tracing configuration (Loki, Fluent Bit, OpenTelemetry Collector)")
