"""agg_population_region_year and agg_wait_days_year: region-level sums the pages read

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

The region series (PDCA rates per 1,000 person-years, regiovergelijking, overview) summed
``practice_population`` over the region's practices on every page view: some 20,000 rows a
region-year at national scale (about 65 ms per call on SQLite). The new table holds those sums;
the loader keeps it current (``etl.aggregates.refresh_population``).

The regiovergelijking's yearly median waiting times grouped all of ``agg_wait_days`` by region,
year and days (100,000 rows, about 100 ms, mostly SQLite's sort). ``agg_wait_days_year`` holds
those sums for whole years; the page reads only a region's last, incomplete year by month. The
loader rebuilds a region x year with its months (``etl.aggregates.refresh_wait_years``).

Upgrade: both tables are created and filled from the tables they sum (``practice_population``
with ``practice``; ``agg_wait_days``), so an existing database upgrades without reloading its
data. Downgrade: both are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_TEXT = sqlmodel.sql.sqltypes.AutoString()


def upgrade() -> None:
    op.create_table('agg_population_region_year',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('age_band', _KEY_TEXT, nullable=False),
    sa.Column('sex', _KEY_TEXT, nullable=False),
    sa.Column('listed_patients', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'year', 'age_band', 'sex'),
    sqlite_with_rowid=False
    )
    # In key order, so SQLite appends to the clustered B-tree.
    op.execute(
        "INSERT INTO agg_population_region_year (region, year, age_band, sex, listed_patients) "
        "SELECT practice.region, practice_population.year, practice_population.age_band, "
        "practice_population.sex, SUM(practice_population.listed_patients) "
        "FROM practice_population JOIN practice ON practice.code = practice_population.practice "
        "GROUP BY practice.region, practice_population.year, practice_population.age_band, "
        "practice_population.sex "
        "ORDER BY practice.region, practice_population.year, practice_population.age_band, "
        "practice_population.sex"
    )
    op.create_table('agg_wait_days_year',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('wait_days', sa.Integer(), nullable=False),
    sa.Column('episodes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('region', 'year', 'wait_days'),
    sqlite_with_rowid=False
    )
    waits = sa.table('agg_wait_days', sa.column('region', _KEY_TEXT),
                     sa.column('month', sa.Date()), sa.column('wait_days', sa.Integer()),
                     sa.column('episodes', sa.Integer()))
    years = sa.table('agg_wait_days_year', sa.column('region'), sa.column('year'),
                     sa.column('wait_days'), sa.column('episodes'))
    year = sa.cast(sa.extract('year', waits.c.month), sa.Integer())
    key = (waits.c.region, year, waits.c.wait_days)
    op.execute(sa.insert(years).from_select(
        ['region', 'year', 'wait_days', 'episodes'],
        sa.select(*key, sa.func.sum(waits.c.episodes)).group_by(*key).order_by(*key)))


def downgrade() -> None:
    op.drop_table('agg_wait_days_year')
    op.drop_table('agg_population_region_year')
