# METADATA
# title: "Environment Variables:"
# description: >-
#   Checklist item 4.1.2 (4.1 Environment Configuration). The Secrets criterion is decided from
#   every place a credential can sit in plain text (security.secrets, the secrets collector):
#   ConfigMap data and the config files a ConfigMap carries (and which workloads load them by
#   envFrom, configMapKeyRef or a volume), container env literals, Kustomize configMapGenerator
#   literals, Helm values, Alertmanager, Loki, OpenTelemetry Collector and Grafana configuration,
#   and Terraform variable defaults, tfvars, plan variables and attribute literals. What counts as
#   a credential is policies/lib/secrets.rego's judgment (a credential-like key, a secret block, a
#   credential's shape, a sensitive variable); references (${ENV}, $__env{}, *_file, secretKeyRef,
#   {{ .Values }}, Vault) and empty values pass. Values themselves are never collected. Without
#   the secrets collector, workload env literals from the kubernetes collector are judged (a
#   literal that looks like a credential by name or shape); a live cluster's are always judged.
#   Pending when no configuration at all was collected. ConfigMaps must exist and be used. The
#   validation script is decided from the CI/CD pipelines: it passes when an environment
#   validation step (a validate-env or check-config script, envsubst --variables, dotenv-linter,
#   manage.py check --deploy; docs/pipelines.md) runs before a deploy step, in the same job or in a
#   job the deploy runs after, and fails when the pipelines deploy without one. Per-environment
#   values need evidence gonogo cannot see in one rendering of the manifests, so they stay pending
#   until the DevOps Lead attests them (custom.attested_by).
# custom:
#   id: "4.1.2"
#   section: "4.1 Environment Configuration"
#   severity: critical
#   criteria:
#     - "All secrets stored in Kubernetes Secrets"
#     - "ConfigMaps created for configuration"
#     - "Environment-specific values set"
#     - "Validation script executed"
#   attested_by:
#     "Environment-specific values set": DevOps Lead
#   evidence:
#     - security.secrets
#     - kubernetes.workloads
#     - kubernetes.configmaps
#     - kubernetes.secrets
#     - operations.pipelines
#     - attestations
#   remediation: >-
#     Move every credential out of plain text into a Secret: env valueFrom.secretKeyRef or
#     envFrom.secretRef instead of env literals and ConfigMap keys; *_file keys (Alertmanager,
#     Loki), $__file{} / $__env{} (Grafana), ${env:VAR} (OpenTelemetry Collector) or
#     existingSecret (Helm charts) pointing at a mounted Secret instead of inline values; Terraform
#     variables with sensitive = true and no default, fed from the environment or a vault. Keep
#     non-secret configuration in ConfigMaps referenced by the workloads.
#     Run the environment validation script in the deployment pipeline before the deploy step, and
#     have the DevOps Lead attest that each environment's values are set (4.1.2#3).
package gonogo.items.infrastructure.environment_configuration.environment_variables

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.pipelines
import data.gonogo.lib.result
import data.gonogo.lib.secrets

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

workloads := k8s.table(["workloads"])

_containers contains [w, c] if {
	some w in workloads
	some c in w.containers
}

# METADATA
# description: The secrets collector's facts ({} when it did not run).
collected_secrets := object.get(input, ["security", "secrets"], {})

_values := object.get(collected_secrets, "values", {})

_uses := object.get(collected_secrets, "configmap_uses", {})

# Without the secrets collector, every workload's env literals (the kubernetes collector's own
# judgment by name or shape); with it, only a live cluster's (manifests are read by both).
_env_judged_workloads := [w | some w in workloads; not "file" in object.keys(object.get(w, "provenance", {}))] if {
	"secrets" in object.keys(object.get(input, "security", {}))
} else := [w | some w in workloads]

credential_literals contains {"message": msg, "ref": k8s.ref(w)} if {
	some w in _env_judged_workloads
	some c in w.containers
	some literal in c.env.literals
	literal.looks_like_credential
	msg := sprintf(
		"%s %s (%s) container %s: env %s is a literal that looks like a credential (%s)",
		[w.kind, w.name, k8s.ref(w), c.name, literal.name, literal.reason],
	)
}

