"""From OPA's item reports to final verdicts: missing items, collector errors, waivers.

Order matters and is fail-closed: an item OPA did not report is `error`; an item whose evidence
comes from a collector that failed is `error`; only then may a valid waiver turn a `fail` or
`pending` into `waived`. An error is never waived.
"""

from __future__ import annotations

from typing import Any

from gonogo.evaluator.catalog import SEVERITIES, CatalogItem

VERDICTS = ("pass", "fail", "pending", "not_applicable", "waived", "error")


def _error_item(item: CatalogItem, message: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "verdict": "error",
        "criteria": [
            {"text": text, "verdict": "error", "message": message, "evidence": []} for text in item.criteria
        ]
        or [{"text": item.title, "verdict": "error", "message": message, "evidence": []}],
    }


def merge_with_catalog(opa_items: dict[str, Any], catalog: list[CatalogItem]) -> list[dict[str, Any]]:
    """One entry per catalog item, in catalog order; what OPA left out or garbled is an error."""
    merged = []
    for item in catalog:
        reported = opa_items.get(item.id)
        if not isinstance(reported, dict) or reported.get("verdict") not in VERDICTS:
            entry = _error_item(item, "OPA returned no valid report for this item")
        elif item.severity not in SEVERITIES:
            entry = _error_item(item, f"METADATA severity {item.severity!r} is not one of {SEVERITIES}")
        else:
            entry = dict(reported)
        entry.update(
            id=item.id,
            title=item.title,
            section=item.section,
            severity=item.severity,
            remediation=item.remediation,
            source=f"{item.file}:{item.row}",
        )
        merged.append(entry)
    unknown = sorted(set(opa_items) - {item.id for item in catalog})
    if unknown:
        raise ValueError(f"OPA reported items the catalog does not hold: {', '.join(unknown)}")
    return merged


def apply_collector_errors(
    items: list[dict[str, Any]], catalog: list[CatalogItem], collectors: dict[str, Any]
) -> None:
    """Items whose METADATA evidence paths a failed collector provides become `error`."""
    broken = {
        path: f"collector {name} failed: {'; '.join(run['errors'])}"
        for name, run in collectors.items()
        if run.get("errors")
        for path in run.get("provides", [])
    }
    if not broken:
        return
    by_id = {item.id: item for item in catalog}
    for entry in items:
        paths = by_id[entry["id"]].evidence
        hits = [
            message
            for path, message in broken.items()
            if any(p == path or p.startswith(path + ".") or path.startswith(p + ".") for p in paths)
        ]
        if hits:
            entry["verdict"] = "error"
            entry["criteria"] = [dict(c, verdict="error", message=hits[0]) for c in entry["criteria"]]


def _overlaps(paths: list[str], path: str) -> bool:
    return any(p == path or p.startswith(path + ".") or path.startswith(p + ".") for p in paths)


def apply_skipped_evidence(
    items: list[dict[str, Any]], catalog: list[CatalogItem], collectors: dict[str, Any]
) -> None:
    """A passing item fed by a snapshot path that a skipped evidence file would have supplied
    (`collectors.<name>.skipped[].feeds`) becomes `pending`: unread evidence never approves."""
    skipped = [
        (path, f"evidence not read: {entry.get('file', '?')}: {entry.get('reason', 'skipped')}")
        for run in collectors.values()
        for entry in run.get("skipped") or []
        if isinstance(entry, dict)
        for path in entry.get("feeds") or []
    ]
    if not skipped:
        return
    by_id = {item.id: item for item in catalog}
    for entry in items:
        if entry["verdict"] not in ("pass", "not_applicable"):
            continue
        hits = [message for path, message in skipped if _overlaps(by_id[entry["id"]].evidence, path)]
        if hits:
            entry["verdict"] = "pending"
            entry["criteria"] = [
                dict(c, verdict="pending", message=hits[0])
                if c.get("verdict") in ("pass", "not_applicable")
                else c
                for c in entry["criteria"]
            ]


def mark_changed_thresholds(
    items: list[dict[str, Any]], catalog: list[CatalogItem], configured: dict[str, Any]
) -> None:
    """Each item that was judged against a threshold other than its METADATA (seed) default says
    so (`thresholds_changed`): renderers then do not claim the seed's figure was met."""
    if not configured:
        return
    by_id = {item.id: item for item in catalog}
    for entry in items:
        changed = [
            {"name": t.name, "seed": t.default, "checked": configured[t.name]}
            for t in by_id[entry["id"]].thresholds
            if t.name in configured and configured[t.name] != t.default
        ]
        if changed:
            entry["thresholds_changed"] = changed
