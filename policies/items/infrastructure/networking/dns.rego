# METADATA
# title: "DNS: Records created and propagated"
# description: >-
#   Checklist item 4.3.2 (4.3 Networking). DNS records are ExternalDNS records (hostname
#   annotations, Ingress hosts when an external-dns controller watches ingresses, DNSEndpoint
#   objects) and Terraform records (Route 53, Cloud DNS, Azure DNS, Cloudflare). Every Ingress host
#   must have a record (exact or wildcard). Propagation is not checked offline.
# custom:
#   id: "4.3.2"
#   section: "4.3 Networking"
#   severity: medium
#   criteria:
#     - "Records created and propagated"
#   evidence:
#     - kubernetes.dns
#     - kubernetes.ingresses
#     - infrastructure.dns_records
#   remediation: >-
#     Create a DNS record for every public host: run external-dns (annotations or --source=ingress)
#     or declare the records in Terraform.
package gonogo.items.infrastructure.networking.dns

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

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

records := array.concat([r | some r in k8s.table(["dns", "records"])], [r | some r in k8s.infra_table(["dns_records"])])

hostnames := {h | some r in k8s.table(["dns", "records"]); some h in r.hostnames} | {trim_suffix(r.name, ".") |
	some r in k8s.infra_table(["dns_records"])
	r.name
}

_covered(host) if host in hostnames

_covered(host) if {
	parts := split(host, ".")
	concat(".", array.concat(["*"], array.slice(parts, 1, count(parts)))) in hostnames
}

problems contains {"message": msg, "ref": k8s.ref(i)} if {
	some i in k8s.table(["ingresses"])
	some host in i.hosts
	not _covered(host)
	msg := sprintf("ingress %s (%s): host %s has no DNS record", [k8s.display(i), k8s.ref(i), host])
}

# The subjects: DNS records, and the Ingress hosts that need one.
_subjects := array.concat(records, [i | some i in k8s.table(["ingresses"]); count(i.hosts) > 0])

criteria["Records created and propagated"] := k8s.judge(
	_collected, "ExternalDNS annotations or a Terraform plan", _subjects,
	"DNS record or Ingress host", problems,
	sprintf("%d DNS record source(s) covering every Ingress host", [count(records)]),
)
