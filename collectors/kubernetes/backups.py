"""Kubernetes backup facts: Velero Schedules and BackupStorageLocations, backup CronJobs, GitOps sources,
and the schedule/retention arithmetic every backup fact uses.

A CronJob's commands and args are read only to recognise what it backs up and where to; none of their
text is copied into a fact (a command line can hold a password).
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta
from typing import Any

from gonogo.collectors.kubernetes.workloads import command_words

_GO_DURATION = re.compile(r"(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)")
_GO_UNIT_HOURS = {
    "h": 1.0,
    "m": 1 / 60,
    "s": 1 / 3600,
    "ms": 1 / 3.6e6,
    "us": 1 / 3.6e9,
    "µs": 1 / 3.6e9,
    "ns": 1 / 3.6e12,
}
_OFFSITE_WORDS = (
    "s3://",
    "gs://",
    "aws s3",
    "gsutil",
    "gcloud storage",
    "az storage",
    "rclone",
    "azure://",
    ".blob.core.windows.net",
    "restic",
    "wal-g",
    "pgbackrest",
    "barman-cloud",
    "mc cp",
    "mc mirror",
)
_ENCRYPTION_WORDS = ("--sse", "server-side-encryption", "gpg", "age -r", "openssl enc", "--encrypt", "kms")
_DATABASE_BACKUP_WORDS = (
    "pg_dump",
    "pg_dumpall",
    "pg_basebackup",
    "mysqldump",
    "mariadb-dump",
    "mongodump",
    "wal-g",
    "pgbackrest",
    "barman",
    "redis-cli --rdb",
    "xtrabackup",
    "mariabackup",
)
_CONFIG_BACKUP_WORDS = ("kubectl get", "etcdctl snapshot", "velero backup", "helm get")


def go_duration_hours(value: Any) -> float | None:
    """A Go duration ("720h0m0s", "24h") in hours."""
    text = str(value or "").strip()
    parts = _GO_DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    return sum(float(n) * _GO_UNIT_HOURS[u] for n, u in parts)


def retention_days(value: Any) -> float | None:
    """Retention as days: CloudNativePG "30d"/"4w"/"3m", a Go duration, or a bare number of days."""
    text = str(value or "").strip()
    match = re.fullmatch(r"([1-9]\d*)([dwm])", text)
    if match:
        return int(match.group(1)) * {"d": 1, "w": 7, "m": 30}[match.group(2)]
    if text.isdigit():
        return float(text)
    hours = go_duration_hours(text)
    return None if hours is None else round(hours / 24, 3)


_WINDOW_START = datetime(2026, 1, 5)
_WINDOW = timedelta(days=35)


def _runs(expression: Any) -> list[datetime] | None:
    """Run times of one schedule from a fixed Monday over five weeks (plus the first run after)."""
    text = re.sub(r"^(CRON_)?TZ=\S+\s+", "", str(expression or "").strip())
    if not text:
        return None
    if text.startswith("@every"):
        hours = go_duration_hours(text.removeprefix("@every").strip())
        if not hours:
            return None
        step = timedelta(hours=hours)
        count = min(int(_WINDOW / step) + 2, 5000)
        return [_WINDOW_START + step * i for i in range(count)]
    from croniter import croniter  # 10 ms of imports, only for a tree with a CronJob or a backup schedule

    try:
        iterator = croniter(text, _WINDOW_START, second_at_beginning=len(text.split()) == 6)
        runs: list[datetime] = []
        while len(runs) < 5000:
            run = iterator.get_next(datetime)
            runs.append(run)
            if run > _WINDOW_START + _WINDOW:
                break
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
    return runs


def schedule_interval_hours(*expressions: Any) -> float | None:
    """Longest gap in hours between two runs of one or more cron schedules together (5 fields,
    6 with seconds, @daily, @every 12h); None when no expression parses."""
    merged: list[datetime] = []
    for expression in expressions:
        merged.extend(_runs(expression) or [])
    end = _WINDOW_START + _WINDOW
    inside = sorted({run for run in merged if run <= end})
    after = sorted(run for run in merged if run > end)[:1]
    merged = inside + after
    if len(merged) < 2:
        return None
    return round(max((b - a).total_seconds() for a, b in itertools.pairwise(merged)) / 3600, 3)


def velero_schedule(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    template = spec.get("template") or {}
    ttl = template.get("ttl")
    return {
        "schedule": spec.get("schedule"),
        "interval_hours": schedule_interval_hours(spec.get("schedule")),
        "paused": bool(spec.get("paused")),
        "ttl": ttl or "720h0m0s",
        "ttl_is_default": ttl is None,
        "retention_days": retention_days(ttl or "720h0m0s"),
        "included_namespaces": [str(n) for n in template.get("includedNamespaces") or ["*"]],
        "excluded_namespaces": [str(n) for n in template.get("excludedNamespaces") or []],
        "included_resources": [str(r) for r in template.get("includedResources") or ["*"]],
        "storage_location": template.get("storageLocation"),
        "snapshot_volumes": template.get("snapshotVolumes"),
        "fs_backup": bool(template.get("defaultVolumesToFsBackup") or template.get("defaultVolumesToRestic")),
    }


def velero_location(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    config = {str(k): str(v) for k, v in (spec.get("config") or {}).items()}
    provider = str(spec.get("provider", "")).rsplit("/", 1)[-1]
    custom_endpoint = config.get("s3Url", "")
    in_cluster = ".svc" in custom_endpoint or "minio" in custom_endpoint.lower()
    explicit = any(
        config.get(k) for k in ("kmsKeyId", "serverSideEncryption", "kmsKeyName", "customerKeyEncryptionFile")
    )
    cloud = provider in ("aws", "gcp", "azure") and not custom_endpoint
    return {
        "provider": provider,
        "bucket": (spec.get("objectStorage") or {}).get("bucket"),
        "default": bool(spec.get("default")),
        "offsite": provider in ("aws", "gcp", "azure") and not in_cluster,
        "encrypted": True if explicit else ("provider_default" if cloud else False),
    }


def backup_cronjob(obj: dict[str, Any], name: str) -> dict[str, Any] | None:
    """What a CronJob backs up, recognised from its name, images and commands; None if it is not a backup."""
    words = command_words(obj)
    lowered = name.lower()
    if (
        "backup" not in lowered
        and "backup" not in words
        and not any(w in words for w in _DATABASE_BACKUP_WORDS)
    ):
        return None
    targets = []
    if any(w in words for w in _DATABASE_BACKUP_WORDS) or any(
        w in lowered for w in ("db", "postgres", "mysql", "mongo")
    ):
        targets.append("database")
    if "redis" in words or "redis" in lowered:
        targets.append("redis")
    if any(w in words for w in _CONFIG_BACKUP_WORDS) or "config" in lowered or "etcd" in lowered:
        targets.append("config")
    if any(w in words for w in ("restic", "rsync", "tar ")) or "volume" in lowered:
        targets.append("volume")
    schedule = (obj.get("spec") or {}).get("schedule")
    return {
        "schedule": schedule,
        "interval_hours": schedule_interval_hours(schedule),
        "suspended": bool((obj.get("spec") or {}).get("suspend")),
        "targets": targets or ["unknown"],
        "pitr": "wal-g" in words or "pgbackrest" in words or "barman" in words or None,
        "retention_days": None,
        "offsite": any(w in words for w in _OFFSITE_WORDS) or None,
        "encrypted": any(w in words for w in _ENCRYPTION_WORDS) or None,
    }


def gitops_source(obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    source = spec.get("source") or (spec.get("sources") or [{}])[0] or {}
    return {
        "kind": obj.get("kind"),
        "repo": source.get("repoURL") or spec.get("url") or (spec.get("sourceRef") or {}).get("name"),
        "automated": bool((spec.get("syncPolicy") or {}).get("automated"))
        or obj.get("kind") != "Application",
    }
