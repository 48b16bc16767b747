package gonogo.items.backup.backup_strategy.application_state_test

import data.gonogo.items.backup.backup_strategy.application_state as state
import data.gonogo.lib.testing

_volume(backed) := {
	"kind": "StatefulSet",
	"name": "files",
	"namespace": "shop",
	"backed_up_by": backed,
	"provenance": {"ref": "sts.yaml:1"},
}

_redis(rdb) := {
	"name": "cache",
	"namespace": "shop",
	"engine": "redis",
	"persistence": {"rdb": rdb, "aof": null},
	"backup": {"sources": []},
	"provenance": {"ref": "redis.yaml:1"},
}

_input(backed, rdb, gitops) := {"kubernetes": {
	"volumes": {"StatefulSet/shop/files": _volume(backed)},
	"databases": {"RedisFailover/shop/cache": _redis(rdb)},
	"gitops": gitops,
	"backups": {"velero_schedules": {}, "cronjobs": {}},
	"workloads": {"StatefulSet/shop/files": {"namespace": "shop", "provenance": {"ref": "sts.yaml:1"}}},
}}

_argo := {"Application/argocd/shop": {"kind": "Application", "name": "shop", "provenance": {"ref": "argo.yaml:1"}}}

test_pending_without_evidence if {
	r := state.report with input as {}
	r.verdict == "pending"
}

test_backed_up_state_passes if {
	r := state.report with input as _input(["velero.yaml:10"], true, _argo)
	r.verdict == "pass"
	testing.criterion(r, "Configuration backups automated").evidence == ["argo.yaml:1"]
}

test_unprotected_state_fails if {
	r := state.report with input as _input([], false, {})
	r.verdict == "fail"
	testing.criterion(r, "Persistent volumes backed up").message == "StatefulSet shop/files (sts.yaml:1): persistent volume not covered by any backup"
	contains(testing.criterion(r, "Redis snapshots configured (if using)").message, "redis shop/cache (redis.yaml:1): no RDB/AOF persistence")
	contains(testing.criterion(r, "Configuration backups automated").message, "no GitOps source")
	testing.criterion(r, "Configuration backups automated").evidence == ["sts.yaml:1"]
}

test_configuration_backups_of_no_workload_is_nothing_to_judge if {
	r := state.report with input as {"kubernetes": {"workloads": {}, "gitops": {}, "backups": {"velero_schedules": {}, "cronjobs": {}}}}
	testing.criterion(r, "Configuration backups automated").verdict == "pending"
	startswith(testing.criterion(r, "Configuration backups automated").message, "no workloads (")
}

test_redis_not_applicable_when_unused if {
	no_redis := object.union(_input(["v"], false, _argo), {"context": {"uses_redis": false}})
	r := state.report with input as object.union(no_redis, testing.attested("context.uses_redis=false", "Product Manager", {}))
	testing.criterion(r, "Redis snapshots configured (if using)").verdict == "not_applicable"

	# A typed flag does not switch off this high item: it is judged as if the flag were unset.
	typed := state.report with input as no_redis
	unflagged := state.report with input as _input(["v"], false, _argo)
	text := "Redis snapshots configured (if using)"
	testing.criterion(typed, text).verdict == testing.criterion(unflagged, text).verdict
	contains(testing.criterion(typed, text).message, "context.uses_redis is false in gonogo.yaml, but only an attestation")
}

test_no_persistent_volume_is_nothing_to_judge if {
	inp := json.patch(_input(["velero.yaml:1"], true, {}), [{"op": "replace", "path": "/kubernetes/volumes", "value": {}}])
	r := state.report with input as inp
	c := testing.criterion(r, "Persistent volumes backed up")
	c.verdict == "pending"
	c.message == "no persistent volume (PersistentVolumeClaim or volumeClaimTemplate) collected"
}
