# METADATA
# title: "Centralized logging configured (ELK/Loki)"
# description: >-
#   Checklist item 3.3.1 (3.3 Logging & Tracing). Decided from log shipper configuration:
#   Fluent Bit (classic [OUTPUT] sections or YAML), Vector sinks, Promtail clients, Fluentd
#   <match> blocks and OpenTelemetry Collector logs pipelines. Centralized means at least one
#   shipper sends to a remote backend (Loki, Elasticsearch, OpenSearch, a cloud log service),
#   not only stdout, a file or a debug exporter.
# custom:
#   id: "3.3.1"
#   section: "3.3 Logging & Tracing"
#   severity: high
#   criteria:
#     - "Centralized logging configured (ELK/Loki)"
#   evidence:
#     - monitoring.logging
#   remediation: >-
#     Ship container logs with Fluent Bit, Vector, Promtail or an OpenTelemetry Collector logs
#     pipeline to Loki or Elasticsearch.
package gonogo.items.monitoring.logging_tracing.centralized_logging_configured

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

logging := object.get(alerting.section, "logging", {})

shippers := object.get(logging, "shippers", [])

local_outputs := {"stdout", "file", "null", "counter", "console", "blackhole", "debug", "logging", "nop", "noop"}

central := [s | some s in shippers; some o in s.outputs; not lower(o) in local_outputs]

_describe(s) := sprintf("%s (%s) -> %s", [s.tool, s.provenance.ref, concat(", ", s.outputs)])

criteria["Centralized logging configured (ELK/Loki)"] := result.pending("logging configuration (monitoring collector)") if {
	not alerting.collected("logging")
} else := result.pass(
	sprintf("logs shipped to a central backend: %s", [concat("; ", {_describe(s) | some s in central})]),
	[s.provenance.ref | some s in central],
) if {
	count(central) > 0
} else := result.fail(
	sprintf("log shippers only write locally: %s", [concat("; ", [_describe(s) | some s in shippers])]),
	[s.provenance.ref | some s in shippers],
) if {
	count(shippers) > 0
} else := result.fail(
	sprintf(
		"no log shipper found (Fluent Bit, Vector, Promtail, Fluentd, OpenTelemetry logs pipeline); %d log backends configured",
		[count(object.get(logging, "backends", []))],
	),
	[b.provenance.ref | some b in object.get(logging, "backends", [])],
)
