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
