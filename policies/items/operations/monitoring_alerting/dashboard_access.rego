# METADATA
# title: "Dashboard Access: Team has Grafana credentials"
# description: >-
#   Checklist item 6.3.2 (6.3 Monitoring & Alerting). From Grafana resources in a Terraform plan:
#   a grafana_team with members (listed, or synced from an external group) that a
#   grafana_folder_permission or grafana_dashboard_permission grants View, Edit or Admin. A team
#   without members, or permissions that grant no team, fail.
# custom:
#   id: "6.3.2"
#   section: "6.3 Monitoring & Alerting"
#   severity: low
#   criteria:
#     - "Team has Grafana credentials"
#   evidence:
#     - infrastructure.teams
#     - infrastructure.dashboard_permissions
#   remediation: >-
#     Manage the team in Grafana with Terraform: a grafana_team with its members (or
#     grafana_team_external_group for SSO), and a grafana_folder_permission granting the team
#     View or Edit on the service's dashboard folder.
package gonogo.items.operations.monitoring_alerting.dashboard_access

import data.gonogo.items.operations.lib.oncall
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_teams[address] := t if {
	some address, t in oncall.facts("teams")
	t.provider == "grafana"
}

_permissions := [p | some p in oncall.facts("dashboard_permissions")]

_peopled(t) if t.members > 0

_peopled(t) if t.external_groups > 0

_granted := [{"team": _teams[address], "permission": p} |
	some p in _permissions
	some address in p.teams
	_peopled(_teams[address])
]

_describe(g) := sprintf("Grafana team %q (%s, %d members, %d synced groups) has %s on a %s (%s)", [
	oncall.name(g.team), g.team.provenance.ref, g.team.members, g.team.external_groups,
	_levels(g.permission), g.permission.target, g.permission.provenance.ref,
])

_levels(p) := concat("/", sort({g.permission | some g in p.grants; g.subject == "team"}))

_problems := array.concat(
	[sprintf("Grafana team %q (%s) has no members and no synced group", [oncall.name(t), t.provenance.ref]) |
		some t in _teams
		not _peopled(t)
	],
	[sprintf("%s permission %s grants no team (only %s)", [p.target, p.provenance.ref, concat(", ", sort({g.subject | some g in p.grants}))]) |
		some p in _permissions
		count(p.teams) == 0
	],
)

_no_grant := [sprintf("Grafana team %q (%s) is granted no folder or dashboard", [oncall.name(t), t.provenance.ref]) |
	some t in _teams
	_peopled(t)
]

criteria["Team has Grafana credentials"] := result.pass(
	concat("; ", [_describe(g) | some g in _granted]),
	array.concat([g.team.provenance.ref | some g in _granted], [g.permission.provenance.ref | some g in _granted]),
) if {
	count(_granted) > 0
} else := result.fail(
	concat("; ", array.concat(_problems, _no_grant)),
	array.concat(oncall.refs(_teams), oncall.refs(_permissions)),
) if {
	count(_teams) + count(_permissions) > 0
} else := result.pending("Grafana teams and folder permissions (grafana_team, grafana_folder_permission in a Terraform plan)")
