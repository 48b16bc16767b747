package gonogo.items.monitoring.logging_tracing.structured_logging_implemented_test

import data.gonogo.items.monitoring.logging_tracing.structured_logging_implemented

entry(kind, format, where, ref) := {
	"kind": kind, "format": format, "where": where,
	"provenance": {"collector": "monitoring", "file": ref, "ref": ref},
}

snapshot(structured) := {"monitoring": {"logging": {"structured": structured, "shippers": [], "retention": [], "audit": [], "log_alerts": []}}}

test_pass_with_a_json_formatter if {
	r := structured_logging_implemented.report with input as snapshot([entry("python-logging", "json", "formatter json", "logging.yaml:1")])
	r.verdict == "pass"
	some c in r.criteria
	c.message == "JSON logging: python-logging formatter json (logging.yaml:1)"
}

test_fail_with_a_plain_pattern_layout if {
	r := structured_logging_implemented.report with input as snapshot([
		entry("code", "json", "main.go", "main.go:10"),
		entry("logback/log4j2", "plain", "logback.xml", "logback.xml:4"),
	])
	r.verdict == "fail"
	some c in r.criteria
	c.message == "plain-text log format configured: logback/log4j2 logback.xml (logback.xml:4)"
}

test_fail_without_logging_configuration if {
	r := structured_logging_implemented.report with input as snapshot([])
	r.verdict == "fail"
}

test_pending_without_evidence if {
	r := structured_logging_implemented.report with input as {}
	r.verdict == "pending"
}
