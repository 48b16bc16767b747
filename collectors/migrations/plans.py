"""Query plans saved as JSON: PostgreSQL `EXPLAIN (FORMAT JSON)` / `EXPLAIN (ANALYZE, FORMAT JSON)`
output and MySQL `EXPLAIN FORMAT=JSON` output, recognised by their shape.

PostgreSQL: a list of objects each with a `Plan` (a node with `Node Type`, children in `Plans`);
with ANALYZE, `Execution Time` (ms) and per scan the rows read, (`Actual Rows` + `Rows Removed by
Filter`) x `Actual Loops`; without it, the planner's `Plan Rows` (rows it expects to return). MySQL: an object
with `query_block`, tables under `table` / `nested_loop[].table`, a full scan being
`access_type: ALL`. Only plan shape, relation names and numbers are kept; query text and filter
expressions (which can hold literal values) never are.
"""

from __future__ import annotations

from typing import Any

FULL_SCANS = frozenset({"Seq Scan", "Parallel Seq Scan"})
INDEX_SCANS = frozenset({"Index Scan", "Index Only Scan", "Bitmap Index Scan"})
INDEX_ACCESS = frozenset(
    {"ref", "eq_ref", "range", "const", "index_merge", "unique_subquery", "index_subquery"}
)


def is_postgres(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(v, dict) and isinstance(v.get("Plan"), dict) and "Node Type" in v["Plan"]
            for v in value
        )
    )


def is_mysql(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("query_block"), dict)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _pg_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    nodes, stack = [], [node]
    while stack:
        current = stack.pop()
        nodes.append(current)
        stack.extend(child for child in current.get("Plans") or [] if isinstance(child, dict))
    return nodes


def postgres(value: list[dict[str, Any]]) -> dict[str, Any]:
    scans: list[dict[str, Any]] = []
    index_scans = 0
    times: list[float] = []
    analyzed = False
    for entry in value:
        if "Execution Time" in entry:
            analyzed = True
            times.append(_number(entry["Execution Time"]))
        for node in _pg_nodes(entry["Plan"]):
            kind = node.get("Node Type")
            if kind in INDEX_SCANS:
                index_scans += 1
            if kind in FULL_SCANS:
                if "Actual Rows" in node:  # rows read: those kept plus those the filter removed
                    read = _number(node["Actual Rows"]) + _number(node.get("Rows Removed by Filter"))
                    rows = read * max(_number(node.get("Actual Loops", 1)), 1.0)
                else:
                    rows = _number(node.get("Plan Rows"))
                scans.append({"relation": str(node.get("Relation Name") or ""), "rows": int(rows)})
    return {
        "format": "postgresql",
        "plans": len(value),
        "analyzed": analyzed,
        "execution_ms": max(times) if times else None,
        "full_scans": scans,
        "index_scans": index_scans,
    }


def _mysql_tables(block: Any) -> list[dict[str, Any]]:
    tables, stack = [], [block]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("table"), dict):
                tables.append(current["table"])
            stack.extend(v for k, v in current.items() if k != "table" and isinstance(v, (dict, list)))
            if isinstance(current.get("table"), dict):
                stack.extend(v for v in current["table"].values() if isinstance(v, (dict, list)))
        elif isinstance(current, list):
            stack.extend(current)
    return tables


def mysql(value: dict[str, Any]) -> dict[str, Any]:
    scans, index_scans = [], 0
    for table in _mysql_tables(value["query_block"]):
        access = table.get("access_type")
        if access == "ALL":
            rows = table.get("rows_examined_per_scan", table.get("rows", 0))
            scans.append({"relation": str(table.get("table_name") or ""), "rows": int(_number(rows))})
        elif access in (
            "ref",
            "eq_ref",
            "range",
            "const",
            "index_merge",
            "unique_subquery",
            "index_subquery",
        ):
            index_scans += 1
    return {
        "format": "mysql",
        "plans": 1,
        "analyzed": False,
        "execution_ms": None,
        "full_scans": scans,
        "index_scans": index_scans,
    }
