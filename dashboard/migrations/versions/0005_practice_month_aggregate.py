"""agg_practice_month replaces agg_referral_month and agg_episode_month

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

Practices make a few referrals a month, so a practice-level table with age band and sex was
almost as long as ``referral`` itself (1.88 million rows for 2 million referrals). The practice
level now keeps region, month, practice, condition and destination, with the referral counts
and the episode sums in one row; age band x sex stay at region level
(``agg_referral_region_month``), which is all indirect standardisation needs for its reference.

Upgrade: the new table is filled from the two old ones (referral counts summed over age band
and sex, episode sums joined on the same key), then they are dropped. Every referral is one
episode, so the old ``episodes`` column equals ``referrals`` and is not kept.

Downgrade: ``agg_episode_month`` comes back whole (episodes = referrals). ``agg_referral_month``
needs age band and sex per practice, which the new table no longer has; it is rebuilt from the
raw ``referral`` rows, so aggregates that had no raw rows behind them (none the ETL writes) are
not restored at that level.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_TEXT = sqlmodel.sql.sqltypes.AutoString()
_KEY = "region, month, practice, condition, destination"
_EPISODE_SUMS = "with_consult, wait_days_sum, within_4_weeks, resolved_6m"


def upgrade() -> None:
    op.create_table('agg_practice_month',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('practice', _KEY_TEXT, nullable=False),
    sa.Column('condition', _KEY_TEXT, nullable=False),
    sa.Column('destination', _KEY_TEXT, nullable=False),
    sa.Column('referrals', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Integer(), nullable=False),
    sa.Column('rta_conform', sa.Integer(), nullable=False),
    sa.Column('with_consult', sa.Integer(), nullable=False),
    sa.Column('wait_days_sum', sa.Integer(), nullable=False),
    sa.Column('within_4_weeks', sa.Integer(), nullable=False),
    sa.Column('resolved_6m', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'practice', 'condition', 'destination'),
    sqlite_with_rowid=False
    )
    # A union rather than a full outer join (SQLite has that only from 3.39); in key order, so
    # SQLite appends to the clustered B-tree.
    op.execute(
        f"INSERT INTO agg_practice_month ({_KEY}, referrals, urgent, rta_conform, "
        f"{_EPISODE_SUMS}) "
        f"SELECT {_KEY}, SUM(referrals), SUM(urgent), SUM(rta_conform), SUM(with_consult), "
        "SUM(wait_days_sum), SUM(within_4_weeks), SUM(resolved_6m) FROM ("
        f"SELECT {_KEY}, referrals, urgent, rta_conform, 0 AS with_consult, "
        "0 AS wait_days_sum, 0 AS within_4_weeks, 0 AS resolved_6m FROM agg_referral_month "
        f"UNION ALL SELECT {_KEY}, 0, 0, 0, {_EPISODE_SUMS} FROM agg_episode_month"
        f") AS parts GROUP BY {_KEY} ORDER BY {_KEY}"
    )
    op.drop_table('agg_referral_month')
    op.drop_table('agg_episode_month')


def downgrade() -> None:
    op.create_table('agg_episode_month',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('practice', _KEY_TEXT, nullable=False),
    sa.Column('destination', _KEY_TEXT, nullable=False),
    sa.Column('condition', _KEY_TEXT, nullable=False),
    sa.Column('episodes', sa.Integer(), nullable=False),
    sa.Column('with_consult', sa.Integer(), nullable=False),
    sa.Column('wait_days_sum', sa.Integer(), nullable=False),
    sa.Column('within_4_weeks', sa.Integer(), nullable=False),
    sa.Column('resolved_6m', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'practice', 'destination', 'condition'),
    sqlite_with_rowid=False
    )
    op.create_table('agg_referral_month',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('practice', _KEY_TEXT, nullable=False),
    sa.Column('condition', _KEY_TEXT, nullable=False),
    sa.Column('destination', _KEY_TEXT, nullable=False),
    sa.Column('age_band', _KEY_TEXT, nullable=False),
    sa.Column('sex', _KEY_TEXT, nullable=False),
    sa.Column('referrals', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Integer(), nullable=False),
    sa.Column('rta_conform', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'practice', 'condition', 'destination',
                            'age_band', 'sex'),
    sqlite_with_rowid=False
    )
    op.execute(
        "INSERT INTO agg_episode_month (region, month, practice, destination, condition, "
        f"episodes, {_EPISODE_SUMS}) "
        f"SELECT region, month, practice, destination, condition, referrals, {_EPISODE_SUMS} "
        "FROM agg_practice_month ORDER BY region, month, practice, destination, condition"
    )
    op.execute(
        f"INSERT INTO agg_referral_month ({_KEY}, age_band, sex, referrals, urgent, "
        "rta_conform) "
        f"SELECT {_KEY}, age_band, sex, COUNT(*), "
        "SUM(CASE WHEN urgent THEN 1 ELSE 0 END), SUM(CASE WHEN rta_conform THEN 1 ELSE 0 END) "
        f"FROM referral GROUP BY {_KEY}, age_band, sex ORDER BY {_KEY}, age_band, sex"
    )
    op.drop_table('agg_practice_month')
