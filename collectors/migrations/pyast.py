"""Alembic revision files and Django migration modules, read with Python's `ast` (never imported or run).

Alembic: a module with `revision = "..."`, `down_revision = ...` and `def upgrade()`; reversible
when `downgrade()` does something (a body of only `pass`, a docstring or `...` does nothing, and
one that raises undoes nothing) or when `upgrade()` does nothing either. The `op.*` calls are
recorded by name, and `op.create_index`, `op.create_table` (its `sa.Column(..., index=True)`,
`primary_key`, `unique`, `sa.ForeignKey`, and constraint arguments), `op.create_foreign_key`, and
the SQL of `op.execute("...")` give indexes, keys and destructive operations.

Django: a module with `class Migration(migrations.Migration)` and `operations = [...]`. Reversible
per Django's rules (docs: "Reversing migrations"): `RunPython` needs `reverse_code`, `RunSQL` needs
`reverse_sql` (`RunPython.noop` / `RunSQL.noop` count as reversing: nothing to undo); every other
built-in operation Django reverses itself. `RemoveField` and `DeleteModel` are destructive.
"""

from __future__ import annotations

import ast
from typing import Any

from gonogo.collectors.migrations import sql
from gonogo.collectors.migrations.sql import Facts

ALEMBIC_DESTRUCTIVE = {
    "drop_table": "drop_table",
    "drop_column": "drop_column",
    "drop_constraint": "drop_constraint",
}
DJANGO_DESTRUCTIVE = {
    "RemoveField": "drop_column",
    "DeleteModel": "drop_table",
    "RemoveConstraint": "drop_constraint",
}


def _const(node: ast.AST | None) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_const(e) for e in node.elts]
    return None


def _str(node: ast.AST | None) -> str:
    value = _const(node)
    return value if isinstance(value, str) else ""


def _strings(node: ast.AST | None) -> list[str]:
    value = _const(node)
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


def _kw(call: ast.Call, name: str, position: int | None = None) -> ast.AST | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if position is not None and position < len(call.args):
        return call.args[position]
    return None


def _true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def does_nothing(body: list[ast.stmt]) -> bool:
    """`pass`, a docstring, `...` or only raising: the function changes nothing."""
    for statement in body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        return False
    return True


