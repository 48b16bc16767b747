package gonogo.items.security.security_hardening.sql_injection_test

import data.gonogo.items.security.security_hardening.sql_injection
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := sql_injection.report with input as {}
	r.verdict == "pending"
}

test_passes_when_sast_checks_cwe89_and_finds_nothing if {
	r := sql_injection.report with input as fx.sast("bandit", [78, 89], {})
	r.verdict == "pass"
	r.criteria[0].message == "bandit (reports/sast.sarif) check CWE-89: 0 findings"
}

test_fails_on_sql_injection_finding if {
	finding := {"tool": "bandit", "rule": "B608", "level": "warning", "ref": "app/views.py:12", "report": "reports/sast.sarif"}
	snapshot := fx.sast("bandit", [89], {"89": [finding]})
	r := sql_injection.report with input as snapshot
	r.verdict == "fail"
	r.criteria[0].message == "1 SQL injection findings (CWE-89): B608 app/views.py:12 (bandit)"
	r.criteria[0].evidence == ["app/views.py:12"]
}

test_fails_when_no_sast_tool_checks_cwe89 if {
	r := sql_injection.report with input as fx.sast("eslint", [400], {})
	r.verdict == "fail"
	contains(r.criteria[0].message, "no SAST report checks CWE-89 (eslint in reports/sast.sarif)")
}

test_fails_on_zap_sql_injection_alert if {
	alerts := {"40018": {"name": "SQL Injection", "risk": "high", "count": 1, "cwe": 89, "owasp": "A03:2021 Injection"}}
	r := sql_injection.report with input as object.union(fx.dast(alerts, []), fx.sast("bandit", [89], {}))
	r.verdict == "fail"
	contains(r.criteria[0].message, "ZAP 40018 SQL Injection (reports/zap.json)")
}

test_nothing_to_judge_without_sast_report if {
	r := sql_injection.report with input as {"security": {"sast": {"reports": {}, "by_cwe": {}}}}
	r.verdict == "pending"
	r.criteria[0].message == "no SAST report (SARIF) collected"
}
