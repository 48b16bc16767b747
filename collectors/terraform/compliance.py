"""Compliance facts from Terraform plans: audit trails, IAM grants, bucket access controls and
access logs, and where data lives.

Extractors (registered in resources.py) fill `audit_trails` (CloudTrail, Google Cloud audit
configs and log sinks, Azure diagnostic settings) and `iam_policies` (AWS IAM policy documents
and attachments, Google project IAM grants, Azure role assignments), and emit bucket companions
(`aws_s3_bucket_logging`, `aws_s3_bucket_acl`, `aws_s3_bucket_policy`, Google bucket IAM) that
`finish()` folds into their bucket. `finish()` runs once per plan before `link_buckets`, and
also adds to the facts other modules extracted what they leave out: the region each data store
and cluster is in, database log exports and customer-managed keys, bucket access logging,
ACLs and uniform access. No item IDs, criteria or thresholds live here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from gonogo.collectors.terraform import keys
from gonogo.collectors.terraform.keys import block, fold_rotations

COMPLIANCE_KEYS = ("audit_trails", "iam_policies", "keys", "secrets")

Fact = tuple[str, dict[str, Any]]
LOCATED_TABLES = ("databases", "storage", "kubernetes_clusters", "node_pools")
PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read"})
PUBLIC_MEMBERS = frozenset({"allUsers", "allAuthenticatedUsers"})
PRIMITIVE_ROLES = frozenset({"roles/owner", "roles/editor"})
ADMIN_POLICY = re.compile(r"arn:aws[\w-]*:iam::aws:policy/(AdministratorAccess|PowerUserAccess)$")
_ZONE = re.compile(r"^([a-z]+(?:-[a-z]+)+-\d+)[a-z]$")
_GCP_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")
_ARN_REGION = re.compile(r"^arn:aws[\w-]*:[\w-]+:([a-z]{2}(?:-[a-z]+)+-\d+):")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or [] if isinstance(v, str)] if isinstance(value, list) else []


def _blocks(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def any_principal(principal: Any) -> bool:
    """True for `"Principal": "*"` and `{"AWS": "*"}` (or `["*"]`): every principal."""
    if principal == "*":
        return True
    return isinstance(principal, dict) and any("*" in _strings(p) for p in principal.values())


def aws_cloudtrail(v: dict[str, Any]) -> Fact:
    selectors = [s for s in _blocks(v.get("event_selector")) if isinstance(s, dict)]
    advanced = [s for s in _blocks(v.get("advanced_event_selector")) if isinstance(s, dict)]
    data_types = sorted(
        {
            str(d.get("type"))
            for s in selectors
            for d in _blocks(s.get("data_resource"))
            if isinstance(d, dict)
        }
        | {
            value
            for s in advanced
            for f in _blocks(s.get("field_selector"))
            if isinstance(f, dict) and f.get("field") == "resources.type"
            for value in _strings(f.get("equals"))
        }
    )
    return "audit_trails", {
        "kind": "aws-cloudtrail",
        "enabled": v.get("enable_logging", True) is not False,
        "multi_region": bool(v.get("is_multi_region_trail")),
        "log_file_validation": bool(v.get("enable_log_file_validation")),
        "global_service_events": v.get("include_global_service_events", True) is not False,
        "organization": bool(v.get("is_organization_trail")),
        "encrypted_with_kms": bool(v.get("kms_key_id")),
        "data_event_types": data_types,
    }


def google_iam_audit_config(v: dict[str, Any]) -> Fact:
    types = sorted(
        {str(c.get("log_type")) for c in _blocks(v.get("audit_log_config")) if isinstance(c, dict)}
    )
    return "audit_trails", {
        "kind": "gcp-audit-config",
        "enabled": bool(types),
        "service": v.get("service"),
        "log_types": types,
        "data_event_types": [t for t in types if t in ("DATA_READ", "DATA_WRITE")],
    }


def google_logging_sink(v: dict[str, Any]) -> Fact:
    return "audit_trails", {
        "kind": "gcp-log-sink",
        "enabled": not v.get("disabled") and bool(v.get("destination")),
        "audit_logs": "cloudaudit.googleapis.com" in str(v.get("filter") or "") or not v.get("filter"),
        "data_event_types": [],
    }


def azurerm_diagnostic_setting(v: dict[str, Any]) -> Fact:
    logs = [b for name in ("enabled_log", "log") for b in _blocks(v.get(name)) if isinstance(b, dict)]
    categories = sorted(
        {
            str(b.get("category") or b.get("category_group"))
            for b in logs
            if b.get("enabled", True) is not False and (b.get("category") or b.get("category_group"))
        }
    )
    destination = any(
        v.get(k)
        for k in ("log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id")
    )
    return "audit_trails", {
        "kind": "azure-diagnostic-setting",
        "enabled": bool(categories),
        "categories": categories,
        "destination": destination,
        "audit_logs": any(c.lower() in ("audit", "alllogs") or "audit" in c.lower() for c in categories),
        "data_event_types": [],
    }


def _statements(document: Any) -> list[dict[str, Any]]:
    """The Statement list of an IAM policy document given as a JSON string (unknown -> [])."""
    if not isinstance(document, str):
        return []
    try:
        parsed = json.loads(document)
    except ValueError:
        return []
    statements = parsed.get("Statement") if isinstance(parsed, dict) else None
    if isinstance(statements, dict):
        statements = [statements]
    return [s for s in statements or [] if isinstance(s, dict)]


def policy_document_facts(document: Any) -> dict[str, Any]:
    """Wildcard grants of a policy document: Allow statements granting every action, a whole
    service (`s3:*`) on every resource, or anything through NotAction."""
    wildcards: list[str] = []
    statements = _statements(document)
    for index, s in enumerate(statements):
        if s.get("Effect") != "Allow":
            continue
        actions, resources = _strings(s.get("Action")), _strings(s.get("Resource"))
        label = str(s.get("Sid") or f"statement {index + 1}")
        if "*" in actions:
            wildcards.append(f"{label}: Action *")
        elif "*" in resources and any(a.endswith(":*") for a in actions):
            wildcards.append(f"{label}: {', '.join(a for a in actions if a.endswith(':*'))} on Resource *")
        elif "NotAction" in s:
            wildcards.append(f"{label}: NotAction")
    return {"statements": len(statements), "parsed": bool(statements), "wildcards": wildcards}


def aws_iam_document(field: str) -> Callable[[dict[str, Any]], Fact]:
    def extract(v: dict[str, Any]) -> Fact:
        fact = policy_document_facts(v.get(field))
        fact.update({"kind": "aws-iam-policy", "principal": v.get("role") or v.get("user") or v.get("group")})
        return "iam_policies", fact

    return extract


def aws_iam_attachment(v: dict[str, Any]) -> Fact:
    arn = str(v.get("policy_arn") or "")
    return "iam_policies", {
        "kind": "aws-iam-attachment",
        "principal": v.get("role") or v.get("user") or v.get("group") or _strings(v.get("roles")),
        "parsed": bool(arn),
        "wildcards": [f"attaches {arn.rsplit('/', 1)[-1]}"] if ADMIN_POLICY.search(arn) else [],
    }


def google_project_iam(v: dict[str, Any]) -> Fact:
    role = str(v.get("role") or "")
    members = _strings(v.get("members")) or _strings(v.get("member"))
    kinds = sorted({m.split(":", 1)[0] for m in members})
    return "iam_policies", {
        "kind": "gcp-iam-grant",
        "principal": kinds,
        "parsed": bool(role),
        "wildcards": [f"{role} granted to {', '.join(kinds)}"] if role in PRIMITIVE_ROLES else [],
    }


def azurerm_role_assignment(v: dict[str, Any]) -> Fact:
    role = str(v.get("role_definition_name") or "")
    scope = str(v.get("scope") or "")
    broad = role == "Owner" or (role == "Contributor" and re.fullmatch(r"/subscriptions/[^/]+", scope))
    return "iam_policies", {
        "kind": "azure-role-assignment",
        "principal": v.get("principal_type"),
        "parsed": bool(role),
        "wildcards": [f"{role} on {'subscription' if '/resourceGroups/' not in scope else 'resource group'}"]
        if broad
        else [],
    }


def bucket_companion(kind: str) -> Callable[[dict[str, Any]], Fact]:
    """Facts of a bucket's access-control or access-log resource, folded into the bucket by finish()."""

    def extract(v: dict[str, Any]) -> Fact:
        fact: dict[str, Any] = {"aux": kind, "bucket": v.get("bucket")}
        if kind == "access_logging":
            fact["value"] = bool(v.get("target_bucket"))
        elif kind == "acl":
            fact["value"] = v.get("acl")
        elif kind == "policy":
            fact["value"] = any(
                s.get("Effect") == "Allow" and any_principal(s.get("Principal")) and "Condition" not in s
                for s in _statements(v.get("policy"))
            )
        else:  # bucket IAM grant
            fact["value"] = bool(PUBLIC_MEMBERS & set(_strings(v.get("members")) + _strings(v.get("member"))))
        return "storage", fact

    return extract


