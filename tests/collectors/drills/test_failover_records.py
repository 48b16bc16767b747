"""DNS failover facts on Terraform records (collectors/terraform/failover.py), from the resource
values a plan's `after` holds (AWS provider v5, Google provider v6 attribute names)."""

from __future__ import annotations

from gonogo.collectors.terraform.failover import (
    db_instance,
    gcp_failover_record,
    link_failover,
    rds_cluster,
    rds_cluster_instance,
    route53_failover_record,
)


def test_a_route53_primary_with_a_health_check() -> None:
    _, fact = route53_failover_record(
        {
            "name": "api.shop.example",
            "type": "A",
            "set_identifier": "primary",
            "failover_routing_policy": [{"type": "PRIMARY"}],
            "health_check_id": "8d0e6f4a-1b2c-4d3e-9f5a-6b7c8d9e0f1a",
            "records": ["203.0.113.10"],
        }
    )
    assert (fact["failover_role"], fact["health_checked"]) == ("PRIMARY", True)
    assert fact["set_identifier"] == "primary"


def test_a_route53_alias_secondary_evaluating_target_health() -> None:
    alias = [{"name": "dr.elb.amazonaws.com", "zone_id": "Z215JYRZR1TBD5", "evaluate_target_health": True}]
    _, fact = route53_failover_record(
        {"name": "api", "type": "A", "failover_routing_policy": [{"type": "SECONDARY"}], "alias": alias}
    )
    assert (fact["failover_role"], fact["health_check_id"]) == ("SECONDARY", False)
    assert fact["health_checked"] is True


def test_a_plain_record_has_no_failover_role() -> None:
    _, fact = route53_failover_record({"name": "assets", "type": "CNAME", "records": ["cdn.example"]})
    assert fact["failover_role"] is None
    assert fact["health_checked"] is False


def test_a_health_check_created_in_the_same_plan_is_linked_by_reference() -> None:
    primary = {"name": "api", "type": "A", "failover_routing_policy": [{"type": "PRIMARY"}]}
    _, fact = route53_failover_record(primary)
    check = "aws_route53_health_check.api"
    fact["references"] = {"health_check_id": [f"{check}.id", check]}
    section = {"dns_records": {"aws_route53_record.api": fact}}
    link_failover(section)
    assert section["dns_records"]["aws_route53_record.api"]["health_checked"] is True


def test_cloud_dns_primary_backup_on_internal_load_balancers() -> None:
    policy = {
        "primary_backup": [
            {
                "trickle_ratio": 0.1,
                "primary": [{"internal_load_balancers": [{"load_balancer_type": "regionalL4ilb"}]}],
                "backup_geo": [{"location": "europe-west4", "rrdatas": ["10.1.0.5"]}],
            }
        ]
    }
    _, fact = gcp_failover_record({"name": "api.shop.example.", "type": "A", "routing_policy": [policy]})
    assert (fact["failover_role"], fact["health_checked"]) == ("PRIMARY_BACKUP", True)


def test_cloud_dns_primary_backup_on_external_endpoints_needs_a_health_check() -> None:
    policy = {"primary_backup": [{"primary": [{"external_endpoints": ["203.0.113.10"]}], "backup_geo": []}]}
    _, fact = gcp_failover_record({"name": "api.", "type": "A", "routing_policy": [policy]})
    assert fact["health_checked"] is False
    checked = policy | {"health_check": "projects/shop/global/healthChecks/api"}
    _, fact = gcp_failover_record({"name": "api.", "type": "A", "routing_policy": [checked]})
    assert fact["health_checked"] is True


def test_aurora_instances_are_counted_into_their_cluster() -> None:
    values = {"cluster_identifier": "orders", "engine": "aurora-postgresql", "storage_encrypted": True}
    _, cluster = rds_cluster(values)
    cluster |= {"type": "aws_rds_cluster", "address": "aws_rds_cluster.orders", "references": {}}
    databases = {"aws_rds_cluster.orders": cluster}
    for name in ("one", "two"):
        _, instance = rds_cluster_instance({"cluster_identifier": None})  # unknown until apply
        refs = {"cluster_identifier": ["aws_rds_cluster.orders.id", "aws_rds_cluster.orders"]}
        kind = {"type": "aws_rds_cluster_instance", "references": refs}
        databases[f"aws_rds_cluster_instance.{name}"] = instance | kind
    _, by_name = rds_cluster_instance({"cluster_identifier": "orders"})
    by_name |= {"type": "aws_rds_cluster_instance", "references": {}}
    databases["aws_rds_cluster_instance.three"] = by_name
    link_failover({"dns_records": {}, "databases": databases})
    assert list(databases) == ["aws_rds_cluster.orders"]  # the instances are folded, not kept
    assert databases["aws_rds_cluster.orders"]["instances"] == 3


def test_a_read_replica_counts_for_its_source() -> None:
    _, source = db_instance({"identifier": "orders", "engine": "postgres", "multi_az": False})
    _, replica = db_instance({"identifier": "orders-replica", "engine": "postgres", "multi_az": False})
    refs = {"replicate_source_db": ["aws_db_instance.orders.identifier", "aws_db_instance.orders"]}
    databases = {
        "aws_db_instance.orders": source | {"type": "aws_db_instance", "references": {}},
        "aws_db_instance.orders_replica": replica | {"type": "aws_db_instance", "references": refs},
    }
    link_failover({"dns_records": {}, "databases": databases})
    link_failover({"dns_records": {}, "databases": databases})  # a second plan counts nothing twice
    assert databases["aws_db_instance.orders"]["instances"] == 2
    assert databases["aws_db_instance.orders_replica"]["replica_of"] == "aws_db_instance.orders"
