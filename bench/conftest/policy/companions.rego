# Criteria over the whole set of files: HPA, PDB and NetworkPolicy present; Ingress TLS.
package main

kinds contains f.contents.kind if {
	some f in input
}

deny contains msg if {
	some kind in ["HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"]
	not kind in kinds
	msg := sprintf("no %s in the files", [kind])
}

deny contains msg if {
	some f in input
	f.contents.kind == "Ingress"
	count(object.get(f.contents, ["spec", "tls"], [])) == 0
	msg := sprintf("%s: Ingress %s has no TLS", [f.path, f.contents.metadata.name])
}
