"""agg_practice_month_destinations: referrals per practice and month, a column per destination

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25

The pages that compare practices over all conditions summed ``agg_practice_month`` per practice
and destination on every view: a year of every practice is about 490,000 rows at national scale
(200 ms on SQLite for all regions, 60 ms for one region), and the spiegelinformatie's check for
referrals outside the region's practice list read three years of its region (95 ms). The new
table holds those rows summed over condition, one column per destination: about a tenth of the
rows. The loader writes it with ``agg_practice_month`` (``etl.aggregates.refresh_episodes``).

Upgrade: the table is created and filled from ``agg_practice_month``, so an existing database
upgrades without reloading its data. Downgrade: it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_TEXT = sqlmodel.sql.sqltypes.AutoString()
# The destination vocabulary of dashboard.codes when this revision was written: a migration is
# a snapshot and does not follow later changes of the code.
_DESTINATIONS = ('ziekenhuis', 'anderhalvelijn', 'econsult')


def upgrade() -> None:
    op.create_table('agg_practice_month_destinations',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('practice', _KEY_TEXT, nullable=False),
    sa.Column('ziekenhuis', sa.Integer(), nullable=False),
    sa.Column('anderhalvelijn', sa.Integer(), nullable=False),
    sa.Column('econsult', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'month', 'practice'),
    sqlite_with_rowid=False
    )
    practice_month = sa.table(
        'agg_practice_month', sa.column('region', _KEY_TEXT), sa.column('month', sa.Date()),
        sa.column('practice', _KEY_TEXT), sa.column('destination', _KEY_TEXT),
        sa.column('referrals', sa.Integer()))
    target = sa.table('agg_practice_month_destinations', sa.column('region'),
                      sa.column('month'), sa.column('practice'),
                      *[sa.column(destination) for destination in _DESTINATIONS])
    key = (practice_month.c.region, practice_month.c.month, practice_month.c.practice)
    sums = [
        sa.func.coalesce(sa.func.sum(sa.case(
            (practice_month.c.destination == destination, practice_month.c.referrals),
            else_=0)), 0)
        for destination in _DESTINATIONS
    ]
    # Grouped in key order, so SQLite appends to the clustered B-tree.
    op.execute(sa.insert(target).from_select(
        ['region', 'month', 'practice', *_DESTINATIONS],
        sa.select(*key, *sums).group_by(*key).order_by(*key)))


def downgrade() -> None:
    op.drop_table('agg_practice_month_destinations')
