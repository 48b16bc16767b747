"""Where gonogo's own files are: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _CHECKOUT / name


def policies_dir() -> Path:
    """The Rego catalog; `$GONOGO_POLICIES` overrides it (used by tests and by policy authors)."""
    override = os.environ.get("GONOGO_POLICIES")
    return Path(override) if override else _bundled("policies")


def schemas_dir() -> Path:
    return _bundled("schemas")


def project_bin_dir() -> Path:
    """The checkout's `.bin/`, where `make setup` builds the pinned OPA."""
    return _CHECKOUT / ".bin"
