package gonogo.items.security.security_hardening.input_validation_test

import data.gonogo.items.security.security_hardening.input_validation
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := input_validation.report with input as {}
	r.verdict == "pending"
}

test_passes_with_pydantic if {
	deps := fx.dependencies({"request_validation": [fx.signal_fact("pydantic", "pydantic", "requirements.txt:2")]}, {})
	r := input_validation.report with input as deps
	r.verdict == "pass"
	startswith(r.criteria[0].message, "pydantic declared: pydantic ==1.0 (requirements.txt:2)")
}

test_fails_with_other_validator_only if {
	deps := fx.dependencies({"request_validation": [fx.signal_fact("marshmallow", "marshmallow", "requirements.txt:2")]}, {})
	r := input_validation.report with input as deps
	r.verdict == "fail"
	r.criteria[0].message == "pydantic not declared (searched requirements.txt); other validation libraries: marshmallow ==1.0 (requirements.txt:2)"
}

test_fails_on_cwe20_finding_even_with_pydantic if {
	deps := fx.dependencies({"request_validation": [fx.signal_fact("pydantic", "pydantic", "requirements.txt:2")]}, {})
	finding := {"20": [{
		"tool": "codeql", "rule": "py/incomplete-url-check", "level": "warning",
		"ref": "api/routes.py:8", "report": "reports/sast.sarif",
	}]}
	r := input_validation.report with input as object.union(deps, fx.sast("codeql", [20], finding))
	r.verdict == "fail"
	contains(r.criteria[0].message, "py/incomplete-url-check api/routes.py:8 (codeql)")
}
