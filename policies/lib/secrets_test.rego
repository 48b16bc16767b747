package gonogo.lib.secrets_test

import data.gonogo.lib.secrets

_fact(place, fmt, pointer, key, value) := {
	"file": "f.yaml", "line": 3, "pointer": pointer, "key": key, "place": place, "format": fmt,
	"owner": null, "value": value, "provenance": {"ref": "f.yaml:3"},
}

_literal(shapes) := {"kind": "literal", "type": "string", "references": [], "length": "medium", "shapes": shapes}

_reference(kinds) := {"kind": "reference", "type": "string", "references": kinds, "length": "short", "shapes": []}

test_words_split_camel_case_and_separators if {
	secrets.words("basicAuthPassword") == ["basic", "auth", "password"]
	secrets.words("STRIPE_API_KEY") == ["stripe", "api", "key"]
	secrets.words("mail.smtp.password") == ["mail", "smtp", "password"]
	secrets.words("x-api-key") == ["x", "api", "key"]
}

test_credential_names if {
	names := [
		"DB_PASSWORD", "smtp_auth_password", "routing_key", "service_key", "secretAccessKey",
		"datadog_api_key", "Authorization", "client_secret", "admin_password", "JWT_SECRET",
	]
	every name in names {
		secrets.credential_name(secrets.words(name))
	}
}

test_names_that_are_not_credentials if {
	names := [
		"smtp_auth_password_file", "api_url_file", "existingSecret", "SECRET_NAME", "TOKEN_TTL",
		"PASSWORD_MIN_LENGTH", "access_key_id", "secretRef", "username", "LOG_LEVEL",
	]
	every name in names {
		not secrets.credential_name(secrets.words(name))
	}
}

test_parent_key_counts if {
	f := _fact("config_file", "otel_collector", "/exporters/datadog/api/key", "key", _literal([]))
	secrets.reasons(f) == {"credential-like key"}
}

test_literal_under_credential_key_is_one if {
	f := _fact("helm_values", "helm_values", "/postgresql/auth/password", "password", _literal(["mixed_characters"]))
	secrets.reasons(f) == {"credential-like key"}
}

test_placeholder_still_counts if {
	f := _fact("helm_values", "helm_values", "/auth/password", "password", _literal(["placeholder"]))
	secrets.reasons(f) == {"credential-like key"}
}

test_references_and_empty_values_are_not if {
	not secrets.reasons(_fact("config_file", "loki", "/storage_config/aws/secret_access_key", "secret_access_key", _reference(["env"])))
	empty := {"kind": "empty", "type": "string", "references": [], "length": "short", "shapes": []}
	not secrets.reasons(_fact("helm_values", "helm_values", "/auth/password", "password", empty))
	secrets.referenced_credential(_fact("config_file", "loki", "/storage_config/aws/secret_access_key", "secret_access_key", _reference(["env"])))
}

test_booleans_are_not if {
	flag := {"kind": "literal", "type": "boolean", "references": [], "length": "short", "shapes": []}
	not secrets.reasons(_fact("helm_values", "helm_values", "/auth/token", "token", flag))
	not secrets.reasons(_fact("configmap_data", "kubernetes", "/data/TOKEN", "TOKEN", _literal(["boolean_word"])))
}

test_shapes_count_whatever_the_key if {
	f := _fact("config_file", "alertmanager", "/receivers/0/slack_configs/0/api_url", "api_url", _literal(["slack_webhook_url", "url"]))
	secrets.reasons(f) == {"Slack webhook URL"}
	g := _fact("container_env", "kubernetes", "/spec/containers/0/env/1/value", "DATABASE_URL", _literal(["url_with_password"]))
	secrets.reasons(g) == {"URL with embedded password"}
	h := _fact("container_env", "kubernetes", "/spec/containers/0/env/1/value", "NOTE", _literal(["known_token:Slack token"]))
	secrets.reasons(h) == {"the shape of a known token: Slack token"}
}

test_secure_block_and_sensitive_variable if {
	f := _fact("config_file", "grafana_provisioning", "/datasources/0/secureJsonData/httpHeaderValue1", "httpHeaderValue1", _literal([]))
	secrets.reasons(f) == {"in a secure block"}
	v := object.union(_fact("terraform_variable_default", "terraform", "/variable/shop/default", "shop", _literal([])), {"sensitive": true})
	secrets.reasons(v) == {"a sensitive Terraform variable"}
}

test_place_and_where if {
	in_file := _fact("configmap_file", "alertmanager", "/data/am.yml/global/smtp_auth_password", "smtp_auth_password", _literal([]))
	f := object.union(in_file, {"owner": "ConfigMap mon/am"})
	secrets.place(f) == "Alertmanager key of a file carried by the ConfigMap"
	secrets.where(f) == "f.yaml:3 /data/am.yml/global/smtp_auth_password (ConfigMap mon/am)"
	secrets.place(_fact("container_env", "kubernetes", "/x", "X", _literal([]))) == "env"
	secrets.where(_fact("helm_values", "helm_values", "/a", "a", _literal([]))) == "f.yaml:3 /a"
	plan := object.union(
		_fact("terraform_plan_variable", "terraform_plan", "/variables/pw/value", "pw", _literal([])),
		{"provenance": {"ref": "plan.json:/variables/pw/value"}, "owner": "variable pw"},
	)
	secrets.where(plan) == "plan.json:/variables/pw/value (variable pw)"
}