def _raises_only(body: list[ast.stmt]) -> bool:
    rest = [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    return (
        bool(rest)
        and all(isinstance(s, (ast.Raise, ast.Pass)) for s in rest)
        and any(isinstance(s, ast.Raise) for s in rest)
    )


def _assigned(tree: ast.Module, name: str) -> tuple[bool, ast.AST | None]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return True, node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return True, node.value
    return False, None


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def is_alembic(tree: ast.Module) -> bool:
    return (
        _assigned(tree, "revision")[0]
        and _assigned(tree, "down_revision")[0]
        and "upgrade" in functions(tree)
    )


def _alembic_column(facts: Facts, table: str, column: ast.Call, line: int) -> None:
    name = _str(column.args[0]) if column.args else _str(_kw(column, "name"))
    if not name:
        return
    for arg in column.args[1:]:
        if isinstance(arg, ast.Call) and _dotted(arg.func).endswith("ForeignKey"):
            target = _str(arg.args[0]) if arg.args else ""
            facts.foreign_key(table, [name.lower()], target.split(".")[0].lower(), line)
    if _true(_kw(column, "primary_key")):
        facts.key(table, [name.lower()], line, "primary_key")
    if _true(_kw(column, "unique")):
        facts.key(table, [name.lower()], line, "unique")
    if _true(_kw(column, "index")):
        facts.index(table, [name.lower()], line, name=f"ix_{table}_{name.lower()}")
    if _kw(column, "nullable") is not None and not _true(_kw(column, "nullable")):
        facts.constraint("not_null", table, line)


def _alembic_table_arg(facts: Facts, table: str, arg: ast.Call, line: int) -> None:
    kind = _dotted(arg.func).rsplit(".", 1)[-1]
    columns = [c.lower() for a in arg.args for c in _strings(a)]
    if kind == "Column":
        _alembic_column(facts, table, arg, line)
    elif kind == "PrimaryKeyConstraint":
        facts.key(table, columns, line, "primary_key")
    elif kind == "UniqueConstraint":
        facts.key(table, columns, line, "unique")
    elif kind == "ForeignKeyConstraint" and arg.args:
        remote = _strings(arg.args[1]) if len(arg.args) > 1 else []
        facts.foreign_key(
            table,
            [c.lower() for c in _strings(arg.args[0])],
            remote[0].split(".")[0].lower() if remote else "",
            line,
        )
    elif kind == "CheckConstraint":
        facts.constraint("check", table, line)


def _unwrap_f(node: ast.AST | None) -> ast.AST | None:
    """`op.f("ix_name")` -> the "ix_name" constant (Alembic's naming-convention marker)."""
    if isinstance(node, ast.Call) and _dotted(node.func) == "op.f" and node.args:
        return node.args[0]
    return node


def _alembic_call(facts: Facts, ops: list[str], call: ast.Call, table_of: dict[str, str]) -> None:
    func = call.func
    if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
        return
    receiver, op_name, line = func.value.id, func.attr, call.lineno
    batch_table = table_of.get(receiver)
    if (receiver != "op" and batch_table is None) or op_name == "f":  # op.f() only names things
        return
    ops.append(op_name)
    # in a batch (`with op.batch_alter_table("t") as b`), calls name no table: it is the batch's
    args = ([ast.Constant(batch_table)] if batch_table is not None else []) + list(call.args)
    if op_name in ALEMBIC_DESTRUCTIVE:
        parts = (
            [_str(a) for a in args[:2] if _str(a)]
            if op_name != "drop_constraint"
            else [_str(args[1] if len(args) > 1 else None)]
        )
        facts.destroy(ALEMBIC_DESTRUCTIVE[op_name], ".".join(p.lower() for p in parts if p), line)
    elif op_name == "create_table" and args:
        table = _str(args[0]).lower()
        facts.table(table, line)
        for arg in args[1:]:
            if isinstance(arg, ast.Call):
                _alembic_table_arg(facts, table, arg, line)
    elif op_name == "add_column" and len(args) > 1 and isinstance(args[1], ast.Call):
        _alembic_table_arg(facts, _str(args[0]).lower(), args[1], line)
    elif op_name == "create_index":
        name = _str(_unwrap_f(call.args[0] if call.args else _kw(call, "index_name")))
        table = batch_table or _str(_kw(call, "table_name", 1))
        cols = _strings(_kw(call, "columns", 1 if batch_table else 2))
        facts.index(
            table.lower(), [c.lower() for c in cols], line, name=name, unique=_true(_kw(call, "unique"))
        )
    elif op_name == "create_foreign_key":
        source = batch_table or _str(_kw(call, "source_table", 1))
        referent = _str(_kw(call, "referent_table", 1 if batch_table else 2))
        local = _strings(_kw(call, "local_cols", 2 if batch_table else 3))
        facts.foreign_key(source.lower(), [c.lower() for c in local], referent.lower(), line)
    elif op_name in ("create_primary_key", "create_unique_constraint"):
        table = batch_table or _str(_kw(call, "table_name", 1))
        cols = _strings(_kw(call, "columns", 1 if batch_table else 2))
        kind = "primary_key" if op_name == "create_primary_key" else "unique"
        facts.key(table.lower(), [c.lower() for c in cols], line, kind)
    elif op_name == "create_check_constraint":
        facts.constraint("check", (batch_table or _str(_kw(call, "table_name", 1))).lower(), line)
    elif op_name == "execute" and call.args and _str(call.args[0]):
        facts.extend(sql.analyse(_str(call.args[0]), line))


def _walk_function(function: ast.FunctionDef) -> tuple[Facts, list[str]]:
    facts, ops = Facts(), []
    table_of: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.With):
            for item in node.items:
                ctx = item.context_expr
                if (
                    isinstance(ctx, ast.Call)
                    and _dotted(ctx.func) == "op.batch_alter_table"
                    and isinstance(item.optional_vars, ast.Name)
                ):
                    table_of[item.optional_vars.id] = _str(
                        ctx.args[0] if ctx.args else _kw(ctx, "table_name")
                    ).lower()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            _alembic_call(facts, ops, node, table_of)
    return facts, sorted(set(ops))


def alembic(tree: ast.Module) -> dict[str, Any]:
    defined = functions(tree)
    upgrade = defined["upgrade"]
    downgrade = defined.get("downgrade")
    facts, ops = _walk_function(upgrade)
    down_ops = _walk_function(downgrade)[1] if downgrade else []
    if downgrade is None:
        reversible, why = does_nothing(upgrade.body), "no downgrade()"
    elif does_nothing(downgrade.body) or _raises_only(downgrade.body):
        reversible = does_nothing(upgrade.body)
        why = "downgrade() raises" if _raises_only(downgrade.body) else "downgrade() does nothing"
    else:
        reversible, why = True, ""
    down = _assigned(tree, "down_revision")[1]
    return {
        "tool": "alembic",
        "id": _str(_assigned(tree, "revision")[1]),
        "parents": _strings(down),
        "reversible": reversible,
        "irreversible_because": "" if reversible else why,
        "ops": ops,
        "reverse_ops": down_ops,
        "line": upgrade.lineno,
        "facts": facts,
    }


