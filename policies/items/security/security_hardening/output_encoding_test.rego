package gonogo.items.security.security_hardening.output_encoding_test

import data.gonogo.items.security.security_hardening.output_encoding
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := output_encoding.report with input as {}
	r.verdict == "pending"
}

test_passes_with_escaping_engine_and_sast if {
	deps := fx.dependencies({"template_engine": [fx.signal_fact("django", "autoescape on by default", "requirements.txt:1")]}, {})
	r := output_encoding.report with input as object.union(deps, fx.sast("bandit", [79, 116], {}))
	r.verdict == "pass"
	contains(r.criteria[0].message, "template engines escaping by default: django ==1.0 (requirements.txt:1)")
	contains(r.criteria[0].message, "SAST checks CWE-79/116: bandit (reports/sast.sarif)")
}

test_fails_when_autoescape_disabled_in_code if {
	deps := fx.dependencies(
		{"template_engine": [fx.signal_fact("jinja2", "autoescape off unless configured", "requirements.txt:1")]},
		{"autoescape_disabled": [{"pattern": "autoescape=False", "ref": "app/views.py:17"}]},
	)
	r := output_encoding.report with input as deps
	r.verdict == "fail"
	r.criteria[0].message == "auto-escaping bypassed: autoescape=False at app/views.py:17"
	r.criteria[0].evidence == ["app/views.py:17"]
}

test_fails_when_nothing_shows_escaping if {
	deps := fx.dependencies({"template_engine": [fx.signal_fact("jinja2", "autoescape off unless configured", "requirements.txt:1")]}, {})
	r := output_encoding.report with input as deps
	r.verdict == "fail"
	startswith(r.criteria[0].message, "nothing shows auto-escaping")
}
