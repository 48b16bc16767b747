"""Facts from Terraform network and compute resources: firewalls, load balancers, DNS, CDN,
Kubernetes clusters and node pools, certificates, database proxies (AWS, Google, Azure, Cloudflare).

Each extractor takes a resource's redacted `after` values and returns (section table, fact).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gonogo.collectors.terraform.data import block

WEB_PORTS = frozenset({80, 443})
_WORLD = ("0.0.0.0/0", "::/0", "*", "Internet", "any")
CLOUDFRONT_CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"


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


def vpc_security_group_rule(direction: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
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


def plain_fields(table: str, **fields: str) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
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


def gcp_cdn_backend(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if not v.get("enable_cdn"):
        return "load_balancers", {"kind": "backend without Cloud CDN", "internal": None}
    return "cdn", {
        "provider": "cloud-cdn",
        "enabled": bool(v.get("enable_cdn")),
        "caches": bool(v.get("enable_cdn")),
        "viewer_protocol_policy": None,
        "cache_behaviors": 1,
    }


def azure_cdn(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "cdn", {
        "provider": "azure-cdn",
        "enabled": v.get("enabled", True),
        "caches": True,
        "viewer_protocol_policy": None,
        "cache_behaviors": 1,
    }


def route53_record(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "dns_records", {
        "name": v.get("name"),
        "record_type": v.get("type"),
        "ttl": v.get("ttl"),
        "alias": bool(v.get("alias")),
        "records": len(v.get("records") or []) or None,
    }


def dns_record(
    name_field: str, type_field: str | None
) -> Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]:
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


def certificate(
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
