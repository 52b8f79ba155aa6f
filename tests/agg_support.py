"""The aggregate tables of a hand-made dataset, written from referral-level cells as the ETL would.

Datasets describe their referrals as :class:`ReferralCell` (practice x month x condition x
destination x age band x sex, with counts) and their episodes as :class:`EpisodeCell`, next to
their model rows; :func:`split_cells` takes the cells out of such a list and
:func:`add_aggregates` adds to the aggregate tables what the ETL (``etl.aggregates``) derives
from them:

* ``agg_practice_month``: referral counts summed over age band and sex, with the episode sums
  of the same practice, month, condition and destination;
* ``agg_referral_region_month``: the referral counts without the practice;
* ``agg_episode_region_month``: the episode cells without the practice;
* ``agg_practice_month_destinations``: ``agg_practice_month`` summed over condition, a column
  per destination;
* ``agg_population_region_year``: the dataset's ``practice_population`` rows summed per region
  (of the ``practice`` table), year, age band and sex;
* ``agg_population_practice_year``: the same rows, a practice-year per row and a column per age
  band x sex;
* ``agg_wait_days_year``: the dataset's ``agg_wait_days`` rows summed per region, year and days.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select
from sqlmodel import Session

from dashboard.codes import DESTINATIONS
from dashboard.models import (
    POPULATION_STRATA,
    AggEpisodeRegionMonth,
    AggPopulationPracticeYear,
    AggPopulationRegionYear,
    AggPracticeMonth,
    AggPracticeMonthDestinations,
    AggReferralRegionMonth,
    AggWaitDays,
    AggWaitDaysYear,
    Practice,
    PracticePopulation,
    population_stratum_column,
)

_REFERRAL_SUMS = ["referrals", "urgent", "rta_conform"]
_EPISODE_SUMS = ["with_consult", "wait_days_sum", "within_4_weeks", "resolved_6m"]
_PRACTICE_KEY = ["region", "month", "practice", "condition", "destination"]


@dataclass(frozen=True)
class ReferralCell:
    region: str
    practice: str
    month: date
    condition: str
    destination: str
    age_band: str
    sex: str
    referrals: int
    urgent: int
    rta_conform: int


@dataclass(frozen=True)
class EpisodeCell:
    region: str
    practice: str
    month: date
    destination: str
    condition: str
    episodes: int
    with_consult: int
    wait_days_sum: int
    within_4_weeks: int
    resolved_6m: int


def split_cells(rows: list) -> tuple[list, list]:
    """``rows`` without the cells (the model rows to add) and the cells."""
    cells = [row for row in rows if isinstance(row, ReferralCell | EpisodeCell)]
    return [row for row in rows if not isinstance(row, ReferralCell | EpisodeCell)], cells


def _frame(cells: list, kind: type) -> pd.DataFrame:
    fields = list(kind.__dataclass_fields__)
    return pd.DataFrame([asdict(cell) for cell in cells if isinstance(cell, kind)],
                        columns=fields)


def _records(frame: pd.DataFrame) -> list[dict]:
    return [
        {key: (int(value) if key not in ("region", "month", "practice", "condition",
                                         "destination", "age_band", "sex") else value)
         for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def _existing(bind: Connection, model) -> pd.DataFrame:
    table = model.__table__
    rows = bind.execute(table.select()).mappings().all()
    return pd.DataFrame([dict(row) for row in rows], columns=[c.name for c in table.columns])


def store_dataset(engine: Engine, rows: list) -> None:
    """Store a hand-made dataset: its model rows in list order, then the aggregate rows its
    cells (``ReferralCell``, ``EpisodeCell``) give (:func:`add_aggregates`)."""
    rows, cells = split_cells(rows)
    with Session(engine) as session:
        # One row at a time, parents first: SQLite enforces the foreign keys (see
        # database._sqlite_pragmas), and a session would otherwise order the inserts itself.
        for row in rows:
            session.add(row)
            session.flush()
        session.commit()
    add_aggregates(engine, cells)


def add_aggregates(bind: Engine | Connection, cells: list) -> None:
    """Add what ``cells`` contribute to the three aggregate tables (rows already there stay,
    so a test may add cells to a dataset's)."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            add_aggregates(connection, cells)
        return
    referrals = _frame(cells, ReferralCell)
    episodes = _frame(cells, EpisodeCell)
    region_referral_key = ["region", "month", "condition", "destination", "age_band", "sex"]
    region_episode_key = ["region", "month", "destination", "condition"]
    parts = {
        AggPracticeMonth: (_PRACTICE_KEY, _REFERRAL_SUMS + _EPISODE_SUMS, [
            referrals.groupby(_PRACTICE_KEY, as_index=False)[_REFERRAL_SUMS].sum(),
            episodes.groupby(_PRACTICE_KEY, as_index=False)[_EPISODE_SUMS].sum(),
        ]),
        AggReferralRegionMonth: (region_referral_key, _REFERRAL_SUMS, [
            referrals.groupby(region_referral_key, as_index=False)[_REFERRAL_SUMS].sum(),
        ]),
        AggEpisodeRegionMonth: (region_episode_key, ["episodes", *_EPISODE_SUMS], [
            episodes.groupby(region_episode_key, as_index=False)[
                ["episodes", *_EPISODE_SUMS]].sum(),
        ]),
    }
    for model, (key, sums, frames) in parts.items():
        existing = _existing(bind, model)
        combined = pd.concat([existing, *frames], ignore_index=True)
        combined["month"] = pd.to_datetime(combined["month"]).dt.date
        combined = combined.groupby(key, as_index=False)[sums].sum(min_count=1).fillna(0)
        table = model.__table__
        bind.execute(table.delete())
        if len(combined):
            bind.execute(insert(table), _records(combined[key + sums]))
    add_practice_destinations(bind)
    add_population_aggregate(bind)
    add_wait_years(bind)


def add_practice_destinations(bind: Connection) -> None:
    """Rebuild ``agg_practice_month_destinations`` from the ``agg_practice_month`` rows in the
    database (a pandas pivot, not the loader's code)."""
    practice_month = _existing(bind, AggPracticeMonth)
    table = AggPracticeMonthDestinations.__table__
    bind.execute(table.delete())
    if not len(practice_month):
        return
    wide = practice_month.pivot_table(index=["region", "month", "practice"],
                                      columns="destination", values="referrals",
                                      aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(DESTINATIONS), fill_value=0).reset_index()
    bind.execute(insert(table), [
        {"region": r, "month": m, "practice": p,
         **{d: int(n) for d, n in zip(DESTINATIONS, counts, strict=True)}}
        for r, m, p, *counts in wide.itertuples(index=False)])


def add_wait_years(bind: Connection) -> None:
    """Rebuild ``agg_wait_days_year`` from the ``agg_wait_days`` rows in the database."""
    waits = AggWaitDays.__table__
    rows = bind.execute(select(waits.c.region, waits.c.month, waits.c.wait_days,
                               waits.c.episodes)).all()
    totals: dict[tuple, int] = {}
    for region, month, days, episodes in rows:
        key = (region, pd.Timestamp(month).year, int(days))
        totals[key] = totals.get(key, 0) + int(episodes)
    table = AggWaitDaysYear.__table__
    bind.execute(table.delete())
    if totals:
        bind.execute(insert(table), [
            {"region": r, "year": y, "wait_days": d, "episodes": n}
            for (r, y, d), n in sorted(totals.items())])


def add_population_aggregate(bind: Engine | Connection) -> None:
    """Rebuild ``agg_population_region_year`` and ``agg_population_practice_year`` from the
    ``practice_population`` and ``practice`` rows in the database (with pandas, not the
    loader's SQL)."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            add_population_aggregate(connection)
        return
    population, practice = PracticePopulation.__table__, Practice.__table__
    rows = bind.execute(select(practice.c.region, population.c.practice, population.c.year,
                               population.c.age_band, population.c.sex,
                               population.c.listed_patients)
                        .join(practice, practice.c.code == population.c.practice)).all()
    key = ["region", "year", "age_band", "sex"]
    frame = pd.DataFrame([tuple(row) for row in rows],
                         columns=["region", "practice", "year", "age_band", "sex",
                                  "listed_patients"])
    sums = frame.groupby(key, as_index=False)["listed_patients"].sum()
    table = AggPopulationRegionYear.__table__
    bind.execute(table.delete())
    if len(sums):
        bind.execute(insert(table), [
            {"region": r, "year": int(y), "age_band": a, "sex": s, "listed_patients": int(n)}
            for r, y, a, s, n in sums.itertuples(index=False)])
    # One row per practice-year, a column per stratum; None where the practice has no row.
    by_practice_year: dict[tuple, dict] = {}
    for region, code, year, age_band, sex, listed in frame.itertuples(index=False):
        cells = by_practice_year.setdefault((region, int(year), code), {})
        cells[population_stratum_column(age_band, sex)] = int(listed)
    table = AggPopulationPracticeYear.__table__
    bind.execute(table.delete())
    if by_practice_year:
        bind.execute(insert(table), [
            {"region": r, "year": y, "practice": p,
             **{column: cells.get(column) for column in POPULATION_STRATA}}
            for (r, y, p), cells in sorted(by_practice_year.items())])
