"""The `pipelines` collector: CI/CD pipelines and what their steps do.

GitHub Actions workflows, GitLab CI, Tekton Pipelines and Argo Workflows. Fills
`operations.pipelines` (shape in collectors/pipelines/schema.json, meaning in docs/pipelines.md):
each pipeline keyed by its file, with its triggers, its jobs keyed by name (needs, the jobs each
runs after, stage, environment, manual/scheduled) and each job's ordered steps with the classes
recognised in them (patterns.py: migrate, backup, deploy, rollback, smoke_test, scan, ...). Step
commands are read to classify them and never recorded. A workflow that cannot be read is a
warning naming the file and line, listed under `unreadable`; the other files go on.
"""

from __future__ import annotations

import re
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.bounded import Unparsable
from gonogo.collectors.pipelines import argo, github, gitlab, model, tekton
from gonogo.collectors.pipelines.yamlnodes import load_documents
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

# A file of an unexpected shape costs that file only. Only gonogo's own messages are shown (they
# name a position); Python's could quote the file's content, so for those the type alone is kept.
_PIPELINE_KIND = re.compile(
    r"(?m)^kind:\s*(Pipeline|Workflow|WorkflowTemplate|ClusterWorkflowTemplate|CronWorkflow)\s*$"
)
_READ_ERRORS = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)


def _is_task(document: Any) -> bool:
    return tekton.is_tekton(document, "Task") or tekton.is_tekton(document, "ClusterTask")


def _why(exc: BaseException) -> str:
    if isinstance(exc, Unparsable | model.ShapeError):
        return str(exc)
    return f"unexpected shape: {exc.__class__.__name__}"


class PipelinesCollector:
    name = "pipelines"
    version = __version__
    provides = ("operations.pipelines",)
    options = ()  # the contract of collectors/base.py: no flags of its own
    when_nothing_found = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        files = {source.rel: source for source in ctx.files}
        pipelines: dict[str, dict[str, Any]] = {}
        unreadable: list[str] = []
        crd_documents: list[tuple[str, Any]] = []
        for source in ctx.files:
            if github.is_workflow_path(source.rel):
                fact = self._github(source, ctx)
            elif gitlab.is_root_path(source.rel):
                fact = self._gitlab(source, files, ctx, unreadable)
            else:
                crd_documents += self._crd_documents(source, ctx, unreadable)
                continue
            if fact is None:
                unreadable.append(source.rel)
            else:
                pipelines[source.rel] = fact
        pipelines.update(self._crds(crd_documents, ctx, unreadable))
        if not pipelines and not unreadable:
            return {}
        return {"operations": {"pipelines": {"files": pipelines, "unreadable": sorted(set(unreadable))}}}

    @staticmethod
    def _github(source: SourceFile, ctx: CollectContext) -> dict[str, Any] | None:
        try:
            text = source.text
            if text is None:
                raise Unparsable(source.unread or "cannot be read")
            documents = load_documents(text)
            if len(documents) != 1:
                raise model.ShapeError("a workflow is one YAML document")
            return github.read(documents[0], source.rel, ctx)
        except _READ_ERRORS as exc:
            ctx.warnings.append(
                f"{source.rel}: a GitHub Actions workflow that cannot be read ({_why(exc)}); skipped"
            )
            return None

    @staticmethod
    def _crd_documents(
        source: SourceFile, ctx: CollectContext, unreadable: list[str]
    ) -> list[tuple[str, Any]]:
        """The Tekton and Argo Workflows documents of a YAML file ([] for any other file), lines kept."""
        if source.suffix not in (".yaml", ".yml"):
            return []
        text = source.text
        if text is None or ("tekton.dev/" not in text and "argoproj.io/" not in text):
            return []
        try:
            documents = load_documents(text)
        except _READ_ERRORS as exc:
            if _PIPELINE_KIND.search(text):
                unreadable.append(source.rel)
                ctx.warnings.append(f"{source.rel}: a pipeline that cannot be read ({_why(exc)}); skipped")
            return []
        return [
            (source.rel, d)
            for d in documents
            if tekton.is_tekton(d, "Pipeline") or _is_task(d) or argo.is_argo(d)
        ]

    @staticmethod
    def _crds(
        documents: list[tuple[str, Any]], ctx: CollectContext, unreadable: list[str]
    ) -> dict[str, dict[str, Any]]:
        tasks = {tekton.name_of(d): (d, rel) for rel, d in documents if _is_task(d)}
        found: dict[str, dict[str, Any]] = {}
        for rel, document in documents:
            try:
                if tekton.is_tekton(document, "Pipeline"):
                    found[f"{rel}#Pipeline/{tekton.name_of(document)}"] = tekton.read(
                        document, rel, tasks, ctx
                    )
                elif argo.is_argo(document):
                    found[f"{rel}#{argo.key_of(document)}"] = argo.read(document, rel, ctx)
            except _READ_ERRORS as exc:
                unreadable.append(rel)
                ctx.warnings.append(f"{rel}: a pipeline that cannot be read ({_why(exc)}); skipped")
        return found

    @staticmethod
    def _gitlab(
        source: SourceFile, files: dict[str, SourceFile], ctx: CollectContext, unreadable: list[str]
    ) -> dict[str, Any] | None:
        reader = gitlab.GitLabPipeline(source, files, ctx)
        try:
            fact = reader.read()
        except _READ_ERRORS as exc:
            ctx.warnings.append(f"{source.rel}: a GitLab CI file that cannot be read ({_why(exc)}); skipped")
            return None
        finally:
            unreadable.extend(reader.unreadable)
        return fact