def is_django(tree: ast.Module) -> ast.ClassDef | None:
    for node in tree.body:
        if (
            isinstance(node, ast.ClassDef)
            and node.name == "Migration"
            and any(_dotted(b).endswith("Migration") for b in node.bases)
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
    return node is not None and _dotted(node).endswith(("RunPython.noop", "RunSQL.noop"))


def _django_field(
    facts: Facts, table: str, field: str, value: ast.AST, line: int, fk_fields: set[tuple[str, str]]
) -> None:
    if not isinstance(value, ast.Call):
        return
    kind = _dotted(value.func).rsplit(".", 1)[-1]
    db_index = _kw(value, "db_index")
    if kind in ("ForeignKey", "OneToOneField"):
        fk_fields.add((table, field.lower()))
        target = _str(_kw(value, "to", 0))
        column = f"{field.lower()}_id"
        facts.foreign_key(table, [column], target.split(".")[-1].lower(), line)
        if kind == "OneToOneField":
            facts.key(table, [column], line, "unique")
        elif not (isinstance(db_index, ast.Constant) and db_index.value is False):
            facts.index(table, [column], line, name=f"{table}_{column}")  # Django indexes FKs itself
    if _true(_kw(value, "primary_key")):
        facts.key(table, [field.lower()], line, "primary_key")
    elif _true(_kw(value, "unique")):
        facts.key(table, [field.lower()], line, "unique")
    if _true(db_index):
        facts.index(table, [field.lower()], line, name=f"{table}_{field.lower()}")


def _django_index(
    facts: Facts, table: str, index: ast.AST | None, line: int, fk_fields: set[tuple[str, str]]
) -> None:
    """`models.Index(fields=[...])`: field names, a foreign key's being its `<name>_id` column."""
    if isinstance(index, ast.Call):
        fields = [f.lstrip("-").lower() for f in _strings(_kw(index, "fields"))]
        columns = [f"{f}_id" if (table, f) in fk_fields else f for f in fields]
        facts.index(table, columns, line, name=_str(_kw(index, "name")))


def _django_operation(
    facts: Facts, app: str, call: ast.Call, problems: list[str], fk_fields: set[tuple[str, str]]
) -> str:
    """One operation's facts; fk_fields: (table, field) of the migration's foreign keys so far."""
    kind = _dotted(call.func).rsplit(".", 1)[-1]
    line = call.lineno
    model = (
        _str(_kw(call, "name", 0))
        if kind in ("CreateModel", "DeleteModel")
        else _str(_kw(call, "model_name", 0))
    ).lower()
    table = f"{app}_{model}" if model else ""
    if kind == "CreateModel":
        options = _kw(call, "options")
        entries = (
            dict(zip(options.keys, options.values, strict=True)) if isinstance(options, ast.Dict) else {}
        )
        named = {_str(k): v for k, v in entries.items() if k is not None}
        if _str(named.get("db_table")):
            table = _str(named["db_table"]).lower()
        facts.table(table, line)
        facts.key(table, ["id"], line, "primary_key")
        fields = _kw(call, "fields", 1)
        for entry in fields.elts if isinstance(fields, (ast.List, ast.Tuple)) else []:
            if isinstance(entry, ast.Tuple) and len(entry.elts) == 2 and _str(entry.elts[0]):
                _django_field(facts, table, _str(entry.elts[0]), entry.elts[1], line, fk_fields)
        indexes = named.get("indexes")
        for index in indexes.elts if isinstance(indexes, (ast.List, ast.Tuple)) else []:
            _django_index(facts, table, index, line, fk_fields)
    elif kind in ("AddField", "AlterField"):
        field = _str(_kw(call, "name", 1))
        value = _kw(call, "field", 2)
        if field and value is not None:
            _django_field(facts, table, field, value, line, fk_fields)
    elif kind == "AddIndex":
        _django_index(facts, table, _kw(call, "index", 1), line, fk_fields)
    elif kind == "AddConstraint":
        facts.constraint("constraint", table, line)
    elif kind in DJANGO_DESTRUCTIVE:
        field = _str(_kw(call, "name", 1)).lower() if kind != "DeleteModel" else ""
        facts.destroy(DJANGO_DESTRUCTIVE[kind], f"{table}.{field}" if field else table, line)
    elif kind == "RunPython" and _kw(call, "reverse_code", 1) is None:
        problems.append(f"RunPython without reverse_code (line {line})")
    elif kind == "RunSQL":
        if _kw(call, "reverse_sql", 1) is None:
            problems.append(f"RunSQL without reverse_sql (line {line})")
        forward = _kw(call, "sql", 0)
        if _str(forward) and not _noop(forward):
            facts.extend(sql.analyse(_str(forward), line))
    return kind


def django(
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
        "/".join(_strings(d))
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
