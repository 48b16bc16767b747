"""Drill records (collectors/drills/drill-record.schema.json) and JUnit test cases that are drills.

A drill record is what a drill script writes when it finishes. It is validated against the
shipped JSON Schema; a record that breaks it is unreadable (named with the JSON pointer and the
rule, never the value). It is `measured` when it carries both `tool` and `run_id` (the drill's
tooling wrote it); otherwise it is a typed claim, which the policies treat as declared.

A JUnit test case is a drill when its name or class names a restore (`restore`) or a failover
(`failover`, `fail_over`, `switchover`): its outcome is the test's, its `time` the measured
duration, and `rto_seconds`/`rpo_seconds` test-case properties (pytest's `record_property`) the
measured values. Failure messages and captured output are never read.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from gonogo.collectors.drills.timing import (
    iso,
    number,
    parse_time,
    seconds_between,
    short,
    target_of,
    tokens,
)
from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).with_name("drill-record.schema.json")
RESTORE_WORDS = frozenset({"restore", "restores", "restored", "restoring"})
FAILOVER_WORDS = frozenset({"failover", "failovers", "switchover", "failingover"})


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))


def is_drill_record(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and value.get("apiVersion") == "gonogo.dev/v1alpha1"
        and value.get("kind") == "DrillRecord"
    )


def record_problem(value: dict[str, Any]) -> str | None:
    """Why a drill record is unreadable (JSON pointer and rule, never the value), or None."""
    errors = sorted(_validator().iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        pointer = "/" + "/".join(str(p) for p in error.absolute_path)
        return f"{pointer}: breaks the drill record schema ({error.validator})"
    for field in ("started", "finished", "restore_point"):
        if field in value and parse_time(value[field]) is None:
            return f"/{field}: not an RFC 3339 date-time"
    if parse_time(value["finished"]) < parse_time(value["started"]):  # type: ignore[operator]
        return "/finished: before /started"
    return None


def record_fact(value: dict[str, Any]) -> dict[str, Any]:
    started, finished = parse_time(value["started"]), parse_time(value["finished"])
    point = parse_time(value.get("restore_point"))
    rto = number(value.get("rto_seconds"))
    rpo = number(value.get("rpo_seconds"))
    tool, run_id = short(value.get("tool")), short(value.get("run_id"))
    fact: dict[str, Any] = {
        "source": "drill_record",
        "kind": "DrillRecord",
        "name": short(value.get("name")) or f"{value['drill']} drill",
        "outcome": "succeeded" if value["result"] == "passed" else "failed",
        "started": iso(started),
        "finished": iso(finished),
        "duration_seconds": rto if rto is not None else seconds_between(started, finished),
        "target": short(value.get("target")),
        "measured": bool(tool and run_id),
        "tool": tool,
        "run_id": run_id,
    }
    if value["drill"] == "restore":
        return fact | {
            "backup": short(value.get("backup")),
            "schedule": None,
            "phase": None,
            "errors": None,
            "restore_point": iso(point),
            "restore_point_age_seconds": rpo if rpo is not None else seconds_between(point, started),
        }
    return fact | {
        "outcome": "passed" if value["result"] == "passed" else "failed",
        "target": target_of(fact["name"], declared=value.get("target")),
        "outcome_checked": True,
        "probe_success_percent": None,
    }


def junit_drills(root: Element, rel: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(family, key, fact) of each JUnit test case that is a restore or a failover drill."""
    found = []
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    for suite in suites:
        stamp = parse_time(suite.get("timestamp"))
        for case in suite.iter("testcase"):
            name, classname = case.get("name") or "", case.get("classname") or ""
            words = tokens(name, classname)
            family = "failovers" if words & FAILOVER_WORDS else "restores" if words & RESTORE_WORDS else None
            if family is None:
                continue
            found.append((family, f"{rel}#{classname}::{name}", _case_fact(case, family, stamp)))
    return found


def _case_fact(case: Element, family: str, stamp: Any) -> dict[str, Any]:
    name, classname = case.get("name") or "", case.get("classname") or ""
    children = {child.tag for child in case}
    if "skipped" in children:
        outcome = "incomplete"
    elif children & {"failure", "error"}:
        outcome = "failed"
    else:
        outcome = "passed"
    properties = {
        p.get("name", ""): p.get("value") for p in case.iterfind("properties/property") if p.get("name")
    }
    duration = _float(case.get("time"))
    rto = _float(properties.get("rto_seconds"))
    fact: dict[str, Any] = {
        "source": "junit",
        "kind": "testcase",
        "name": short(f"{classname}::{name}" if classname else name),
        "outcome": outcome,
        "started": iso(stamp),
        "finished": None,
        "duration_seconds": rto if rto is not None else duration,
        "measured": True,
        "tool": "junit",
        "run_id": None,
    }
    if family == "restores":
        return fact | {
            "outcome": {"passed": "succeeded"}.get(outcome, outcome),
            "backup": None,
            "schedule": None,
            "phase": None,
            "errors": None,
            "target": None,
            "restore_point": None,
            "restore_point_age_seconds": _float(properties.get("rpo_seconds")),
        }
    return fact | {
        "target": target_of(name, classname, declared=properties.get("target")),
        "outcome_checked": outcome in ("passed", "failed"),
        "probe_success_percent": None,
    }


def _float(value: Any) -> float | None:
    try:
        parsed = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return parsed if parsed >= 0 else None
