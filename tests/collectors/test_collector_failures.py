"""A failing collector can block but never approve, and its error never quotes collected content."""

from __future__ import annotations

import json
from pathlib import Path

from gonogo.collectors import registry
from gonogo.collectors.base import CollectorError
from gonogo.collectors.runner import collect, describe_failure
from gonogo.evaluator.catalog import load_catalog

from gonogo.paths import policies_dir
from tests.support.cli import run_gonogo


def test_unexpected_exception_is_recorded_without_its_message() -> None:
    try:
        int("canary-secret-value-31f9")
    except ValueError as exc:
        text = describe_failure(exc)
    assert "canary-secret-value-31f9" not in text
    assert text.startswith("ValueError at test_collector_failures.py:")


def test_collector_error_keeps_its_written_message() -> None:
    assert describe_failure(CollectorError("cannot list Deployment shop: HTTP 403")) == (
        "CollectorError: cannot list Deployment shop: HTTP 403"
    )


def test_a_collector_that_cannot_even_load_blocks_and_exits_2(
    opa_bin: str, tmp_path: Path, monkeypatch
) -> None:
    # An entry that cannot be imported: its items are unknown, so the decision itself must block.
    (tmp_path / "gonogo.yaml").write_text("context: {serves_eu_users: false}\n")
    broken = dict(registry.BUILTIN, broken="gonogo.collectors.does_not_exist:Nothing")
    monkeypatch.setattr(registry, "BUILTIN", broken)
    snapshot = collect(tmp_path, {})
    assert "ModuleNotFoundError" in snapshot["collectors"]["broken"]["errors"][0]

    from gonogo import api

    report = api.evaluate(snapshot, {})
    assert report["decision"] == "NEEDS_WORK"
    assert "collector(s) failed: broken" in report["decision_reasons"]


def test_cli_exits_2_when_a_collector_fails(opa_bin: str, tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_text(
        json.dumps({"format_version": "1.2", "planned_values": "not an object"})
    )
    snapshot = tmp_path / "snapshot.json"
    collected = run_gonogo("collect", str(tmp_path), "-o", str(snapshot))
    assert collected.returncode == 0, collected.stderr
    document = json.loads(snapshot.read_text())
    document["collectors"]["context"]["errors"] = ["CollectorError: simulated failure"]
    snapshot.write_text(json.dumps(document))
    result = run_gonogo("evaluate", str(snapshot))
    assert result.returncode == 2
    assert "collector(s) failed: context" in result.stderr


# Evidence that no collector gathers yet: the items reading only these report pending
# (docs/documents.md lists them). A collector that starts providing one must remove it here.
NOT_COLLECTED_YET: set[str] = set()


def _covers(path: str, provided: set[str]) -> bool:
    return any(path == p or path.startswith(p + ".") or p.startswith(path + ".") for p in provided)


def test_every_evidence_path_is_provided_by_a_collector(opa_bin: str) -> None:
    """So that a failing collector turns the items that depend on it into errors."""
    provided = {path for name in registry.available() for path in registry.load(name).provides}
    assert not {path for path in NOT_COLLECTED_YET if _covers(path, provided)}
    for item in load_catalog(policies_dir(), opa_bin):
        for path in item.evidence:
            assert _covers(path, provided) or path in NOT_COLLECTED_YET, (
                f"{item.id}: {path} is provided by no collector"
            )
