"""agg_population_region_year: listed patients per region, year, age band and sex

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-24

The region series (PDCA rates per 1,000 person-years, regiovergelijking, overview) summed
``practice_population`` over the region's practices on every page view: some 20,000 rows a
region-year at national scale (about 65 ms per call on SQLite). The new table holds those sums;
the loader keeps it current (``etl.aggregates.refresh_population``).

Upgrade: the table is created and filled from ``practice_population`` and ``practice``, so an
existing database upgrades without reloading its data. Downgrade: the table is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0008'
down_revision: str | None = '0006'
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


def downgrade() -> None:
    op.drop_table('agg_population_region_year')
