# METADATA
# title: "Application State:"
# description: >-
#   Checklist item 5.1.2 (5.1 Backup Strategy). Persistent volumes (PersistentVolumeClaims and
#   StatefulSet volumeClaimTemplates) must be covered by a Velero Schedule (volume snapshots or
#   file-system backup for their namespace), a volume backup CronJob, or their database's backup.
#   Redis must persist (RDB or AOF) or be snapshotted; not applicable when context.uses_redis is
#   false. Configuration is backed up when a GitOps source (Argo CD, Flux) holds it, a Velero
#   Schedule includes cluster resources, or a CronJob exports it.
# custom:
#   id: "5.1.2"
#   section: "5.1 Backup Strategy"
#   severity: high
#   criteria:
#     - "Persistent volumes backed up"
#     - "Redis snapshots configured (if using)"
#     - "Configuration backups automated"
#   evidence:
#     - kubernetes.volumes
#     - kubernetes.backups
#     - kubernetes.databases
#     - kubernetes.gitops
#     - kubernetes.workloads
#     - infrastructure.databases
#   remediation: >-
#     Add a Velero Schedule (snapshotVolumes or defaultVolumesToFsBackup) for every namespace with
#     persistent volumes, enable Redis RDB/AOF persistence or snapshots, and keep cluster
#     configuration in Git (Argo CD/Flux) or in a scheduled Velero backup.
package gonogo.items.backup.backup_strategy.application_state

import data.gonogo.lib.kubernetes as k8s
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

volumes := k8s.table(["volumes"])

volume_problems contains {"message": msg, "ref": k8s.ref(v)} if {
	some v in volumes
	count(v.backed_up_by) == 0
	msg := sprintf("%s %s (%s): persistent volume not covered by any backup", [v.kind, k8s.display(v), k8s.ref(v)])
}

criteria["Persistent volumes backed up"] := result.pending("workloads and volume claims from manifests or a live cluster") if {
	not k8s.collected
} else := result.nothing("persistent volume (PersistentVolumeClaim or volumeClaimTemplate)") if {
	count(volumes) == 0
} else := result.fail(k8s.summary(volume_problems), k8s.problem_refs(volume_problems)) if {
	count(volume_problems) > 0
} else := result.pass(sprintf("%d persistent volume owner(s) backed up", [count(volumes)]), k8s.refs(volumes))

default _collected := false

_collected if k8s.collected

_collected if k8s.infra_collected

caches := k8s.caches

_persists(c) if c.persistence.rdb == true

_persists(c) if c.persistence.aof == true

_persists(c) if count(c.backup.sources) > 0

redis_problems contains {"message": msg, "ref": k8s.ref(c)} if {
	some c in caches
	not _persists(c)
	msg := sprintf("redis %s (%s): no RDB/AOF persistence or snapshots declared", [k8s.label(c), k8s.ref(c)])
}

criteria["Redis snapshots configured (if using)"] := result.unless_false("uses_redis", k8s.judge(
	_collected, "Redis objects in manifests, a live cluster or a Terraform plan", caches,
	"Redis (operator object, redis StatefulSet, ElastiCache or Memorystore)", redis_problems,
	sprintf("%d Redis deployment(s) persist or are snapshotted", [count(caches)]),
))

_config_sources contains {"message": sprintf("GitOps %s %s (%s)", [g.kind, g.name, k8s.ref(g)]), "ref": k8s.ref(g)} if {
	some g in k8s.table(["gitops"])
}

_config_sources contains {"message": sprintf("velero schedule %s (%s)", [s.name, k8s.ref(s)]), "ref": k8s.ref(s)} if {
	some s in k8s.table(["backups", "velero_schedules"])
	not s.paused
	some resource in s.included_resources
	resource in {"*", "configmaps", "secrets"}
}

_config_sources contains {"message": sprintf("backup CronJob %s (%s)", [c.name, k8s.ref(c)]), "ref": k8s.ref(c)} if {
	some c in k8s.table(["backups", "cronjobs"])
	"config" in c.targets
}

criteria["Configuration backups automated"] := result.pending("GitOps, Velero or backup CronJob objects") if {
	not k8s.collected
} else := result.pass(k8s.summary(_config_sources), k8s.problem_refs(_config_sources)) if {
	count(_config_sources) > 0
} else := result.nothing("workloads (whose configuration a backup would restore)") if {
	count(_workload_refs) == 0
} else := result.fail(
	sprintf(
		"no GitOps source (Argo CD/Flux), Velero Schedule of cluster resources or config-backup CronJob found for %d workload(s)",
		[count(_workload_refs)],
	),
	_workload_refs,
)

_workload_refs := sort({k8s.ref(w) |
	some w in k8s.table(["workloads"])
	not k8s.system_namespace(object.get(w, "namespace", ""))
})
