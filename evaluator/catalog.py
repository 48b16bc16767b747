"""The catalog: each item's METADATA, read by OPA itself (`opa inspect --annotations`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gonogo.evaluator.bounded_process import Deadline, describe_exit, run_bounded
from gonogo.evaluator.engine import DEFAULT_MAX_ANSWER_BYTES, describe_opa_message
from gonogo.evaluator.eval_engine import parse_json
from gonogo.evaluator.opa_binary import check_opa, find_opa

from gonogo.errors import OpaError

SEVERITIES = ("critical", "high", "medium", "low")


@dataclass(frozen=True)
class Threshold:
    """One entry of a package's METADATA custom.thresholds: a name gonogo.yaml may set."""

    name: str
    default: Any
    unit: str
    description: str
    package: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "default": self.default, "unit": self.unit, "description": self.description,
        }  # fmt: skip


@dataclass(frozen=True)
class CatalogItem:
    id: str
    title: str
    section: str
    severity: str
    criteria: tuple[str, ...]
    evidence: tuple[str, ...]
    description: str
    remediation: str
    package: str
    file: str
    row: int
    thresholds: tuple[Threshold, ...] = ()
    trust: dict[str, Any] = field(default_factory=dict)
    """What the trust model asks of this item (docs/trust.md), from its METADATA: attested_by,
    assurance, commit_independent, context_role, signoff."""
    section_title: str = ""
    """The title of the item's top-level section (METADATA custom.section_title): a team's own
    section names itself there; the seed's sections are named in evaluator/report.py."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "section": self.section, "severity": self.severity,
            "criteria": list(self.criteria), "evidence": list(self.evidence),
            "description": self.description, "remediation": self.remediation,
            "package": self.package, "location": f"{self.file}:{self.row}",
            "thresholds": [threshold.as_dict() for threshold in self.thresholds],
            "trust": dict(self.trust),
        }  # fmt: skip


def id_key(item_id: str) -> tuple[tuple[int, int, str], ...]:
    """Sorts IDs by their parts: numbers in numeric order, then named sections (a team's, or G)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in item_id.split("."))


def _relative(file: str, policies: Path) -> str:
    """`policies/items/...rego`, wherever the policies are installed."""
    try:
        return (Path(policies.name) / Path(file).resolve().relative_to(policies.resolve())).as_posix()
    except ValueError:
        return file


def _package(path: list[dict[str, Any]]) -> str:
    return ".".join(str(part["value"]) for part in path)


def load_catalog(policies: Path, opa_bin: str | None = None, timeout: float = 60.0) -> list[CatalogItem]:
    """The catalog, read by OPA from the policies on every run.

    There is no cache: a cached catalog is a file anyone who can write the cache folder (or
    restore a CI cache) could edit, and an edited severity moves blockers. `opa inspect` took
    1.1 s here, and runs beside the evaluation (docs/security.md)."""
    binary = check_opa(find_opa(opa_bin))
    return catalog_items(inspect_annotations(policies, binary.path, timeout), policies)


def load_thresholds(
    policies: Path, opa_bin: str | None = None, timeout: float = 60.0
) -> dict[str, Threshold]:
    """Every threshold the policies declare in a package METADATA's custom.thresholds, by name:
    the items' and the shared helpers' (a helper such as lib/documents reads its own)."""
    binary = check_opa(find_opa(opa_bin))
    found: dict[str, Threshold] = {}
    for entry in inspect_annotations(policies, binary.path, timeout).get("annotations") or []:
        notes = entry.get("annotations", {})
        if notes.get("scope") == "package":
            for threshold in _thresholds(notes.get("custom") or {}, _package(entry.get("path", []))):
                found.setdefault(threshold.name, threshold)
    return found


TRUST_KEYS = ("attested_by", "assurance", "commit_independent", "context_role", "signoff")


def _thresholds(custom: dict[str, Any], package: str) -> tuple[Threshold, ...]:
    declared = custom.get("thresholds") or []
    if not isinstance(declared, list):
        raise OpaError(f"{package}: custom.thresholds is not a list")
    found = []
    for entry in declared:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or "default" not in entry:
            raise OpaError(f"{package}: a custom.thresholds entry lacks its name or default")
        found.append(
            Threshold(
                name=entry["name"],
                default=entry["default"],
                unit=str(entry.get("unit", "")),
                description=str(entry.get("description", "")),
                package=package,
            )
        )
    return tuple(found)


def inspect_annotations(policies: Path, opa: str, timeout: float) -> dict[str, Any]:
    """`opa inspect --annotations` of the policies, as JSON (bounded in time and size)."""
    finished = run_bounded(
        [opa, "inspect", "--annotations", "--format", "json", str(policies)],
        b"",
        Deadline(timeout),
        DEFAULT_MAX_ANSWER_BYTES,
        "opa inspect",
    )
    if finished.returncode != 0:
        text = finished.stderr.decode("utf-8", "replace")  # about the policies only
        first = text.strip().splitlines()[:1]
        detail = describe_opa_message(text) or (first[0][:300] if first else "no message")
        raise OpaError(f"{describe_exit('opa inspect', finished.returncode)}: {detail}")
    document = parse_json(finished.stdout, "opa inspect")
    if not isinstance(document, dict):
        raise OpaError("opa inspect answered with JSON that is not an object")
    return document


def catalog_items(document: dict[str, Any], policies: Path) -> list[CatalogItem]:
    """The items of an `opa inspect --annotations` document of the policies in `policies`."""
    items = []
    for entry in document.get("annotations") or []:
        notes = entry.get("annotations", {})
        if notes.get("scope") != "package" or "id" not in (notes.get("custom") or {}):
            continue
        location = entry.get("location", {})
        where = (_relative(location.get("file", ""), policies), int(location.get("row", 0)))
        items.append(_catalog_item(notes, _package(entry.get("path", [])), where))
    return sorted(items, key=lambda item: id_key(item.id))


def decision_catalog(entries: dict[str, Any], rows: dict[str, tuple[str, int]]) -> list[CatalogItem]:
    """The items of a decision's `catalog`: each item package's METADATA as OPA read it in that
    evaluation (`rego.metadata.chain()` in the item's `metadata` rule), by package path, placed
    by `rows`: the policy files' `package` lines (policy_files.package_rows)."""
    items = []
    for package, notes in entries.items():
        if not isinstance(notes, dict) or "id" not in (notes.get("custom") or {}):
            continue
        if package not in rows:
            raise OpaError(f"the decision lists package {package}, which no policy file declares")
        items.append(_catalog_item(notes, f"data.{package}", rows[package]))  # as opa inspect names it
    return sorted(items, key=lambda item: id_key(item.id))


def _catalog_item(notes: dict[str, Any], package: str, where: tuple[str, int]) -> CatalogItem:
    custom = notes.get("custom") or {}
    return CatalogItem(
        id=str(custom["id"]),
        title=notes.get("title", ""),
        section=str(custom.get("section", "")),
        severity=str(custom.get("severity", "")),
        criteria=tuple(custom.get("criteria") or ()),
        evidence=tuple(custom.get("evidence") or ()),
        description=notes.get("description", ""),
        remediation=str(custom.get("remediation", "")),
        package=package,
        file=where[0],
        row=where[1],
        thresholds=_thresholds(custom, package),
        trust={key: custom[key] for key in TRUST_KEYS if key in custom},
        section_title=str(custom.get("section_title", "")),
    )
