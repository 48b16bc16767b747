package gonogo.items.operations.team_preparedness.access_provisioned_test

import data.gonogo.items.operations.team_preparedness.access_provisioned
import data.gonogo.lib.testing

_alice := crypto.sha256("alice@shop.example")

_bob := crypto.sha256("bob@shop.example")

_ref(address) := {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])}

snapshot(grafana_members, rbac_users) := {
	"infrastructure": {
		"plans": {"plan.json": {}},
		"oncall_schedules": {"pagerduty_schedule.primary": {
			"address": "pagerduty_schedule.primary", "provider": "pagerduty", "name": "primary", "people": 2,
			"layers": [], "member_identities": [_alice, _bob], "provenance": _ref("pagerduty_schedule.primary"),
		}},
		"teams": {"grafana_team.oncall": {
			"address": "grafana_team.oncall", "provider": "grafana", "name": "oncall", "members": count(grafana_members),
			"member_identities": grafana_members, "external_groups": 0, "provenance": _ref("grafana_team.oncall"),
		}},
	},
	"kubernetes": {"rbac": {"bindings": {"RoleBinding/shop/oncall": {
		"kind": "RoleBinding", "role": {"kind": "Role", "name": "debug"}, "system": false,
		"subjects": [{"kind": "User", "name": u, "namespace": null} | some u in rbac_users],
	}}}},
}

test_fails_when_an_on_call_person_is_in_no_grafana_team if {
	r := access_provisioned.report with input as snapshot([_alice], [])
	r.verdict == "fail"
	c := testing.criterion(r, "All team members have necessary access")
	c.message == "1 of 2 on-call people are not in a Grafana team (on-call people from plan.json:pagerduty_schedule.primary)"
	"plan.json:grafana_team.oncall" in c.evidence
}

test_fails_when_an_on_call_person_has_no_rbac_binding if {
	r := access_provisioned.report with input as snapshot([_alice, _bob], ["Alice@shop.example"])
	r.verdict == "fail"
	contains(testing.criterion(r, "All team members have necessary access").message, "1 of 2 on-call people are not in an RBAC binding")
}

test_pending_when_everyone_checked_has_access_until_attested if {
	r := access_provisioned.report with input as snapshot([_alice, _bob], ["alice@shop.example", "bob@shop.example"])
	r.verdict == "pending"
	c := testing.criterion(r, "All team members have necessary access")
	msg := c.message
	startswith(msg, "all 2 on-call people are in a Grafana team and an RBAC binding; the rest of their access is not visible")
	contains(msg, "not visible, or an attestation by the Engineering Lead")
}

test_passes_with_the_engineering_lead_attestation if {
	snapshot_ := object.union(snapshot([_alice, _bob], []), testing.attested("6.2.4", "Engineering Lead", {}))
	r := access_provisioned.report with input as snapshot_
	r.verdict == "pass"
	testing.criterion(r, "All team members have necessary access").assurance == "attested"
}

test_a_measured_gap_is_not_overridden_by_an_attestation if {
	snapshot_ := object.union(snapshot([_alice], []), testing.attested("6.2.4", "Engineering Lead", {}))
	r := access_provisioned.report with input as snapshot_
	r.verdict == "fail"
}

test_pending_without_evidence if {
	r := access_provisioned.report with input as {}
	r.verdict == "pending"
	testing.criterion(r, "All team members have necessary access").message == "needs an attestation by the Engineering Lead covering 6.2.4 or 6.2.4#1"
}
