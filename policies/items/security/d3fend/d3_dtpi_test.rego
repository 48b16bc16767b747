package gonogo.items.security.d3fend.d3_dtpi_test

import data.gonogo.items.security.d3fend.d3_dtpi
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.application_test as fx_app
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

_android := fx_app.fact("Android network security config", "network-security-config", "android/res/xml/network_security_config.xml:1")

_pin := fx_app.fact("Android pin-set", "2 pin(s)", "android/res/xml/network_security_config.xml:5")

_hmac := fx_app.fact("HMAC signature check", "2 occurrence(s)", "app/webhooks.py:12")

test_passes_with_tls13_pins_and_signed_webhooks if {
	snapshot := object.union(fx.probe_good, fx_app.snapshot({"integrity": {
		"tls_clients": [_android], "certificate_pins": [_pin], "signing": [_hmac],
	}}))
	r := d3_dtpi.report with input as snapshot
	r.verdict == "pass"
	pins := testing.criterion(r, "Certificate pinning configured")
	pins.message == "certificate pins: Android pin-set: 2 pin(s) (android/res/xml/network_security_config.xml:5)"
	testing.criterion(r, "Request/response signing").evidence == ["app/webhooks.py:12"]
}

test_fails_with_an_unpinned_client_and_no_signing if {
	api := fx_app.fact("OpenAPI 3.0.3", "5 operations", "api/openapi.yaml:1")
	r := d3_dtpi.report with input as fx_app.snapshot({"integrity": {"tls_clients": [_android]}, "access_control": {"apis": [api]}})
	testing.verdict(r, "Certificate pinning configured") == "fail"
	startswith(testing.criterion(r, "Certificate pinning configured").message, "1 TLS client(s) without certificate pins")
	msg := testing.criterion(r, "Request/response signing").message
	startswith(msg, "no request signing found: no signature check (HMAC, webhook signature, SigV4, JWS) or mTLS STRICT")
	endswith(msg, "in the code and manifests, and the dependency manifests were not read")
}

test_fails_on_expired_pins_and_permissive_mtls if {
	expired := fx_app.fact("Android pin-set", "pins expired on 2024-01-31", "android/res/xml/network_security_config.xml:5")
	permissive := fx_app.fact("Istio PeerAuthentication mTLS PERMISSIVE", "PeerAuthentication/shop/default: plaintext accepted", "deploy/mesh.yaml:1")
	snapshot := fx_app.snapshot({"integrity": {
		"tls_clients": [_android], "certificate_pins": [_pin], "pinning_gaps": [expired],
		"signing": [_hmac], "signing_gaps": [permissive],
	}})
	r := d3_dtpi.report with input as snapshot
	contains(testing.criterion(r, "Certificate pinning configured").message, "pins expired on 2024-01-31")
	testing.verdict(r, "Request/response signing") == "fail"
	testing.criterion(r, "Request/response signing").evidence == ["deploy/mesh.yaml:1"]
}

test_pinning_pending_without_a_tls_client if {
	r := d3_dtpi.report with input as fx_app.snapshot({})
	testing.verdict(r, "Certificate pinning configured") == "pending"
	contains(testing.criterion(r, "Certificate pinning configured").message, "a TLS client to judge")
	contains(testing.criterion(r, "Request/response signing").message, "an API or entry point to judge")
	testing.verdict(r, "Request/response signing") == "pending"
}

test_pinning_not_applicable_when_no_client_ships_and_the_product_manager_attests_it if {
	attested := testing.attested("context.ships_client_apps=false", "Product Manager", {})
	r := d3_dtpi.report with input as object.union({"context": {"ships_client_apps": false}}, attested)
	c := testing.criterion(r, "Certificate pinning configured")
	c.verdict == "not_applicable"
	c.assurance == "attested"
}

test_pinning_applies_when_the_flag_is_only_typed if {
	r := d3_dtpi.report with input as {"context": {"ships_client_apps": false}}
	c := testing.criterion(r, "Certificate pinning configured")
	c.verdict == "pending"
	contains(c.message, "only an attestation by the Product Manager")
}
