"""The Terraform resource types gonogo understands, and which extractor reads each.

Extractors live in data.py (databases, caches, buckets) and network.py
(firewalls, load balancers, DNS, CDN, clusters, node pools, certificates, proxies).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gonogo.collectors.terraform.compliance import COMPLIANCE_EXTRACTORS
from gonogo.collectors.terraform.data import (
    SECTION_KEYS,
    aws_db_instance,
    aws_dynamodb_table,
    aws_elasticache,
    aws_rds_cluster,
    aws_s3_bucket,
    azurerm_flexible_server,
    google_redis_instance,
    google_sql_database_instance,
    google_storage_bucket,
    link_buckets,
    s3_companion,
)
from gonogo.collectors.terraform.failover import FAILOVER_EXTRACTORS
from gonogo.collectors.terraform.network import (
    aws_cloudfront_distribution,
    aws_db_proxy_target_group,
    aws_eks_node_group,
    aws_lb,
    aws_lb_listener,
    aws_lb_target_group,
    aws_security_group,
    aws_security_group_rule,
    azure_cdn,
    azurerm_kubernetes_cluster,
    azurerm_network_security_group,
    azurerm_node_pool,
    certificate,
    dns_record,
    gcp_cdn_backend,
    google_compute_firewall,
    google_container_node_pool,
    plain_fields,
    route53_record,
    vpc_security_group_rule,
)
from gonogo.collectors.terraform.operations import OPERATIONS_EXTRACTORS

__all__ = ["EXTRACTORS", "SECTION_KEYS", "link_buckets"]

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
    "aws_s3_bucket_server_side_encryption_configuration": s3_companion("encryption"),
    "aws_s3_bucket_versioning": s3_companion("versioning"),
    "aws_s3_bucket_public_access_block": s3_companion("public_access_block"),
    "aws_s3_bucket_lifecycle_configuration": s3_companion("lifecycle"),
    "aws_security_group": aws_security_group,
    "aws_security_group_rule": aws_security_group_rule,
    "aws_vpc_security_group_ingress_rule": vpc_security_group_rule("ingress"),
    "aws_vpc_security_group_egress_rule": vpc_security_group_rule("egress"),
    "google_compute_firewall": google_compute_firewall,
    "azurerm_network_security_group": azurerm_network_security_group,
    "azurerm_network_security_rule": azurerm_network_security_group,
    "aws_lb": aws_lb,
    "aws_alb": aws_lb,
    "aws_lb_listener": aws_lb_listener,
    "aws_alb_listener": aws_lb_listener,
    "aws_lb_target_group": aws_lb_target_group,
    "aws_alb_target_group": aws_lb_target_group,
    "google_compute_global_forwarding_rule": plain_fields(
        "load_balancers", kind="load_balancing_scheme", port="port_range"
    ),
    "google_compute_forwarding_rule": plain_fields(
        "load_balancers", kind="load_balancing_scheme", port="port_range"
    ),
    "azurerm_lb": plain_fields("load_balancers", kind="sku"),
    "azurerm_application_gateway": plain_fields("load_balancers", kind="name"),
    "aws_route53_record": route53_record,
    "google_dns_record_set": dns_record("name", "type"),
    "azurerm_dns_a_record": dns_record("name", None),
    "azurerm_dns_cname_record": dns_record("name", None),
    "cloudflare_record": dns_record("name", "type"),
    "cloudflare_dns_record": dns_record("name", "type"),
    "aws_cloudfront_distribution": aws_cloudfront_distribution,
    "google_compute_backend_bucket": gcp_cdn_backend,
    "google_compute_backend_service": gcp_cdn_backend,
    "azurerm_cdn_endpoint": azure_cdn,
    "azurerm_cdn_frontdoor_endpoint": azure_cdn,
    "aws_eks_cluster": plain_fields("kubernetes_clusters", version="version"),
    "google_container_cluster": plain_fields("kubernetes_clusters", version="min_master_version"),
    "azurerm_kubernetes_cluster": azurerm_kubernetes_cluster,
    "aws_eks_node_group": aws_eks_node_group,
    "google_container_node_pool": google_container_node_pool,
    "azurerm_kubernetes_cluster_node_pool": azurerm_node_pool,
    "aws_acm_certificate": certificate(lambda v: str(v.get("validation_method", "")).upper() == "DNS"),
    "google_compute_managed_ssl_certificate": certificate(lambda v: True),
    "aws_db_proxy_default_target_group": aws_db_proxy_target_group,
    **OPERATIONS_EXTRACTORS,
    **COMPLIANCE_EXTRACTORS,
    **FAILOVER_EXTRACTORS,
}
