# METADATA
# title: "Security Scan: No critical vulnerabilities"
# description: >-
#   Checklist item 10.1.2 (10.1 Pre-Launch Checklist). Decided from scanner reports.
# custom:
#   id: "10.1.2"
#   section: "10.1 Pre-Launch Checklist"
#   severity: critical
#   criteria:
#     - "No critical vulnerabilities"
#   evidence:
#     - security.scans
#   remediation: >-
#     Provide scanner reports so gonogo can verify this item.
package gonogo.items.final.pre_launch_checklist.security_scan

import data.gonogo.items.security.vulnerability_scanning.evidence
import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["No critical vulnerabilities"] := evidence.vulnerability_criterion(
	{"image", "dependencies"},
	"vulnerability scan report (Trivy, Grype, pip-audit, npm audit or OSV-Scanner JSON)",
)
