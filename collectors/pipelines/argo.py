"""Argo Workflows (`argoproj.io` `Workflow`, `WorkflowTemplate`, `ClusterWorkflowTemplate`,
`CronWorkflow`), found by content.

From the entrypoint template, every invocation becomes a job: `steps` (outer list in sequence,
each inner list in parallel) and `dag.tasks` (`dependencies`, or the task names in `depends`)
order them, nested steps/DAG templates are expanded (named `outer/inner`), and the `onExit`
handler runs after everything. A leaf template's `container` or `script` (`command`, `args`,
`source`) is its one step, classified and then dropped. A CronWorkflow's jobs are scheduled
(`schedule` or `schedules`); the other kinds are submitted on demand (`argo submit`), so their
jobs count as started by hand. `templateRef` invocations name the referenced template in
`calls` and are not expanded.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.pipelines import model
from gonogo.collectors.pipelines.yamlnodes import line_of

KINDS = ("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow")
MAX_DEPTH = 6
_DEPENDS_WORDS = frozenset(
    {"Succeeded", "Failed", "Errored", "Skipped", "Omitted", "Daemoned", "AnySucceeded", "AllFailed"}
)


def is_argo(document: Any) -> bool:
    return (
        isinstance(document, dict)
        and str(document.get("apiVersion", "")).startswith("argoproj.io/")
        and document.get("kind") in KINDS
    )


def key_of(document: dict[str, Any]) -> str:
    metadata = document.get("metadata")
    name = ""
    if isinstance(metadata, dict):
        name = str(metadata.get("name") or metadata.get("generateName") or "")
    return f"{document['kind']}/{name}"


class _Builder:
    def __init__(
        self, templates: dict[str, Any], rel: str, ctx: CollectContext, manual: bool, scheduled: bool
    ):
        self.templates = templates
        self.rel = rel
        self.ctx = ctx
        self.manual = manual
        self.scheduled = scheduled
        self.jobs: dict[str, dict[str, Any]] = {}

    def expand(
        self, name: str, job_id: str, after: list[str], line: int, depth: int, calls: str | None
    ) -> list[str]:
        """Adds the jobs of invoking template `name` as `job_id`; returns the ids that finish it."""
        template = self.templates.get(name)
        if depth > MAX_DEPTH or not isinstance(template, dict):
            return [self._leaf(job_id or name, None, after, line, calls or name)]
        if isinstance(template.get("steps"), list):
            return self._steps(template["steps"], job_id, after, depth)
        dag = template.get("dag")
        if isinstance(dag, dict) and isinstance(dag.get("tasks"), list):
            return self._dag(dag["tasks"], job_id, after, depth)
        return [self._leaf(job_id or name, template, after, line, calls)]

    def _invoke(
        self, entry: dict[str, Any], prefix: str, after: list[str], line: int, depth: int
    ) -> list[str]:
        name = str(entry.get("name") or "")
        job_id = f"{prefix}/{name}" if prefix else name
        ref = entry.get("templateRef")
        if isinstance(ref, dict):
            return [self._leaf(job_id, None, after, line, str(ref.get("template") or ref.get("name") or ""))]
        return self.expand(str(entry.get("template") or ""), job_id, after, line, depth + 1, None)

    def _steps(self, groups: list[Any], prefix: str, after: list[str], depth: int) -> list[str]:
        previous = after
        for index, group in enumerate(groups):
            items = group if isinstance(group, list) else [group]
            finished: list[str] = []
            for item_index, entry in enumerate(items):
                if isinstance(entry, dict):
                    line = line_of(items, item_index, line_of(groups, index, 1))
                    finished += self._invoke(entry, prefix, previous, line, depth)
            previous = finished or previous
        return previous

    def _dag(self, tasks: list[Any], prefix: str, after: list[str], depth: int) -> list[str]:
        finals: dict[str, list[str]] = {}
        entries = {str(t.get("name")): (i, t) for i, t in enumerate(tasks) if isinstance(t, dict)}
        pending = list(entries)
        guard = 0
        while pending and guard <= len(entries) + 1:
            guard += 1
            for name in list(pending):
                index, task = entries[name]
                deps = _dependencies(task)
                if any(d in entries and d not in finals for d in deps):
                    continue
                before = [j for d in deps for j in finals.get(d, [])] or after
                finals[name] = self._invoke(task, prefix, before, line_of(tasks, index, 1), depth)
                pending.remove(name)
        depended = {d for _, task in entries.values() for d in _dependencies(task)}
        return [j for name, ids in finals.items() if name not in depended for j in ids]

    def _leaf(
        self, job_id: str, template: dict[str, Any] | None, after: list[str], line: int, calls: str | None
    ) -> str:
        steps = []
        if template is not None:
            runs = (
                template.get("script")
                if isinstance(template.get("script"), dict)
                else template.get("container")
            )
            if isinstance(runs, dict):
                words = [
                    str(w)
                    for key in ("command", "args")
                    for w in runs.get(key) or []
                    if isinstance(w, str | int)
                ]
                texts = [" ".join(words)] if words else []
                if isinstance(runs.get("source"), str):
                    texts.append(runs["source"])
                steps.append(
                    model.step_fact(
                        index=0,
                        name=str(template.get("name") or "") or None,
                        uses=None,
                        texts=texts,
                        phase="steps",
                        when="on_success",
                        provenance=self.ctx.file_ref(self.rel, getattr(template, "line", line)),
                    )
                )
        self.jobs[job_id] = model.job_fact(
            name=job_id,
            needs=list(after),
            stage=None,
            environment=None,
            manual=self.manual,
            scheduled=self.scheduled,
            when="on_success",
            calls=calls,
            steps=steps,
            names=(job_id.rsplit("/", 1)[-1],),
            provenance=self.ctx.file_ref(self.rel, line),
        )
        return job_id


def _dependencies(task: dict[str, Any]) -> list[str]:
    deps = task.get("dependencies")
    if isinstance(deps, list):
        return [str(d) for d in deps]
    depends = task.get("depends")
    if isinstance(depends, str):
        names = [n.split(".")[0] for n in re.findall(r"[A-Za-z0-9][A-Za-z0-9_.-]*", depends)]
        return [n for n in dict.fromkeys(names) if n not in _DEPENDS_WORDS]
    return []


def read(document: dict[str, Any], rel: str, ctx: CollectContext) -> dict[str, Any]:
    spec = document.get("spec")
    if not isinstance(spec, dict):
        raise model.ShapeError(f"line {getattr(document, 'line', 1)}: no spec")
    cron = document["kind"] == "CronWorkflow"
    crons: list[str] = []
    if cron:
        schedules = (
            spec.get("schedules") if isinstance(spec.get("schedules"), list) else [spec.get("schedule")]
        )
        crons = [str(s) for s in schedules if isinstance(s, str)]
        spec = spec.get("workflowSpec")
        if not isinstance(spec, dict):
            raise model.ShapeError(
                f"line {getattr(document, 'line', 1)}: a CronWorkflow without workflowSpec"
            )
    templates_value = spec.get("templates")
    if not isinstance(templates_value, list):
        raise model.ShapeError(f"line {getattr(spec, 'line', 1)}: no templates list")
    templates = {str(t.get("name")): t for t in templates_value if isinstance(t, dict)}
    builder = _Builder(templates, rel, ctx, manual=not cron, scheduled=cron)
    line = line_of(spec, "entrypoint", getattr(document, "line", 1))
    entry = spec.get("entrypoint")
    if isinstance(entry, str):
        builder.expand(entry, "", [], line, 0, None)
    if isinstance(spec.get("onExit"), str):
        exit_line = line_of(spec, "onExit", line)
        builder.expand(spec["onExit"], "onExit", sorted(builder.jobs), exit_line, 0, None)
    model.order_jobs(builder.jobs, None)
    return {
        "system": "argo_workflows",
        "name": key_of(document).split("/", 1)[1] or None,
        "triggers": {"push": False, "schedule": cron, "manual": not cron, "crons": crons, "events": []},
        "jobs": builder.jobs,
        "files": [rel],
        "templates": [],
        "provenance": ctx.file_ref(rel, getattr(document, "line", 1)),
    }
