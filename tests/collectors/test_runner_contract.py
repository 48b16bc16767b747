"""The runner enforces the collector contract on real plug-ins, loaded the way third-party ones are.

Each plug-in here is a small package written to tmp_path with an entry point in the
`gonogo.collectors` group (a `.dist-info` folder on sys.path, as pip installs it), so it goes
through registry discovery, the runner and the real OPA exactly like an installed plug-in.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from gonogo.collectors import registry
from gonogo.collectors.runner import collect
from gonogo.evaluator.catalog import load_catalog

from gonogo import api
from gonogo.paths import policies_dir

CANARY = "canary-collected-value-7d1e"


def install_plugin(
    site: Path,
    name: str,
    body: str,
    schema: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A plug-in package `gonogo_test_<name>` whose class body is `body`, with its schema.json."""
    package = site / f"gonogo_test_{name}"
    package.mkdir(parents=True)
    source = f"""
        from gonogo.collectors.base import CollectContext, Option

        class Plugin:
            name = "{name}"
            version = "1.0"
        """
    (package / "__init__.py").write_text(
        textwrap.dedent(source) + textwrap.indent(textwrap.dedent(body), "    ")
    )
    (package / "schema.json").write_text(json.dumps(schema))
    dist = site / f"gonogo_test_{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: gonogo-test-{name}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[gonogo.collectors]\n{name} = gonogo_test_{name}:Plugin\n")
    monkeypatch.syspath_prepend(str(site))


def documents_schema(documents: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "operations": {"type": "object", "properties": {"documents": documents}},
        },
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text("# Shop\n")
    return root


def test_a_write_outside_provides_drops_the_output_and_blocks(
    opa_bin: str, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "rogue",
        """
        provides = ("operations.documents",)
        options = ()
        when_nothing_found = "empty"

        def collect(self, ctx):
            return {"operations": {"documents": {}}, "kubernetes": {"workloads": {}}}
        """,
        documents_schema({"type": "object"}),
        monkeypatch,
    )
    snapshot = collect(repo, {}, only=["rogue"])
    errors = snapshot["collectors"]["rogue"]["errors"]
    assert len(errors) == 1
    assert "wrote kubernetes, outside what it provides (operations.documents)" in errors[0]
    assert "operations" not in snapshot and "kubernetes" not in snapshot  # all of it dropped

    report = api.evaluate(snapshot, {})
    assert report["decision"] == "NEEDS_WORK"
    assert "collector(s) failed: rogue" in report["decision_reasons"]
    reading = {
        item.id for item in load_catalog(policies_dir(), opa_bin) if "operations.documents" in item.evidence
    }
    assert reading
    verdicts = {item["id"]: item["verdict"] for item in report["items"] if item["id"] in reading}
    assert set(verdicts.values()) == {"error"}, verdicts


def test_a_deeper_write_outside_a_provided_key_is_rejected(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "sidestep",
        """
        provides = ("security.probe",)
        options = ()
        when_nothing_found = "absent"

        def collect(self, ctx):
            return {"security": {"probe": {}, "scans": {}}}
        """,
        {"type": "object"},
        monkeypatch,
    )
    run = collect(repo, {}, only=["sidestep"])["collectors"]["sidestep"]
    assert run["errors"] == [
        "wrote security.scans, outside what it provides (security.probe); its output was dropped"
    ]


def test_nothing_found_absent_leaves_the_section_out_and_empty_writes_empty_paths(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, mode in (("quiet", "absent"), ("thorough", "empty")):
        install_plugin(
            tmp_path / "site",
            name,
            f"""
            provides = ("integrations.{name}",)
            options = ()
            when_nothing_found = "{mode}"

            def collect(self, ctx):
                return {{}}
            """,
            {"type": "object"},
            monkeypatch,
        )
    snapshot = collect(repo, {}, only=["quiet", "thorough"])
    assert "errors" not in snapshot["collectors"]["quiet"]
    assert "errors" not in snapshot["collectors"]["thorough"]
    assert snapshot["integrations"] == {"thorough": {}}


def test_a_wrong_declaration_is_that_collectors_error(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "undecided",
        """
        provides = ("integrations.undecided",)
        options = ("--verbose",)
        when_nothing_found = "sometimes"

        def collect(self, ctx):
            raise AssertionError("never run: its declaration is wrong")
        """,
        {"type": "object"},
        monkeypatch,
    )
    run = collect(repo, {}, only=["undecided"])["collectors"]["undecided"]
    assert run["errors"] == [
        "declares `options` that are not a tuple of Option",
        "declares `when_nothing_found` other than absent or empty",
    ]


def test_a_plugins_options_reach_the_cli_specs_and_its_context(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "ticketing",
        """
        provides = ("integrations.ticketing",)
        options = (Option("ticketing_url", "Where the tracker answers."),)
        when_nothing_found = "absent"

        def collect(self, ctx):
            return {"integrations": {"ticketing": {"configured": "ticketing_url" in ctx.options}}}
        """,
        {"type": "object"},
        monkeypatch,
    )
    (option,) = registry.option_specs()["ticketing"]
    assert (option.name, option.type, option.multiple) == ("ticketing_url", "str", False)
    snapshot = collect(repo, {}, only=["ticketing"], options={"ticketing_url": "https://t.invalid"})
    assert snapshot["integrations"]["ticketing"] == {"configured": True}


def test_output_that_breaks_its_schema_is_that_collectors_error(
    opa_bin: str, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "misshapen",
        f"""
        provides = ("operations.documents",)
        options = ()
        when_nothing_found = "empty"

        def collect(self, ctx):
            return {{"operations": {{"documents": {{"rollback": [{{"title": 7, "path": "{CANARY}"}}]}}}}}}
        """,
        documents_schema(
            {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"title": {"type": "string"}}},
                },
            }
        ),
        monkeypatch,
    )
    snapshot = collect(repo, {}, only=["misshapen"])
    errors = snapshot["collectors"]["misshapen"]["errors"]
    assert errors == [
        "output breaks its schema.json at /operations/documents/rollback/0/title: is not of type 'string';"
        " its output was dropped"
    ]
    assert CANARY not in json.dumps(snapshot)
    assert "operations" not in snapshot
    report = api.evaluate(snapshot, {})
    assert report["decision"] == "NEEDS_WORK"
    reading = {
        item.id for item in load_catalog(policies_dir(), opa_bin) if "operations.documents" in item.evidence
    }
    verdicts = {item["id"]: item["verdict"] for item in report["items"] if item["id"] in reading}
    assert set(verdicts.values()) == {"error"}, verdicts


