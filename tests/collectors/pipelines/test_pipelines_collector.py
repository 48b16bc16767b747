"""The pipelines collector on real workflow files: GitHub Actions (checked with actionlint when
they were written) and GitLab CI (the CI/CD YAML reference: include, extends, !reference, stages,
needs, rules). Facts are classes, tool names and order; no command text leaves the collector."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gonogo.collectors.base import CollectContext
from gonogo.collectors.pipelines import PipelinesCollector
from gonogo.collectors.sources.files import walk

from gonogo.schema_validation import schema_errors

FIXTURES = Path(__file__).parent / "fixtures"
CANARY = "canary-secret-value-7f3a"


def collect(root: Path) -> tuple[dict[str, Any], list[str]]:
    ctx = CollectContext(
        root=root, files=list(walk(root, [])), config={}, now=datetime.now(UTC), collector="pipelines"
    )
    return PipelinesCollector().collect(ctx), ctx.warnings


def pipelines(name: str) -> tuple[dict[str, Any], list[str]]:
    part, warnings = collect(FIXTURES / name)
    return part["operations"]["pipelines"], warnings


def test_github_jobs_steps_and_order() -> None:
    section, warnings = pipelines("github-good")
    assert warnings == []
    deploy = section["files"][".github/workflows/deploy.yml"]
    assert deploy["system"] == "github_actions"
    assert deploy["triggers"] == {
        "push": True,
        "schedule": False,
        "manual": True,
        "crons": [],
        "events": ["push", "workflow_dispatch"],
    }
    jobs = deploy["jobs"]
    assert jobs["migrate"]["needs"] == ["scan"]
    assert jobs["smoke"]["runs_after"] == ["deploy", "migrate", "scan"]
    assert jobs["deploy"]["environment"] == "production"
    migrate_steps = [(s["classes"], s["tools"]) for s in jobs["migrate"]["steps"]]
    assert migrate_steps == [
        ([], []),
        (["validate_env"], ["validation script"]),
        (["backup"], ["pg_dump"]),
        (["migrate"], ["alembic"]),
    ]
    assert jobs["migrate"]["steps"][3]["provenance"]["ref"] == ".github/workflows/deploy.yml:38"
    scan = jobs["scan"]["steps"][1]
    assert scan["uses"] == "aquasecurity/trivy-action@0.28.0" and scan["classes"] == ["scan"]
    roll = jobs["deploy"]["steps"][2]
    assert roll["classes"] == ["rollback"] and roll["when"] == "on_failure"
    assert jobs["smoke"]["classes"] == ["smoke_test"]


def test_github_schedule_and_manual_workflows() -> None:
    section, _ = pipelines("github-good")
    drill = section["files"][".github/workflows/restore-drill.yml"]
    assert drill["triggers"]["crons"] == ["30 4 * * 1"]
    job = drill["jobs"]["restore-drill"]
    assert job["scheduled"] and job["classes"] == ["restore_drill"]
    assert job["steps"][0]["classes"] == ["restore"] and job["steps"][0]["tools"] == ["velero"]
    rollback = section["files"][".github/workflows/rollback.yml"]["jobs"]["rollback"]
    assert rollback["manual"] and rollback["classes"] == ["rollback"]
    assert rollback["steps"][1]["tools"] == ["helm"]


def test_github_bad_order_is_recorded_as_found() -> None:
    section, _ = pipelines("github-bad")
    jobs = section["files"][".github/workflows/ci.yml"]["jobs"]
    assert [s["classes"] for s in jobs["deploy"]["steps"]] == [[], ["migrate"], ["backup"], ["deploy"]]
    assert jobs["deploy"]["runs_after"] == ["test"]
    assert jobs["test"]["steps"][1]["classes"] == ["smoke_test"]
    assert not jobs["deploy"]["manual"]


def test_gitlab_includes_extends_references_and_stages() -> None:
    section, warnings = pipelines("gitlab-good")
    assert warnings == []
    pipeline = section["files"][".gitlab-ci.yml"]
    assert pipeline["files"] == [".gitlab-ci.yml", "ci/deploy.gitlab-ci.yml"]
    assert pipeline["stages"] == [".pre", "test", "backup", "migrate", "deploy", "verify", ".post"]
    assert [(t["name"], t["classes"]) for t in pipeline["templates"]] == [
        ("Jobs/SAST.gitlab-ci.yml", ["scan"]),
        ("Jobs/Secret-Detection.gitlab-ci.yml", ["scan"]),
    ]
    jobs = pipeline["jobs"]
    assert not any(name.startswith(".") for name in jobs)
    backup = jobs["backup-database"]
    # before_script from the hidden .database job (extends), then the script
    assert [s["phase"] for s in backup["steps"]] == ["before_script", "script"]
    assert backup["steps"][1]["classes"] == ["backup"]
    migrate = jobs["migrate-database"]
    # `!reference [.database, before_script]` resolved to the line where it is defined
    assert migrate["steps"][0]["provenance"]["ref"] == ".gitlab-ci.yml:20"
    assert migrate["steps"][1]["classes"] == ["migrate"]
    assert "backup-database" in migrate["runs_after"]
    deploy = jobs["deploy-production"]
    assert deploy["provenance"]["ref"] == "ci/deploy.gitlab-ci.yml:7"
    assert deploy["needs"] == ["migrate-database", "validate-env"]
    assert deploy["runs_after"] == [
        "backup-database",
        "dependency-audit",
        "migrate-database",
        "unit-tests",
        "validate-env",
    ]
    assert deploy["environment"] == "production"
    assert jobs["rollback-production"]["manual"] and jobs["rollback-production"]["classes"] == ["rollback"]
    assert jobs["restore-drill"]["scheduled"] and pipeline["triggers"]["schedule"]
    assert jobs["smoke-test"]["runs_after"][0] == "backup-database"


def test_gitlab_same_stage_jobs_do_not_run_after_each_other() -> None:
    section, _ = pipelines("gitlab-bad")
    jobs = section["files"][".gitlab-ci.yml"]["jobs"]
    assert "backup" not in jobs["deploy"]["runs_after"]
    assert jobs["deploy"]["steps"][0]["tools"] == ["rails"]
    assert jobs["smoke"]["stage"] == "build"


def test_missing_include_and_remote_url_are_not_quoted(tmp_path: Path) -> None:
    part, warnings = collect(FIXTURES / "gitlab-missing-include")
    pipeline = part["operations"]["pipelines"]["files"][".gitlab-ci.yml"]
    assert pipeline["templates"][0]["kind"] == "remote" and pipeline["templates"][0]["name"] is None
    assert warnings == [".gitlab-ci.yml:2: a local include is not among the collected files"]
    assert CANARY not in json.dumps(part)


def test_a_broken_workflow_costs_that_file_only() -> None:
    section, warnings = pipelines("broken")
    assert section["unreadable"] == [".github/workflows/broken.yml"]
    assert list(section["files"]) == [".github/workflows/rollback.yml"]
    assert len(warnings) == 1 and warnings[0].startswith(".github/workflows/broken.yml: ")
    assert "line 8" in warnings[0] and "hunter2" not in warnings[0]


def test_wrong_shape_is_that_files_warning(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "list.yml").write_text("- just\n- a list\n")
    (workflows / "steps.yml").write_text("on: push\njobs:\n  a:\n    steps: {run: x}\n")
    shutil.copy(FIXTURES / "github-good/.github/workflows/rollback.yml", workflows / "rollback.yml")
    part, warnings = collect(tmp_path)
    assert part["operations"]["pipelines"]["unreadable"] == [
        ".github/workflows/list.yml",
        ".github/workflows/steps.yml",
    ]
    assert any("steps.yml" in w and "line 4" in w for w in warnings)
    assert list(part["operations"]["pipelines"]["files"]) == [".github/workflows/rollback.yml"]


def test_nothing_found_is_absent(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("jobs: {}\n")  # not under .github/workflows: not a workflow
    assert collect(tmp_path) == ({}, [])


def test_no_command_text_reaches_the_facts() -> None:
    for name in ("github-good", "github-bad", "gitlab-good", "gitlab-bad", "broken", "tekton", "argo"):
        part, warnings = collect(FIXTURES / name)
        text = json.dumps(part) + json.dumps(warnings)
        for fragment in (CANARY, "hunter2", "pip install", "--namespace shop", "DATABASE_URL"):
            assert fragment not in text, (name, fragment)


def test_output_matches_the_schema() -> None:
    for name in ("github-good", "gitlab-good", "broken", "tekton", "argo"):
        part, _ = collect(FIXTURES / name)
        assert schema_errors("collectors/pipelines/schema.json", part) == []


def test_gitlab_spec_header_globs_and_nested_includes(tmp_path: Path) -> None:
    (tmp_path / "ci" / "jobs").mkdir(parents=True)
    (tmp_path / ".gitlab-ci.yml").write_text(
        "include:\n  - local: /ci/*.yml\n\nmigrate:\n  stage: deploy\n  script:\n"
        "    - pg_dump -Fc -f pre.dump && alembic upgrade head\n"
    )
    (tmp_path / "ci" / "base.yml").write_text(
        "spec:\n  inputs:\n    env:\n      default: production\n---\n"
        "include: ci/jobs/smoke.yml\n\nstages: [build, deploy, verify]\n"
    )
    (tmp_path / "ci" / "jobs" / "smoke.yml").write_text(
        "smoke:\n  stage: verify\n  script: make smoke\n  when: manual\n"
    )
    part, warnings = collect(tmp_path)
    assert warnings == []
    pipeline = part["operations"]["pipelines"]["files"][".gitlab-ci.yml"]
    assert pipeline["files"] == [".gitlab-ci.yml", "ci/base.yml", "ci/jobs/smoke.yml"]
    assert pipeline["stages"] == [".pre", "build", "deploy", "verify", ".post"]
    migrate = pipeline["jobs"]["migrate"]["steps"][0]
    assert migrate["classes"] == ["backup", "migrate"] and migrate["tools"] == ["alembic", "pg_dump"]
    smoke = pipeline["jobs"]["smoke"]
    assert smoke["manual"] and smoke["steps"][0]["provenance"]["ref"] == "ci/jobs/smoke.yml:3"
    assert pipeline["triggers"]["manual"]


def test_github_reusable_workflow_call_and_quoted_on(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "release.yaml").write_text(
        '"on":\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n'
        "jobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n"
    )
    part, warnings = collect(tmp_path)
    assert warnings == []
    pipeline = part["operations"]["pipelines"]["files"][".github/workflows/release.yaml"]
    assert pipeline["triggers"]["events"] == ["workflow_run"]
    assert pipeline["jobs"]["deploy"]["calls"] == "./.github/workflows/deploy.yml"
    assert pipeline["jobs"]["deploy"]["steps"] == []


def test_tekton_pipeline_tasks_order_and_task_steps() -> None:
    section, warnings = pipelines("tekton")
    assert warnings == []
    pipeline = section["files"]["tekton/pipeline.yaml#Pipeline/release"]
    assert pipeline["system"] == "tekton"
    assert pipeline["files"] == ["tekton/pipeline.yaml", "tekton/tasks.yaml"]
    jobs = pipeline["jobs"]
    # steps come from the referenced Task, with the Task file's lines
    assert jobs["backup"]["steps"][0]["classes"] == ["backup"]
    assert jobs["backup"]["steps"][0]["provenance"]["ref"] == "tekton/tasks.yaml:10"
    assert jobs["deploy"]["steps"][0]["tools"] == ["helm"] and jobs["deploy"]["calls"] == "helm-deploy"
    # runAfter, and a reference to another task's results, order the tasks
    assert jobs["migrate"]["runs_after"] == ["backup"]
    assert jobs["smoke-test"]["runs_after"] == ["backup", "deploy", "migrate"]
    # finally tasks run after all the others
    assert jobs["rollback-on-failure"]["runs_after"] == ["backup", "deploy", "migrate", "smoke-test"]
    assert jobs["rollback-on-failure"]["classes"] == ["rollback"]


def test_tekton_is_found_by_content_only(tmp_path: Path) -> None:
    (tmp_path / "values.yaml").write_text("image: tekton.dev/not-a-pipeline\n")
    (tmp_path / "broken.yaml").write_text("apiVersion: tekton.dev/v1\nkind: Pipeline\nspec: [\n")
    part, warnings = collect(tmp_path)
    assert part["operations"]["pipelines"] == {"files": {}, "unreadable": ["broken.yaml"]}
    assert len(warnings) == 1 and warnings[0].startswith("broken.yaml: a pipeline that cannot be read")


def test_argo_workflow_steps_dag_exit_handler_and_cron() -> None:
    section, warnings = pipelines("argo")
    assert warnings == []
    release = section["files"]["workflows/release.yaml#WorkflowTemplate/release"]
    assert release["system"] == "argo_workflows" and release["triggers"]["manual"]
    jobs = release["jobs"]
    # the outer steps run in sequence, the inner lists in parallel
    assert jobs["migrate"]["runs_after"] == ["backup", "validate-env"]
    assert jobs["migrate"]["steps"][0]["tools"] == ["alembic"]
    # a nested DAG is expanded: depends names the task it waits for
    assert jobs["deploy/smoke"]["runs_after"] == ["backup", "deploy/apply", "migrate", "validate-env"]
    assert jobs["deploy/apply"]["steps"][0]["classes"] == ["deploy"]
    assert jobs["onExit"]["runs_after"] == sorted(set(jobs) - {"onExit"})
    cron = section["files"]["workflows/release.yaml#CronWorkflow/restore-drill"]
    assert cron["triggers"]["crons"] == ["0 5 * * 1"]
    drill = cron["jobs"]["restore-drill"]
    assert drill["scheduled"] and not drill["manual"]
    assert drill["steps"][0]["classes"] == ["restore", "restore_drill"]
