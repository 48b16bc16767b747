"""Integration facts from JavaScript and TypeScript, by a token scan (never executed).

Why tokens and not a parser: the Python JavaScript parsers (esprima-python, pyjsparser) stop at
ES2017 and read no TypeScript, and a tree-sitter grammar would be a compiled runtime dependency
for a handful of questions. What is asked here needs only tokens: which modules a file imports
(`require("stripe")`, `import Stripe from "stripe"`), dotted call names
(`stripe.webhooks.constructEvent(`), the string path of `app.post("/webhook", ...)` and which
calls and identifiers fall inside that route's parentheses (or inside a named handler function the
route passes). Comments, strings and template literals are skipped as tokens, so brackets inside
them do not confuse the span matching. Regular-expression literals are not recognised: a `/` is
punctuation, which at worst mis-reads one span, never a secret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gonogo.collectors.integrations.code import (
    BOUNCE_WORDS,
    FAILURE_EVENTS,
    SMS_CATEGORIES,
    CodeScan,
    call_category,
    stripe_webhook_name,
)

ROUTE_METHODS = frozenset({"post", "get", "put", "patch", "delete", "all", "route"})
MODULES = {
    "stripe": "stripe",
    "twilio": "twilio",
    "@sendgrid/mail": "sendgrid",
    "@sendgrid/client": "sendgrid",
    "@sendgrid/eventwebhook": "sendgrid",
    "@aws-sdk/client-ses": "ses",
    "@aws-sdk/client-sesv2": "ses",
}
_TOKEN = re.compile(
    r"""(?P<ws>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<str>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')"""
    r"""|(?P<tpl>`(?:\\.|[^`\\])*`)|(?P<ident>[A-Za-z_$][A-Za-z0-9_$]*)|(?P<num>\d[\w.]*)|(?P<punct>.)""",
    re.DOTALL,
)
_OPEN = {"(": ")", "{": "}", "[": "]"}
_STATEMENT_ENDS = frozenset({";", "const", "let", "var", "function", "export", "import"})


@dataclass(frozen=True)
class Token:
    kind: str  # ident, str, num, punct
    value: str
    line: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    line = 1
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        raw = match.group()
        if kind == "str":
            tokens.append(Token("str", raw[1:-1], line))
        elif kind == "tpl":
            tokens.append(Token("str", raw[1:-1] if "${" not in raw else "", line))
        elif kind in ("ident", "num", "punct"):
            tokens.append(Token(kind, raw, line))
        line += raw.count("\n")
    return tokens


def _close(tokens: list[Token], start: int) -> int:
    """Index of the bracket closing tokens[start] (len(tokens) - 1 when unbalanced)."""
    want = [_OPEN[tokens[start].value]]
    for i in range(start + 1, len(tokens)):
        t = tokens[i]
        if t.kind != "punct":
            continue
        if t.value in _OPEN:
            want.append(_OPEN[t.value])
        elif want and t.value == want[-1]:
            want.pop()
            if not want:
                return i
    return len(tokens) - 1


def _dotted_calls(tokens: list[Token]) -> list[tuple[int, str, int]]:
    """(index of the opening paren, dotted name, line) of every call `a.b().c(`."""
    found = []
    for i, t in enumerate(tokens):
        if t.value != "(" or t.kind != "punct" or i == 0 or tokens[i - 1].kind != "ident":
            continue
        parts = [tokens[i - 1].value]
        j = i - 2
        while j >= 1 and tokens[j].value == "." and tokens[j].kind == "punct":
            if tokens[j - 1].kind == "ident":
                parts.insert(0, tokens[j - 1].value)
                j -= 2
            elif tokens[j - 1].value == ")":
                k = _open_of(tokens, j - 1)
                if k is None or k == 0 or tokens[k - 1].kind != "ident":
                    break
                parts.insert(0, tokens[k - 1].value + "()")
                j = k - 2
            else:
                break
        found.append((i, ".".join(parts), t.line))
    return found


def _open_of(tokens: list[Token], close: int) -> int | None:
    depth = 0
    for k in range(close, -1, -1):
        if tokens[k].kind != "punct":
            continue
        if tokens[k].value == ")":
            depth += 1
        elif tokens[k].value == "(":
            depth -= 1
            if depth == 0:
                return k
    return None


