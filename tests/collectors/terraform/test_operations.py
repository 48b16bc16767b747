"""The terraform collector's incident-operations facts (collectors/terraform/operations.py), from
plans in the `terraform show -json` format (fixtures/build_operations_plans.py)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.sources.files import walk
from gonogo.collectors.terraform import TerraformCollector
from gonogo.collectors.terraform.operations import OPERATIONS_KEYS, utc

from tests.collectors.terraform.fixtures.build_operations_plans import CANARY

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "operations"


def _collect(root: Path) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="terraform"
    )
    return TerraformCollector().collect(ctx)["infrastructure"], ctx.warnings


def _sha(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()


def test_ready_plan_facts():
    section, warnings = _collect(FIXTURES / "ready")
    assert warnings == []
    schedule = section["oncall_schedules"]["pagerduty_schedule.primary"]
    assert schedule["people"] == 2 and len(schedule["layers"]) == 1
    assert schedule["layers"][0]["start"] == "2026-01-05T08:00:00Z" and schedule["layers"][0]["end"] is None
    assert schedule["member_identities"] == sorted([_sha("alice@shop.example"), _sha("bob@shop.example")])
    assert schedule["provenance"]["ref"] == "plan.json:pagerduty_schedule.primary"
    policy = section["escalation_policies"]["pagerduty_escalation_policy.shop"]
    assert (policy["levels"], policy["targets"]) == (2, 2)
    assert policy["target_types"] == ["schedule_reference", "user_reference"]
    assert section["alert_integrations"]["pagerduty_service_integration.prometheus"]["kind"] == (
        "events_api_v2_inbound_integration"
    )
    team = section["teams"]["grafana_team.oncall"]
    assert team["members"] == 2 and set(team["member_identities"]) == set(schedule["member_identities"])
    grant = section["dashboard_permissions"]["grafana_folder_permission.shop"]
    assert grant["teams"] == ["grafana_team.oncall"]
    assert {g["subject"] for g in grant["grants"]} == {"team", "role"}
    assert section["status_pages"]["statuspage_component.api"]["kind"] == "component"
    assert section["contact_points"]["grafana_contact_point.chat"]["integrations"] == ["slack"]
    assert section["contact_points"]["slack_conversation.incidents"]["integrations"] == ["slack"]
    window = section["maintenance_windows"]["pagerduty_maintenance_window.launch"]
    assert (window["start"], window["end"]) == ("2027-06-01T01:00:00Z", "2027-06-01T03:00:00Z")
    assert section["issue_trackers"]["jira_project.incidents"]["key"] == "INC"


def test_gaps_plan_facts():
    section, _ = _collect(FIXTURES / "gaps")
    solo = section["oncall_schedules"]["pagerduty_schedule.solo"]
    assert solo["people"] == 1 and solo["layers"][0]["end"] == "2026-03-01T00:00:00Z"
    # the rotation is folded into the schedule it names by configuration reference
    assert "opsgenie_schedule_rotation.daytime" not in section["oncall_schedules"]
    opsgenie = section["oncall_schedules"]["opsgenie_schedule.shop"]
    assert opsgenie["people"] == 1 and opsgenie["layers"][0]["restricted"] is True
    assert opsgenie["member_identities"] == [_sha("dave@shop.example")]
    assert section["escalation_policies"]["opsgenie_escalation.shop"]["levels"] == 1
    assert section["teams"]["grafana_team.empty"]["members"] == 0
    assert section["dashboard_permissions"]["grafana_folder_permission.admins"]["teams"] == []
    page = section["status_pages"]["betteruptime_status_page.shop"]
    assert page["public"] is False and page["components"] == 0
    assert section["contact_points"]["grafana_contact_point.mail"]["integrations"] == ["email"]
    assert section["issue_trackers"] == {}


def test_no_key_url_password_or_address_reaches_the_facts():
    for case in ("ready", "gaps"):
        plan = (FIXTURES / case / "plan.json").read_text()
        assert CANARY in plan  # the plan holds them (marked sensitive)
        section, _ = _collect(FIXTURES / case)
        text = json.dumps({key: section[key] for key in OPERATIONS_KEYS})
        assert CANARY not in text
        assert "@shop.example" not in text and "#shop-incidents" not in text


def test_times_are_normalised_to_utc():
    assert utc("2015-11-06T20:00:00-05:00") == "2015-11-07T01:00:00Z"
    assert utc("2019-06-18T17:00:00Z") == "2019-06-18T17:00:00Z"
    assert utc("next tuesday") is None and utc(None) is None


def test_a_plan_without_operations_resources_has_empty_tables(tmp_path):
    source = json.loads((FIXTURES / "ready" / "plan.json").read_text())
    source["resource_changes"] = [c for c in source["resource_changes"] if c["type"] == "grafana_folder"]
    (tmp_path / "plan.json").write_text(json.dumps(source))
    section, _ = _collect(tmp_path)
    assert all(section[key] == {} for key in OPERATIONS_KEYS)


def test_a_second_plan_does_not_relink_the_first(tmp_path: Path):
    """Companions are folded once, after every plan is read: a plan read after the operations plan
    (here one holding only a KMS key) must not fold the schedules again (a KeyError that cost the
    whole collector)."""
    (tmp_path / "a-operations").mkdir()
    (tmp_path / "a-operations" / "plan.json").write_text((FIXTURES / "ready" / "plan.json").read_text())
    key = {"address": "aws_kms_key.data", "mode": "managed", "type": "aws_kms_key", "name": "data"}
    key["values"] = {"enable_key_rotation": True}
    keys_plan = {"format_version": "1.2", "terraform_version": "1.11.4"}
    keys_plan["planned_values"] = {"root_module": {"resources": [key]}}
    (tmp_path / "b-security").mkdir()
    (tmp_path / "b-security" / "plan.json").write_text(json.dumps(keys_plan))
    section, _ = _collect(tmp_path)
    schedule = section["oncall_schedules"]["pagerduty_schedule.primary"]
    assert schedule["people"] == 2 and len(schedule["layers"]) == 1
    assert "aws_kms_key.data" in section["keys"]
