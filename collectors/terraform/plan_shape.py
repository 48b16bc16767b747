"""The parts of a Terraform plan the collector reads, checked before it reads them.

A document recognised as a plan (`format_version`, `terraform_version`, ...) whose parts have the
wrong shape (`"resource_changes": "x"`) is unreadable: the collector records it as skipped
evidence (a warning naming the file, and the infrastructure items stay pending), never as a plan
with no resources, and the other plans are still read. The reason names the JSON pointer, never
a value.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.shape import UnreadableReport, dict_at, list_at, objects


def _module(module: dict[str, Any], where: str, depth: int = 0) -> None:
    objects(list_at(module, "resources", where, required=False), f"{where}/resources")
    children = objects(list_at(module, "child_modules", where, required=False), f"{where}/child_modules")
    if depth < 64:
        for index, child in enumerate(children):
            _module(child, f"{where}/child_modules/{index}", depth + 1)


def check_plan(plan: dict[str, Any]) -> None:
    """Raises UnreadableReport when a part the collector reads is not of the documented shape."""
    changes = objects(list_at(plan, "resource_changes", required=False), "/resource_changes")
    for index, change in enumerate(changes):
        dict_at(change, "change", f"/resource_changes/{index}", required=False)
    for key in ("planned_values", "values"):
        values = dict_at(plan, key, required=False)
        if values:
            _module(dict_at(values, "root_module", f"/{key}", required=False), f"/{key}/root_module")
    configuration = dict_at(plan, "configuration", required=False)
    root = dict_at(configuration, "root_module", "/configuration", required=False)
    objects(
        list_at(root, "resources", "/configuration/root_module", required=False),
        "/configuration/root_module/resources",
    )
    dict_at(root, "module_calls", "/configuration/root_module", required=False)


__all__ = ["UnreadableReport", "check_plan"]
