# METADATA
# title: "PCI DSS: (If processing payments)"
# description: >-
#   Checklist item 8.2.2 (8.2 Security Compliance). Decided from Terraform plans and Kubernetes
#   manifests: cardholder data encrypted (every managed database encrypted at rest), network
#   segmentation (no firewall rule opening a non-web port to the internet, no publicly
#   accessible database, every namespace with workloads isolated by NetworkPolicies), access
#   controls enforced (no IAM grant of every action or of an administrator / primitive / Owner
#   role, no cluster-admin bound to a service account, no role granting every verb on every
#   resource). Not applicable when context.processes_payments is false (attested).
# custom:
#   id: "8.2.2"
#   section: "8.2 Security Compliance"
#   severity: critical
#   criteria:
#     - "Cardholder data encrypted"
#     - "Network segmentation"
#     - "Access controls enforced"
#   evidence:
#     - infrastructure.databases
#     - infrastructure.storage
#     - infrastructure.firewall_rules
#     - infrastructure.iam_policies
#     - kubernetes.network_policies
#     - kubernetes.rbac
#   remediation: >-
#     Encrypt every data store at rest, keep databases private and non-web ports closed to the
#     internet, isolate namespaces with default-deny NetworkPolicies, and replace wildcard IAM
#     grants and cluster-admin service-account bindings with least-privilege roles.
package gonogo.items.compliance.security_compliance.pci_dss

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

criteria["Cardholder data encrypted"] := result.unless_false("processes_payments", controls.judge(
	k8s.infra_present, "a Terraform plan with the data stores", controls.data_stores,
	"data stores (no database or bucket in the Terraform plan)", controls.at_rest_problems,
	sprintf("%d data store(s) encrypted at rest", [count(controls.data_stores)]),
))

default _segmentation_collected := false

_segmentation_collected if k8s.infra_present

_segmentation_collected if k8s.present

criteria["Network segmentation"] := result.unless_false("processes_payments", controls.judge(
	_segmentation_collected, "firewall rules (Terraform plan) or NetworkPolicies (manifests)",
	controls.segmentation_facts, "firewall rules or namespaces with workloads", controls.segmentation_problems,
	sprintf("%d firewall rule set(s) and namespace(s) segmented", [count(controls.segmentation_facts)]),
))

criteria["Access controls enforced"] := result.unless_false("processes_payments", controls.judge(
	_segmentation_collected, "IAM grants (Terraform plan) or RBAC (manifests)",
	controls.access_facts, "IAM policies or RBAC roles and bindings", controls.access_problems,
	sprintf("%d IAM grant(s) and RBAC object(s) without wildcard or admin grants", [count(controls.access_facts)]),
))
