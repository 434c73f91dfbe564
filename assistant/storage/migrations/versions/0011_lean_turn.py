"""A lean turn: a message's number in its conversation and an indexed "kept" flag.

``messages.seq`` replaces numbering the whole history on every read; ``messages.pending``
(was ``payload["pending"]``) lets the retry loop find kept messages through an index.

Revision ID: 0011_lean_turn
Revises: 0010_webhook_inbox
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_lean_turn"
down_revision = "0010_webhook_inbox"
branch_labels = None
depends_on = None


messages = sa.table("messages", sa.column("id", sa.Integer), sa.column("conversation_id", sa.String),
                    sa.column("sender", sa.String), sa.column("payload", sa.JSON),
                    sa.column("seq", sa.Integer), sa.column("pending", sa.Boolean))


def upgrade() -> None:
    op.add_column("messages", sa.Column("seq", sa.Integer, nullable=True))
    op.add_column("messages", sa.Column("pending", sa.Boolean, nullable=True))
    earlier = messages.alias("earlier")
    op.execute(messages.update().values(seq=sa.select(sa.func.count(earlier.c.id)).where(
        earlier.c.conversation_id == messages.c.conversation_id, earlier.c.id <= messages.c.id
    ).scalar_subquery()))
    conn = op.get_bind()
    rows = conn.execute(sa.select(messages.c.id, messages.c.payload).where(
        messages.c.sender == "user", messages.c.payload.isnot(None))).all()
    for mid, payload in rows:
        if isinstance(payload, dict) and payload.get("pending"):
            rest = {k: v for k, v in payload.items() if k != "pending"} or None
            conn.execute(messages.update().where(messages.c.id == mid).values(pending=True, payload=rest))
    op.create_index("ix_messages_conversation_id_seq", "messages", ["conversation_id", "seq"], unique=True)
    op.create_index("ix_messages_pending_conversation_id", "messages", ["pending", "conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_messages_pending_conversation_id", "messages")
    op.drop_index("ix_messages_conversation_id_seq", "messages")
    conn = op.get_bind()
    for mid, payload in conn.execute(sa.select(messages.c.id, messages.c.payload).where(
            messages.c.pending == sa.true())).all():
        conn.execute(messages.update().where(messages.c.id == mid).values(payload={**(payload or {}), "pending": True}))
    # In place on SQLite too (3.35+): a batch rebuild of messages would lose rows that point at it.
    op.execute("ALTER TABLE messages DROP COLUMN pending")
    op.execute("ALTER TABLE messages DROP COLUMN seq")
