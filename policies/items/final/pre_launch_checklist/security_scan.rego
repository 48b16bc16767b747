# METADATA
# title: "Security Scan: No critical vulnerabilities"
# description: >-
#   Checklist item 10.1.2 (10.1 Pre-Launch Checklist). Decided from every vulnerability report (image
#   and dependencies): none may hold a finding at or above security.vulnerability_block_severity
#   (default critical) that is not ignored with a live expiry.
# custom:
#   id: "10.1.2"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "No critical vulnerabilities"
#   evidence:
#     - security.scans
#   remediation: >-
#     Fix the blocking vulnerabilities, or record a time-boxed decision under vulnerabilities.ignore in
#     gonogo.yaml (id, reason, expires).
package gonogo.items.final.pre_launch_checklist.security_scan

import data.gonogo.items.security.vulnerability_scanning.evidence
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

criteria["No critical vulnerabilities"] := evidence.vulnerability_criterion(
	{"image", "dependencies"},
	"vulnerability scan report (Trivy, Grype, Snyk, pip-audit, npm audit or OSV-Scanner JSON)",
)
