"""Chaos experiments as failover drills: Chaos Mesh (chaos-mesh.org/v1alpha1) and LitmusChaos
`ChaosResult` (litmuschaos.io/v1alpha1), as `kubectl get -o yaml|json` writes them.

- LitmusChaos: `status.experimentStatus.verdict` is the experiment's judgement from its probes
  (Pass, Fail, Stopped, Awaited) and `probeSuccessPercentage` how many probes passed: an
  outcome that was checked.
- Chaos Mesh (PodChaos, NetworkChaos, StressChaos, IOChaos, DNSChaos, TimeChaos, AWSChaos,
  GCPChaos, ...): `status.experiment.containerRecords[]` say the fault was injected
  (`injectedCount`) and recovered (`recoveredCount`); `status.conditions` AllInjected and
  AllRecovered say the same for the whole experiment. Chaos Mesh does not judge whether the
  service survived, so its outcome is `injected` (not `passed`): the fault happened, nothing
  checked the failover. `Schedule` and `Workflow` objects define runs; they are not runs and are
  not read.

What a drill exercised (database, DNS, region) comes from the annotation
`gonogo.dev/drill-target`, else from words in its name, labels, selector and experiment name.
No event message, probe output or failure step text is copied.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.drills.timing import (
    TARGET_ANNOTATION,
    iso,
    parse_time,
    seconds_between,
    short,
    target_of,
)

CHAOS_MESH = "chaos-mesh.org/"
LITMUS = "litmuschaos.io/"
_NOT_RUNS = frozenset(
    {"Schedule", "Workflow", "WorkflowNode", "StatusCheck", "PhysicalMachine", "RemoteCluster"}
)
_LITMUS_DONE = ("Completed", "Completed_With_Error")
_LITMUS_VERDICTS = {"pass": "passed", "fail": "failed", "stopped": "incomplete", "awaited": "incomplete"}


def is_chaos_mesh(value: dict[str, Any]) -> bool:
    kind = value.get("kind")
    return (
        str(value.get("apiVersion", "")).startswith(CHAOS_MESH)
        and isinstance(kind, str)
        and kind.endswith("Chaos")
        and kind not in _NOT_RUNS
    )


def is_chaos_result(value: dict[str, Any]) -> bool:
    return str(value.get("apiVersion", "")).startswith(LITMUS) and value.get("kind") == "ChaosResult"


def _meta(value: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
    labels = metadata.get("labels") if isinstance(metadata.get("labels"), dict) else {}
    annotations = metadata.get("annotations") if isinstance(metadata.get("annotations"), dict) else {}
    return (
        str(metadata.get("namespace") or "default"),
        str(metadata.get("name") or "?"),
        {
            "labels": labels,
            "annotations": annotations,
            "created": metadata.get("creationTimestamp"),
            "uid": metadata.get("uid"),
        },
    )


def _words(*maps: Any) -> list[str]:
    found: list[str] = []
    for mapping in maps:
        if isinstance(mapping, dict):
            found.extend(str(v) for v in mapping.values() if isinstance(v, str))
        elif isinstance(mapping, list):
            found.extend(str(v) for v in mapping if isinstance(v, str))
    return found


def chaos_mesh_fact(value: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    namespace, name, meta = _meta(value)
    spec = value.get("spec") if isinstance(value.get("spec"), dict) else {}
    selector = spec.get("selector") if isinstance(spec.get("selector"), dict) else {}
    status = value.get("status") if isinstance(value.get("status"), dict) else {}
    experiment = status.get("experiment") if isinstance(status.get("experiment"), dict) else {}
    records = [r for r in _items(experiment.get("containerRecords")) if isinstance(r, dict)]
    conditions = {
        str(c.get("type")): str(c.get("status"))
        for c in _items(status.get("conditions"))
        if isinstance(c, dict)
    }
    events = [e for r in records for e in _items(r.get("events")) if isinstance(e, dict)]
    times = sorted(t for t in (parse_time(e.get("timestamp")) for e in events) if t is not None)
    injected = bool(records) and all(_count(r, "injectedCount") > 0 for r in records)
    recovered = bool(records) and all(_count(r, "recoveredCount") > 0 for r in records)
    if conditions.get("AllInjected") == "True":
        injected = True
    if conditions.get("AllRecovered") == "True" and injected:
        recovered = True
    failed_events = sum(1 for e in events if e.get("type") == "Failed")
    outcome = "injected" if injected and recovered and not failed_events else "incomplete"
    kind = str(value.get("kind"))
    words = [name, kind, spec.get("action"), *_words(meta["labels"], selector.get("labelSelectors"))]
    words.extend(_words(selector.get("namespaces"), spec.get("awsRegion"), spec.get("instance")))
    started, finished = (times[0], times[-1]) if times else (None, None)
    return f"{kind}/{namespace}/{name}", {
        "source": "chaos_mesh",
        "kind": kind,
        "name": name,
        "target": target_of(*words, declared=meta["annotations"].get(TARGET_ANNOTATION)),
        "outcome": outcome,
        "outcome_checked": False,
        "started": iso(started),
        "finished": iso(finished),
        "duration_seconds": seconds_between(started, finished),
        "probe_success_percent": None,
        "measured": True,
        "tool": "chaos-mesh",
        "run_id": short(meta["uid"]),
    }


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _count(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def chaos_result_fact(value: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    namespace, name, meta = _meta(value)
    spec = value.get("spec") if isinstance(value.get("spec"), dict) else {}
    status = value.get("status") if isinstance(value.get("status"), dict) else {}
    experiment = status.get("experimentStatus") if isinstance(status.get("experimentStatus"), dict) else {}
    history = status.get("history") if isinstance(status.get("history"), dict) else {}
    verdict = str(experiment.get("verdict") or "").lower()
    outcome = _LITMUS_VERDICTS.get(verdict, "incomplete")
    if outcome == "passed" and str(experiment.get("phase") or "Completed") not in _LITMUS_DONE:
        outcome = "incomplete"
    targets = [t.get("name") for t in _items(history.get("targets")) if isinstance(t, dict)]
    words = [name, spec.get("engine"), spec.get("experiment"), *_words(meta["labels"], targets)]
    return f"ChaosResult/{namespace}/{name}", {
        "source": "litmus",
        "kind": "ChaosResult",
        "name": name,
        "target": target_of(*words, declared=meta["annotations"].get(TARGET_ANNOTATION)),
        "outcome": outcome,
        "outcome_checked": outcome in ("passed", "failed"),
        "started": iso(parse_time(meta["created"])),
        "finished": None,
        "duration_seconds": None,
        "probe_success_percent": _percent(experiment.get("probeSuccessPercentage")),
        "measured": True,
        "tool": "litmuschaos",
        "run_id": short(meta["uid"]),
    }


def _percent(value: Any) -> float | None:
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        return None
    return number if 0 <= number <= 100 else None
