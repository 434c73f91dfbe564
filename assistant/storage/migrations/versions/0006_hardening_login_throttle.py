"""Hardening: growing login delays per client address and per account, shared by all replicas.

Revision ID: 0006_hardening
Revises: 0003_handoff
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_hardening"
down_revision = "0003_handoff"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("account", sa.String(64), nullable=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("blocked_until", TZ, nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_login_throttle_account", "login_throttle", ["account"])
    op.create_index("ix_login_throttle_updated_at", "login_throttle", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_login_throttle_updated_at", table_name="login_throttle")
    op.drop_index("ix_login_throttle_account", table_name="login_throttle")
    op.drop_table("login_throttle")
