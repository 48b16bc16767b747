"""What docs/writing-items.md promises of the item tests, checked for every item: each item has
a `<item>_test.rego` beside it that exercises a pending case, and (except the items listed
below, which today test only the pending case) a passing and a failing case too. The check
is on the verdict words the tests assert (`"pass"`, `"fail"`, `"pending"`)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.catalog import CATALOG_ITEMS
from tests.support.cli import REPO

ITEMS = REPO / "policies" / "items"
# Items whose tests do not yet exercise both a pass and a fail (issue #14: say exactly what
# holds). Shrink this list; the test fails when an item is listed but already has both.
WITHOUT_PASS_AND_FAIL: set[str] = set()


def _item_files() -> list[Path]:
    return sorted(
        path
        for path in ITEMS.rglob("*.rego")
        if not path.name.endswith("_test.rego") and re.search(r"^#   id: ", path.read_text(), re.M)
    )


def _asserted(test_file: Path) -> set[str]:
    text = test_file.read_text()
    return {verdict for verdict in ("pass", "fail", "pending") if f'"{verdict}"' in text}


def test_every_item_has_tests_with_a_pending_case() -> None:
    items = _item_files()
    assert len(items) == CATALOG_ITEMS
    for item in items:
        tests = item.with_name(f"{item.stem}_test.rego")
        assert tests.is_file(), f"{item}: no {tests.name} beside it"
        assert "pending" in _asserted(tests), f"{tests}: no pending case"


def test_every_item_has_a_passing_and_a_failing_case_or_is_listed() -> None:
    found = {
        item.relative_to(ITEMS).with_suffix("").as_posix()
        for item in _item_files()
        if not {"pass", "fail"} <= _asserted(item.with_name(f"{item.stem}_test.rego"))
    }
    assert found == WITHOUT_PASS_AND_FAIL
