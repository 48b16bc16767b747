# METADATA
# title: "HIPAA: (If healthcare data)"
# description: >-
#   Checklist item 8.2.3 (8.2 Security Compliance). Decided from Terraform plans: PHI encryption
#   validated (every managed database encrypted at rest, and every load-balancer listener and
#   CDN distribution encrypting traffic in transit), access logging enabled (every bucket logs
#   access, itself or through CloudTrail / Cloud Audit data events, and every RDS, Aurora and
#   Cloud SQL database exports its logs). BAA agreements are a human act: a verified
#   attestation by the Security Lead decides them. Not applicable when context.handles_phi is
#   false (attested).
# custom:
#   id: "8.2.3"
#   section: "8.2 Security Compliance"
#   severity: critical
#   criteria:
#     - "PHI encryption validated"
#     - "Access logging enabled"
#     - "BAA agreements signed"
#   attested_by:
#     "BAA agreements signed": Security Lead
#   evidence:
#     - infrastructure.databases
#     - infrastructure.storage
#     - infrastructure.lb_listeners
#     - infrastructure.cdn
#     - infrastructure.audit_trails
#   remediation: >-
#     Encrypt PHI stores at rest and serve only TLS, turn on bucket access logs (or CloudTrail
#     data events) and database log exports, and have the Security Lead attest the signed BAAs
#     (gonogo attest 8.2.3 --role "Security Lead").
package gonogo.items.compliance.security_compliance.hipaa

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

_encryption := result.pending("a Terraform plan with the PHI data stores and their listeners") if {
	not k8s.infra_present
} else := result.pending("in-transit evidence: a load-balancer listener or CDN distribution in the Terraform plan") if {
	count(controls.data_stores) > 0
	count(controls.transit_facts) == 0
} else := controls.judge(
	true, "", controls.data_stores,
	"data stores (no database or bucket in the Terraform plan)",
	controls.at_rest_problems | controls.transit_problems,
	sprintf("%d data store(s) encrypted at rest; %d listener(s)/CDN(s) encrypt in transit", [
		count(controls.data_stores), count(controls.transit_facts),
	]),
)

criteria["PHI encryption validated"] := result.unless_false("handles_phi", _encryption)

criteria["Access logging enabled"] := result.unless_false("handles_phi", controls.judge(
	k8s.infra_present, "a Terraform plan with the PHI data stores", controls.logging_facts,
	"buckets or databases (none in the Terraform plan)", controls.logging_problems,
	sprintf("access logged for %d bucket(s) and database(s)", [count(controls.logging_facts)]),
))

criteria["BAA agreements signed"] := result.unless_false("handles_phi", result.pending("signed business associate agreements"))
