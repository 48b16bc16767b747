package gonogo.items.security.security_hardening.encryption_at_rest_test

import data.gonogo.items.security.security_hardening.encryption_at_rest as ear

_db(encrypted) := {
	"address": "aws_db_instance.main",
	"type": "aws_db_instance",
	"engine": "postgresql",
	"storage_encrypted": encrypted,
	"provenance": {"ref": "plan.json:aws_db_instance.main"},
}

test_pending_without_evidence if {
	r := ear.report with input as {}
	r.verdict == "pending"
}

test_encrypted_database_passes if {
	r := ear.report with input as {"infrastructure": {"databases": {"aws_db_instance.main": _db(true)}}}
	r.verdict == "pass"
	r.criteria[0].evidence == ["plan.json:aws_db_instance.main"]
}

test_unencrypted_database_fails if {
	r := ear.report with input as {"infrastructure": {"databases": {"aws_db_instance.main": _db(false)}}}
	r.verdict == "fail"
	r.criteria[0].message == "aws_db_instance.main (aws_db_instance postgresql): storage encryption false"
}

test_plan_without_database_is_nothing_to_judge if {
	r := ear.report with input as {"infrastructure": {"databases": {}}}
	r.verdict == "pending"
	r.criteria[0].message == "no managed database in the Terraform plan collected"
}
