"""What is loaded: regions, their periods and the load log (the Overzicht page)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, and_, func, select

from dashboard.models import (
    AggPopulationRegionYear,
    AggReferralRegionMonth,
    LoadLog,
    Practice,
    Referral,
    Region,
)
from dashboard.privacy import suppress_region_counts
from dashboard.scope import Scope

REGION_COLUMNS = [
    "region",
    "name",
    "anderhalvelijn_start",
    "synthetic",
    "practices",
    "listed_patients",
    "population_year",
    "first_month",
    "last_month",
    "referrals",
    "data_date",
]

LOAD_COLUMNS = ["file_name", "table_name", "rows", "loaded_at", "outcome", "message"]


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def region_overview(engine: Engine) -> pd.DataFrame:
    """One row per region with what is loaded for it (columns: ``REGION_COLUMNS``).

    ``listed_patients`` is the practice population of the region's latest population year
    (``population_year``); ``first_month``/``last_month`` are the first days of the first and
    last month with referrals; ``data_date`` is the date of the last referral. Regions without
    practices, population or referrals get 0 or missing values rather than disappearing.
    """
    region = Region.__table__
    practice = Practice.__table__
    population = AggPopulationRegionYear.__table__
    agg = AggReferralRegionMonth.__table__
    referral = Referral.__table__

    with engine.connect() as conn:
        regions = _frame(
            conn,
            select(
                region.c.code, region.c.name, region.c.anderhalvelijn_start, region.c.synthetic
            ).order_by(region.c.name, region.c.code),
            ["region", "name", "anderhalvelijn_start", "synthetic"],
        )
        practices = _frame(
            conn,
            select(practice.c.region, func.count()).group_by(practice.c.region),
            ["region", "practices"],
        )
        listed = _frame(
            conn,
            select(population.c.region, population.c.year,
                   func.sum(population.c.listed_patients))
            .group_by(population.c.region, population.c.year),
            ["region", "population_year", "listed_patients"],
        )
        referrals = _frame(
            conn,
            select(
                agg.c.region,
                func.min(agg.c.month),
                func.max(agg.c.month),
                func.sum(agg.c.referrals),
            ).group_by(agg.c.region),
            ["region", "first_month", "last_month", "referrals"],
        )
        # The exact last referral date is not in the aggregates; asking only the last month's
        # rows of each region keeps this on the (region, month) index instead of a full scan.
        data_dates = []
        for code, last_month in zip(referrals["region"], referrals["last_month"], strict=True):
            last = conn.execute(
                select(func.max(referral.c.referral_date)).where(
                    and_(referral.c.region == code, referral.c.month == last_month)
                )
            ).scalar()
            data_dates.append((code, last))
        dates = pd.DataFrame(data_dates, columns=["region", "data_date"])

    latest = (
        listed.sort_values("population_year").groupby("region", as_index=False).last()
        if not listed.empty
        else listed
    )
    result = (
        regions.merge(practices, on="region", how="left")
        .merge(latest, on="region", how="left")
        .merge(referrals, on="region", how="left")
        .merge(dates, on="region", how="left")
    )
    result["synthetic"] = result["synthetic"].astype(bool)
    result["practices"] = result["practices"].fillna(0).astype(int)
    result["referrals"] = result["referrals"].fillna(0).astype(int)
    result["listed_patients"] = result["listed_patients"].astype("Int64")
    result["population_year"] = result["population_year"].astype("Int64")
    for column in ("anderhalvelijn_start", "first_month", "last_month", "data_date"):
        result[column] = result[column].astype(object).where(result[column].notna(), None)
    return result[REGION_COLUMNS]


def latest_loads(engine: Engine, limit: int = 10) -> pd.DataFrame:
    """The most recent load-log entries, newest first (columns: ``LOAD_COLUMNS``)."""
    log = LoadLog.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                log.c.file_name,
                log.c.table_name,
                log.c.rows,
                log.c.loaded_at,
                log.c.outcome,
                log.c.message,
            )
            .order_by(log.c.loaded_at.desc(), log.c.id.desc())
            .limit(limit),
            LOAD_COLUMNS,
        )


# ---- within the user's scope (what the Overzicht page calls) --------------------------------

# Roles that see the load log: it names files and may quote a refused cell in its messages.
LOAD_LOG_ROLES = ("beheerder", "coordinator")


def region_overview_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    """``region_overview`` of the regions ``scope`` may see; patient counts (referrals, listed
    patients) from 1 to 9 read "<10" (column ``suppressed`` marks those rows)."""
    frame = region_overview(engine)
    frame = frame[frame["region"].isin(scope.visible_regions(frame["region"]))]
    return suppress_region_counts(frame.reset_index(drop=True),
                                  ["referrals", "listed_patients"])


def latest_loads_for(engine: Engine, scope: Scope, limit: int = 10) -> pd.DataFrame:
    """The load log for beheerders and coordinators; an empty frame for everyone else."""
    if scope.role not in LOAD_LOG_ROLES:
        return pd.DataFrame(columns=LOAD_COLUMNS)
    return latest_loads(engine, limit=limit)
