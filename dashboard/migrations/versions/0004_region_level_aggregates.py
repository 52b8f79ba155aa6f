"""agg_referral_region_month and agg_episode_region_month: the region-level aggregates

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

The region-level pages sum these instead of the practice-level tables. An existing database
gets them filled from the practice-level tables, so it upgrades without reloading its data.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_TEXT = sqlmodel.sql.sqltypes.AutoString()


def upgrade() -> None:
    op.create_table('agg_referral_region_month',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('condition', _KEY_TEXT, nullable=False),
    sa.Column('destination', _KEY_TEXT, nullable=False),
    sa.Column('age_band', _KEY_TEXT, nullable=False),
    sa.Column('sex', _KEY_TEXT, nullable=False),
    sa.Column('referrals', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Integer(), nullable=False),
    sa.Column('rta_conform', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'condition', 'destination', 'age_band', 'sex'),
    sqlite_with_rowid=False
    )
    op.create_table('agg_episode_region_month',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('destination', _KEY_TEXT, nullable=False),
    sa.Column('condition', _KEY_TEXT, nullable=False),
    sa.Column('episodes', sa.Integer(), nullable=False),
    sa.Column('with_consult', sa.Integer(), nullable=False),
    sa.Column('wait_days_sum', sa.Integer(), nullable=False),
    sa.Column('within_4_weeks', sa.Integer(), nullable=False),
    sa.Column('resolved_6m', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'destination', 'condition'),
    sqlite_with_rowid=False
    )
    # Backfill in key order (SQLite then appends to the clustered B-tree).
    op.execute(
        "INSERT INTO agg_referral_region_month (region, month, condition, destination, age_band, "
        "sex, referrals, urgent, rta_conform) "
        "SELECT region, month, condition, destination, age_band, sex, SUM(referrals), "
        "SUM(urgent), SUM(rta_conform) FROM agg_referral_month "
        "GROUP BY region, month, condition, destination, age_band, sex "
        "ORDER BY region, month, condition, destination, age_band, sex"
    )
    op.execute(
        "INSERT INTO agg_episode_region_month (region, month, destination, condition, episodes, "
        "with_consult, wait_days_sum, within_4_weeks, resolved_6m) "
        "SELECT region, month, destination, condition, SUM(episodes), SUM(with_consult), "
        "SUM(wait_days_sum), SUM(within_4_weeks), SUM(resolved_6m) FROM agg_episode_month "
        "GROUP BY region, month, destination, condition "
        "ORDER BY region, month, destination, condition"
    )


def downgrade() -> None:
    op.drop_table('agg_episode_region_month')
    op.drop_table('agg_referral_region_month')
