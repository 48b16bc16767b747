# METADATA
# title: "Network Policies: Pod-to-pod communication restricted"
# description: >-
#   Checklist item 4.3.4 (4.3 Networking). Decided per namespace from NetworkPolicies and the
#   workloads they select (computed by the collector): a namespace with workloads is restricted
#   when it has a default-deny ingress policy (podSelector {}, policyTypes Ingress, no rules) or
#   every workload is selected by some ingress policy. A policy that allows all ingress, or that
#   selects no workload in its namespace, is reported. An allow-all policy is a subject even with
#   no workload in view: it is present and wrong (a deny-all alone has nothing to judge).
# custom:
#   id: "4.3.4"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Pod-to-pod communication restricted"
#   evidence:
#     - kubernetes.network_policies
#     - kubernetes.workloads
#   remediation: >-
#     Add a default-deny ingress NetworkPolicy to every namespace of the service and allow only the
#     traffic each workload needs; fix policies whose podSelector matches no pod.
package gonogo.items.infrastructure.networking.network_policies

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

namespaces[name] := ns if {
	some name, ns in k8s.table(["network_policies", "namespaces"])
	ns.workloads > 0
}

policies := k8s.table(["network_policies", "policies"])

# namespaces whose policies allow all ingress: present and wrong, with or without workloads
allow_all[name] := ns if {
	some name, ns in k8s.table(["network_policies", "namespaces"])
	count(object.get(ns, "allows_all_ingress", [])) > 0
}

subjects := object.union(allow_all, namespaces)

problems contains {"message": msg, "ref": k8s.workload_ref(workload)} if {
	some name, ns in namespaces
	not ns.default_deny_ingress
	some workload in ns.workloads_without_ingress_policy
	msg := sprintf(
		"namespace %s: no default-deny ingress policy; %d of %d workloads not selected by any ingress policy (%s)",
		[
			name, count(ns.workloads_without_ingress_policy), ns.workloads,
			concat(", ", array.slice(ns.workloads_without_ingress_policy, 0, 3)),
		],
	)
}

problems contains {"message": msg, "ref": k8s.ref(policy)} if {
	some ns in allow_all
	some key in ns.allows_all_ingress
	policy := policies[key]
	msg := sprintf("networkpolicy %s (%s): an ingress rule allows all sources and ports", [key, k8s.ref(policy)])
}

problems contains {"message": msg, "ref": k8s.ref(policy)} if {
	some name, ns in namespaces
	some key in ns.policies_selecting_nothing
	policy := policies[key]
	msg := sprintf("networkpolicy %s (%s): podSelector matches no workload in namespace %s", [key, k8s.ref(policy), name])
}

criteria["Pod-to-pod communication restricted"] := k8s.judge(
	k8s.present, "NetworkPolicies and workloads from manifests or a live cluster", subjects,
	"workloads", problems,
	sprintf("ingress restricted in every namespace: %s", [concat(", ", sort(object.keys(namespaces)))]),
)
