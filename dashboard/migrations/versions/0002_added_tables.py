"""meeting_pack table (presentation mode's saved meeting packs)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A database made by create_all before migrations existed may have this table already
    # (it is stamped at 0001, then upgraded); then there is nothing to create.
    if sa.inspect(op.get_bind()).has_table("meeting_pack"):
        return
    op.create_table(
        "meeting_pack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("slides_json", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region", "name", name="uq_meeting_pack_region_name"),
    )
    with op.batch_alter_table("meeting_pack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_pack_region"), ["region"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meeting_pack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_pack_region"))

    op.drop_table("meeting_pack")
