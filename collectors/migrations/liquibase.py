"""Liquibase changelogs: XML (parsed with defusedxml's SAX reader, for line numbers), YAML and JSON
(`databaseChangeLog:` lists) and formatted SQL (`--liquibase formatted sql`, `--changeset a:id`).

A changeSet is reversible when it has a `rollback` that does something (changes, SQL, or a
`changeSetId` naming another changeSet), or when every change in it is one that Liquibase rolls
back by itself (AUTO_ROLLBACK, the "Auto rollback: yes" change types of Liquibase's change-type
reference). Formatted SQL changelogs have no automatic rollback: each changeset needs
`--rollback`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

import defusedxml.sax
import yaml
from defusedxml import DefusedXmlException
from gonogo.collectors.migrations import sql
from gonogo.collectors.migrations.sql import Facts

AUTO_ROLLBACK = frozenset(
    {
        "addColumn",
        "addDefaultValue",
        "addForeignKeyConstraint",
        "addLookupTable",
        "addNotNullConstraint",
        "addPrimaryKey",
        "addUniqueConstraint",
        "createIndex",
        "createSequence",
        "createSynonym",
        "createTable",
        "createView",
        "disableCheckConstraint",
        "disableTrigger",
        "enableCheckConstraint",
        "enableTrigger",
        "renameColumn",
        "renameSequence",
        "renameTable",
        "renameView",
        "tagDatabase",
        "empty",
        "output",
    }
)
DESTRUCTIVE = {
    "dropTable": "drop_table",
    "dropColumn": "drop_column",
    "delete": "delete_rows",
    "dropForeignKeyConstraint": "drop_constraint",
    "dropPrimaryKey": "drop_constraint",
    "dropUniqueConstraint": "drop_constraint",
    "dropAllForeignKeyConstraints": "drop_constraint",
    "mergeColumns": "drop_column",
}
NOT_CHANGES = frozenset({"comment", "preConditions", "rollback", "validCheckSum", "modifySql", "tagDatabase"})
FORMATTED = re.compile(r"^\s*--\s*liquibase\s+formatted\s+sql", re.IGNORECASE)
CHANGESET = re.compile(r"^\s*--\s*changeset\s+(\S+?):(\S+)", re.IGNORECASE)
ROLLBACK = re.compile(r"^\s*--\s*rollback\b(.*)$", re.IGNORECASE)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Node] = []
        self.root: Node | None = None
        self._locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: Any) -> None:
        node = Node(
            name.rsplit(":", 1)[-1], dict(attrs), self._locator.getLineNumber() if self._locator else 0
        )
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].text += content


class ChangelogError(ValueError):
    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def parse_xml(text: str) -> Node | None:
    builder = _Builder()
    try:
        defusedxml.sax.parseString(text.encode("utf-8"), builder)
    except SAXException as exc:
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else 0
        raise ChangelogError("not well-formed XML", line) from None
    except DefusedXmlException:
        raise ChangelogError("XML with entities or a DTD, refused") from None
    return builder.root


def _column_facts(facts: Facts, table: str, name: str, constraints: dict[str, Any], line: int) -> None:
    if str(constraints.get("primaryKey", "")).lower() == "true":
        facts.key(table, [name], line, "primary_key")
    if str(constraints.get("unique", "")).lower() == "true":
        facts.key(table, [name], line, "unique")
    reference = constraints.get("references") or constraints.get("referencedTableName")
    if reference:
        facts.foreign_key(table, [name], str(reference).split("(")[0].strip().lower(), line)
    if str(constraints.get("nullable", "")).lower() == "false":
        facts.constraint("not_null", table, line)
    if constraints.get("checkConstraint"):
        facts.constraint("check", table, line)


def _cols(value: Any) -> list[str]:
    return [c.strip().lower() for c in str(value or "").split(",") if c.strip()]


def change_facts(
    facts: Facts, kind: str, attrs: dict[str, Any], columns: list[dict[str, Any]], line: int
) -> None:
    """One change: `attrs` its attributes, `columns` its column entries (name + constraints)."""
    table = str(attrs.get("tableName") or attrs.get("baseTableName") or "").lower()
    if kind == "createTable":
        facts.table(table, line)
    if kind in ("createTable", "addColumn"):
        for column in columns:
            _column_facts(
                facts, table, str(column.get("name", "")).lower(), column.get("constraints") or {}, line
            )
    elif kind == "createIndex":
        unique = str(attrs.get("unique", "")).lower() == "true"
        names = [str(c.get("name", "")).lower() for c in columns if c.get("name")]
        facts.index(table, names, line, name=str(attrs.get("indexName") or ""), unique=unique)
    elif kind == "addForeignKeyConstraint":
        facts.foreign_key(
            table,
            _cols(attrs.get("baseColumnNames")),
            str(attrs.get("referencedTableName") or "").lower(),
            line,
        )
    elif kind in ("addPrimaryKey", "addUniqueConstraint"):
        key = "primary_key" if kind == "addPrimaryKey" else "unique"
        facts.key(table, _cols(attrs.get("columnNames")), line, key)
    elif kind in ("addNotNullConstraint", "addCheckConstraint"):
        facts.constraint("not_null" if kind == "addNotNullConstraint" else "check", table, line)
    elif kind in DESTRUCTIVE:
        column = str(attrs.get("columnName") or "").lower()
        if kind == "delete" and attrs.get("where"):
            return
        facts.destroy(DESTRUCTIVE[kind], f"{table}.{column}" if column else table, line)
    elif kind == "sql" and isinstance(attrs.get("sql"), str):
        facts.extend(sql.analyse(attrs["sql"], line))


def changeset(kinds: list[str], rollback: str, identity: str, line: int, facts: Facts) -> dict[str, Any]:
    """A changeSet's fact. rollback: "changes" | "sql" | "reference" | "empty" | "" (none)."""
    manual = rollback in ("changes", "sql", "reference")
    auto = bool(kinds) and all(k in AUTO_ROLLBACK for k in kinds)
    reversible = manual or (rollback == "" and auto) or not kinds
    if reversible:
        why = ""
    elif rollback == "empty":
        why = "empty rollback"
    else:
        why = "no rollback for " + ", ".join(sorted({k for k in kinds if k not in AUTO_ROLLBACK}))
    return {
        "tool": "liquibase",
        "id": identity,
        "parents": [],
        "reversible": reversible,
        "irreversible_because": why,
        "ops": sorted(set(kinds)),
        "reverse_ops": [],
        "line": line,
        "facts": facts,
    }


