"""Referral counts and practice populations per region (spiegelinformatie and related pages).

Practice-level counts come from ``agg_referral_month``, the region's span from
``agg_referral_region_month``; the raw ``referral`` table is touched only for the data date, on
its (region, month) index, for one month.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, func, select

from dashboard.models import (
    AggReferralMonth,
    AggReferralRegionMonth,
    Practice,
    PracticePopulation,
    Referral,
    Region,
)

REGION_COLUMNS = ["region", "name", "anderhalvelijn_start"]
PRACTICE_COLUMNS = ["practice", "pseudonym", "name"]
POPULATION_COLUMNS = ["practice", "year", "age_band", "sex", "listed_patients"]
COUNT_COLUMNS = ["practice", "month", "destination", "age_band", "sex", "referrals"]


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    if not rows:
        return pd.DataFrame(columns=columns)
    # Column-wise construction: building from row tuples costs ~30 ms per 10,000 rows.
    return pd.DataFrame(dict(zip(columns, zip(*rows, strict=True), strict=True)))


def regions(engine: Engine) -> pd.DataFrame:
    """All regions by name (columns: ``REGION_COLUMNS``)."""
    region = Region.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(region.c.code, region.c.name, region.c.anderhalvelijn_start).order_by(
                region.c.name, region.c.code
            ),
            REGION_COLUMNS,
        )


def region_practices(engine: Engine, region: str) -> pd.DataFrame:
    """The region's practices with pseudonym and name (columns: ``PRACTICE_COLUMNS``).

    The name may only reach the screen for the practice's own view; callers pass this frame
    through ``dashboard.privacy.display_names``.
    """
    practice = Practice.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(practice.c.code, practice.c.pseudonym, practice.c.name)
            .where(practice.c.region == region)
            .order_by(practice.c.code),
            PRACTICE_COLUMNS,
        )


def referral_span(engine: Engine, region: str) -> tuple[date | None, date | None]:
    """First month with referrals and the data date (last referral date) of a region.

    ``(None, None)`` when the region has no referrals. The data date comes from the raw table,
    but only from the last month's rows, which the (region, month) index finds directly.
    """
    agg = AggReferralRegionMonth.__table__
    referral = Referral.__table__
    with engine.connect() as conn:
        first, last = conn.execute(
            select(func.min(agg.c.month), func.max(agg.c.month)).where(agg.c.region == region)
        ).one()
        if last is None:
            return None, None
        data_date = conn.execute(
            select(func.max(referral.c.referral_date)).where(
                and_(referral.c.region == region, referral.c.month == last)
            )
        ).scalar()
    if data_date is None:
        # Aggregates without raw rows (a partial load): the month is all we know.
        data_date = _month_end(last)
    return first, data_date


def _month_end(month: date) -> date:
    following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def referral_counts(
    engine: Engine,
    region: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
) -> pd.DataFrame:
    """Referrals per practice, month, destination, age band and sex (``COUNT_COLUMNS``).

    Months from ``first_month`` to ``last_month`` inclusive (first days of months);
    ``condition`` is a programme line (hartfalen, af, pob_acs, overig) or ``None`` for all.
    Only rows with referrals exist: absent combinations are zero.
    """
    agg = AggReferralMonth.__table__
    conditions = [
        agg.c.region == region,
        agg.c.month >= first_month,
        agg.c.month <= last_month,
    ]
    if condition is not None:
        conditions.append(agg.c.condition == condition)
    statement = (
        select(
            agg.c.practice,
            agg.c.month,
            agg.c.destination,
            agg.c.age_band,
            agg.c.sex,
            func.sum(agg.c.referrals),
        )
        .where(and_(*conditions))
        .group_by(agg.c.practice, agg.c.month, agg.c.destination, agg.c.age_band, agg.c.sex)
    )
    with engine.connect() as conn:
        # The plain DBAPI rows: SQLAlchemy's Row objects cost more than the query itself here
        # (thousands of rows); the month comes back as a date or an ISO string, both parsed below.
        rows = conn.execute(statement).cursor.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=COUNT_COLUMNS)
    frame["referrals"] = frame["referrals"].astype("int64")
    frame["month"] = pd.to_datetime(frame["month"])
    return frame


def region_population(engine: Engine, region: str) -> pd.DataFrame:
    """Listed patients of the region's practices, every year (``POPULATION_COLUMNS``)."""
    population = PracticePopulation.__table__
    practice = Practice.__table__
    statement = (
        select(
            population.c.practice,
            population.c.year,
            population.c.age_band,
            population.c.sex,
            population.c.listed_patients,
        )
        .join(practice, practice.c.code == population.c.practice)
        .where(practice.c.region == region)
    )
    with engine.connect() as conn:
        frame = _frame(conn, statement, POPULATION_COLUMNS)
    frame["year"] = frame["year"].astype("int64")
    frame["listed_patients"] = frame["listed_patients"].astype("int64")
    return frame
