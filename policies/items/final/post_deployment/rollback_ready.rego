# METADATA
# title: "Rollback Ready: One-command rollback prepared"
# description: >-
#   Checklist item 10.3.4 (10.3 Post-Deployment). Decided from the CI/CD pipelines and the
#   Kubernetes manifests: a rollback is prepared when a pipeline holds a rollback command (helm
#   rollback, kubectl rollout undo, kubectl argo rollouts undo/abort, argocd app rollback, ...) or a
#   job named for rollbacks, whether it is started by hand (workflow_dispatch, when: manual) or
#   runs when a deploy fails; or when Argo Rollouts manage the workloads (kubectl argo rollouts
#   undo is the one command), or Argo CD Applications without automated sync deploy them (argocd
#   app rollback; Argo CD refuses it while automated sync is on). It fails when a pipeline deploys
#   and none of these exists, and is pending when no pipeline deploys and none is found.
# custom:
#   id: "10.3.4"
#   section: "10.3 Post-Deployment"
#   severity: critical
#   criteria:
#     - "One-command rollback prepared"
#   evidence:
#     - operations.pipelines
#     - kubernetes.workloads
#     - kubernetes.gitops
#   remediation: >-
#     Add a rollback job to the deployment pipeline (a workflow_dispatch workflow or a `when:
#     manual` job running `helm rollback <release>` or `kubectl rollout undo deployment/<name>`), or
#     a rollback step that runs when the deploy fails, or manage the workload with an Argo Rollout.
package gonogo.items.final.post_deployment.rollback_ready

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.pipelines
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

criteria["One-command rollback prepared"] := rollback_prepared

# METADATA
# description: Argo Rollouts among the workloads (manifests or a live cluster).
rollouts[key] := w if {
	some key, w in k8s.table(["workloads"])
	w.kind == "Rollout"
}

_none_found := concat(", ", [
	"no pipeline holds a rollback command or job",
	"no Argo Rollout manages a workload and no Argo CD Application can be rolled back",
])

# METADATA
# description: Argo CD Applications that argocd app rollback can roll back (no automated sync).
manual_sync_apps[key] := app if {
	some key, app in k8s.table(["gitops"])
	app.kind == "Application"
	not app.automated
}

_how(r) := "runs when the deploy fails" if {
	r.when == "on_failure"
} else := "started by hand" if {
	r.manual
} else := "runs in the pipeline"

_rollback_refs := sort({r.ref | some r in pipelines.rollbacks})

rollback_prepared := result.pass(
	concat("; ", sort({sprintf("%s %s (%s): %s", [r.job, r.ref, concat(", ", r.tools), _how(r)]) | some r in pipelines.rollbacks})),
	_rollback_refs,
) if {
	count(pipelines.rollbacks) > 0
} else := result.pass(
	sprintf("Argo Rollouts manage %s: kubectl argo rollouts undo rolls each back in one command", [concat(", ", sort(object.keys(rollouts)))]),
	k8s.refs(rollouts),
) if {
	count(rollouts) > 0
} else := result.pass(
	sprintf(
		"Argo CD Applications without automated sync: %s: argocd app rollback restores the previous synced revision in one command",
		[concat(", ", sort(object.keys(manual_sync_apps)))],
	),
	k8s.refs(manual_sync_apps),
) if {
	count(manual_sync_apps) > 0
} else := result.fail(
	sprintf("the pipelines deploy (%s) but %s%s", [pipelines.brief(pipelines.deploys), _none_found, pipelines.unreadable_note]),
	sort(pipelines.deploys),
) if {
	count(pipelines.deploys) > 0
} else := result.pending(sprintf(
	"a deployment pipeline (GitHub Actions or GitLab CI) with a rollback job, or Argo Rollouts in the manifests%s",
	[pipelines.unreadable_note],
))
