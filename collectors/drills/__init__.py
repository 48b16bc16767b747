"""The `drills` collector: restore and failover drills that ran, found by content.

Fills `operations.drills` (shapes in collectors/drills/schema.json, meaning in docs/drills.md):

- `restores`: Velero `Restore` objects that ran (velero.py), drill records of restore drills and
  JUnit test cases named for a restore (records.py), each with its outcome, its measured
  duration (the recovery time) and, where known, the age of its restore point (the data-loss
  window it demonstrated);
- `failovers`: LitmusChaos `ChaosResult`s and Chaos Mesh experiments (chaos.py), failover drill
  records and JUnit failover test cases, each with what it exercised (database, dns, region);
- `unreadable`: drill evidence recognised but not readable, per family; the items reading that
  family become errors rather than being decided on the rest.

Files are sniffed by what they hold: YAML/JSON documents with a Velero, Chaos Mesh, Litmus or
gonogo DrillRecord apiVersion/kind, and JUnit XML (parsed with defusedxml). Nothing of a drill's
free text (failure reasons, event messages, notes, test output) reaches the snapshot.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.drills import chaos, records, velero
from gonogo.collectors.sources.cluster import cluster_objects, live_requested
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

FAMILIES = ("restores", "failovers")
_OBJECT_SOURCES = frozenset({"velero", "litmus", "chaos_mesh"})
_FAMILY_WORDS = (("restores", records.RESTORE_WORDS), ("failovers", records.FAILOVER_WORDS))


class DrillsCollector:
    name = "drills"
    version = __version__
    provides = ("operations.drills",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        self.ctx = ctx
        self.found: dict[str, dict[str, dict[str, Any]]] = {family: {} for family in FAMILIES}
        self.backups: dict[str, dict[str, Any]] = {}
        self.unreadable: dict[str, list[str]] = {family: [] for family in FAMILIES}
        for source in ctx.files:
            try:
                if source.structured:  # YAML or JSON by name or by content
                    self._documents(source)
                elif source.suffix == ".xml":
                    self._junit(source)
            except (ValueError, KeyError, TypeError, AttributeError, IndexError, ArithmeticError) as exc:
                # A drill object of an unexpected shape costs its file, and fails closed: the
                # items reading drills become errors rather than being decided without it.
                for family in FAMILIES:
                    self.unreadable[family].append(source.rel)
                ctx.warnings.append(
                    f"{source.rel}: drill evidence that cannot be read ({exc.__class__.__name__}); "
                    "the restores and failovers items are errors"
                )
        if live_requested(ctx.options or {}):
            # Velero and chaos objects of the live cluster (listed once per run, shared with the
            # kubernetes collector); a listing error is this collector's error: its items block.
            for obj, provenance in cluster_objects(ctx):
                self._document(None, None, obj, provenance)
        velero.link_backups(self.found["restores"], self.backups)
        if not any(self.found.values()) and not any(self.unreadable.values()):
            return {}  # no drill evidence at all: not collected, the items stay pending
        return {"operations": {"drills": {**self.found, "unreadable": self.unreadable}}}

    def _documents(self, source: SourceFile) -> None:
        documents = [(d.line, d.value) for d in source.yaml_documents]  # JSON: one document, line 1
        for line, value in documents:
            if isinstance(value, dict):
                self._document(source, line, value)

    def _document(
        self,
        source: SourceFile | None,
        line: int | None,
        value: dict[str, Any],
        live: dict[str, Any] | None = None,
    ) -> None:
        if records.is_drill_record(value):
            if source is not None and line is not None:
                self._record(source, line, value)
            return
        for obj in velero.objects(value):
            if obj.get("kind") == "Backup":
                backup = velero.backup_fact(obj)
                if backup is not None:
                    self.backups[backup[0]] = backup[1]
            elif (restore := velero.restore_fact(obj)) is not None:
                key, fact = restore
                fact["namespace"] = key.split("/", 1)[0]
                self._add("restores", key, fact, source, line, live)
        items = value.get("items") if value.get("kind") == "List" else [value]
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            if chaos.is_chaos_result(item):
                self._add("failovers", *chaos.chaos_result_fact(item), source, line, live)
            elif chaos.is_chaos_mesh(item) and isinstance(item.get("status"), dict):
                self._add("failovers", *chaos.chaos_mesh_fact(item), source, line, live)

    def _record(self, source: SourceFile, line: int, value: dict[str, Any]) -> None:
        problem = records.record_problem(value)
        if problem is not None:
            drill = value.get("drill")
            families = [f"{drill}s"] if drill in ("restore", "failover") else list(FAMILIES)
            for family in families:
                self.unreadable[family].append(source.rel)
            self.ctx.warnings.append(
                f"{source.rel}:{line}: a drill record, {problem}; "
                f"the {' and '.join(families)} items are errors"
            )
            return
        family = f"{value['drill']}s"
        key = f"{source.rel}:{line}" if line > 1 else source.rel
        self._add(family, key, records.record_fact(value), source, line)

    def _junit(self, source: SourceFile) -> None:
        text = source.text
        if not text or "testcase" not in text:
            return
        try:
            root = SafeET.fromstring(text)
        except (ParseError, DefusedXmlException) as exc:
            words = records.tokens(text[:65536])
            families = [
                family for family, names in _FAMILY_WORDS if "testsuite" in text[:4096] and words & names
            ]
            for family in families:
                self.unreadable[family].append(source.rel)
            if families:
                self.ctx.warnings.append(
                    f"{source.rel}: a JUnit report naming drills, not readable XML "
                    f"({exc.__class__.__name__}); the {' and '.join(families)} items are errors"
                )
            return
        if root.tag not in ("testsuites", "testsuite") or root.get("name") == "gonogo":
            return
        for family, key, fact in records.junit_drills(root, source.rel):
            case = f'name="{key.rsplit("::", 1)[-1]}"'
            line = _line_of(text, case, 1)
            self._add(family, key, fact, source, line if case in text.splitlines()[line - 1] else None)

    def _add(
        self,
        family: str,
        key: str,
        fact: dict[str, Any],
        source: SourceFile | None,
        line: int | None,
        live: dict[str, Any] | None = None,
    ) -> None:
        fact["at"] = fact.get("finished") or fact.get("started")
        if source is None:  # a live cluster object: its provenance is Kind/namespace/name
            fact["provenance"] = dict(live or {}) | {"collector": self.ctx.collector}
            self.found[family][key if key not in self.found[family] else f"cluster:{key}"] = fact
            return
        if line and fact["source"] in _OBJECT_SOURCES:
            line = _line_of(source.text or "", str(fact.get("name")), line)
        fact["provenance"] = self.ctx.file_ref(source, line)
        table = self.found[family]
        table[key if key not in table else f"{source.rel}:{line}:{key}"] = fact


def _line_of(text: str, name: str, start: int) -> int:
    """The line naming an object of a list (its `name:`), at or after its document's start line."""
    lines = text.splitlines()
    for number in range(max(start, 1), len(lines) + 1):
        line = lines[number - 1]
        if name in line and "name" in line:
            return number
    return start
