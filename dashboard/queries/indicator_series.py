"""The monthly series of any catalogue indicator for one region.

``indicator_series(engine, code, region)`` returns one row per period (oldest first) with
``month`` (a ``Timestamp``, the first day of the month), ``numerator``, ``denominator`` and
``value`` = numerator / denominator x ``SPECS[code].scale``, in the indicator's unit:

* rates (VERW_CARD, VERW_ZH, OPNAME_HF): events per 1,000 person-years; the denominator is in
  person-years (so a u-chart takes ``denominator / 1000`` as exposure);
* percentages (ALV_AANDEEL, ALV_AFGEHANDELD, RTA_CONFORM): a fraction 0-1, as the p-chart and
  ``formatting.format_percent`` expect;
* means (TEVREDENHEID, WERKPLEZIER, KOSTEN_PP): numerator = sum, denominator = number;
* KOSTEN_INW: euros per inhabitant per year (denominator in inhabitant-years);
* WACHTTIJD: the median number of days from referral to first consult, per referral month; a
  median has no numerator (NaN), the denominator is the number of first consults. A month
  counts once 91 days have passed since its end (``WAIT_FOLLOW_UP_DAYS``), and ALV_AFGEHANDELD
  once 182 days have, since before that the follow-up is incomplete.

Person-years of a month are listed patients (or inhabitants) of that calendar year x days in the
month / days in the year, so February is not read as a fall in rates. A year without a
population count borrows the nearest year that has one. Only aggregate tables and small
dimension tables are read; the raw referral table is asked only for the data date, on its
(region, month) index.

Periods without a denominator (no referrals, no responses) are left out. A last month that is
not complete yet (data date before its last day) is left out of the referral-based series, since
a part-month would look like a fall. WERKPLEZIER comes from a yearly survey: its rows are years
(``month`` = 1 January), see ``SPECS[code].frequency``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine, and_, func, select

from dashboard.models import (
    AggEpisodeRegionMonth,
    AggPopulationRegionYear,
    AggReferralRegionMonth,
    AggSatisfaction,
    AggWaitDays,
    Cost,
    HeartFailureAdmission,
    Referral,
    RegionPopulation,
    SurveyResponse,
)
from dashboard.queries.anderhalvelijn import CARE_COST_TYPE
from dashboard.scope import Scope

SERIES_COLUMNS = ["month", "numerator", "denominator", "value"]
PER_1000 = 1000.0
RESOLVED_FOLLOW_UP_DAYS = 182  # the ETL's "within 6 months" window for ALV_AFGEHANDELD
# A referral month's waiting time counts once 13 weeks have passed since its end; earlier, the
# referrals still waiting are missing and only the quick ones pull the median down.
WAIT_FOLLOW_UP_DAYS = 91
HOSPITAL = "ziekenhuis"
ELSEWHERE = ("anderhalvelijn", "econsult")


@dataclass(frozen=True)
class SeriesSpec:
    """How an indicator's series is built and shown.

    ``kind``: rate | proportion | mean | median. ``unit``: short unit code for axis titles
    (i18n key ``pdca.unit.<unit>``). ``display_scale`` turns ``value`` into the number people
    read and type (100 for percentages, so a target of 85 means 85%). ``counts`` names the
    columns that count people or events, which the small-number rule applies to.
    """

    code: str
    kind: str
    unit: str
    scale: float = 1.0
    display_scale: float = 1.0
    frequency: str = "month"  # month | year
    counts: tuple[str, ...] = ()


_NUM = ("numerator",)
_DEN = ("denominator",)
_BOTH = ("numerator", "denominator")
SPECS: dict[str, SeriesSpec] = {
    "VERW_CARD": SeriesSpec("VERW_CARD", "rate", "per_1000_py", scale=PER_1000, counts=_NUM),
    "VERW_ZH": SeriesSpec("VERW_ZH", "rate", "per_1000_py", scale=PER_1000, counts=_NUM),
    "ALV_AANDEEL": SeriesSpec(
        "ALV_AANDEEL", "proportion", "percent", display_scale=100.0, counts=_BOTH
    ),
    "ALV_AFGEHANDELD": SeriesSpec(
        "ALV_AFGEHANDELD", "proportion", "percent", display_scale=100.0, counts=_BOTH
    ),
    "WACHTTIJD": SeriesSpec("WACHTTIJD", "median", "days", counts=_DEN),
    "RTA_CONFORM": SeriesSpec(
        "RTA_CONFORM", "proportion", "percent", display_scale=100.0, counts=_BOTH
    ),
    "KOSTEN_PP": SeriesSpec("KOSTEN_PP", "mean", "euro_per_patient", counts=_DEN),
    "KOSTEN_INW": SeriesSpec("KOSTEN_INW", "mean", "euro_per_inhabitant"),
    "TEVREDENHEID": SeriesSpec("TEVREDENHEID", "mean", "score", counts=_DEN),
    "WERKPLEZIER": SeriesSpec("WERKPLEZIER", "mean", "score", frequency="year", counts=_DEN),
    "OPNAME_HF": SeriesSpec("OPNAME_HF", "rate", "per_1000_py", scale=PER_1000, counts=_NUM),
}


def spec(code: str) -> SeriesSpec:
    if code not in SPECS:
        known = ", ".join(SPECS)
        raise ValueError(f"unknown indicator {code!r}; known indicators: {known}")
    return SPECS[code]


# ---- helpers -------------------------------------------------------------------------------


def _rows(conn, statement, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame([tuple(row) for row in conn.execute(statement).all()], columns=columns)


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in SERIES_COLUMNS})
    frame["month"] = pd.Series(dtype="datetime64[ns]")
    return frame


def _finish(frame: pd.DataFrame, scale: float) -> pd.DataFrame:
    """Drop periods without a denominator, compute ``value``, order and type the columns."""
    if frame.empty:
        return _empty()
    frame = frame.copy()
    frame["month"] = pd.to_datetime(frame["month"]).astype("datetime64[ns]")
    frame["numerator"] = pd.to_numeric(frame["numerator"], errors="coerce").astype("float64")
    frame["denominator"] = pd.to_numeric(frame["denominator"]).astype("float64")
    frame = frame[frame["denominator"] > 0]
    if "value" not in frame:
        frame["value"] = frame["numerator"] / frame["denominator"] * scale
    frame["value"] = frame["value"].astype("float64")
    return frame[SERIES_COLUMNS].sort_values("month").reset_index(drop=True)


def _month_range(first, last) -> pd.DatetimeIndex:
    return pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="MS")


def _year_fraction(months: pd.Series) -> pd.Series:
    """Days in each month / days in its year: the share of a year a month's exposure covers."""
    months = pd.to_datetime(months)
    days_in_year = np.where(months.dt.is_leap_year, 366.0, 365.0)
    return months.dt.days_in_month / days_in_year


