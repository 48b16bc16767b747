package gonogo.items.infrastructure.environment_configuration.ssl_certificates_test

import data.gonogo.items.infrastructure.environment_configuration.ssl_certificates

test_pending_without_evidence if {
	r := ssl_certificates.report with input as {}
	r.verdict == "pending"
}
