# METADATA
# title: "D3-DTPI: Data Transfer Protection - Integrity"
# description: >-
#   Checklist item 2.1.3 (2.1 D3FEND Compliance). TLS from what the probed endpoint negotiates and
#   refuses (--probe URL) or, without a probe, what an SSLyze scan saw it accept (security.scans).
#   Certificate pinning from the TLS clients the application collector finds (Android network
#   security config pin-sets, iOS NSPinnedDomains, OkHttp CertificatePinner,
#   Istio DestinationRule subjectAltNames, Envoy SPKI/hash pins; Istio ISTIO_MUTUAL counts for
#   in-mesh traffic only and says so). Request/response signing from code (HMAC signature checks,
#   webhook signature verification, AWS SigV4, JWS), Istio PeerAuthentication mTLS STRICT, or a
#   declared HTTP message signing library.
# custom:
#   id: "2.1.3"
#   section: "2.1 D3FEND Compliance"
#   severity: critical
#   criteria:
#     - "TLS 1.3 encryption enforced"
#     - "Certificate pinning configured"
#     - "Request/response signing"
#   evidence:
#     - security.probe
#     - security.scans
#     - security.dependencies
#     - security.application
#   remediation: >-
#     Refuse TLS 1.2 and older at the endpoint; pin the server key in every client you ship (an
#     Android pin-set with a backup pin and a future expiration, NSPinnedDomains, OkHttp
#     CertificatePinner, subjectAltNames on egress DestinationRules); verify a signature on every
#     webhook and signed request (HMAC with a constant-time compare, SigV4, JWS) and run Istio
#     mTLS in STRICT mode.
package gonogo.items.security.d3fend.d3_dtpi

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.application as app
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

criteria["TLS 1.3 encryption enforced"] := evidence.tls_criterion

# A service that ships no client software (no mobile app, SDK or service-to-service caller) has
# nothing to pin: context.ships_client_apps false, attested by the Product Manager on this
# critical item, makes the criterion not applicable.
criteria["Certificate pinning configured"] := result.unless_false("ships_client_apps", pinning)

criteria["Request/response signing"] := signing

_clients := app.facts("integrity", "tls_clients")

_pins := app.facts("integrity", "certificate_pins")

_pin_gaps := app.facts("integrity", "pinning_gaps")

# METADATA
# description: >-
#   The TLS clients found pin the server identity, and nothing defeats the pins (an expired or
#   empty pin-set, TLS origination without subjectAltNames, cleartext allowed). Pending when no
#   TLS client (mobile app, OkHttp, Istio or Envoy upstream TLS) was found.
pinning := result.pending("the application collector (mobile apps, HTTP clients, mesh TLS settings)") if {
	not app.collected
} else := result.fail(sprintf("pinning defeated: %s", [app.text(_pin_gaps)]), app.refs(_pin_gaps)) if {
	count(_pin_gaps) > 0
} else := result.pass(sprintf("certificate pins: %s", [app.text(_pins)]), app.refs(_pins)) if {
	count(_pins) > 0
} else := result.fail(sprintf("%d TLS client(s) without certificate pins: %s", [count(_clients), app.text(_clients)]), app.refs(_clients)) if {
	count(_clients) > 0
} else := result.pending("a TLS client to judge (Android or iOS app, OkHttp, Istio or Envoy upstream TLS): none found")

_signing := app.facts("integrity", "signing")

_signing_gaps := app.facts("integrity", "signing_gaps")

_libraries := evidence.signal("request_signing")

# METADATA
# description: >-
#   Requests are signed or verified: signature checks in code, Istio mTLS STRICT, or a declared
#   HTTP message signing library; a PeerAuthentication that accepts plaintext fails. Fails when the
#   code, manifests and dependency manifests were searched and none was found; pending when the
#   application collector found no API, route or entry point (nothing receives requests).
signing := result.pending("the application collector or dependency manifests (the scanners collector)") if {
	not app.collected
	not input.security.dependencies
} else := result.fail(sprintf("unsigned traffic accepted: %s", [app.text(_signing_gaps)]), app.refs(_signing_gaps)) if {
	count(_signing_gaps) > 0
} else := result.pass(sprintf("request signing: %s", [app.text(_signing)]), app.refs(_signing)) if {
	count(_signing) > 0
} else := evidence.dependency_criterion("request_signing", "HTTP message signing") if {
	input.security.dependencies
	count(_libraries) > 0
} else := result.pending("an API or entry point to judge (OpenAPI, routes, gateway, ingress): none found") if {
	app.collected
	count(_surface) == 0
} else := result.fail(
	sprintf("no request signing found: %s%s", [_searched, _libraries_text]),
	app.refs(_surface),
)

# what requests reach: APIs, entry points and files with routes
_surface := array.flatten([
	app.facts("access_control", "apis"),
	app.facts("access_control", "entry_points"),
	app.facts("privacy", "apis"),
])

_searched := "no signature check (HMAC, webhook signature, SigV4, JWS) or mTLS STRICT in the code and manifests"

default _libraries_text := ", and the dependency manifests were not read"

_libraries_text := sprintf("; no HTTP message signing library declared (%s)", [evidence.manifests_text]) if input.security.dependencies