def _nearest_year(by_year: pd.Series, years: pd.Series) -> pd.Series:
    """Look up ``by_year`` (indexed by year) for each year, borrowing the nearest year known."""
    if by_year.empty:
        return pd.Series(np.nan, index=years.index)
    known = np.asarray(sorted(by_year.index), dtype=int)
    wanted = years.to_numpy(dtype=int)
    # Nearest known year; a tie (equally far before and after) takes the earlier one.
    pos = np.clip(np.searchsorted(known, wanted), 0, len(known) - 1)
    before = np.clip(pos - 1, 0, len(known) - 1)
    use_before = np.abs(known[before] - wanted) <= np.abs(known[pos] - wanted)
    chosen = np.where(use_before, known[before], known[pos])
    return pd.Series(by_year.loc[chosen].to_numpy(dtype=float), index=years.index)


def _data_date(conn, region: str) -> date | None:
    agg = AggReferralRegionMonth.__table__
    referral = Referral.__table__
    last_month = conn.execute(select(func.max(agg.c.month)).where(agg.c.region == region)).scalar()
    if last_month is None:
        return None
    return conn.execute(
        select(func.max(referral.c.referral_date)).where(
            and_(referral.c.region == region, referral.c.month == last_month)
        )
    ).scalar() or _month_end(last_month)


def _month_end(month) -> date:
    stamp = pd.Timestamp(month)
    return (stamp + pd.offsets.MonthEnd(0)).date()


def _first_of_month(years: pd.Series, months) -> pd.Series:
    if years.empty:
        return pd.Series(dtype="datetime64[ns]", index=years.index)
    return pd.to_datetime({"year": years, "month": months, "day": 1})


def _followed_up(frame: pd.DataFrame, data_date: date | None, days: int) -> pd.DataFrame:
    """The months that ended at least ``days`` before the data date."""
    if data_date is None or frame.empty:
        return frame
    ends = pd.to_datetime(frame["month"]) + pd.offsets.MonthEnd(0)
    return frame[ends + timedelta(days=days) <= pd.Timestamp(data_date)]


def _complete_months(frame: pd.DataFrame, data_date: date | None) -> pd.DataFrame:
    if data_date is None or frame.empty:
        return frame
    ends = pd.to_datetime(frame["month"]) + pd.offsets.MonthEnd(0)
    return frame[ends <= pd.Timestamp(data_date)]


# ---- sources -------------------------------------------------------------------------------


