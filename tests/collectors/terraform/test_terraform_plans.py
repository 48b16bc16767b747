"""The terraform collector: plan JSON by its documented format, sensitive values never copied."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.sources.files import walk
from gonogo.collectors.terraform import TerraformCollector, plan_resources, redact

from tests.collectors.kubernetes.realworld import EXAMPLE, realworld_folder

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILTIN = FIXTURES / "builtin-sensitive"


def _collect(root: Path) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="terraform"
    )
    return TerraformCollector().collect(ctx).get("infrastructure", {}), ctx.warnings


def test_real_terraform_plan_sensitive_values_are_redacted():
    plan = json.loads((BUILTIN / "plan.json").read_text())
    assert "gonogo-canary-tfbuiltin-3b8e" in json.dumps(plan)  # the real plan holds it in clear
    resources = {address: values for address, _, values in plan_resources(plan)}
    assert resources["terraform_data.db"]["input"] == {"engine": "postgres", "password": None}
    assert "gonogo-canary-tfbuiltin-3b8e" not in json.dumps(resources)


def test_real_terraform_state_is_read_with_sensitive_values():
    state = json.loads((BUILTIN / "state.json").read_text())
    resources = {address: values for address, _, values in plan_resources(state)}
    assert resources["terraform_data.db"]["input"]["password"] is None
    assert resources["terraform_data.db"]["input"]["engine"] == "postgres"


def test_redact_follows_nested_marks():
    value = {"a": [{"k": "secret", "x": 1}], "b": "secret", "c": {"d": "ok"}}
    marks = {"a": [{"k": True}], "b": True}
    assert redact(value, marks) == {"a": [{"k": None, "x": 1}], "b": None, "c": {"d": "ok"}}


def test_realworld_plan_facts(tmp_path):
    section, warnings = _collect(realworld_folder(tmp_path / "realworld"))
    assert warnings == []
    db = section["databases"]["aws_db_instance.analytics"]
    assert db["engine"] == "postgresql" and db["storage_encrypted"] is False
    assert db["backup"]["retention_days"] == 7 and db["backup"]["pitr"] is True
    assert db["provenance"]["ref"] == "terraform/plan.json:aws_db_instance.analytics"
    assert db["provenance"]["line"] > 1
    bucket = section["storage"]["aws_s3_bucket.assets"]
    # companion resources folded in: by bucket name, and by configuration reference when unknown
    assert (
        bucket["encryption"] == "aws:kms"
        and bucket["versioning"] is True
        and bucket["public_access_blocked"] is True
    )
    assert section["firewall_rules"]["aws_security_group.bastion"]["world_open_non_web"] == [
        "tcp/22 from 0.0.0.0/0"
    ]
    assert section["firewall_rules"]["aws_security_group.nodes"]["world_open_non_web"] == []
    assert section["cdn"]["aws_cloudfront_distribution.assets"]["caches"] is True
    assert section["node_pools"]["aws_eks_node_group.general"]["min_nodes"] == 3
    assert section["kubernetes_clusters"]["aws_eks_cluster.main"]["version"] == "1.29"
    assert "gonogo-canary-tfplan-91c2" not in json.dumps(section)


def test_deleted_resources_and_no_plan(tmp_path):
    plan = json.loads((EXAMPLE / "deploy" / "terraform" / "plan.json").read_text())
    for change in plan["resource_changes"]:
        if change["address"] == "aws_security_group.bastion":
            change["change"]["actions"] = ["delete"]
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    section, _ = _collect(tmp_path)
    assert "aws_security_group.bastion" not in section["firewall_rules"]
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy(BUILTIN / "main.tf", empty / "main.tf")
    section, warnings = _collect(empty)
    assert section == {} and warnings[0].startswith("no Terraform plan JSON found")


def test_google_and_azure_resources(tmp_path):
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": {
            "root_module": {
                "child_modules": [
                    {
                        "address": "module.db",
                        "resources": [
                            {
                                "address": "module.db.google_sql_database_instance.main",
                                "mode": "managed",
                                "type": "google_sql_database_instance",
                                "name": "main",
                                "sensitive_values": {"root_password": True},
                                "values": {
                                    "database_version": "POSTGRES_16",
                                    "root_password": "gonogo-canary-gcp-1",
                                    "settings": [
                                        {
                                            "availability_type": "REGIONAL",
                                            "backup_configuration": [
                                                {
                                                    "enabled": True,
                                                    "point_in_time_recovery_enabled": True,
                                                    "backup_retention_settings": [{"retained_backups": 30}],
                                                }
                                            ],
                                        }
                                    ],
                                },
                            },
                            {
                                "address": "module.db.google_compute_firewall.ssh",
                                "mode": "managed",
                                "type": "google_compute_firewall",
                                "name": "ssh",
                                "sensitive_values": {},
                                "values": {
                                    "direction": "INGRESS",
                                    "source_ranges": ["0.0.0.0/0"],
                                    "allow": [{"protocol": "tcp", "ports": ["22", "8000-8100"]}],
                                },
                            },
                        ],
                    }
                ]
            }
        },
    }
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    section, _ = _collect(tmp_path)
    db = section["databases"]["module.db.google_sql_database_instance.main"]
    assert db["backup"]["pitr"] is True and db["backup"]["retention_days"] == 30
    assert db["storage_encrypted"] == "provider_default"
    assert section["firewall_rules"]["module.db.google_compute_firewall.ssh"]["world_open_non_web"] == [
        "tcp/22 from 0.0.0.0/0",
        "tcp/8000-8100 from 0.0.0.0/0",
    ]
    assert "gonogo-canary-gcp-1" not in json.dumps(section)
