"""The runner's checks of the collector contract (collectors/base.py), one collector at a time.

Each check returns messages for that collector's `errors`; a collector with any error has its
whole output dropped, so the items reading what it provides become `error` (fail closed). The
messages name paths and declarations, never a collected value.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from gonogo.collectors.base import NOTHING_FOUND_CHOICES, Option

from gonogo.schema_validation import file_validator, validation_errors


def declaration_problems(collector: Any) -> list[str]:
    """What the class declares wrongly: name, version, provides, options, when_nothing_found."""
    problems = []
    for attribute in ("name", "version"):
        if not isinstance(getattr(collector, attribute, None), str):
            problems.append(f"declares no string `{attribute}`")
    provides = getattr(collector, "provides", None)
    if not isinstance(provides, tuple | list) or not all(isinstance(p, str) and p for p in provides):
        problems.append("declares no `provides` (a tuple of dotted snapshot paths)")
    options = getattr(collector, "options", ())
    if not isinstance(options, tuple | list) or not all(isinstance(o, Option) for o in options):
        problems.append("declares `options` that are not a tuple of Option")
    mode = getattr(collector, "when_nothing_found", None)
    if mode is None:
        problems.append(f"declares no `when_nothing_found` ({' or '.join(NOTHING_FOUND_CHOICES)})")
    elif mode not in NOTHING_FOUND_CHOICES:
        problems.append(f"declares `when_nothing_found` other than {' or '.join(NOTHING_FOUND_CHOICES)}")
    if not callable(getattr(collector, "collect", None)):
        problems.append("has no collect(ctx) method")
    return problems


def _covered(path: str, provides: tuple[str, ...]) -> bool:
    return any(path == p or path.startswith(p + ".") for p in provides)


def _leads_to(path: str, provides: tuple[str, ...]) -> bool:
    return any(p.startswith(path + ".") for p in provides)


def writes_outside(part: dict[str, Any], provides: tuple[str, ...], prefix: str = "") -> list[str]:
    """Dotted paths of `part` that no path of `provides` covers (the first uncovered level only)."""
    outside = []
    for key, value in part.items():
        path = f"{prefix}{key}"
        if _covered(path, provides):
            continue
        if _leads_to(path, provides) and isinstance(value, dict):
            outside.extend(writes_outside(value, provides, path + "."))
        else:
            outside.append(path)
    return outside


def empty_output(provides: tuple[str, ...]) -> dict[str, Any]:
    """`{}` at every provided path: what an `empty` collector that found nothing contributes."""
    output: dict[str, Any] = {}
    for path in provides:
        if _leads_to(path, provides):
            continue  # a deeper provided path fills it
        target = output
        for part in path.split("."):
            target = target.setdefault(part, {})
    return output


def output_problems(part: Any, provides: tuple[str, ...]) -> list[str]:
    """A collector's output that is not `{section: object}` within what it provides."""
    if not isinstance(part, dict):
        return [f"collect() returned {type(part).__name__}, not a dict of snapshot sections"]
    not_objects = sorted(str(key) for key, value in part.items() if not isinstance(value, dict))
    if not_objects:
        return [f"wrote section(s) {', '.join(not_objects)} that are not objects"]
    outside = writes_outside(part, provides)
    if outside:
        shown = ", ".join(outside[:10]) + (f" and {len(outside) - 10} more" if len(outside) > 10 else "")
        return [f"wrote {shown}, outside what it provides ({', '.join(provides)}); its output was dropped"]
    return []


def schema_path(collector: Any) -> Path | None:
    """`schema.json` beside the module that defines the collector's class (its package's folder)."""
    module = sys.modules.get(type(collector).__module__)
    source = getattr(module, "__file__", None)
    return Path(source).parent / "schema.json" if source else None


def schema_problems(collector: Any, part: dict[str, Any]) -> list[str]:
    """Where the output breaks the collector's own schema.json (JSON pointers, never values)."""
    path = schema_path(collector)
    if path is None or not path.is_file():
        return [
            "has no schema.json beside its module (collectors/<name>/schema.json); its output was dropped"
        ]
    try:
        problems = validation_errors(file_validator(path), part, limit=10)
    except Exception as exc:  # an unreadable or invalid schema is that collector's error
        return [f"its schema.json cannot be used ({type(exc).__name__}); its output was dropped"]
    return [f"output breaks its schema.json at {problem}; its output was dropped" for problem in problems]
