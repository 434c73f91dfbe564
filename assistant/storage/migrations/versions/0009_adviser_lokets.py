"""Advisers per loket: which lokets an adviser works for (availability, queue).

Until now every adviser counted for every loket. So nobody loses work on upgrade, each existing
adviser is linked to every loket in the configured lokets file (KOERS_LOKETS_FILE, or the packaged
one); the operator narrows that with ``koers adviser lokets``.

Revision ID: 0009_adviser_lokets
Revises: 0008_web_access
"""

import logging
import os
from pathlib import Path

import sqlalchemy as sa
import yaml
from alembic import op

revision = "0009_adviser_lokets"
down_revision = "0008_web_access"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# The packaged lokets file, read as data (storage imports no gateway code).
PACKAGED_LOKETS = Path(__file__).resolve().parents[3] / "gateway" / "data" / "lokets.yml"


def _configured_loket_ids() -> list[str]:
    source = Path(os.environ.get("KOERS_LOKETS_FILE") or PACKAGED_LOKETS)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        return [str(raw["id"]) for raw in data.get("lokets") or [] if isinstance(raw, dict) and raw.get("id")]
    except (OSError, yaml.YAMLError) as exc:
        log.warning("lokets file not read; existing advisers get no loket", extra={"error": str(exc)})
        return []


def upgrade() -> None:
    table = op.create_table(
        "adviser_lokets",
        sa.Column("adviser_id", sa.Integer, sa.ForeignKey("advisers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("loket_id", sa.String(64), primary_key=True),
    )
    op.create_index("ix_adviser_lokets_loket_id", "adviser_lokets", ["loket_id"])
    loket_ids = _configured_loket_ids()
    adviser_ids = [int(row[0]) for row in op.get_bind().execute(sa.text("SELECT id FROM advisers"))]
    if loket_ids and adviser_ids:
        op.bulk_insert(table, [{"adviser_id": a, "loket_id": lk} for a in adviser_ids for lk in loket_ids])


def downgrade() -> None:
    op.drop_index("ix_adviser_lokets_loket_id", table_name="adviser_lokets")
    op.drop_table("adviser_lokets")
