"""The Rego catalog holds exactly the seed's 114 items, and gonogo's own items of section G, each
with complete METADATA and tests."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from gonogo.evaluator.catalog import SEVERITIES, CatalogItem, load_catalog, load_thresholds

from gonogo.paths import policies_dir
from tests.support.catalog import CATALOG_ITEMS, OWN_ITEMS, SEED_ITEMS

OWN_SECTION = "G"

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


def _seed(catalog: list[CatalogItem]) -> list[CatalogItem]:
    return [item for item in catalog if item.id.split(".")[0] != OWN_SECTION]


def test_catalog_holds_exactly_the_seed_ids_and_titles(catalog: list[CatalogItem]) -> None:
    expected = {row["id"]: row["title"] for row in _rows(DATA)}
    found = {item.id: item.title for item in _seed(catalog)}
    assert len(_seed(catalog)) == SEED_ITEMS == len(found)
    assert found == expected


def test_every_other_item_is_gonogos_own_in_section_g(catalog: list[CatalogItem]) -> None:
    """The seed's IDs stay as they are; a check no seed item covers is an item of section G,
    after section 10, with its own section title, in every output and in the score."""
    own = [item for item in catalog if item.id.split(".")[0] == OWN_SECTION]
    assert tuple(item.id for item in own) == OWN_ITEMS
    assert len(catalog) == CATALOG_ITEMS
    assert [item.id for item in catalog][-len(own) :] == list(OWN_ITEMS)  # sorted after 10.3.5
    for item in own:
        assert re.fullmatch(r"G\.[0-9]+\.[0-9]+", item.id), item.id
        assert item.section_title == "gonogo's Own Checks", item.id
        assert item.file.startswith("policies/items/gonogo_checks/"), item.file
        assert item.criteria, item.id


def test_criteria_are_the_seed_sub_bullets(catalog: list[CatalogItem]) -> None:
    seeded = {
        row["id"]: [c for c in row['criteria (sub-bullets, joined by " | ")'].split(" | ") if c]
        for row in _rows(DATA)
    }
    for item in _seed(catalog):
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
    assert sorted(ids) == sorted([row["id"] for row in _rows(DATA)] + list(OWN_ITEMS))


_THRESHOLD_CALL = re.compile(r'threshold\("([^"]+)",\s*("[^"]*"|true|false|-?[0-9.]+)\)')


def _package_of(source: str) -> str:
    return "data." + next(line for line in source.splitlines() if line.startswith("package ")).split()[1]


def test_every_threshold_call_default_is_its_packages_metadata_default(opa_bin: str) -> None:
    """result.threshold(name, default) and the METADATA custom.thresholds can't drift: every
    call with a literal default is declared in its own package's METADATA with that default."""
    declared: dict[tuple[str, str], object] = {}
    for item in load_catalog(policies_dir(), opa_bin):
        declared.update({(item.package, t.name): t.default for t in item.thresholds})
    for name, threshold in load_thresholds(policies_dir(), opa_bin).items():
        declared.setdefault((threshold.package, name), threshold.default)
    calls = 0
    for path in sorted(policies_dir().rglob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        source = path.read_text()
        for name, literal in _THRESHOLD_CALL.findall(source):
            calls += 1
            key = (_package_of(source), name)
            assert key in declared, f"{path}: threshold {name} is not in its package's METADATA"
            assert declared[key] == json.loads(literal), f"{path}: {name} default differs from METADATA"
    assert calls >= 60


def test_a_threshold_name_has_one_default_everywhere(opa_bin: str) -> None:
    defaults: dict[str, set[str]] = {}
    for item in load_catalog(policies_dir(), opa_bin):
        for threshold in item.thresholds:
            defaults.setdefault(threshold.name, set()).add(json.dumps(threshold.default))
            assert threshold.unit, f"{item.id}: {threshold.name} lacks its unit"
            assert threshold.description, f"{item.id}: {threshold.name} lacks its description"
    assert {name: values for name, values in defaults.items() if len(values) > 1} == {}
