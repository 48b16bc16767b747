# METADATA
# title: "Firewall Rules: Ingress/egress rules defined"
# description: >-
#   Checklist item 4.3.5 (4.3 Networking). Cloud firewall rules come from the Terraform plan (AWS
#   security groups and rules, GCP firewalls, Azure NSGs); Kubernetes rules are NetworkPolicies.
#   Fails when a cloud rule opens a port other than 80/443 to the whole internet, or when a
#   namespace with workloads has pods that no egress policy selects (and no default-deny egress).
# custom:
#   id: "4.3.5"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Ingress/egress rules defined"
#   evidence:
#     - kubernetes.network_policies
#     - infrastructure.firewall_rules
#   remediation: >-
#     Restrict security groups/firewalls to the sources that need each port (only 80/443 from
#     0.0.0.0/0), and add egress NetworkPolicies (default-deny egress plus the allowed destinations).
package gonogo.items.infrastructure.networking.firewall_rules

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

firewalls := k8s.infra_table(["firewall_rules"])

namespaces[name] := ns if {
	some name, ns in k8s.table(["network_policies", "namespaces"])
	ns.workloads > 0
}

# namespaces with a policy whose egress rule allows every destination: present and wrong, with
# or without workloads in view
allow_all_egress[name] := ns if {
	some name, ns in k8s.table(["network_policies", "namespaces"])
	count(object.get(ns, "allows_all_egress", [])) > 0
}

# The subjects: cloud firewall rule sets (judged for internet-wide ports), namespaces with
# workloads (judged for egress) and allow-all egress policies. A deny-all NetworkPolicy with no
# workload to select is not a subject.
subjects := array.concat(
	[f | some f in firewalls],
	[ns | some ns in object.union(allow_all_egress, namespaces)],
)

problems contains {"message": msg, "ref": k8s.ref(policy)} if {
	some ns in allow_all_egress
	some key in ns.allows_all_egress
	policy := k8s.table(["network_policies", "policies"])[key]
	msg := sprintf("networkpolicy %s (%s): an egress rule allows all destinations and ports", [key, k8s.ref(policy)])
}

problems contains {"message": msg, "ref": k8s.ref(f)} if {
	some f in firewalls
	some opening in f.world_open_non_web
	msg := sprintf("%s: ingress %s (internet-wide, not 80/443)", [f.address, opening])
}

problems contains {"message": msg, "ref": k8s.workload_ref(workload)} if {
	some name, ns in namespaces
	not ns.default_deny_egress
	some workload in ns.workloads_without_egress_policy
	msg := sprintf(
		"namespace %s: %d of %d workloads have no egress policy and there is no default-deny egress",
		[name, count(ns.workloads_without_egress_policy), ns.workloads],
	)
}

criteria["Ingress/egress rules defined"] := k8s.judge(
	_collected, "NetworkPolicies or a Terraform plan with firewall rules", subjects,
	"workloads or cloud firewall rules", problems,
	_pass_message,
)

_pass_message := concat("; ", [m | some m in [_firewalls_message, _egress_message]; m != ""])

_firewalls_message := "" if count(firewalls) == 0

else := sprintf("%d cloud firewall rule set(s): no internet-wide non-web port", [count(firewalls)])

_egress_message := "" if count(namespaces) == 0

else := sprintf("egress restricted in every namespace with workloads: %s", [concat(", ", sort(object.keys(namespaces)))])
