package gonogo.items.infrastructure.environment_configuration.production_environment_test

import data.gonogo.items.infrastructure.environment_configuration.production_environment

test_pending_without_evidence if {
	r := production_environment.report with input as {}
	r.verdict == "pending"
}