def _arguments(tokens: list[Token], open_index: int) -> list[list[Token]]:
    """The top-level comma-separated arguments of the call whose paren opens at open_index."""
    args: list[list[Token]] = [[]]
    depth = 0
    for t in tokens[open_index + 1 : _close(tokens, open_index)]:
        if t.kind == "punct" and t.value in _OPEN:
            depth += 1
        elif t.kind == "punct" and t.value in (")", "}", "]"):
            depth -= 1
        elif t.kind == "punct" and t.value == "," and depth == 0:
            args.append([])
            continue
        args[-1].append(t)
    return [a for a in args if a]


def _function_spans(tokens: list[Token]) -> dict[str, tuple[int, int]]:
    """name -> token span of `function name(...) {...}` and `const name = (...) => {...}`."""
    spans: dict[str, tuple[int, int]] = {}
    for i, t in enumerate(tokens[:-2]):
        name = None
        if (t.value == "function" and tokens[i + 1].kind == "ident") or (
            t.value in ("const", "let", "var")
            and tokens[i + 1].kind == "ident"
            and tokens[i + 2].value == "="
        ):
            name = tokens[i + 1].value
        if name is None:
            continue
        brace = next((k for k in range(i, min(i + 200, len(tokens))) if tokens[k].value == "{"), None)
        if brace is not None:
            spans.setdefault(name, (i, _close(tokens, brace)))
    return spans


def _secret_source(arg: list[Token], tokens: list[Token], depth: int = 0) -> str:
    if not arg or depth > 3:
        return "unknown"
    values = [t.value for t in arg]
    if len(arg) == 1 and arg[0].kind == "str":
        return "literal"
    if values[:2] == ["process", "."] and "env" in values:
        return "env"
    if any(v in ("getSecretValue", "accessSecretVersion", "GetSecretValueCommand") for v in values):
        return "secret_store"
    if values and values[0] in ("config", "settings", "configService"):
        return "config"
    if len(arg) == 1 and arg[0].kind == "ident":
        for i, t in enumerate(tokens[:-3]):
            declares = t.value in ("const", "let", "var") and tokens[i + 1].value == arg[0].value
            if declares and tokens[i + 2].value == "=":
                # the initialiser, up to `;` or the next declaration (semicolons are optional)
                end = next(
                    (k for k in range(i + 3, min(i + 40, len(tokens))) if tokens[k].value in _STATEMENT_ENDS),
                    min(i + 40, len(tokens)),
                )
                return _secret_source(tokens[i + 3 : end], tokens, depth + 1)
        # `const { STRIPE_WEBHOOK_SECRET } = process.env`
        for i, t in enumerate(tokens[:-2]):
            if t.value == arg[0].value and _destructured_from_env(tokens, i):
                return "env"
    return "unknown"


def _destructured_from_env(tokens: list[Token], i: int) -> bool:
    close = next((k for k in range(i, min(i + 50, len(tokens))) if tokens[k].value == "}"), None)
    if close is None or close + 3 >= len(tokens):
        return False
    return [t.value for t in tokens[close + 1 : close + 5]] == ["=", "process", ".", "env"]


def _swallowed(tokens: list[Token], call_index: int) -> bool:
    """The verification call sits in `try {}` whose `catch {}` neither returns, throws nor answers."""
    for i, t in enumerate(tokens):
        if t.value != "try" or i + 1 >= len(tokens) or tokens[i + 1].value != "{":
            continue
        end = _close(tokens, i + 1)
        if not (i < call_index < end) or end + 1 >= len(tokens) or tokens[end + 1].value != "catch":
            continue
        k = end + 2
        if k < len(tokens) and tokens[k].value == "(":
            k = _close(tokens, k) + 1
        if k >= len(tokens) or tokens[k].value != "{":
            continue
        body = {x.value for x in tokens[k : _close(tokens, k) + 1]}
        if not body & {"return", "throw", "status", "sendStatus", "next", "Response", "NextResponse"}:
            return True
    return False


