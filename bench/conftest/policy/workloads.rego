# Per-workload criteria gonogo also judges: replicas, resources, probes, env literals, tags,
# runAsNonRoot. Run with conftest test --combine, so input is a list of {path, contents}.
# METADATA
# entrypoint: true
package main

workloads contains [f.path, doc] if {
	some f in input
	doc := f.contents
	doc.kind in {"Deployment", "StatefulSet"}
}

containers contains [path, doc.metadata.name, c] if {
	some [path, doc] in workloads
	some c in doc.spec.template.spec.containers
}

deny contains msg if {
	some [path, doc] in workloads
	object.get(doc, ["spec", "replicas"], 1) < 3
	msg := sprintf("%s: %s has fewer than 3 replicas", [path, doc.metadata.name])
}

deny contains msg if {
	some [path, name, c] in containers
	some kind in ["requests", "limits"]
	not c.resources[kind]
	msg := sprintf("%s: %s/%s has no resource %s", [path, name, c.name, kind])
}

deny contains msg if {
	some [path, name, c] in containers
	some probe in ["livenessProbe", "readinessProbe"]
	not c[probe]
	msg := sprintf("%s: %s/%s has no %s", [path, name, c.name, probe])
}

deny contains msg if {
	some [path, name, c] in containers
	some env in c.env
	regex.match(`(?i)(password|secret|token|api_?key)`, env.name)
	env.value
	msg := sprintf("%s: %s/%s sets credential-like %s literally", [path, name, c.name, env.name])
}

deny contains msg if {
	some [path, name, c] in containers
	not contains(c.image, ":")
	msg := sprintf("%s: %s/%s image has no tag", [path, name, c.name])
}

deny contains msg if {
	some [path, name, c] in containers
	endswith(c.image, ":latest")
	msg := sprintf("%s: %s/%s uses :latest", [path, name, c.name])
}

deny contains msg if {
	some [path, doc] in workloads
	not doc.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("%s: %s does not set runAsNonRoot", [path, doc.metadata.name])
}
