package gonogo.items.monitoring.logging_tracing.centralized_logging_configured_test

import data.gonogo.items.monitoring.logging_tracing.centralized_logging_configured

shipper(tool, outputs, ref) := {"tool": tool, "outputs": outputs, "provenance": {"collector": "monitoring", "file": ref, "ref": ref}}

snapshot(shippers) := {"monitoring": {"logging": {
	"shippers": shippers, "backends": [], "retention": [], "structured": [], "audit": [], "log_alerts": [],
}}}

test_pass_when_a_shipper_sends_to_loki if {
	r := centralized_logging_configured.report with input as snapshot([shipper("fluent-bit", ["loki"], "fluent-bit.conf:1")])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "logs shipped to a central backend: fluent-bit (fluent-bit.conf:1) -> loki"
}

test_fail_when_shippers_only_write_to_stdout if {
	r := centralized_logging_configured.report with input as snapshot([shipper("fluent-bit", ["stdout"], "fb.conf:1")])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "log shippers only write locally: fluent-bit (fb.conf:1) -> stdout"
}

test_fail_without_a_shipper if {
	r := centralized_logging_configured.report with input as snapshot([])
	some c in r.criteria
	startswith(c.message, "no log shipper found")
}

test_pending_without_evidence if {
	r := centralized_logging_configured.report with input as {}
	r.verdict == "pending"
}
