# METADATA
# title: What counts as a plaintext credential
# description: >-
#   The judgment an auditor reads: which configured values (security.secrets.values, from the
#   secrets collector, which records where each value sits and what it is, never the value) are
#   credentials kept in plain text. A value is one when it is a literal (not a reference such as
#   ${ENV}, $__env{}, $__file{}, {{ .Values.x }}, secretKeyRef, a Vault path, a Terraform
#   expression; not empty) and (a) its key name ends in a credential word (credential_words,
#   credential_pairs, with the name split at _ - . and camelCase, and the key's parent key
#   counted, so "api: {key: ...}" is "api_key"), without a word that makes it a pointer to the
#   credential (not_credential_words: *_file, existingSecret); or (b) it sits inside a block
#   whose values are all secrets (secret_blocks: Grafana's secureJsonData); or (c) its shape is
#   a credential's whatever its key (credential_shapes: a URL with a password, a Slack webhook
#   URL, a known token prefix, a private key block); or (d) it is the default or value of a
#   Terraform variable declared sensitive = true. Boolean values are never credentials. A
#   placeholder such as "changeme" still counts: it is what gets deployed when nobody overrides it.
package gonogo.lib.secrets

# METADATA
# description: Words that, ending a key name, make it a credential's name.
credential_words := {
	"password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "credential",
	"credentials", "authorization", "dsn", "passcode",
}

# METADATA
# description: Two-word endings that make a key a credential's name (checked before one word).
credential_pairs := {
	"api_key", "private_key", "access_key", "secret_key", "auth_key", "signing_key",
	"encryption_key", "routing_key", "service_key", "master_key", "account_key",
	"integration_key", "license_key", "client_secret", "webhook_secret", "app_key",
	"session_key", "shared_key", "sas_key",
}

# METADATA
# description: >-
#   Words that make a credential-like name a pointer to the credential, not the credential:
#   Helm charts' existingSecret (the name of a Secret). Names that end in another word are not
#   credentials' names in the first place: *_file (Alertmanager, Loki), *_path, secretRef, *_name.
not_credential_words := {"existing"}

# METADATA
# description: Blocks whose every value is a secret (Grafana stores them encrypted).
secret_blocks := {"secureJsonData", "secureSettings"}

# METADATA
# description: Value shapes that are a credential whatever key they sit under.
credential_shapes := {
	"url_with_password", "slack_webhook_url", "discord_webhook_url", "teams_webhook_url",
	"private_key_block", "basic_or_bearer_literal",
}

# METADATA
# description: The words of a key name, lower case, split at camelCase and at _ - . / and spaces.
words(name) := [w | some w in regex.split(`[^a-z0-9]+`, lower(regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}"))); w != ""]

_segments(pointer) := [s | some s in split(pointer, "/"); s != ""]

# METADATA
# description: The words a value's name is judged by - its parent key's, then its own.
name_words(fact) := array.concat(words(_parent(fact)), words(fact.key))

_parent(fact) := segs[count(segs) - 2] if {
	fact.place != "container_env"
	segs := _segments(fact.pointer)
	count(segs) >= 2
	not regex.match(`^[0-9]+$`, segs[count(segs) - 2])
} else := ""

_last_pair(ws) := concat("_", array.slice(ws, count(ws) - 2, count(ws))) if count(ws) >= 2

# METADATA
# description: True when the words of a name end in a credential word or pair and hold no pointer word.
credential_name(ws) if {
	count(ws) > 0
	not _pointer_name(ws)
	_credential_ending(ws)
}

_credential_ending(ws) if _last_pair(ws) in credential_pairs

_credential_ending(ws) if ws[count(ws) - 1] in credential_words

_pointer_name(ws) if {
	some w in ws
	w in not_credential_words
}

_literal(fact) if {
	fact.value.kind == "literal"
	fact.value.type != "boolean"
	not "boolean_word" in fact.value.shapes
}

# METADATA
# description: The shapes of a value that make it a credential whatever its key.
shape_reasons(fact) := {s | some s in fact.value.shapes; s in credential_shapes} | {s | some s in fact.value.shapes; startswith(s, "known_token:")}

# METADATA
# description: >-
#   Why a configured value is a plaintext credential (a non-empty set of reasons), or undefined
#   when it is not one. Shapes count for references too, for the literal text around them.
reasons(fact) := r if {
	r := _reasons(fact)
	count(r) > 0
}

_reasons(fact) := ((_name_reasons(fact) | _block_reasons(fact)) | _variable_reasons(fact)) | _shape_reasons(fact)

_name_reasons(fact) := {"credential-like key" | _literal(fact); credential_name(name_words(fact))}

_block_reasons(fact) := {"in a secure block" | _literal(fact); _in_secret_block(fact)}

_variable_reasons(fact) := {"a sensitive Terraform variable" | _literal(fact); fact.sensitive == true}

_shape_reasons(fact) := {_shape_label(s) | some s in shape_reasons(fact)}

_in_secret_block(fact) if {
	some s in _segments(fact.pointer)
	s in secret_blocks
}

_shape_labels := {
	"url_with_password": "URL with embedded password",
	"slack_webhook_url": "Slack webhook URL",
	"discord_webhook_url": "Discord webhook URL",
	"teams_webhook_url": "Microsoft Teams webhook URL",
	"private_key_block": "private key block",
	"basic_or_bearer_literal": "literal Authorization credential",
}

_shape_label(s) := _shape_labels[s]

_shape_label(s) := sprintf("the shape of a known token: %s", [trim_prefix(s, "known_token:")]) if startswith(s, "known_token:")

# METADATA
# description: True when a value that counts as a credential takes it from a reference (the good case).
referenced_credential(fact) if {
	fact.value.kind == "reference"
	credential_name(name_words(fact))
}

# METADATA
# description: >-
#   The kind of place a value sits in, in words, to precede its key: "env", "Alertmanager
#   setting", "Loki key of a file carried by the ConfigMap", "Helm value".
place(fact) := trim_space(sprintf("%s %s", [_format_label(fact.format), _place_label(fact.place)])) if {
	fact.place in {"config_file", "configmap_file"}
} else := _place_label(fact.place)

_place_label(p) := {
	"configmap_data": "ConfigMap data key",
	"configmap_file": "key of a file carried by the ConfigMap",
	"container_env": "env",
	"kustomize_literal": "configMapGenerator literal",
	"helm_values": "Helm value",
	"config_file": "setting",
	"terraform_variable_default": "default of Terraform variable",
	"terraform_tfvars": "tfvars value",
	"terraform_plan_variable": "Terraform plan variable",
	"terraform_attribute": "Terraform attribute",
}[p]

_format_label(f) := object.get(
	{
		"alertmanager": "Alertmanager", "loki": "Loki", "otel_collector": "OpenTelemetry Collector",
		"grafana_ini": "grafana.ini", "grafana_provisioning": "Grafana provisioning",
		"ini": "INI", "properties": "properties",
	},
	f, "",
)

# METADATA
# description: Where a value sits - file:line (or file), JSON pointer and owner - never the value.
where(fact) := sprintf("%s%s", [fact.provenance.ref, _owner(fact)]) if {
	endswith(fact.provenance.ref, fact.pointer) # a plan's ref is already file:pointer
} else := sprintf("%s %s%s", [fact.provenance.ref, fact.pointer, _owner(fact)])

_owner(fact) := sprintf(" (%s)", [fact.owner]) if is_string(fact.owner)

else := ""
