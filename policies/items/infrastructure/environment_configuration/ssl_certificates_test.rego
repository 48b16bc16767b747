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
	"metadata": {"created_at": "2026-12-03T00:00:00Z"},
	"kubernetes": {
		"ingresses": {"Ingress/shop/web": ingress},
		"certificates": {"shop/web": certificate},
		"issuers": {"ClusterIssuer/letsencrypt": {"type": "acme", "staging": false}},
	},
	"monitoring": {
		"prometheus": {"alerting_rules": 3},
		"alert_coverage": {"cert_expiry": {"alerts": [{
			"alert": "CertExpiring", "ref": "deploy/rules.yaml:1", "threshold_text": "< 1814400",
			"measured": ["certmanager_certificate_expiration_timestamp_seconds"],
		}]}},
	},
}

test_pending_without_evidence if {
	r := ssl.report with input as {}
	r.verdict == "pending"
}

test_cert_manager_ingress_passes if {
	r := ssl.report with input as _input(_ingress, _certificate)
	r.verdict == "pass"
	testing.criterion(r, "Certificate expiration monitoring active").message == concat("", [
		"certificate expiry alerts: CertExpiring (deploy/rules.yaml:1) fires at < 1814400 ",
		"on certmanager_certificate_expiration_timestamp_seconds",
	])
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
	contains(testing.criterion(r, "Certificate expiration monitoring active").message, "among 3 alerting rules, for 2 TLS terminations")
}

# One notion of an alert: a certificate-expiry alert from a rule file promtool rejects is not
# loaded by Prometheus, so it does not count here either (as for 3.2.4).
test_expiry_alert_from_a_rejected_rule_file_fails if {
	checks := {"files": {"deploy/rules.yaml": {"checked": true, "valid": false, "line": 1, "error": "invalid expression"}}}
	inp := object.union(_input(_ingress, _certificate), {"monitoring": {"prometheus": {"rule_checks": checks}}})
	r := ssl.report with input as inp
	c := testing.criterion(r, "Certificate expiration monitoring active")
	c.verdict == "fail"
	contains(c.message, "CertExpiring (deploy/rules.yaml:1): its rule file is rejected by promtool check rules")
}

test_expiry_pending_when_no_alert_rule_was_collected if {
	inp := json.patch(_input(_ingress, _certificate), [{
		"op": "replace",
		"path": "/monitoring",
		"value": {"prometheus": {"alerting_rules": 0}, "alerts": {}, "alert_coverage": {"cert_expiry": {"alerts": []}}},
	}])
	r := ssl.report with input as inp
	c := testing.criterion(r, "Certificate expiration monitoring active")
	c.verdict == "pending"
	contains(c.message, "no alert rules collected")
}

test_expiry_pending_when_nothing_terminates_tls if {
	inp := {"kubernetes": {"ingresses": {}, "certificates": {}}, "monitoring": {
		"prometheus": {"alerting_rules": 2},
		"alert_coverage": {"cert_expiry": {"alerts": []}},
	}}
	r := ssl.report with input as inp
	c := testing.criterion(r, "Certificate expiration monitoring active")
	c.verdict == "pending"
	contains(c.message, "no TLS termination collected")
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
	testing.criterion(r, "Certificate expiration monitoring active").verdict == "pending"
}

test_an_issuer_alone_is_nothing_to_judge if {
	issuer := {"ClusterIssuer/letsencrypt": {"type": "acme", "staging": false, "provenance": {"ref": "ci.yaml:1"}}}
	r := ssl.report with input as {"kubernetes": {"ingresses": {}, "certificates": {}, "issuers": issuer}}
	testing.criterion(r, "HTTPS redirect enforced").message == "no TLS Ingress or port-80 listener collected"
	every name in ["Valid certificates installed", "Auto-renewal configured (cert-manager)"] {
		testing.criterion(r, name).verdict == "pending"
		startswith(testing.criterion(r, name).message, "no TLS termination (")
		endswith(testing.criterion(r, name).message, "collected")
	}
}

test_nothing_to_judge_never_fails if {
	r := ssl.report with input as {"kubernetes": {"ingresses": {}, "certificates": {}, "issuers": {}}}
	every name in ["Valid certificates installed", "Auto-renewal configured (cert-manager)", "HTTPS redirect enforced"] {
		testing.criterion(r, name).verdict == "pending"
	}
}

test_redirect_pass_states_the_reading_it_took if {
	i := object.union(_ingress, {"https_redirect_how": "ingress-nginx redirects to HTTPS by default when TLS is set"})
	r := ssl.report with input as _input(i, _certificate)
	c := testing.criterion(r, "HTTPS redirect enforced")
	c.verdict == "pass"
	c.message == concat("", [
		"1 TLS ingresses/listeners redirect HTTP to HTTPS: ingress web (deploy/ingress.yaml:1): ",
		"ingress-nginx redirects to HTTPS by default when TLS is set",
	])
}

test_expiry_is_judged_at_the_collection_not_the_clock if {
	# valid when collected; evaluated again years later (gonogo verify), still not expired
	c := object.union(_certificate, {"not_after": "2027-01-01T00:00:00Z"})
	r := ssl.report with input as _input(_ingress, c) with time.now_ns as 4102444800000000000
	not contains(testing.criterion(r, "Valid certificates installed").message, "expired at")
}
