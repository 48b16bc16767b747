package gonogo.items.compliance.security_compliance.pci_dss_test

import data.gonogo.items.compliance.security_compliance.pci_dss

test_pending_without_evidence if {
	r := pci_dss.report with input as {}
	r.verdict == "pending"
}
