# METADATA
# title: "Load Balancer: Configured and tested"
# description: >-
#   Checklist item 4.3.1 (4.3 Networking). Load balancers are Services of type LoadBalancer and
#   Terraform load balancers (aws_lb, forwarding rules, azurerm_lb, application gateways).
#   "Tested" is read as health-checked: a LoadBalancer Service must select workloads whose
#   containers all have readiness probes (a missing probe is cited at the container's line), and
#   a Terraform target group must keep its health check. With no load balancer collected there is
#   nothing to judge (pending).
# custom:
#   id: "4.3.1"
#   section: "4.3 Networking"
#   severity: high
#   criteria:
#     - "Configured and tested"
#   evidence:
#     - kubernetes.services
#     - kubernetes.workloads
#     - infrastructure.load_balancers
#     - infrastructure.lb_target_groups
#   remediation: >-
#     Expose the service through a LoadBalancer Service (or a cloud load balancer in Terraform)
#     whose backends have readiness probes / health checks.
package gonogo.items.infrastructure.networking.load_balancer

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result
import data.gonogo.lib.workloads as wl

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

_k8s_lbs := [s | some s in k8s.table(["services"]); s.type == "LoadBalancer"]

balancers := array.concat(_k8s_lbs, [lb | some lb in k8s.infra_table(["load_balancers"])])

problems contains {"message": msg, "ref": k8s.ref(s)} if {
	some s in _k8s_lbs
	s.backend_workloads == 0
	msg := sprintf("service %s (%s): type LoadBalancer selects no workload", [k8s.display(s), k8s.ref(s)])
}

problems contains {"message": msg, "ref": ref} if {
	some s in _k8s_lbs
	some key in object.get(s, "backend_keys", [])
	w := k8s.table(["workloads"])[key]
	some c in w.containers
	not c.init
	object.get(c, ["probes", "readiness"], null) == null
	ref := wl.field(w, c, "container")
	msg := sprintf(
		"service %s (%s): backend %s (%s) has no readinessProbe",
		[k8s.display(s), k8s.ref(s), wl.container_label(w, c), ref],
	)
}

# a snapshot without backend_keys (an older collector) still counts the backends
problems contains {"message": msg, "ref": k8s.ref(s)} if {
	some s in _k8s_lbs
	not s.backend_keys
	s.backends_with_readiness < s.backend_workloads
	msg := sprintf(
		"service %s (%s): %d of %d backend workloads lack readiness probes",
		[k8s.display(s), k8s.ref(s), s.backend_workloads - s.backends_with_readiness, s.backend_workloads],
	)
}

problems contains {"message": msg, "ref": k8s.ref(t)} if {
	some t in k8s.infra_table(["lb_target_groups"])
	not t.health_check
	msg := sprintf("%s: health check disabled", [t.address])
}

criteria["Configured and tested"] := result.pending("Services or a Terraform plan") if {
	not _collected
} else := result.nothing("load balancer (Service type LoadBalancer, aws_lb, forwarding rule, azurerm_lb)") if {
	count(balancers) == 0
} else := result.fail(k8s.summary(problems), k8s.problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(
	sprintf("%d load balancer(s) with health-checked backends", [count(balancers)]),
	k8s.refs(balancers),
)
