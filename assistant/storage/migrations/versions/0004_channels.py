"""Channel tables: processed inbound ids, delivery addresses, numbered options, button payloads.

Revision ID: 0004_channels
Revises: 0001_core
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_channels"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def _conversation_fk(table: str) -> sa.Column:
    return sa.Column(
        "conversation_id", sa.String(128),
        sa.ForeignKey("conversations.id", ondelete="CASCADE",
                      name=f"fk_{table}_conversation_id_conversations"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "channel_processed_inbound",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_channel_processed_inbound_received_at", "channel_processed_inbound", ["received_at"])
    op.create_table(
        "channel_addresses",
        _conversation_fk("channel_addresses"),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "channel_numbered_options",
        _conversation_fk("channel_numbered_options"),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "channel_button_payloads",
        _conversation_fk("channel_button_payloads"),
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("channel_button_payloads")
    op.drop_table("channel_numbered_options")
    op.drop_table("channel_addresses")
    op.drop_index("ix_channel_processed_inbound_received_at", "channel_processed_inbound")
    op.drop_table("channel_processed_inbound")
