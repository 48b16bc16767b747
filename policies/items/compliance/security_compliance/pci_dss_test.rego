package gonogo.items.compliance.security_compliance.pci_dss_test

import data.gonogo.items.compliance.security_compliance.pci_dss

test_not_applicable_when_context_says_no if {
	r := pci_dss.report with input as {"context": {"processes_payments": false}}
	r.verdict == "not_applicable"
	some c in r.criteria
	c.message == "context.processes_payments is false in gonogo.yaml"
}

test_pending_when_context_says_yes if {
	r := pci_dss.report with input as {"context": {"processes_payments": true}}
	r.verdict == "pending"
}

test_applies_when_context_is_unknown if {
	r := pci_dss.report with input as {}
	r.verdict == "pending"
}
