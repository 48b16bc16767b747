# METADATA
# title: "Structured logging implemented (JSON format)"
# description: >-
#   Checklist item 3.3.3 (3.3 Logging & Tracing). Decided from application logging
#   configuration: Python logging dictConfig formatters, logback/log4j2 encoders and layouts,
#   Spring Boot logging.structured.format, Serilog formatters, LOG_FORMAT=json in workloads,
#   and JSON logger set-ups in source (python-json-logger, structlog, slog, zap, logrus, pino,
#   winston). Passes when JSON logging is configured and no plain-text formatter is.
# custom:
#   id: "3.3.3"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Structured logging implemented (JSON format)"
#   evidence:
#     - monitoring.logging
#   remediation: >-
#     Configure a JSON formatter/encoder (python-json-logger, LogstashEncoder, JsonTemplateLayout,
#     slog.NewJSONHandler) for every application log handler.
package gonogo.items.monitoring.logging_tracing.structured_logging_implemented

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

structured := object.get(alerting.section, ["logging", "structured"], [])

json_found := [s | some s in structured; s.format == "json"]

plain := [s | some s in structured; s.format == "plain"]

_describe(s) := sprintf("%s %s (%s)", [s.kind, object.get(s, "where", ""), s.provenance.ref])

criteria["Structured logging implemented (JSON format)"] := result.pending("logging configuration (monitoring collector)") if {
	not alerting.collected("logging")
} else := result.fail("no application logging configuration found", []) if {
	count(structured) == 0
} else := result.fail(
	sprintf("plain-text log format configured: %s", [concat("; ", [_describe(s) | some s in plain])]),
	[s.provenance.ref | some s in plain],
) if {
	count(plain) > 0
} else := result.pass(
	sprintf("JSON logging: %s", [concat("; ", [_describe(s) | some s in json_found])]),
	[s.provenance.ref | some s in json_found],
)