_FOLD = {"access_logging": "access_logging", "acl": "acl", "policy": "public_policy", "iam": "public_iam"}


def _fold_buckets(storage: dict[str, Any]) -> None:
    by_name = {f.get("bucket"): key for key, f in storage.items() if "aux" not in f and f.get("bucket")}
    for key in [k for k, f in storage.items() if f.get("aux") in _FOLD]:
        aux = storage.pop(key)
        refs = aux.get("references", {}).get("bucket", [])
        target = by_name.get(aux.get("bucket")) or next((r for r in refs if r in storage), None)
        if target:
            field = _FOLD[aux["aux"]]
            old = storage[target].get(field)
            # two grants on one bucket: public if either is; a logging resource sets it on
            storage[target][field] = aux["value"] if field == "acl" else bool(old) or aux["value"]
            storage[target].setdefault("companions", []).append(aux["provenance"]["ref"])


def region_of(values: dict[str, Any], provider_region: str | None) -> tuple[str | None, str | None]:
    """(region, where it was read) of one resource: its own region or location, an availability
    zone, an ARN, or the region of the provider configuration it uses; (None, None) when unknown."""
    for field in ("region", "location"):
        value = values.get(field)
        if isinstance(value, str) and value:
            text = value.lower().replace(" ", "")
            zone = _GCP_ZONE.match(text)
            return (zone.group(1) if zone else text), field
    zones = _strings(values.get("availability_zones")) or _strings(values.get("availability_zone"))
    regions = sorted({m.group(1) for z in zones if (m := _ZONE.match(z))})
    if len(regions) == 1:
        return regions[0], "availability zone"
    arn = _ARN_REGION.match(str(values.get("arn") or ""))
    if arn:
        return arn.group(1), "arn"
    if provider_region:
        return provider_region, "provider configuration"
    return None, None


