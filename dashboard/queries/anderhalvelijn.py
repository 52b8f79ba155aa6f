"""Aggregations for the Anderhalvelijn page: uptake, episodes, waiting times, satisfaction, cost.

Every function reads the ``agg_*`` tables (or small dimension tables) for a month range
``start``..``end`` (first days of the first and last month, both included), optionally one
region and one condition, and returns a tidy DataFrame with the columns named in its
docstring, also when nothing matches.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, func, select

from dashboard.models import (
    AggEpisodeRegionMonth,
    AggPracticeMonth,
    AggReferralRegionMonth,
    AggSatisfaction,
    AggWaitDays,
    Cost,
    Practice,
    Referral,
    Region,
)
from dashboard.queries.common import practice_destination_sums

# The cost type that is care delivered per patient; programme costs (coordination, ICT,
# training) are not attributable to a patient and stay out of the cost per patient.
CARE_COST_TYPE = "zorg"


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def _month_filter(column, start: date, end: date, region: str | None, region_column):
    conditions = [column >= start, column <= end]
    if region:
        conditions.append(region_column == region)
    return and_(*conditions)


def regions(engine: Engine) -> pd.DataFrame:
    """Columns ``region``, ``name``, ``anderhalvelijn_start`` (None: no anderhalvelijn)."""
    table = Region.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(table.c.code, table.c.name, table.c.anderhalvelijn_start).order_by(
                table.c.name, table.c.code
            ),
            ["region", "name", "anderhalvelijn_start"],
        )


def data_dates(engine: Engine) -> pd.DataFrame:
    """Per region with referrals: ``region``, ``first_month``, ``last_month``, ``data_date``.

    The data date is the last loaded referral date; only the last month's raw rows are asked,
    which the (region, month) index answers without a scan. Per region the first and last
    month are single key seeks too: a min and max per group read the whole table (60,000 rows
    at national scale).
    """
    agg = AggReferralRegionMonth.__table__
    referral = Referral.__table__
    with engine.connect() as conn:
        rows, dates = [], []
        for code in key_regions(conn, agg.c.region):
            in_region = agg.c.region == code
            last = select(func.max(agg.c.month)).where(in_region).scalar_subquery()
            first_month, last_month, data_date = conn.execute(
                select(
                    select(func.min(agg.c.month)).where(in_region).scalar_subquery(),
                    last,
                    select(func.max(referral.c.referral_date))
                    .where(and_(referral.c.region == code, referral.c.month == last))
                    .scalar_subquery(),
                )
            ).one()
            rows.append((code, first_month, last_month))
            dates.append(data_date)
    months = pd.DataFrame(rows, columns=["region", "first_month", "last_month"])
    months["data_date"] = dates
    return months


def practices(engine: Engine, region: str | None = None) -> pd.DataFrame:
    """Columns ``practice``, ``region``, ``pseudonym``, ``name``, in pseudonym order."""
    table = Practice.__table__
    statement = select(table.c.code, table.c.region, table.c.pseudonym, table.c.name)
    if region:
        statement = statement.where(table.c.region == region)
    with engine.connect() as conn:
        return _frame(
            conn,
            statement.order_by(table.c.region, table.c.pseudonym),
            ["practice", "region", "pseudonym", "name"],
        )


def referrals_by_month(
    engine: Engine, start: date, end: date, region: str | None = None,
    condition: str | None = None,
) -> pd.DataFrame:
    """Referrals per ``region``, ``month``, ``destination`` (column ``referrals``)."""
    agg = AggReferralRegionMonth.__table__
    where = _month_filter(agg.c.month, start, end, region, agg.c.region)
    if condition:
        where = and_(where, agg.c.condition == condition)
    with engine.connect() as conn:
        where = _seek_regions(conn, where, region, agg.c.region)
        return _frame(
            conn,
            select(agg.c.region, agg.c.month, agg.c.destination, func.sum(agg.c.referrals))
            .where(where)
            .group_by(agg.c.region, agg.c.month, agg.c.destination),
            ["region", "month", "destination", "referrals"],
        )


def referrals_by_practice(
    engine: Engine, start: date, end: date, region: str | None = None,
    condition: str | None = None, wide: bool = False,
) -> pd.DataFrame:
    """Referrals per ``region``, ``practice``, ``destination`` over the whole period; with
    ``wide`` one row per region and practice, a column per destination."""
    with engine.connect() as conn:
        # The key starts with the region: naming every region lets the database read the
        # months of each from the key, where a month range alone scans the whole table.
        regions = [region] if region else key_regions(conn,
                                                      AggPracticeMonth.__table__.c.region)
        return practice_destination_sums(conn, start, end, regions, condition or None,
                                         with_region=True, wide=wide)


def _seek_regions(conn, where, region: str | None, column):
    """``where`` for all regions also naming each region of the table (see
    :func:`referrals_by_practice`): the key starts with the region, so the month range is then
    read per region from the key instead of scanning the table."""
    return where if region else and_(where, column.in_(key_regions(conn, column)))


def key_regions(conn, column) -> list[str]:
    """The distinct values of ``column``, the first column of its table's key, in order: one
    index seek per value (a loose index scan), not a read of the whole table."""
    found: list[str] = []
    while True:
        statement = select(func.min(column))
        if found:
            statement = statement.where(column > found[-1])
        value = conn.execute(statement).scalar()
        if value is None:
            return found
        found.append(value)


def episodes_by_month(
    engine: Engine, start: date, end: date, region: str | None = None,
    condition: str | None = None,
) -> pd.DataFrame:
    """Episodes per ``region``, ``month`` (referral month), ``destination``.

    Columns ``episodes``, ``with_consult``, ``within_4_weeks``, ``resolved_6m``; per month so
    the caller can leave out months with less than 6 months of follow-up.
    """
    agg = AggEpisodeRegionMonth.__table__
    where = _month_filter(agg.c.month, start, end, region, agg.c.region)
    if condition:
        where = and_(where, agg.c.condition == condition)
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                agg.c.region,
                agg.c.month,
                agg.c.destination,
                func.sum(agg.c.episodes),
                func.sum(agg.c.with_consult),
                func.sum(agg.c.within_4_weeks),
                func.sum(agg.c.resolved_6m),
            )
            .where(where)
            .group_by(agg.c.region, agg.c.month, agg.c.destination),
            ["region", "month", "destination", "episodes", "with_consult", "within_4_weeks",
             "resolved_6m"],
        )


def wait_histogram(
    engine: Engine, start: date, end: date, region: str | None = None
) -> pd.DataFrame:
    """Episodes per ``region``, ``setting`` (of the first consult), ``wait_days``.

    Summed over the referral months of the period; not available per condition.
    """
    agg = AggWaitDays.__table__
    with engine.connect() as conn:
        where = _seek_regions(
            conn, _month_filter(agg.c.month, start, end, region, agg.c.region), region,
            agg.c.region)
        return _frame(
            conn,
            select(agg.c.region, agg.c.setting, agg.c.wait_days, func.sum(agg.c.episodes))
            .where(where)
            .group_by(agg.c.region, agg.c.setting, agg.c.wait_days),
            ["region", "setting", "wait_days", "episodes"],
        )


def satisfaction_sums(
    engine: Engine, start: date, end: date, region: str | None = None
) -> pd.DataFrame:
    """Per ``region``, ``setting``: ``responses``, ``score_sum``, ``score_sq_sum``.

    Summed over the consult months of the period; not available per condition.
    """
    agg = AggSatisfaction.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                agg.c.region,
                agg.c.setting,
                func.sum(agg.c.responses),
                func.sum(agg.c.score_sum),
                func.sum(agg.c.score_sq_sum),
            )
            .where(_month_filter(agg.c.month, start, end, region, agg.c.region))
            .group_by(agg.c.region, agg.c.setting),
            ["region", "setting", "responses", "score_sum", "score_sq_sum"],
        )


def care_costs(
    engine: Engine, start: date, end: date, region: str | None = None
) -> pd.DataFrame:
    """Care cost (cost type "zorg", all payers) per ``region``, ``year``, ``month``, ``setting``.

    Column ``amount``. ``month`` 0 is a whole-year amount; rows come for every year the period
    touches, and the caller decides how much of a whole-year amount falls in the period.
    """
    table = Cost.__table__
    conditions = [
        table.c.cost_type == CARE_COST_TYPE,
        table.c.year >= start.year,
        table.c.year <= end.year,
    ]
    if region:
        conditions.append(table.c.region == region)
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                table.c.region, table.c.year, table.c.month, table.c.setting,
                func.sum(table.c.amount),
            )
            .where(and_(*conditions))
            .group_by(table.c.region, table.c.year, table.c.month, table.c.setting),
            ["region", "year", "month", "setting", "amount"],
        )
