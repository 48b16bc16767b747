# METADATA
# title: "Image Tags: every image pinned to a version or a digest"
# description: >-
#   gonogo's own item G.1.4. Every container image - init containers and Jobs included - names
#   a version tag other than latest, or a digest (`@sha256:...`, the strongest pin). An untagged
#   image is pulled as :latest, and :latest moves: the same manifest deploys different code from
#   one day to the next, and a rollback does not roll back (kube-score container-image-tag,
#   Polaris tagNotSpecified, Checkov CKV_K8S_14). A finding is cited at the image line.
# custom:
#   id: "G.1.4"
#   section: "G.1 Workload Hygiene"
#   section_title: "gonogo's Own Checks"
#   severity: high
#   criteria:
#     - "No :latest or untagged images"
#   evidence:
#     - kubernetes.workloads
#   remediation: >-
#     Pin every image to an immutable version tag (registry/app:1.4.2) or, better, to its digest
#     (registry/app@sha256:...), and let the deploy pipeline bump it.
package gonogo.items.gonogo_checks.workload_hygiene.image_tags

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result
import data.gonogo.lib.workloads

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

subjects[key] := w if {
	some key, w in k8s.table(["workloads"])
	count(w.containers) > 0
}

problems contains {"message": msg, "ref": ref} if {
	some [_, w, c] in workloads.all_containers
	reason := _unpinned(c)
	ref := workloads.field(w, c, "image")
	msg := sprintf("%s (%s): %s", [workloads.container_label(w, c), ref, reason])
}

_unpinned(c) := "no image" if c.image == ""

_unpinned(c) := sprintf("image %s has no tag (pulled as :latest)", [c.image]) if {
	c.image != ""
	c.image_ref.tag == null
	c.image_ref.digest == null
}

_unpinned(c) := sprintf("image %s uses the moving tag latest", [c.image]) if {
	c.image_ref.tag == "latest"
	c.image_ref.digest == null
}

criteria["No :latest or untagged images"] := workloads.decide(
	"workloads from manifests or a live cluster", "workload with containers", subjects, problems,
	sprintf("%d workloads: every image pinned to a version tag or a digest", [count(subjects)]),
)
