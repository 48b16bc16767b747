"""docs/evidence.md names each item's evidence and is exactly what `gonogo catalog -f evidence`
prints today (issue #9: the docs name each item's evidence)."""

from __future__ import annotations

from gonogo.evaluator.catalog import load_catalog

from gonogo.paths import policies_dir
from gonogo.site.evidence import collector_provides, evidence_markdown
from tests.support.cli import REPO


def test_docs_evidence_is_current() -> None:
    items = load_catalog(policies_dir())
    generated = evidence_markdown(items, collector_provides())
    committed = (REPO / "docs" / "evidence.md").read_text()
    assert committed == generated, "regenerate it: gonogo catalog -f evidence > docs/evidence.md"
    assert all(f"| {item.id} |" in committed for item in items)
    assert "no collector" not in committed, "an item reads a snapshot path no collector provides"
