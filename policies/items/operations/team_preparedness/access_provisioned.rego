# METADATA
# title: "Access Provisioned: All team members have necessary access"
# description: >-
#   Checklist item 6.2.4 (6.2 Team Preparedness). Decided by a verified attestation from the
#   Engineering Lead. Where the evidence lets gonogo check part of it, it does first: the people
#   on the Terraform on-call schedules (user resources, compared by a SHA-256 of their e-mail)
#   must be members of a Grafana team when Grafana team memberships are collected, and subjects
#   of an RBAC binding when the Kubernetes bindings name users; someone missing fails. Nothing
#   measured passes it alone: what "necessary access" covers is wider than what is collected.
# custom:
#   id: "6.2.4"
#   section: "6.2 Team Preparedness"
#   severity: medium
#   criteria:
#     - "All team members have necessary access"
#   attested_by:
#     "All team members have necessary access": Engineering Lead
#   evidence:
#     - infrastructure.oncall_schedules
#     - infrastructure.teams
#     - kubernetes.rbac
#     - attestations
#   remediation: >-
#     Give every on-call person a Grafana team membership and the cluster access they need (an
#     RBAC binding for their user or group), then have the Engineering Lead attest it:
#     gonogo attest 6.2.4 --role "Engineering Lead" --statement ...
package gonogo.items.operations.team_preparedness.access_provisioned

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

_oncall contains i if {
	some s in oncall.schedules
	some i in s.member_identities
}

_grafana_teams := [t | some t in oncall.facts("teams"); t.provider == "grafana"; count(t.member_identities) > 0]

_grafana contains i if {
	some t in _grafana_teams
	some i in t.member_identities
}

_bindings := [b | some b in object.get(input, ["kubernetes", "rbac", "bindings"], {}); not b.system]

_rbac contains crypto.sha256(lower(s.name)) if {
	some b in _bindings
	some s in b.subjects
	s.kind == "User"
	is_string(s.name)
}

# Each source that can be compared: [label, members, refs].
_checks contains ["a Grafana team", _grafana, oncall.refs(_grafana_teams)] if count(_grafana) > 0

_checks contains ["an RBAC binding", _rbac, []] if count(_rbac) > 0

_missing := [sprintf("%d of %d on-call people are not in %s", [count(_oncall - members), count(_oncall), label]) |
	some [label, members, _] in _checks
	count(_oncall - members) > 0
]

_schedule_refs := [s.provenance.ref | some s in oncall.schedules; count(s.member_identities) > 0]

criteria["All team members have necessary access"] := _decided

default _decided := {"verdict": "pending", "message": "", "evidence": []}

_decided := result.fail(
	sprintf("%s (on-call people from %s)", [concat("; ", _missing), concat(", ", _schedule_refs)]),
	array.concat(_schedule_refs, [r | some [_, _, rs] in _checks; some r in rs]),
) if {
	count(_oncall) > 0
	count(_missing) > 0
} else := {
	"verdict": "pending",
	"message": sprintf(
		"all %d on-call people are in %s; the rest of their access is not visible",
		[count(_oncall), concat(" and ", [label | some [label, _, _] in _checks])],
	),
	"evidence": _schedule_refs,
} if {
	count(_oncall) > 0
	count(_checks) > 0
}