def test_a_plugin_without_schema_json_fails_closed(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "shapeless",
        """
        provides = ("operations.documents",)
        options = ()
        when_nothing_found = "empty"

        def collect(self, ctx):
            return {"operations": {"documents": {}}}
        """,
        {"type": "object"},
        monkeypatch,
    )
    (tmp_path / "site" / "gonogo_test_shapeless" / "schema.json").unlink()
    snapshot = collect(repo, {}, only=["shapeless"])
    assert snapshot["collectors"]["shapeless"]["errors"] == [
        "has no schema.json beside its module (collectors/<name>/schema.json); its output was dropped"
    ]
    assert "operations" not in snapshot


def test_a_builtin_collectors_output_is_checked_against_its_own_schema(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gonogo.collectors.documents import DocumentsCollector

    def misshapen(self: DocumentsCollector, ctx: Any) -> dict[str, Any]:
        return {"operations": {"documents": {"rollback": [{"path": CANARY}]}}}  # no provenance

    monkeypatch.setattr(DocumentsCollector, "collect", misshapen)
    snapshot = collect(repo, {}, only=["documents"])
    errors = snapshot["collectors"]["documents"]["errors"]
    assert errors and all(
        e.startswith("output breaks its schema.json at /operations/documents/") for e in errors
    )
    assert CANARY not in json.dumps(snapshot)
    assert "operations" not in snapshot


def test_every_builtin_collector_has_a_valid_schema_json_with_its_own_id() -> None:
    from jsonschema import Draft202012Validator

    from gonogo.schema_validation import collector_schema_paths

    found = {path.parent.name: path for path in collector_schema_paths()}
    assert set(found) == set(registry.BUILTIN)
    for name, path in found.items():
        schema = json.loads(path.read_text())
        Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"https://gonogo.dev/schemas/collectors/{name}/schema.json"
        provided_roots = {p.split(".")[0] for p in registry.load(name).provides}
        assert set(schema["properties"]) == provided_roots, name


def test_the_writing_collectors_walkthrough_runs_as_a_plugin(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from gonogo.schema_validation import schema_errors

    page = (Path(__file__).resolve().parents[2] / "docs" / "writing-collectors.md").read_text()
    code = re.search(r"```python\n(.*?)```", page, re.DOTALL)
    schema = re.search(r"```json\n(.*?)```", page, re.DOTALL)
    assert code and schema
    site = tmp_path / "site"
    package = site / "gonogo_ticketing"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(code.group(1))
    (package / "schema.json").write_text(textwrap.dedent(schema.group(1)))
    dist = site / "gonogo_ticketing-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gonogo-ticketing\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[gonogo.collectors]\nticketing = gonogo_ticketing:TicketingCollector\n"
    )
    monkeypatch.syspath_prepend(str(site))
    assert [o.name for o in registry.option_specs()["ticketing"]] == ["ticketing_url"]

    snapshot = collect(repo, {}, only=["ticketing"], options={"ticketing_url": "https://t.invalid"})
    assert "errors" not in snapshot["collectors"]["ticketing"]
    assert snapshot["integrations"] == {"ticketing": {"configured": True}}
    assert schema_errors("snapshot.schema.json", snapshot) == []
    assert "integrations" not in collect(repo, {}, only=["ticketing"])  # absent: nothing found


def test_a_missing_when_nothing_found_is_that_collectors_error(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_plugin(
        tmp_path / "site",
        "modeless",
        """
        provides = ("operations.documents",)
        options = ()

        def collect(self, ctx):
            return {}
        """,
        {"type": "object"},
        monkeypatch,
    )
    snapshot = collect(repo, {}, only=["modeless"])
    assert snapshot["collectors"]["modeless"]["errors"] == [
        "declares no `when_nothing_found` (absent or empty)"
    ]
    assert "operations" not in snapshot


def test_merging_two_collectors_sections_changes_neither_output() -> None:
    from gonogo.collectors.runner import _merge

    first = {"security": {"tables": {"a": 1}, "found": ["x"]}}
    second = {"security": {"tables": {"b": 2}, "found": ["y"]}}
    snapshot: dict[str, Any] = {}
    _merge(snapshot, first)
    _merge(snapshot, second)
    assert snapshot == {"security": {"tables": {"a": 1, "b": 2}, "found": ["x", "y"]}}
    assert first == {"security": {"tables": {"a": 1}, "found": ["x"]}}  # a shared parse stays as read
