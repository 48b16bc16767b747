package gonogo.items.infrastructure.database_setup.primary_database_test

import data.gonogo.items.infrastructure.database_setup.primary_database

test_pending_without_evidence if {
	r := primary_database.report with input as {}
	r.verdict == "pending"
}
