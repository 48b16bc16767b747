package gonogo.items.final.post_deployment.rollback_ready_test

import data.gonogo.items.final.post_deployment.rollback_ready
import data.gonogo.lib.testing

_criterion := "One-command rollback prepared"

step(index, classes, tools, line, when) := {
	"index": index, "name": null, "uses": null, "phase": "steps", "when": when,
	"classes": classes, "tools": tools, "provenance": {"ref": sprintf(".github/workflows/deploy.yml:%d", [line])},
}

job(name, steps, manual) := {
	"name": name, "needs": [], "runs_after": [], "stage": null, "environment": "production",
	"manual": manual, "scheduled": false, "when": "on_success", "calls": null, "classes": [],
	"tools": [], "steps": steps, "provenance": {"ref": ".github/workflows/deploy.yml:5"},
}

pipelines(jobs, unreadable) := {"operations": {"pipelines": {
	"files": {".github/workflows/deploy.yml": {
		"system": "github_actions", "name": "Deploy", "files": [".github/workflows/deploy.yml"],
		"triggers": {"push": true, "schedule": false, "manual": true, "crons": [], "events": ["push", "workflow_dispatch"]},
		"jobs": jobs, "templates": [], "provenance": {"ref": ".github/workflows/deploy.yml:1"},
	}},
	"unreadable": unreadable,
}}}

_deploy := step(0, ["deploy"], ["helm"], 12, "on_success")

test_pending_without_evidence if {
	r := rollback_ready.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, _criterion).message, "a deployment pipeline")
}

test_pending_when_no_pipeline_deploys if {
	r := rollback_ready.report with input as pipelines({"test": job("test", [step(0, [], [], 8, "on_success")], false)}, ["x.yml"])
	c := testing.criterion(r, _criterion)
	c.verdict == "pending"
	contains(c.message, "not judged: x.yml")
}

test_passes_with_a_manual_rollback_job if {
	rollback := job("rollback", [step(0, ["rollback"], ["helm"], 20, "on_success")], true)
	r := rollback_ready.report with input as pipelines({"deploy": job("deploy", [_deploy], true), "rollback": rollback}, [])
	r.verdict == "pass"
	c := testing.criterion(r, _criterion)
	c.message == "rollback .github/workflows/deploy.yml:20 (helm): started by hand"
	c.evidence == [".github/workflows/deploy.yml:20"]
	c.assurance == "measured"
}

test_passes_with_a_rollback_step_on_failure if {
	on_failure := step(1, ["rollback"], ["helm"], 14, "on_failure")
	r := rollback_ready.report with input as pipelines({"deploy": job("deploy", [_deploy, on_failure], false)}, [])
	r.verdict == "pass"
	testing.criterion(r, _criterion).message == "deploy .github/workflows/deploy.yml:14 (helm): runs when the deploy fails"
}

test_passes_with_an_argo_rollout if {
	rollout := {"kind": "Rollout", "name": "web", "namespace": "shop", "containers": [], "provenance": {"ref": "deploy/rollout.yaml:1"}}
	inp := object.union(pipelines({"deploy": job("deploy", [_deploy], false)}, []), {"kubernetes": {"workloads": {"Rollout/shop/web": rollout}}})
	r := rollback_ready.report with input as inp
	r.verdict == "pass"
	c := testing.criterion(r, _criterion)
	contains(c.message, "Argo Rollouts manage Rollout/shop/web")
	c.evidence == ["deploy/rollout.yaml:1"]
}

test_fails_when_a_pipeline_deploys_without_rollback if {
	deployment := {"kind": "Deployment", "name": "web", "namespace": "shop", "containers": [], "provenance": {"ref": "deploy/web.yaml:1"}}
	inp := object.union(pipelines({"deploy": job("deploy", [_deploy], false)}, []), {"kubernetes": {"workloads": {"Deployment/shop/web": deployment}}})
	r := rollback_ready.report with input as inp
	r.verdict == "fail"
	c := testing.criterion(r, _criterion)
	c.message == concat("", [
		"the pipelines deploy (.github/workflows/deploy.yml:12) but no pipeline holds a rollback command or job, ",
		"no Argo Rollout manages a workload and no Argo CD Application can be rolled back",
	])
	c.evidence == [".github/workflows/deploy.yml:12"]
}

_app(automated) := {
	"kind": "Application", "repo": "https://git.example.com/shop.git", "automated": automated,
	"provenance": {"ref": "deploy/argocd/shop.yaml:1"},
}

test_passes_with_an_argo_cd_application_synced_by_hand if {
	inp := object.union(pipelines({"deploy": job("deploy", [_deploy], false)}, []), {"kubernetes": {"gitops": {"Application/argocd/shop": _app(false)}}})
	r := rollback_ready.report with input as inp
	r.verdict == "pass"
	c := testing.criterion(r, _criterion)
	startswith(c.message, "Argo CD Applications without automated sync: Application/argocd/shop: argocd app rollback")
	c.evidence == ["deploy/argocd/shop.yaml:1"]
}

test_an_auto_synced_application_is_no_rollback if {
	inp := object.union(pipelines({"deploy": job("deploy", [_deploy], false)}, []), {"kubernetes": {"gitops": {"Application/argocd/shop": _app(true)}}})
	r := rollback_ready.report with input as inp
	r.verdict == "fail"
}
