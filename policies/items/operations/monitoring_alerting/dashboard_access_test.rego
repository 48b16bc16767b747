package gonogo.items.operations.monitoring_alerting.dashboard_access_test

import data.gonogo.items.operations.monitoring_alerting.dashboard_access
import data.gonogo.lib.testing

_ref(address) := {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])}

team(members, groups) := {"grafana_team.oncall": {
	"address": "grafana_team.oncall", "provider": "grafana", "name": "oncall", "members": members,
	"member_identities": [], "external_groups": groups, "provenance": _ref("grafana_team.oncall"),
}}

permission(teams, grants) := {"grafana_folder_permission.shop": {
	"address": "grafana_folder_permission.shop", "provider": "grafana", "target": "folder",
	"grants": grants, "teams": teams, "provenance": _ref("grafana_folder_permission.shop"),
}}

_team_edit := [{"subject": "team", "role": null, "permission": "Edit"}]

snapshot(teams, permissions) := {"infrastructure": {"plans": {"plan.json": {}}, "teams": teams, "dashboard_permissions": permissions}}

test_passes_when_a_team_with_members_is_granted_a_folder if {
	r := dashboard_access.report with input as snapshot(team(3, 0), permission(["grafana_team.oncall"], _team_edit))
	r.verdict == "pass"
	msg := testing.criterion(r, "Team has Grafana credentials").message
	startswith(msg, `Grafana team "oncall" (plan.json:grafana_team.oncall, 3 members, 0 synced groups) has Edit on a folder`)
	endswith(msg, "(plan.json:grafana_folder_permission.shop)")
}

test_passes_with_a_team_synced_from_sso if {
	r := dashboard_access.report with input as snapshot(team(0, 1), permission(["grafana_team.oncall"], _team_edit))
	r.verdict == "pass"
}

test_fails_when_the_team_has_no_members if {
	r := dashboard_access.report with input as snapshot(team(0, 0), permission(["grafana_team.oncall"], _team_edit))
	r.verdict == "fail"
	msg := testing.criterion(r, "Team has Grafana credentials").message
	contains(msg, `Grafana team "oncall" (plan.json:grafana_team.oncall) has no members and no synced group`)
}

test_fails_when_permissions_grant_only_users if {
	r := dashboard_access.report with input as snapshot(team(2, 0), permission([], [{"subject": "user", "role": null, "permission": "Admin"}]))
	r.verdict == "fail"
	m := testing.criterion(r, "Team has Grafana credentials").message
	contains(m, "folder permission plan.json:grafana_folder_permission.shop grants no team (only user)")
	contains(m, `Grafana team "oncall" (plan.json:grafana_team.oncall) is granted no folder or dashboard`)
}

test_pending_without_evidence if {
	r := dashboard_access.report with input as {}
	r.verdict == "pending"
}

test_pending_when_the_plan_has_no_grafana_resources if {
	r := dashboard_access.report with input as snapshot({}, {})
	r.verdict == "pending"
}
