# METADATA
# title: "Authorization: RBAC implemented"
# description: >-
#   Checklist item 2.2.7 (2.2 Security Hardening). Decided from Kubernetes RBAC objects in
#   manifests or a live cluster: the service must declare Roles/ClusterRoles and bindings; a
#   non-system role that grants "*" verbs, resources or apiGroups fails, and so does a binding of
#   cluster-admin to a subject that is not a system identity.
# custom:
#   id: "2.2.7"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "RBAC implemented"
#   evidence:
#     - kubernetes.rbac
#   remediation: >-
#     Give each workload its own ServiceAccount bound to a Role listing only the verbs and
#     resources it needs; remove wildcard rules and cluster-admin bindings.
package gonogo.items.security.security_hardening.authorization

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

roles[key] := r if {
	some key, r in k8s.table(["rbac", "roles"])
	not r.system
}

bindings := k8s.table(["rbac", "bindings"])

# Workloads are subjects too: with no Role or ClusterRole at all, each runs with no RBAC of the
# service's own (only the defaults).
_workloads := k8s.table(["workloads"])

problems contains {"message": msg, "ref": k8s.ref(r)} if {
	some key, r in roles
	not r.aggregated
	r.wildcard_verbs
	msg := sprintf("%s (%s): grants \"*\" verbs", [key, k8s.ref(r)])
}

problems contains {"message": msg, "ref": k8s.ref(r)} if {
	some key, r in roles
	not r.aggregated
	r.wildcard_resources
	msg := sprintf("%s (%s): grants \"*\" resources or apiGroups", [key, k8s.ref(r)])
}

problems contains {"message": msg, "ref": k8s.ref(b)} if {
	some key, b in bindings
	not b.system
	b.role.name == "cluster-admin"
	some s in b.subjects
	not startswith(s.name, "system:")
	msg := sprintf("%s (%s): binds cluster-admin to %s %s", [key, k8s.ref(b), s.kind, s.name])
}

problems contains {"message": msg, "ref": k8s.ref(r)} if {
	count([b | some b in bindings; not b.system]) == 0
	some key, r in roles
	msg := sprintf("%s (%s): no RoleBinding or ClusterRoleBinding grants it", [key, k8s.ref(r)])
}

problems contains {"message": msg, "ref": k8s.ref(w)} if {
	count(roles) == 0
	some key, w in _workloads
	not k8s.system_namespace(object.get(w, "namespace", ""))
	msg := sprintf("%s (%s): no Role or ClusterRole found (besides system roles) for the service's workloads", [key, k8s.ref(w)])
}

criteria["RBAC implemented"] := k8s.judge(
	k8s.present, "RBAC objects from manifests or a live cluster", array.concat([r | some r in roles], [w | some w in _workloads]),
	"Role, ClusterRole or workload", problems,
	sprintf("%d roles, %d bindings, no wildcard grants or cluster-admin bindings", [count(roles), count(bindings)]),
)
