"""The catalog: each item's METADATA, read by OPA itself (`opa inspect --annotations`)."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from gonogo.evaluator.opa_binary import OpaBinary, check_opa, find_opa
from gonogo.evaluator.policy_files import policy_digest

from gonogo.errors import OpaError

SEVERITIES = ("critical", "high", "medium", "low")
_CACHE_FORMAT = 2  # bump when CatalogItem changes shape or meaning


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "section": self.section, "severity": self.severity,
            "criteria": list(self.criteria), "evidence": list(self.evidence),
            "description": self.description, "remediation": self.remediation,
            "package": self.package, "location": f"{self.file}:{self.row}",
        }  # fmt: skip


def id_key(item_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in item_id.split("."))


def _relative(file: str, policies: Path) -> str:
    """`policies/items/...rego`, wherever the policies are installed."""
    try:
        return (Path(policies.name) / Path(file).resolve().relative_to(policies.resolve())).as_posix()
    except ValueError:
        return file


def _package(path: list[dict[str, Any]]) -> str:
    return ".".join(str(part["value"]) for part in path)


def _cache_file(policies: Path, opa_version: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gonogo"
    digest = policy_digest(policies).removeprefix("sha256:")[:32]
    return base / f"catalog-v{_CACHE_FORMAT}-{digest}-opa{opa_version}.json"


def load_catalog(policies: Path, opa_bin: str | None = None, timeout: float = 60.0) -> list[CatalogItem]:
    """The catalog, cached per policy digest and OPA version (`opa inspect` costs as much as an
    evaluation, and the catalog only changes when a policy file does)."""
    binary = check_opa(find_opa(opa_bin))
    cache = _cache_file(policies, binary.version)
    try:
        return [
            CatalogItem(
                **{**entry, "criteria": tuple(entry["criteria"]), "evidence": tuple(entry["evidence"])}
            )
            for entry in json.loads(cache.read_text())
        ]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    items = _inspect(policies, binary.path, timeout)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps([asdict(item) for item in items]))
        temporary.replace(cache)
    except OSError:
        pass  # a read-only home only costs speed
    return items


def _inspect(policies: Path, opa: str, timeout: float) -> list[CatalogItem]:
    binary = OpaBinary(path=opa, version="")
    try:
        proc = subprocess.run(
            [binary.path, "inspect", "--annotations", "--format", "json", str(policies)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise OpaError(f"opa inspect timed out after {timeout:g}s") from exc
    if proc.returncode != 0:
        raise OpaError(f"opa inspect failed: {proc.stderr.strip() or proc.stdout.strip()[:2000]}")
    items = []
    for entry in json.loads(proc.stdout).get("annotations", []):
        notes = entry.get("annotations", {})
        custom = notes.get("custom") or {}
        if notes.get("scope") != "package" or "id" not in custom:
            continue
        location = entry.get("location", {})
        items.append(
            CatalogItem(
                id=str(custom["id"]),
                title=notes.get("title", ""),
                section=str(custom.get("section", "")),
                severity=str(custom.get("severity", "")),
                criteria=tuple(custom.get("criteria") or ()),
                evidence=tuple(custom.get("evidence") or ()),
                description=notes.get("description", ""),
                remediation=str(custom.get("remediation", "")),
                package=_package(entry.get("path", [])),
                file=_relative(location.get("file", ""), policies),
                row=int(location.get("row", 0)),
            )
        )
    return sorted(items, key=lambda item: id_key(item.id))
