package gonogo.items.security.security_hardening.encryption_in_transit_test

import data.gonogo.items.security.security_hardening.encryption_in_transit
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := encryption_in_transit.report with input as {}
	r.verdict == "pending"
}

test_passes_with_tls13_only_valid_certificate_and_redirect if {
	r := encryption_in_transit.report with input as fx.probe_good
	r.verdict == "pass"
	contains(r.criteria[0].message, "negotiated TLSv1.3; TLSv1.1 refused, TLSv1.2 refused")
	contains(r.criteria[0].message, "80 days left >= 30; HTTP redirects to HTTPS")
	r.criteria[0].evidence == ["https://shop.example.com:443/"]
}

test_fails_when_tls12_is_negotiated_and_accepted if {
	snapshot := fx.probe_with({"tls": {"negotiated": "TLSv1.2", "old_versions": {"TLSv1.2": {"refused": false, "detail": "handshake completed"}}}})
	r := encryption_in_transit.report with input as snapshot
	r.verdict == "fail"
	contains(r.criteria[0].message, "accepts a TLSv1.2 handshake (must be refused)")
	contains(r.criteria[0].message, "negotiated TLSv1.2, TLS 1.3 or newer required")
}

test_tls12_allowed_when_threshold_lowered if {
	snapshot := object.union(
		fx.probe_with({"tls": {"negotiated": "TLSv1.2", "old_versions": {"TLSv1.2": {"refused": false, "detail": "handshake completed"}}}}),
		{"settings": {"thresholds": {"security.tls_min_version": "1.2"}}},
	)
	r := encryption_in_transit.report with input as snapshot
	r.verdict == "pass"
}

test_fails_with_certificate_expiring_in_five_days if {
	r := encryption_in_transit.report with input as fx.probe_with({"certificate": {"days_to_expiry": 5}})
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate shop.example.com expires in 5 days < 30")
}

test_fails_with_unverifiable_certificate if {
	r := encryption_in_transit.report with input as fx.probe_with({"certificate": {"valid": false, "error": "certificate has expired"}})
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate does not verify: certificate has expired")
}

test_fails_when_plain_http_serves_content if {
	r := encryption_in_transit.report with input as fx.probe_with({"redirect": {"status": 200, "redirects_to_https": false}})
	r.verdict == "fail"
	contains(r.criteria[0].message, "http://shop.example.com:80/ answers 200 without redirecting to HTTPS")
}

test_error_when_probe_failed if {
	r := encryption_in_transit.report with input as fx.probe_failed
	r.verdict == "error"
	contains(r.criteria[0].message, "Connection refused")
}