def _referrals_by_month(conn, region: str) -> pd.DataFrame:
    """Referrals per month and destination, every month of the region's period present."""
    agg = AggReferralRegionMonth.__table__
    counts = _rows(
        conn,
        select(
            agg.c.month,
            agg.c.destination,
            func.sum(agg.c.referrals),
            func.sum(agg.c.rta_conform),
        )
        .where(agg.c.region == region)
        .group_by(agg.c.month, agg.c.destination),
        ["month", "destination", "referrals", "rta_conform"],
    )
    if counts.empty:
        return pd.DataFrame(columns=["month", "all", "hospital", "elsewhere", "rta_conform"])
    counts["month"] = pd.to_datetime(counts["month"])
    counts[["referrals", "rta_conform"]] = counts[["referrals", "rta_conform"]].astype(float)
    wide = pd.DataFrame(index=_month_range(counts["month"].min(), counts["month"].max()))
    by_month = counts.groupby("month")
    wide["all"] = by_month["referrals"].sum()
    wide["rta_conform"] = by_month["rta_conform"].sum()
    for name, destinations in (("hospital", (HOSPITAL,)), ("elsewhere", ELSEWHERE)):
        part = counts[counts["destination"].isin(destinations)]
        wide[name] = part.groupby("month")["referrals"].sum()
    wide = wide.fillna(0.0).rename_axis("month").reset_index()
    return _complete_months(wide, _data_date(conn, region))


def _listed_person_years(conn, region: str, months: pd.Series) -> pd.Series:
    population = AggPopulationRegionYear.__table__
    listed = _rows(
        conn,
        select(population.c.year, func.sum(population.c.listed_patients))
        .where(population.c.region == region)
        .group_by(population.c.year),
        ["year", "listed"],
    ).set_index("year")["listed"]
    months = pd.to_datetime(months)
    return _nearest_year(listed, months.dt.year) * _year_fraction(months)


def _inhabitant_years(conn, region: str, months: pd.Series, column: str) -> pd.Series:
    table = RegionPopulation.__table__
    counts = _rows(
        conn,
        select(table.c.year, table.c[column]).where(table.c.region == region),
        ["year", "inhabitants"],
    ).set_index("year")["inhabitants"]
    months = pd.to_datetime(months)
    return _nearest_year(counts, months.dt.year) * _year_fraction(months)


def _referral_rate(column: str) -> Callable[[object, str], pd.DataFrame]:
    def build(conn, region: str) -> pd.DataFrame:
        counts = _referrals_by_month(conn, region)
        if counts.empty:
            return counts
        return pd.DataFrame(
            {
                "month": counts["month"],
                "numerator": counts[column],
                "denominator": _listed_person_years(conn, region, counts["month"]),
            }
        )

    return build


def _referral_share(numerator: str) -> Callable[[object, str], pd.DataFrame]:
    def build(conn, region: str) -> pd.DataFrame:
        counts = _referrals_by_month(conn, region)
        return pd.DataFrame(
            {"month": counts["month"], "numerator": counts[numerator], "denominator": counts["all"]}
        )

    return build


def _resolved(conn, region: str) -> pd.DataFrame:
    episode = AggEpisodeRegionMonth.__table__
    frame = _rows(
        conn,
        select(episode.c.month, func.sum(episode.c.resolved_6m), func.sum(episode.c.episodes))
        .where(and_(episode.c.region == region, episode.c.destination == "anderhalvelijn"))
        .group_by(episode.c.month),
        ["month", "numerator", "denominator"],
    )
    # Only referral months whose every episode has had its full 6-month follow-up count.
    return _followed_up(frame, _data_date(conn, region), RESOLVED_FOLLOW_UP_DAYS)


