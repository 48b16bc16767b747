"""The facts of one pipeline, shared by the GitHub Actions and GitLab CI readers.

A pipeline is `{"system", "name", "triggers", "jobs", ...}`; each job carries its `needs`, the jobs
it `runs_after` (every job that has finished before it starts: its `needs`, transitively, or for a
GitLab job without `needs` every job of an earlier stage), and its ordered `steps`, each with the
classes recognised in it (patterns.py). The order facts let policies judge "backup before
migrate" or "smoke test after deploy" by looking jobs up by name, never by joining lists.
"""

from __future__ import annotations

from typing import Any

from gonogo.collectors.pipelines import patterns


class ShapeError(ValueError):
    """A pipeline file whose structure is not the format's; the message names a position only."""


def step_fact(
    *,
    index: int,
    name: str | None,
    uses: str | None,
    texts: list[str],
    phase: str,
    when: str,
    provenance: dict[str, Any],
) -> dict[str, Any]:
    hits = patterns.classify_commands(texts)
    if uses:
        hits += patterns.classify_action(uses)
    if name:
        hits += patterns.classify_name(name)
    classes, tools = patterns.summarise(hits)
    return {
        "index": index,
        "name": name,
        "uses": uses,
        "phase": phase,
        "when": when,
        "classes": classes,
        "tools": tools,
        "provenance": provenance,
    }


def name_classes(*names: str | None) -> tuple[list[str], list[str]]:
    hits: list[tuple[str, str]] = []
    for name in names:
        if name:
            hits += patterns.classify_name(name)
    return patterns.summarise(hits)


def job_fact(
    *,
    name: str,
    needs: list[str] | None,
    stage: str | None,
    environment: str | None,
    manual: bool,
    scheduled: bool,
    when: str,
    calls: str | None,
    steps: list[dict[str, Any]],
    names: tuple[str | None, ...],
    provenance: dict[str, Any],
) -> dict[str, Any]:
    classes, tools = name_classes(*names)
    return {
        "name": name,
        "needs": needs if needs is not None else [],
        "needs_declared": needs is not None,
        "runs_after": [],
        "stage": stage,
        "environment": environment,
        "manual": manual,
        "scheduled": scheduled,
        "when": when,
        "calls": calls,
        "classes": classes,
        "tools": tools,
        "steps": steps,
        "provenance": provenance,
    }


def order_jobs(jobs: dict[str, dict[str, Any]], stages: list[str] | None) -> None:
    """Fills each job's `runs_after`: the jobs that have finished before it starts.

    `needs` count transitively. With `stages` (GitLab), a job that declares no `needs` waits for
    every job of the earlier stages except those that need not finish: manual jobs (they do not
    block the pipeline unless `allow_failure: false`) and `when: on_failure` jobs.
    """
    position = {stage: i for i, stage in enumerate(stages or [])}
    direct: dict[str, set[str]] = {}
    for job_id, job in jobs.items():
        before = {need for need in job["needs"] if need in jobs}
        if stages is not None and not job["needs_declared"]:
            mine = position.get(job["stage"] or "", -1)
            before |= {
                other_id
                for other_id, other in jobs.items()
                if position.get(other["stage"] or "", -1) < mine
                and not (other["manual"] and not other.get("blocking"))
                and other["when"] != "on_failure"
            }
        direct[job_id] = before
    for job_id, job in jobs.items():
        seen: set[str] = set()
        todo = list(direct[job_id])
        while todo:
            other = todo.pop()
            if other in seen or other == job_id:
                continue
            seen.add(other)
            todo.extend(direct.get(other, ()))
        job["runs_after"] = sorted(seen)
    for job in jobs.values():
        job.pop("needs_declared", None)
        job.pop("blocking", None)
