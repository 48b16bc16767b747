# METADATA
# title: "SSL Certificates:"
# description: >-
#   Checklist item 4.1.3 (4.1 Environment Configuration). Certificates come from Ingress TLS,
#   cert-manager Certificates and Issuers (their Ready status and notAfter in a live cluster), and
#   Terraform ACM/managed certificates and load-balancer listeners. Renewal is automatic when
#   cert-manager manages the TLS secret (a Certificate or an issuer annotation on the Ingress) or
#   the cloud certificate is DNS-validated/managed. Expiry monitoring is an alert on certificate
#   expiry: the monitoring collector's cert_expiry class (rule files and PrometheusRule objects),
#   counted with the one notion of an alert every alert item uses (alerting.is_alert: its PromQL
#   parses and promtool does not reject its rule file); pending when no alert rule was collected.
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

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.kubernetes as k8s
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

# nothing to judge (an Issuer or ClusterIssuer alone issues nothing): pending, never a fail
_none := "TLS termination (Ingress with tls, cert-manager Certificate, cloud certificate or HTTPS listener)"

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

	# the snapshot's own time, not the clock: evaluating the same snapshot again gives the same verdict
	time.parse_rfc3339_ns(c.not_after) < time.parse_rfc3339_ns(input.metadata.created_at)
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

criteria["Valid certificates installed"] := k8s.judge(
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

criteria["Auto-renewal configured (cert-manager)"] := k8s.judge(
	_collected, _needs, tls_facts, _none, renewal_problems,
	sprintf("%d cert-manager Certificates; every TLS secret renews automatically", [count(certificates)]),
)

# One notion of an alert (policies/items/monitoring/lib/alerting.rego): the monitoring collector's
# PromQL-parsed cert_expiry class, rule files and PrometheusRule objects alike, as 3.2.4 reads it.
_expiry_rows := object.get(input, ["monitoring", "alert_coverage", "cert_expiry", "alerts"], [])

_expiry_alerts := alerting.alerts_of("cert_expiry")

_expiry_text(a) := sprintf("%s (%s) fires at %s on %s", [
	a.alert, a.ref, object.get(a, "threshold_text", "?"), concat(", ", object.get(a, "measured", ["?"])),
])

_expiry_rejected(a) := sprintf("%s (%s): its rule file is rejected by promtool check rules", [a.alert, a.ref])

criteria["Certificate expiration monitoring active"] := result.pass(
	sprintf("certificate expiry alerts: %s", [concat("; ", [_expiry_text(a) | some a in _expiry_alerts])]),
	[a.ref | some a in _expiry_alerts],
) if {
	count(_expiry_alerts) > 0
} else := result.pending("Prometheus alerting rules (monitoring collector)") if {
	not alerting.collected("alert_coverage")
} else := alerting.no_rules if {
	not alerting.rules_collected
} else := result.fail(
	sprintf("no certificate expiry alert Prometheus would load: %s", [concat("; ", [_expiry_rejected(a) | some a in _expiry_rows])]),
	[a.ref | some a in _expiry_rows],
) if {
	count(_expiry_rows) > 0
} else := result.fail(
	concat("", [
		"no alert on certificate expiry (certmanager_certificate_expiration_timestamp_seconds, ",
		sprintf("probe_ssl_earliest_cert_expiry) among %d alerting rules, for %d TLS terminations", [
			object.get(input, ["monitoring", "prometheus", "alerting_rules"], 0), count(tls_facts),
		]),
	]),
	[],
) if {
	count(tls_facts) > 0
} else := result.pending("no TLS termination collected (Ingress TLS, cert-manager Certificate, cloud certificate) whose expiry to monitor")

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

criteria["HTTPS redirect enforced"] := k8s.judge(
	_collected, _needs, _redirectable, "TLS Ingress or port-80 listener", redirect_problems,
	sprintf("%d TLS ingresses/listeners redirect HTTP to HTTPS: %s", [count(_redirectable), concat("; ", _redirect_readings)]),
)

# the reading each pass relied on (an annotation, or the controller's default), stated
_redirect_readings := sort(array.concat(
	[sprintf("ingress %s (%s): %s", [i.name, k8s.ref(i), i.https_redirect_how]) |
		some i in ingresses
		count(i.tls) > 0
	],
	[sprintf("%s: port 80 listener redirects to HTTPS", [l.address]) | some l in listeners; l.port == 80],
))
