"""create payments

Revision ID: a1228f22d1ae
Revises: bd0d4180e4ff
Create Date: 2026-11-02 10:41:09.772530

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'a1228f22d1ae'
down_revision: Union[str, Sequence[str], None] = 'bd0d4180e4ff'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "payments",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.Column("payment_intent", sa.String(64), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="fk_payments_order_id"),
        sa.UniqueConstraint("payment_intent", name="uq_payments_payment_intent"),
        sa.CheckConstraint("amount_cents > 0", name="ck_payments_amount_positive"),
    )
    op.create_index("ix_payments_order_id", "payments", ["order_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_payments_order_id", table_name="payments")
    op.drop_table("payments")
