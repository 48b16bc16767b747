"""The `terraform` collector: cloud infrastructure facts from Terraform plan JSON (`terraform show -json`).

Plans are found by content: a JSON document with `format_version`, `terraform_version` and
`planned_values` or `resource_changes` (the documented JSON output format; a state file's `values`
is read the same way). Resources come from `resource_changes[].change.after`, or from
`planned_values`/`values` when a plan has no changes section. Resources only being deleted are
ignored.

Sensitive values never reach the snapshot: every value that `after_sensitive` (or
`sensitive_values`) marks is replaced by None before any fact is read from it, and the plan's
`variables`, `prior_state`, `output_changes` and `before` values are never read at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.terraform.compliance import finish as finish_compliance
from gonogo.collectors.terraform.failover import link_failover
from gonogo.collectors.terraform.operations import link_operations
from gonogo.collectors.terraform.plan_shape import UnreadableReport, check_plan
from gonogo.collectors.terraform.resources import EXTRACTORS, SECTION_KEYS, link_buckets

from gonogo import __version__


def is_plan(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("format_version"), str)
        and "terraform_version" in value
        and any(k in value for k in ("planned_values", "resource_changes", "values"))
    )


def redact(value: Any, sensitive: Any) -> Any:
    """A copy of value with every part that `sensitive` marks true replaced by None."""
    if sensitive is True:
        return None
    if isinstance(value, dict):
        marks = sensitive if isinstance(sensitive, dict) else {}
        return {k: redact(v, marks.get(k)) for k, v in value.items()}
    if isinstance(value, list):
        marks = sensitive if isinstance(sensitive, list) else []
        return [redact(v, marks[i] if i < len(marks) else None) for i, v in enumerate(value)]
    return value


def _module_resources(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from module.get("resources") or []
    for child in module.get("child_modules") or []:
        if isinstance(child, dict):
            yield from _module_resources(child)


def plan_resources(plan: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(address, type, redacted values) of each managed resource the plan creates, keeps or updates."""
    changes = plan.get("resource_changes")
    if isinstance(changes, list) and changes:
        for change in changes:
            body = change.get("change") or {}
            if change.get("mode", "managed") != "managed" or body.get("actions") == ["delete"]:
                continue
            after = body.get("after")
            if isinstance(after, dict):
                yield (
                    str(change.get("address")),
                    str(change.get("type")),
                    redact(after, body.get("after_sensitive")),
                )
        return
    root = (plan.get("planned_values") or plan.get("values") or {}).get("root_module") or {}
    for resource in _module_resources(root):
        if resource.get("mode", "managed") == "managed" and isinstance(resource.get("values"), dict):
            yield (
                str(resource.get("address")),
                str(resource.get("type")),
                redact(resource["values"], resource.get("sensitive_values")),
            )


def _config_expressions(module: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for resource in module.get("resources") or []:
        if isinstance(resource, dict):
            yield prefix + str(resource.get("address")), resource.get("expressions") or {}
    for name, call in (module.get("module_calls") or {}).items():
        yield from _config_expressions((call or {}).get("module") or {}, f"{prefix}module.{name}.")


def references(plan: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """address -> {argument: [referenced addresses]} from the plan's configuration section."""
    found: dict[str, dict[str, list[str]]] = {}
    root = (plan.get("configuration") or {}).get("root_module") or {}
    for address, expressions in _config_expressions(root):
        found[address] = _block_references(expressions)
    return found


def _block_references(expressions: dict[str, Any], prefix: str = "") -> dict[str, list[str]]:
    """{argument: [references]}; a nested block's arguments as `block.argument`, merged over its instances."""
    found: dict[str, list[str]] = {}
    for arg, expr in expressions.items():
        if isinstance(expr, dict) and ("references" in expr or "constant_value" in expr or not expr):
            found.setdefault(prefix + arg, []).extend(str(r) for r in expr.get("references") or [])
        elif isinstance(expr, dict | list):  # a nested block (single: an object; repeated: a list)
            for block in expr if isinstance(expr, list) else [expr]:
                if isinstance(block, dict):
                    for key, refs in _block_references(block, f"{prefix}{arg}.").items():
                        found.setdefault(key, []).extend(refs)
    return found


def _address_line(text: str, address: str) -> int:
    index = text.find(f'"address":"{address}"')
    if index < 0:
        index = text.find(f'"address": "{address}"')
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


class TerraformCollector:
    name = "terraform"
    version = __version__
    provides = ("infrastructure", *(f"infrastructure.{key}" for key in SECTION_KEYS))
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        section: dict[str, Any] = {key: {} for key in SECTION_KEYS}
        section["plans"] = {}
        for source in ctx.files:
            if source.suffix != ".json":
                continue
            plan = source.json_value
            if is_plan(plan):
                try:
                    check_plan(plan)
                    self._read_plan(ctx, source, plan, section)
                except (UnreadableReport, AttributeError, TypeError, KeyError, ValueError) as bad:
                    # One bad plan costs that plan: named, never quoted; its items cannot pass.
                    reason = str(bad) if isinstance(bad, UnreadableReport) else bad.__class__.__name__
                    ctx.warnings.append(
                        f"{source.rel}:1: Terraform plan of the wrong shape, not read: {reason}"
                    )
                    ctx.skipped.append(
                        {"file": source.rel, "reason": f"wrong shape: {reason}", "feeds": ["infrastructure"]}
                    )
        if not section["plans"]:
            # No plan at all is "not collected" (items pending), not "searched, found nothing".
            ctx.warnings.append(
                "no Terraform plan JSON found (terraform show -json); infrastructure items stay pending"
            )
            return {}
        # Companions fold into what they name once, after every plan: linking after each plan
        # would fold the facts of the plans read before a second time.
        link_operations(section)
        link_failover(section)
        link_buckets(section)
        return {"infrastructure": section}

    def _read_plan(
        self, ctx: CollectContext, source: SourceFile, plan: dict[str, Any], section: dict[str, Any]
    ) -> None:
        text = source.text or ""
        refs = references(plan)
        count = 0
        for address, resource_type, values in plan_resources(plan):
            extractor = EXTRACTORS.get(resource_type)
            count += 1
            if extractor is None:
                continue
            table, fact = extractor(values)
            line = _address_line(text, address)
            fact.update(
                {
                    "address": address,
                    "type": resource_type,
                    "references": refs.get(address, {}),
                    "provenance": ctx.file_ref(source, line, at=address),
                }
            )
            key = address if address not in section[table] else f"{source.rel}:{address}"
            section[table][key] = fact
        finish_compliance(section, plan, source.rel, plan_resources(plan))
        section["plans"][source.rel] = {
            "format_version": plan.get("format_version"),
            "terraform_version": plan.get("terraform_version"),
            "resources": count,
            "provenance": ctx.file_ref(source, 1),
        }
