"""GitHub Actions workflows (`.github/workflows/*.yml|yaml`), read as the workflow syntax defines them.

`on` (a string, a list or a mapping of events; `schedule` a list of `cron` entries), `jobs.<id>`
with `name`, `needs` (a string or a list), `environment` (a name or `{name, url}`), `if`, `uses`
(a reusable workflow) and `steps` (`name`, `uses`, `run`, `if`, `with`). Only classes, tool names,
step names and action references are kept; `run:` text is read to classify it and then dropped.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.pipelines import model
from gonogo.collectors.pipelines.yamlnodes import key_line, line_of

# Inputs of common actions that hold a script the action runs (azure/cli, ssh and shell actions).
_SCRIPT_INPUTS = ("run", "script", "inlineScript", "command", "commands", "args")


def is_workflow_path(rel: str) -> bool:
    parts = rel.split("/")
    return (
        len(parts) >= 3
        and parts[-3] == ".github"
        and parts[-2] == "workflows"
        and parts[-1].endswith((".yml", ".yaml"))
    )


def read(document: Any, rel: str, ctx: CollectContext) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise model.ShapeError("a workflow is a mapping")
    jobs_value = document.get("jobs")
    if not isinstance(jobs_value, dict):
        raise model.ShapeError(f"line {getattr(document, 'line', 1)}: no `jobs` mapping")
    events, crons = _events(document.get("on"), rel, document)
    triggers = {
        "push": "push" in events,
        "schedule": "schedule" in events,
        "manual": "workflow_dispatch" in events,
        "crons": crons,
        "events": sorted(events),
    }
    jobs: dict[str, dict[str, Any]] = {}
    for job_id, job in jobs_value.items():
        if not isinstance(job, dict):
            line = line_of(jobs_value, job_id, 1)
            raise model.ShapeError(f"line {line}: job is not a mapping")
        jobs[str(job_id)] = _job(str(job_id), job, jobs_value, triggers, rel, ctx)
    model.order_jobs(jobs, None)
    name = document.get("name")
    return {
        "system": "github_actions",
        "name": name if isinstance(name, str) else None,
        "triggers": triggers,
        "jobs": jobs,
        "files": [rel],
        "templates": [],
        "provenance": ctx.file_ref(rel, 1),
    }


def _events(value: Any, rel: str, document: Any) -> tuple[set[str], list[str]]:
    if value is None:
        raise model.ShapeError(f"line {getattr(document, 'line', 1)}: no `on` events")
    if isinstance(value, str):
        return {value}, []
    if isinstance(value, list):
        return {str(e) for e in value}, []
    if not isinstance(value, dict):
        raise model.ShapeError(f"line {line_of(document, 'on', 1)}: `on` is not an event list or mapping")
    crons: list[str] = []
    schedule = value.get("schedule")
    if isinstance(schedule, list):
        crons = [str(entry["cron"]) for entry in schedule if isinstance(entry, dict) and "cron" in entry]
    return {str(e) for e in value}, crons


def _runs_on(job_if: Any, event: str) -> bool:
    """Whether a job's `if:` lets it run on `event` (an `if` naming no event lets every event)."""
    if not isinstance(job_if, str) or "event_name" not in job_if:
        return True
    return event in job_if


def _when(step_if: Any) -> str:
    if isinstance(step_if, str):
        if "failure()" in step_if:
            return "on_failure"
        if "always()" in step_if:
            return "always"
    return "on_success"


def _job(
    job_id: str,
    job: dict[str, Any],
    jobs_value: Any,
    triggers: dict[str, Any],
    rel: str,
    ctx: CollectContext,
) -> dict[str, Any]:
    job_line = key_line(jobs_value, job_id, line_of(jobs_value, job_id, 1))
    needs_value = job.get("needs")
    if needs_value is None:
        needs = None
    elif isinstance(needs_value, str):
        needs = [needs_value]
    elif isinstance(needs_value, list):
        needs = [str(n) for n in needs_value]
    else:
        raise model.ShapeError(f"line {line_of(job, 'needs', job_line)}: `needs` is not a job list")
    environment = job.get("environment")
    if isinstance(environment, dict):
        environment = environment.get("name")
    steps_value = job.get("steps") or []
    if not isinstance(steps_value, list):
        raise model.ShapeError(f"line {line_of(job, 'steps', job_line)}: `steps` is not a list")
    steps = []
    for index, step in enumerate(steps_value):
        line = line_of(steps_value, index, job_line)
        if not isinstance(step, dict):
            raise model.ShapeError(f"line {line}: step is not a mapping")
        steps.append(_step(index, step, line, rel, ctx))
    display = job.get("name")
    display = display if isinstance(display, str) else job_id
    calls = job.get("uses")
    job_if = job.get("if")
    return model.job_fact(
        name=display,
        needs=needs,
        stage=None,
        environment=str(environment) if environment is not None else None,
        manual=triggers["manual"] and _runs_on(job_if, "workflow_dispatch"),
        scheduled=triggers["schedule"] and _runs_on(job_if, "schedule"),
        when=_when(job_if),
        calls=str(calls) if isinstance(calls, str) else None,
        steps=steps,
        names=(job_id, display),
        provenance=ctx.file_ref(rel, job_line),
    )


def _step(index: int, step: dict[str, Any], line: int, rel: str, ctx: CollectContext) -> dict[str, Any]:
    texts = [step["run"]] if isinstance(step.get("run"), str) else []
    inputs = step.get("with")
    if isinstance(inputs, dict):
        texts += [str(inputs[key]) for key in _SCRIPT_INPUTS if isinstance(inputs.get(key), str)]
    name = step.get("name")
    uses = step.get("uses")
    return model.step_fact(
        index=index,
        name=name if isinstance(name, str) else None,
        uses=uses if isinstance(uses, str) else None,
        texts=texts,
        phase="steps",
        when=_when(step.get("if")),
        provenance=ctx.file_ref(rel, line),
    )
