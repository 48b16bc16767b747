"""Migration tests, run in CI against a throw-away PostgreSQL (MIGRATIONS_DATABASE_URL).

The JUnit report of this module is kept in reports/tests/junit-migrations.xml.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("MIGRATIONS_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(not URL, reason="MIGRATIONS_DATABASE_URL is not set")


@pytest.fixture
def alembic_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[Config]:
    monkeypatch.setenv("DATABASE_URL", URL)
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    command.downgrade(config, "base")
    yield config
    command.downgrade(config, "base")


@pytest.fixture
def engine() -> Iterator[sa.Engine]:
    eng = sa.create_engine(URL)
    yield eng
    eng.dispose()


def _revisions(config: Config) -> list[str]:
    script = ScriptDirectory.from_config(config)
    return [r.revision for r in reversed(list(script.walk_revisions("base", "heads")))]


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


def test_migrations_upgrade_to_head(alembic_config: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_config, "head")
    assert _tables(engine) == {"customers", "products", "orders", "order_items", "payments"}


def test_migrations_have_a_single_head(alembic_config: Config) -> None:
    assert len(ScriptDirectory.from_config(alembic_config).get_heads()) == 1


def test_downgrade_stairway(alembic_config: Config, engine: sa.Engine) -> None:
    """Each revision upgrades, downgrades to its parent and upgrades again."""
    for revision in _revisions(alembic_config):
        command.upgrade(alembic_config, revision)
        command.downgrade(alembic_config, "-1")
        command.upgrade(alembic_config, revision)
    command.downgrade(alembic_config, "base")
    assert _tables(engine) == set()


def test_foreign_key_indexes_exist(alembic_config: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_config, "head")
    inspector = sa.inspect(engine)
    for table in ("orders", "order_items", "payments"):
        leading = {tuple(i["column_names"][:1]) for i in inspector.get_indexes(table)}
        for fk in inspector.get_foreign_keys(table):
            assert tuple(fk["constrained_columns"][:1]) in leading, (table, fk["name"])


def _seed(connection: sa.Connection) -> None:
    connection.execute(sa.text("INSERT INTO customers (email, name) VALUES ('a@mail.example', 'A')"))
    connection.execute(sa.text("INSERT INTO products (sku, name, price_cents) VALUES ('SKU-1', 'Mug', 900)"))
    connection.execute(sa.text("INSERT INTO orders (customer_id, total_cents) SELECT id, 900 FROM customers"))
    connection.execute(
        sa.text(
            "INSERT INTO order_items (order_id, product_id, quantity, price_cents) "
            "SELECT o.id, p.id, 1, 900 FROM orders o, products p"
        )
    )


def test_data_integrity_referential_constraints(alembic_config: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_config, "head")
    with engine.begin() as connection:
        _seed(connection)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO orders (customer_id, total_cents) VALUES (999999, 100)"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text("UPDATE order_items SET quantity = 0"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO products (sku, name, price_cents) VALUES ('SKU-1', 'Copy', 100)"))


def test_data_integrity_no_orphans_after_upgrade(alembic_config: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_config, "bd0d4180e4ff")
    with engine.begin() as connection:
        _seed(connection)
    command.upgrade(alembic_config, "head")
    with engine.connect() as connection:
        orphans = connection.execute(
            sa.text(
                "SELECT count(*) FROM order_items oi LEFT JOIN orders o ON o.id = oi.order_id WHERE o.id IS NULL"
            )
        ).scalar_one()
        rows = connection.execute(sa.text("SELECT count(*) FROM order_items")).scalar_one()
    assert (orphans, rows) == (0, 1)