def provider_regions(plan: dict[str, Any]) -> dict[str, str | None]:
    """resource address -> the constant region of the provider configuration it uses."""
    config = plan.get("configuration") or {}
    regions: dict[str, str | None] = {}
    for key, provider in (config.get("provider_config") or {}).items():
        expression = ((provider or {}).get("expressions") or {}).get("region") or {}
        value = expression.get("constant_value") if isinstance(expression, dict) else None
        regions[key] = value if isinstance(value, str) else None
    found: dict[str, str | None] = {}

    def walk(module: dict[str, Any], prefix: str) -> None:
        for resource in module.get("resources") or []:
            if isinstance(resource, dict):
                key = str(resource.get("provider_config_key") or "")
                found[prefix + str(resource.get("address"))] = regions.get(
                    key, regions.get(key.split(":")[-1])
                )
        for name, call in (module.get("module_calls") or {}).items():
            walk((call or {}).get("module") or {}, f"{prefix}module.{name}.")

    walk(config.get("root_module") or {}, "")
    return found


def _enrich(resource_type: str, values: dict[str, Any]) -> dict[str, Any]:
    """Facts the data/network extractors leave out, by resource type."""
    extra: dict[str, Any] = {}
    if resource_type in ("aws_db_instance", "aws_rds_cluster"):
        extra["log_exports"] = _strings(values.get("enabled_cloudwatch_logs_exports"))
        extra["customer_managed_key"] = bool(values.get("kms_key_id"))
    elif resource_type == "google_sql_database_instance":
        settings = block(values, "settings")
        flags = {
            str(f.get("name")): str(f.get("value"))
            for f in _blocks(settings.get("database_flags"))
            if isinstance(f, dict)
        }
        extra["log_exports"] = sorted(n for n, on in flags.items() if "audit" in n and on == "on")
        extra["customer_managed_key"] = bool(values.get("encryption_key_name"))
    elif resource_type == "aws_s3_bucket":
        extra["access_logging"] = bool(block(values, "logging").get("target_bucket"))
        if values.get("acl"):
            extra["acl"] = values.get("acl")
    elif resource_type == "google_storage_bucket":
        extra["access_logging"] = bool(block(values, "logging").get("log_bucket"))
        extra["uniform_access"] = bool(values.get("uniform_bucket_level_access"))
    return extra


