"""What the SROI page derives its quantities from: one region's yearly and monthly aggregates.

Everything comes from the ``agg_*`` tables and the small yearly tables (costs, admissions,
population, survey); the only raw-table read is the last referral date of the region's last
month, which the (region, month) index answers without a scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, func, select

from dashboard.models import (
    AggEpisodeRegionMonth,
    AggReferralRegionMonth,
    Cost,
    HeartFailureAdmission,
    Practice,
    Referral,
    Region,
    RegionPopulation,
    SurveyResponse,
)
from dashboard.scope import Scope

REGION_COLUMNS = ["region", "name", "anderhalvelijn_start", "synthetic"]
REFERRAL_COLUMNS = ["month", "destination", "referrals"]
EPISODE_COLUMNS = ["month", "destination", "episodes", "with_consult", "wait_days_sum",
                   "resolved_6m"]
COST_COLUMNS = ["year", "setting", "cost_type", "payer", "amount"]
ADMISSION_COLUMNS = ["year", "months", "admissions"]
POPULATION_COLUMNS = ["year", "inhabitants", "inhabitants_18plus"]
SURVEY_COLUMNS = ["year", "profession", "respondents", "score_sum"]


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def sroi_regions(engine: Engine) -> pd.DataFrame:
    """All regions in name order (columns ``REGION_COLUMNS``; ``anderhalvelijn_start`` None
    when the region has no anderhalvelijn care)."""
    table = Region.__table__
    with engine.connect() as conn:
        frame = _frame(
            conn,
            select(
                table.c.code, table.c.name, table.c.anderhalvelijn_start, table.c.synthetic
            ).order_by(table.c.name, table.c.code),
            REGION_COLUMNS,
        )
    frame["synthetic"] = frame["synthetic"].astype(bool)
    return frame


@dataclass
class SroiData:
    """The aggregates of one region that SROI quantities are derived from.

    ``referrals`` and ``episodes`` are per referral month (first day) and destination; ``costs``
    per year, setting, cost type and payer (monthly and whole-year rows summed);
    ``admissions`` per year with the number of months reported; ``survey`` per year and
    profession with the number of respondents and the sum of their scores. ``data_date`` is the
    last referral date (None without referrals); ``practices`` the number of practices.
    """

    region: str
    referrals: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REFERRAL_COLUMNS))
    episodes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EPISODE_COLUMNS))
    costs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=COST_COLUMNS))
    admissions: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=ADMISSION_COLUMNS)
    )
    population: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=POPULATION_COLUMNS)
    )
    survey: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SURVEY_COLUMNS))
    data_date: date | None = None
    practices: int = 0


def sroi_data(engine: Engine, region: str) -> SroiData:
    """Every aggregate of ``region`` that :mod:`dashboard.pagedata.sroi` derives from."""
    ref = AggReferralRegionMonth.__table__
    epi = AggEpisodeRegionMonth.__table__
    cost = Cost.__table__
    hf = HeartFailureAdmission.__table__
    pop = RegionPopulation.__table__
    survey = SurveyResponse.__table__
    practice = Practice.__table__
    raw = Referral.__table__
    with engine.connect() as conn:
        referrals = _frame(
            conn,
            select(ref.c.month, ref.c.destination, func.sum(ref.c.referrals))
            .where(ref.c.region == region)
            .group_by(ref.c.month, ref.c.destination)
            .order_by(ref.c.month, ref.c.destination),
            REFERRAL_COLUMNS,
        )
        episodes = _frame(
            conn,
            select(
                epi.c.month,
                epi.c.destination,
                func.sum(epi.c.episodes),
                func.sum(epi.c.with_consult),
                func.sum(epi.c.wait_days_sum),
                func.sum(epi.c.resolved_6m),
            )
            .where(epi.c.region == region)
            .group_by(epi.c.month, epi.c.destination)
            .order_by(epi.c.month, epi.c.destination),
            EPISODE_COLUMNS,
        )
        costs = _frame(
            conn,
            select(
                cost.c.year, cost.c.setting, cost.c.cost_type, cost.c.payer, func.sum(cost.c.amount)
            )
            .where(cost.c.region == region)
            .group_by(cost.c.year, cost.c.setting, cost.c.cost_type, cost.c.payer)
            .order_by(cost.c.year, cost.c.setting, cost.c.cost_type, cost.c.payer),
            COST_COLUMNS,
        )
        admissions = _frame(
            conn,
            select(hf.c.year, func.count(), func.sum(hf.c.admissions))
            .where(hf.c.region == region)
            .group_by(hf.c.year)
            .order_by(hf.c.year),
            ADMISSION_COLUMNS,
        )
        population = _frame(
            conn,
            select(pop.c.year, pop.c.inhabitants, pop.c.inhabitants_18plus)
            .where(pop.c.region == region)
            .order_by(pop.c.year),
            POPULATION_COLUMNS,
        )
        scores = _frame(
            conn,
            select(survey.c.year, survey.c.profession, func.count(), func.sum(survey.c.score))
            .where(survey.c.region == region)
            .group_by(survey.c.year, survey.c.profession)
            .order_by(survey.c.year, survey.c.profession),
            SURVEY_COLUMNS,
        )
        practices = conn.execute(
            select(func.count()).select_from(practice).where(practice.c.region == region)
        ).scalar_one()
        last_month = referrals["month"].max() if not referrals.empty else None
        data_date = None
        if last_month is not None:
            data_date = conn.execute(
                select(func.max(raw.c.referral_date)).where(
                    and_(raw.c.region == region, raw.c.month == last_month)
                )
            ).scalar()
            if data_date is None:
                # Aggregates without raw rows (a hand-filled database): the month's last day.
                data_date = (pd.Timestamp(last_month) + pd.offsets.MonthEnd(0)).date()
    for frame, column in ((referrals, "month"), (episodes, "month")):
        frame[column] = pd.to_datetime(frame[column]).dt.date if not frame.empty else frame[column]
    costs["amount"] = costs["amount"].astype(float)
    return SroiData(
        region=region,
        referrals=referrals,
        episodes=episodes,
        costs=costs,
        admissions=admissions,
        population=population,
        survey=scores,
        data_date=pd.Timestamp(data_date).date() if data_date is not None else None,
        practices=int(practices),
    )


# ---- within the user's scope (what the SROI page calls) -------------------------------------


def sroi_regions_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    """The regions whose aggregates ``scope`` may see (columns ``REGION_COLUMNS``)."""
    frame = sroi_regions(engine)
    return frame[frame["region"].isin(scope.visible_regions(frame["region"]))].reset_index(
        drop=True)


def sroi_data_for(engine: Engine, scope: Scope, region: str) -> SroiData:
    scope.check_region(region)
    return sroi_data(engine, region)
