"""Facts from incident-operations resources: on-call schedules, escalation policies, alerting
integrations, teams, dashboard permissions, status pages, chat contact points, maintenance
windows and issue trackers (PagerDuty, Opsgenie, Grafana, Atlassian Statuspage, Better Stack,
Slack and Jira providers).

Each extractor takes a resource's redacted `after` values and returns (section table, fact).
Credentials are never read: not an integration key, API key, webhook URL or token (most are
marked sensitive and already null; the extractors do not look at them either). People are not
named: a user resource's e-mail is kept only as `identity`, a SHA-256 of the lower-cased
address, so that an on-call person can be matched with a Grafana team member or an RBAC subject
without the snapshot holding the address. Times are normalised to UTC `YYYY-MM-DDTHH:MM:SSZ`
(None when unparseable), so a policy never parses a provider's format.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

OPERATIONS_KEYS = (
    "oncall_schedules",
    "escalation_policies",
    "alert_integrations",
    "oncall_people",
    "teams",
    "dashboard_permissions",
    "status_pages",
    "contact_points",
    "maintenance_windows",
    "issue_trackers",
)

Extractor = Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]


def identity(address: Any) -> str | None:
    """SHA-256 of a lower-cased e-mail or login: comparable, but not the address itself."""
    if not isinstance(address, str) or not address.strip():
        return None
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def utc(value: Any) -> str | None:
    """An RFC 3339 / ISO 8601 time as UTC `YYYY-MM-DDTHH:MM:SSZ`; a naive time is taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def blocks(values: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """A repeated nested block (Terraform JSON holds blocks as lists of objects)."""
    value = values.get(name)
    if isinstance(value, dict):
        return [value]
    return [b for b in value if isinstance(b, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _entries(value: Any) -> int:
    """Entries of a list whose values may be unknown at plan time (null), each one person."""
    return len(value) if isinstance(value, list) else 0


def pagerduty_schedule(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    layers = []
    for layer in blocks(v, "layer"):
        layers.append(
            {
                "name": layer.get("name"),
                "start": utc(layer.get("start")),
                "end": utc(layer.get("end")),
                "turn_seconds": layer.get("rotation_turn_length_seconds"),
                "participants": _entries(layer.get("users")),
                "restricted": bool(blocks(layer, "restriction")),
            }
        )
    ids = {u for layer in blocks(v, "layer") for u in _strings(layer.get("users"))}
    return "oncall_schedules", {
        "provider": "pagerduty",
        "name": v.get("name"),
        "time_zone": v.get("time_zone"),
        "layers": layers,
        "known_people": sorted(ids),
    }


def opsgenie_schedule(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "oncall_schedules", {
        "provider": "opsgenie",
        "name": v.get("name"),
        "time_zone": v.get("timezone"),
        "enabled": v.get("enabled"),
        "layers": [],
        "known_people": [],
    }


def opsgenie_schedule_rotation(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A rotation is a layer of the schedule it names; link_operations folds it in."""
    participants = blocks(v, "participant")
    return "oncall_schedules", {
        "provider": "opsgenie",
        "aux": "rotation",
        "schedule_id": v.get("schedule_id") if isinstance(v.get("schedule_id"), str) else None,
        "layer": {
            "name": v.get("name"),
            "start": utc(v.get("start_date")),
            "end": utc(v.get("end_date")),
            "turn_seconds": None,
            "participants": sum(1 for p in participants if p.get("type") != "none"),
            "restricted": bool(blocks(v, "time_restriction")),
        },
        "known_people": sorted(
            {str(p["id"]) for p in participants if p.get("type") == "user" and isinstance(p.get("id"), str)}
        ),
    }


def pagerduty_escalation_policy(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    rules = blocks(v, "rule")
    targets = [t for rule in rules for t in blocks(rule, "target")]
    return "escalation_policies", {
        "provider": "pagerduty",
        "name": v.get("name"),
        "levels": len(rules),
        "targets": len(targets),
        "target_types": sorted({str(t.get("type") or "user_reference") for t in targets}),
        "loops": v.get("num_loops"),
    }


def opsgenie_escalation(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    rules = blocks(v, "rules")
    recipients = [r for rule in rules for r in blocks(rule, "recipient")]
    return "escalation_policies", {
        "provider": "opsgenie",
        "name": v.get("name"),
        "levels": len(rules),
        "targets": len(recipients),
        "target_types": sorted({str(r.get("type")) for r in recipients if r.get("type")}),
        "loops": None,
    }


def integration(provider: str, kind_field: str) -> Extractor:
    """An inbound alerting integration; its key (sensitive, computed) is never read."""

    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "alert_integrations", {
            "provider": provider,
            "name": v.get("name"),
            "kind": v.get(kind_field) if isinstance(v.get(kind_field), str) else None,
            "enabled": v.get("enabled") if isinstance(v.get("enabled"), bool) else True,
        }

    return extract


def person(provider: str, field: str) -> Extractor:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "oncall_people", {"provider": provider, "identity": identity(v.get(field))}

    return extract


def grafana_team(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    members = [m for m in (identity(e) for e in _strings(v.get("members"))) if m]
    synced = [g for s in blocks(v, "team_sync") for g in _strings(s.get("groups"))]
    return "teams", {
        "provider": "grafana",
        "name": v.get("name"),
        "members": len(members),
        "member_identities": sorted(set(members)),
        "external_groups": len(synced),
    }


def opsgenie_team(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "teams", {
        "provider": "opsgenie",
        "name": v.get("name"),
        "members": len(blocks(v, "member")),
        "member_identities": [],
        "external_groups": 0,
    }


def pagerduty_team(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "teams", {
        "provider": "pagerduty",
        "name": v.get("name"),
        "members": 0,
        "member_identities": [],
        "external_groups": 0,
    }


def team_companion(kind: str) -> Extractor:
    """pagerduty_team_membership / grafana_team_external_group: folded into their team."""

    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        groups = _strings(v.get("groups"))
        return "teams", {"aux": kind, "groups": len(groups)}

    return extract


def dashboard_permission(target: str) -> Extractor:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        grants = []
        for item in blocks(v, "permissions"):
            user, role = item.get("user_id"), item.get("role")
            subject = "role" if role else "user" if user not in (None, "", "0") else "team"
            grants.append({"subject": subject, "role": role or None, "permission": item.get("permission")})
        return "dashboard_permissions", {"provider": "grafana", "target": target, "grants": grants}

    return extract


def status_page(provider: str, kind: str, name_field: str = "name") -> Extractor:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        public: Any = None
        if isinstance(v.get("is_public"), bool):
            public = v["is_public"]
        elif isinstance(v.get("password_enabled"), bool):
            public = not v["password_enabled"]
        return "status_pages", {
            "provider": provider,
            "kind": kind,
            "name": v.get(name_field) if isinstance(v.get(name_field), str) else None,
            "public": public,
            "components": 0,
        }

    return extract


# grafana_contact_point blocks, by the channel type they notify.
CONTACT_BLOCKS = {
    "slack": "slack",
    "teams": "msteams",
    "email": "email",
    "pagerduty": "pagerduty",
    "opsgenie": "opsgenie",
    "webhook": "webhook",
    "discord": "discord",
    "googlechat": "googlechat",
    "telegram": "telegram",
    "oncall": "grafana_oncall",
}


def grafana_contact_point(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    found = sorted({kind for name, kind in CONTACT_BLOCKS.items() if blocks(v, name)})
    return "contact_points", {"provider": "grafana", "name": v.get("name"), "integrations": found}


def slack_conversation(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "contact_points", {
        "provider": "slack",
        "name": v.get("name"),
        "integrations": ["slack"],
    }


def pagerduty_maintenance_window(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "maintenance_windows", {
        "provider": "pagerduty",
        "summary": v.get("description") if isinstance(v.get("description"), str) else None,
        "start": utc(v.get("start_time")),
        "end": utc(v.get("end_time")),
    }


def jira_project(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "issue_trackers", {
        "provider": "jira",
        "name": v.get("name"),
        "key": v.get("key"),
        "kind": v.get("project_type_key"),
    }


OPERATIONS_EXTRACTORS: dict[str, Extractor] = {
    "pagerduty_schedule": pagerduty_schedule,
    "opsgenie_schedule": opsgenie_schedule,
    "opsgenie_schedule_rotation": opsgenie_schedule_rotation,
    "pagerduty_escalation_policy": pagerduty_escalation_policy,
    "opsgenie_escalation": opsgenie_escalation,
    "pagerduty_service_integration": integration("pagerduty", "type"),
    "opsgenie_api_integration": integration("opsgenie", "type"),
    "opsgenie_email_integration": integration("opsgenie", "type"),
    "pagerduty_user": person("pagerduty", "email"),
    "opsgenie_user": person("opsgenie", "username"),
    "grafana_user": person("grafana", "email"),
    "grafana_team": grafana_team,
    "opsgenie_team": opsgenie_team,
    "pagerduty_team": pagerduty_team,
    "pagerduty_team_membership": team_companion("membership"),
    "grafana_team_external_group": team_companion("external_group"),
    "grafana_folder_permission": dashboard_permission("folder"),
    "grafana_dashboard_permission": dashboard_permission("dashboard"),
    "statuspage_component": status_page("statuspage", "component"),
    "statuspage_component_group": status_page("statuspage", "component_group"),
    "betteruptime_status_page": status_page("betteruptime", "page", "company_name"),
    "betteruptime_status_page_resource": status_page("betteruptime", "component", "public_name"),
    "uptime_statuspage": status_page("uptime", "page"),
    "uptime_statuspage_component": status_page("uptime", "component"),
    "squadcast_status_page": status_page("squadcast", "page"),
    "grafana_contact_point": grafana_contact_point,
    "slack_conversation": slack_conversation,
    "pagerduty_maintenance_window": pagerduty_maintenance_window,
    "jira_project": jira_project,
}


def _targets(refs: list[str], table: dict[str, Any]) -> list[str]:
    """The facts of table that a list of configuration references names (by address)."""
    return sorted({r for r in refs if r in table})


def link_operations(section: dict[str, Any]) -> None:
    """Fold companions into what they name, by configuration reference (ids are unknown at plan
    time): rotations into schedules, memberships and group syncs into teams, status page
    resources into pages; resolve schedule members and permission grantees to facts."""
    schedules, teams, pages = section["oncall_schedules"], section["teams"], section["status_pages"]
    people = section["oncall_people"]
    for key in [k for k, f in schedules.items() if f.get("aux") == "rotation"]:
        rotation = schedules.pop(key)
        refs = rotation.get("references", {}).get("schedule_id", [])
        target = next((r for r in refs if r in schedules), None)
        if target is None:  # a rotation of a schedule kept elsewhere: a schedule of its own
            target = key
            schedules[key] = {"provider": "opsgenie", "name": rotation["layer"]["name"], "layers": []}
            schedules[key].update(known_people=[], provenance=rotation["provenance"], address=key)
            schedules[key].update(type="opsgenie_schedule_rotation", references={})
        schedules[target]["layers"].append(rotation["layer"])
        schedules[target]["known_people"] = [*schedules[target]["known_people"], *rotation["known_people"]]
        member_refs = rotation.get("references", {}).get("participant.id", [])
        schedules[target]["member_refs"] = [*schedules[target].get("member_refs", []), *member_refs]
    for fact in schedules.values():
        refs = fact.get("member_refs", []) + fact.get("references", {}).get("layer.users", [])
        fact.pop("member_refs", None)
        members = _targets(refs, people)
        identities = sorted({people[m]["identity"] for m in members if people[m].get("identity")})
        fact["member_identities"] = identities
        fact["people"] = max(
            len(set(fact.pop("known_people")) | set(members)),
            max((layer["participants"] for layer in fact["layers"]), default=0),
        )
    for key in [k for k, f in teams.items() if "aux" in f]:
        aux = teams.pop(key)
        target = next((r for r in aux.get("references", {}).get("team_id", []) if r in teams), None)
        if target is None:
            continue
        if aux["aux"] == "membership":
            teams[target]["members"] += 1
            for member in _targets(aux.get("references", {}).get("user_id", []), people):
                if people[member].get("identity"):
                    teams[target]["member_identities"] = sorted(
                        set(teams[target]["member_identities"]) | {people[member]["identity"]}
                    )
        else:
            teams[target]["external_groups"] += aux["groups"]
    for fact in section["dashboard_permissions"].values():
        fact["teams"] = _targets(fact.get("references", {}).get("permissions.team_id", []), teams)
    for fact in pages.values():
        if fact["kind"] in ("component", "component_group"):
            page_refs = [r for arg, refs in fact.get("references", {}).items() if "page" in arg for r in refs]
            target = next((r for r in page_refs if r in pages and pages[r]["kind"] == "page"), None)
            fact["page"] = target
            if target:
                pages[target]["components"] += 1
