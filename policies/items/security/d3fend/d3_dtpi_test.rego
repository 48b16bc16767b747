package gonogo.items.security.d3fend.d3_dtpi_test

import data.gonogo.items.security.d3fend.d3_dtpi
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.testing

test_pending_without_evidence if {
	r := d3_dtpi.report with input as {}
	r.verdict == "pending"
}

test_tls_passes_and_signing_library_found if {
	deps := fx.dependencies({"request_signing": [fx.signal_fact("httpsig", "http signatures", "requirements.txt:4")]}, {})
	r := d3_dtpi.report with input as object.union(fx.probe_good, deps)
	testing.criterion(r, "TLS 1.3 encryption enforced").verdict == "pass"
	testing.criterion(r, "Request/response signing").message == "HTTP message signing declared: httpsig ==1.0 (requirements.txt:4)"
	testing.criterion(r, "Certificate pinning configured").verdict == "pending"
	r.verdict == "pending"
}

test_fails_when_tls12_accepted_and_no_signing if {
	snapshot := object.union(
		fx.probe_with({"tls": {"old_versions": {"TLSv1.2": {"refused": false, "detail": "handshake completed"}}}}),
		fx.dependencies({"request_signing": []}, {}),
	)
	r := d3_dtpi.report with input as snapshot
	r.verdict == "fail"
	contains(testing.criterion(r, "TLS 1.3 encryption enforced").message, "accepts a TLSv1.2 handshake")
	contains(testing.criterion(r, "Request/response signing").message, "no HTTP message signing library declared (searched requirements.txt)")
}

test_untestable_refusal_is_a_fail if {
	r := d3_dtpi.report with input as fx.probe_with({"tls": {"old_versions": {"TLSv1.2": {"refused": null, "detail": "timed out"}}}})
	contains(testing.criterion(r, "TLS 1.3 encryption enforced").message, "could not test whether TLSv1.2 is refused: timed out")
}
