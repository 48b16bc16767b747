"""DNS failover facts on Terraform DNS records, added to the `dns_records` facts network.py reads.

- `aws_route53_record` with a `failover_routing_policy` block: its `type` (PRIMARY or SECONDARY)
  and `set_identifier`, whether `health_check_id` is set in the plan (a health check created in
  the same plan is unknown until apply: the record's `references.health_check_id` names it),
  and whether an alias evaluates its target's health (`alias.evaluate_target_health`), which
  Route 53 accepts in place of a health check on alias records.
- `google_dns_record_set` with `routing_policy.primary_backup`: the primary's targets are health
  checked when they are internal load balancers (Cloud DNS uses their health checks), or
  external endpoints with a `routing_policy.health_check`.

Other DNS resources keep the facts network.py gives them (`failover_role` None).

Databases: an `aws_rds_cluster`'s `instances` is the number of `aws_rds_cluster_instance`
resources that name it (data.py leaves it None): two or more give Aurora a replica to fail over to.
An `aws_db_instance` read replica (`replicate_source_db`) names its source in `replica_of` and
adds one to the source's `instances`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gonogo.collectors.terraform.data import aws_db_instance, aws_rds_cluster, block
from gonogo.collectors.terraform.network import dns_record, route53_record

_NO_FAILOVER = {
    "failover_role": None,
    "set_identifier": None,
    "health_check_id": False,
    "health_checked": False,
}


def route53_failover_record(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    table, fact = route53_record(v)
    policy = block(v, "failover_routing_policy")
    if not policy:
        return table, fact | _NO_FAILOVER
    health_check = bool(v.get("health_check_id"))
    alias = block(v, "alias")
    return table, fact | {
        "failover_role": str(policy.get("type") or "").upper() or None,
        "set_identifier": v.get("set_identifier"),
        "health_check_id": health_check,
        "health_checked": health_check or bool(alias.get("evaluate_target_health")),
    }


_gcp_dns_record = dns_record("name", "type")


def gcp_failover_record(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    table, fact = _gcp_dns_record(v)
    policy = block(v, "routing_policy")
    primary_backup = block(policy, "primary_backup")
    if not primary_backup:
        return table, fact | _NO_FAILOVER
    primary = block(primary_backup, "primary")
    load_balancers = bool(primary.get("internal_load_balancers"))
    endpoints = bool(primary.get("external_endpoints"))
    return table, fact | {
        "failover_role": "PRIMARY_BACKUP",
        "set_identifier": None,
        "health_check_id": bool(policy.get("health_check")),
        "health_checked": load_balancers or (endpoints and bool(policy.get("health_check"))),
    }


def rds_cluster(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """An Aurora cluster as data.py reads it, plus its identifier to count its instances by."""
    table, fact = aws_rds_cluster(v)
    return table, fact | {"cluster_identifier": v.get("cluster_identifier")}


def db_instance(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """An RDS instance as data.py reads it, plus the instance it replicates (a read replica)."""
    table, fact = aws_db_instance(v)
    replica_of = v.get("replicate_source_db") or None
    return table, fact | {"identifier": v.get("identifier"), "replica_of": replica_of}


def rds_cluster_instance(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """An Aurora instance: folded into its cluster's `instances` by link_failover, never kept."""
    return "databases", {"aux_cluster_instance": True, "cluster_identifier": v.get("cluster_identifier")}


FAILOVER_EXTRACTORS: dict[str, Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    "aws_route53_record": route53_failover_record,
    "google_dns_record_set": gcp_failover_record,
    "aws_rds_cluster": rds_cluster,
    "aws_db_instance": db_instance,
    "aws_rds_cluster_instance": rds_cluster_instance,
}


def link_failover(section: dict[str, Any]) -> None:
    """A failover record whose health check is created in the same plan: `health_check_id` is
    unknown until apply, but the configuration's references name the health check. Runs before
    link_buckets, which drops the references."""
    for fact in section.get("dns_records", {}).values():
        if fact.get("failover_role") and fact.get("references", {}).get("health_check_id"):
            fact["health_check_id"] = True
            fact["health_checked"] = True
    _count_cluster_instances(section.get("databases", {}))
    _count_read_replicas(section.get("databases", {}))


def _count_read_replicas(databases: dict[str, Any]) -> None:
    """A read replica (`replicate_source_db`) is a standby its source can fail over to: the
    source's `instances` counts it. The replica's `replica_of` becomes the source's key when it
    is in the plan (by configuration reference or by identifier)."""
    by_identifier = {
        fact.get("identifier"): key
        for key, fact in databases.items()
        if fact.get("type") == "aws_db_instance" and fact.get("identifier")
    }
    for fact in databases.values():
        if fact.get("type") != "aws_db_instance" or fact.get("replica_of") in databases:
            continue  # not an RDS instance, or a replica already counted (an earlier plan)
        refs = fact.get("references", {}).get("replicate_source_db", [])
        source = next((r for r in refs if databases.get(r, {}).get("type") == "aws_db_instance"), None)
        source = source or by_identifier.get(fact.get("replica_of"))
        if source is not None and source in databases:
            fact["replica_of"] = source
            databases[source]["instances"] = (databases[source].get("instances") or 1) + 1


def _count_cluster_instances(databases: dict[str, Any]) -> None:
    """Each aws_rds_cluster's `instances`: the aws_rds_cluster_instance resources naming it (by
    configuration reference, or by cluster_identifier when both are known in the plan)."""
    by_identifier = {
        fact["cluster_identifier"]: key
        for key, fact in databases.items()
        if fact.get("type") == "aws_rds_cluster" and fact.get("cluster_identifier")
    }
    for key in [k for k, fact in databases.items() if fact.get("aux_cluster_instance")]:
        instance = databases.pop(key)
        refs = instance.get("references", {}).get("cluster_identifier", [])
        cluster = next((r for r in refs if databases.get(r, {}).get("type") == "aws_rds_cluster"), None)
        cluster = cluster or by_identifier.get(instance.get("cluster_identifier"))
        if cluster is not None:
            databases[cluster]["instances"] = (databases[cluster].get("instances") or 0) + 1
