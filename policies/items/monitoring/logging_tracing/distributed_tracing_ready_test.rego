package gonogo.items.monitoring.logging_tracing.distributed_tracing_ready_test

import data.gonogo.items.monitoring.logging_tracing.distributed_tracing_ready

prov(ref) := {"collector": "monitoring", "file": ref, "ref": ref}

pipeline(exporters) := {"pipeline": "traces", "receivers": ["otlp"], "processors": [], "exporters": exporters, "provenance": prov("otel.yaml:1")}

snapshot(pipelines, instrumentation, backends) := {"monitoring": {"tracing": {
	"pipelines": pipelines, "instrumentation": instrumentation, "backends": backends,
}}}

instrumented := [{"kind": "otel-env", "provenance": prov("deploy.yaml:1")}]

test_pass_with_instrumentation_and_a_tempo_pipeline if {
	r := distributed_tracing_ready.report with input as snapshot([pipeline(["otlp", "debug"])], instrumented, [])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "instrumented: otel-env (deploy.yaml:1); traces to collector pipeline traces -> otlp, debug (otel.yaml:1)"
}

test_pass_with_instrumentation_and_a_tempo_datasource if {
	r := distributed_tracing_ready.report with input as snapshot([], instrumented, [{"name": "Tempo", "type": "tempo", "provenance": prov("ds.yaml:1")}])
	r.verdict == "pass"
}

test_fail_when_traces_only_go_to_debug if {
	r := distributed_tracing_ready.report with input as snapshot([pipeline(["debug"])], instrumented, [])
	r.verdict == "fail"
	some c in r.criteria
	contains(c.message, "no traces pipeline exports anywhere but debug")
}

services := [{"kind": "workload", "name": "Deployment/api", "provenance": prov("deploy.yaml:1")}]

test_fail_when_no_service_is_instrumented if {
	base := snapshot([pipeline(["otlp"])], [], [])
	r := distributed_tracing_ready.report with input as json.patch(base, [{"op": "add", "path": "/monitoring/tracing/services", "value": services}])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "no service is instrumented with OpenTelemetry: workload Deployment/api (deploy.yaml:1) (traces destinations: 1)"
	c.evidence == ["deploy.yaml:1", "otel.yaml:1"]
}

# Nothing to judge: a collector configuration alone has no service in view to instrument.
test_pending_when_no_service_is_in_view if {
	r := distributed_tracing_ready.report with input as snapshot([pipeline(["otlp"])], [], [])
	r.verdict == "pending"
	some c in r.criteria
	c.message == "no workload or dependency manifest (a service to instrument) collected"
}

test_pending_without_evidence if {
	r := distributed_tracing_ready.report with input as {"monitoring": {"logging": {}}}
	r.verdict == "pending"
}
