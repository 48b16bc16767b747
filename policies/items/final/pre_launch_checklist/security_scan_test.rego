package gonogo.items.final.pre_launch_checklist.security_scan_test

import data.gonogo.items.final.pre_launch_checklist.security_scan
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := security_scan.report with input as {}
	r.verdict == "pending"
}

test_passes_without_critical_vulnerabilities if {
	reports := {
		"reports/trivy.json": fx.vuln_report("trivy", "image", {"high": 1, "low": 3}, []),
		"reports/npm.json": fx.vuln_report("npm-audit", "dependencies", {"medium": 1}, []),
	}
	r := security_scan.report with input as fx.scans(reports)
	r.verdict == "pass"
	contains(r.criteria[0].message, "1 high, 3 low")
	count(r.criteria[0].evidence) == 2
}

test_fails_with_a_critical_vulnerability_and_an_expired_ignore if {
	report := object.union(
		fx.vuln_report("grype", "dependencies", {"critical": 1}, [{"id": "GHSA-4w2v-q235-vp99", "package": "axios", "severity": "critical"}]),
		{"expired_ignores": [{"id": "GHSA-4w2v-q235-vp99", "package": "axios", "expired": "2026-01-01"}]},
	)
	r := security_scan.report with input as fx.scans({"reports/grype.json": report})
	r.verdict == "fail"
	contains(r.criteria[0].message, "grype of grype-target (reports/grype.json): 1 at or above critical (GHSA-4w2v-q235-vp99 axios)")
	contains(r.criteria[0].message, "ignore of GHSA-4w2v-q235-vp99 expired 2026-01-01")
	r.criteria[0].evidence == ["reports/grype.json"]
}

test_nothing_to_judge_without_reports if {
	r := security_scan.report with input as fx.scans({})
	r.verdict == "pending"
	endswith(r.criteria[0].message, " collected")
}
