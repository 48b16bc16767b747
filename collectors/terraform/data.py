"""Facts from Terraform data resources: managed databases and caches, and storage buckets.

Each extractor takes a resource's redacted `after` values and returns (section table, fact).
Database facts carry a `backup` summary in the same shape as Kubernetes databases
(interval_hours, pitr, retention_days, offsite, encrypted), so one Rego rule judges both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gonogo.collectors.terraform.compliance import COMPLIANCE_KEYS
from gonogo.collectors.terraform.operations import OPERATIONS_KEYS

SECTION_KEYS = (
    "databases",
    "storage",
    "load_balancers",
    "lb_listeners",
    "lb_target_groups",
    "dns_records",
    "cdn",
    "firewall_rules",
    "kubernetes_clusters",
    "node_pools",
    "certificates",
    "connection_poolers",
    *OPERATIONS_KEYS,
    *COMPLIANCE_KEYS,
)


def block(values: dict[str, Any], name: str) -> dict[str, Any]:
    """A nested block: Terraform JSON holds single blocks as one-element lists."""
    value = values.get(name)
    if isinstance(value, list):
        return value[0] if value and isinstance(value[0], dict) else {}
    return value if isinstance(value, dict) else {}


def _backup(automated: bool, retention: Any, pitr: Any, encrypted: Any, via: str) -> dict[str, Any]:
    days = float(retention) if isinstance(retention, int | float) else None
    return {
        "sources": [via] if automated else [],
        "via": [via] if automated else [],
        "interval_hours": 24.0 if automated else None,
        "pitr": pitr,
        "retention_days": days,
        "offsite": True if automated else None,
        "encrypted": encrypted,
    }


def _engine(name: Any) -> str:
    text = str(name or "").lower()
    for engine in (
        "postgres",
        "mysql",
        "mariadb",
        "sqlserver",
        "oracle",
        "redis",
        "valkey",
        "memcached",
        "mongo",
    ):
        if engine in text:
            return {"postgres": "postgresql", "mariadb": "mysql", "valkey": "redis", "mongo": "mongodb"}.get(
                engine, engine
            )
    return text or "unknown"


def aws_db_instance(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    retention = v.get("backup_retention_period") or 0
    encrypted = bool(v.get("storage_encrypted"))
    return "databases", {
        "engine": _engine(v.get("engine")),
        "engine_version": v.get("engine_version"),
        "storage_encrypted": encrypted,
        "multi_az": bool(v.get("multi_az")),
        "instances": 2 if v.get("multi_az") else 1,
        "publicly_accessible": bool(v.get("publicly_accessible")),
        "deletion_protection": v.get("deletion_protection"),
        "backup": _backup(retention > 0, retention, retention > 0, encrypted, "RDS automated backups"),
    }


def aws_rds_cluster(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    retention = v.get("backup_retention_period") or 1
    encrypted = bool(v.get("storage_encrypted"))
    return "databases", {
        "engine": _engine(v.get("engine")),
        "engine_version": v.get("engine_version"),
        "storage_encrypted": encrypted,
        "multi_az": len(v.get("availability_zones") or []) > 1,
        "instances": None,
        "publicly_accessible": None,
        "deletion_protection": v.get("deletion_protection"),
        "backup": _backup(True, retention, True, encrypted, "Aurora continuous backups"),
    }


def google_sql_database_instance(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    settings = block(v, "settings")
    backup = block(settings, "backup_configuration")
    kept = block(backup, "backup_retention_settings").get("retained_backups", 7) if backup else None
    encrypted: Any = True if v.get("encryption_key_name") else "provider_default"
    enabled = bool(backup.get("enabled"))
    return "databases", {
        "engine": _engine(v.get("database_version")),
        "engine_version": v.get("database_version"),
        "storage_encrypted": encrypted,
        "multi_az": settings.get("availability_type") == "REGIONAL",
        "instances": 2 if settings.get("availability_type") == "REGIONAL" else 1,
        "publicly_accessible": None,
        "deletion_protection": v.get("deletion_protection"),
        "backup": _backup(
            enabled,
            kept,
            bool(backup.get("point_in_time_recovery_enabled") or backup.get("binary_log_enabled")),
            encrypted,
            "Cloud SQL backups",
        ),
    }


def azurerm_flexible_server(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    retention = v.get("backup_retention_days", 7)
    encrypted: Any = True if block(v, "customer_managed_key") else "provider_default"
    return "databases", {
        "engine": "postgresql" if "postgres" in str(v.get("version", "")) or "zone" in v else "unknown",
        "engine_version": v.get("version"),
        "storage_encrypted": encrypted,
        "multi_az": bool(block(v, "high_availability")),
        "instances": 2 if block(v, "high_availability") else 1,
        "publicly_accessible": v.get("public_network_access_enabled"),
        "deletion_protection": None,
        "backup": _backup(True, retention, True, encrypted, "Azure automated backups"),
    }


def aws_elasticache(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    nodes = (
        v.get("num_cache_clusters")
        or v.get("num_cache_nodes")
        or ((v.get("num_node_groups") or 1) * ((v.get("replicas_per_node_group") or 0) + 1))
    )
    snapshots = v.get("snapshot_retention_limit") or 0
    encrypted = bool(v.get("at_rest_encryption_enabled"))
    return "databases", {
        "engine": _engine(v.get("engine") or "redis"),
        "engine_version": v.get("engine_version"),
        "storage_encrypted": encrypted,
        "multi_az": bool(v.get("multi_az_enabled") or v.get("automatic_failover_enabled")),
        "instances": nodes,
        "parameter_group": v.get("parameter_group_name"),
        "maxmemory_policy": "volatile-lru (ElastiCache default parameter group)"
        if str(v.get("parameter_group_name") or "default.").startswith("default.")
        else None,
        "persistence": {"rdb": snapshots > 0, "aof": None, "volume": None},
        "backup": _backup(snapshots > 0, snapshots, False, encrypted, "ElastiCache snapshots"),
    }


def google_redis_instance(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    persistence = block(v, "persistence_config")
    rdb = persistence.get("persistence_mode") == "RDB"
    return "databases", {
        "engine": "redis",
        "engine_version": v.get("redis_version"),
        "storage_encrypted": "provider_default",
        "multi_az": v.get("tier") == "STANDARD_HA",
        "instances": 2 if v.get("tier") == "STANDARD_HA" else 1,
        "maxmemory_policy": (v.get("redis_configs") or {}).get("maxmemory-policy"),
        "persistence": {"rdb": rdb, "aof": None, "volume": None},
        "backup": _backup(rdb, None, False, "provider_default", "Memorystore RDB snapshots"),
    }


def aws_dynamodb_table(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    pitr = bool(block(v, "point_in_time_recovery").get("enabled"))
    sse = block(v, "server_side_encryption")
    encrypted: Any = True if sse.get("enabled") else "provider_default"
    return "databases", {
        "engine": "dynamodb",
        "engine_version": None,
        "storage_encrypted": encrypted,
        "multi_az": True,
        "instances": None,
        "backup": _backup(pitr, 35 if pitr else None, pitr, encrypted, "DynamoDB PITR"),
    }


def aws_s3_bucket(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    sse = block(block(v, "server_side_encryption_configuration"), "rule")
    versioning = block(v, "versioning")
    return "storage", {
        "bucket": v.get("bucket"),
        "encryption": block(sse, "apply_server_side_encryption_by_default").get("sse_algorithm")
        or "provider_default (SSE-S3)",
        "versioning": bool(versioning.get("enabled")) if versioning else None,
        "lifecycle_rules": len(v.get("lifecycle_rule") or []),
        "public_access_blocked": None,
    }


def google_storage_bucket(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "storage", {
        "bucket": v.get("name"),
        "encryption": "customer_managed" if block(v, "encryption") else "provider_default",
        "versioning": bool(block(v, "versioning").get("enabled")),
        "lifecycle_rules": len(v.get("lifecycle_rule") or []),
        "public_access_blocked": v.get("public_access_prevention") == "enforced",
    }


def s3_companion(kind: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        fact: dict[str, Any] = {"aux": kind, "bucket": v.get("bucket")}
        if kind == "encryption":
            rule = block(v, "rule")
            fact["value"] = block(rule, "apply_server_side_encryption_by_default").get("sse_algorithm")
        elif kind == "versioning":
            fact["value"] = block(v, "versioning_configuration").get("status") == "Enabled"
        elif kind == "public_access_block":
            fact["value"] = all(
                v.get(k)
                for k in (
                    "block_public_acls",
                    "block_public_policy",
                    "ignore_public_acls",
                    "restrict_public_buckets",
                )
            )
        else:
            fact["value"] = len(v.get("rule") or [])
        return "storage", fact

    return extract


def link_buckets(section: dict[str, Any]) -> None:
    """Fold aws_s3_bucket_* companion resources into their bucket, by bucket name or config reference."""
    storage = section["storage"]
    by_name = {f.get("bucket"): key for key, f in storage.items() if "aux" not in f and f.get("bucket")}
    field = {
        "encryption": "encryption",
        "versioning": "versioning",
        "public_access_block": "public_access_blocked",
        "lifecycle": "lifecycle_rules",
    }
    for key in [k for k, f in storage.items() if "aux" in f]:
        aux = storage.pop(key)
        refs = aux.get("references", {}).get("bucket", [])
        target = by_name.get(aux.get("bucket")) or next((r for r in refs if r in storage), None)
        if target:
            storage[target][field[aux["aux"]]] = aux["value"]
            storage[target].setdefault("companions", []).append(aux["provenance"]["ref"])
    for table in section.values():
        for fact in table.values():
            fact.pop("references", None)
