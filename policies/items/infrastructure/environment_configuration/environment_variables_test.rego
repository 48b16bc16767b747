package gonogo.items.infrastructure.environment_configuration.environment_variables_test

import data.gonogo.items.infrastructure.environment_configuration.environment_variables

test_pending_without_evidence if {
	r := environment_variables.report with input as {}
	r.verdict == "pending"
}
