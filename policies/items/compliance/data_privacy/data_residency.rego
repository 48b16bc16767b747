# METADATA
# title: "Data Residency: Requirements met"
# description: >-
#   Checklist item 8.1.3 (8.1 Data Privacy). The requirement is declared in gonogo.yaml
#   (context.data_residency_regions: the regions data may live in, exact names or globs such as
#   "eu-*"); the regions are measured: the terraform collector reads the region of every
#   database, bucket and Kubernetes cluster in a plan (its region or location, an availability
#   zone, an ARN, or the region of the provider configuration it uses). A data store outside the
#   allowed regions fails; one whose region the plan does not show keeps the item pending. Not
#   applicable when context.data_residency_required is false.
# custom:
#   id: "8.1.3"
#   section: "8.1 Data Privacy"
#   severity: medium
#   criteria:
#     - "Requirements met"
#   evidence:
#     - infrastructure.databases
#     - infrastructure.storage
#     - infrastructure.kubernetes_clusters
#   remediation: >-
#     Declare the allowed regions in gonogo.yaml (context.data_residency_regions) and keep every
#     database, bucket and cluster in them; set the region on the provider or the resource so the
#     plan shows it.
package gonogo.items.compliance.data_privacy.data_residency

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

allowed := [lower(r) | some r in object.get(input, ["context", "data_residency_regions"], [])]

located := object.union_n([
	k8s.infra_table(["databases"]),
	k8s.infra_table(["storage"]),
	k8s.infra_table(["kubernetes_clusters"]),
])

_region(fact) := lower(fact.region) if is_string(fact.region)

_allowed(region) if {
	some pattern in allowed
	glob.match(pattern, [], region)
}

outside contains {"message": msg, "ref": k8s.ref(f)} if {
	some f in located
	region := _region(f)
	not _allowed(region)
	msg := sprintf("%s: in %s (%s), outside %s", [f.address, region, f.region_source, concat(", ", allowed)])
}

unknown contains f.address if {
	some f in located
	not _region(f)
}

_regions := sort({_region(f) | some f in located})

_decide := result.pending("the allowed regions: context.data_residency_regions in gonogo.yaml") if {
	count(allowed) == 0
} else := result.pending("a Terraform plan with the data stores") if {
	not k8s.infra_present
} else := result.pending("databases, buckets or clusters in the Terraform plan") if {
	count(located) == 0
} else := result.fail(k8s.summary(outside), k8s.problem_refs(outside)) if {
	count(outside) > 0
} else := result.pending(sprintf("the region of %s (set region on the provider or the resource)", [concat(", ", sort(unknown))])) if {
	count(unknown) > 0
} else := result.pass(
	sprintf("%d data store(s) and cluster(s) in %s, allowed: %s", [count(located), concat(", ", _regions), concat(", ", allowed)]),
	k8s.refs(located),
)

criteria["Requirements met"] := result.unless_false("data_residency_required", _decide)
