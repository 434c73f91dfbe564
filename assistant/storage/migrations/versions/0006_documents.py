"""Advice documents (the advice to keep) and advice feedback (thumbs up/down).

Revision ID: 0006_documents
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_documents"
# Like every feature, its own branch on top of the core tables (migrate.py upgrades "heads").
down_revision = "0001_core"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _conversation_fk() -> sa.Column:
    return sa.Column("conversation_id", sa.String(128), sa.ForeignKey("conversations.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "advice_documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _conversation_fk(),
        sa.Column("profile", sa.JSON, nullable=False),
        sa.Column("peildatum", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("emailed_at", TZ, nullable=True),
    )
    op.create_index("ix_advice_documents_conversation_id", "advice_documents", ["conversation_id"])
    op.create_index("ix_advice_documents_expires_at", "advice_documents", ["expires_at"])
    op.create_table(
        "advice_feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _conversation_fk(),
        sa.Column("rating", sa.String(8), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_advice_feedback_conversation_id", "advice_feedback", ["conversation_id"])
    op.create_index("ix_advice_feedback_created_at", "advice_feedback", ["created_at"])


def downgrade() -> None:
    op.drop_table("advice_feedback")
    op.drop_table("advice_documents")
