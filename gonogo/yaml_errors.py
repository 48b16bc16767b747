"""A YAML error described by problem and position only, for collectors, config and snapshots alike.

PyYAML's own message quotes the offending line, which may hold a secret; this never does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


def describe_yaml_error(exc: yaml.YAMLError) -> str:
    """problem and position only: PyYAML's own message quotes the offending line, which may hold a secret."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or exc.__class__.__name__
    if mark is not None:
        return f"line {mark.line + 1} column {mark.column + 1}: {problem}"
    return str(problem)
