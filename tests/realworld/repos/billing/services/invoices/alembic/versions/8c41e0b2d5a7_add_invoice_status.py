"""add invoice status and drop legacy pdf column

Revision ID: 8c41e0b2d5a7
Revises: 3f2a9c1d7b10
Create Date: 2026-10-02 16:40:09.550113

"""
import sqlalchemy as sa
from alembic import op

revision = "8c41e0b2d5a7"
down_revision = "3f2a9c1d7b10"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "invoices",
        sa.Column("status", sa.String(length=16), nullable=False, server_default="issued"),
    )
    op.drop_column("invoices", "legacy_pdf_path")


def downgrade():
    pass
