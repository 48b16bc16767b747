"""Velero restores and backups (velero.io/v1), as the API server or `velero ... get -o json|yaml`
writes them.

A `Restore` with a `status.phase` is the record of a restore that ran (the Velero server writes
the status); a Restore without status is only a request and is not a drill. The restore's own
duration (`completionTimestamp - startTimestamp`) is its measured recovery time. Its restore
point is the start of the backup it restored (`Backup.status.startTimestamp`): Velero reads the
objects during the backup, so data written after the backup began may be missing from it. The
restore point age when the restore began (restore start - backup start) is the data-loss window
the drill demonstrated. Neither `failureReason` nor `validationErrors` (free text) is copied.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.drills.timing import iso, parse_time, seconds_between, short

GROUP = "velero.io/"
# RestorePhase (pkg/apis/velero/v1/restore_types.go), reduced to what a drill needs to know.
OUTCOMES = {
    "Completed": "succeeded",
    "PartiallyFailed": "partially_failed",
    "Failed": "failed",
    "FailedValidation": "failed",
    "New": "in_progress",
    "InProgress": "in_progress",
    "WaitingForPluginOperations": "in_progress",
    "WaitingForPluginOperationsPartiallyFailed": "in_progress",
    "Finalizing": "in_progress",
    "FinalizingPartiallyFailed": "in_progress",
}


def objects(value: Any) -> list[dict[str, Any]]:
    """The Velero objects in one document: a Restore/Backup, a `RestoreList`/`BackupList` (what
    `velero restore get -o json` prints for more than one; its items carry no kind), or a `List`."""
    if not isinstance(value, dict):
        return []
    api_version, kind = value.get("apiVersion"), value.get("kind")
    if not isinstance(api_version, str) or not isinstance(kind, str):
        return []
    if kind.endswith("List") and isinstance(value.get("items"), list):
        item_kind = kind.removesuffix("List") if api_version.startswith(GROUP) else None
        found = []
        for item in value["items"]:
            if not isinstance(item, dict):
                continue
            if item_kind and not item.get("kind"):
                item = {**item, "apiVersion": api_version, "kind": item_kind}
            found.extend(objects(item))
        return found
    if api_version.startswith(GROUP) and kind in ("Restore", "Backup"):
        return [value]
    return []


def _metadata(obj: dict[str, Any]) -> dict[str, Any]:
    metadata = obj.get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def _name(obj: dict[str, Any]) -> tuple[str, str]:
    metadata = _metadata(obj)
    return str(metadata.get("namespace") or "velero"), str(metadata.get("name") or "?")


def backup_fact(obj: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    status = obj.get("status") if isinstance(obj.get("status"), dict) else {}
    if not status.get("phase"):
        return None
    namespace, name = _name(obj)
    return f"{namespace}/{name}", {
        "phase": short(status.get("phase")),
        "started": iso(parse_time(status.get("startTimestamp"))),
        "finished": iso(parse_time(status.get("completionTimestamp"))),
    }


def restore_fact(obj: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(namespace/name, fact) of a Restore that ran; None for a request without status."""
    status = obj.get("status") if isinstance(obj.get("status"), dict) else {}
    phase = status.get("phase")
    if not isinstance(phase, str) or not phase:
        return None
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    namespace, name = _name(obj)
    started = parse_time(status.get("startTimestamp"))
    finished = parse_time(status.get("completionTimestamp"))
    errors = status.get("errors")
    return f"{namespace}/{name}", {
        "source": "velero",
        "kind": "Restore",
        "name": name,
        "outcome": OUTCOMES.get(phase, "unknown"),
        "phase": short(phase),
        "started": iso(started),
        "finished": iso(finished),
        "duration_seconds": seconds_between(started, finished),
        "backup": short(spec.get("backupName")),
        "schedule": short(spec.get("scheduleName")),
        "restore_point": None,
        "restore_point_age_seconds": None,
        "errors": errors if isinstance(errors, int) and not isinstance(errors, bool) else None,
        "target": None,
        "measured": True,
        "tool": "velero",
        "run_id": short(_metadata(obj).get("uid")),
    }


def link_backups(restores: dict[str, dict[str, Any]], backups: dict[str, dict[str, Any]]) -> None:
    """Give each Velero restore its restore point (the start of its backup) and that point's age
    when the restore began, where the Backup object was collected too."""
    for restore in restores.values():
        if restore.get("source") != "velero" or not restore.get("backup"):
            continue
        backup = backups.get(f"{restore.get('namespace', 'velero')}/{restore['backup']}")
        if backup is None:
            continue
        point = parse_time(backup.get("started")) or parse_time(backup.get("finished"))
        restore["restore_point"] = iso(point)
        restore["restore_point_age_seconds"] = seconds_between(point, parse_time(restore.get("started")))
