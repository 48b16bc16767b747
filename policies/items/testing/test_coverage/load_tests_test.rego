package gonogo.items.testing.test_coverage.load_tests_test

import data.gonogo.items.testing.test_coverage.load_tests
import data.gonogo.lib.testing

good_run := {
	"tool": "k6", "requests": 1800000, "failures": 360, "error_rate_percent": 0.02,
	"p95_ms": 31.2, "p99_ms": 78.4, "duration_s": 180, "throughput_rps": 10000,
	"provenance": {"collector": "reports", "file": "loadtest/summary.json", "ref": "loadtest/summary.json"},
}

flat_memory := {
	"source_format": "csv", "samples": 120, "duration_s": 7140, "start_bytes": 412000000, "end_bytes": 413100000,
	"mean_bytes": 412500000, "slope_bytes_per_s": 0.4, "growth_percent": 0.7,
	"provenance": {"collector": "reports", "file": "soak/memory.csv", "ref": "soak/memory.csv"},
}

input_with(runs, memory) := {"quality": {"load_tests": {"runs": runs, "memory": memory, "unreadable": []}}}

test_passes_with_a_large_fast_clean_run_and_flat_memory if {
	r := load_tests.report with input as input_with({"loadtest/summary.json": good_run}, {"soak/memory.csv": flat_memory})
	r.verdict == "pass"
	testing.criterion(r, "Peak load: 10,000+ requests handled").message == "peak load 1800000 requests >= 10000 (loadtest/summary.json)"
	contains(testing.criterion(r, "Response time p95: < 50ms").message, "p95 31.2 ms < 50 ms")
}

test_fails_p95_above_limit_quoting_number_and_file if {
	slow := object.union(good_run, {"p95_ms": 63.2})
	r := load_tests.report with input as input_with({"loadtest/summary.json": slow}, {"soak/memory.csv": flat_memory})
	c := testing.criterion(r, "Response time p95: < 50ms")
	c.verdict == "fail"
	c.message == "p95 63.2 ms > 50 ms (loadtest/summary.json)"
}

test_fails_p95_equal_to_limit if {
	r := load_tests.report with input as input_with({"loadtest/summary.json": object.union(good_run, {"p95_ms": 50})}, {})
	testing.criterion(r, "Response time p95: < 50ms").message == "p95 50 ms = 50 ms, not below (loadtest/summary.json)"
}

test_fails_error_rate_and_peak_load if {
	bad := object.union(good_run, {"requests": 8000, "failures": 64, "error_rate_percent": 0.8})
	r := load_tests.report with input as input_with({"loadtest/summary.json": bad}, {"soak/memory.csv": flat_memory})
	testing.criterion(r, "Peak load: 10,000+ requests handled").message == "peak load 8000 requests < 10000 (loadtest/summary.json)"
	testing.criterion(r, "Error rate: < 0.1%").message == "error rate 0.8 % > 0.1 % (64 of 8000 requests failed) (loadtest/summary.json)"
}

test_fails_when_memory_grows if {
	leak := object.union(flat_memory, {"growth_percent": 42.8, "end_bytes": 590000000, "slope_bytes_per_s": 24929.4})
	r := load_tests.report with input as input_with({"loadtest/summary.json": good_run}, {"soak/memory.csv": leak})
	c := testing.criterion(r, "Memory stability: No leaks detected")
	c.verdict == "fail"
	contains(c.message, "memory grew 42.8 % over 7140 s (412000000 -> 590000000 bytes, slope 24929 B/s) > 5 % (soak/memory.csv)")
}

test_fails_when_too_few_memory_samples if {
	r := load_tests.report with input as input_with({"loadtest/summary.json": good_run}, {"soak/memory.csv": object.union(flat_memory, {"samples": 4})})
	contains(testing.criterion(r, "Memory stability: No leaks detected").message, "4 memory samples < 10 (soak/memory.csv)")
}

test_nothing_to_judge_when_no_memory_series if {
	r := load_tests.report with input as input_with({"loadtest/summary.json": good_run}, {})
	startswith(testing.criterion(r, "Memory stability: No leaks detected").message, "no memory series from a soak run (")
	testing.criterion(r, "Memory stability: No leaks detected").verdict == "pending"
}

test_nothing_to_judge_when_nothing_found if {
	r := load_tests.report with input as input_with({}, {})
	r.verdict == "pending"
	startswith(testing.criterion(r, "Error rate: < 0.1%").message, "no load-test report (")
}

test_pending_without_evidence if {
	r := load_tests.report with input as {}
	r.verdict == "pending"
}

test_fails_when_error_rate_not_reported if {
	r := load_tests.report with input as input_with({"loadtest/summary.json": object.remove(good_run, ["error_rate_percent", "failures"])}, {})
	testing.criterion(r, "Error rate: < 0.1%").message == "error rate not reported (loadtest/summary.json)"
}

test_fails_when_memory_series_has_no_span if {
	r := load_tests.report with input as input_with({}, {"m.csv": {"source_format": "csv", "samples": 12, "provenance": {"ref": "m.csv"}}})
	testing.criterion(r, "Memory stability: No leaks detected").message == "memory series covers no time span (m.csv)"
}

test_fail_evidence_names_only_the_slow_run if {
	slow := object.union(good_run, {"p95_ms": 63.2, "provenance": {"collector": "reports", "file": "slow.json", "ref": "slow.json"}})
	r := load_tests.report with input as input_with({"loadtest/summary.json": good_run, "slow.json": slow}, {"soak/memory.csv": flat_memory})
	c := testing.criterion(r, "Response time p95: < 50ms")
	c.evidence == ["slow.json"]
	c.message == "p95 63.2 ms > 50 ms (slow.json)"
	testing.criterion(r, "Error rate: < 0.1%").evidence == ["loadtest/summary.json", "slow.json"]
}
