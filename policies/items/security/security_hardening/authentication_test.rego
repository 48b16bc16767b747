package gonogo.items.security.security_hardening.authentication_test

import data.gonogo.items.security.security_hardening.authentication
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx

test_pending_without_evidence if {
	r := authentication.report with input as {}
	r.verdict == "pending"
}

test_passes_with_totp_library if {
	r := authentication.report with input as fx.dependencies({"mfa": [fx.signal_fact("pyotp", "totp", "requirements.txt:9")]}, {})
	r.verdict == "pass"
	r.criteria[0].message == "multi-factor (TOTP or WebAuthn) declared: pyotp ==1.0 (requirements.txt:9)"
	r.criteria[0].evidence == ["requirements.txt:9"]
}

test_fails_without_mfa_library if {
	r := authentication.report with input as fx.dependencies({"mfa": []}, {})
	r.verdict == "fail"
	r.criteria[0].message == "no multi-factor (TOTP or WebAuthn) library declared (searched requirements.txt)"
}
