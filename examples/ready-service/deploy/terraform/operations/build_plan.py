"""Writes plan.json beside this file: the shop's incident-operations Terraform plan, as
`terraform show -json` (format 1.2) prints it.

Why a script and not `terraform plan`: the PagerDuty, Grafana, Slack, Statuspage and Jira
providers cannot be downloaded where this example is built, so the plan is assembled in the
documented JSON output format (https://developer.hashicorp.com/terraform/internals/json-format)
with the helpers of tests/collectors/terraform/fixtures/build_operations_plans.py (planned_values
with sensitive_values, resource_changes with after/after_unknown/after_sensitive, configuration
references). Attribute names follow each provider's schema (PagerDuty v3, Grafana v3,
yannh/statuspage, pablovarela/slack, fourplusone/jira). Sensitive values (the Events API
integration key, the Slack webhook URL) are null, as Terraform writes them when they come from
variables marked sensitive.
Run: python examples/ready-service/deploy/terraform/operations/build_plan.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[4] / "tests" / "collectors" / "terraform" / "fixtures"))

from build_operations_plans import plan, ref, resource  # noqa: E402

ENGINEERS = [
    ("ada", "Ada Byron"),
    ("linus", "Linus Berg"),
    ("grace", "Grace Hopper"),
    ("ken", "Ken Okafor"),
    ("joan", "Joan Clarke"),
    ("alan", "Alan Brooks"),
]


def operations() -> dict[str, Any]:
    users = [f"pagerduty_user.{key}" for key, _ in ENGINEERS]
    primary, secondary = users[:3], users[3:]
    emails = [f"{key}@shop.example" for key, _ in ENGINEERS]

    def layer(name: str, members: list[str]) -> dict[str, Any]:
        return {
            "name": name,
            "start": "2026-11-02T09:00:00+01:00",
            "end": None,
            "rotation_virtual_start": "2026-11-02T09:00:00+01:00",
            "rotation_turn_length_seconds": 604800,
            "users": [None] * len(members),
            "restriction": [],
        }

    def schedule(address: str, title: str, members: list[str]) -> dict[str, Any]:
        return resource(
            address,
            {
                "name": title,
                "time_zone": "Europe/Berlin",
                "description": "Managed by Terraform (shop-ops)",
                "overflow": None,
                "teams": None,
                "layer": [layer("Weekly", members)],
            },
            unknown={"layer": [{"id": True, "users": [True] * len(members)}]},
            expressions={"layer": [{"users": ref(*members), "name": {"constant_value": "Weekly"}}]},
        )

    return plan(
        [
            *(
                resource(
                    f"pagerduty_user.{key}", {"name": name, "email": f"{key}@shop.example", "role": "user"}
                )
                for key, name in ENGINEERS
            ),
            schedule("pagerduty_schedule.primary", "Shop primary on-call", primary),
            schedule("pagerduty_schedule.secondary", "Shop secondary on-call", secondary),
            resource(
                "pagerduty_escalation_policy.shop",
                {
                    "name": "Shop escalation",
                    "num_loops": 2,
                    "teams": None,
                    "rule": [
                        {
                            "escalation_delay_in_minutes": 10,
                            "target": [{"type": "schedule_reference", "id": None}],
                        },
                        {
                            "escalation_delay_in_minutes": 15,
                            "target": [{"type": "schedule_reference", "id": None}],
                        },
                        {
                            "escalation_delay_in_minutes": 30,
                            "target": [{"type": "user_reference", "id": None}],
                        },
                    ],
                },
                unknown={"rule": [{"id": True, "target": [{"id": True}]} for _ in range(3)]},
                expressions={
                    "rule": [
                        {"target": [{"id": ref("pagerduty_schedule.primary")}]},
                        {"target": [{"id": ref("pagerduty_schedule.secondary")}]},
                        {"target": [{"id": ref("pagerduty_user.ada")}]},
                    ]
                },
            ),
            resource(
                "pagerduty_service.shop",
                {
                    "name": "shop",
                    "acknowledgement_timeout": "600",
                    "alert_creation": "create_alerts_and_incidents",
                },
                unknown={"escalation_policy": True},
                expressions={"escalation_policy": ref("pagerduty_escalation_policy.shop")},
            ),
            resource(
                "pagerduty_service_integration.alertmanager",
                {
                    "name": "Alertmanager",
                    "type": "events_api_v2_inbound_integration",
                    "integration_key": None,
                },
                sensitive={"integration_key": True},
                unknown={"service": True},
                expressions={"service": ref("pagerduty_service.shop")},
            ),
            resource("grafana_team.oncall", {"name": "shop-oncall", "email": None, "members": emails}),
            resource("grafana_folder.shop", {"title": "Shop"}, unknown={"uid": True}),
            resource(
                "grafana_folder_permission.shop",
                {
                    "folder_uid": None,
                    "permissions": [
                        {"role": "", "team_id": None, "user_id": "0", "permission": "Edit"},
                        {"role": "Viewer", "team_id": "0", "user_id": "0", "permission": "View"},
                    ],
                },
                unknown={"folder_uid": True, "permissions": [{"team_id": True}, {}]},
                expressions={
                    "folder_uid": {"references": ["grafana_folder.shop.uid", "grafana_folder.shop"]},
                    "permissions": [
                        {"team_id": ref("grafana_team.oncall"), "permission": {"constant_value": "Edit"}},
                        {"role": {"constant_value": "Viewer"}, "permission": {"constant_value": "View"}},
                    ],
                },
            ),
            resource(
                "grafana_contact_point.chat",
                {
                    "name": "shop-chat",
                    "slack": [{"url": None, "recipient": "#shop-incidents", "token": None}],
                },
                sensitive={"slack": [{"url": True, "token": True}]},
            ),
            resource(
                "slack_conversation.incidents",
                {"name": "shop-incidents", "is_private": False, "topic": "Incidents"},
            ),
            resource(
                "statuspage_component.api",
                {
                    "page_id": "kctbh9vrtdwd",
                    "name": "Shop API",
                    "description": "Checkout and catalog",
                    "status": "operational",
                },
            ),
            resource(
                "statuspage_component.storefront",
                {
                    "page_id": "kctbh9vrtdwd",
                    "name": "Storefront",
                    "description": "Web shop",
                    "status": "operational",
                },
            ),
            resource(
                "jira_project.incidents",
                {"key": "INC", "name": "Shop incidents", "project_type_key": "service_desk", "lead": "ada"},
            ),
        ]
    )


if __name__ == "__main__":
    document = operations()
    document["timestamp"] = "2026-11-25T10:00:00Z"
    (HERE / "plan.json").write_text(json.dumps(document, indent=2) + "\n")
