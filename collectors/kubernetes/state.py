"""Stateful things in Kubernetes: operator-managed databases and caches, and connection poolers.

Recognised: CloudNativePG (Cluster, ScheduledBackup, Pooler, barman-cloud ObjectStore), Zalando
postgres-operator (postgresql), Crunchy PGO (PostgresCluster), OpsTree and Spotahome Redis operators,
database and cache images in StatefulSets/Deployments, and PgBouncer-style poolers. A database's own
backup settings (WAL archive, schedules, retention, destination, encryption) become `backup_sources`.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.kubernetes.backups import retention_days, schedule_interval_hours
from gonogo.collectors.kubernetes.workloads import command_words, pod_template

_ENGINES = (
    ("postgresql", ("postgres", "postgresql", "postgis", "timescaledb", "pgvector")),
    ("mysql", ("mysql", "mariadb", "percona-server")),
    ("mongodb", ("mongo", "mongodb")),
    ("redis", ("redis", "valkey", "redis-stack-server", "keydb")),
)
_POOLER_IMAGES = ("pgbouncer", "pgcat", "odyssey", "pgpool", "pgdog", "proxysql", "twemproxy")


def _storage_url_facts(url: str) -> dict[str, Any]:
    url = url.lower()
    offsite = url.startswith(("s3://", "gs://", "azure://", "https://")) and ".svc" not in url
    return {"destination": url.split("://", 1)[0] if "://" in url else None, "offsite": offsite}


def image_engine(image: str) -> str | None:
    base = image.rsplit("/", 1)[-1].split("@", 1)[0].split(":", 1)[0].lower()
    if "exporter" in base or base in _POOLER_IMAGES:
        return None
    for engine, names in _ENGINES:
        if base in names:
            return engine
    return None


def cnpg_cluster(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    backup = spec.get("backup") or {}
    store = backup.get("barmanObjectStore") or {}
    plugin = next(
        (
            p
            for p in spec.get("plugins") or []
            if isinstance(p, dict) and "barman-cloud" in str(p.get("name", ""))
        ),
        None,
    )
    sources: list[dict[str, Any]] = []
    if store:
        encrypted = bool(
            (store.get("data") or {}).get("encryption") or (store.get("wal") or {}).get("encryption")
        )
        facts = _storage_url_facts(str(store.get("destinationPath", "")))
        sources.append(
            {
                "via": "cloudnative-pg barmanObjectStore",
                "pitr": True,
                "retention_days": retention_days(backup.get("retentionPolicy")),
                "offsite": facts["offsite"],
                "encrypted": True if encrypted else ("provider_default" if facts["offsite"] else False),
            }
        )
    if backup.get("volumeSnapshot"):
        sources.append(
            {
                "via": "cloudnative-pg volumeSnapshot",
                "pitr": False,
                "retention_days": None,
                "offsite": False,
                "encrypted": None,
            }
        )
    return {
        "engine": "postgresql",
        "operator": "cloudnative-pg",
        "instances": spec.get("instances", 1),
        "object_store_plugin": ((plugin or {}).get("parameters") or {}).get("barmanObjectName"),
        "backup_sources": sources,
        "pooler": None,
        "storage_encrypted": None,
    }


def cnpg_object_store(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    config = spec.get("configuration") or {}
    encrypted = bool(
        (config.get("data") or {}).get("encryption") or (config.get("wal") or {}).get("encryption")
    )
    facts = _storage_url_facts(str(config.get("destinationPath", "")))
    return {
        "via": "barman-cloud ObjectStore",
        "pitr": True,
        "retention_days": retention_days(spec.get("retentionPolicy")),
        "offsite": facts["offsite"],
        "encrypted": True if encrypted else ("provider_default" if facts["offsite"] else False),
    }


def zalando_postgresql(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    sources = []
    if spec.get("enableLogicalBackup"):
        schedule = spec.get("logicalBackupSchedule", "30 00 * * *")
        sources.append(
            {
                "via": "zalando logical backup",
                "schedule": schedule,
                "interval_hours": schedule_interval_hours(schedule),
                "pitr": None,
                "retention_days": None,
                "offsite": None,
                "encrypted": None,
            }
        )
    pooler = None
    if spec.get("enableConnectionPooler") or spec.get("enableReplicaConnectionPooler"):
        pool = spec.get("connectionPooler") or {}
        pooler = {
            "type": "pgbouncer",
            "instances": pool.get("numberOfInstances", 2),
            "pool_size": pool.get("maxDBConnections"),
            "mode": pool.get("mode", "transaction"),
        }
    return {
        "engine": "postgresql",
        "operator": "zalando",
        "instances": spec.get("numberOfInstances", 1),
        "backup_sources": sources,
        "pooler": pooler,
        "storage_encrypted": None,
    }


def crunchy_postgres(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    pgbackrest = (spec.get("backups") or {}).get("pgbackrest") or {}
    options = {str(k): str(v) for k, v in (pgbackrest.get("global") or {}).items()}
    sources = []
    for repo in pgbackrest.get("repos") or []:
        if not isinstance(repo, dict):
            continue
        name = str(repo.get("name", "repo1"))
        schedules = [s for s in (repo.get("schedules") or {}).values() if s]
        interval = schedule_interval_hours(*schedules) if schedules else None
        intervals = [interval] if interval is not None else []
        offsite = any(k in repo for k in ("s3", "gcs", "azure"))
        kept = options.get(f"{name}-retention-full")
        kind = options.get(f"{name}-retention-full-type", "count")
        full_interval = schedule_interval_hours((repo.get("schedules") or {}).get("full"))
        full_days = full_interval / 24 if full_interval else None
        days = (
            float(kept)
            if kept and kept.isdigit() and kind == "time"
            else (float(kept) * full_days if kept and kept.isdigit() and full_days else None)
        )
        cipher = options.get(f"{name}-cipher-type", "none") != "none"
        sources.append(
            {
                "via": f"crunchy pgbackrest {name}",
                "schedule": ", ".join(map(str, schedules)) or None,
                "interval_hours": min(intervals) if intervals else None,
                "pitr": True,
                "retention_days": days,
                "offsite": offsite,
                "encrypted": True if cipher else ("provider_default" if offsite else False),
            }
        )
    bouncer = (spec.get("proxy") or {}).get("pgBouncer")
    pooler = None
    if isinstance(bouncer, dict):
        settings = ((bouncer.get("config") or {}).get("global")) or {}
        pooler = {
            "type": "pgbouncer",
            "instances": bouncer.get("replicas", 1),
            "pool_size": settings.get("default_pool_size"),
            "mode": settings.get("pool_mode"),
        }
    instances = sum(int(i.get("replicas", 1)) for i in spec.get("instances") or [] if isinstance(i, dict))
    return {
        "engine": "postgresql",
        "operator": "crunchy",
        "instances": instances or 1,
        "backup_sources": sources,
        "pooler": pooler,
        "storage_encrypted": None,
    }


def _redis_config(lines: list[str]) -> dict[str, Any]:
    text = "\n".join(lines).lower()
    policy = re.search(r"maxmemory-policy\s+(\S+)", text)
    return {
        "rdb": bool(re.search(r"^\s*save\s+\d+", text, re.MULTILINE)) if "save" in text else None,
        "aof": ("appendonly yes" in text) if "appendonly" in text else None,
        "maxmemory_policy": policy.group(1) if policy else None,
    }


def redis_operator(obj: dict[str, Any]) -> dict[str, Any]:
    kind = obj.get("kind")
    spec = obj.get("spec") or {}
    if kind == "RedisFailover":
        redis = spec.get("redis") or {}
        config = _redis_config([str(line) for line in redis.get("customConfig") or []])
        nodes = redis.get("replicas", 3)
        volume = bool((redis.get("storage") or {}).get("persistentVolumeClaim"))
        operator = "spotahome"
    else:
        config = {"rdb": None, "aof": None, "maxmemory_policy": None}
        size = spec.get("clusterSize", 1)
        nodes = 1 if kind == "Redis" else (size * 2 if kind == "RedisCluster" else size)
        volume = bool((spec.get("storage") or {}).get("volumeClaimTemplate"))
        operator = "opstree"
    return {
        "engine": "redis",
        "operator": operator,
        "instances": nodes,
        "persistence": {"volume": volume, "rdb": config["rdb"], "aof": config["aof"]},
        "maxmemory_policy": config["maxmemory_policy"],
        "backup_sources": [],
        "pooler": None,
        "storage_encrypted": None,
    }


def image_database(obj: dict[str, Any], engine: str) -> dict[str, Any]:
    """A database or cache run from its image in a StatefulSet or Deployment (no operator)."""
    spec = obj.get("spec") or {}
    fact: dict[str, Any] = {
        "engine": engine,
        "operator": None,
        "instances": spec.get("replicas", 1),
        "backup_sources": [],
        "pooler": None,
        "storage_encrypted": None,
    }
    if engine == "redis":
        words = command_words(obj)
        config = _redis_config([words.replace(" --", "\n")])
        fact["persistence"] = {
            "volume": bool(spec.get("volumeClaimTemplates")),
            "rdb": config["rdb"],
            "aof": config["aof"],
        }
        fact["maxmemory_policy"] = config["maxmemory_policy"]
    return fact


def pooler_from_workload(obj: dict[str, Any]) -> dict[str, Any] | None:
    """A connection pooler run as a workload; only numeric pool settings are read from its env."""
    pod = pod_template(obj).get("spec") or {}
    for container in pod.get("containers") or []:
        if not isinstance(container, dict):
            continue
        base = str(container.get("image", "")).rsplit("/", 1)[-1].split(":", 1)[0].lower()
        kind = next((p for p in _POOLER_IMAGES if p in base), None)
        if not kind:
            continue
        sizes = {}
        for var in container.get("env") or []:
            name = str((var or {}).get("name", "")).upper()
            value = str((var or {}).get("value", ""))
            if (
                name.endswith(("DEFAULT_POOL_SIZE", "POOL_SIZE", "MAX_CLIENT_CONN", "MAX_DB_CONNECTIONS"))
                and value.isdigit()
            ):
                sizes[name] = int(value)
        pool = next((v for k, v in sizes.items() if k.endswith("POOL_SIZE")), None)
        return {
            "type": kind,
            "instances": (obj.get("spec") or {}).get("replicas", 1),
            "pool_size": pool,
            "max_client_conn": next((v for k, v in sizes.items() if k.endswith("MAX_CLIENT_CONN")), None),
            "mode": None,
        }
    return None


def cnpg_pooler(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    bouncer = spec.get("pgbouncer") or {}
    params = bouncer.get("parameters") or {}
    return {
        "type": "pgbouncer",
        "instances": spec.get("instances", 1),
        "pool_size": params.get("default_pool_size"),
        "max_client_conn": params.get("max_client_conn"),
        "mode": bouncer.get("poolMode", "session"),
        "cluster": (spec.get("cluster") or {}).get("name"),
    }
