"""Web conversations get an access token: only its hash is stored, on the conversation.

Revision ID: 0008_web_access
Revises: 0007_console
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_web_access"
down_revision = "0007_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain nullable column: SQLite adds it in place (no batch rebuild of a referenced table).
    op.add_column("conversations", sa.Column("access_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    # In place on SQLite too (3.35+): a batch rebuild of conversations would cascade-delete its messages.
    op.execute("ALTER TABLE conversations DROP COLUMN access_hash")
