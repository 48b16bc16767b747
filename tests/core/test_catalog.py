"""The Rego catalog holds exactly the seed's 114 items, each with complete METADATA and tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from gonogo.evaluator.catalog import SEVERITIES, CatalogItem, load_catalog

from gonogo.paths import policies_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "checklist-items.tsv"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "checklist-items.tsv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def catalog(opa_bin: str) -> list[CatalogItem]:
    return load_catalog(policies_dir(), opa_bin)


def test_vendored_item_list_matches_the_seed() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    assert DATA.read_text() == SEED.read_text()


def test_catalog_holds_exactly_the_seed_ids_and_titles(catalog: list[CatalogItem]) -> None:
    expected = {row["id"]: row["title"] for row in _rows(DATA)}
    found = {item.id: item.title for item in catalog}
    assert len(catalog) == 114 == len(found)
    assert found == expected


def test_criteria_are_the_seed_sub_bullets(catalog: list[CatalogItem]) -> None:
    seeded = {
        row["id"]: [c for c in row['criteria (sub-bullets, joined by " | ")'].split(" | ") if c]
        for row in _rows(DATA)
    }
    for item in catalog:
        if seeded[item.id]:
            assert list(item.criteria) == seeded[item.id], item.id
        else:  # an item without sub-bullets has one criterion: its own claim
            assert len(item.criteria) == 1 and item.criteria[0] in item.title, item.id


def test_every_item_has_complete_metadata(catalog: list[CatalogItem]) -> None:
    for item in catalog:
        assert item.severity in SEVERITIES, item.id
        assert item.section.startswith(item.id.rsplit(".", 1)[0] + " "), item.id
        assert item.evidence, f"{item.id} names no evidence"
        assert item.description and item.remediation, item.id


def test_every_item_has_tests_beside_it(catalog: list[CatalogItem]) -> None:
    for item in catalog:
        rule = Path(item.file)
        rule = rule if rule.is_absolute() else policies_dir().parent / rule
        assert rule.with_name(rule.stem + "_test.rego").is_file(), f"{item.id}: no {rule.stem}_test.rego"


def test_catalog_command_lists_the_ids(opa_bin: str) -> None:
    import json

    from tests.support.cli import run_gonogo

    result = run_gonogo("catalog", "--format", "json")
    assert result.returncode == 0, result.stderr
    ids = [entry["id"] for entry in json.loads(result.stdout)]
    assert sorted(ids) == sorted(row["id"] for row in _rows(DATA))
