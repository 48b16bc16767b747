"""Integration facts from Python source, read with the standard library's `ast` (never executed).

Routes are functions decorated with a route call (`@app.route`, `@app.post`, `@router.post`,
`@bp.route`, ...) or Django-style views (`def stripe_webhook(request)`). A route "reaches" a call
when its body makes the call or calls a function of the same module that does (one level).
"""

from __future__ import annotations

import ast
from typing import Any

from gonogo.collectors.integrations.code import (
    BOUNCE_WORDS,
    FAILURE_EVENTS,
    SMS_CATEGORIES,
    CodeScan,
    call_category,
    stripe_webhook_name,
)

ROUTE_DECORATORS = frozenset({"route", "post", "get", "put", "patch", "delete", "api_route", "add_url_rule"})
SIGNATURE_HEADERS = frozenset({"stripe-signature", "http_stripe_signature"})
SECRET_STORE_CALLS = frozenset(
    {"get_secret_value", "access_secret_version", "read_secret_version", "get_secret", "get_parameter"}
)
ENV_CALLS = frozenset({"os.getenv", "os.environ.get", "environ.get", "getenv", "env", "env.str"})
CONFIG_ROOTS = frozenset({"settings", "config", "app", "current_app", "conf", "cfg"})
SWALLOWING_CATCHES = frozenset({"", "Exception", "BaseException", "SignatureVerificationError", "ValueError"})

Function = ast.FunctionDef | ast.AsyncFunctionDef


