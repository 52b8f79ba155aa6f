"""The referral index on (region, month) also holds referral_date

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

Every page asks each region's data date: the last referral date of its last month. With only
(region, month) in the index SQLite read every referral row of that month (some 40,000 a
region at national scale, 60-120 ms each); with referral_date in the index the maximum is the
last entry of the (region, month) range. The new index replaces the old one, whose two columns
are its prefix, so the loader's deletes by region and month still use it and a load keeps
writing one index, not two.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_referral_region_month_date", "referral",
                    ["region", "month", "referral_date"], unique=False)
    op.drop_index("ix_referral_region_month", table_name="referral")


def downgrade() -> None:
    op.create_index("ix_referral_region_month", "referral", ["region", "month"], unique=False)
    op.drop_index("ix_referral_region_month_date", table_name="referral")
