package gonogo.items.backup.disaster_recovery_plan.failover_testing_test

import data.gonogo.items.backup.disaster_recovery_plan.failover_testing
import data.gonogo.lib.testing

_drill(name, target, outcome, at) := {
	"source": "litmus",
	"kind": "ChaosResult",
	"name": name,
	"target": target,
	"outcome": outcome,
	"outcome_checked": outcome in {"passed", "failed"},
	"started": at,
	"finished": null,
	"at": at,
	"duration_seconds": null,
	"probe_success_percent": 100,
	"measured": true,
	"tool": "litmuschaos",
	"run_id": "9f1e",
	"provenance": {"collector": "drills", "file": "chaos/results.yaml", "ref": sprintf("chaos/results.yaml:%s", [name])},
}

_drills(failovers) := {"operations": {"drills": {
	"restores": {},
	"failovers": failovers,
	"unreadable": {"restores": [], "failovers": []},
}}}

_all_passed := {
	"ChaosResult/shop/region": _drill("shop-region-failover", "region", "passed", "2026-11-02T10:00:00Z"),
	"ChaosResult/shop/db": _drill("orders-db-failover", "database", "passed", "2026-11-02T11:00:00Z"),
	"ChaosResult/shop/dns": _drill("dns-failover", "dns", "passed", "2026-11-02T12:00:00Z"),
}

_record(address, role, checked) := {
	"address": address,
	"type": "aws_route53_record",
	"name": "api.shop.example",
	"record_type": "A",
	"failover_role": role,
	"set_identifier": lower(role),
	"health_check_id": false,
	"health_checked": checked,
	"references": {},
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])},
}

_dns(records) := {"infrastructure": {"dns_records": records, "databases": {}}}

_db(address, instances, multi_az) := {address: {
	"address": address,
	"type": "aws_db_instance",
	"engine": "postgres",
	"instances": instances,
	"multi_az": multi_az,
	"provenance": {"collector": "terraform", "file": "plan.json", "ref": sprintf("plan.json:%s", [address])},
}}

test_passes_when_every_failover_drill_passed if {
	r := failover_testing.report with input as _drills(_all_passed)
	r.verdict == "pass"
	testing.all_criteria(r, "pass")
	message := testing.criterion(r, "Database failover validated").message
	contains(message, "latest database failover drill ChaosResult orders-db-failover passed, probes 100% passed")
}

test_fails_when_the_latest_database_drill_failed if {
	failed := object.union(_drill("orders-db-failover-2", "database", "failed", "2026-11-20T11:00:00Z"), {"probe_success_percent": 50})
	r := failover_testing.report with input as _drills(object.union(_all_passed, {"ChaosResult/shop/db2": failed}))
	r.verdict == "fail"
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "fail"
	contains(c.message, "orders-db-failover-2 failed, probes 50% passed")
	c.evidence == ["chaos/results.yaml:orders-db-failover-2"]
}

test_fails_when_a_primary_failover_record_has_no_health_check if {
	records := {
		"aws_route53_record.primary": _record("aws_route53_record.primary", "PRIMARY", false),
		"aws_route53_record.secondary": _record("aws_route53_record.secondary", "SECONDARY", false),
	}
	r := failover_testing.report with input as object.union(_drills(_all_passed), _dns(records))
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "fail"
	contains(c.message, "aws_route53_record.primary: PRIMARY failover record without a health check")
	c.evidence == ["plan.json:aws_route53_record.primary"]
}

test_a_health_check_created_in_the_same_plan_counts if {
	primary := object.union(
		_record("aws_route53_record.primary", "PRIMARY", false),
		{"references": {"health_check_id": ["aws_route53_health_check.api.id", "aws_route53_health_check.api"]}},
	)
	records := {
		"aws_route53_record.primary": primary,
		"aws_route53_record.secondary": _record("aws_route53_record.secondary", "SECONDARY", false),
	}
	r := failover_testing.report with input as object.union(_drills(_all_passed), _dns(records))
	testing.verdict(r, "DNS failover confirmed") == "pass"
}

test_fails_when_a_primary_has_no_secondary if {
	records := {"aws_route53_record.primary": _record("aws_route53_record.primary", "PRIMARY", true)}
	r := failover_testing.report with input as _dns(records)
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "fail"
	contains(c.message, "without a SECONDARY")
}

test_configured_dns_failover_without_a_drill_is_pending if {
	records := {
		"aws_route53_record.primary": _record("aws_route53_record.primary", "PRIMARY", true),
		"aws_route53_record.secondary": _record("aws_route53_record.secondary", "SECONDARY", false),
	}
	r := failover_testing.report with input as _dns(records)
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "pending"
	contains(c.message, "failover routing is configured (aws_route53_record.primary, aws_route53_record.secondary) but no drill confirmed it")
}

test_fails_when_the_database_has_nothing_to_fail_over_to if {
	r := failover_testing.report with input as {"infrastructure": {"databases": _db("aws_db_instance.main", 1, false), "dns_records": {}}}
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "fail"
	contains(c.message, "no failover target: aws_db_instance.main: a single instance")
}

