"""Terraform: variable defaults and attribute literals in `.tf` files, `.tfvars` values, and the
`variables` of a `terraform show -json` plan (which carries every input variable's value, the
sensitive ones included).

HCL is parsed by python-hcl2 (its Lark tree keeps each attribute's line); only the shape of a
value is kept. An expression (`var.db_password`, `data.vault_generic_secret.db.data["pw"]`) or
an interpolated string is a reference, never a literal.
"""

from __future__ import annotations

from typing import Any

import hcl2
from gonogo.collectors.secrets.facts import Facts
from gonogo.collectors.secrets.values import describe
from gonogo.collectors.secrets.yamltree import escape
from gonogo.collectors.sources.files import SourceFile
from lark import Token, Tree
from lark.exceptions import LarkError


def _text(tree: Any) -> str:
    return "".join(str(t) for t in tree.scan_values(lambda v: isinstance(v, Token)))


def _label(tree: Tree) -> str:
    return _text(tree).strip('"')


def _term(expr: Tree) -> Any:
    """The expression under an `expr_term` wrapper."""
    return expr.children[0] if expr.data == "expr_term" and len(expr.children) == 1 else expr


def _string(node: Tree) -> tuple[str, bool]:
    """A quoted string's text without its quotes, and whether it interpolates (`${...}`)."""
    interpolated = any(c.data == "interpolation" for c in node.iter_subtrees())
    text = _text(node)
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text, interpolated


# One attribute's value, as this module reads it: a literal string or number, a reference (an
# expression: var.x, a function call, an interpolated string), a flag (true/false/null: no
# credential), or a container (an object or tuple: walked).
Value = tuple[str, Any]


def _value(expr: Tree) -> Value:
    node = _term(expr)
    if not isinstance(node, Tree):
        return "reference", None
    if node.data == "string":
        text, interpolated = _string(node)
        return ("reference", None) if interpolated else ("literal", text)
    if node.data == "heredoc_template":
        body = _text(node).rstrip().split("\n", 1)
        return "literal", body[1].rsplit("\n", 1)[0] if len(body) == 2 else ""
    if node.data in ("int_lit", "float_lit"):
        text = _text(node)
        return "literal", float(text) if "." in text or "e" in text.lower() else int(text)
    if node.data == "literal_value":
        return "flag", None
    if node.data in ("object", "tuple"):
        return "container", node
    return "reference", None


def _attributes(body: Tree, path: list[str]):
    for item in body.children:
        if not isinstance(item, Tree):
            continue
        if item.data == "attribute":
            name = _text(item.children[0])
            yield path, name, item.meta.line if not item.meta.empty else 0, item.children[-1]
        elif item.data == "block":
            labels = [
                _label(c) for c in item.children if isinstance(c, Tree) and c.data in ("identifier", "string")
            ]
            inner = next((c for c in item.children if isinstance(c, Tree) and c.data == "body"), None)
            if inner is not None:
                yield from _attributes(inner, path + labels)


def _leaves(expr: Tree, path: list[str], key: str, line: int):
    """(path, key, line, kind, value) of every scalar in an attribute's value, objects and tuples
    walked (a tuple item's key is its attribute's)."""
    stack = [(expr, path, key, line)]
    while stack:
        current, here, name, at = stack.pop()
        kind, value = _value(current)
        if kind != "container":
            yield here, name, at, kind, value
            continue
        if value.data == "object":
            for elem in (c for c in value.children if isinstance(c, Tree) and c.data == "object_elem"):
                elem_key = _text(elem.children[0]).strip('"')
                elem_line = elem.meta.line if not elem.meta.empty else at
                stack.append((elem.children[-1], [*here, elem_key], elem_key, elem_line))
        else:
            items = [c for c in value.children if isinstance(c, Tree) and c.data in ("expr_term", "unary_op")]
            stack.extend((item, [*here, str(i)], name, at) for i, item in enumerate(items))


def hcl(facts: Facts, source: SourceFile, text: str, tfvars: bool) -> None:
    try:
        tree = hcl2.parses_to_tree(text)
    except (LarkError, ValueError) as exc:
        line = getattr(exc, "line", None)
        facts.ctx.warnings.append(f"{source.rel}: not HCL{f' (line {line})' if line else ''}; skipped")
        return
    body = next((c for c in tree.children if isinstance(c, Tree) and c.data == "body"), None)
    if body is None:
        return
    facts.source(source, "tfvars" if tfvars else "terraform")
    sensitive = _sensitive_variables(body)
    for path, name, line, expr in _attributes(body, []):
        if path[:1] == ["variable"] and name != "default":
            continue  # type, description, validation, sensitive: not values
        for full, key, at, kind, value in _leaves(expr, [*path, name], name, line):
            if kind == "flag":
                continue  # true, false, null: no credential
            if tfvars:
                place, owner = "terraform_tfvars", f"variable {full[0]}"
            elif full[0] == "variable":
                place, owner = "terraform_variable_default", f"variable {full[1]}"
                key = full[1] if len(full) == 3 else key  # a default's own name is its variable's
            else:
                place, owner = (
                    "terraform_attribute",
                    " ".join(full[:3] if full[0] == "resource" else full[:2]),
                )
            description = describe(value, expression=kind == "reference")
            extra = {"sensitive": full[1] in sensitive} if place == "terraform_variable_default" else None
            facts.add(
                source,
                pointer="/" + "/".join(escape(p) for p in full),
                key=key,
                line=at,
                value=value,
                place=place,
                fmt="terraform",
                owner=owner,
                description=description,
                extra=extra,
            )


def _sensitive_variables(body: Tree) -> set[str]:
    found: set[str] = set()
    for path, name, _, expr in _attributes(body, []):
        if len(path) == 2 and path[0] == "variable" and name == "sensitive" and _text(expr).strip() == "true":
            found.add(path[1])
    return found


def plan(facts: Facts, source: SourceFile, value: dict[str, Any]) -> None:
    variables = value.get("variables")
    if not isinstance(variables, dict):
        return
    facts.source(source, "terraform_plan")
    declared = ((value.get("configuration") or {}).get("root_module") or {}).get("variables") or {}
    for name, entry in variables.items():
        if not isinstance(entry, dict) or "value" not in entry:
            continue
        sensitive = bool((declared.get(name) or {}).get("sensitive")) if isinstance(declared, dict) else False
        stack: list[tuple[str, str, Any]] = [
            (f"/variables/{escape(str(name))}/value", str(name), entry["value"])
        ]
        while stack:
            pointer, key, item = stack.pop()
            if isinstance(item, dict):
                stack.extend((f"{pointer}/{escape(str(k))}", str(k), v) for k, v in item.items())
            elif isinstance(item, list):
                stack.extend((f"{pointer}/{i}", key, v) for i, v in enumerate(item))
            elif not isinstance(item, bool) and item is not None:
                facts.add(
                    source,
                    pointer=pointer,
                    key=key,
                    line=0,
                    value=item,
                    place="terraform_plan_variable",
                    fmt="terraform_plan",
                    owner=f"variable {name}",
                    extra={"sensitive": sensitive},
                )
