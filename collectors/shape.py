"""Shape checks for the reports gonogo reads by content: recognised, then readable or not.

A parser that recognises its format (Trivy's `SchemaVersion` and `ArtifactName`, a Cobertura
`<coverage>` root...) checks the parts it reads with these helpers. A part of the wrong shape
raises `UnreadableReport`: the collector then records the file as skipped evidence (a warning
naming the file, and the items it feeds stay pending), never as a report with no findings.
The reason names the field (a JSON pointer or an XML attribute), never its value.
"""

from __future__ import annotations

from typing import Any


class UnreadableReport(ValueError):
    """A document of a known format whose shape is wrong; the message names the field only."""


def list_at(doc: dict[str, Any], key: str, where: str = "", *, required: bool = True) -> list[Any]:
    """`doc[key]` when it is a list; [] when absent/null and not required; otherwise unreadable."""
    value = doc.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise UnreadableReport(f"{where}/{key} is {_kind(value)}, not a list")
    return value


def dict_at(doc: dict[str, Any], key: str, where: str = "", *, required: bool = True) -> dict[str, Any]:
    value = doc.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise UnreadableReport(f"{where}/{key} is {_kind(value)}, not an object")
    return value


def objects(values: list[Any], where: str) -> list[dict[str, Any]]:
    """Every entry of a list that must hold objects; one that does not makes the report unreadable."""
    for index, value in enumerate(values):
        if not isinstance(value, dict):
            raise UnreadableReport(f"{where}/{index} is {_kind(value)}, not an object")
    return values


def number(value: Any, where: str, *, minimum: float | None = None, maximum: float | None = None) -> float:
    """A finite number (int, float or numeric text) within bounds, else unreadable."""
    if isinstance(value, bool):
        raise UnreadableReport(f"{where} is a boolean, not a number")
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        raise UnreadableReport(f"{where} is {_kind(value)}, not a number") from None
    if result != result or result in (float("inf"), float("-inf")):
        raise UnreadableReport(f"{where} is not a finite number")
    if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
        raise UnreadableReport(f"{where} is out of range")
    return result


def _kind(value: Any) -> str:
    if value is None:
        return "missing"
    return {
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }.get(type(value), "a " + type(value).__name__)
