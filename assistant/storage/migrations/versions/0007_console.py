"""Console: claiming and assigning cases and tickets, intake notes, ticket notes and call attempts.

Revision ID: 0007_console
Revises: 0006_hardening
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_console"
down_revision = "0006_hardening"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
ADVISER_FK = {"ondelete": "SET NULL"}


def _add_assignee(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; a batch rebuild would drop the table,
        # and with foreign keys on that deletes the tickets of every case (ON DELETE CASCADE).
        op.execute(f"ALTER TABLE {table} ADD COLUMN assignee_id INTEGER "
                   "REFERENCES advisers (id) ON DELETE SET NULL")
    else:
        op.add_column(table, sa.Column("assignee_id", sa.Integer, nullable=True))
        op.create_foreign_key(f"fk_{table}_assignee_id_advisers", table, "advisers", ["assignee_id"], ["id"],
                              **ADVISER_FK)


def upgrade() -> None:
    for table in ("handoff_cases", "handoff_tickets"):
        _add_assignee(table)
        op.add_column(table, sa.Column("assigned_at", TZ, nullable=True))
        op.create_index(f"ix_{table}_assignee_id", table, ["assignee_id"])
    op.add_column("handoff_cases", sa.Column("intake_notes", sa.JSON, nullable=True))
    op.add_column("handoff_tickets", sa.Column("outcome", sa.String(16), nullable=True))
    op.create_table(
        "handoff_ticket_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("handoff_tickets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("adviser_id", sa.Integer, sa.ForeignKey("advisers.id", **ADVISER_FK), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_handoff_ticket_notes_ticket_id", "handoff_ticket_notes", ["ticket_id"])
    op.create_table(
        "handoff_call_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey("handoff_tickets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("adviser_id", sa.Integer, sa.ForeignKey("advisers.id", **ADVISER_FK), nullable=True),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_handoff_call_attempts_ticket_id", "handoff_call_attempts", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_handoff_call_attempts_ticket_id", table_name="handoff_call_attempts")
    op.drop_table("handoff_call_attempts")
    op.drop_index("ix_handoff_ticket_notes_ticket_id", table_name="handoff_ticket_notes")
    op.drop_table("handoff_ticket_notes")
    with op.batch_alter_table("handoff_tickets") as batch:
        batch.drop_index("ix_handoff_tickets_assignee_id")
        batch.drop_column("outcome")
        batch.drop_column("assigned_at")
        batch.drop_column("assignee_id")
    with op.batch_alter_table("handoff_cases") as batch:
        batch.drop_index("ix_handoff_cases_assignee_id")
        batch.drop_column("intake_notes")
        batch.drop_column("assigned_at")
        batch.drop_column("assignee_id")