def _xml_rollback(node: Node | None) -> str:
    if node is None:
        return ""
    if node.attrs.get("changeSetId"):
        return "reference"
    if node.children:
        return "changes"
    return "sql" if node.text.strip() else "empty"


def xml_includes(root: Node) -> list[str]:
    """The changelogs an XML changelog pulls in: `<include file=...>` and `<includeAll path=...>`."""
    return [
        str(c.attrs.get("file") or c.attrs.get("path") or "")
        for c in root.children
        if c.tag in ("include", "includeAll")
    ]


def data_includes(log: list[Any]) -> list[str]:
    """The same for a YAML or JSON changelog: `- include: {file: ...}`, `- includeAll: {path: ...}`."""
    found = []
    for entry in log:
        for key, attr in (("include", "file"), ("includeAll", "path")):
            value = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(value, dict):
                found.append(str(value.get(attr) or ""))
    return found


def from_xml(root: Node) -> list[dict[str, Any]]:
    out = []
    for cs in (c for c in root.children if c.tag == "changeSet"):
        facts, kinds = Facts(), []
        for change in cs.children:
            if change.tag in NOT_CHANGES:
                continue
            kinds.append(change.tag)
            columns = [
                {
                    **col.attrs,
                    "constraints": next((c.attrs for c in col.children if c.tag == "constraints"), {}),
                }
                for col in change.children
                if col.tag == "column"
            ]
            attrs = dict(change.attrs)
            if change.tag == "sql":
                attrs["sql"] = change.text
            if change.tag == "delete" and any(c.tag == "where" for c in change.children):
                attrs["where"] = "yes"
            change_facts(facts, change.tag, attrs, columns, change.line)
        rollback = _xml_rollback(next((c for c in cs.children if c.tag == "rollback"), None))
        identity = f"{cs.attrs.get('id', '')}:{cs.attrs.get('author', '')}"
        out.append(changeset(kinds, rollback, identity, cs.line, facts))
    return out


def _yaml_rollback(value: Any, present: bool) -> str:
    if not present:
        return ""
    if isinstance(value, dict) and value.get("changeSetId"):
        return "reference"
    if isinstance(value, str):
        return "sql" if value.strip() else "empty"
    if isinstance(value, (list, dict)) and value:
        return "changes"
    return "empty"


def changeset_lines(text: str) -> list[int]:
    """Lines of each `- changeSet:` entry of a YAML/JSON changelog, in order (composed, not built)."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    lines: list[int] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "databaseChangeLog" and isinstance(value, yaml.SequenceNode):
                for entry in value.value:
                    if isinstance(entry, yaml.MappingNode) and any(
                        k.value == "changeSet" for k, _ in entry.value
                    ):
                        lines.append(entry.start_mark.line + 1)
    return lines


def from_data(log: list[Any], lines: list[int], default_line: int) -> list[dict[str, Any]]:
    out = []
    entries = [e["changeSet"] for e in log if isinstance(e, dict) and isinstance(e.get("changeSet"), dict)]
    for n, cs in enumerate(entries):
        line = lines[n] if n < len(lines) else default_line
        facts, kinds = Facts(), []
        for change in cs.get("changes") or []:
            if not isinstance(change, dict) or len(change) != 1:
                raise ChangelogError("a change that is not a one-key mapping", line)
            ((kind, attrs),) = change.items()
            attrs = attrs if isinstance(attrs, dict) else {}
            kinds.append(str(kind))
            columns = [
                c["column"]
                for c in attrs.get("columns") or []
                if isinstance(c, dict) and isinstance(c.get("column"), dict)
            ]
            change_facts(facts, str(kind), attrs, columns, line)
        rollback = _yaml_rollback(cs.get("rollback"), "rollback" in cs)
        out.append(changeset(kinds, rollback, f"{cs.get('id', '')}:{cs.get('author', '')}", line, facts))
    return out


def is_formatted_sql(text: str) -> bool:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    return bool(FORMATTED.match(first))


def from_formatted_sql(text: str) -> list[dict[str, Any]]:
    """`--changeset author:id` blocks; `--rollback <sql>` lines give each its rollback."""
    blocks: list[tuple[str, int, list[str], list[str]]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        head = CHANGESET.match(raw)
        if head:
            blocks.append((f"{head.group(2)}:{head.group(1)}", number, [], []))
            continue
        if not blocks:
            continue
        back = ROLLBACK.match(raw)
        if back:
            blocks[-1][3].append(back.group(1).strip())
            blocks[-1][2].append("")  # keeps the body's line numbers
        else:
            blocks[-1][2].append(raw)
    out = []
    for identity, line, body, rollback in blocks:
        facts = sql.analyse("\n".join(body), line + 1)
        kinds = ["sql"] if facts.statements else []
        out.append(
            changeset(kinds, "sql" if any(rollback) else ("empty" if rollback else ""), identity, line, facts)
        )
    return out
