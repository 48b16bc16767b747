"""`gonogo check` (gonogo.api.check, the real OPA) on services assembled from the fixtures: migrations,
their JUnit results (made by pytest), a GitHub Actions workflow (read by the pipelines collector) and
saved PostgreSQL plans decide 4.2.3, 4.2.1's index and query criteria and 7.2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gonogo.api import check
from tests.collectors.migrations.migrations_helpers import compose

pytestmark = [pytest.mark.opa, pytest.mark.slow]

INDEXES = "Indexes created for performance"
QUERIES = "Query optimization validated"


def _items(root: Path, config: str = "service: shop\n") -> dict[str, Any]:
    (root / "gonogo.yaml").write_text(config)
    report = check(root, root / "gonogo.yaml")
    return {item["id"]: item for item in report["items"]}


def _criteria(item: dict[str, Any]) -> dict[str, str]:
    return {c["text"]: c["verdict"] for c in item["criteria"]}


def _message(item: dict[str, Any], text: str) -> str:
    return next(c["message"] for c in item["criteria"] if c["text"] == text)


def test_tested_reversible_migrations_after_a_backup_pass(tmp_path: Path):
    root = compose(
        tmp_path,
        {
            "migrations": "alembic-good/migrations",
            "reports/junit.xml": "junit/migrations-passing.xml",
            ".github/workflows/deploy.yml": "workflows/backup-first.yml",
            "perf": "plans-good/perf",
        },
    )
    items = _items(root)
    assert items["4.2.3"]["verdict"] == "pass"
    assert set(_criteria(items["4.2.3"]).values()) == {"pass"}
    assert {k: v for k, v in _criteria(items["4.2.1"]).items() if k in (INDEXES, QUERIES)} == {
        INDEXES: "pass",
        QUERIES: "pass",
    }
    assert items["7.2.2"]["verdict"] == "pass"
    assert "3 test(s) on migrations passed; 1 migration(s) (alembic)" in _message(
        items["4.2.3"], "Migration scripts tested"
    )


def test_irreversible_untested_migrations_without_backup_fail(tmp_path: Path):
    root = compose(
        tmp_path,
        {
            "migrations": "alembic-bad/migrations",
            "reports/junit.xml": "junit/migrations-failing.xml",
            ".github/workflows/deploy.yml": "workflows/no-backup.yml",
            "perf": "plans-bad/perf",
        },
    )
    items = _items(root)
    assert set(_criteria(items["4.2.3"]).values()) == {"fail"}
    assert "cannot be rolled back: migrations/versions/9065d6ac4f16_drop_email_from_users.py:21" in _message(
        items["4.2.3"], "Rollback procedures verified"
    )
    assert _message(items["4.2.3"], "Backup taken before migration") == (
        "migrations run with no backup step before them: .github/workflows/deploy.yml:15"
    )
    assert "coupons(order_id)" in _message(items["4.2.1"], INDEXES)
    assert "orders reads 100000 rows" in _message(items["4.2.1"], QUERIES)
    assert items["7.2.2"]["verdict"] == "fail"


def test_flyway_and_liquibase_failures_with_a_higher_scan_limit(tmp_path: Path):
    root = compose(
        tmp_path, {"db": "flyway-bad/db", "changelog": "liquibase-bad/db/changelog", "perf": "plans-bad/perf"}
    )
    items = _items(root, "service: shop\nthresholds:\n  database.full_scan_rows: 200000\n")
    rollback = _message(items["4.2.3"], "Rollback procedures verified")
    assert rollback.startswith("6 of 8 migration(s) cannot be rolled back")
    assert _criteria(items["4.2.1"])[QUERIES] == "pass"  # 100000 rows < 200000
    assert "person(company_id)" in _message(items["4.2.1"], INDEXES)


def test_a_broken_migration_keeps_the_item_from_passing(tmp_path: Path):
    root = compose(
        tmp_path,
        {
            "migrations": "malformed/migrations",
            "reports/junit.xml": "junit/migrations-passing.xml",
            ".github/workflows/deploy.yml": "workflows/backup-first.yml",
        },
    )
    items = _items(root)
    assert items["4.2.3"]["verdict"] != "pass"


def test_no_migrations_leaves_the_items_pending(tmp_path: Path):
    root = compose(tmp_path, {"reports/junit.xml": "junit/migrations-passing.xml"})
    items = _items(root)
    assert items["4.2.3"]["verdict"] == "pending"
    assert _criteria(items["4.2.1"])[INDEXES] == "pending"
    assert items["7.2.2"]["verdict"] == "pending"
