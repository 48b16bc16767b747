# METADATA
# title: "CDN: Static assets cached (if applicable)"
# description: >-
#   Checklist item 4.3.3 (4.3 Networking). CDN distributions come from the Terraform plan
#   (CloudFront, Cloud CDN backends, Azure CDN/Front Door); a distribution must be enabled and
#   cache (not the CachingDisabled policy, or a positive TTL). Not applicable when
#   context.uses_cdn is false.
# custom:
#   id: "4.3.3"
#   section: "4.3 Networking"
#   severity: medium
#   criteria:
#     - "Static assets cached (if applicable)"
#   evidence:
#     - infrastructure.cdn
#   remediation: >-
#     Serve static assets through a CDN distribution with caching enabled, or set
#     context.uses_cdn to false.
package gonogo.items.infrastructure.networking.cdn

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

problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in distributions
	d.enabled == false
	msg := sprintf("%s: distribution disabled", [d.address])
}

problems contains {"message": msg, "ref": k8s.ref(d)} if {
	some d in distributions
	not d.caches
	msg := sprintf("%s: default behavior does not cache (CachingDisabled or TTL 0)", [d.address])
}

criteria["Static assets cached (if applicable)"] := result.unless_false("uses_cdn", k8s.judge(
	k8s.infra_present, "a Terraform plan with the CDN distribution", distributions,
	"CDN distribution (CloudFront, Cloud CDN, Azure CDN)",
	problems, sprintf("%d CDN distribution(s) caching", [count(distributions)]),
))
