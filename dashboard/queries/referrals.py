"""Referral counts and practice populations per region (spiegelinformatie and related pages).

Practice totals come from ``agg_practice_month_destinations`` (all conditions) or
``agg_practice_month`` (one condition; neither has age band or sex), the stratum counts and
the region's span from ``agg_referral_region_month``. The raw ``referral`` table is read, on its
(region, month) index, for the data date (one month) and, by :func:`referral_counts`, only when
the data hold errors that need practice x stratum counts (see ``pagedata.spiegelinformatie``).
"""

from __future__ import annotations

import gc
import operator
from contextlib import contextmanager
from datetime import date
from functools import reduce

import numpy as np
import pandas as pd
from sqlalchemy import Engine, and_, func, or_, select

from dashboard.codes import DESTINATIONS
from dashboard.models import (
    AggPracticeMonth,
    AggPracticeMonthDestinations,
    AggReferralRegionMonth,
    Practice,
    PracticePopulation,
    Referral,
    Region,
)
from dashboard.queries.common import month_window, practice_destination_sums

REGION_COLUMNS = ["region", "name", "anderhalvelijn_start"]
PRACTICE_COLUMNS = ["practice", "pseudonym", "name"]
POPULATION_COLUMNS = ["practice", "year", "age_band", "sex", "listed_patients"]
COUNT_COLUMNS = ["practice", "month", "destination", "age_band", "sex", "referrals"]
TOTAL_COLUMNS = ["practice", "destination", "referrals"]
MONTH_COLUMNS = ["month", "destination", "referrals"]
STRATUM_COLUMNS = ["month", "destination", "age_band", "sex", "referrals"]


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
    return date.fromordinal(_next_month(month).toordinal() - 1)


def _next_month(month: date) -> date:
    """The first day of the month after ``month``."""
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def _fetch(engine: Engine, statement, columns: list[str]) -> pd.DataFrame:
    with engine.connect() as conn:
        # The plain DBAPI rows: SQLAlchemy's Row objects cost more than the query itself here;
        # months come back as dates or ISO strings and are parsed by the caller.
        rows = conn.execute(statement).cursor.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        if column.endswith("referrals"):
            frame[column] = frame[column].astype("int64")
    if "month" in frame:
        frame["month"] = pd.to_datetime(frame["month"])
    return frame


def practice_totals(
    engine: Engine,
    region: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
) -> pd.DataFrame:
    """Referrals per practice and destination over the months (``TOTAL_COLUMNS``).

    First days of months, inclusive; ``condition``: a programme line or ``None`` for all.
    """
    with engine.connect() as conn:
        return practice_destination_sums(conn, first_month, last_month, [region], condition)


def referrals_outside(
    engine: Engine,
    region: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
    practices: list[str] = (),
) -> int:
    """Referrals in the months by practices outside the region's list or among ``practices``.

    One sum, no grouping: a check that a page's figures need no exact counts.
    """
    practice = Practice.__table__
    if condition is None:
        # All conditions: a tenth of the rows, one per practice and month.
        agg = AggPracticeMonthDestinations.__table__
        referrals = reduce(operator.add, (agg.c[destination] for destination in DESTINATIONS))
        window = month_window(agg, first_month, last_month, [region])
    else:
        agg = AggPracticeMonth.__table__
        referrals = agg.c.referrals
        window = month_window(agg, first_month, last_month, [region], condition)
    outside = agg.c.practice.not_in(select(practice.c.code).where(practice.c.region == region))
    if practices:
        outside = or_(outside, agg.c.practice.in_(list(practices)))
    statement = select(func.coalesce(func.sum(referrals), 0)).where(and_(outside, *window))
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar())


def practice_months(
    engine: Engine,
    region: str,
    practice: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
) -> pd.DataFrame:
    """One practice's referrals per month and destination (``MONTH_COLUMNS``)."""
    agg = AggPracticeMonth.__table__
    # The months named one by one (and no range, which the planner would prefer): the key is
    # (region, month, practice, ...), so each month is one seek to the practice, where a month
    # range reads every practice of the region in those months (450,000 rows for three years
    # at national scale: 33 ms against 0.2 ms).
    months = []
    month = date(first_month.year, first_month.month, 1)
    while month <= last_month:
        months.append(month)
        month = _next_month(month)
    conditions = [agg.c.region == region, agg.c.month.in_(months), agg.c.practice == practice]
    if condition is not None:
        conditions.append(agg.c.condition == condition)
    statement = (
        select(agg.c.month, agg.c.destination, func.sum(agg.c.referrals))
        .where(and_(*conditions))
        .group_by(agg.c.month, agg.c.destination)
    )
    return _fetch(engine, statement, MONTH_COLUMNS)


