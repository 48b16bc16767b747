# METADATA
# title: "Input Validation: Pydantic models enforced"
# description: >-
#   Checklist item 2.2.4 (2.2 Security Hardening). Decided from SAST findings (SARIF), dependency facts and an HTTP probe.
# custom:
#   id: "2.2.4"
#   section: "2.2 Security Hardening"
#   severity: high
#   criteria:
#     - "Pydantic models enforced"
#   evidence:
#     - security.dependencies
#     - security.sast
#   remediation: >-
#     Provide SAST findings (SARIF), dependency facts and an HTTP probe so gonogo can verify this item.
package gonogo.items.security.security_hardening.input_validation

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

criteria["Pydantic models enforced"] := pydantic_models

_pydantic := [f | some f in evidence.signal("request_validation"); f.package == "pydantic"]

_others := [f | some f in evidence.signal("request_validation"); f.package != "pydantic"]

default _others_text := ""

_others_text := sprintf("; other validation libraries: %s", [evidence.packages_text(_others)]) if count(_others) > 0

# METADATA
# description: >-
#   pydantic is declared and no SAST finding of improper input validation (CWE-20) exists.
pydantic_models := r if {
	r := evidence.sast_criterion([20], "input validation")
	r.verdict == "fail"
	count(evidence.sast_findings([20])) > 0
} else := result.pending("dependency manifests (the scanners collector)") if {
	not input.security.dependencies
} else := evidence.missing_with(sprintf("pydantic not declared (%s)%s", [evidence.manifests_text, _others_text]), [f.ref | some f in _others]) if {
	count(_pydantic) == 0
} else := result.pass(sprintf("pydantic declared: %s; no CWE-20 SAST finding", [evidence.packages_text(_pydantic)]), [f.ref | some f in _pydantic])
