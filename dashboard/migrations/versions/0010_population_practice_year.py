"""agg_population_practice_year: a practice-year's listed patients in one row, a column per stratum

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25

The spiegelinformatie pages standardise every practice of a region by age band and sex, so they
read the region's ``practice_population`` rows: at national scale 84,000 rows (1,500 practices x
4 years x 14 strata) a view, of which turning the rows into Python values cost about 70 ms. The
new table holds the same figures as one row per region x year x practice with a column per age
band x sex: 6,000 rows. The loader rebuilds it with ``agg_population_region_year``
(``etl.aggregates.refresh_population``).

Upgrade: the table is created and filled from ``practice_population`` and ``practice``, so an
existing database upgrades without reloading its data. Downgrade: it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_TEXT = sqlmodel.sql.sqltypes.AutoString()
# The age bands and sexes of dashboard.codes when this revision was written, with their column
# names: a migration is a snapshot and does not follow later changes of the code.
_STRATA = {
    f"{sex.lower()}_{age_band.replace('-', '_').replace('+', '_plus')}": (age_band, sex)
    for age_band in ('0-17', '18-44', '45-54', '55-64', '65-74', '75-84', '85+')
    for sex in ('M', 'V')
}


def upgrade() -> None:
    op.create_table('agg_population_practice_year',
    sa.Column('region', _KEY_TEXT, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('practice', _KEY_TEXT, nullable=False),
    *[sa.Column(column, sa.Integer(), nullable=True) for column in _STRATA],
    sa.PrimaryKeyConstraint('region', 'year', 'practice'),
    sqlite_with_rowid=False
    )
    population = sa.table(
        'practice_population', sa.column('practice', _KEY_TEXT), sa.column('year', sa.Integer()),
        sa.column('age_band', _KEY_TEXT), sa.column('sex', _KEY_TEXT),
        sa.column('listed_patients', sa.Integer()))
    practice = sa.table('practice', sa.column('code', _KEY_TEXT), sa.column('region', _KEY_TEXT))
    target = sa.table('agg_population_practice_year', sa.column('region'), sa.column('year'),
                      sa.column('practice'), *[sa.column(column) for column in _STRATA])
    key = (practice.c.region, population.c.year, population.c.practice)
    # NULL for a stratum without a row: the SUM of no value.
    strata = [
        sa.func.sum(sa.case(
            (sa.and_(population.c.age_band == age_band, population.c.sex == sex),
             population.c.listed_patients)))
        for age_band, sex in _STRATA.values()
    ]
    # Grouped in key order, so SQLite appends to the clustered B-tree.
    op.execute(sa.insert(target).from_select(
        ['region', 'year', 'practice', *_STRATA],
        sa.select(*key, *strata)
        .select_from(population.join(practice, practice.c.code == population.c.practice))
        .group_by(*key).order_by(*key)))


def downgrade() -> None:
    op.drop_table('agg_population_practice_year')
