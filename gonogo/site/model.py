"""What the docs site shows, gathered from the catalog, the Rego sources and the collectors.

Nothing here is written by hand: each item's page comes from its METADATA (read by OPA), its
`.rego` file, the names of the tests in its `_test.rego`, and the `provides` of the collectors.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gonogo.errors import OpaError
from gonogo.evaluator.catalog import CatalogItem, load_catalog
from gonogo.evaluator.opa_binary import check_opa, find_opa
from gonogo.evaluator.policy_subset import paths_overlap

TEST_VERDICTS = ("pass", "fail", "pending", "not applicable", "other")
_TEST_NAME = re.compile(r"^(test_\w+)\b", re.MULTILINE)


@dataclass(frozen=True)
class RegoTest:
    name: str
    words: str
    group: str
    line: int


@dataclass(frozen=True)
class CollectorInfo:
    name: str
    version: str
    provides: tuple[str, ...]
    options: tuple[tuple[str, str], ...]  # (flag, help)
    error: str = ""
    readme: str = ""  # the collector's own README.md: what it reads, its options, its facts
    judgments: tuple[tuple[str, str, str], ...] = ()
    """(snapshot path, what is judged, where) for each judgment made while collecting (base.py)."""


@dataclass
class ItemPage:
    item: CatalogItem
    source_path: str  # relative to the policies folder, posix
    source: str
    tests: list[RegoTest] = field(default_factory=list)
    test_path: str = ""
    thresholds: list[dict[str, Any]] = field(default_factory=list)
    assurance: list[tuple[str, str, str]] = field(default_factory=list)  # (criterion, level, who)
    providers: dict[str, list[str]] = field(default_factory=dict)  # evidence path -> collectors
    judgments: list[tuple[str, str, str]] = field(default_factory=list)
    """(collector, what is judged, where) for the judgments made while collecting its evidence."""


def words_of_test(name: str) -> str:
    """`test_fails_without_contacts` -> `fails without contacts`."""
    return name.removeprefix("test_").replace("_", " ").strip()


def verdict_of_test(name: str) -> str:
    """The verdict a test is about, judged from its name (pass, fail, pending...)."""
    words = name.lower()
    if "not_applicable" in words:
        return "not applicable"
    for group, marks in (("pending", ("pending",)), ("fail", ("fail",)), ("pass", ("pass",))):
        if any(mark in words for mark in marks):
            return group
    return "other"


def read_tests(text: str) -> list[RegoTest]:
    cases = []
    for match in _TEST_NAME.finditer(text):
        name = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        cases.append(RegoTest(name=name, words=words_of_test(name), group=verdict_of_test(name), line=line))
    return cases


def providers_of(evidence: str, collectors: list[CollectorInfo]) -> list[str]:
    """The collectors whose `provides` covers an evidence path (or a part of it)."""
    return [c.name for c in collectors if any(paths_overlap(evidence, path) for path in c.provides)]


def judgments_of(evidence: tuple[str, ...], collectors: list[CollectorInfo]) -> list[tuple[str, str, str]]:
    """(collector, what, where) of each judgment a collector makes in one of these evidence paths."""
    return [
        (c.name, what, where)
        for c in collectors
        for path, what, where in c.judgments
        if any(paths_overlap(e, path) for e in evidence)
    ]


def _readme(collector: object) -> str:
    """The README.md beside the collector's plug-in module (collectors/<name>/README.md), if any."""
    try:
        module = Path(inspect.getfile(type(collector)))
    except (TypeError, OSError):
        return ""
    readme = module.parent / "README.md"
    return readme.read_text(errors="replace") if module.name == "__init__.py" and readme.is_file() else ""


def load_collectors() -> list[CollectorInfo]:
    from gonogo.collectors import registry

    infos = []
    for name in sorted(registry.available()):
        try:
            collector = registry.load(name)
        except Exception as exc:  # a broken plug-in is listed, not fatal
            infos.append(CollectorInfo(name, "", (), (), error=exc.__class__.__name__))
            continue
        options = tuple(
            ("--" + option.name.replace("_", "-"), str(getattr(option, "help", "")))
            for option in getattr(collector, "options", ())
        )
        infos.append(
            CollectorInfo(
                name,
                str(collector.version),
                tuple(collector.provides),
                options,
                readme=_readme(collector),
                judgments=tuple(tuple(str(part) for part in j) for j in getattr(collector, "judgments", ())),
            )
        )
    return infos


def _custom_metadata(policies: Path, opa_bin: str | None) -> dict[str, dict[str, Any]]:
    """Each item's `custom` METADATA block by ID (thresholds, assurance), as OPA reads it."""
    binary = check_opa(find_opa(opa_bin))
    proc = subprocess.run(
        [binary.path, "inspect", "--annotations", "--format", "json", str(policies)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise OpaError(f"opa inspect failed: {proc.stderr.strip()[:2000]}")
    found = {}
    for entry in json.loads(proc.stdout).get("annotations", []):
        notes = entry.get("annotations", {})
        custom = notes.get("custom") or {}
        if notes.get("scope") == "package" and "id" in custom:
            found[str(custom["id"])] = custom
    return found


RANK = {"declared": 1, "attested": 2, "measured": 3}


def required_assurance(item: CatalogItem, custom: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each criterion's lowest accepted evidence, as policies/lib/result.rego `_required` reads the
    METADATA: `custom.assurance[criterion]`, never below *attested* on a critical or high item,
    *declared* otherwise; and the role whose attestation may decide it (`custom.attested_by`)."""
    floor = "attested" if item.severity in ("critical", "high") else "declared"
    wanted = custom.get("assurance") if isinstance(custom.get("assurance"), dict) else {}
    roles = custom.get("attested_by") if isinstance(custom.get("attested_by"), dict) else {}
    rows = []
    for text in item.criteria:
        level = str(wanted.get(text, floor))
        level = level if RANK.get(level, 0) >= RANK[floor] else floor
        who = f"an attestation by the {roles[text]}" if text in roles else ""
        rows.append((text, level, who))
    return rows


def item_details(
    policies: Path, item: CatalogItem, collectors: list[CollectorInfo], custom: dict[str, Any] | None = None
) -> ItemPage:
    """One item's page: its METADATA, rule source, tests in words and the collectors of its evidence."""
    relative = Path(item.file).as_posix().removeprefix(policies.name + "/")
    rego = policies / relative
    test_file = rego.with_name(rego.stem + "_test.rego")
    extra = custom or {}
    return ItemPage(
        item=item,
        source_path=relative,
        source=rego.read_text(),
        tests=read_tests(test_file.read_text()) if test_file.is_file() else [],
        test_path=test_file.relative_to(policies).as_posix() if test_file.is_file() else "",
        thresholds=[t for t in extra.get("thresholds") or [] if isinstance(t, dict)],
        assurance=required_assurance(item, extra),
        providers={e: providers_of(e, collectors) for e in item.evidence},
        judgments=judgments_of(item.evidence, collectors),
    )


def load_pages(policies: Path, opa_bin: str | None = None) -> tuple[list[ItemPage], list[CollectorInfo]]:
    catalog = load_catalog(policies, opa_bin)
    custom = _custom_metadata(policies, opa_bin)
    collectors = load_collectors()
    pages = [item_details(policies, item, collectors, custom.get(item.id)) for item in catalog]
    return pages, collectors