# METADATA
# description: Every configured value that is a credential in plain text, with where it sits and why.
plaintext contains {"message": msg, "ref": fact.provenance.ref} if {
	some fact in _values
	why := secrets.reasons(fact)
	msg := sprintf("%s: %s %s is a literal that looks like a credential (%s)%s%s", [
		secrets.where(fact), secrets.place(fact), fact.key, concat(", ", sort(why)),
		_placeholder_note(fact), _loaded_by(fact),
	])
}

_placeholder_note(fact) := "; it looks like a placeholder, which is deployed as the credential unless overridden" if {
	"placeholder" in fact.value.shapes
} else := ""

_loaded_by(fact) := sprintf("; %s", [concat(", ", uses)]) if {
	uses := sort({sprintf("%s by %s (%s)", [_how[u.how], u.by, u.provenance.ref]) | some u in object.get(_uses, object.get(fact, "configmap", ""), [])})
	count(uses) > 0
} else := ""

_how := {"envFrom": "loaded into env via envFrom", "env": "read into env via configMapKeyRef", "volume": "mounted as files"}

_problems := plaintext | credential_literals

_referenced := count({k | some k, fact in _values; secrets.referenced_credential(fact)}) + _secret_refs

_secret_refs := count({r | some [_, c] in _containers; some r in c.env.secret_refs}) + _secret_volumes

_secret_volumes := count({v | some w in workloads; some v in w.secret_volumes})

_config_files := object.get(collected_secrets, "files", {})

criteria["All secrets stored in Kubernetes Secrets"] := result.pending(_secrets_needed) if {
	count(_config_files) == 0
	count(workloads) == 0
} else := result.fail(k8s.summary(_problems), k8s.problem_refs(_problems)) if {
	count(_problems) > 0
} else := result.pass(
	sprintf(
		concat("", [
			"no plaintext credential among %d configured values in %d configuration files and %d workloads; ",
			"%d credentials come from a reference (Secret, environment, file or vault)",
		]),
		[count(_values), count(_config_files), count(workloads), _referenced],
	),
	sort({f.provenance.ref | some f in _config_files} | {k8s.ref(w) | some w in workloads}),
)

_secrets_needed := concat("", [
	"configuration to read (Kubernetes manifests, Helm values, Alertmanager, Loki, Grafana, ",
	"OpenTelemetry Collector or Terraform files, or a live cluster's workloads)",
])

configmaps := k8s.table(["configmaps"])

_used_configmaps := {r | some [_, c] in _containers; some r in c.env.configmap_refs} | {v | some w in workloads; some v in w.configmap_volumes}

_unused_configmaps := "ConfigMaps exist but no workload references one (env, envFrom or volume)"

_configmap_problems contains {"message": _unused_configmaps, "ref": "kubernetes.workloads"} if {
	count(workloads) > 0
	count(_used_configmaps) == 0
}

criteria["ConfigMaps created for configuration"] := k8s.decide(
	k8s.present, "ConfigMaps from manifests or a live cluster", configmaps,
	"no ConfigMap found", _configmap_problems,
	sprintf("%d ConfigMaps, %d referenced by workloads", [count(configmaps), count(_used_configmaps)]),
)

_env_values_needed := "evidence that per-environment values (overlays or Helm values per environment) are set"

criteria["Environment-specific values set"] := result.pending(_env_values_needed)

criteria["Validation script executed"] := validation_before_deploy

# METADATA
# description: Each deploy in the pipelines, with whether an environment validation step ran before it.
deploys_validated := pipelines.ordered("deploy", "validate_env")

_validated := sort({e.ref | some e in deploys_validated; e.before})

_unvalidated := sort({e.ref | some e in deploys_validated; not e.before})

validation_before_deploy := result.pass(
	sprintf(
		"environment validation (%s) runs before the deploy at %s",
		[pipelines.brief(pipelines.refs_of_class("validate_env")), pipelines.brief(_validated)],
	),
	array.concat(sort(pipelines.refs_of_class("validate_env")), _validated),
) if {
	count(_validated) > 0
} else := result.fail(
	sprintf(
		"the pipelines deploy (%s) with no environment validation step before the deploy%s",
		[pipelines.brief(_unvalidated), pipelines.unreadable_note],
	),
	_unvalidated,
) if {
	count(_unvalidated) > 0
} else := result.pending(sprintf("a deployment pipeline that runs the environment validation script%s", [pipelines.unreadable_note]))
