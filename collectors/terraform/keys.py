"""Key-management facts from Terraform plans: encryption keys (`keys`) and managed secrets
(`secrets`).

`keys`: AWS KMS keys, imported-material keys and custom key stores, CloudHSM clusters, Google
Cloud KMS crypto keys, Azure Key Vault keys, vaults and Managed HSMs, each with whether it is
HSM-backed, whether it rotates and how often, and whether its key policy grants every KMS action
to any principal. `secrets`: AWS Secrets Manager secrets (with the rotation resource folded in),
Google Secret Manager secrets, Vault database roles, mounts and KV secrets, each with the days
between automatic rotations (None when nothing rotates it). Key material and secret values are
never read: the plan marks them sensitive and they are redacted before extraction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Fact = tuple[str, dict[str, Any]]
DAY = 86400
_RATE = re.compile(r"^rate\((\d+)\s+(day|days|hour|hours)\)$")
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)s$")
_ISO_DAYS = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


def block(values: dict[str, Any], name: str) -> dict[str, Any]:
    """A nested block: Terraform JSON holds single blocks as one-element lists (as data.block)."""
    value = values.get(name)
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], dict) else {}
    return value if isinstance(value, dict) else {}


def _days_from_seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return round(value / DAY, 2)


def _duration_days(value: Any) -> float | None:
    """Google's duration string ("7776000s") in days."""
    match = _DURATION.match(str(value or ""))
    return round(float(match.group(1)) / DAY, 2) if match else None


def _iso_days(value: Any) -> float | None:
    """An ISO 8601 period as Azure writes it (P90D, P1Y, P3M) in days."""
    match = _ISO_DAYS.match(str(value or ""))
    if not match or not any(match.groups()):
        return None
    years, months, days = (int(g or 0) for g in match.groups())
    return float(years * 365 + months * 30 + days)


def _wildcard_key_policy(document: Any) -> bool:
    if not isinstance(document, str):
        return False
    try:
        parsed = json.loads(document)
    except ValueError:
        return False
    statements = parsed.get("Statement") if isinstance(parsed, dict) else None
    if isinstance(statements, dict):
        statements = [statements]
    for s in statements or []:
        if not isinstance(s, dict) or s.get("Effect") != "Allow" or "Condition" in s:
            continue
        principal = s.get("Principal")
        actions = s.get("Action") if isinstance(s.get("Action"), list) else [s.get("Action")]
        every = principal == "*" or (
            isinstance(principal, dict)
            and any(p == "*" or (isinstance(p, list) and "*" in p) for p in principal.values())
        )
        if every and ("kms:*" in actions or "*" in actions):
            return True
    return False


def _key(store: str, hsm: bool, rotates: bool | None, days: float | None, **extra: Any) -> dict[str, Any]:
    return {"store": store, "hsm": hsm, "rotation_enabled": rotates, "rotation_days": days, **extra}


def _period(days: Any) -> float:
    """KMS rotation period in days (365 when unset, the AWS default)."""
    return float(days) if isinstance(days, int | float) and not isinstance(days, bool) and days > 0 else 365.0