def scan(text: str, rel: str) -> CodeScan:
    tokens = tokenize(text)
    result = CodeScan("javascript")
    for i, t in enumerate(tokens):
        if t.kind == "str" and t.value in MODULES:
            before = tokens[i - 2].value if i >= 2 else ""
            if tokens[i - 1].value == "from" or before in ("require", "import"):
                result.providers.add(MODULES[t.value])
        if t.kind == "str":
            if t.value in FAILURE_EVENTS:
                result.failure_events.append({"event": t.value, "line": t.line})
            if t.value.startswith("whsec_") and len(t.value) > len("whsec_"):
                result.secret_literals.append(t.line)
    calls = _dotted_calls(tokens)
    for open_index, name, line in calls:
        category = call_category(name, result.providers)
        if category is None or category == "verify_signature":
            continue
        span = {x.value for x in tokens[open_index : _close(tokens, open_index) + 1]}
        record: dict[str, Any] = {"category": category, "call": name, "line": line}
        if category in ("usage_record", "meter_event"):
            record["deduplicated"] = bool(span & {"identifier", "idempotencyKey", "idempotency_key"})
        elif category == "subscription_create":
            record["collection_method"] = _value_after(tokens, open_index, "collection_method")
        elif category == "invoice_create":
            value = _value_after(tokens, open_index, "auto_advance")
            record["auto_advance"] = {"true": True, "false": False}.get(str(value))
        result.calls.append(record)
    functions = _function_spans(tokens)
    for open_index, name, line in calls:
        parts = name.split(".")
        if parts[-1] == "use" and _limiter_in(tokens[open_index : _close(tokens, open_index) + 1]):
            result.global_rate_limit = line
        if parts[-1] not in ROUTE_METHODS or len(parts) < 2:
            continue
        args = _arguments(tokens, open_index)
        if not args or args[0][0].kind != "str" or not args[0][0].value.startswith("/"):
            continue
        _record_route(tokens, calls, functions, args, open_index, line, result)
    if stripe_webhook_name(rel) and "stripe" in result.providers and not result.webhooks:
        _record_file_handler(tokens, calls, rel, result)
    return result


def _value_after(tokens: list[Token], open_index: int, key: str) -> str | None:
    end = _close(tokens, open_index)
    for k in range(open_index, end - 1):
        if tokens[k].value == key and tokens[k + 1].value == ":":
            return tokens[k + 2].value
    return None


def _limiter_in(span: list[Token]) -> bool:
    return any(
        t.kind == "ident" and ("limit" in t.value.lower() or "throttl" in t.value.lower()) for t in span
    )


def _record_route(
    tokens: list[Token],
    calls: list[tuple[int, str, int]],
    functions: dict[str, tuple[int, int]],
    args: list[list[Token]],
    open_index: int,
    line: int,
    result: CodeScan,
) -> None:
    path = args[0][0].value
    spans = [(open_index, _close(tokens, open_index))]
    handler = "anonymous"
    for arg in args[1:]:
        if len(arg) == 1 and arg[0].kind == "ident":
            if arg[0].value in functions:
                spans.append(functions[arg[0].value])
            handler = arg[0].value
    inside = [(i, n) for i, n, _ in calls if any(a <= i <= b for a, b in spans)]
    categories = {call_category(n, result.providers) for _, n in inside}
    words = {tokens[k].value.lower() for a, b in spans for k in range(a, b + 1) if tokens[k].kind == "str"}
    limited = any(_limiter_in(arg) for arg in args[1:-1]) or _limiter_in(tokens[spans[0][0] : spans[0][1]])
    base = {"handler": handler, "route": path, "line": line}
    if "stripe" in result.providers and (stripe_webhook_name(path) or "stripe-signature" in words):
        result.webhooks.append(base | _verification(tokens, inside, result))
    if categories & SMS_CATEGORIES:
        result.sms_endpoints.append(base | {"rate_limited": limited})
    if words & BOUNCE_WORDS:
        result.bounce_handlers.append(base)


def _verification(tokens: list[Token], inside: list[tuple[int, str]], result: CodeScan) -> dict[str, Any]:
    verify = [i for i, n in inside if call_category(n, result.providers) == "verify_signature"]
    if not verify:
        return {"verifies_signature": False, "secret_source": None, "rejects_invalid": None}
    args = _arguments(tokens, verify[0])
    return {
        "verifies_signature": True,
        "secret_source": _secret_source(args[2] if len(args) > 2 else [], tokens),
        "rejects_invalid": not _swallowed(tokens, verify[0]),
    }


def _record_file_handler(
    tokens: list[Token], calls: list[tuple[int, str, int]], rel: str, result: CodeScan
) -> None:
    """A Next.js/Vercel-style route file (`pages/api/webhooks/stripe.ts`): the file is the handler."""
    exported = next((t.line for i, t in enumerate(tokens[:-1]) if t.value == "export"), None)
    if exported is None:
        return
    inside = [(i, n) for i, n, _ in calls]
    route = "/" + rel.rsplit("/api/", 1)[-1].rsplit(".", 1)[0] if "/api/" in rel else None
    result.webhooks.append(
        {"handler": "export", "route": route, "line": exported} | _verification(tokens, inside, result)
    )
