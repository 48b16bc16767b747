"""Loading and validating a snapshot (JSON or YAML) against schemas/snapshot.schema.json."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

import yaml

from gonogo.errors import SnapshotError
from gonogo.json_text import indented
from gonogo.schema_validation import schema_errors
from gonogo.yaml_errors import describe_yaml_error


def canonical_bytes(document: Any) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def snapshot_digest(document: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical_bytes(document)).hexdigest()


def snapshot_file_bytes(document: Any) -> bytes:
    """The bytes gonogo writes for a snapshot (`collect -o`, `check --snapshot-out`)."""
    return indented(document)


def bytes_digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def validate_snapshot(document: Any, source: str) -> None:
    problems = schema_errors("snapshot.schema.json", document)
    if problems:
        raise SnapshotError(
            f"{source}: snapshot does not match schemas/snapshot.schema.json:\n  " + "\n  ".join(problems)
        )


def is_yaml_snapshot(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def load_snapshot(path: Path, data: bytes | None = None) -> dict[str, Any]:
    """The validated snapshot in the file at `path`, or parsed from `data`, the bytes already read
    from it (so what is digested, signed and judged is one reading of the file).

    A loaded snapshot holds only finite numbers (NaN, the infinities and numbers too large for a
    float are refused), so OPA's input for it is written without looking for them again
    (evaluator/engine.py, SnapshotInput)."""
    try:
        text = (path.read_bytes() if data is None else data).decode()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError:
        raise SnapshotError(f"{path}: not UTF-8 text") from None
    try:
        if is_yaml_snapshot(path):
            # YAML dates become date objects; the schema (and OPA) speak JSON.
            document = _json_loads(json.dumps(yaml.safe_load(text), default=str))
        else:  # JSON as it is: no second encoding and decoding (0.45 s at 10,000 objects)
            document = _json_loads(text)
    except yaml.YAMLError as exc:
        raise SnapshotError(f"{path}: not YAML: {describe_yaml_error(exc)}") from exc
    except ValueError as exc:
        raise SnapshotError(f"{path}: not JSON: {exc}") from exc
    except RecursionError:
        raise SnapshotError(f"{path}: nested too deeply to read") from None
    validate_snapshot(document, str(path))
    return document


def _json_loads(text: str) -> Any:
    return json.loads(text, parse_constant=_not_json, parse_float=_finite_float)


def _finite_float(literal: str) -> float:
    """A JSON number with a fraction or exponent; one too large for a float (`1e400`) is refused,
    as Python's reader would make it an infinity. 15,000 such numbers at 10,000 objects: 0.03 s."""
    value = float(literal)
    if math.isinf(value):
        raise ValueError("a number too large for a 64-bit float is not accepted")
    return value


def _not_json(constant: str) -> Any:
    """NaN and the infinities, which Python's reader accepts and JSON (and OPA) does not."""
    raise ValueError(f"{constant} is not a JSON value")
