package gonogo.items.infrastructure.environment_configuration.environment_variables_test

import data.gonogo.items.infrastructure.environment_configuration.environment_variables as ev
import data.gonogo.lib.testing

_container(literals) := {"name": "web", "env": {"secret_refs": ["db"], "configmap_refs": ["web-config"], "literals": literals}}

_input(literals) := {"kubernetes": {
	"workloads": {"Deployment/shop/web": {
		"kind": "Deployment", "name": "web", "namespace": "shop", "containers": [_container(literals)],
		"secret_volumes": [], "configmap_volumes": [], "provenance": {"ref": "deploy/web.yaml:1"},
	}},
	"configmaps": {"shop/web-config": {"name": "web-config", "provenance": {"ref": "deploy/cm.yaml:1"}}},
}}

test_pending_without_evidence if {
	r := ev.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "All secrets stored in Kubernetes Secrets").verdict == "pending"
}

test_secrets_and_configmaps_pass if {
	r := ev.report with input as _input([{"name": "LOG_LEVEL", "looks_like_credential": false}])
	testing.criterion(r, "All secrets stored in Kubernetes Secrets").verdict == "pass"
	testing.criterion(r, "ConfigMaps created for configuration").evidence == ["deploy/cm.yaml:1"]
	r.verdict == "pending"
}

test_credential_literal_fails_without_value if {
	lit := {"name": "DB_PASSWORD", "looks_like_credential": true, "reason": "variable name suggests a credential"}
	r := ev.report with input as _input([lit])
	c := testing.criterion(r, "All secrets stored in Kubernetes Secrets")
	c.verdict == "fail"
	contains(c.message, "container web: env DB_PASSWORD is a literal that looks like a credential")
	c.evidence == ["deploy/web.yaml:1"]
}

test_no_configmap_fails if {
	inp := json.patch(_input([]), [{"op": "replace", "path": "/kubernetes/configmaps", "value": {}}])
	r := ev.report with input as inp
	testing.criterion(r, "ConfigMaps created for configuration").message == "no ConfigMap found"
}

_validation := "Validation script executed"

step(index, classes, line) := {
	"index": index, "name": null, "uses": null, "phase": "script", "when": "on_success",
	"classes": classes, "tools": [], "provenance": {"ref": sprintf(".gitlab-ci.yml:%d", [line])},
}

job(steps, runs_after) := {
	"name": "j", "needs": [], "runs_after": runs_after, "stage": "deploy", "environment": "production",
	"manual": false, "scheduled": false, "when": "on_success", "calls": null, "classes": [],
	"tools": [], "steps": steps, "provenance": {"ref": ".gitlab-ci.yml:1"},
}

pipeline(jobs) := {"operations": {"pipelines": {
	"files": {".gitlab-ci.yml": {
		"system": "gitlab_ci", "name": null, "files": [".gitlab-ci.yml"], "templates": [],
		"triggers": {"push": true, "schedule": false, "manual": false, "crons": [], "events": ["push"]},
		"jobs": jobs, "provenance": {"ref": ".gitlab-ci.yml:1"},
	}},
	"unreadable": [],
}}}

test_validation_pending_without_a_deploying_pipeline if {
	r := ev.report with input as pipeline({"test": job([step(0, [], 3)], [])})
	c := testing.criterion(r, _validation)
	c.verdict == "pending"
	contains(c.message, "a deployment pipeline that runs the environment validation script")
}

test_validation_before_deploy_passes if {
	inp := pipeline({
		"validate": job([step(0, ["validate_env"], 4)], []),
		"deploy": job([step(0, ["deploy"], 9)], ["validate"]),
	})
	c := testing.criterion(ev.report, _validation) with input as inp
	c.verdict == "pass"
	c.message == "environment validation (.gitlab-ci.yml:4) runs before the deploy at .gitlab-ci.yml:9"
	c.evidence == [".gitlab-ci.yml:4", ".gitlab-ci.yml:9"]
}

test_validation_in_the_same_job_passes if {
	inp := pipeline({"deploy": job([step(0, ["validate_env"], 4), step(1, ["deploy"], 5)], [])})
	testing.criterion(ev.report, _validation).verdict == "pass" with input as inp
}

test_deploy_without_validation_fails if {
	inp := pipeline({
		"deploy": job([step(0, ["deploy"], 5), step(1, ["validate_env"], 6)], []),
	})
	c := testing.criterion(ev.report, _validation) with input as inp
	c.verdict == "fail"
	c.message == "the pipelines deploy (.gitlab-ci.yml:5) with no environment validation step before the deploy"
	c.evidence == [".gitlab-ci.yml:5"]
}

test_environment_specific_values_pending_until_attested if {
	r := ev.report with input as _input([])
	c := testing.criterion(r, "Environment-specific values set")
	c.verdict == "pending"
	contains(c.message, "an attestation by the DevOps Lead covering 4.1.2 or 4.1.2#3")
}

test_environment_specific_values_pass_on_a_devops_lead_attestation if {
	inp := object.union(_input([]), testing.attested("4.1.2#3", "DevOps Lead", {}))
	r := ev.report with input as inp
	c := testing.criterion(r, "Environment-specific values set")
	c.verdict == "pass"
	c.assurance == "attested"
}

test_environment_specific_values_not_passed_by_another_role if {
	inp := object.union(_input([]), testing.attested("4.1.2#3", "Product Manager", {}))
	r := ev.report with input as inp
	testing.criterion(r, "Environment-specific values set").verdict == "pending"
}
