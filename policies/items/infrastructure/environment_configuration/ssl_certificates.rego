# METADATA
# title: "SSL Certificates:"
# description: >-
#   Checklist item 4.1.3 (4.1 Environment Configuration). Certificates come from Ingress TLS,
#   cert-manager Certificates and Issuers (their Ready status and notAfter in a live cluster), and
#   Terraform ACM/managed certificates and load-balancer listeners. Renewal is automatic when
#   cert-manager manages the TLS secret (a Certificate or an issuer annotation on the Ingress) or
#   the cloud certificate is DNS-validated/managed. Expiry monitoring is an alert on certificate
#   expiry: the monitoring collector's cert_expiry class (rule files and PrometheusRule objects).
#   HTTPS redirect is read from the annotations of the common ingress controllers and from
#   port-80 listeners.
# custom:
#   id: "4.1.3"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "Valid certificates installed"
#     - "Auto-renewal configured (cert-manager)"
#     - "Certificate expiration monitoring active"
#     - "HTTPS redirect enforced"
#   evidence:
#     - kubernetes.ingresses
#     - kubernetes.certificates
#     - kubernetes.issuers
#     - infrastructure.certificates
#     - infrastructure.lb_listeners
#     - monitoring.alert_coverage
#   remediation: >-
#     Terminate TLS for every Ingress host with a cert-manager Certificate from a production
#     issuer, alert on certmanager_certificate_expiration_timestamp_seconds, and redirect HTTP to
#     HTTPS (nginx force-ssl-redirect, ALB ssl-redirect, or a port-80 redirect listener).
package gonogo.items.infrastructure.environment_configuration.ssl_certificates

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

ingresses := k8s.table(["ingresses"])

certificates := k8s.table(["certificates"])

issuers := k8s.table(["issuers"])

tf_certificates := k8s.infra_table(["certificates"])

listeners := k8s.infra_table(["lb_listeners"])

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

_needs := "Ingress/cert-manager objects or a Terraform plan"

# Everything that terminates TLS: ingresses with TLS, Certificates, cloud certificates, HTTPS listeners.
tls_facts := array.flatten([
	[i | some i in ingresses; count(i.tls) > 0],
	[c | some c in certificates],
	[c | some c in tf_certificates],
	[l | some l in listeners; l.certificate],
])

_none := "no TLS found: no Ingress with tls, no cert-manager Certificate, no cloud certificate or HTTPS listener"

valid_problems contains {"message": msg, "ref": k8s.ref(i)} if {
	some i in ingresses
	count(i.hosts_without_tls) > 0
	msg := sprintf("ingress %s (%s): hosts without TLS: %s", [i.name, k8s.ref(i), concat(", ", i.hosts_without_tls)])
}

valid_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in certificates
	c.ready == false
	msg := sprintf("certificate %s (%s): Ready=False", [c.name, k8s.ref(c)])
}

valid_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in certificates
	is_string(c.not_after)
	time.parse_rfc3339_ns(c.not_after) < time.now_ns()
	msg := sprintf("certificate %s (%s): expired at %s", [c.name, k8s.ref(c), c.not_after])
}

valid_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in certificates
	issuer := issuers[c.issuer_key]
	issuer.type == "selfSigned"
	msg := sprintf("certificate %s (%s): issued by self-signed %s", [c.name, k8s.ref(c), c.issuer_key])
}

valid_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in certificates
	issuers[c.issuer_key].staging
	msg := sprintf("certificate %s (%s): issuer %s is an ACME staging server (untrusted)", [c.name, k8s.ref(c), c.issuer_key])
}

criteria["Valid certificates installed"] := k8s.decide(
	_collected, _needs, tls_facts, _none, valid_problems,
	sprintf("%d TLS terminations with certificates", [count(tls_facts)]),
)

renewal_problems contains {"message": msg, "ref": k8s.ref(i)} if {
	some i in ingresses
	some t in i.tls
	not t.cert_manager
	msg := sprintf("ingress %s (%s): TLS secret %v is not managed by cert-manager", [i.name, k8s.ref(i), t.secret_name])
}

renewal_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in tf_certificates
	not c.auto_renews
	msg := sprintf("%s: certificate for %v does not renew automatically (not DNS-validated)", [c.address, c.domain])
}

criteria["Auto-renewal configured (cert-manager)"] := k8s.decide(
	_collected, _needs, tls_facts, _none, renewal_problems,
	sprintf("%d cert-manager Certificates; every TLS secret renews automatically", [count(certificates)]),
)

# One notion of a certificate-expiry alert: the monitoring collector's PromQL-parsed cert_expiry
# class (rule files and PrometheusRule objects alike).
_alert_facts := object.get(input, ["monitoring", "alert_coverage", "cert_expiry", "alerts"], [])

_alerts := [sprintf("%s (%s)", [a.alert, a.ref]) | some a in _alert_facts]

criteria["Certificate expiration monitoring active"] := result.pass(
	sprintf("certificate expiry alerts: %s", [concat("; ", _alerts)]),
	[a.ref | some a in _alert_facts],
) if {
	count(_alerts) > 0
} else := result.fail(
	concat("", [
		"no alert on certificate expiry (certmanager_certificate_expiration_timestamp_seconds, ",
		"probe_ssl_earliest_cert_expiry) in PrometheusRules or monitoring rules",
	]),
	[],
) if {
	_collected
} else := result.pending("PrometheusRule objects or monitoring rules")

_redirectable := array.concat([i | some i in ingresses; count(i.tls) > 0], [l | some l in listeners; l.port == 80])

redirect_problems contains {"message": msg, "ref": k8s.ref(i)} if {
	some i in ingresses
	count(i.tls) > 0
	not i.https_redirect
	msg := sprintf("ingress %s (%s): no HTTPS redirect (%s)", [i.name, k8s.ref(i), i.https_redirect_how])
}

redirect_problems contains {"message": msg, "ref": k8s.ref(l)} if {
	some l in listeners
	l.port == 80
	not l.redirects_to_https
	msg := sprintf("%s: port 80 listener action %v does not redirect to HTTPS", [l.address, l.action])
}

criteria["HTTPS redirect enforced"] := k8s.decide(
	_collected, _needs, _redirectable, "no TLS Ingress or port-80 listener found to redirect", redirect_problems,
	sprintf("%d TLS ingresses/listeners redirect HTTP to HTTPS", [count(_redirectable)]),
)
