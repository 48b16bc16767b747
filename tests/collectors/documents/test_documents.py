"""The documents collector on fixtures in the real formats (Markdown, dotenv, OpenAPI, PlantUML)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from gonogo.collectors.base import CollectContext
from gonogo.collectors.documents import DocumentsCollector, classify_title, env_example_facts, markdown_facts
from gonogo.collectors.runner import collect
from gonogo.collectors.sources.files import walk

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _collect(root: Path, config: dict | None = None) -> tuple[dict, list[str]]:
    ctx = CollectContext(
        root=root,
        files=list(walk(root, [])),
        config=config or {},
        now=datetime.now(UTC),
        collector="documents",
    )
    return DocumentsCollector().collect(ctx)["operations"]["documents"], ctx.warnings


def test_documents_are_found_by_content() -> None:
    documents, _ = _collect(FIXTURES / "pass")
    assert documents["rollback"][0]["path"] == "ROLLBACK.md"
    assert documents["rollback"][0]["steps"] == 3
    assert documents["rollback"][0]["last_tested"] == "2026-10-01"
    assert documents["api_reference"][0]["operations"] == 1
    assert documents["architecture"][0]["format"] == "diagram"
    assert documents["env_vars"][0]["variables"] == ["DATABASE_URL", "BILLING_TOKEN"]
    assert documents["env_vars"][0]["documented_variables"] == 2
    assert "notes.md" not in json.dumps(documents)


def test_a_document_without_steps_or_rehearsal_is_recorded_as_such() -> None:
    documents, _ = _collect(FIXTURES / "fail")
    rollback = documents["rollback"][0]
    assert rollback["steps"] == 0 and "last_tested" not in rollback


def test_env_values_and_env_files_never_reach_the_snapshot() -> None:
    snapshot = collect(FIXTURES / "pass", {})
    text = json.dumps(snapshot)
    for canary in ("canary-DSN-value-9f3a", "canary-token-value-77c1", "canary-real-env-value-1d2e"):
        assert canary not in text
    assert all(f.rel != ".env" for f in walk(FIXTURES / "pass", []))


def test_explicit_kind_from_config() -> None:
    documents, warnings = _collect(FIXTURES / "pass", {"paths": {"documents": {"sla": "notes.md"}}})
    assert documents["sla"][0]["path"] == "notes.md"
    _, warnings = _collect(FIXTURES / "pass", {"paths": {"documents": {"sla": "missing.md"}}})
    assert warnings == ["paths.documents names missing.md, which does not exist"]


def test_unparseable_yaml_is_a_warning_naming_file_and_line_not_a_crash() -> None:
    snapshot = collect(FIXTURES / "fail", {}, only=["documents"])
    run = snapshot["collectors"]["documents"]
    assert "errors" not in run
    assert any(w.startswith("broken.yaml: not YAML (line 3") for w in run["warnings"])
    assert "unclosed" not in json.dumps(snapshot)


def test_title_classification() -> None:
    assert classify_title("Disaster Recovery Runbook") == "dr_runbook"
    assert classify_title("How to deploy checkout") == "deployment_guide"
    assert classify_title("Privacy Notice") == "privacy_policy"
    assert classify_title("Team notes") is None


def test_markdown_facts_count_only_ordered_steps_and_diagrams() -> None:
    facts = markdown_facts("# T\n\n- a\n- b\n\n1. one\n2. two\n\n```mermaid\ngraph TD\n```\n")
    assert facts["steps"] == 2 and facts["diagrams"] == 1 and facts["headings"] == ["t"]


def test_env_example_without_comments() -> None:
    assert env_example_facts("A=1\n\n# b\nB=2\n")["documented_variables"] == 1


def test_markdown_sections_count_the_words_under_each_heading() -> None:
    text = (
        "# On-call\n\n## Rotation schedule\n\n<!-- fill in -->\n\n## Escalation contacts\n\n"
        "1. Alice, primary\n2. Bob, secondary\n\n### Vendors\n\nCall the database vendor.\n\n## Tools\n"
    )
    sections = markdown_facts(text)["sections"]
    assert sections == [
        {"heading": "on-call", "words": 8},  # sub-section text, not sub-headings
        {"heading": "rotation schedule", "words": 0},  # a heading with only a comment under it
        {"heading": "escalation contacts", "words": 8},  # its sub-section included
        {"heading": "vendors", "words": 4},
        {"heading": "tools", "words": 0},
    ]
