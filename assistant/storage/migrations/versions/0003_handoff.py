"""Adviser console: advisers, sessions, handoff cases, tickets, annotations, audit log.

Revision ID: 0003_handoff
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_handoff"
down_revision = "0001_core"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "advisers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", TZ, nullable=True),
        sa.Column("last_login_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.UniqueConstraint("username", name="uq_advisers_username"),
    )
    op.create_table(
        "adviser_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("adviser_id", sa.Integer,
                  sa.ForeignKey("advisers.id", ondelete="CASCADE", name="fk_adviser_sessions_adviser_id_advisers"),
                  nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_seen_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
    )
    op.create_index("ix_adviser_sessions_adviser_id", "adviser_sessions", ["adviser_id"])
    op.create_index("ix_adviser_sessions_last_seen_at", "adviser_sessions", ["last_seen_at"])
    op.create_table(
        "handoff_cases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128),
                  sa.ForeignKey("conversations.id", ondelete="CASCADE",
                                name="fk_handoff_cases_conversation_id_conversations"),
                  nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("loket_id", sa.String(64), nullable=True),
        sa.Column("summary", sa.JSON, nullable=True),
        sa.Column("advice", sa.JSON, nullable=True),
        sa.Column("adviser_id", sa.Integer,
                  sa.ForeignKey("advisers.id", ondelete="SET NULL", name="fk_handoff_cases_adviser_id_advisers"),
                  nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("taken_at", TZ, nullable=True),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_handoff_cases_conversation_id", "handoff_cases", ["conversation_id"])
    op.create_index("ix_handoff_cases_status", "handoff_cases", ["status"])
    op.create_table(
        "handoff_tickets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128),
                  sa.ForeignKey("conversations.id", ondelete="CASCADE",
                                name="fk_handoff_tickets_conversation_id_conversations"),
                  nullable=False),
        sa.Column("case_id", sa.Integer,
                  sa.ForeignKey("handoff_cases.id", ondelete="CASCADE",
                                name="fk_handoff_tickets_case_id_handoff_cases"),
                  nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=True),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("consent_at", TZ, nullable=True),
        sa.Column("name", sa.String(100), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("preferred_time", sa.String(200), nullable=True),
        sa.Column("retries", sa.Integer, nullable=False),
        sa.Column("handled_by", sa.Integer,
                  sa.ForeignKey("advisers.id", ondelete="SET NULL", name="fk_handoff_tickets_handled_by_advisers"),
                  nullable=True),
        sa.Column("handled_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_handoff_tickets_conversation_id", "handoff_tickets", ["conversation_id"])
    op.create_index("ix_handoff_tickets_case_id", "handoff_tickets", ["case_id"])
    op.create_index("ix_handoff_tickets_status", "handoff_tickets", ["status"])
    op.create_index("ix_handoff_tickets_created_at", "handoff_tickets", ["created_at"])
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128),
                  sa.ForeignKey("conversations.id", ondelete="CASCADE",
                                name="fk_annotations_conversation_id_conversations"),
                  nullable=False),
        sa.Column("message_id", sa.Integer,
                  sa.ForeignKey("messages.id", ondelete="CASCADE", name="fk_annotations_message_id_messages"),
                  nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("intent", sa.String(64), nullable=True),
        sa.Column("entity", sa.String(64), nullable=True),
        sa.Column("entity_text", sa.String(200), nullable=True),
        sa.Column("entity_value", sa.String(200), nullable=True),
        sa.Column("verdict", sa.String(8), nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("tag", sa.String(64), nullable=True),
        sa.Column("adviser_id", sa.Integer,
                  sa.ForeignKey("advisers.id", ondelete="SET NULL", name="fk_annotations_adviser_id_advisers"),
                  nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_annotations_conversation_id", "annotations", ["conversation_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("adviser_id", sa.Integer, nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("conversation_id", sa.String(128), nullable=True),
        sa.Column("detail", sa.JSON, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_audit_log_conversation_id", "audit_log", ["conversation_id"])
    op.create_index("ix_audit_log_created_at", "audit_log", ["created_at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("annotations")
    op.drop_table("handoff_tickets")
    op.drop_table("handoff_cases")
    op.drop_table("adviser_sessions")
    op.drop_table("advisers")
