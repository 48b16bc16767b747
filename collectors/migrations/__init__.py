"""The `migrations` collector: database migrations (Alembic, Django, Flyway, golang-migrate,
Liquibase), schema SQL under migrations/ or db/ folders, and saved query plans (EXPLAIN JSON).

Fills `operations.migrations` (each migration keyed by file, or file#changeSet for Liquibase: its
tool, id, whether it can be reversed, destructive operations; and the schema they build: tables,
indexes, keys, foreign keys) and `operations.query_plans` (shapes in schema.json beside this
file). Python is read with `ast`, never imported; SQL with the tokenizer in sql.py; XML with
defusedxml. A file that is recognised but cannot be read is a warning naming the file and line
and a `skipped` entry (the items it feeds cannot pass); the other files go on.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.migrations import django, liquibase, plans, pyast, sql
from gonogo.collectors.migrations.sql import Facts, SqlError
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

FLYWAY = re.compile(
    r"^(?P<kind>[VUB])(?P<version>\d+(?:[._]\d+)*)__(?P<desc>.+)\.sql$|^R__(?P<rdesc>.+)\.sql$"
)
GOLANG_MIGRATE = re.compile(r"^(?P<version>\d+)_(?P<desc>.+)\.(?P<dir>up|down)\.sql$")
SCHEMA_DIRS = frozenset({"migrations", "migration", "migrate", "db", "database", "sql", "schema"})
MIGRATIONS = "operations.migrations"
Pending = dict[tuple[str, str, str, str], tuple[SourceFile, Facts]]
"""Versioned SQL migrations by (tool, folder, version, up|down), paired once all are seen."""
PLANS = "operations.query_plans"


class MigrationsCollector:
    name = "migrations"
    version = __version__
    provides = (MIGRATIONS, PLANS)
    options = ()
    when_nothing_found = "empty"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        self.ctx = ctx
        self.migrations: dict[str, dict[str, Any]] = {}
        self.schema_files: dict[str, dict[str, Any]] = {}
        self.plans: dict[str, dict[str, Any]] = {}
        self.changelogs: dict[str, dict[str, Any]] = {}  # Liquibase changelogs that include others
        self.facts: list[tuple[Facts, str]] = []  # (facts, file) in walk order
        self.django_fks: set[tuple[str, str]] = set()  # (table, field) of Django foreign keys
        flyway: Pending = {}
        for source in ctx.files:
            name = PurePosixPath(source.rel).name
            try:
                if source.suffix == ".py":
                    self._python(source)
                elif source.suffix == ".sql":
                    self._sql(source, name, flyway)
                elif source.suffix == ".xml":
                    self._xml(source)
                elif source.structured:  # YAML or JSON by name or by content
                    self._data(source)
            except (SqlError, liquibase.ChangelogError) as exc:
                self._unreadable(source, str(exc), exc.line)
            except SyntaxError as exc:
                self._unreadable(source, "not Python (a syntax error)", exc.lineno or 0)
            except RecursionError:
                self._unreadable(source, "nested too deeply to read", 0)
            except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
                # a shape no reader expects: named by type only (Python's messages can quote values)
                self._unreadable(source, f"not readable ({type(exc).__name__})", 0)
        self._pair_reverse(flyway)
        if not (self.migrations or self.schema_files or self.plans or self.changelogs):
            return {}
        out: dict[str, Any] = {}
        if self.migrations or self.schema_files or self.changelogs:
            out[MIGRATIONS.split(".")[1]] = {
                "migrations": self.migrations,
                "schema_files": self.schema_files,
                "changelogs": self.changelogs,
                "tools": sorted({m["tool"] for m in self.migrations.values()}),
                "schema": self._schema(),
            }
        if self.plans:
            out[PLANS.split(".")[1]] = {"plans": self.plans}
        return {"operations": out}

    # --- recording -------------------------------------------------------------------------

    def _unreadable(self, source: SourceFile, problem: str, line: int) -> None:
        """A migration file recognised but not readable: named with its line, never quoted."""
        where = f"{source.rel}:{line}" if line else source.rel
        self.ctx.warnings.append(f"{where}: a migration, {problem}; skipped")
        self.ctx.skipped.append({"file": source.rel, "reason": problem, "feeds": [MIGRATIONS]})

    def _changelog(self, source: SourceFile, includes: list[str]) -> None:
        """A Liquibase changelog that includes others (a master changelog): its change sets are
        read from the files it names, so the file itself is recorded with its includes."""
        if includes:
            self.changelogs[source.rel] = {
                "tool": "liquibase",
                "includes": includes,
                "provenance": self.ctx.file_ref(source, 1),
            }

    def _add(self, source: SourceFile, key: str, record: dict[str, Any]) -> None:
        facts: Facts = record.pop("facts")
        line = record.pop("line")
        self.facts.append((facts, source.rel))
        record["file"] = source.rel
        record["destructive"] = _destructive(source, facts)
        record["indexes"] = len(facts.indexes)
        record["constraints"] = sorted({c["kind"] for c in facts.constraints})
        record.setdefault("reverse", None)
        record.setdefault("repeatable", False)
        record["provenance"] = self.ctx.file_ref(source, line or None)
        self.migrations[key] = record

    # --- formats ---------------------------------------------------------------------------

    def _python(self, source: SourceFile) -> None:
        text = source.text or ""
        alembic_like = "revision" in text and "down_revision" in text and "def upgrade" in text
        django_like = "class Migration" in text and "operations" in text
        if not (alembic_like or django_like):
            return
        tree = ast.parse(text, filename=source.rel)
        if alembic_like and pyast.is_alembic(tree):
            record = pyast.alembic(tree)
            downgrade = pyast.functions(tree).get("downgrade")
            if downgrade is not None and not pyast.does_nothing(downgrade.body):
                record["reverse"] = source.ref(downgrade.lineno)
            self._add(source, source.rel, record)
            return
        cls = django.is_migration(tree) if django_like else None
        if cls is not None:
            path = PurePosixPath(source.rel)
            app = path.parent.parent.name if path.parent.name == "migrations" else path.parent.name
            record = django.migration(tree, cls, app or "app", path.stem, self.django_fks)
            self._add(source, source.rel, record)

    def _sql(self, source: SourceFile, name: str, flyway: Pending) -> None:
        text = source.text
        if text is None:
            return
        folder = str(PurePosixPath(source.rel).parent)
        if liquibase.is_formatted_sql(text):
            for record in liquibase.from_formatted_sql(text):
                self._add(source, f"{source.rel}#{record['id']}", record)
            return
        fly, golang = FLYWAY.match(name), GOLANG_MIGRATE.match(name)
        if fly or golang:
            facts = sql.analyse(text)
            if fly and fly.group("rdesc") is not None:
                record = _record("flyway", f"R__{fly.group('rdesc')}", facts, repeatable=True)
                self._add(source, source.rel, record)
            elif fly:
                kind = {"V": "up", "B": "up", "U": "down"}[fly.group("kind")]
                flyway[("flyway", folder, fly.group("version").replace("_", "."), kind)] = (source, facts)
            elif golang:
                flyway[("golang-migrate", folder, golang.group("version"), golang.group("dir"))] = (
                    source,
                    facts,
                )
            return
        if SCHEMA_DIRS & {p.lower() for p in PurePosixPath(source.rel).parts[:-1]}:
            facts = sql.analyse(text)
            self.facts.append((facts, source.rel))
            self.schema_files[source.rel] = {
                "statements": facts.statements,
                "indexes": len(facts.indexes),
                "destructive": [
                    {"op": d["op"], "target": d["target"], "ref": source.ref(d["line"])}
                    for d in facts.destructive
                ],
                "provenance": self.ctx.file_ref(source, 1),
            }

    def _pair_reverse(self, found: Pending) -> None:
        for (tool, folder, version, direction), (source, facts) in sorted(
            found.items(), key=lambda kv: kv[0]
        ):
            if direction != "up":
                if (tool, folder, version, "up") not in found:
                    self._orphan_undo(source, version)
                continue
            undo = found.get((tool, folder, version, "down"))
            record = _record(tool, version, facts)
            if undo is None:
                record["irreversible_because"] = "no undo migration" if tool == "flyway" else "no .down.sql"
                record["reversible"] = facts.statements == 0
            elif undo[1].statements == 0 and facts.statements:
                record["reversible"], record["irreversible_because"] = False, "the undo migration is empty"
            else:
                record["reverse"] = undo[0].rel
            self._add(source, source.rel, record)

    def _orphan_undo(self, source: SourceFile, version: str) -> None:
        """An undo (down) migration whose versioned (up) migration is not among the files: it
        undoes nothing gonogo can see, so it is named as skipped, not dropped without a word."""
        reason = f"an undo migration whose versioned migration {version} is not in the collected files"
        self.ctx.warnings.append(f"{source.rel}: {reason}; skipped")
        self.ctx.skipped.append({"file": source.rel, "reason": reason, "feeds": [MIGRATIONS]})

    def _xml(self, source: SourceFile) -> None:
        text = source.text
        if not text or "databaseChangeLog" not in text[:4096]:
            return
        root = liquibase.parse_xml(text)
        if root is None or root.tag != "databaseChangeLog":
            return
        for record in liquibase.from_xml(root):
            self._add(source, f"{source.rel}#{record['id']}", record)
        self._changelog(source, liquibase.xml_includes(root))

    def _data(self, source: SourceFile) -> None:
        for document in source.yaml_documents:
            value = document.value
            if isinstance(value, dict) and isinstance(value.get("databaseChangeLog"), list):
                lines = liquibase.changeset_lines(source.text or "")
                for record in liquibase.from_data(value["databaseChangeLog"], lines, document.line):
                    self._add(source, f"{source.rel}#{record['id']}", record)
                self._changelog(source, liquibase.data_includes(value["databaseChangeLog"]))
            elif source.form == "json" and (plans.is_postgres(value) or plans.is_mysql(value)):
                plan = plans.postgres(value) if plans.is_postgres(value) else plans.mysql(value)
                self.plans[source.rel] = {**plan, "provenance": self.ctx.file_ref(source, document.line)}

    # --- the schema the migrations build ---------------------------------------------------

    def _schema(self) -> dict[str, Any]:
        tables: dict[str, str] = {}
        indexes: dict[str, dict[str, Any]] = {}
        indexed: dict[str, str] = {}
        foreign_keys: dict[str, dict[str, Any]] = {}
        for facts, rel in self.facts:
            for t in facts.tables:
                tables.setdefault(t["name"], f"{rel}:{t['line']}")
            for ix in facts.indexes:
                key = f"{ix['table']}({','.join(ix['columns'])})"
                ref = f"{rel}:{ix['line']}"
                indexes.setdefault(
                    key, {**{k: ix[k] for k in ("table", "columns", "name", "unique")}, "ref": ref}
                )
                indexed.setdefault(f"{ix['table']}.{ix['columns'][0]}", ref)
            for k in facts.keys:
                indexed.setdefault(f"{k['table']}.{k['columns'][0]}", f"{rel}:{k['line']}")
            for fk in facts.foreign_keys:
                key = f"{fk['table']}({','.join(fk['columns'])})"
                foreign_keys.setdefault(
                    key,
                    {**{k: fk[k] for k in ("table", "columns", "references")}, "ref": f"{rel}:{fk['line']}"},
                )
        return {"tables": tables, "indexes": indexes, "indexed": indexed, "foreign_keys": foreign_keys}


def _record(tool: str, identity: str, facts: Facts, *, repeatable: bool = False) -> dict[str, Any]:
    return {
        "tool": tool,
        "id": identity,
        "parents": [],
        "reversible": True,
        "irreversible_because": "",
        "ops": _ops(facts),
        "reverse_ops": [],
        "repeatable": repeatable,
        "line": 1,
        "facts": facts,
    }


def _ops(facts: Facts) -> list[str]:
    found: Iterable[str] = [d["op"] for d in facts.destructive]
    if facts.indexes:
        found = [*found, "create_index"]
    if facts.tables:
        found = [*found, "create_table"]
    return sorted(set(found))


def _destructive(source: SourceFile, facts: Facts) -> list[dict[str, Any]]:
    return [{"op": d["op"], "target": d["target"], "ref": source.ref(d["line"])} for d in facts.destructive]
