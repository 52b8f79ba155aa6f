"""Referral counts and practice populations per region (spiegelinformatie and related pages).

Practice totals come from ``agg_practice_month_destinations`` (all conditions) or
``agg_practice_month`` (one condition; neither has age band or sex), the stratum counts and
the region's span from ``agg_referral_region_month``. The raw ``referral`` table is read, on its
(region, month) index, for the data date (one month) and, by :func:`referral_counts`, only when
the data hold errors that need practice x stratum counts (see ``pagedata.spiegelinformatie``).
"""

from __future__ import annotations

import operator
from datetime import date
from functools import reduce

import numpy as np
import pandas as pd
from sqlalchemy import Engine, and_, func, or_, select

from dashboard.codes import DESTINATIONS
from dashboard.models import (
    POPULATION_STRATA,
    AggPopulationPracticeYear,
    AggPracticeMonth,
    AggPracticeMonthDestinations,
    AggReferralRegionMonth,
    Practice,
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
    listed = select(practice.c.code).where(practice.c.region == region)
    # All conditions first: a tenth of the rows, one per practice and month. Counts are not
    # negative, so none there means none for any one condition, and the condition's rows (90
    # ms for three years of a national region against 13) are read only when there are some.
    every = AggPracticeMonthDestinations.__table__
    with engine.connect() as conn:
        total = _outside_sum(
            conn, every, reduce(operator.add, (every.c[d] for d in DESTINATIONS)),
            month_window(every, first_month, last_month, [region]), listed, practices)
        if condition is None or not total:
            return total
        one = AggPracticeMonth.__table__
        return _outside_sum(conn, one, one.c.referrals,
                            month_window(one, first_month, last_month, [region], condition),
                            listed, practices)


def _outside_sum(conn, agg, referrals, window, listed, practices) -> int:
    outside = agg.c.practice.not_in(listed)
    if practices:
        outside = or_(outside, agg.c.practice.in_(list(practices)))
    statement = select(func.coalesce(func.sum(referrals), 0)).where(and_(outside, *window))
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
    """Listed patients of the region's practices (``POPULATION_COLUMNS``), a row per practice,
    year, age band and sex that the population files gave, ordered by practice and year.

    Every year, or the years ``first_year`` to ``last_year``; only ``practices`` when given.
    Read from ``agg_population_practice_year``, a practice-year per row: 14 times fewer rows
    to turn into Python values than ``practice_population`` (84,000 a view at national scale).
    """
    table = AggPopulationPracticeYear.__table__
    conditions = [table.c.region == region]
    if first_year is not None:
        conditions.append(table.c.year >= first_year)
    if last_year is not None:
        conditions.append(table.c.year <= last_year)
    if practices is not None:
        conditions.append(table.c.practice.in_(practices))
    statement = (
        select(table.c.practice, table.c.year, *[table.c[column] for column in POPULATION_STRATA])
        .where(and_(*conditions))
        .order_by(table.c.practice, table.c.year)
    )
    with engine.connect() as conn:
        rows = conn.execute(statement).cursor.fetchall()
    if not rows:
        return pd.DataFrame({
            "practice": pd.array([], dtype="str"), "year": np.array([], dtype=np.int64),
            "age_band": pd.array([], dtype="str"), "sex": pd.array([], dtype="str"),
            "listed_patients": np.array([], dtype=np.int64)})
    practice, year, *strata = zip(*rows, strict=True)
    # Practice-years x strata; NULL (a stratum without a population row) becomes NaN and no row.
    listed = np.array(strata, dtype=float).T
    present = ~np.isnan(listed)
    row, stratum = np.nonzero(present)
    bands, sexes = zip(*POPULATION_STRATA.values(), strict=True)
    return pd.DataFrame({
        "practice": pd.array(practice, dtype="str").take(row),
        "year": np.asarray(year, dtype=np.int64)[row],
        "age_band": pd.array(bands, dtype="str").take(stratum),
        "sex": pd.array(sexes, dtype="str").take(stratum),
        "listed_patients": listed[present].astype(np.int64),
    })
