"""Model version on every conversation: the Rasa model (``model_id``) that last answered it.

Revision ID: 0006_conversation_model
Revises: 0005_learning
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_conversation_model"
down_revision = "0005_learning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite supports it without copying the table (and its messages).
    op.add_column("conversations", sa.Column("model_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("model_id")
