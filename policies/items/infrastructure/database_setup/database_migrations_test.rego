package gonogo.items.infrastructure.database_setup.database_migrations_test

import data.gonogo.items.infrastructure.database_setup.database_migrations

test_pending_without_evidence if {
	r := database_migrations.report with input as {}
	r.verdict == "pending"
}
