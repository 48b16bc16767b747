"""OpenAPI 3.x and Swagger 2.0 descriptions: API-key enforcement and data-subject operations.

Read from the parsed document (paths, operations, `security`, `components.securitySchemes` or
`securityDefinitions`), as the OpenAPI specification defines them: an operation's `security`
replaces the document's, `security: []` makes an operation public on purpose, and an empty
requirement `{}` makes authentication optional. Route classification (`classify_route`) is shared
with the route decorators read from code.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.application.facts import Facts, line_of
from gonogo.collectors.sources.files import SourceFile

VERBS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

_USER = re.compile(r"^(users?|me|self|accounts?|profiles?|customers?|members?|my)$", re.I)
_PARAM = re.compile(r"^(\{[^}]*\}|:\w+|<[^>]*>|\[[^\]]*\])$")
_EXPORT = re.compile(r"export|portability|download[-_]?(my[-_]?)?data|takeout|data[-_]?request", re.I)
_DELETE_WORD = re.compile(r"^(delete|deletion|erase|erasure|forget|forget[-_]?me|remove|close)$", re.I)
_PRIVACY = re.compile(r"^(privacy|gdpr|data[-_]?subject|dsar|personal[-_]?data)$", re.I)
_OPT_OUT = re.compile(
    r"opt[-_]?out|do[-_]?not[-_]?(sell|share)|dnsmpi|privacy[-_]?choices|limit[-_]?(the[-_]?)?use", re.I
)
_OP_DELETE = re.compile(
    r"(delete|erase|remove|close|forget)[-_]?(my[-_]?)?(user|account|me|profile|customer|member)", re.I
)
_OP_EXPORT = re.compile(r"export[-_]?(my[-_]?)?(user|account|personal|profile|customer|data)", re.I)


def is_openapi(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("paths"), dict)
        and ("openapi" in value or "swagger" in value)
    )


def _segments(path: str) -> list[str]:
    return [s for s in re.split(r"[/.]", path.split("?")[0]) if s]


def classify_route(method: str, path: str, operation_id: str = "") -> list[str]:
    """Which data-subject rights a route serves: "data_export", "data_deletion", "opt_out"."""
    method = method.lower()
    segments = _segments(path)
    static = [s for s in segments if not _PARAM.match(s)]
    user = any(_USER.match(s) for s in static)
    privacy = any(_PRIVACY.match(s) for s in static)
    kinds: list[str] = []
    if _OPT_OUT.search(path) or _OPT_OUT.search(operation_id):
        kinds.append("opt_out")
    exporting = any(_EXPORT.search(s) for s in static)
    if (exporting and (user or privacy) and method in ("get", "post", "any")) or _OP_EXPORT.search(
        operation_id
    ):
        kinds.append("data_export")
    last = static[-1] if static else ""
    deletes_user = (
        method == "delete"
        and bool(segments)
        and (
            _USER.match(last) is not None and (segments[-1] == last or _PARAM.match(segments[-1]) is not None)
        )
    )
    deletes_by_word = (
        method in ("post", "delete", "any")
        and (user or privacy)
        and any(_DELETE_WORD.match(s) for s in static)
    )
    if deletes_user or deletes_by_word or (method in ("delete", "post") and _OP_DELETE.search(operation_id)):
        kinds.append("data_deletion")
    return kinds


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in doc["paths"].items():
        if not isinstance(item, dict):
            continue
        for verb in VERBS:
            operation = item.get(verb)
            if isinstance(operation, dict):
                found.append((str(path), verb, operation))
    return found


def _key_schemes(doc: dict[str, Any]) -> set[str]:
    components = doc.get("components") if isinstance(doc.get("components"), dict) else {}
    schemes = components.get("securitySchemes") or doc.get("securityDefinitions") or {}
    if not isinstance(schemes, dict):
        return set()
    return {str(name) for name, s in schemes.items() if isinstance(s, dict) and s.get("type") == "apiKey"}


def _requirement_names(requirements: Any) -> list[set[str]] | None:
    if not isinstance(requirements, list):
        return None
    return [set(map(str, r)) if isinstance(r, dict) else set() for r in requirements]


def read(facts: Facts, source: SourceFile, doc: dict[str, Any], doc_line: int) -> None:
    text = source.text or ""
    version = str(doc.get("openapi") or doc.get("swagger"))
    label = f"OpenAPI {version}" if "openapi" in doc else f"Swagger {version}"
    operations = _operations(doc)
    facts.add("access_control.apis", label, f"{len(operations)} operations", source, doc_line)
    facts.add("privacy.apis", label, f"{len(operations)} operations", source, doc_line)
    for path, verb, operation in operations:
        operation_id = str(operation.get("operationId") or "")
        for kind in classify_route(verb, path, operation_id):
            facts.add(
                f"privacy.{kind}", label, f"{verb.upper()} {path}", source, line_of(text, path) or doc_line
            )
    _api_keys(facts, source, doc, doc_line, label, operations)


def _api_keys(
    facts: Facts,
    source: SourceFile,
    doc: dict[str, Any],
    doc_line: int,
    label: str,
    operations: list[tuple[str, str, dict[str, Any]]],
) -> None:
    if not operations:
        return
    schemes = _key_schemes(doc)
    document_security = _requirement_names(doc.get("security"))
    required = public = unsecured = 0
    for _path, _verb, operation in operations:
        own = _requirement_names(operation.get("security"))
        effective = own if own is not None else document_security
        if own == []:
            public += 1
        elif not effective:
            unsecured += 1
        elif all(names for names in effective) and all(names & schemes for names in effective):
            required += 1
    total = len(operations)
    if not schemes:
        facts.add(
            "access_control.api_key_gaps",
            label,
            f"no apiKey security scheme ({total} operations)",
            source,
            doc_line,
        )
    elif required == 0:
        facts.add(
            "access_control.api_key_gaps",
            label,
            "an apiKey scheme is defined but no operation requires it",
            source,
            doc_line,
        )
    else:
        scope = (
            "document-wide"
            if document_security and all(names and names & schemes for names in document_security)
            else "per operation"
        )
        facts.add(
            "access_control.api_keys",
            f"{label} apiKey security ({scope})",
            f"{required} of {total} operations require an API key, {public} declared public (security: [])",
            source,
            doc_line,
        )
        if unsecured:
            facts.add(
                "access_control.api_key_gaps",
                label,
                f"{unsecured} of {total} operations have no security requirement",
                source,
                doc_line,
            )
