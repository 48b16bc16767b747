"""Any YAML value in a pipeline file costs that file at most: the collector never raises, and what
it returns still matches its schema. Values are drawn by hypothesis around the formats' keys."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml
from gonogo.collectors.base import CollectContext
from gonogo.collectors.pipelines import PipelinesCollector
from gonogo.collectors.sources.files import walk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonogo.schema_validation import schema_errors

KEYS = st.sampled_from(
    [
        "on",
        "jobs",
        "steps",
        "run",
        "uses",
        "needs",
        "environment",
        "if",
        "name",
        "with",
        "schedule",
        "cron",
        "include",
        "local",
        "template",
        "stages",
        "stage",
        "script",
        "before_script",
        "extends",
        "rules",
        "when",
        "default",
        "trigger",
        "only",
        "inherit",
        "apiVersion",
        "kind",
        "spec",
        "tasks",
        "runAfter",
        "taskRef",
        "taskSpec",
        "finally",
        "templates",
        "entrypoint",
        "dag",
        "depends",
        "container",
        "command",
        "args",
        "source",
        "onExit",
        "workflowSpec",
        "deploy",
        ".hidden",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(
        [
            "tekton.dev/v1",
            "argoproj.io/v1alpha1",
            "Pipeline",
            "Task",
            "Workflow",
            "CronWorkflow",
            "helm rollback x",
            "pg_dump",
            "alembic upgrade head",
            "manual",
            "deploy",
            "a",
            "ci/x.yml",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)
FILES = (".github/workflows/ci.yml", ".gitlab-ci.yml", "ci/x.yml", "tekton.yaml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents=st.lists(st.dictionaries(KEYS, VALUES, max_size=6), min_size=4, max_size=4))
def test_no_shape_raises(tmp_path_factory, documents) -> None:
    root: Path = tmp_path_factory.mktemp("shapes")
    for rel, document in zip(FILES, documents, strict=True):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(yaml.safe_dump(document))
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="pipelines"
    )
    part = PipelinesCollector().collect(ctx)
    assert schema_errors("collectors/pipelines/schema.json", part) == []
