"""Compliance and key-management facts from plan JSON (collectors/terraform/compliance.py, keys.py),
and the items they decide (8.1.3, 8.2.1-8.2.3, 2.1.4, 9.2.3, 7.2.3) on the real OPA."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors.base import CollectContext
from gonogo.collectors.sources.files import walk
from gonogo.collectors.terraform import TerraformCollector
from gonogo.collectors.terraform.compliance import (
    COMPLIANCE_EXTRACTORS,
    any_principal,
    policy_document_facts,
    region_of,
)
from gonogo.collectors.terraform.keys import schedule_days

from tests.support.cli import item, item_criterion, run_gonogo

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CANARY = "gonogo-canary-tfcompliance-5d1a"
ITEMS = ("8.1.3", "8.2.1", "8.2.2", "8.2.3", "2.1.4", "9.2.3", "7.2.3")
CONTEXT = (
    "context:\n  data_residency_required: true\n  data_residency_regions: [eu-west-1, 'europe-*']\n"
    "  processes_payments: true\n  handles_phi: true\n  uses_cloud_storage: true\n  uses_cdn: true\n"
)


def _collect(root: Path) -> dict[str, Any]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="terraform"
    )
    return TerraformCollector().collect(ctx)["infrastructure"]


@pytest.fixture(scope="module")
def compliant() -> dict[str, Any]:
    return _collect(FIXTURES / "compliant")


@pytest.fixture(scope="module")
def noncompliant() -> dict[str, Any]:
    return _collect(FIXTURES / "noncompliant")


def test_audit_trails(compliant, noncompliant):
    trail = compliant["audit_trails"]["aws_cloudtrail.org"]
    assert trail["multi_region"] and trail["log_file_validation"] and trail["global_service_events"]
    assert trail["data_event_types"] == ["AWS::S3::Object"]
    assert compliant["audit_trails"]["google_project_iam_audit_config.all"]["data_event_types"] == [
        "DATA_READ",
        "DATA_WRITE",
    ]
    bad = noncompliant["audit_trails"]["aws_cloudtrail.main"]
    assert bad["multi_region"] is False and bad["log_file_validation"] is False


def test_keys_and_hsm(compliant, noncompliant):
    keys = compliant["keys"]
    assert keys["aws_kms_key.data"]["rotation_enabled"] is True
    assert keys["aws_kms_key.data"]["rotation_days"] == 90
    assert keys["aws_kms_key.data"]["public_policy"] is False
    assert keys["aws_kms_custom_key_store.hsm"]["hsm"] is True
    assert keys["google_kms_crypto_key.exports"]["hsm"] is True
    assert keys["google_kms_crypto_key.exports"]["rotation_days"] == 90
    bad = noncompliant["keys"]
    assert bad["aws_kms_key.data"]["rotation_enabled"] is False and bad["aws_kms_key.data"]["public_policy"]
    assert not any(k["hsm"] for k in bad.values())


def test_secret_rotation_folded_into_its_secret(compliant, noncompliant):
    secret = compliant["secrets"]["aws_secretsmanager_secret.db"]
    assert secret["rotation_days"] == 30
    assert secret["companions"] == ["plan.json:aws_secretsmanager_secret_rotation.db"]
    assert "aws_secretsmanager_secret_rotation.db" not in compliant["secrets"]
    assert compliant["secrets"]["vault_database_secret_backend_static_role.app"]["rotation_days"] == 7
    # folded by secret name when the reference is a literal, and a rate() schedule read in days
    assert noncompliant["secrets"]["aws_secretsmanager_secret.db"]["rotation_days"] == 90
    assert noncompliant["secrets"]["aws_secretsmanager_secret.api"]["rotation_days"] is None
    assert noncompliant["secrets"]["vault_kv_secret_v2.token"]["rotation_days"] is None


def test_iam_wildcards(compliant, noncompliant):
    assert compliant["iam_policies"]["aws_iam_role_policy.app"]["wildcards"] == []
    bad = noncompliant["iam_policies"]
    assert bad["aws_iam_policy.admin"]["wildcards"] == ["statement 1: Action *"]
    assert bad["aws_iam_role_policy_attachment.ci"]["wildcards"] == ["attaches AdministratorAccess"]
    assert bad["google_project_iam_member.ci"]["wildcards"] == ["roles/owner granted to serviceAccount"]
    assert "ci@shop" not in json.dumps(bad)  # a member's identity is not a fact


def test_bucket_controls_and_regions(compliant, noncompliant):
    assets = compliant["storage"]["aws_s3_bucket.assets"]
    assert assets["access_logging"] is True and assets["acl"] == "private" and assets["lifecycle_rules"] == 1
    assert (assets["region"], assets["region_source"]) == ("eu-west-1", "provider configuration")
    exports = compliant["storage"]["google_storage_bucket.exports"]
    assert exports["uniform_access"] is True and exports["region"] == "europe-west1"
    db = compliant["databases"]["aws_db_instance.orders"]
    assert (db["region"], db["region_source"]) == ("eu-west-1", "availability zone")
    assert db["log_exports"] == ["postgresql", "upgrade"] and db["customer_managed_key"] is True
    uploads = noncompliant["storage"]["aws_s3_bucket.uploads"]
    assert uploads["acl"] == "public-read" and uploads["public_policy"] is True
    assert noncompliant["storage"]["google_storage_bucket.exports"]["public_iam"] is True
    assert noncompliant["databases"]["aws_db_instance.orders"]["region"] == "us-east-1"


def test_no_sensitive_value_reaches_the_facts(compliant, noncompliant):
    assert CANARY in (FIXTURES / "compliant" / "plan.json").read_text()
    assert CANARY not in json.dumps(compliant) + json.dumps(noncompliant)


@pytest.mark.parametrize(
    ("values", "provider", "expected"),
    [
        ({"region": "eu-west-3"}, "us-east-1", ("eu-west-3", "region")),
        ({"location": "West Europe"}, None, ("westeurope", "location")),
        ({"location": "europe-west1-b"}, None, ("europe-west1", "location")),
        (
            {"availability_zones": ["eu-central-1a", "eu-central-1b"]},
            None,
            ("eu-central-1", "availability zone"),
        ),
        ({"availability_zones": ["eu-central-1a", "us-east-1a"]}, None, (None, None)),
        ({"arn": "arn:aws:rds:ap-south-1:111122223333:db:x"}, None, ("ap-south-1", "arn")),
        ({}, None, (None, None)),
    ],
)
def test_region_of(values, provider, expected):
    assert region_of(values, provider) == expected


def test_policy_documents_and_schedules():
    assert policy_document_facts("not json")["parsed"] is False
    assert policy_document_facts(None)["parsed"] is False
    service = json.dumps({"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}})
    assert policy_document_facts(service)["wildcards"] == ["statement 1: s3:* on Resource *"]
    assert schedule_days({"schedule_expression": "rate(12 hours)"}) == 0.5
    assert schedule_days({"schedule_expression": "cron(0 4 ? * SUN *)"}) == 7.0
    assert schedule_days({"schedule_expression": "cron(0 4 1 * ? *)"}) == 31.0
    assert schedule_days({}) is None


@pytest.mark.parametrize("resource_type", sorted(COMPLIANCE_EXTRACTORS))
def test_misshapen_values_do_not_fail_the_collector(resource_type):
    """Blocks that are not lists, lists of strings where objects belong, strings for numbers."""
    odd = {
        "event_selector": "x",
        "advanced_event_selector": ["x"],
        "audit_log_config": {"log_type": 1},
        "enabled_log": {"category": "audit"},
        "log": ["audit"],
        "policy": "{not json",
        "rotation_rules": "daily",
        "rotation_period": "soon",
        "rotation_period_in_days": "90",
        "version_template": ["HSM"],
        "rotation_policy": [["P90D"]],
        "max_lease_ttl_seconds": "86400",
        "members": "allUsers",
    }
    table, fact = COMPLIANCE_EXTRACTORS[resource_type](odd)
    assert table in ("audit_trails", "iam_policies", "keys", "secrets", "storage") and isinstance(fact, dict)


def test_any_principal():
    assert any_principal("*") and any_principal({"AWS": "*"}) and any_principal({"AWS": ["*"]})
    assert not any_principal({"AWS": "arn:aws:iam::111122223333:root"}) and not any_principal(None)


def _check(tmp_path: Path, folder: str) -> dict[str, Any]:
    root = tmp_path / folder
    shutil.copytree(FIXTURES / folder, root)
    (root / "gonogo.yaml").write_text(CONTEXT)
    result = run_gonogo(
        "check", str(root), "--collector", "terraform", "--collector", "context", "-f", "json"
    )
    assert result.returncode in (0, 1), result.stderr
    assert CANARY not in result.stdout + result.stderr
    return json.loads(result.stdout)


def test_end_to_end_verdicts(tmp_path, opa_bin):
    good = _check(tmp_path, "compliant")
    for item_id in ("8.1.3", "2.1.4", "9.2.3", "7.2.3", "8.2.1", "8.2.2"):
        assert item(good, item_id)["verdict"] == "pass", (item_id, item(good, item_id)["criteria"])
    hipaa = item(good, "8.2.3")
    assert [c["verdict"] for c in hipaa["criteria"]] == [
        "pass",
        "pass",
        "pending",
    ]  # BAA needs an attestation
    assert "Security Lead" in item_criterion(hipaa, "BAA agreements signed")["message"]

    bad = _check(tmp_path, "noncompliant")
    for item_id in ITEMS:
        assert item(bad, item_id)["verdict"] == "fail", item_id
    residency = item_criterion(item(bad, "8.1.3"), "Requirements met")["message"]
    assert "aws_db_instance.orders: in us-east-1 (availability zone)" in residency
    km = item(bad, "2.1.4")
    assert (
        "rotates every 90 days > 30"
        in item_criterion(km, "Secret rotation automated (30-day cycle)")["message"]
    )
    assert "not HSM-backed" in item_criterion(km, "HSM integration ready")["message"]
