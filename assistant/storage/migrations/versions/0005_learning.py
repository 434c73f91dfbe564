"""Learning loop: reviewed corrections, reviews, FAQ-topic requests, improvement runs.

Revision ID: 0005_learning
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_learning"
down_revision = "0001_core"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "learning_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128), nullable=False),
        sa.Column("message_id", sa.Integer, nullable=True),
        sa.Column("annotation_id", sa.Integer, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("intent", sa.String(96), nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
        sa.Column("adviser_id", sa.Integer, nullable=True),
        sa.Column("adviser_name", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("decided_at", TZ, nullable=True),
        sa.Column("withdrawn_at", TZ, nullable=True),
        sa.Column("withdrawn_by", sa.String(64), nullable=True),
    )
    op.create_index("ix_learning_corrections_conversation_id", "learning_corrections", ["conversation_id"])
    op.create_index("ix_learning_corrections_status", "learning_corrections", ["status"])
    op.create_table(
        "learning_reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("correction_id", sa.Integer,
                  sa.ForeignKey("learning_corrections.id", ondelete="CASCADE",
                                name="fk_learning_reviews_correction_id_learning_corrections"),
                  nullable=False),
        sa.Column("reviewer_id", sa.Integer, nullable=False),
        sa.Column("reviewer_name", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(8), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.UniqueConstraint("correction_id", "reviewer_id", name="uq_learning_reviews_reviewer"),
    )
    op.create_index("ix_learning_reviews_correction_id", "learning_reviews", ["correction_id"])
    op.create_table(
        "learning_faq_requests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("topic", sa.String(96), nullable=False),
        sa.Column("adviser_name", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "learning_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("dry_run", sa.Boolean, nullable=False),
        sa.Column("candidate_model", sa.String(255), nullable=True),
        sa.Column("promoted", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("report", sa.JSON, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("learning_runs")
    op.drop_table("learning_faq_requests")
    op.drop_index("ix_learning_reviews_correction_id", table_name="learning_reviews")
    op.drop_table("learning_reviews")
    op.drop_index("ix_learning_corrections_status", table_name="learning_corrections")
    op.drop_index("ix_learning_corrections_conversation_id", table_name="learning_corrections")
    op.drop_table("learning_corrections")
