"""Webhook inbox: WhatsApp and Telegram updates are stored, acknowledged, then processed.

Replaces ``channel_processed_inbound``: the inbox's unique (platform, external_id) is the
redelivery check now.

Revision ID: 0010_webhook_inbox
Revises: 0009_adviser_lokets, 0004_channels (a merge: it drops 0004's table, so 0004 must run first)
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_webhook_inbox"
down_revision = ("0009_adviser_lokets", "0004_channels")
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "channel_inbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(200), nullable=False),
        sa.Column("conversation_id", sa.String(128), nullable=True),
        sa.Column("payload", sa.JSON, nullable=True),
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("claimed_at", TZ, nullable=True),
        sa.UniqueConstraint("platform", "external_id", name="uq_channel_inbox_platform_external_id"),
    )
    op.create_index("ix_channel_inbox_state_received_at", "channel_inbox", ["state", "received_at"])
    op.create_index("ix_channel_inbox_conversation_id", "channel_inbox", ["conversation_id"])
    op.drop_index("ix_channel_processed_inbound_received_at", "channel_processed_inbound")
    op.drop_table("channel_processed_inbound")


def downgrade() -> None:
    op.create_table(
        "channel_processed_inbound",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_index("ix_channel_processed_inbound_received_at", "channel_processed_inbound", ["received_at"])
    op.drop_index("ix_channel_inbox_conversation_id", "channel_inbox")
    op.drop_index("ix_channel_inbox_state_received_at", "channel_inbox")
    op.drop_table("channel_inbox")
