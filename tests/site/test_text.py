"""The text views behind `gonogo explain` and `gonogo catalog -f markdown`."""

from __future__ import annotations

from gonogo.evaluator.catalog import load_catalog

from gonogo.paths import policies_dir
from gonogo.site.model import item_details, load_collectors
from gonogo.site.text import catalog_markdown, explain_lines
from tests.support.catalog import CATALOG_ITEMS


def test_explain_shows_collectors_tests_and_the_source(opa_bin: str) -> None:
    policies = policies_dir()
    item = next(i for i in load_catalog(policies, opa_bin) if i.id == "1.1.1")
    lines = explain_lines(item_details(policies, item, load_collectors()))
    assert "  quality.coverage: reports" in lines
    assert "tests:       policies/items/testing/test_coverage/unit_tests_test.rego" in lines
    assert any(line.startswith("  [pass] ") for line in lines)
    assert any(line.startswith("  [fail] ") for line in lines)
    assert "   1  # METADATA" in lines
    assert any(line.endswith("package gonogo.items.testing.test_coverage.unit_tests") for line in lines)


def test_catalog_markdown_lists_each_criterion(opa_bin: str) -> None:
    items = load_catalog(policies_dir(), opa_bin)
    text = catalog_markdown(items)
    assert len(text.splitlines()) == 2 + CATALOG_ITEMS
    for item in items:
        for criterion in item.criteria:
            assert criterion.replace("|", "\\|") in text, (item.id, criterion)
