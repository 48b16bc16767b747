# METADATA
# title: "Distributed tracing ready (OpenTelemetry)"
# description: >-
#   Checklist item 3.3.4 (3.3 Logging & Tracing). Decided from OpenTelemetry evidence: services
#   instrumented (Instrumentation objects or inject annotations, OTEL_EXPORTER_OTLP_* /
#   OTEL_SERVICE_NAME in workloads, OpenTelemetry SDK dependencies) and traces going somewhere
#   (an OpenTelemetry Collector traces pipeline with a non-debug exporter, or a Tempo / Jaeger /
#   Zipkin datasource).
# custom:
#   id: "3.3.4"
#   section: "3.3 Logging & Tracing"
#   severity: medium
#   criteria:
#     - "Distributed tracing ready (OpenTelemetry)"
#   evidence:
#     - monitoring.tracing
#   remediation: >-
#     Instrument the service with the OpenTelemetry SDK or operator auto-instrumentation and run
#     an OpenTelemetry Collector with a traces pipeline exporting to Tempo, Jaeger or a vendor.
package gonogo.items.monitoring.logging_tracing.distributed_tracing_ready

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

tracing := object.get(alerting.section, "tracing", {})

debug_exporters := {"debug", "logging", "nop", "noop", "file"}

exporting := [p | some p in object.get(tracing, "pipelines", []); _exports(p)]

_exports(p) if {
	some e in p.exporters
	not e in debug_exporters
}

instrumented := object.get(tracing, "instrumentation", [])

backends := object.get(tracing, "backends", [])

# METADATA
# description: >-
#   What could be instrumented: the workloads and dependency manifests the collector read. With
#   none (an OpenTelemetry Collector configuration alone) there is nothing to judge.
services := object.get(tracing, "services", [])

_services_text := concat(", ", array.concat(
	[sprintf("%s %s (%s)", [s.kind, s.name, s.provenance.ref]) | some s in array.slice(services, 0, 5)],
	[sprintf("and %d more", [count(services) - 5]) | count(services) > 5],
))

_destinations := array.concat(
	[sprintf("collector pipeline %s -> %s (%s)", [p.pipeline, concat(", ", p.exporters), p.provenance.ref]) | some p in exporting],
	[sprintf("%s datasource %s (%s)", [b.type, b.name, b.provenance.ref]) | some b in backends],
)

criteria["Distributed tracing ready (OpenTelemetry)"] := result.pending("tracing configuration (monitoring collector)") if {
	not alerting.collected("tracing")
} else := result.nothing("workload or dependency manifest (a service to instrument)") if {
	count(instrumented) == 0
	count(services) == 0
} else := result.fail(
	sprintf(
		"no service is instrumented with OpenTelemetry: %s (traces destinations: %d)",
		[_services_text, count(_destinations)],
	),
	array.concat([s.provenance.ref | some s in array.slice(services, 0, 5)], [p.provenance.ref | some p in exporting]),
) if {
	count(instrumented) == 0
} else := result.fail(
	sprintf(
		"services instrumented (%s) but no traces pipeline exports anywhere but debug and no Tempo/Jaeger/Zipkin datasource",
		[concat(", ", {i.kind | some i in instrumented})],
	),
	[i.provenance.ref | some i in instrumented],
) if {
	count(_destinations) == 0
} else := result.pass(
	sprintf("instrumented: %s; traces to %s", [concat(", ", _instrumented_text), concat("; ", _destinations)]),
	array.concat([i.provenance.ref | some i in instrumented], [p.provenance.ref | some p in exporting]),
)

_instrumented_text contains sprintf("%s (%s)", [i.kind, i.provenance.ref]) if some i in instrumented
