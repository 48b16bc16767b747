"""How many items the catalog holds: the seed's 114 (fixed IDs, ../shared/seed/checklist-items.tsv)
and gonogo's own items of section G (checks no seed item covers; docs/checklists.md). Tests that
count items use these, so adding an item of section G is one line here, and
tests/core/test_catalog.py checks this list against the catalog."""

from __future__ import annotations

SEED_ITEMS = 114
OWN_ITEMS = ("G.1.1", "G.1.2", "G.1.3", "G.1.4")
CATALOG_ITEMS = SEED_ITEMS + len(OWN_ITEMS)
SECTIONS = 10 + 1
"""The seed's ten sections and section G."""
