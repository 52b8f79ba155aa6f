"""Aggregations per region and month for the regional comparison (Regio-vergelijking).

Every function returns one row per region and period for all regions at once, grouped in SQL
on the ``agg_*`` tables or small dimension tables, so the page never sees a practice: there is
no practice column in any result. Empty databases give empty frames with the named columns.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, case, func, or_, select

from dashboard.models import (
    AggEpisodeRegionMonth,
    AggPopulationRegionYear,
    AggReferralRegionMonth,
    AggSatisfaction,
    AggWaitDays,
    AggWaitDaysYear,
    Cost,
    HeartFailureAdmission,
)
from dashboard.queries.anderhalvelijn import CARE_COST_TYPE

HOSPITAL = "ziekenhuis"
ELSEWHERE = ("anderhalvelijn", "econsult")
ANDERHALVELIJN = "anderhalvelijn"


Cutoffs = tuple[tuple[str, date | None], ...]


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def _up_to(column, region_column, cutoffs: Cutoffs):
    """Per region: months up to and including its cutoff month (None: no limit)."""
    if not cutoffs:
        return None
    return or_(
        *[
            and_(region_column == region, column <= cutoff) if cutoff is not None
            else region_column == region
            for region, cutoff in cutoffs
        ]
    )


def _months(frame: pd.DataFrame) -> pd.DataFrame:
    if not frame.empty:
        frame["month"] = pd.to_datetime(frame["month"]).astype("datetime64[ns]")
    return frame


def referral_months(engine: Engine) -> pd.DataFrame:
    """Referrals per ``region`` and ``month``: ``all``, ``hospital``, ``elsewhere``
    (anderhalvelijn or e-consult) and ``rta_conform``."""
    agg = AggReferralRegionMonth.__table__
    hospital = func.sum(case((agg.c.destination == HOSPITAL, agg.c.referrals), else_=0))
    elsewhere = func.sum(case((agg.c.destination.in_(ELSEWHERE), agg.c.referrals), else_=0))
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(
                agg.c.region, agg.c.month, func.sum(agg.c.referrals), hospital, elsewhere,
                func.sum(agg.c.rta_conform),
            ).group_by(agg.c.region, agg.c.month),
            ["region", "month", "all", "hospital", "elsewhere", "rta_conform"],
        )
    return _months(frame)


def listed_patients(engine: Engine) -> pd.DataFrame:
    """Listed patients per ``region`` and ``year`` (column ``listed``)."""
    population = AggPopulationRegionYear.__table__
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(population.c.region, population.c.year,
                   func.sum(population.c.listed_patients))
            .group_by(population.c.region, population.c.year)
            .order_by(population.c.region, population.c.year),
            ["region", "year", "listed"],
        )
    if frame.empty:
        return pd.DataFrame(columns=["region", "year", "listed"])
    return frame.astype({"year": "int64", "listed": "int64"})


def referral_strata(engine: Engine) -> pd.DataFrame:
    """Referrals per ``region``, ``month``, ``age_band`` and ``sex``: ``all`` and ``hospital``
    (the strata of the directly standardised rates)."""
    agg = AggReferralRegionMonth.__table__
    hospital = func.sum(case((agg.c.destination == HOSPITAL, agg.c.referrals), else_=0))
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(agg.c.region, agg.c.month, agg.c.age_band, agg.c.sex,
                   func.sum(agg.c.referrals), hospital)
            .group_by(agg.c.region, agg.c.month, agg.c.age_band, agg.c.sex),
            ["region", "month", "age_band", "sex", "all", "hospital"],
        )
    return _months(frame)


def listed_strata(engine: Engine) -> pd.DataFrame:
    """Listed patients per ``region``, ``year``, ``age_band`` and ``sex`` (column ``listed``)."""
    population = AggPopulationRegionYear.__table__
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(population.c.region, population.c.year, population.c.age_band,
                   population.c.sex, func.sum(population.c.listed_patients))
            .group_by(population.c.region, population.c.year, population.c.age_band,
                      population.c.sex),
            ["region", "year", "age_band", "sex", "listed"],
        )
    if frame.empty:
        return pd.DataFrame(columns=["region", "year", "age_band", "sex", "listed"])
    return frame.astype({"year": "int64", "listed": "int64"})


def resolved_months(engine: Engine) -> pd.DataFrame:
    """Anderhalvelijn episodes per ``region`` and referral ``month``: ``episodes`` and
    ``resolved`` (no hospital referral within 6 months)."""
    episode = AggEpisodeRegionMonth.__table__
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(
                episode.c.region, episode.c.month, func.sum(episode.c.resolved_6m),
                func.sum(episode.c.episodes),
            )
            .where(episode.c.destination == ANDERHALVELIJN)
            .group_by(episode.c.region, episode.c.month),
            ["region", "month", "resolved", "episodes"],
        )
    return _months(frame)


def wait_months(engine: Engine, within_days: int = 28) -> pd.DataFrame:
    """First consults per ``region`` and referral ``month``, all settings together:
    ``episodes`` and ``within`` (waited at most ``within_days`` days, the treeknorm)."""
    waits = AggWaitDays.__table__
    within = func.sum(case((waits.c.wait_days <= within_days, waits.c.episodes), else_=0))
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(waits.c.region, waits.c.month, func.sum(waits.c.episodes), within)
            .group_by(waits.c.region, waits.c.month),
            ["region", "month", "episodes", "within"],
        )
    return _months(frame)


def wait_histogram(engine: Engine, cutoffs: Cutoffs = (), by: str = "year") -> pd.DataFrame:
    """Days from referral to first consult as a histogram, all settings together, per
    ``region`` and referral ``year`` (``by="year"``) or ``month`` (``by="month"``): columns
    ``wait_days`` and ``episodes``. ``cutoffs`` keeps per region the referral months up to
    its cutoff month (those with complete follow-up); regions not named are left out."""
    if by not in ("year", "month"):
        raise ValueError(f"by must be 'year' or 'month'; got {by!r}")
    if by == "year":
        return _wait_years(engine, cutoffs)
    waits = AggWaitDays.__table__
    statement = select(waits.c.region, waits.c.month, waits.c.wait_days,
                       func.sum(waits.c.episodes))
    where = _up_to(waits.c.month, waits.c.region, cutoffs)
    if where is not None:
        statement = statement.where(where)
    with engine.connect() as conn:
        frame = _frame(
            conn,
            statement.group_by(waits.c.region, waits.c.month, waits.c.wait_days),
            ["region", by, "wait_days", "episodes"],
        )
    return _months(frame)


def _wait_years(engine: Engine, cutoffs: Cutoffs) -> pd.DataFrame:
    """:func:`wait_histogram` per year: the years before a region's cutoff month's year from
    ``agg_wait_days_year``, the months of that year up to the cutoff from ``agg_wait_days``
    (so no query groups the whole monthly histogram)."""
    years = AggWaitDaysYear.__table__
    waits = AggWaitDays.__table__
    columns = ["region", "year", "wait_days", "episodes"]
    whole = select(years.c.region, years.c.year, years.c.wait_days, years.c.episodes)
    partial = []
    if cutoffs:
        whole_years = []
        for region, cutoff in cutoffs:
            if cutoff is None:
                whole_years.append(years.c.region == region)
                continue
            whole_years.append(and_(years.c.region == region, years.c.year < cutoff.year))
            partial.append((cutoff.year,
                select(waits.c.region, waits.c.wait_days, func.sum(waits.c.episodes))
                .where(and_(waits.c.region == region,
                            waits.c.month >= date(cutoff.year, 1, 1),
                            waits.c.month <= cutoff))
                .group_by(waits.c.region, waits.c.wait_days)))
        whole = whole.where(or_(*whole_years))
    with engine.connect() as conn:
        frames = [_frame(conn, whole, columns)]
        for year, statement in partial:
            part = _frame(conn, statement, ["region", "wait_days", "episodes"])
            frames.append(part.assign(year=year)[columns])
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return pd.DataFrame(columns=columns).astype({"year": int})
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame = frame.sort_values(["region", "year", "wait_days"], kind="stable")
    return frame.reset_index(drop=True).astype({"year": int})


def satisfaction_months(engine: Engine) -> pd.DataFrame:
    """Patient scores per ``region`` and consult ``month``, all settings together:
    ``responses``, ``score_sum``, ``score_sq_sum``."""
    table = AggSatisfaction.__table__
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(
                table.c.region, table.c.month, func.sum(table.c.responses),
                func.sum(table.c.score_sum), func.sum(table.c.score_sq_sum),
            ).group_by(table.c.region, table.c.month),
            ["region", "month", "responses", "score_sum", "score_sq_sum"],
        )
    return _months(frame)


def admission_months(engine: Engine) -> pd.DataFrame:
    """Heart-failure admissions per ``region``, ``year`` and ``month`` (0: a whole-year
    count), column ``admissions``."""
    table = HeartFailureAdmission.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(table.c.region, table.c.year, table.c.month, func.sum(table.c.admissions))
            .group_by(table.c.region, table.c.year, table.c.month),
            ["region", "year", "month", "admissions"],
        )


def cost_months(engine: Engine) -> pd.DataFrame:
    """Costs per ``region``, ``year`` and ``month`` (0: a whole-year amount): ``care`` (cost
    type "zorg", all settings and payers) and ``total`` (all cost types, programme included)."""
    table = Cost.__table__
    care = func.sum(case((table.c.cost_type == CARE_COST_TYPE, table.c.amount), else_=0.0))
    with engine.connect() as conn:
        return _frame(
            conn,
            select(table.c.region, table.c.year, table.c.month, care, func.sum(table.c.amount))
            .where(and_(table.c.amount.is_not(None)))
            .group_by(table.c.region, table.c.year, table.c.month),
            ["region", "year", "month", "care", "total"],
        )