def dotted(node: ast.AST) -> str:
    """`stripe.Webhook.construct_event`; a call in the chain is kept as `name()`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    if isinstance(node, ast.Call):
        base = dotted(node.func)
        return f"{base}()" if base else ""
    return ""


def _module_of(name: str) -> str | None:
    root = name.split(".")[0]
    if root == "stripe":
        return "stripe"
    if root == "twilio":
        return "twilio"
    if root in ("sendgrid", "python_http_client"):
        return "sendgrid"
    return None


def _providers(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(p for alias in node.names if (p := _module_of(alias.name)))
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if p := _module_of(node.module):
                found.add(p)
        elif isinstance(node, ast.Call) and dotted(node.func).endswith("client") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and first.value in ("ses", "sesv2"):
                found.add("ses")  # boto3.client("ses") / session.client("sesv2")
    return found


def _route(fn: Function) -> tuple[bool, str | None, bool]:
    """(is a route, its path, rate-limited by a decorator)."""
    is_route, path, limited = False, None, False
    for deco in fn.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = dotted(target)
        last = name.split(".")[-1]
        if "limit" in name.lower() or "throttl" in name.lower():
            limited = True
        if last in ROUTE_DECORATORS and isinstance(deco, ast.Call):
            is_route = True
            if deco.args and isinstance(deco.args[0], ast.Constant) and isinstance(deco.args[0].value, str):
                path = deco.args[0].value
    if not is_route and fn.args.args and fn.args.args[0].arg == "request":
        is_route = True  # a Django view; its path lives in urls.py
    return is_route, path, limited


class _Module:
    def __init__(self, tree: ast.Module, providers: set[str]) -> None:
        self.tree = tree
        self.providers = providers
        self.functions: dict[str, Function] = {}
        self.assignments: dict[str, ast.expr] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions[node.name] = node
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                if isinstance(node.targets[0], ast.Name):
                    self.assignments[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                self.assignments[node.target.id] = node.value

    def reached(self, fn: Function) -> list[ast.AST]:
        """fn and the same-module functions it calls directly."""
        nodes: list[ast.AST] = [fn]
        for node in ast.walk(fn):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                callee = self.functions.get(node.func.id)
                if callee is not None and callee is not fn:
                    nodes.append(callee)
        return nodes

    def secret_source(self, expr: ast.expr | None, scope: Function | None, depth: int = 0) -> str:
        if expr is None or depth > 3:
            return "unknown"
        if isinstance(expr, ast.Constant):
            return "literal" if isinstance(expr.value, str) else "unknown"
        if isinstance(expr, ast.Call):
            name = dotted(expr.func)
            if name in ENV_CALLS or name.endswith("environ.get"):
                return "env"
            if name.split(".")[-1] in SECRET_STORE_CALLS:
                return "secret_store"
            if name.endswith(".get") and name.split(".")[0] in CONFIG_ROOTS:
                return "config"
            return "unknown"
        if isinstance(expr, ast.Subscript):
            base = dotted(expr.value)
            if base.endswith("environ"):
                return "env"
            if base.split(".")[0] in CONFIG_ROOTS:
                return "config"
            return self.secret_source(expr.value, scope, depth + 1)
        if isinstance(expr, ast.Attribute):
            return "config" if dotted(expr).split(".")[0] in CONFIG_ROOTS else "unknown"
        if isinstance(expr, ast.Name):
            value = _local_assignment(scope, expr.id) if scope else None
            if value is None:
                value = self.assignments.get(expr.id)
            return self.secret_source(value, scope, depth + 1)
        return "unknown"


def _local_assignment(fn: Function, name: str) -> ast.expr | None:
    found = None
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            found = node.value
    return found


def _swallowed(fn: Function, call: ast.Call) -> bool:
    """True when the verification call sits in a try whose matching handler neither returns nor raises."""
    for node in ast.walk(fn):
        if not isinstance(node, ast.Try) or not any(call is n for b in node.body for n in ast.walk(b)):
            continue
        for handler in node.handlers:
            caught = dotted(handler.type).split(".")[-1] if handler.type is not None else ""
            if isinstance(handler.type, ast.Tuple):
                caught = "Exception"
            if caught not in SWALLOWING_CATCHES:
                continue
            exits = any(isinstance(n, ast.Return | ast.Raise) for s in handler.body for n in ast.walk(s))
            aborts = any(
                isinstance(n, ast.Call) and dotted(n.func).split(".")[-1] in ("abort", "HTTPException")
                for s in handler.body
                for n in ast.walk(s)
            )
            if not (exits or aborts):
                return True
    return False


def _strings(nodes: list[ast.AST]) -> set[str]:
    return {
        n.value.lower()
        for root in nodes
        for n in ast.walk(root)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < 80
    }


def _calls(nodes: list[ast.AST]) -> list[tuple[ast.Call, str]]:
    return [(n, dotted(n.func)) for root in nodes for n in ast.walk(root) if isinstance(n, ast.Call)]


def _argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _keys(call: ast.Call) -> set[str]:
    """Keyword names of a call and the literal keys of dicts passed to it (one level down)."""
    keys = {k.arg for k in call.keywords if k.arg}
    for value in [*call.args, *(k.value for k in call.keywords)]:
        if isinstance(value, ast.Dict):
            keys.update(
                k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
            )
    return keys


def _literal(call: ast.Call, key: str) -> Any:
    for k in call.keywords:
        if k.arg == key and isinstance(k.value, ast.Constant):
            return k.value.value
    for value in [*call.args, *(k.value for k in call.keywords)]:
        if isinstance(value, ast.Dict):
            for k, v in zip(value.keys, value.values, strict=True):
                if isinstance(k, ast.Constant) and k.value == key and isinstance(v, ast.Constant):
                    return v.value
    return None


def scan(text: str, filename: str) -> CodeScan:
    """Raises SyntaxError (or ValueError for NUL bytes) for a file that is not Python."""
    tree = ast.parse(text, filename)
    result = CodeScan("python", providers=_providers(tree))
    module = _Module(tree, result.providers)
    _record_calls(module, result)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in FAILURE_EVENTS:
                result.failure_events.append({"event": node.value, "line": node.lineno})
            if node.value.startswith("whsec_") and len(node.value) > len("whsec_"):
                result.secret_literals.append(node.lineno)
        elif (
            isinstance(node, ast.Call)
            and dotted(node.func).split(".")[-1] == "Limiter"
            and any(k.arg in ("default_limits", "application_limits") for k in node.keywords)
        ):
            result.global_rate_limit = node.lineno
    for fn in module.functions.values():
        _record_route(module, fn, result)
    return result


def _record_calls(module: _Module, result: CodeScan) -> None:
    for call, name in _calls([module.tree]):
        category = call_category(name, module.providers)
        if category is None or category == "verify_signature":
            continue
        record: dict[str, Any] = {"category": category, "call": name, "line": call.lineno}
        if category in ("usage_record", "meter_event"):
            record["deduplicated"] = bool(_keys(call) & {"idempotency_key", "identifier"})
        elif category == "subscription_create":
            record["collection_method"] = _literal(call, "collection_method")
        elif category == "invoice_create":
            record["auto_advance"] = _literal(call, "auto_advance")
        result.calls.append(record)


def _record_route(module: _Module, fn: Function, result: CodeScan) -> None:
    is_route, path, limited = _route(fn)
    if not is_route:
        return
    reached = module.reached(fn)
    calls = _calls(reached)
    categories = {call_category(name, module.providers) for _, name in calls}
    strings = _strings(reached)
    base = {"handler": fn.name, "route": path, "line": fn.lineno}
    if "stripe" in module.providers and (
        stripe_webhook_name(f"{path or ''} {fn.name}") or strings & SIGNATURE_HEADERS
    ):
        verify = [c for c, name in calls if call_category(name, module.providers) == "verify_signature"]
        owner = next(
            (f for f in reached if isinstance(f, Function) and verify and _contains(f, verify[0])), fn
        )
        result.webhooks.append(
            base
            | {
                "verifies_signature": bool(verify),
                "secret_source": module.secret_source(_argument(verify[0], 2, "secret"), owner)
                if verify
                else None,
                "rejects_invalid": (not _swallowed(owner, verify[0])) if verify else None,
            }
        )
    if categories & SMS_CATEGORIES:
        result.sms_endpoints.append(base | {"rate_limited": limited})
    if strings & BOUNCE_WORDS:
        result.bounce_handlers.append(base)


def _contains(fn: Function, target: ast.AST) -> bool:
    return any(node is target for node in ast.walk(fn))
