"""Alembic revision files, read with Python's `ast` (never imported or run), and the `ast`
helpers django.py shares.

Alembic: a module with `revision = "..."`, `down_revision = ...` and `def upgrade()`; reversible
when `downgrade()` does something (a body of only `pass`, a docstring or `...` does nothing, and
one that raises undoes nothing) or when `upgrade()` does nothing either. The `op.*` calls are
recorded by name, and `op.create_index`, `op.create_table` (its `sa.Column(..., index=True)`,
`primary_key`, `unique`, `sa.ForeignKey`, and constraint arguments), `op.create_foreign_key`, and
the SQL of `op.execute("...")` give indexes, keys and destructive operations.
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


def constant(node: ast.AST | None) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [constant(e) for e in node.elts]
    return None


def text_of(node: ast.AST | None) -> str:
    value = constant(node)
    return value if isinstance(value, str) else ""


def strings_of(node: ast.AST | None) -> list[str]:
    value = constant(node)
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


def keyword(call: ast.Call, name: str, position: int | None = None) -> ast.AST | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if position is not None and position < len(call.args):
        return call.args[position]
    return None


def is_true(node: ast.AST | None) -> bool:
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
    name = text_of(column.args[0]) if column.args else text_of(keyword(column, "name"))
    if not name:
        return
    for arg in column.args[1:]:
        if isinstance(arg, ast.Call) and dotted(arg.func).endswith("ForeignKey"):
            target = text_of(arg.args[0]) if arg.args else ""
            facts.foreign_key(table, [name.lower()], target.split(".")[0].lower(), line)
    if is_true(keyword(column, "primary_key")):
        facts.key(table, [name.lower()], line, "primary_key")
    if is_true(keyword(column, "unique")):
        facts.key(table, [name.lower()], line, "unique")
    if is_true(keyword(column, "index")):
        facts.index(table, [name.lower()], line, name=f"ix_{table}_{name.lower()}")
    if keyword(column, "nullable") is not None and not is_true(keyword(column, "nullable")):
        facts.constraint("not_null", table, line)


def _alembic_table_arg(facts: Facts, table: str, arg: ast.Call, line: int) -> None:
    kind = dotted(arg.func).rsplit(".", 1)[-1]
    columns = [c.lower() for a in arg.args for c in strings_of(a)]
    if kind == "Column":
        _alembic_column(facts, table, arg, line)
    elif kind == "PrimaryKeyConstraint":
        facts.key(table, columns, line, "primary_key")
    elif kind == "UniqueConstraint":
        facts.key(table, columns, line, "unique")
    elif kind == "ForeignKeyConstraint" and arg.args:
        remote = strings_of(arg.args[1]) if len(arg.args) > 1 else []
        facts.foreign_key(
            table,
            [c.lower() for c in strings_of(arg.args[0])],
            remote[0].split(".")[0].lower() if remote else "",
            line,
        )
    elif kind == "CheckConstraint":
        facts.constraint("check", table, line)


def _unwrap_f(node: ast.AST | None) -> ast.AST | None:
    """`op.f("ix_name")` -> the "ix_name" constant (Alembic's naming-convention marker)."""
    if isinstance(node, ast.Call) and dotted(node.func) == "op.f" and node.args:
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
            [text_of(a) for a in args[:2] if text_of(a)]
            if op_name != "drop_constraint"
            else [text_of(args[1] if len(args) > 1 else None)]
        )
        facts.destroy(ALEMBIC_DESTRUCTIVE[op_name], ".".join(p.lower() for p in parts if p), line)
    elif op_name == "create_table" and args:
        table = text_of(args[0]).lower()
        facts.table(table, line)
        for arg in args[1:]:
            if isinstance(arg, ast.Call):
                _alembic_table_arg(facts, table, arg, line)
    elif op_name == "add_column" and len(args) > 1 and isinstance(args[1], ast.Call):
        _alembic_table_arg(facts, text_of(args[0]).lower(), args[1], line)
    elif op_name == "create_index":
        name = text_of(_unwrap_f(call.args[0] if call.args else keyword(call, "index_name")))
        table = batch_table or text_of(keyword(call, "table_name", 1))
        cols = strings_of(keyword(call, "columns", 1 if batch_table else 2))
        facts.index(
            table.lower(), [c.lower() for c in cols], line, name=name, unique=is_true(keyword(call, "unique"))
        )
    elif op_name == "create_foreign_key":
        source = batch_table or text_of(keyword(call, "source_table", 1))
        referent = text_of(keyword(call, "referent_table", 1 if batch_table else 2))
        local = strings_of(keyword(call, "local_cols", 2 if batch_table else 3))
        facts.foreign_key(source.lower(), [c.lower() for c in local], referent.lower(), line)
    elif op_name in ("create_primary_key", "create_unique_constraint"):
        table = batch_table or text_of(keyword(call, "table_name", 1))
        cols = strings_of(keyword(call, "columns", 1 if batch_table else 2))
        kind = "primary_key" if op_name == "create_primary_key" else "unique"
        facts.key(table.lower(), [c.lower() for c in cols], line, kind)
    elif op_name == "create_check_constraint":
        facts.constraint("check", (batch_table or text_of(keyword(call, "table_name", 1))).lower(), line)
    elif op_name == "execute" and call.args and text_of(call.args[0]):
        facts.extend(sql.analyse(text_of(call.args[0]), line))


def _walk_function(function: ast.FunctionDef) -> tuple[Facts, list[str]]:
    facts, ops = Facts(), []
    table_of: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.With):
            for item in node.items:
                ctx = item.context_expr
                if (
                    isinstance(ctx, ast.Call)
                    and dotted(ctx.func) == "op.batch_alter_table"
                    and isinstance(item.optional_vars, ast.Name)
                ):
                    table_of[item.optional_vars.id] = text_of(
                        ctx.args[0] if ctx.args else keyword(ctx, "table_name")
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
        "id": text_of(_assigned(tree, "revision")[1]),
        "parents": strings_of(down),
        "reversible": reversible,
        "irreversible_because": "" if reversible else why,
        "ops": ops,
        "reverse_ops": down_ops,
        "line": upgrade.lineno,
        "facts": facts,
    }