def aws_kms_key(v: dict[str, Any]) -> Fact:
    rotates = bool(v.get("enable_key_rotation"))
    symmetric = str(v.get("customer_master_key_spec") or "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
    return "keys", _key(
        "aws-kms",
        bool(v.get("custom_key_store_id")),
        rotates if symmetric else None,
        _period(v.get("rotation_period_in_days")) if rotates else None,
        public_policy=_wildcard_key_policy(v.get("policy")),
        imported_material=False,
    )


def aws_kms_external_key(v: dict[str, Any]) -> Fact:
    return "keys", _key(
        "aws-kms",
        False,
        False,
        None,
        public_policy=_wildcard_key_policy(v.get("policy")),
        imported_material=True,
    )


def aws_kms_custom_key_store(v: dict[str, Any]) -> Fact:
    kind = str(v.get("custom_key_store_type") or "AWS_CLOUDHSM")
    return "keys", _key("aws-kms-custom-key-store", kind == "AWS_CLOUDHSM", None, None, store_type=kind)


def aws_cloudhsm_cluster(v: dict[str, Any]) -> Fact:
    return "keys", _key("aws-cloudhsm", True, None, None, hsm_type=v.get("hsm_type"))


def google_kms_crypto_key(v: dict[str, Any]) -> Fact:
    level = str(block(v, "version_template").get("protection_level") or "SOFTWARE")
    days = _duration_days(v.get("rotation_period"))
    encrypting = str(v.get("purpose") or "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
    return "keys", _key(
        "gcp-kms",
        level in ("HSM", "EXTERNAL", "EXTERNAL_VPC"),
        (days is not None) if encrypting else None,
        days,
        protection_level=level,
        imported_material=bool(v.get("import_only")),
    )


def azurerm_key_vault_key(v: dict[str, Any]) -> Fact:
    policy = block(v, "rotation_policy")
    automatic = block(policy, "automatic")
    days = _iso_days(automatic.get("time_after_creation")) or (
        _iso_days(policy.get("expire_after")) if automatic.get("time_before_expiry") else None
    )
    key_type = str(v.get("key_type") or "")
    return "keys", _key(
        "azure-key-vault", key_type.endswith("-HSM"), bool(automatic), days, key_type=key_type
    )


def azurerm_key_vault(v: dict[str, Any]) -> Fact:
    return "keys", _key(
        "azure-key-vault",
        str(v.get("sku_name") or "").lower() == "premium",
        None,
        None,
        vault=True,
        purge_protection=bool(v.get("purge_protection_enabled")),
    )


def azurerm_managed_hsm(v: dict[str, Any]) -> Fact:
    return "keys", _key("azure-managed-hsm", True, None, None, vault=True)


def _secret(store: str, days: float | None, how: str | None, **extra: Any) -> dict[str, Any]:
    return {"store": store, "rotation_days": days, "rotation": how, **extra}


def aws_secretsmanager_secret(v: dict[str, Any]) -> Fact:
    return "secrets", _secret("aws-secrets-manager", None, None, name=v.get("name"))


def schedule_days(rules: dict[str, Any]) -> float | None:
    """Days between rotations of a Secrets Manager rotation_rules block: automatically_after_days,
    or a rate() schedule; a cron() schedule counts as 1 day when it names every day (`*` or `?`
    day-of-month and month), else as unknown."""
    if (
        isinstance(rules.get("automatically_after_days"), int | float)
        and rules["automatically_after_days"] > 0
    ):
        return float(rules["automatically_after_days"])
    expression = str(rules.get("schedule_expression") or "").strip()
    rate = _RATE.match(expression)
    if rate:
        amount = float(rate.group(1))
        return amount if rate.group(2).startswith("day") else round(amount / 24, 2)
    cron = re.match(r"^cron\((.*)\)$", expression)
    if cron:
        fields = cron.group(1).split()
        if len(fields) >= 5 and fields[2] in ("*", "?") and fields[3] == "*":
            return 1.0 if fields[4] in ("*", "?") else 7.0
        if len(fields) >= 4 and fields[3] == "*" and re.fullmatch(r"\d+", fields[2]):
            return 31.0  # once a month
    return None


def aws_secretsmanager_rotation(v: dict[str, Any]) -> Fact:
    days = schedule_days(block(v, "rotation_rules"))
    return "secrets", {"aux": "rotation", "secret_id": v.get("secret_id"), "value": days}


def google_secret_manager_secret(v: dict[str, Any]) -> Fact:
    rotation = block(v, "rotation")
    days = _duration_days(rotation.get("rotation_period"))
    return "secrets", _secret("gcp-secret-manager", days, "rotation.rotation_period" if days else None)


def vault_static_role(v: dict[str, Any]) -> Fact:
    days = _days_from_seconds(v.get("rotation_period"))
    how = "rotation_period" if days else ("rotation_schedule" if v.get("rotation_schedule") else None)
    return "secrets", _secret("vault-static-role", days if days else (1.0 if how else None), how)


def vault_lease(default_field: str, max_field: str, store: str) -> Callable[[dict[str, Any]], Fact]:
    """Vault dynamic credentials: a lease (max TTL, else default TTL) ends the credential."""

    def extract(v: dict[str, Any]) -> Fact:
        days = _days_from_seconds(v.get(max_field)) or _days_from_seconds(v.get(default_field))
        return "secrets", _secret(store, days, "lease ttl" if days else None, dynamic=True)

    return extract


def vault_kv_secret(v: dict[str, Any]) -> Fact:
    return "secrets", _secret("vault-kv", None, None, static=True)


def fold_rotations(secrets: dict[str, Any]) -> None:
    """Fold each aws_secretsmanager_secret_rotation into its secret (by configuration reference,
    or by the secret's name); a rotation whose secret is not in this plan stays as its own fact."""
    by_name = {f.get("name"): key for key, f in secrets.items() if "aux" not in f and f.get("name")}
    for key in [k for k, f in secrets.items() if f.get("aux") == "rotation"]:
        aux = secrets[key]
        refs = aux.get("references", {}).get("secret_id", [])
        target = next((r for r in refs if r in secrets and "aux" not in secrets[r]), None) or by_name.get(
            aux.get("secret_id")
        )
        if target:
            secrets.pop(key)
            secrets[target].update({"rotation_days": aux["value"], "rotation": "rotation_rules"})
            secrets[target].setdefault("companions", []).append(aux["provenance"]["ref"])
        else:
            secrets[key] = {
                **_secret("aws-secrets-manager", aux["value"], "rotation_rules", name=None),
                **{k: aux[k] for k in ("address", "type", "provenance", "references") if k in aux},
            }
