"""JSON Schema validation against gonogo's own schemas, with errors that name a JSON pointer."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from gonogo.paths import schemas_dir

_BASE = "https://gonogo.dev/schemas/"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(schemas_dir().rglob("*.json")):
        contents = json.loads(path.read_text())
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    schema = _registry().get_or_retrieve(_BASE + name).value.contents
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def pointer(path: Any) -> str:
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def schema_errors(name: str, document: Any, limit: int = 20) -> list[str]:
    """Up to `limit` messages `'<json pointer>: <what is wrong>'`, deepest first; [] when valid."""
    errors = sorted(validator(name).iter_errors(document), key=lambda e: (-len(e.path), list(e.path)))
    return [f"{pointer(e.absolute_path) or '/'}: {e.message[:300]}" for e in errors[:limit]]
