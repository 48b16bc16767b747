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
	r := encryption_in_transit.report with input as fx.probe_with({"certificate": {"not_after": "2026-11-06T00:00:00Z"}})
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

_collected := {"created_at": "2026-12-03T00:00:00Z"}

_protocols_13 := {"SSLv2": false, "SSLv3": false, "TLSv1.0": false, "TLSv1.1": false, "TLSv1.2": false, "TLSv1.3": true}

_cert := {"subject": "CN=shop.example.com", "not_after": "2027-03-02T01:49:00Z", "valid": true, "trusted_by": ["Mozilla"]}

_sslyze(protocols, cert) := {"metadata": _collected, "security": {"scans": {"vulnerabilities": {}, "dast": {}, "tls": {"reports/sslyze.json": {
	"tool": "sslyze", "version": "6.3.1", "scanned_at": "2026-11-24T09:00:00Z",
	"provenance": {"collector": "scanners", "file": "reports/sslyze.json", "ref": "reports/sslyze.json"},
	"servers": [{"target": "shop.example.com:443", "scanned": true, "protocols": protocols, "certificate": cert}],
}}}}}

test_passes_from_an_sslyze_scan_accepting_tls13_only if {
	r := encryption_in_transit.report with input as _sslyze(_protocols_13, _cert)
	r.verdict == "pass"
	r.criteria[0].message == concat("", [
		"sslyze shop.example.com:443 (reports/sslyze.json): accepts TLSv1.3, refuses SSLv2, SSLv3, TLSv1.0, TLSv1.1, TLSv1.2; ",
		"certificate CN=shop.example.com validated by Mozilla, 89 days left >= 30",
	])
	r.criteria[0].evidence == ["reports/sslyze.json"]
}

test_fails_when_the_scan_sees_tls12_accepted if {
	r := encryption_in_transit.report with input as _sslyze(object.union(_protocols_13, {"TLSv1.2": true}), _cert)
	r.verdict == "fail"
	contains(r.criteria[0].message, "accepts TLSv1.2 (must be refused)")
}

test_fails_when_the_scan_could_not_test_tls12 if {
	r := encryption_in_transit.report with input as _sslyze(object.union(_protocols_13, {"TLSv1.2": null}), _cert)
	r.verdict == "fail"
	contains(r.criteria[0].message, "TLSv1.2 not tested")
}

test_fails_when_the_scanned_certificate_does_not_validate if {
	r := encryption_in_transit.report with input as _sslyze(_protocols_13, object.union(_cert, {"valid": false, "trusted_by": []}))
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate validates against no trust store")
}

test_fails_when_the_scanned_certificate_expires_within_the_minimum if {
	r := encryption_in_transit.report with input as _sslyze(_protocols_13, object.union(_cert, {"not_after": "2026-12-20T00:00:00Z"}))
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate CN=shop.example.com expires in 17 days < 30")
}

test_fails_when_the_scanned_certificate_expiry_was_not_read if {
	r := encryption_in_transit.report with input as _sslyze(_protocols_13, object.union(_cert, {"not_after": null}))
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate CN=shop.example.com: expiry date not read")
}

test_days_left_count_from_the_collection_not_the_clock if {
	# the same snapshot, evaluated years later, still counts 89 days
	r := encryption_in_transit.report with input as _sslyze(_protocols_13, _cert) with time.now_ns as 4102444800000000000
	contains(r.criteria[0].message, "89 days left >= 30")
}

test_fails_when_the_probed_certificate_expiry_was_not_read if {
	r := encryption_in_transit.report with input as json.remove(fx.probe_good, ["security/probe/certificate/not_after"])
	r.verdict == "fail"
	contains(r.criteria[0].message, "certificate shop.example.com: expiry date not read")
}

test_fails_when_the_scanned_server_was_unreachable if {
	snapshot := json.patch(_sslyze({}, null), [{"op": "replace", "path": "/security/scans/tls/reports~1sslyze.json/servers/0/scanned", "value": false}])
	r := encryption_in_transit.report with input as snapshot
	r.verdict == "fail"
	contains(r.criteria[0].message, "not reachable by the scan")
}

test_pending_with_scans_but_no_tls_scan if {
	r := encryption_in_transit.report with input as {"security": {"scans": {"vulnerabilities": {}, "dast": {}, "tls": {}}}}
	r.verdict == "pending"
}

test_probe_wins_over_an_sslyze_scan if {
	weak := fx.probe_with({"tls": {"negotiated": "TLSv1.2", "old_versions": {"TLSv1.2": {"refused": false, "detail": "handshake completed"}}}})
	r := encryption_in_transit.report with input as object.union(_sslyze(_protocols_13, _cert), weak)
	r.verdict == "fail"
}
