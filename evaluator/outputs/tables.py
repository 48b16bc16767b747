"""Per-item tables (an item's report may carry `tables`): read them the same way in every format.

An item's Rego emits `"tables": [{"title", "columns", "rows"}]`; renderers draw them after the
item, whatever the item is. Cells are shown as text; a malformed table is skipped, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ItemTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    verdict_column: int | None = None


def item_tables(entry: dict[str, Any]) -> list[ItemTable]:
    """The well-formed tables of one report item, cells as strings, rows padded to the columns."""
    tables = []
    for raw in entry.get("tables") or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("columns"), list):
            continue
        columns = tuple(str(column) for column in raw["columns"])
        rows = tuple(
            tuple(_cell(row[i]) if i < len(row) else "" for i in range(len(columns)))
            for row in raw.get("rows") or []
            if isinstance(row, list)
        )
        verdict_column = raw.get("verdict_column")
        tables.append(
            ItemTable(
                title=str(raw.get("title", "")),
                columns=columns,
                rows=rows,
                verdict_column=verdict_column if isinstance(verdict_column, int) else None,
            )
        )
    return tables


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)
