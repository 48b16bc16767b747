"""Django migration modules, read with Python's `ast` (never imported or run).

A module with `class Migration(migrations.Migration)` and `operations = [...]`. Reversible per
Django's rules (docs: "Reversing migrations"): `RunPython` needs `reverse_code`, `RunSQL` needs
`reverse_sql` (`RunPython.noop` / `RunSQL.noop` count as reversing: nothing to undo); every other
built-in operation Django reverses itself. `RemoveField` and `DeleteModel` are destructive. A
ForeignKey gets the index Django creates for it (unless `db_index=False`); `Meta.indexes` name
fields, a foreign key's column being `<name>_id`.
"""

from __future__ import annotations

import ast
from typing import Any

from gonogo.collectors.migrations import sql
from gonogo.collectors.migrations.pyast import dotted, is_true, keyword, strings_of, text_of
from gonogo.collectors.migrations.sql import Facts

DJANGO_DESTRUCTIVE = {
    "RemoveField": "drop_column",
    "DeleteModel": "drop_table",
    "RemoveConstraint": "drop_constraint",
}


def is_migration(tree: ast.Module) -> ast.ClassDef | None:
    for node in tree.body:
        if (
            isinstance(node, ast.ClassDef)
            and node.name == "Migration"
            and any(dotted(b).endswith("Migration") for b in node.bases)
        ):
            return node
    return None


def _class_list(cls: ast.ClassDef, name: str) -> ast.AST | None:
    for node in cls.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return node.value
    return None


def _noop(node: ast.AST | None) -> bool:
    return node is not None and dotted(node).endswith(("RunPython.noop", "RunSQL.noop"))


def _django_field(
    facts: Facts, table: str, field: str, value: ast.AST, line: int, fk_fields: set[tuple[str, str]]
) -> None:
    if not isinstance(value, ast.Call):
        return
    kind = dotted(value.func).rsplit(".", 1)[-1]
    db_index = keyword(value, "db_index")
    if kind in ("ForeignKey", "OneToOneField"):
        fk_fields.add((table, field.lower()))
        target = text_of(keyword(value, "to", 0))
        column = f"{field.lower()}_id"
        facts.foreign_key(table, [column], target.split(".")[-1].lower(), line)
        if kind == "OneToOneField":
            facts.key(table, [column], line, "unique")
        elif not (isinstance(db_index, ast.Constant) and db_index.value is False):
            facts.index(table, [column], line, name=f"{table}_{column}")  # Django indexes FKs itself
    if is_true(keyword(value, "primary_key")):
        facts.key(table, [field.lower()], line, "primary_key")
    elif is_true(keyword(value, "unique")):
        facts.key(table, [field.lower()], line, "unique")
    if is_true(db_index):
        facts.index(table, [field.lower()], line, name=f"{table}_{field.lower()}")


def _django_index(
    facts: Facts, table: str, index: ast.AST | None, line: int, fk_fields: set[tuple[str, str]]
) -> None:
    """`models.Index(fields=[...])`: field names, a foreign key's being its `<name>_id` column."""
    if isinstance(index, ast.Call):
        fields = [f.lstrip("-").lower() for f in strings_of(keyword(index, "fields"))]
        columns = [f"{f}_id" if (table, f) in fk_fields else f for f in fields]
        facts.index(table, columns, line, name=text_of(keyword(index, "name")))


def _django_operation(
    facts: Facts, app: str, call: ast.Call, problems: list[str], fk_fields: set[tuple[str, str]]
) -> str:
    """One operation's facts; fk_fields: (table, field) of the migration's foreign keys so far."""
    kind = dotted(call.func).rsplit(".", 1)[-1]
    line = call.lineno
    model = (
        text_of(keyword(call, "name", 0))
        if kind in ("CreateModel", "DeleteModel")
        else text_of(keyword(call, "model_name", 0))
    ).lower()
    table = f"{app}_{model}" if model else ""
    if kind == "CreateModel":
        options = keyword(call, "options")
        entries = (
            dict(zip(options.keys, options.values, strict=True)) if isinstance(options, ast.Dict) else {}
        )
        named = {text_of(k): v for k, v in entries.items() if k is not None}
        if text_of(named.get("db_table")):
            table = text_of(named["db_table"]).lower()
        facts.table(table, line)
        facts.key(table, ["id"], line, "primary_key")
        fields = keyword(call, "fields", 1)
        for entry in fields.elts if isinstance(fields, (ast.List, ast.Tuple)) else []:
            if isinstance(entry, ast.Tuple) and len(entry.elts) == 2 and text_of(entry.elts[0]):
                _django_field(facts, table, text_of(entry.elts[0]), entry.elts[1], line, fk_fields)
        indexes = named.get("indexes")
        for index in indexes.elts if isinstance(indexes, (ast.List, ast.Tuple)) else []:
            _django_index(facts, table, index, line, fk_fields)
    elif kind in ("AddField", "AlterField"):
        field = text_of(keyword(call, "name", 1))
        value = keyword(call, "field", 2)
        if field and value is not None:
            _django_field(facts, table, field, value, line, fk_fields)
    elif kind == "AddIndex":
        _django_index(facts, table, keyword(call, "index", 1), line, fk_fields)
    elif kind == "AddConstraint":
        facts.constraint("constraint", table, line)
    elif kind in DJANGO_DESTRUCTIVE:
        field = text_of(keyword(call, "name", 1)).lower() if kind != "DeleteModel" else ""
        facts.destroy(DJANGO_DESTRUCTIVE[kind], f"{table}.{field}" if field else table, line)
    elif kind == "RunPython" and keyword(call, "reverse_code", 1) is None:
        problems.append(f"RunPython without reverse_code (line {line})")
    elif kind == "RunSQL":
        if keyword(call, "reverse_sql", 1) is None:
            problems.append(f"RunSQL without reverse_sql (line {line})")
        forward = keyword(call, "sql", 0)
        if text_of(forward) and not _noop(forward):
            facts.extend(sql.analyse(text_of(forward), line))
    return kind


def migration(
    tree: ast.Module, cls: ast.ClassDef, app: str, name: str, fk_fields: set[tuple[str, str]]
) -> dict[str, Any]:
    """fk_fields: (table, field) of the foreign keys of the migrations read so far (updated)."""
    facts, problems = Facts(), []
    operations = _class_list(cls, "operations")
    ops: list[str] = []
    for node in operations.elts if isinstance(operations, (ast.List, ast.Tuple)) else []:
        if isinstance(node, ast.Call):
            ops.append(_django_operation(facts, app, node, problems, fk_fields))
    dependencies = _class_list(cls, "dependencies")
    parents = [
        "/".join(strings_of(d))
        for d in (dependencies.elts if isinstance(dependencies, (ast.List, ast.Tuple)) else [])
    ]
    return {
        "tool": "django",
        "id": f"{app}.{name}",
        "parents": [p for p in parents if p],
        "reversible": not problems,
        "irreversible_because": "; ".join(problems),
        "ops": sorted(set(ops)),
        "reverse_ops": [],
        "line": cls.lineno,
        "facts": facts,
    }
