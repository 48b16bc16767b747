"""JSON Schema validation against gonogo's own schemas, with errors that name a JSON pointer.

Two validators, one answer: a document is first checked by jsonschema-rs (compiled, about 200x
faster on a 10,000-object snapshot: docs/performance.md); when it says valid, that is the answer.
When it says invalid, or is missing or cannot compile a schema, jsonschema decides and words the
errors, so the messages (a JSON pointer, no collected value) and any verdict of "invalid" always
come from jsonschema. jsonschema-rs checks formats strictly; where it is stricter than jsonschema,
the document only takes the slow path.
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - a dependency; without it every check takes the slow path
    jsonschema_rs = None

from gonogo.paths import schemas_dir
from gonogo.text import redact

if TYPE_CHECKING:  # jsonschema is imported when a document is invalid, or a test asks (40 ms a run)
    from jsonschema import Draft202012Validator
    from referencing import Registry

_BASE = "https://gonogo.dev/schemas/"


def collector_schema_paths() -> list[Path]:
    """Each built-in collector's `collectors/<name>/schema.json` (what its collect() returns)."""
    return sorted(Path(str(files("gonogo.collectors"))).glob("*/schema.json"))


@cache
def _schema_documents() -> tuple[tuple[str, Any], ...]:
    documents = []
    for path in [*sorted(schemas_dir().rglob("*.json")), *collector_schema_paths()]:
        contents = json.loads(path.read_text())
        documents.append((contents["$id"], contents))
    return tuple(documents)


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    return Registry().with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in _schema_documents()
    )


@cache
def _fast_registry() -> Any:
    return jsonschema_rs.Registry(list(_schema_documents()))


class Checker:
    """One schema's two validators, each built when first needed: jsonschema-rs (the fast path,
    None when it is missing or cannot compile the schema) and jsonschema (which decides every
    "invalid" and words the messages)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema

    @cached_property
    def slow(self) -> Draft202012Validator:
        from jsonschema import Draft202012Validator, FormatChecker

        return Draft202012Validator(self.schema, registry=_registry(), format_checker=FormatChecker())

    @cached_property
    def fast(self) -> Any:
        if jsonschema_rs is None:
            return None
        try:
            return jsonschema_rs.validator_for(self.schema, registry=_fast_registry(), validate_formats=True)
        except Exception:  # a schema it cannot compile: jsonschema alone decides
            return None

    def iter_errors(self, document: Any) -> Any:
        return self.slow.iter_errors(document)


def _fast_says_valid(checker: Checker, document: Any) -> bool:
    """True only when jsonschema-rs validates `document` against checker's schema; any failure
    to build or run it is False (the slow path decides)."""
    fast = checker.fast
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(document))
    except Exception:  # e.g. a value it cannot convert: jsonschema decides
        return False


@cache
def validator(name: str) -> Checker:
    """`name` relative to https://gonogo.dev/schemas/, optionally with a `#/json/pointer` into it."""
    if "#" in name:
        return Checker({"$ref": _BASE + name})
    return Checker(dict(_schema_documents())[_BASE + name])


@cache
def file_validator(path: Path) -> Checker:
    """A validator for the schema in `path` (a collector's schema.json), built once per process;
    its `$ref`s may name gonogo's own schemas by their `$id`. Not checked against the metaschema
    here (that costs ~0.1 s a schema): tests check the built-ins', and a broken schema raises
    when used, which the runner records as that collector's error."""
    return Checker(json.loads(path.read_text()))


def pointer(path: Any) -> str:
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def schema_errors(name: str, document: Any, limit: int = 20) -> list[str]:
    """Up to `limit` messages `'<json pointer>: <what is wrong>'`, deepest first; [] when valid."""
    return validation_errors(validator(name), document, limit)


def validation_errors(checker: Checker, document: Any, limit: int = 20) -> list[str]:
    """schema_errors for an already built validator."""
    if _fast_says_valid(checker, document):
        return []
    errors = sorted(checker.iter_errors(document), key=lambda e: (-len(e.path), list(e.path)))
    return [f"{pointer(e.absolute_path) or '/'}: {_without_value(e)}" for e in errors[:limit]]


def _without_value(error: Any) -> str:
    """What is wrong, from the schema's side only: jsonschema's own message quotes the value,
    which may be collected content or a secret (issue #11); the pointer says where it is."""
    rule, expected = error.validator, error.validator_value
    if rule == "type":
        return f"is not of type {expected!r}"[:300]
    if rule == "required":
        return error.message[:300]  # names a property of the schema, not a value
    if rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"):
        return f"fails {rule} {expected!r}"
    if rule in ("minItems", "maxItems", "minProperties", "maxProperties", "multipleOf", "format"):
        return f"fails {rule} {expected!r}"
    if rule == "additionalProperties":  # names the unexpected keys (a typo's best hint), redacted
        return redact(error.message)[:300]
    return f"does not satisfy the schema's {rule!r} rule"


def _inline(node: Any, resolver: Any, depth: int = 0) -> Any:
    if depth > 64:
        raise ValueError("schema $ref nesting deeper than 64: a cycle cannot be inlined")
    if isinstance(node, list):
        return [_inline(item, resolver, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        target = _inline(resolved.contents, resolved.resolver, depth + 1)
        rest = {k: _inline(v, resolver, depth) for k, v in node.items() if k != "$ref"}
        return {**target, **rest} if rest else target
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("$id", "$defs", "$schema"):
            continue
        if key == "type" and isinstance(value, list):
            out.setdefault("anyOf", []).extend({"type": t} for t in value)
            continue
        if key == "anyOf" and "anyOf" in out:
            out["allOf"] = [{"anyOf": out.pop("anyOf")}, {"anyOf": _inline(value, resolver, depth)}]
            continue
        out[key] = _inline(value, resolver, depth)
    return out


def bundled_snapshot_schema() -> dict[str, Any]:
    """The snapshot schema as one document: every $ref inlined, `type: [a, b]` written as anyOf
    (for `opa check --strict -s`, whose schema reader follows neither)."""
    root = _registry().get_or_retrieve(_BASE + "snapshot.schema.json").value
    resolver = _registry().resolver(base_uri=_BASE + "snapshot.schema.json")
    bundled = _inline(root.contents, resolver)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **bundled}


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--bundle"]:
        sys.exit("usage: python -m gonogo.schema_validation --bundle")
    print(json.dumps(bundled_snapshot_schema(), indent=2))
