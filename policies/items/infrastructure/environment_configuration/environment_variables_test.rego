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

_secrets := "All secrets stored in Kubernetes Secrets"

_value(kind, shapes) := {"kind": kind, "type": "string", "references": [], "length": "medium", "shapes": shapes}

_fact(ref, place, fmt, pointer, key, value) := {
	"file": split(ref, ":")[0], "line": 3, "pointer": pointer, "key": key, "place": place, "format": fmt,
	"owner": null, "value": value, "provenance": {"ref": ref},
}

_secrets_input(values, uses) := {"security": {"secrets": {
	"files": {"cfg.yaml": {"formats": ["kubernetes"], "provenance": {"ref": "cfg.yaml:1"}}},
	"values": values,
	"configmap_uses": uses,
}}}

test_secrets_pending_without_any_configuration if {
	c := testing.criterion(ev.report, _secrets) with input as {"kubernetes": {"workloads": {}, "configmaps": {}}}
	c.verdict == "pending"
	contains(c.message, "configuration to read")
}

test_configmap_key_loaded_by_envfrom_fails_with_its_location if {
	f := object.union(
		_fact("deploy/cm.yaml:9", "configmap_data", "kubernetes", "/data/DB_PASSWORD", "DB_PASSWORD", _value("literal", ["mixed_characters"])),
		{"owner": "ConfigMap shop/shop-env", "configmap": "shop-env"},
	)
	use := {"by": "Deployment shop/web container web", "namespace": "shop", "how": "envFrom", "provenance": {"ref": "deploy/web.yaml:20"}}
	c := testing.criterion(ev.report, _secrets) with input as _secrets_input({"a": f}, {"shop-env": [use]})
	c.verdict == "fail"
	c.message == concat("", [
		"deploy/cm.yaml:9 /data/DB_PASSWORD (ConfigMap shop/shop-env): ConfigMap data key DB_PASSWORD is a literal ",
		"that looks like a credential (credential-like key); loaded into env via envFrom by Deployment shop/web ",
		"container web (deploy/web.yaml:20)",
	])
	c.evidence == ["deploy/cm.yaml:9"]
}

test_inline_alertmanager_and_terraform_credentials_fail if {
	values := {
		"a": _fact("am.yml:6", "config_file", "alertmanager", "/global/smtp_auth_password", "smtp_auth_password", _value("literal", [])),
		"b": _fact(
			"am.yml:14", "config_file", "alertmanager", "/receivers/0/slack_configs/0/api_url", "api_url",
			_value("literal", ["slack_webhook_url", "url"]),
		),
		"c": _fact("vars.tf:9", "terraform_variable_default", "terraform", "/variable/db_password/default", "db_password", _value("literal", [])),
	}
	c := testing.criterion(ev.report, _secrets) with input as _secrets_input(values, {})
	c.verdict == "fail"
	contains(c.message, concat("", [
		"am.yml:6 /global/smtp_auth_password: Alertmanager setting smtp_auth_password is a literal ",
		"that looks like a credential (credential-like key)",
	]))
	contains(c.message, "api_url is a literal that looks like a credential (Slack webhook URL)")
	contains(c.message, "vars.tf:9 /variable/db_password/default: default of Terraform variable db_password")
	c.evidence == ["am.yml:14", "am.yml:6", "vars.tf:9"]
}

test_placeholder_fails_with_a_note if {
	f := _fact("values.yaml:7", "helm_values", "helm_values", "/auth/password", "password", _value("literal", ["placeholder"]))
	c := testing.criterion(ev.report, _secrets) with input as _secrets_input({"a": f}, {})
	c.verdict == "fail"
	contains(c.message, "it looks like a placeholder")
}

test_references_and_look_alikes_pass if {
	values := {
		"a": _fact(
			"loki.yaml:18", "config_file", "loki", "/storage_config/aws/secret_access_key", "secret_access_key",
			object.union(_value("reference", []), {"references": ["env"]}),
		),
		"b": _fact("am.yml:6", "config_file", "alertmanager", "/global/smtp_auth_password_file", "smtp_auth_password_file", _value("literal", [])),
		"c": _fact("values.yaml:8", "helm_values", "helm_values", "/auth/existingSecret", "existingSecret", _value("literal", [])),
		"d": _fact("values.yaml:7", "helm_values", "helm_values", "/auth/password", "password", _value("empty", [])),
	}
	c := testing.criterion(ev.report, _secrets) with input as _secrets_input(values, {})
	c.verdict == "pass"
	c.message == concat("", [
		"no plaintext credential among 4 configured values in 1 configuration files and 0 workloads; ",
		"1 credentials come from a reference (Secret, environment, file or vault)",
	])
	c.evidence == ["cfg.yaml:1"]
}

test_live_cluster_env_literals_are_judged_beside_the_secrets_facts if {
	lit := {"name": "DB_PASSWORD", "looks_like_credential": true, "reason": "variable name suggests a credential"}
	live := json.patch(_input([lit]), [{
		"op": "replace", "path": "/kubernetes/workloads/Deployment~1shop~1web/provenance",
		"value": {"object": "Deployment/shop/web", "ref": "Deployment/shop/web"},
	}])
	c := testing.criterion(ev.report, _secrets) with input as object.union(live, _secrets_input({}, {}))
	c.verdict == "fail"
	c.evidence == ["Deployment/shop/web"]
}

test_manifest_env_literals_are_left_to_the_secrets_facts if {
	lit := {"name": "DB_PASSWORD", "looks_like_credential": true, "reason": "variable name suggests a credential"}
	manifests := json.patch(_input([lit]), [{
		"op": "replace", "path": "/kubernetes/workloads/Deployment~1shop~1web/provenance",
		"value": {"file": "deploy/web.yaml", "ref": "deploy/web.yaml:1"},
	}])
	c := testing.criterion(ev.report, _secrets) with input as object.union(manifests, _secrets_input({}, {}))
	c.verdict == "pass"
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
