# METADATA
# title: "Encryption in Transit: TLS 1.3 mandatory"
# description: >-
#   Checklist item 2.2.9 (2.2 Security Hardening). Decided from a TLS probe of the endpoint (--probe URL)
#   or, without one, from SSLyze scans of it (sslyze --json_out, read by the scanners collector).
# custom:
#   id: "2.2.9"
#   section: "2.2 Security Hardening"
#   severity: critical
#   criteria:
#     - "TLS 1.3 mandatory"
#   evidence:
#     - security.probe
#     - security.scans
#   remediation: >-
#     Refuse TLS 1.2 and older at the endpoint (ingress-nginx ssl-protocols "TLSv1.3", an ALB
#     ELBSecurityPolicy-TLS13-1-3 policy), and give gonogo a probe (--probe URL) or an SSLyze scan.
package gonogo.items.security.security_hardening.encryption_in_transit

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

criteria["TLS 1.3 mandatory"] := evidence.tls_criterion
