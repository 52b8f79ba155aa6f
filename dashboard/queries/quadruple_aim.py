"""Yearly figures per region for the Quadruple Aim tiles on the Overzicht page.

Each function returns one row per region and calendar year with the counts and sums an
indicator is built from, plus ``months``: how many calendar months of that year the source
holds, so the caller can keep to complete years.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, distinct, extract, func, select

from dashboard.models import (
    AggSatisfaction,
    AggWaitDays,
    Cost,
    HeartFailureAdmission,
    RegionPopulation,
    SurveyResponse,
)


def _frame(conn, statement, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(statement).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=columns)
    if "year" in frame:
        frame["year"] = frame["year"].astype(int)
    return frame


def population(engine: Engine) -> pd.DataFrame:
    """Columns ``region``, ``year``, ``inhabitants``, ``inhabitants_18plus``."""
    table = RegionPopulation.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                table.c.region, table.c.year, table.c.inhabitants, table.c.inhabitants_18plus
            ),
            ["region", "year", "inhabitants", "inhabitants_18plus"],
        )


def hf_admissions(engine: Engine) -> pd.DataFrame:
    """Columns ``region``, ``year``, ``admissions``, ``months``."""
    table = HeartFailureAdmission.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                table.c.region,
                table.c.year,
                func.sum(table.c.admissions),
                func.count(distinct(table.c.month)),
            ).group_by(table.c.region, table.c.year),
            ["region", "year", "admissions", "months"],
        )


def satisfaction(engine: Engine) -> pd.DataFrame:
    """All settings together: ``region``, ``year``, ``responses``, ``score_sum``,
    ``score_sq_sum``, ``months`` (consult months with a score)."""
    table = AggSatisfaction.__table__
    year = extract("year", table.c.month)
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                table.c.region,
                year,
                func.sum(table.c.responses),
                func.sum(table.c.score_sum),
                func.sum(table.c.score_sq_sum),
                func.count(distinct(table.c.month)),
            ).group_by(table.c.region, year),
            ["region", "year", "responses", "score_sum", "score_sq_sum", "months"],
        )


def wait_histogram(engine: Engine) -> pd.DataFrame:
    """All settings together: ``region``, ``year`` (referral year), ``wait_days``,
    ``episodes``; and per region-year the referral ``months`` present."""
    table = AggWaitDays.__table__
    year = extract("year", table.c.month)
    with engine.connect() as conn:
        histogram = _frame(
            conn,
            select(table.c.region, year, table.c.wait_days, func.sum(table.c.episodes))
            .group_by(table.c.region, year, table.c.wait_days),
            ["region", "year", "wait_days", "episodes"],
        )
        months = _frame(
            conn,
            select(table.c.region, year, func.count(distinct(table.c.month))).group_by(
                table.c.region, year
            ),
            ["region", "year", "months"],
        )
    return histogram.merge(months, on=["region", "year"], how="left")


def costs(engine: Engine) -> pd.DataFrame:
    """All settings, cost types and payers: ``region``, ``year``, ``amount``, ``months``
    (months with monthly amounts; 12 when the year has whole-year amounts only)."""
    table = Cost.__table__
    with engine.connect() as conn:
        totals = _frame(
            conn,
            select(table.c.region, table.c.year, func.sum(table.c.amount)).group_by(
                table.c.region, table.c.year
            ),
            ["region", "year", "amount"],
        )
        months = _frame(
            conn,
            select(
                table.c.region,
                table.c.year,
                func.count(distinct(case((table.c.month > 0, table.c.month)))),
                func.sum(case((table.c.month == 0, 1), else_=0)),
            ).group_by(table.c.region, table.c.year),
            ["region", "year", "monthly", "whole_year"],
        )
    # Monthly amounts decide completeness when there are any; whole-year amounts alone (as
    # programme costs are delivered) count as a complete year.
    whole_year_only = (months["monthly"] == 0) & (months["whole_year"] > 0)
    months["months"] = months["monthly"].where(~whole_year_only, 12).astype(int)
    return totals.merge(months[["region", "year", "months"]], on=["region", "year"], how="left")


def survey(engine: Engine) -> pd.DataFrame:
    """Werkplezier: ``region``, ``year``, ``responses``, ``score_sum``, ``score_sq_sum``."""
    table = SurveyResponse.__table__
    with engine.connect() as conn:
        return _frame(
            conn,
            select(
                table.c.region,
                table.c.year,
                func.count(),
                func.sum(table.c.score),
                func.sum(table.c.score * table.c.score),
            ).group_by(table.c.region, table.c.year),
            ["region", "year", "responses", "score_sum", "score_sq_sum"],
        )
