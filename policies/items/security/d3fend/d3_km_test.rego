package gonogo.items.security.d3fend.d3_km_test

import data.gonogo.items.security.d3fend.d3_km
import data.gonogo.lib.testing

test_pending_without_evidence if {
	r := d3_km.report with input as {}
	r.verdict == "pending"
}

_prov(address) := {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])}

_fact(address, fields) := {address: object.union({"address": address, "type": split(address, ".")[0], "provenance": _prov(address)}, fields)}

_kms(fields) := _fact("aws_kms_key.data", object.union(
	{"store": "aws-kms", "hsm": false, "rotation_enabled": true, "rotation_days": 365, "public_policy": false, "imported_material": false},
	fields,
))

_hsm := _fact("aws_cloudhsm_v2_cluster.keys", {"store": "aws-cloudhsm", "hsm": true, "rotation_enabled": null, "rotation_days": null})

_secret(days) := _fact("aws_secretsmanager_secret.db", {"store": "aws-secrets-manager", "rotation_days": days, "rotation": "rotation_rules"})

_input(secrets, keys) := {"infrastructure": {"secrets": secrets, "keys": keys}}

test_passes_with_rotated_secrets_rotated_keys_and_an_hsm if {
	r := d3_km.report with input as _input(_secret(30), object.union(_kms({}), _hsm))
	r.verdict == "pass"
	testing.all_criteria(r, "pass")
	contains(testing.criterion(r, "HSM integration ready").message, "aws_cloudhsm_v2_cluster.keys (aws-cloudhsm)")
}

test_fails_a_secret_rotating_less_often_than_30_days if {
	r := d3_km.report with input as _input(_secret(90), _kms({}))
	c := testing.criterion(r, "Secret rotation automated (30-day cycle)")
	c.verdict == "fail"
	c.message == "aws_secretsmanager_secret.db (aws-secrets-manager): rotates every 90 days > 30"
	c.evidence == ["plan.json:aws_secretsmanager_secret.db"]
}

test_threshold_from_gonogo_yaml if {
	r := d3_km.report with input as object.union(_input(_secret(90), _kms({})), {"settings": {"thresholds": {"secrets.rotation_max_days": 90}}})
	testing.verdict(r, "Secret rotation automated (30-day cycle)") == "pass"
}

test_fails_a_secret_without_rotation if {
	r := d3_km.report with input as _input(_secret(null), {})
	contains(testing.criterion(r, "Secret rotation automated (30-day cycle)").message, "no automatic rotation")
	testing.verdict(r, "Encryption keys stored securely") == "pending"
	testing.verdict(r, "HSM integration ready") == "pending"
}

test_fails_keys_without_rotation_or_with_a_public_policy_and_no_hsm if {
	r := d3_km.report with input as _input({}, _kms({"rotation_enabled": false, "public_policy": true}))
	c := testing.criterion(r, "Encryption keys stored securely")
	c.verdict == "fail"
	contains(c.message, "automatic key rotation off")
	contains(c.message, "grants kms:* to any principal")
	h := testing.criterion(r, "HSM integration ready")
	h.verdict == "fail"
	h.message == "aws_kms_key.data (aws-kms): not HSM-backed"
	testing.verdict(r, "Secret rotation automated (30-day cycle)") == "pending"
}

test_pending_when_the_plan_has_no_key_management_resources if {
	r := d3_km.report with input as _input({}, {})
	r.verdict == "pending"
	contains(testing.criterion(r, "Encryption keys stored securely").message, "in the Terraform plan")
}
