"""Every item sample (policies/items/**/samples/<item>/<case>/ + suite.yaml) gives the verdicts
its suite states, through the real collectors and OPA (`gonogo check <case> --collector ...`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gonogo.evaluator.catalog import CatalogItem, load_catalog

from gonogo.paths import policies_dir
from tests.support.samples import (
    SampleCase,
    items_for_collector,
    load_suite,
    run_cases,
    sample_cases,
    suite_files,
)

CASES = sample_cases()
VERDICTS = {"pass", "fail", "pending", "not_applicable", "error"}


@pytest.fixture(scope="module")
def catalog(opa_bin: str) -> list[CatalogItem]:
    return load_catalog(policies_dir(), opa_bin)


@pytest.fixture(scope="module")
def judged(opa_bin: str) -> dict[str, dict[str, Any]]:
    """Every case's report item, from one batch (one OPA server for the whole file)."""
    return run_cases(CASES, opa_bin)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_sample_gives_the_suites_verdicts(judged: dict[str, dict[str, Any]], case: SampleCase) -> None:
    found = judged[case.name]
    assert found["verdict"] == case.verdict, found["criteria"]
    verdicts = {criterion["text"]: criterion["verdict"] for criterion in found["criteria"]}
    assert {text: verdicts.get(text) for text in case.criteria} == case.criteria


@pytest.mark.parametrize("suite", suite_files(), ids=lambda path: path.parent.name)
def test_suite_names_its_item_and_has_a_passing_and_a_failing_case(
    suite: Path, catalog: list[CatalogItem]
) -> None:
    cases = load_suite(suite)
    entry = next(item for item in catalog if item.id == cases[0].item_id)
    assert Path(entry.file).stem == suite.parent.name, "samples/<name>/ sits beside <name>.rego"
    assert {case.verdict for case in cases} >= {"pass", "fail"}
    for case in cases:
        assert case.folder.is_dir(), case.folder
        assert set(case.criteria) <= set(entry.criteria), case.name
        assert set(case.criteria.values()) <= VERDICTS


def test_items_for_collector_are_derived_from_metadata(catalog: list[CatalogItem]) -> None:
    kubernetes = items_for_collector("kubernetes", catalog)
    terraform = items_for_collector("terraform", catalog)
    by_id = {item.id: item for item in catalog}
    assert {case.item_id for case in CASES if "kubernetes" in case.collectors} <= kubernetes
    for item_id in kubernetes:
        assert any(e.startswith("kubernetes") for e in by_id[item_id].evidence) or any(
            item_id == case.item_id for case in CASES
        )
    assert "7.1.1" in kubernetes and "7.1.1" not in terraform
    assert "4.3.3" in terraform  # CDN: infrastructure.cdn only
    assert "4.3.3" not in kubernetes
    with pytest.raises(KeyError):
        items_for_collector("no-such-collector", catalog)
