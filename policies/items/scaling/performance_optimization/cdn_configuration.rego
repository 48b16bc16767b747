# METADATA
# title: "CDN Configuration: Static assets cached"
# description: >-
#   Checklist item 7.2.3 (7.2 Performance Optimization). Decided from the CDN distributions of
#   Terraform plans (CloudFront, Cloud CDN backends, Azure CDN / Front Door), the facts 4.3.3
#   reads: every distribution is enabled and its default behaviour caches (a cache policy other
#   than CachingDisabled, or a default or maximum TTL above 0). Pending when the plan holds no
#   distribution; not applicable when context.uses_cdn is false.
# custom:
#   id: "7.2.3"
#   section: "7.2 Performance Optimization"
#   severity: medium
#   criteria:
#     - "Static assets cached"
#   evidence:
#     - infrastructure.cdn
#   remediation: >-
#     Serve static assets through a CDN distribution whose cache behaviours cache (a caching cache
#     policy or TTLs above 0), or set context.uses_cdn to false.
package gonogo.items.scaling.performance_optimization.cdn_configuration

import data.gonogo.items.compliance.lib.controls
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

distributions := k8s.infra_table(["cdn"])

problems contains {"message": sprintf("%s: distribution disabled", [d.address]), "ref": k8s.ref(d)} if {
	some d in distributions
	d.enabled == false
}

problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in distributions
	not d.caches
	msg := sprintf("%s: default cache behaviour does not cache (CachingDisabled or TTL 0)", [d.address])
}

criteria["Static assets cached"] := result.unless_false("uses_cdn", controls.judge(
	k8s.infra_present, "a Terraform plan with the CDN distribution", distributions,
	"a CDN distribution in the Terraform plan (CloudFront, Cloud CDN, Azure CDN), or context.uses_cdn: false",
	problems,
	sprintf("%d CDN distribution(s) caching: %s", [count(distributions), concat(", ", sort({d.address | some d in distributions}))]),
))
