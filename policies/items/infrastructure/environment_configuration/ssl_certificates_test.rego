package gonogo.items.infrastructure.environment_configuration.ssl_certificates_test

import data.gonogo.items.infrastructure.environment_configuration.ssl_certificates as ssl
import data.gonogo.lib.testing

_ingress := {
	"name": "web", "namespace": "shop", "hosts": ["shop.example.com"], "hosts_without_tls": [],
	"tls": [{"hosts": ["shop.example.com"], "secret_name": "web-tls", "cert_manager": true}],
	"https_redirect": true, "https_redirect_how": "nginx force-ssl-redirect",
	"provenance": {"ref": "deploy/ingress.yaml:1"},
}

_certificate := {
	"name": "web", "namespace": "shop", "issuer_key": "ClusterIssuer/letsencrypt",
	"ready": null, "not_after": null, "provenance": {"ref": "deploy/cert.yaml:1"},
}

_input(ingress, certificate) := {
	"kubernetes": {
		"ingresses": {"Ingress/shop/web": ingress},
		"certificates": {"shop/web": certificate},
		"issuers": {"ClusterIssuer/letsencrypt": {"type": "acme", "staging": false}},
	},
	"monitoring": {"alert_coverage": {"cert_expiry": {"alerts": [{"alert": "CertExpiring", "ref": "deploy/rules.yaml:1"}]}}},
}

test_pending_without_evidence if {
	r := ssl.report with input as {}
	r.verdict == "pending"
}

test_cert_manager_ingress_passes if {
	r := ssl.report with input as _input(_ingress, _certificate)
	r.verdict == "pass"
	contains(testing.criterion(r, "Certificate expiration monitoring active").message, "CertExpiring (deploy/rules.yaml:1)")
}

test_host_without_tls_and_no_redirect_fail if {
	i := object.union(_ingress, {
		"hosts_without_tls": ["admin.example.com"],
		"https_redirect": false,
		"https_redirect_how": "nginx ssl-redirect=false",
	})
	r := ssl.report with input as _input(i, _certificate)
	r.verdict == "fail"
	contains(testing.criterion(r, "Valid certificates installed").message, "ingress web (deploy/ingress.yaml:1): hosts without TLS: admin.example.com")
	contains(testing.criterion(r, "HTTPS redirect enforced").message, "no HTTPS redirect (nginx ssl-redirect=false)")
}

test_unmanaged_secret_and_expired_cert_fail if {
	i := object.union(_ingress, {"tls": [{"hosts": ["shop.example.com"], "secret_name": "hand-made", "cert_manager": false}]})
	c := object.union(_certificate, {"not_after": "2020-01-01T00:00:00Z", "ready": false})
	r := ssl.report with input as _input(i, c)
	contains(testing.criterion(r, "Auto-renewal configured (cert-manager)").message, "TLS secret hand-made is not managed by cert-manager")
	contains(testing.criterion(r, "Valid certificates installed").message, "expired at 2020-01-01T00:00:00Z")
	contains(testing.criterion(r, "Valid certificates installed").message, "Ready=False")
}

test_no_expiry_alert_fails if {
	inp := json.patch(_input(_ingress, _certificate), [{
		"op": "replace",
		"path": "/monitoring/alert_coverage/cert_expiry/alerts",
		"value": [],
	}])
	r := ssl.report with input as inp
	testing.criterion(r, "Certificate expiration monitoring active").verdict == "fail"
	contains(testing.criterion(r, "Certificate expiration monitoring active").message, "no alert on certificate expiry")
}

test_monitoring_collector_alert_is_the_evidence if {
	r := ssl.report with input as _input(_ingress, _certificate)
	testing.criterion(r, "Certificate expiration monitoring active").evidence == ["deploy/rules.yaml:1"]
}

test_a_kubernetes_substring_match_no_longer_counts if {
	inp := json.patch(_input(_ingress, _certificate), [
		{"op": "remove", "path": "/monitoring"},
		{
			"op": "add",
			"path": "/kubernetes/certificate_expiry_alerts",
			"value": {"monitoring/certs": {"alerts": ["CertExpiring"], "provenance": {"ref": "deploy/rules.yaml:1"}}},
		},
	])
	r := ssl.report with input as inp
	testing.criterion(r, "Certificate expiration monitoring active").verdict == "fail"
}

test_nothing_terminating_tls_fails if {
	r := ssl.report with input as {"kubernetes": {"ingresses": {}, "certificates": {}}}
	contains(testing.criterion(r, "Valid certificates installed").message, "no TLS found")
}
