"""Facts from the planned values of the Terraform resource types gonogo understands (AWS, Google, Azure).

Each extractor takes a resource's redacted `after` values and returns (section table, fact).
Database facts carry a `backup` summary in the same shape as Kubernetes databases
(interval_hours, pitr, retention_days, offsite, encrypted), so one Rego rule judges both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
)
WEB_PORTS = frozenset({80, 443})
_WORLD = ("0.0.0.0/0", "::/0", "*", "Internet", "any")
CLOUDFRONT_CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"


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


def _s3_aux(kind: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
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


def _rule(direction: str, protocol: Any, from_port: Any, to_port: Any, cidrs: list[Any]) -> dict[str, Any]:
    protocol = str(protocol if protocol is not None else "-1").lower()
    all_ports = protocol in ("-1", "all", "*") or (from_port in (None, -1) and to_port in (None, -1))
    low, high = (
        (0, 65535) if all_ports else (int(from_port or 0), int(to_port if to_port is not None else from_port))
    )
    world = any(str(c) in _WORLD for c in cidrs)
    exposes = world and direction == "ingress" and not (low == high and low in WEB_PORTS)
    return {
        "direction": direction,
        "protocol": protocol,
        "ports": f"{low}-{high}" if low != high else str(low),
        "cidrs": [str(c) for c in cidrs],
        "open_to_world": world,
        "exposes_non_web_port_to_world": exposes,
    }


def _firewall(rules: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    return "firewall_rules", {
        "rules": rules,
        "ingress_rules": sum(1 for r in rules if r["direction"] == "ingress"),
        "egress_rules": sum(1 for r in rules if r["direction"] == "egress"),
        "world_open_non_web": [
            f"{r['protocol']}/{r['ports']} from {','.join(r['cidrs'])}"
            for r in rules
            if r["exposes_non_web_port_to_world"]
        ],
    }


def aws_security_group(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    rules = [
        _rule(
            d,
            r.get("protocol"),
            r.get("from_port"),
            r.get("to_port"),
            (r.get("cidr_blocks") or []) + (r.get("ipv6_cidr_blocks") or []),
        )
        for d in ("ingress", "egress")
        for r in v.get(d) or []
        if isinstance(r, dict)
    ]
    return _firewall(rules)


def aws_security_group_rule(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return _firewall(
        [
            _rule(
                str(v.get("type")),
                v.get("protocol"),
                v.get("from_port"),
                v.get("to_port"),
                (v.get("cidr_blocks") or []) + (v.get("ipv6_cidr_blocks") or []),
            )
        ]
    )


def _vpc_rule(direction: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        cidrs = [c for c in (v.get("cidr_ipv4"), v.get("cidr_ipv6")) if c]
        return _firewall(
            [_rule(direction, v.get("ip_protocol"), v.get("from_port"), v.get("to_port"), cidrs)]
        )

    return extract


def google_compute_firewall(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    direction = "egress" if v.get("direction") == "EGRESS" else "ingress"
    cidrs = v.get("source_ranges") if direction == "ingress" else v.get("destination_ranges")
    rules = []
    for allow in v.get("allow") or []:
        ports = [str(p) for p in allow.get("ports") or []] or ["0-65535"]
        for port in ports:
            low, _, high = port.partition("-")
            rules.append(_rule(direction, allow.get("protocol"), int(low), int(high or low), cidrs or []))
    if v.get("deny"):
        rules.append(
            _rule(direction, "deny", 0, 0, [])
            | {"open_to_world": False, "exposes_non_web_port_to_world": False}
        )
    return _firewall(rules)


def azurerm_network_security_group(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    rules = []
    for r in v.get("security_rule") or [v]:
        if str(r.get("access", "")).lower() != "allow":
            continue
        direction = "ingress" if str(r.get("direction", "")).lower() == "inbound" else "egress"
        port = str(r.get("destination_port_range") or "*")
        low, _, high = ("0-65535" if port == "*" else port).partition("-")
        sources = [r.get("source_address_prefix"), *list(r.get("source_address_prefixes") or [])]
        rules.append(
            _rule(direction, r.get("protocol"), int(low), int(high or low), [s for s in sources if s])
        )
    return _firewall(rules)


def aws_lb(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "load_balancers", {
        "kind": v.get("load_balancer_type", "application"),
        "internal": bool(v.get("internal")),
        "cross_zone": v.get("enable_cross_zone_load_balancing"),
        "deletion_protection": v.get("enable_deletion_protection"),
    }


def aws_lb_listener(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    action = block(v, "default_action")
    redirect = block(action, "redirect")
    return "lb_listeners", {
        "port": v.get("port"),
        "protocol": v.get("protocol"),
        "certificate": bool(v.get("certificate_arn")),
        "ssl_policy": v.get("ssl_policy"),
        "action": action.get("type"),
        "redirects_to_https": action.get("type") == "redirect"
        and str(redirect.get("protocol", "")).upper() == "HTTPS",
    }


def aws_lb_target_group(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    check = block(v, "health_check")
    return "lb_target_groups", {
        "port": v.get("port"),
        "protocol": v.get("protocol"),
        "health_check": check.get("enabled", True) is not False,
        "health_check_path": check.get("path"),
    }


def _simple(table: str, **fields: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return table, {name: v.get(source) for name, source in fields.items()}

    return extract


def aws_cloudfront_distribution(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    behavior = block(v, "default_cache_behavior")
    policy = behavior.get("cache_policy_id")
    caches = (
        (policy != CLOUDFRONT_CACHING_DISABLED)
        if policy
        else bool((behavior.get("default_ttl") or 0) > 0 or (behavior.get("max_ttl") or 0) > 0)
    )
    return "cdn", {
        "provider": "cloudfront",
        "enabled": v.get("enabled", True),
        "caches": caches,
        "viewer_protocol_policy": behavior.get("viewer_protocol_policy"),
        "cache_behaviors": 1 + len(v.get("ordered_cache_behavior") or []),
    }


def _gcp_cdn(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if not v.get("enable_cdn"):
        return "load_balancers", {"kind": "backend without Cloud CDN", "internal": None}
    return "cdn", {
        "provider": "cloud-cdn",
        "enabled": bool(v.get("enable_cdn")),
        "caches": bool(v.get("enable_cdn")),
        "viewer_protocol_policy": None,
        "cache_behaviors": 1,
    }


def _azure_cdn(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "cdn", {
        "provider": "azure-cdn",
        "enabled": v.get("enabled", True),
        "caches": True,
        "viewer_protocol_policy": None,
        "cache_behaviors": 1,
    }


def _route53(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "dns_records", {
        "name": v.get("name"),
        "record_type": v.get("type"),
        "ttl": v.get("ttl"),
        "alias": bool(v.get("alias")),
        "records": len(v.get("records") or []) or None,
    }


def _dns(name_field: str, type_field: str | None) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "dns_records", {
            "name": v.get(name_field),
            "record_type": v.get(type_field) if type_field else None,
            "ttl": v.get("ttl"),
            "alias": False,
            "records": None,
        }

    return extract


def aws_eks_node_group(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    scaling = block(v, "scaling_config")
    return "node_pools", {
        "min_nodes": scaling.get("min_size"),
        "max_nodes": scaling.get("max_size"),
        "desired_nodes": scaling.get("desired_size"),
        "autoscaling": (scaling.get("max_size") or 0) > (scaling.get("min_size") or 0),
    }


def google_container_node_pool(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    auto = block(v, "autoscaling")
    zones = len(v.get("node_locations") or []) or 1
    minimum = auto.get("total_min_node_count") or (auto.get("min_node_count") or 0) * zones if auto else None
    maximum = auto.get("total_max_node_count") or (auto.get("max_node_count") or 0) * zones if auto else None
    count = (v.get("node_count") or v.get("initial_node_count") or 0) * zones
    return "node_pools", {
        "min_nodes": minimum if auto else count,
        "max_nodes": maximum if auto else count,
        "desired_nodes": count or None,
        "autoscaling": bool(auto),
    }


def azurerm_node_pool(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    auto = bool(v.get("auto_scaling_enabled") or v.get("enable_auto_scaling"))
    count = v.get("node_count")
    return "node_pools", {
        "min_nodes": v.get("min_count") if auto else count,
        "max_nodes": v.get("max_count") if auto else count,
        "desired_nodes": count,
        "autoscaling": auto,
    }


def azurerm_kubernetes_cluster(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    pool = azurerm_node_pool(block(v, "default_node_pool"))[1]
    return "kubernetes_clusters", {"version": v.get("kubernetes_version"), "default_node_pool": pool}


def _cert(
    managed_renewal: Callable[[dict[str, Any]], bool],
) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
    def extract(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "certificates", {
            "domain": v.get("domain_name") or (block(v, "managed").get("domains") or [None])[0],
            "auto_renews": managed_renewal(v),
        }

    return extract


def aws_db_proxy_target_group(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    pool = block(v, "connection_pool_config")
    return "connection_poolers", {
        "kind": "rds-proxy",
        "pool_size_percent": pool.get("max_connections_percent"),
        "idle_percent": pool.get("max_idle_connections_percent"),
    }


EXTRACTORS: dict[str, Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    "aws_db_instance": aws_db_instance,
    "aws_rds_cluster": aws_rds_cluster,
    "google_sql_database_instance": google_sql_database_instance,
    "azurerm_postgresql_flexible_server": azurerm_flexible_server,
    "aws_elasticache_replication_group": aws_elasticache,
    "aws_elasticache_cluster": aws_elasticache,
    "google_redis_instance": google_redis_instance,
    "aws_dynamodb_table": aws_dynamodb_table,
    "aws_s3_bucket": aws_s3_bucket,
    "google_storage_bucket": google_storage_bucket,
    "aws_s3_bucket_server_side_encryption_configuration": _s3_aux("encryption"),
    "aws_s3_bucket_versioning": _s3_aux("versioning"),
    "aws_s3_bucket_public_access_block": _s3_aux("public_access_block"),
    "aws_s3_bucket_lifecycle_configuration": _s3_aux("lifecycle"),
    "aws_security_group": aws_security_group,
    "aws_security_group_rule": aws_security_group_rule,
    "aws_vpc_security_group_ingress_rule": _vpc_rule("ingress"),
    "aws_vpc_security_group_egress_rule": _vpc_rule("egress"),
    "google_compute_firewall": google_compute_firewall,
    "azurerm_network_security_group": azurerm_network_security_group,
    "azurerm_network_security_rule": azurerm_network_security_group,
    "aws_lb": aws_lb,
    "aws_alb": aws_lb,
    "aws_lb_listener": aws_lb_listener,
    "aws_alb_listener": aws_lb_listener,
    "aws_lb_target_group": aws_lb_target_group,
    "aws_alb_target_group": aws_lb_target_group,
    "google_compute_global_forwarding_rule": _simple(
        "load_balancers", kind="load_balancing_scheme", port="port_range"
    ),
    "google_compute_forwarding_rule": _simple(
        "load_balancers", kind="load_balancing_scheme", port="port_range"
    ),
    "azurerm_lb": _simple("load_balancers", kind="sku"),
    "azurerm_application_gateway": _simple("load_balancers", kind="name"),
    "aws_route53_record": _route53,
    "google_dns_record_set": _dns("name", "type"),
    "azurerm_dns_a_record": _dns("name", None),
    "azurerm_dns_cname_record": _dns("name", None),
    "cloudflare_record": _dns("name", "type"),
    "cloudflare_dns_record": _dns("name", "type"),
    "aws_cloudfront_distribution": aws_cloudfront_distribution,
    "google_compute_backend_bucket": _gcp_cdn,
    "google_compute_backend_service": _gcp_cdn,
    "azurerm_cdn_endpoint": _azure_cdn,
    "azurerm_cdn_frontdoor_endpoint": _azure_cdn,
    "aws_eks_cluster": _simple("kubernetes_clusters", version="version"),
    "google_container_cluster": _simple("kubernetes_clusters", version="min_master_version"),
    "azurerm_kubernetes_cluster": azurerm_kubernetes_cluster,
    "aws_eks_node_group": aws_eks_node_group,
    "google_container_node_pool": google_container_node_pool,
    "azurerm_kubernetes_cluster_node_pool": azurerm_node_pool,
    "aws_acm_certificate": _cert(lambda v: str(v.get("validation_method", "")).upper() == "DNS"),
    "google_compute_managed_ssl_certificate": _cert(lambda v: True),
    "aws_db_proxy_default_target_group": aws_db_proxy_target_group,
}