def _locate(section: dict[str, Any], address: str, rel: str) -> dict[str, Any] | None:
    for table in LOCATED_TABLES:
        for key in (address, f"{rel}:{address}"):
            fact = section[table].get(key)
            if (
                fact is not None
                and fact.get("provenance", {}).get("file") == rel
                and fact.get("address") == address
            ):
                return fact
    return None


def finish(
    section: dict[str, Any],
    plan: dict[str, Any],
    rel: str,
    resources: Iterable[tuple[str, str, dict[str, Any]]],
) -> None:
    """After one plan's extractors ran (before link_buckets): fold companions, add regions and the
    facts `_enrich` reads to the data stores and clusters of this plan."""
    _fold_buckets(section["storage"])
    fold_rotations(section["secrets"])
    regions = provider_regions(plan)
    for address, resource_type, values in resources:
        fact = _locate(section, address, rel)
        if fact is None:
            continue
        fact["region"], fact["region_source"] = region_of(values, regions.get(address))
        for name, value in _enrich(resource_type, values).items():
            if name not in fact or (fact[name] is False and value):  # a companion resource wins
                fact[name] = value


COMPLIANCE_EXTRACTORS: dict[str, Callable[[dict[str, Any]], Fact]] = {
    "aws_cloudtrail": aws_cloudtrail,
    "google_project_iam_audit_config": google_iam_audit_config,
    "google_folder_iam_audit_config": google_iam_audit_config,
    "google_organization_iam_audit_config": google_iam_audit_config,
    "google_logging_project_sink": google_logging_sink,
    "google_logging_organization_sink": google_logging_sink,
    "azurerm_monitor_diagnostic_setting": azurerm_diagnostic_setting,
    "azurerm_monitor_aad_diagnostic_setting": azurerm_diagnostic_setting,
    "aws_iam_policy": aws_iam_document("policy"),
    "aws_iam_role_policy": aws_iam_document("policy"),
    "aws_iam_user_policy": aws_iam_document("policy"),
    "aws_iam_group_policy": aws_iam_document("policy"),
    "aws_iam_role_policy_attachment": aws_iam_attachment,
    "aws_iam_user_policy_attachment": aws_iam_attachment,
    "aws_iam_group_policy_attachment": aws_iam_attachment,
    "aws_iam_policy_attachment": aws_iam_attachment,
    "google_project_iam_member": google_project_iam,
    "google_project_iam_binding": google_project_iam,
    "azurerm_role_assignment": azurerm_role_assignment,
    "aws_s3_bucket_logging": bucket_companion("access_logging"),
    "aws_s3_bucket_acl": bucket_companion("acl"),
    "aws_s3_bucket_policy": bucket_companion("policy"),
    "google_storage_bucket_iam_member": bucket_companion("iam"),
    "google_storage_bucket_iam_binding": bucket_companion("iam"),
    "aws_kms_key": keys.aws_kms_key,
    "aws_kms_external_key": keys.aws_kms_external_key,
    "aws_kms_custom_key_store": keys.aws_kms_custom_key_store,
    "aws_cloudhsm_v2_cluster": keys.aws_cloudhsm_cluster,
    "google_kms_crypto_key": keys.google_kms_crypto_key,
    "azurerm_key_vault_key": keys.azurerm_key_vault_key,
    "azurerm_key_vault": keys.azurerm_key_vault,
    "azurerm_key_vault_managed_hardware_security_module": keys.azurerm_managed_hsm,
    "aws_secretsmanager_secret": keys.aws_secretsmanager_secret,
    "aws_secretsmanager_secret_rotation": keys.aws_secretsmanager_rotation,
    "google_secret_manager_secret": keys.google_secret_manager_secret,
    "vault_database_secret_backend_static_role": keys.vault_static_role,
    "vault_database_secret_backend_role": keys.vault_lease("default_ttl", "max_ttl", "vault-database-role"),
    "vault_mount": keys.vault_lease("default_lease_ttl_seconds", "max_lease_ttl_seconds", "vault-mount"),
    "vault_aws_secret_backend": keys.vault_lease(
        "default_lease_ttl_seconds", "max_lease_ttl_seconds", "vault-aws-backend"
    ),
    "vault_kv_secret_v2": keys.vault_kv_secret,
    "vault_kv_secret": keys.vault_kv_secret,
}
