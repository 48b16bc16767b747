"""Plain-text views of the same facts the docs site shows: for `gonogo explain` and `catalog -f markdown`."""

from __future__ import annotations

from collections.abc import Iterable

from gonogo.evaluator.catalog import CatalogItem
from gonogo.site.model import TEST_VERDICTS, ItemPage


def numbered_source(source: str) -> list[str]:
    return [f"{n:>4}  {line}" for n, line in enumerate(source.splitlines(), start=1)]


def explain_lines(page: ItemPage) -> list[str]:
    """The collectors behind each evidence path, the tests in words, then the rule's source."""
    lines = ["collectors:"]
    lines += [f"  {path}: {', '.join(names) or 'no collector'}" for path, names in page.providers.items()]
    lines.append(f"tests:       policies/{page.test_path}" if page.test_path else "tests:       none")
    for verdict in TEST_VERDICTS:
        lines += [f"  [{verdict}] {test.words}" for test in page.tests if test.group == verdict]
    lines.append(f"source:      policies/{page.source_path}")
    lines += numbered_source(page.source)
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalog_markdown(items: Iterable[CatalogItem]) -> str:
    """Every item with its criteria, one list item each (not a count)."""
    rows = ["| ID | Item | Severity | Criteria | Evidence |", "|---|---|---|---|---|"]
    for item in items:
        criteria = "<br>".join(f"• {_cell(text)}" for text in item.criteria)
        rows.append(
            f"| {item.id} | {_cell(item.title)} | {item.severity} | {criteria} | {', '.join(item.evidence)} |"
        )
    return "\n".join(rows)
