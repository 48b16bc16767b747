"""JSON: the report document itself (schemas/report.schema.json)."""

from __future__ import annotations

from typing import Any

from gonogo.json_text import indented


def render(report: dict[str, Any], color: bool = False) -> str:
    return indented(report).decode()
