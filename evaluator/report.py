"""Assembling the report document (schemas/report.schema.json) from OPA's verdicts."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date, datetime
from typing import Any

from gonogo.evaluator.catalog import CatalogItem
from gonogo.evaluator.decision import DEFAULT_MIN_SCORE, UNTRUSTED, decide
from gonogo.evaluator.summary import summarize
from gonogo.evaluator.tuning import apply_tuning
from gonogo.evaluator.verdicts import (
    apply_collector_errors,
    apply_skipped_evidence,
    mark_changed_thresholds,
    merge_with_catalog,
)
from gonogo.evaluator.waivers import apply_waivers

from gonogo import SNAPSHOT_API_VERSION, __version__
from gonogo.trust.assess import Assessment

SECTION_TITLES = {
    "1": "Testing & Quality Assurance",
    "2": "Security Audit",
    "3": "Monitoring & Observability",
    "4": "Infrastructure & Deployment",
    "5": "Backup & Disaster Recovery",
    "6": "Operational Readiness",
    "7": "Scaling & Performance",
    "8": "Compliance & Legal",
    "9": "Third-Party Integrations",
    "10": "Final Verification",
}


def config_digest(config: dict[str, Any]) -> str:
    """sha256 of the configuration actually used, canonical JSON (gonogo's own `_` keys left out)."""
    used = {key: value for key, value in config.items() if not key.startswith("_")}
    canonical = json.dumps(used, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def catalog_sections(catalog: list[CatalogItem]) -> dict[str, str]:
    """Section number -> title: the seed's sections, then any other section the catalog holds (a
    team's own, named by its items' METADATA custom.section_title), in catalog order."""
    titles = dict(SECTION_TITLES)
    for item in catalog:
        number = item.id.split(".")[0]
        titles.setdefault(number, item.section_title or f"Section {number}")
    return titles


def section_titles(report: dict[str, Any]) -> dict[str, str]:
    """Section number -> title as the report lists them (what every renderer iterates)."""
    return {section["number"]: section["title"] for section in report.get("sections") or []} or dict(
        SECTION_TITLES
    )


def _sections(items: list[dict[str, Any]], titles: dict[str, str]) -> list[dict[str, Any]]:
    sections = []
    for number, title in titles.items():
        members = [e for e in items if e["id"].split(".")[0] == number]
        if not members and number not in SECTION_TITLES:
            continue
        counts = Counter(e["verdict"] for e in members)
        sections.append({"number": number, "title": title, "total": len(members), "verdicts": dict(counts)})
    return sections


def refresh_table_verdicts(items: list[dict[str, Any]]) -> None:
    """A table that declares `criterion_column` and `verdict_column` shows, in each row, the final
    verdict of the item's criterion named in that row (after collector errors), not OPA's."""
    for entry in items:
        verdicts = {criterion["text"]: criterion["verdict"] for criterion in entry["criteria"]}
        for table in entry.get("tables") or []:
            if not isinstance(table, dict):
                continue
            named, verdict = table.get("criterion_column"), table.get("verdict_column")
            if not isinstance(named, int) or not isinstance(verdict, int):
                continue
            for row in table.get("rows") or []:
                if isinstance(row, list) and max(named, verdict) < len(row) and row[named] in verdicts:
                    row[verdict] = verdicts[row[named]]


def build_report(
    *,
    snapshot: dict[str, Any],
    opa_items: dict[str, Any],
    catalog: list[CatalogItem],
    config: dict[str, Any],
    provenance: dict[str, Any],
    now: datetime,
    assessment: Assessment | None = None,
    approvals: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    assessment = assessment or Assessment()
    items = merge_with_catalog(opa_items, catalog)
    apply_collector_errors(items, catalog, snapshot.get("collectors", {}))
    apply_skipped_evidence(items, catalog, snapshot.get("collectors", {}))
    tuning = apply_tuning(items, config)
    waivers = apply_waivers(items, config, assessment.waivers, now.date() if now else date.today())
    refresh_table_verdicts(items)
    mark_changed_thresholds(items, catalog, (snapshot.get("settings") or {}).get("thresholds") or {})
    summary = summarize(items)
    min_score = float((config.get("decision") or {}).get("min_score", DEFAULT_MIN_SCORE))
    failed = [name for name, run in snapshot.get("collectors", {}).items() if run.get("errors")]
    partial = bool(snapshot.get("metadata", {}).get("paths"))
    untrusted = [f"{a['file']} ({a['status']})" for a in assessment.records if a["status"] in UNTRUSTED]
    decision, reasons = decide(summary, min_score, failed, partial, untrusted)
    collectors = snapshot.get("collectors", {})
    return {
        "apiVersion": SNAPSHOT_API_VERSION,
        "kind": "Report",
        "decision": decision,
        "decision_reasons": reasons,
        "min_score": min_score,
        "summary": summary,
        "sections": _sections(items, catalog_sections(catalog)),
        "items": items,
        "waivers": waivers,
        "tuning": tuning,
        "attestations": assessment.records,
        "approvals": list(approvals or []),
        "context": {k: v for k, v in snapshot.get("context", {}).items() if k != "source"},
        "collectors": collectors,
        "skipped": list(snapshot.get("skipped") or []),  # files whose content was not used, and why
        "provenance": dict(
            provenance,
            config_digest=config_digest(config),
            gonogo_version=__version__,
            evaluated_at=now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        ),
    }