def stratum_counts(
    engine: Engine,
    region: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
) -> pd.DataFrame:
    """The region's referrals per month, destination, age band and sex (``STRATUM_COLUMNS``),
    all its practices together."""
    agg = AggReferralRegionMonth.__table__
    statement = (
        select(agg.c.month, agg.c.destination, agg.c.age_band, agg.c.sex,
               func.sum(agg.c.referrals))
        .where(and_(*month_window(agg, first_month, last_month, [region], condition)))
        .group_by(agg.c.month, agg.c.destination, agg.c.age_band, agg.c.sex)
    )
    return _fetch(engine, statement, STRATUM_COLUMNS)


def referral_counts(
    engine: Engine,
    region: str,
    first_month: date,
    last_month: date,
    condition: str | None = None,
) -> pd.DataFrame:
    """Referrals per practice, month, destination, age band and sex (``COUNT_COLUMNS``), counted
    from the raw ``referral`` rows of the region and months (its (region, month) index).

    No aggregate keeps practice x stratum (it would be nearly as long as the raw table); the
    spiegelinformatie page needs it only to leave out data errors exactly.
    Only rows with referrals exist: absent combinations are zero.
    """
    referral = Referral.__table__
    statement = (
        select(referral.c.practice, referral.c.month, referral.c.destination,
               referral.c.age_band, referral.c.sex, func.count())
        .where(and_(*month_window(referral, first_month, last_month, [region], condition)))
        .group_by(referral.c.practice, referral.c.month, referral.c.destination,
                  referral.c.age_band, referral.c.sex)
    )
    return _fetch(engine, statement, COUNT_COLUMNS)


def region_population(
    engine: Engine,
    region: str,
    first_year: int | None = None,
    last_year: int | None = None,
    practices: list[str] | None = None,
) -> pd.DataFrame:
    """Listed patients of the region's practices (``POPULATION_COLUMNS``).

    Every year, or the years ``first_year`` to ``last_year``; only ``practices`` when given.
    """
    population = PracticePopulation.__table__
    practice = Practice.__table__
    conditions = [practice.c.region == region]
    if first_year is not None:
        conditions.append(population.c.year >= first_year)
    if last_year is not None:
        conditions.append(population.c.year <= last_year)
    if practices is not None:
        conditions.append(population.c.practice.in_(practices))
    statement = (
        select(
            population.c.practice,
            population.c.year,
            population.c.age_band,
            population.c.sex,
            population.c.listed_patients,
        )
        .join(practice, practice.c.code == population.c.practice)
        .where(and_(*conditions))
    )
    with engine.connect() as conn, _collector_paused():
        # Plain DBAPI rows: tens of thousands of rows at national scale.
        rows = conn.execute(statement).cursor.fetchall()
        if not rows:
            return pd.DataFrame.from_records(rows, columns=POPULATION_COLUMNS).astype(
                {"year": "int64", "listed_patients": "int64"})
        # Column by column from the transposed rows: DataFrame.from_records infers each
        # column from the row tuples, which costs twice as much.
        values = zip(*rows, strict=True)
        return pd.DataFrame({
            column: np.fromiter(column_values, dtype=np.int64, count=len(rows))
            if column in ("year", "listed_patients") else pd.array(column_values, dtype="str")
            for column, column_values in zip(POPULATION_COLUMNS, values, strict=True)
        })


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while a bulk read turns rows into columns.

    The row tuples of a national region's population (60,000 to 90,000) are allocations
    enough to set off a full collection, which walks every object of the process: 100 ms and
    more per page, more than the read itself. The rows and columns hold no reference cycles,
    so nothing waits to be collected; whatever else is due is collected after. Threads: a
    read that finds the collector already paused leaves it as it found it, so the one that
    paused it restores it and it is never left off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
