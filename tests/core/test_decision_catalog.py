"""The catalog each decision carries (policies/main `catalog`, each item's `metadata` rule) is the
catalog `opa inspect` reads, field for field and line for line, and it still lists an item whose
report is undefined, which then becomes an error rather than disappearing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gonogo.evaluator.catalog import CatalogItem, decision_catalog, load_catalog
from gonogo.evaluator.engine import EngineOptions, new_run, require_decision
from gonogo.evaluator.engines import make_engine
from gonogo.evaluator.policy_files import package_rows
from gonogo.evaluator.verdicts import merge_with_catalog

from gonogo.errors import OpaError
from gonogo.paths import policies_dir
from tests.support.policies import edited_seed

ITEM = Path("items/security/d3fend/d3_apm.rego")
"""A seed item whose report is made undefined in a copy of the policies."""
REPORT = "report := result.item(metadata, criteria)\n"


def _decision(policies: Path, opa_bin: str) -> dict[str, Any]:
    engine = make_engine(EngineOptions(transport="eval", opa_bin=opa_bin), policies)
    return engine.evaluate({"schema_version": "1", "context": {}})


def _described(catalog: list[CatalogItem]) -> list[dict[str, Any]]:
    return [{**item.as_dict(), "section_title": item.section_title} for item in catalog]


@pytest.fixture(scope="module")
def seed_decision(opa_bin: str) -> dict[str, Any]:
    return _decision(policies_dir(), opa_bin)


def test_the_decisions_catalog_is_the_one_opa_inspect_reads(
    seed_decision: dict[str, Any], opa_bin: str
) -> None:
    from_decision = decision_catalog(seed_decision["catalog"], package_rows(policies_dir()))
    assert len(from_decision) > 100
    assert _described(from_decision) == _described(load_catalog(policies_dir(), opa_bin))


def test_every_reported_item_is_in_the_decisions_catalog(seed_decision: dict[str, Any]) -> None:
    listed = {item.id for item in decision_catalog(seed_decision["catalog"], package_rows(policies_dir()))}
    assert set(seed_decision["items"]) == listed


def test_an_item_whose_report_is_undefined_is_listed_as_an_error(tmp_path: Path, opa_bin: str) -> None:
    policies = edited_seed(
        tmp_path, ITEM, "report := result.item(metadata, criteria)\n", "report := 1 if false\n"
    )

    decision = _decision(policies, opa_bin)
    catalog = decision_catalog(decision["catalog"], package_rows(policies))
    broken = next(entry for entry in catalog if entry.file == f"policies/{ITEM.as_posix()}")
    assert broken.id not in decision["items"]
    merged = {entry["id"]: entry for entry in merge_with_catalog(decision["items"], catalog)}
    assert merged[broken.id]["verdict"] == "error"
    assert merged[broken.id]["criteria"][0]["message"] == "OPA returned no valid report for this item"
    assert sum(entry["verdict"] == "error" for entry in merged.values()) == 1


def test_a_package_no_policy_file_declares_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.rego").write_text("package gonogo.items.a.b.c\n")
    notes = {"scope": "package", "custom": {"id": "9.9.9", "severity": "low"}}
    assert [item.id for item in decision_catalog({"gonogo.items.a.b.c": notes}, package_rows(tmp_path))] == [
        "9.9.9"
    ]
    with pytest.raises(OpaError, match=r"package gonogo\.items\.x\.y\.z, which no policy file declares"):
        decision_catalog({"gonogo.items.x.y.z": notes}, package_rows(tmp_path))


def test_a_package_without_an_id_is_not_an_item(tmp_path: Path) -> None:
    (tmp_path / "a.rego").write_text("package gonogo.items.a.b.c\n")
    assert (
        decision_catalog(
            {"gonogo.items.a.b.c": {"scope": "package", "title": "helper"}}, package_rows(tmp_path)
        )
        == []
    )


def test_package_rows_are_the_declarations_line_in_each_policy_file(tmp_path: Path) -> None:
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "one.rego").write_text(
        "# METADATA\n# title: one\n# custom:\n#   id: x\npackage gonogo.items.a.b.one # trailing\n\nx := 1\n"
    )
    (tmp_path / "items" / "one_test.rego").write_text("package gonogo.items.a.b.one_test\n")
    (tmp_path / "items" / "garbled.rego").write_text("package \npackage a b\n")  # no declaration read
    assert package_rows(tmp_path) == {"gonogo.items.a.b.one": (f"{tmp_path.name}/items/one.rego", 5)}


def test_a_catalog_that_is_not_metadata_by_package_is_refused() -> None:
    run = new_run()
    decision = {"items": {"1": {}}, "approvals": [], "run": {"nonce": run.nonce}}
    assert "catalog" not in require_decision({"result": decision}, "opa", run)
    for catalog in (["a"], {"gonogo.items.a.b.c": "text"}):
        with pytest.raises(OpaError, match="catalog is not an object of METADATA by package"):
            require_decision({"result": {**decision, "catalog": catalog}}, "opa", run)
