"""Tekton pipelines (`tekton.dev/v1` and `v1beta1` `Pipeline`, with their `Task`s), found by content.

A Pipeline's `spec.tasks` become jobs: `runAfter` and references to another task's results
(`$(tasks.<name>.results.…)` in `params` or `when`) order them, and `spec.finally` tasks run after
all the others. Each job's steps are the steps of the Task it names (`taskRef.name`, looked up
among the collected Tasks and ClusterTasks) or of its inline `taskSpec`; a step's `script`,
`command` and `args` are classified, then dropped. Tasks fetched by a resolver (bundles, git, hub)
are not collected: such a job has no steps. Tekton starts pipelines from PipelineRuns and
triggers outside the Pipeline, so its `triggers` record none.
"""

from __future__ import annotations

import json
import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.pipelines import model
from gonogo.collectors.pipelines.yamlnodes import line_of

_RESULT_REF = re.compile(r"\$\(tasks\.([A-Za-z0-9_.-]+?)\.results\.")


def is_tekton(document: Any, kind: str) -> bool:
    return (
        isinstance(document, dict)
        and str(document.get("apiVersion", "")).startswith("tekton.dev/")
        and document.get("kind") == kind
    )


def name_of(document: dict[str, Any]) -> str:
    metadata = document.get("metadata")
    return str(metadata.get("name") or "") if isinstance(metadata, dict) else ""


def read(
    document: dict[str, Any], rel: str, tasks: dict[str, tuple[Any, str]], ctx: CollectContext
) -> dict[str, Any]:
    spec = document.get("spec")
    if not isinstance(spec, dict) or not isinstance(spec.get("tasks"), list):
        raise model.ShapeError(f"line {getattr(document, 'line', 1)}: a Pipeline without spec.tasks")
    regular = spec["tasks"]
    final = spec.get("finally") if isinstance(spec.get("finally"), list) else []
    jobs: dict[str, dict[str, Any]] = {}
    names = [str(t.get("name")) for t in regular if isinstance(t, dict)]
    for group, entries in (("tasks", regular), ("finally", final)):
        for index, task in enumerate(entries):
            line = line_of(entries, index, getattr(document, "line", 1))
            if not isinstance(task, dict) or not isinstance(task.get("name"), str):
                raise model.ShapeError(f"line {line}: a pipeline task without a name")
            needs = names if group == "finally" else _needs(task)
            jobs[task["name"]] = _job(task, needs, group, line, rel, tasks, ctx)
    model.order_jobs(jobs, None)
    return {
        "system": "tekton",
        "name": name_of(document) or None,
        "triggers": {"push": False, "schedule": False, "manual": False, "crons": [], "events": []},
        "jobs": jobs,
        "files": [rel, *sorted(_task_files(jobs) - {rel})],
        "templates": [],
        "provenance": ctx.file_ref(rel, getattr(document, "line", 1)),
    }


def _task_files(jobs: dict[str, dict[str, Any]]) -> set[str]:
    return {step["provenance"]["file"] for job in jobs.values() for step in job["steps"]}


def _needs(task: dict[str, Any]) -> list[str]:
    after = task.get("runAfter")
    needs = [str(n) for n in after] if isinstance(after, list) else []
    for key in ("params", "when", "matrix"):
        if key in task:
            needs += [n for n in _RESULT_REF.findall(json.dumps(task[key], default=str)) if n not in needs]
    return needs


def _job(
    task: dict[str, Any],
    needs: list[str],
    group: str,
    line: int,
    rel: str,
    tasks: dict[str, tuple[Any, str]],
    ctx: CollectContext,
) -> dict[str, Any]:
    ref = task.get("taskRef")
    ref_name = ref.get("name") if isinstance(ref, dict) and isinstance(ref.get("name"), str) else None
    task_spec, origin = task.get("taskSpec"), rel
    if task_spec is None and ref_name in tasks:
        found, origin = tasks[ref_name]
        task_spec = found.get("spec") if isinstance(found, dict) else None
    steps_value = task_spec.get("steps") if isinstance(task_spec, dict) else None
    steps = []
    for index, step in enumerate(steps_value if isinstance(steps_value, list) else []):
        if not isinstance(step, dict):
            continue
        texts = [step["script"]] if isinstance(step.get("script"), str) else []
        words = [
            str(w) for key in ("command", "args") for w in step.get(key) or [] if isinstance(w, str | int)
        ]
        if words:
            texts.append(" ".join(words))
        name = step.get("name")
        steps.append(
            model.step_fact(
                index=index,
                name=name if isinstance(name, str) else None,
                uses=None,
                texts=texts,
                phase="steps",
                when="always" if group == "finally" else "on_success",
                provenance=ctx.file_ref(origin, line_of(steps_value, index, 1)),
            )
        )
    return model.job_fact(
        name=str(task["name"]),
        needs=needs,
        stage=None,
        environment=None,
        manual=False,
        scheduled=False,
        when="always" if group == "finally" else "on_success",
        calls=ref_name,
        steps=steps,
        names=(str(task["name"]), ref_name),
        provenance=ctx.file_ref(rel, line),
    )
