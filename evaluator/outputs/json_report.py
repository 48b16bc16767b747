"""JSON: the report document itself (schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any], color: bool = False) -> str:
    return json.dumps(report, indent=2, sort_keys=False) + "\n"