test_a_multi_az_database_without_a_drill_is_configured_not_validated if {
	r := failover_testing.report with input as {"infrastructure": {"databases": _db("aws_db_instance.main", 2, true), "dns_records": {}}}
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "pending"
	contains(c.message, "configured (Multi-AZ or replicas: aws_db_instance.main) but no drill validated it")
}

test_chaos_mesh_injection_alone_does_not_validate if {
	injected := object.union(_drill("pg-primary-kill", "database", "injected", "2026-11-02T11:00:00Z"), {"kind": "PodChaos", "outcome_checked": false})
	r := failover_testing.report with input as _drills({"PodChaos/shop/pg": injected})
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "pending"
	contains(c.message, "PodChaos pg-primary-kill injected a fault and recovered, but nothing checked the service")
}

test_a_typed_record_only_declares_on_a_high_item if {
	typed := object.union(_drill("dns drill", "dns", "passed", "2026-11-02T12:00:00Z"), {"kind": "DrillRecord", "measured": false})
	r := failover_testing.report with input as _drills({"drills/dns.json": typed})
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "pending"
	contains(c.message, "declared only")
}

test_an_attestation_confirms_dns_failover if {
	snapshot := object.union(_drills({}), testing.attested("5.2.2#3", "DevOps Lead", {}))
	r := failover_testing.report with input as snapshot
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "pass"
	c.assurance == "attested"
	testing.verdict(r, "Database failover validated") == "pending"
}

test_error_when_a_failover_drill_file_is_unreadable if {
	snapshot := object.union(_drills(_all_passed), {"operations": {"drills": {"unreadable": {"failovers": ["drills/bad.json"]}}}})
	r := failover_testing.report with input as snapshot
	r.verdict == "error"
	contains(testing.criterion(r, "DNS failover confirmed").message, "drills/bad.json")
}

test_multi_region_not_applicable_needs_an_attestation_on_a_high_item if {
	snapshot := {"metadata": {"created_at": "2026-11-01T00:00:00Z"}, "context": {"multi_region": false}}
	r := failover_testing.report with input as snapshot
	c := testing.criterion(r, "Multi-region failover tested (if applicable)")
	c.verdict == "pending"
	contains(c.message, "context.multi_region is false")
}

test_multi_region_not_applicable_when_attested if {
	snapshot := object.union(
		{"context": {"multi_region": false}},
		testing.attested("context.multi_region=false", "Product Manager", {}),
	)
	r := failover_testing.report with input as snapshot
	testing.verdict(r, "Multi-region failover tested (if applicable)") == "not_applicable"
}

test_pending_without_attestations if {
	r := failover_testing.report with input as {}
	r.verdict == "pending"
	some c in r.criteria
	contains(c.message, "failover drill whose outcome was checked")
}

test_records_without_failover_routing_are_not_failover_records if {
	plain := object.union(_record("aws_route53_record.assets", "PRIMARY", false), {"failover_role": null})
	r := failover_testing.report with input as _dns({"aws_route53_record.assets": plain})
	c := testing.criterion(r, "DNS failover confirmed")
	c.verdict == "pending"
	not contains(c.message, "configured")
}

test_a_single_instance_cluster_database_fails_but_a_cache_does_not_count if {
	cnpg := {"Cluster/shop/orders": {
		"engine": "postgresql",
		"operator": "cloudnative-pg",
		"instances": 1,
		"provenance": {"collector": "kubernetes", "file": "k8s/db.yaml", "ref": "k8s/db.yaml:1"},
	}}
	cache := {"aws_elasticache_replication_group.sessions": object.union(
		_db("aws_elasticache_replication_group.sessions", 1, false)["aws_elasticache_replication_group.sessions"],
		{"engine": "redis"},
	)}
	r := failover_testing.report with input as {"kubernetes": {"databases": cnpg}, "infrastructure": {"databases": cache, "dns_records": {}}}
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "fail"
	contains(c.message, "no failover target: Cluster/shop/orders: a single instance")
	not contains(c.message, "sessions")
	c.evidence == ["k8s/db.yaml:1"]
}

test_a_replicated_cluster_database_is_configured if {
	cnpg := {"Cluster/shop/orders": {
		"engine": "postgresql",
		"instances": 3,
		"provenance": {"collector": "kubernetes", "file": "k8s/db.yaml", "ref": "k8s/db.yaml:1"},
	}}
	r := failover_testing.report with input as {"kubernetes": {"databases": cnpg}}
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "pending"
	contains(c.message, "(Multi-AZ or replicas: Cluster/shop/orders)")
}

test_a_read_replica_is_a_standby_not_a_single_instance if {
	primary := object.union(_db("aws_db_instance.main", 2, false)["aws_db_instance.main"], {"replica_of": null})
	replica := object.union(_db("aws_db_instance.main_replica", 1, false)["aws_db_instance.main_replica"], {"replica_of": "aws_db_instance.main"})
	dbs := {"aws_db_instance.main": primary, "aws_db_instance.main_replica": replica}
	r := failover_testing.report with input as {"infrastructure": {"databases": dbs, "dns_records": {}}}
	c := testing.criterion(r, "Database failover validated")
	c.verdict == "pending"
	contains(c.message, "(Multi-AZ or replicas: aws_db_instance.main)")
}
