# METADATA
# title: "Horizontal Pod Autoscaler:"
# description: >-
#   Checklist item 7.1.1 (7.1 Auto-Scaling Configuration). Decided from the HorizontalPodAutoscalers
#   in manifests or a live cluster (autoscaling/v2, and v1/v2beta* converted to v2 facts by the
#   collector): replica bounds, CPU and memory utilization targets, and scale-up/scale-down behavior.
#   A KEDA ScaledObject counts as the HPA KEDA creates from it (the collector reads it so). An
#   HPA whose scaleTargetRef is not in view is judged on its own bounds, targets and behavior;
#   its target is not judged, and the pass message says which targets were not collected.
# custom:
#   id: "7.1.1"
#   section: "7.1 Auto-Scaling Configuration"
#   severity: high
#   criteria:
#     - "Min/max replicas defined (3-20)"
#     - "CPU threshold: 70%"
#     - "Memory threshold: 80%"
#     - "Scale-up/down policies configured"
#   evidence:
#     - kubernetes.autoscaling
#     - kubernetes.workloads
#   remediation: >-
#     Give every workload an autoscaling/v2 HorizontalPodAutoscaler with minReplicas >= 3 and
#     maxReplicas <= 20 (thresholds hpa.min_replicas, hpa.max_replicas), Resource metrics for cpu
#     (averageUtilization <= 70, hpa.cpu_target_percent) and memory (<= 80,
#     hpa.memory_target_percent), and spec.behavior.scaleUp and scaleDown policies.
#   thresholds:
#     - name: hpa.min_replicas
#       default: 3
#       unit: count
#       description: Lowest minReplicas an autoscaler may have.
#     - name: hpa.max_replicas
#       default: 20
#       unit: count
#       description: Highest maxReplicas an autoscaler may have.
#     - name: hpa.cpu_target_percent
#       default: 70
#       unit: percent
#       description: Highest CPU utilisation target accepted.
#     - name: hpa.memory_target_percent
#       default: 80
#       unit: percent
#       description: Highest memory utilisation target accepted.
package gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler

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

hpas := k8s.table(["autoscaling", "hpas"])

min_floor := result.threshold("hpa.min_replicas", 3)

max_ceiling := result.threshold("hpa.max_replicas", 20)

cpu_target := result.threshold("hpa.cpu_target_percent", 70)

memory_target := result.threshold("hpa.memory_target_percent", 80)

_workloads := k8s.table(["workloads"])

# no HPA at all fails on the workloads it leaves unscaled; with neither, nothing is judged
_decide(on, hs, ws, problems, pass_message) := result.pending("HorizontalPodAutoscalers from manifests or a live cluster") if {
	not on
} else := result.nothing("workload or HorizontalPodAutoscaler") if {
	count(hs) == 0
	count(ws) == 0
} else := result.fail(
	sprintf("no HorizontalPodAutoscaler found among %d workloads", [count(ws)]),
	k8s.refs(ws),
) if {
	count(hs) == 0
} else := result.fail(k8s.summary(problems), k8s.problem_refs(problems)) if {
	count(problems) > 0
} else := result.pass(pass_message, k8s.refs(hs))

criteria["Min/max replicas defined (3-20)"] := _decide(
	k8s.present, hpas, _workloads,
	replica_problems,
	sprintf("%d HPAs: replicas within %v-%v%s", [count(hpas), min_floor, max_ceiling, _targets_not_collected]),
)

criteria["CPU threshold: 70%"] := _decide(
	k8s.present, hpas, _workloads,
	cpu_problems,
	sprintf("%d HPAs: CPU target <= %v%%", [count(hpas), cpu_target]),
)

criteria["Memory threshold: 80%"] := _decide(
	k8s.present, hpas, _workloads,
	memory_problems,
	sprintf("%d HPAs: memory target <= %v%%", [count(hpas), memory_target]),
)

criteria["Scale-up/down policies configured"] := _decide(
	k8s.present, hpas, _workloads,
	behavior_problems,
	sprintf("%d HPAs: scaleUp and scaleDown behavior set", [count(hpas)]),
)

replica_problems contains {"message": msg, "ref": _at(h, "min_replicas")} if {
	some h in hpas
	h.min_replicas < min_floor
	msg := sprintf("%s (%s): minReplicas %v < %v", [_label(h), _at(h, "min_replicas"), h.min_replicas, min_floor])
}

replica_problems contains {"message": msg, "ref": _at(h, "max_replicas")} if {
	some h in hpas
	is_number(h.max_replicas)
	h.max_replicas > max_ceiling
	msg := sprintf("%s (%s): maxReplicas %v > %v", [_label(h), _at(h, "max_replicas"), h.max_replicas, max_ceiling])
}

replica_problems contains {"message": msg, "ref": _at(h, "max_replicas")} if {
	some h in hpas
	h.max_replicas == null
	msg := sprintf("%s (%s): maxReplicas not set", [_label(h), _at(h, "max_replicas")])
}

# an HPA whose target is not in view: its target is not judged (it may live in another
# repository or chart), and the pass message names it, never a fail for lack of it
_missing_targets := sort({h.target_key | some h in hpas; h.target_found == false})

_targets_not_collected := "" if count(_missing_targets) == 0

_targets_not_collected := sprintf(
	" (scaleTargetRef not collected, so not judged: %s)",
	[concat(", ", _missing_targets)],
) if {
	count(_missing_targets) > 0
}

cpu_problems contains {"message": msg, "ref": _at(h, "metrics")} if {
	some h in hpas
	h.cpu_target_percent == null
	msg := sprintf("%s (%s): no CPU averageUtilization target", [_label(h), _at(h, "metrics")])
}

cpu_problems contains {"message": msg, "ref": _at(h, "metrics")} if {
	some h in hpas
	is_number(h.cpu_target_percent)
	h.cpu_target_percent > cpu_target
	msg := sprintf(
		"%s (%s): CPU target %v%% > %v%%%s",
		[_label(h), _at(h, "metrics"), h.cpu_target_percent, cpu_target, _defaulted(h)],
	)
}

_defaulted(h) := " (the API default: no metrics set)" if h.cpu_target_defaulted

_defaulted(h) := "" if not h.cpu_target_defaulted

memory_problems contains {"message": msg, "ref": _at(h, "metrics")} if {
	some h in hpas
	h.memory_target_percent == null
	msg := sprintf("%s (%s): no memory averageUtilization target", [_label(h), _at(h, "metrics")])
}

memory_problems contains {"message": msg, "ref": _at(h, "metrics")} if {
	some h in hpas
	is_number(h.memory_target_percent)
	h.memory_target_percent > memory_target
	msg := sprintf(
		"%s (%s): memory target %v%% > %v%%",
		[_label(h), _at(h, "metrics"), h.memory_target_percent, memory_target],
	)
}

behavior_problems contains {"message": msg, "ref": _at(h, "behavior")} if {
	some h in hpas
	some direction in ["scale_up", "scale_down"]
	h[direction] == null
	msg := sprintf("%s (%s): no %s behavior (%s)", [_label(h), _at(h, "behavior"), direction, h.api_version])
}

# the line of the HPA field a problem is about (the collector's `at`), else the HPA's ref
_at(h, field) := object.get(h, ["at", field], k8s.ref(h))

# how a message names an autoscaler: the HPA, or the HPA KEDA makes of a ScaledObject
_label(h) := sprintf("hpa %s (KEDA ScaledObject %s)", [h.name, h.scaled_object]) if h.scaled_object

_label(h) := sprintf("hpa %s", [h.name]) if not h.scaled_object
