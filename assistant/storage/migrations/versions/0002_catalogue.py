"""Course catalogue: courses and their links to Ontwikkelpad functions.

Revision ID: 0002_catalogue
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_catalogue"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_courses",
        sa.Column("id", sa.String(96), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("nlqf", sa.Integer, nullable=True),
        sa.Column("forms", sa.JSON, nullable=False),
        sa.Column("duration", sa.String(200), nullable=False),
        sa.Column("provider", sa.String(200), nullable=True),
        sa.Column("cost", sa.String(200), nullable=True),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("region_code", sa.String(4), nullable=True),
        sa.Column("where_to_find", sa.Text, nullable=False),
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "catalogue_course_functions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "course_id",
            sa.String(96),
            sa.ForeignKey(
                "catalogue_courses.id",
                ondelete="CASCADE",
                name="fk_catalogue_course_functions_course_id_catalogue_courses",
            ),
            nullable=False,
        ),
        sa.Column("sector", sa.String(40), nullable=False),
        sa.Column("function_id", sa.String(96), nullable=True),
        sa.Column("function_name", sa.String(200), nullable=True),
        sa.UniqueConstraint("course_id", "sector", "function_id", name="uq_catalogue_course_functions_link"),
    )
    op.create_index("ix_catalogue_course_functions_course_id", "catalogue_course_functions", ["course_id"])
    op.create_index("ix_catalogue_course_functions_sector", "catalogue_course_functions", ["sector"])


def downgrade() -> None:
    op.drop_table("catalogue_course_functions")
    op.drop_table("catalogue_courses")
