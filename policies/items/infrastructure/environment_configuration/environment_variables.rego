# METADATA
# title: "Environment Variables:"
# description: >-
#   Checklist item 4.1.2 (4.1 Environment Configuration). Decided from workload env in manifests or
#   a live cluster: a literal env value that looks like a credential (by its name or by its shape;
#   the value itself is never collected) fails the Secrets criterion; ConfigMaps must exist and be
#   used. The validation script is decided from the CI/CD pipelines: it passes when an environment
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
#     - kubernetes.workloads
#     - kubernetes.configmaps
#     - kubernetes.secrets
#     - operations.pipelines
#     - attestations
#   remediation: >-
#     Move every credential out of env literals into a Secret (env valueFrom.secretKeyRef or
#     envFrom.secretRef) and keep non-secret configuration in ConfigMaps referenced by the workloads.
#     Run the environment validation script in the deployment pipeline before the deploy step, and
#     have the DevOps Lead attest that each environment's values are set (4.1.2#3).
package gonogo.items.infrastructure.environment_configuration.environment_variables

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.pipelines
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

workloads := k8s.table(["workloads"])

_containers contains [w, c] if {
	some w in workloads
	some c in w.containers
}

credential_literals contains {"message": msg, "ref": k8s.ref(w)} if {
	some [w, c] in _containers
	some literal in c.env.literals
	literal.looks_like_credential
	msg := sprintf(
		"%s %s (%s) container %s: env %s is a literal that looks like a credential (%s)",
		[w.kind, w.name, k8s.ref(w), c.name, literal.name, literal.reason],
	)
}

_secret_refs := count({r | some [_, c] in _containers; some r in c.env.secret_refs}) + count({v | some w in workloads; some v in w.secret_volumes})

criteria["All secrets stored in Kubernetes Secrets"] := k8s.decide(
	k8s.present, "workloads from manifests or a live cluster", workloads,
	"no workloads found in the manifests or cluster", credential_literals,
	sprintf("no credential-like env literals in %d workloads; %d Secrets referenced", [count(workloads), _secret_refs]),
)

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