def _median_wait(conn, region: str) -> pd.DataFrame:
    waits = AggWaitDays.__table__
    histogram = _rows(
        conn,
        select(waits.c.month, waits.c.wait_days, func.sum(waits.c.episodes))
        .where(waits.c.region == region)
        .group_by(waits.c.month, waits.c.wait_days),
        ["month", "wait_days", "episodes"],
    )
    if histogram.empty:
        return histogram
    rows = []
    for month, group in histogram.groupby("month", sort=True):
        group = group.sort_values("wait_days")
        counts = group["episodes"].to_numpy(dtype=int)
        days = group["wait_days"].to_numpy(dtype=float)
        total = int(counts.sum())
        if total == 0:
            continue
        cumulative = np.cumsum(counts)
        # Median of the expanded histogram: the mean of the two middle values when n is even.
        low = days[np.searchsorted(cumulative, (total - 1) // 2 + 1)]
        high = days[np.searchsorted(cumulative, total // 2 + 1)]
        rows.append((month, np.nan, total, (low + high) / 2))
    frame = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    return _followed_up(frame, _data_date(conn, region), WAIT_FOLLOW_UP_DAYS)


def _monthly_cost(conn, region: str, care_only: bool = False) -> pd.DataFrame:
    """Costs booked per month (whole-year amounts, month 0, cannot be placed in a month).

    ``care_only``: cost type "zorg" only, the numerator of the cost per patient; the cost per
    inhabitant counts the network programme too (catalogue KOSTEN_PP and KOSTEN_INW).
    """
    cost = Cost.__table__
    where = and_(cost.c.region == region, cost.c.month > 0)
    if care_only:
        where = and_(where, cost.c.cost_type == CARE_COST_TYPE)
    frame = _rows(
        conn,
        select(cost.c.year, cost.c.month, func.sum(cost.c.amount))
        .where(where)
        .group_by(cost.c.year, cost.c.month),
        ["year", "month_number", "amount"],
    )
    frame["month"] = _first_of_month(frame["year"], frame["month_number"])
    return frame[["month", "amount"]]


def _cost_per_patient(conn, region: str) -> pd.DataFrame:
    costs = _monthly_cost(conn, region, care_only=True)
    referrals = _referrals_by_month(conn, region)
    if costs.empty or referrals.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    merged = costs.merge(referrals[["month", "all"]], on="month", how="inner")
    return pd.DataFrame(
        {"month": merged["month"], "numerator": merged["amount"], "denominator": merged["all"]}
    )


def _cost_per_inhabitant(conn, region: str) -> pd.DataFrame:
    costs = _monthly_cost(conn, region)
    return pd.DataFrame(
        {
            "month": costs["month"],
            "numerator": costs["amount"],
            "denominator": _inhabitant_years(conn, region, costs["month"], "inhabitants"),
        }
    )


def _satisfaction(conn, region: str) -> pd.DataFrame:
    table = AggSatisfaction.__table__
    return _rows(
        conn,
        select(table.c.month, func.sum(table.c.score_sum), func.sum(table.c.responses))
        .where(table.c.region == region)
        .group_by(table.c.month),
        ["month", "numerator", "denominator"],
    )


def _professional_satisfaction(conn, region: str) -> pd.DataFrame:
    table = SurveyResponse.__table__
    frame = _rows(
        conn,
        select(table.c.year, func.sum(table.c.score), func.count())
        .where(table.c.region == region)
        .group_by(table.c.year),
        ["year", "numerator", "denominator"],
    )
    frame["month"] = _first_of_month(frame["year"], 1)
    return frame[["month", "numerator", "denominator"]]


def _hf_admissions(conn, region: str) -> pd.DataFrame:
    table = HeartFailureAdmission.__table__
    frame = _rows(
        conn,
        select(table.c.year, table.c.month, table.c.admissions).where(
            and_(table.c.region == region, table.c.month > 0)
        ),
        ["year", "month_number", "numerator"],
    )
    if frame.empty:
        return frame
    frame["month"] = _first_of_month(frame["year"], frame["month_number"])
    frame["denominator"] = _inhabitant_years(conn, region, frame["month"], "inhabitants_18plus")
    return frame[["month", "numerator", "denominator"]]


_BUILDERS: dict[str, Callable[[object, str], pd.DataFrame]] = {
    "VERW_CARD": _referral_rate("all"),
    "VERW_ZH": _referral_rate("hospital"),
    "ALV_AANDEEL": _referral_share("elsewhere"),
    "ALV_AFGEHANDELD": _resolved,
    "WACHTTIJD": _median_wait,
    "RTA_CONFORM": _referral_share("rta_conform"),
    "KOSTEN_PP": _cost_per_patient,
    "KOSTEN_INW": _cost_per_inhabitant,
    "TEVREDENHEID": _satisfaction,
    "WERKPLEZIER": _professional_satisfaction,
    "OPNAME_HF": _hf_admissions,
}


def indicator_series(engine: Engine, indicator_code: str, region: str) -> pd.DataFrame:
    """The series of ``indicator_code`` for ``region`` (columns ``SERIES_COLUMNS``).

    See the module docstring for the definition per indicator. An unknown indicator is an error
    that lists the known ones; a region without data gives an empty frame with the columns.
    """
    series_spec = spec(indicator_code)
    with engine.connect() as conn:
        frame = _BUILDERS[indicator_code](conn, region)
    return _finish(frame, series_spec.scale)



def indicator_series_for(engine: Engine, scope: Scope, indicator_code: str,
                         region: str) -> pd.DataFrame:
    """:func:`indicator_series` of a region whose aggregates ``scope`` may see."""
    scope.check_region(region)
    return indicator_series(engine, indicator_code, region)
