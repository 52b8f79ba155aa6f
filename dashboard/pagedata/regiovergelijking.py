"""Everything the Regio-vergelijking page shows, assembled without Streamlit.

A profile table in the style of Public Health England's Fingertips: one row per indicator of
the catalogue, one column per region plus the all-regions benchmark. Per cell:

* the value of the chosen calendar year with its 95% interval: exact Poisson (Garwood) for
  rates, Wilson for percentages, Student t for mean scores, the distribution-free
  order-statistic interval for the median waiting time; costs have no interval (totals, not
  samples);
* the comparison with the benchmark (all regions pooled): "better"/"worse" when the
  benchmark lies outside the region's interval, in the indicator's direction; "higher"/
  "lower" for an indicator without a preferred direction; "similar" otherwise; "not_compared"
  (grey) without an interval, with suppressed small numbers or without data
  (``stats.compare_with_benchmark``; PHE Fingertips method);
* the recent trend: the chosen year against the year before, with a test per kind of value
  (rates: exact conditional Poisson test; percentages: Newcombe's interval for the
  difference; means: Welch's t-test; medians: Mood's median test; all at 5%). The arrow shows
  the direction of the change; it is coloured only when the change is significant. Costs
  have no test: their arrow shows the direction, marked "not tested".

Months count as in the PDCA series (``queries.indicator_series``): a referral month once it
is complete, waiting times 91 days and the resolved share 182 days after the month's end,
each against the region's data date. Person-years are listed patients (inhabitants) of the
year times the share of the year a month covers. Counts from 1 to 9 (privacy threshold) hide
the value built on them, for regions and the benchmark alike. No practice appears anywhere:
the queries group by region.

:func:`regiovergelijking` builds :class:`RegioData`; :func:`indicator_detail` gives the trend
per region and the funnel across regions of one row of the table.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import i18n
from dashboard.formatting import MISSING, format_euro, format_number, format_percent
from dashboard.indicators import BY_CODE
from dashboard.pagedata.measures import mean_ci_from_sums
from dashboard.privacy import complementary_suppression, is_small, threshold
from dashboard.queries import anderhalvelijn as region_queries
from dashboard.queries import quadruple_aim
from dashboard.queries import regiovergelijking as queries
from dashboard.queries.indicator_series import (
    RESOLVED_FOLLOW_UP_DAYS,
    WAIT_FOLLOW_UP_DAYS,
    _nearest_year,
    _year_fraction,
)
from dashboard.scope import Scope
from dashboard.stats import (
    compare_with_benchmark,
    direct_standardise,
    funnel_classify,
    funnel_grid,
    funnel_limits,
    funnel_limits_normal,
    mean_change,
    median_change,
    median_ci,
    proportion_change,
    proportion_ci,
    rate_change,
    rate_ci,
)

BENCHMARK = "ALL"
TREEKNORM_DAYS = 28
# Population rates compared across regions with their age and sex mix taken out: the
# referral counts per age band x sex behind each (``agg_referral_region_month``).
STANDARDISED_ROWS = {"VERW_CARD": "all", "VERW_ZH": "hospital"}
STRATA = ("age_band", "sex")
PER_1000 = 1000.0
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class RowSpec:
    """One row of the profile table.

    ``row`` is the row's key (the catalogue code, or code plus measure for a second measure
    of the same indicator); ``measure``: rate | proportion | mean | median | ratio; ``unit``:
    i18n key suffix ``regio.unit.<unit>``; ``frequency`` of the trend chart: month | year.
    """

    row: str
    code: str
    measure: str
    unit: str
    direction: str
    frequency: str = "month"
    decimals: int = 1


ROWS: tuple[RowSpec, ...] = (
    RowSpec("VERW_CARD", "VERW_CARD", "rate", "per_1000_py", "neutral"),
    RowSpec("VERW_ZH", "VERW_ZH", "rate", "per_1000_py", "lower"),
    RowSpec("ALV_AANDEEL", "ALV_AANDEEL", "proportion", "percent", "higher"),
    RowSpec("ALV_AFGEHANDELD", "ALV_AFGEHANDELD", "proportion", "percent", "higher"),
    RowSpec("WACHTTIJD", "WACHTTIJD", "median", "days", "lower", decimals=0),
    RowSpec("WACHTTIJD_4W", "WACHTTIJD", "proportion", "percent", "higher"),
    RowSpec("RTA_CONFORM", "RTA_CONFORM", "proportion", "percent", "higher"),
    RowSpec("KOSTEN_PP", "KOSTEN_PP", "ratio", "euro_per_patient", "lower", "year", 0),
    RowSpec("KOSTEN_INW", "KOSTEN_INW", "ratio", "euro_per_inhabitant", "lower", "year", 2),
    RowSpec("TEVREDENHEID", "TEVREDENHEID", "mean", "score", "higher", decimals=2),
    RowSpec("WERKPLEZIER", "WERKPLEZIER", "mean", "score", "higher", "year", 2),
    RowSpec("OPNAME_HF", "OPNAME_HF", "rate", "per_1000_py", "lower", decimals=2),
)
ROW_BY_KEY: dict[str, RowSpec] = {spec.row: spec for spec in ROWS}

MONTHLY_COLUMNS = ["region", "row", "month", "numerator", "denominator", "sq", "whole_year"]
TABLE_COLUMNS = [
    "row", "code", "measure", "unit", "direction", "region", "region_name", "is_benchmark",
    "year", "months", "numerator", "denominator", "value", "low", "high", "benchmark",
    "comparison", "reason", "previous_value", "change", "trend", "trend_p", "trend_assessment",
    "suppressed", "label", "standardised", "crude_value",
]
# Cell colours: blue/orange (not green/red) so colour-blind readers can tell better from
# worse; purple shades where an indicator has no preferred direction, grey where not compared.
COMPARISON_COLOURS = {
    "better": "#9ecae1",
    "similar": "#fff2b2",
    "worse": "#fdae6b",
    "higher": "#bcbddc",
    "lower": "#dadaeb",
    "not_compared": "#e0e0e0",
    "benchmark": "#ffffff",
}
TREND_SYMBOLS = {"up": "↑", "down": "↓", "flat": "→"}


@dataclass
class RegioData:
    regions: pd.DataFrame  # region, name, data_date
    years: list[int] = field(default_factory=list)
    year: int | None = None
    monthly: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MONTHLY_COLUMNS))
    # Waiting-time histogram per region and year (complete follow-up only), for medians.
    wait_years: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["region", "year", "wait_days", "episodes"])
    )
    cutoffs: tuple[tuple[str, Any], ...] = ()  # wait_cutoffs(): the monthly histogram's filter
    table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TABLE_COLUMNS))
    lang: str = "nl"
    # Directly standardised rates for STANDARDISED_ROWS: referrals and listed patients per
    # age band x sex (empty when not standardising).
    standardise: bool = False
    referral_strata: pd.DataFrame = field(default_factory=pd.DataFrame)
    listed_strata: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def has_data(self) -> bool:
        return self.year is not None and bool(self.table["value"].notna().any())

    @property
    def region_names(self) -> dict[str, str]:
        names = dict(zip(self.regions["region"], self.regions["name"], strict=True))
        names[BENCHMARK] = i18n.translate("regio.benchmark", self.lang)
        return names

    def wide(self) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
        """The profile table as shown: ``(cells, colours, rows)``, one line per table row.

        ``cells`` has the indicator, its unit and the period (headers in the data's
        language), then one text column per region name and the benchmark; ``colours`` has
        the same shape with a CSS background per region cell (empty elsewhere); ``rows`` are
        the row keys (``ROWS``) in table order.
        """
        return _wide(self)


# ---- formatting ----------------------------------------------------------------------------


def format_value(value: Any, spec: RowSpec, lang: str) -> str:
    if spec.unit == "percent":
        return format_percent(value, spec.decimals, lang)
    if spec.unit.startswith("euro"):
        return format_euro(value, spec.decimals, lang)
    return format_number(value, spec.decimals, lang)


def _label(row: dict, spec: RowSpec, lang: str) -> str:
    if row["suppressed"]:
        # A region hidden only to protect another's small count is not small itself.
        return MISSING if row.get("reason") == "complement" else f"<{threshold()}"
    if pd.isna(row["value"]):
        return "–"
    text = format_value(row["value"], spec, lang)
    if pd.notna(row["low"]) and pd.notna(row["high"]):
        text += (
            f" ({format_value(row['low'], spec, lang)}–{format_value(row['high'], spec, lang)})"
        )
    if row.get("trend") in TREND_SYMBOLS:
        text += f" {TREND_SYMBOLS[row['trend']]}"
    return text


# ---- building the monthly base -------------------------------------------------------------


def _month_end(months: pd.Series) -> pd.Series:
    return pd.to_datetime(months) + pd.offsets.MonthEnd(0)


def _keep_followed(frame: pd.DataFrame, data_dates: dict[str, Any], days: int) -> pd.DataFrame:
    """Rows whose month ended ``days`` or more before their region's data date."""
    if frame.empty:
        return frame
    cutoff = frame["region"].map(
        lambda r: pd.Timestamp(data_dates[r]) if data_dates.get(r) is not None else pd.NaT
    )
    ends = _month_end(frame["month"]) + timedelta(days=days)
    return frame[cutoff.isna() | (ends <= cutoff)]


def _by_region_year(table: pd.DataFrame, column: str, frame: pd.DataFrame) -> pd.Series:
    """``table[column]`` per (region, year) looked up for each row of ``frame`` (region,
    month); a year without a count borrows the nearest year of the same region."""
    out = pd.Series(np.nan, index=frame.index)
    years = pd.to_datetime(frame["month"]).dt.year
    for region, rows in frame.groupby("region").groups.items():
        known = table[table["region"] == region].set_index("year")[column]
        out.loc[rows] = _nearest_year(known.astype(float), years.loc[rows]).to_numpy()
    return out


def _rows(region, row, month, numerator, denominator, sq=np.nan, whole_year=False):
    return pd.DataFrame(
        {
            "region": region, "row": row, "month": month, "numerator": numerator,
            "denominator": denominator, "sq": sq, "whole_year": whole_year,
        }
    )


def wait_cutoffs(data_dates: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Per region the last referral month whose waiting times are complete: it ended at
    least ``WAIT_FOLLOW_UP_DAYS`` before the data date (None: no data date, no limit)."""
    out = []
    for region, data_date in sorted(data_dates.items()):
        if data_date is None:
            out.append((region, None))
            continue
        last_end = pd.Timestamp(data_date) - timedelta(days=WAIT_FOLLOW_UP_DAYS)
        month = last_end.replace(day=1)
        if last_end != month + pd.offsets.MonthEnd(0):
            month = month - pd.offsets.MonthBegin(1)
        out.append((region, month.date()))
    return tuple(out)


def _monthly(engine: Engine, data_dates: dict[str, Any]) -> pd.DataFrame:
    parts: list[pd.DataFrame] = []
    referrals = queries.referral_months(engine)
    if not referrals.empty:
        ends = _month_end(referrals["month"])
        cutoff = referrals["region"].map(lambda r: pd.Timestamp(data_dates.get(r) or "2100"))
        referrals = referrals[ends <= cutoff]  # a part-month would look like a fall
    if not referrals.empty:
        listed = queries.listed_patients(engine)
        person_years = _by_region_year(listed, "listed", referrals) * _year_fraction(
            referrals["month"]
        ).to_numpy()
        r = referrals
        parts += [
            _rows(r["region"], "VERW_CARD", r["month"], r["all"], person_years),
            _rows(r["region"], "VERW_ZH", r["month"], r["hospital"], person_years),
            _rows(r["region"], "ALV_AANDEEL", r["month"], r["elsewhere"], r["all"]),
            _rows(r["region"], "RTA_CONFORM", r["month"], r["rta_conform"], r["all"]),
        ]
    resolved = _keep_followed(queries.resolved_months(engine), data_dates,
                              RESOLVED_FOLLOW_UP_DAYS)
    if not resolved.empty:
        parts.append(_rows(resolved["region"], "ALV_AFGEHANDELD", resolved["month"],
                           resolved["resolved"], resolved["episodes"]))
    waits = _keep_followed(queries.wait_months(engine, TREEKNORM_DAYS), data_dates,
                           WAIT_FOLLOW_UP_DAYS)
    if not waits.empty:
        parts.append(_rows(waits["region"], "WACHTTIJD_4W", waits["month"], waits["within"],
                           waits["episodes"]))
        parts.append(_rows(waits["region"], "WACHTTIJD", waits["month"], np.nan,
                           waits["episodes"]))
    scores = queries.satisfaction_months(engine)
    if not scores.empty:
        parts.append(_rows(scores["region"], "TEVREDENHEID", scores["month"],
                           scores["score_sum"], scores["responses"], scores["score_sq_sum"]))
    survey = quadruple_aim.survey(engine)
    if not survey.empty:
        parts.append(_rows(survey["region"], "WERKPLEZIER",
                           pd.to_datetime(survey["year"].astype(str) + "-01-01"),
                           survey["score_sum"], survey["responses"], survey["score_sq_sum"],
                           True))
    population = quadruple_aim.population(engine)
    admissions = queries.admission_months(engine)
    if not admissions.empty and not population.empty:
        parts.append(_yearly_or_monthly(admissions, "admissions", population,
                                        "inhabitants_18plus", "OPNAME_HF"))
    costs = queries.cost_months(engine)
    if not costs.empty:
        if not population.empty:
            parts.append(_yearly_or_monthly(costs, "total", population, "inhabitants",
                                            "KOSTEN_INW"))
        if not referrals.empty:
            care = costs.groupby(["region", "year"], as_index=False)["care"].sum()
            patients = referrals.assign(year=referrals["month"].dt.year).groupby(
                ["region", "year"], as_index=False)["all"].sum()
            paired = care.merge(patients, on=["region", "year"], how="inner")
            parts.append(_rows(paired["region"], "KOSTEN_PP",
                               pd.to_datetime(paired["year"].astype(str) + "-01-01"),
                               paired["care"], paired["all"], whole_year=True))
    parts = [part for part in parts if not part.empty]
    if not parts:
        return pd.DataFrame(columns=MONTHLY_COLUMNS)
    monthly = pd.concat(parts, ignore_index=True)
    monthly["month"] = pd.to_datetime(monthly["month"]).astype("datetime64[ns]")
    for column in ("numerator", "denominator", "sq"):
        monthly[column] = pd.to_numeric(monthly[column], errors="coerce").astype(float)
    monthly = monthly[monthly["denominator"] > 0]
    return monthly.reset_index(drop=True)


def _yearly_or_monthly(frame, column, population, population_column, row) -> pd.DataFrame:
    """Monthly counts with person-years; month 0 (a whole-year figure) counts a full year."""
    frame = frame.copy()
    whole = frame["month"] == 0
    frame["month"] = pd.to_datetime(
        {"year": frame["year"], "month": frame["month"].where(~whole, 1), "day": 1}
    )
    share = np.where(whole, 1.0, _year_fraction(frame["month"]).to_numpy())
    exposure = _by_region_year(population, population_column, frame) * share
    return _rows(frame["region"], row, frame["month"], frame[column], exposure,
                 whole_year=whole.to_numpy())


# ---- statistics per cell -------------------------------------------------------------------


def _estimate(spec: RowSpec, numerator, denominator, sq, histogram) -> tuple[float, float, float]:
    if denominator is None or not denominator > 0:
        return np.nan, np.nan, np.nan
    if spec.measure == "rate":
        low, high = rate_ci(int(round(numerator)), denominator)
        return numerator / denominator * PER_1000, low * PER_1000, high * PER_1000
    if spec.measure == "proportion":
        low, high = proportion_ci(int(round(numerator)), int(round(denominator)))
        return numerator / denominator, low, high
    if spec.measure == "mean":
        return mean_ci_from_sums(denominator, numerator, sq)
    if spec.measure == "median":
        if histogram is None or histogram.empty:
            return np.nan, np.nan, np.nan
        return median_ci(histogram["wait_days"], histogram["episodes"])
    return numerator / denominator, np.nan, np.nan


def _counts(spec: RowSpec, numerator, denominator) -> list[float]:
    """The counts of people or events a value is built on (the privacy rule applies)."""
    if spec.measure == "rate":
        return [numerator]
    if spec.measure == "proportion":
        return [numerator, denominator, denominator - numerator]
    if spec.row in ("KOSTEN_INW",):
        return []
    return [denominator]


def _change(spec, now, before, histograms) -> tuple[float, float | None, bool | None]:
    """(change, p-value or None, significant or None when not tested)."""
    change = now["value"] - before["value"]
    if spec.measure == "rate":
        _, p = rate_change(now["numerator"], now["denominator"], before["numerator"],
                           before["denominator"])
        return change, p, p < SIGNIFICANCE
    if spec.measure == "proportion":
        _, low, high = proportion_change(now["numerator"], now["denominator"],
                                         before["numerator"], before["denominator"])
        return change, None, bool(low > 0 or high < 0)
    if spec.measure == "mean":
        sd = [
            np.sqrt(max(0.0, (x["sq"] - x["numerator"] ** 2 / x["denominator"])
                        / (x["denominator"] - 1))) if x["denominator"] > 1 else np.nan
            for x in (now, before)
        ]
        _, p = mean_change(now["denominator"], now["value"], sd[0], before["denominator"],
                           before["value"], sd[1])
        return change, p, None if np.isnan(p) else bool(p < SIGNIFICANCE)
    if spec.measure == "median":
        first, second = histograms
        _, p = median_change(first["wait_days"], first["episodes"], second["wait_days"],
                             second["episodes"])
        return change, p, None if np.isnan(p) else bool(p < SIGNIFICANCE)
    return change, None, None


def _trend(spec: RowSpec, change: float, significant: bool | None) -> tuple[str, str]:
    if pd.isna(change):
        return None, None
    arrow = "flat" if change == 0 else ("up" if change > 0 else "down")
    if significant is None:
        return arrow, "not_tested"
    if not significant or arrow == "flat":
        return arrow, "no_change"
    if spec.direction == "neutral":
        return arrow, "higher" if arrow == "up" else "lower"
    better = (arrow == "up") == (spec.direction == "higher")
    return arrow, "better" if better else "worse"


def _aggregates(data: RegioData) -> tuple[dict, dict]:
    """Sums per (row, region, year), the benchmark under region ``BENCHMARK``, and waiting
    histograms per (region, year): every cell is then a lookup."""
    monthly = data.monthly.assign(year=data.monthly["month"].dt.year)
    monthly["counted_month"] = monthly["month"].where(~monthly["whole_year"].astype(bool))
    sums = {}
    for keys in (["row", "region", "year"], ["row", "year"]):
        groups = monthly.groupby(keys)
        grouped = groups[["numerator", "denominator", "sq"]].sum(min_count=1)
        grouped["months"] = groups["counted_month"].nunique()
        grouped["periods"] = groups["month"].nunique()
        for key, values in grouped.to_dict("index").items():
            sums[key if len(keys) == 3 else (key[0], BENCHMARK, key[1])] = values
    histograms = {}
    waits = data.wait_years
    if not waits.empty:
        for (region, year), part in waits.groupby(["region", "year"]):
            histograms[(region, int(year))] = part.groupby("wait_days", as_index=False)[
                "episodes"].sum()
        for year, part in waits.groupby("year"):
            histograms[(BENCHMARK, int(year))] = part.groupby("wait_days", as_index=False)[
                "episodes"].sum()
    return sums, histograms


def _cell(spec, sums, histograms, region, year) -> dict[str, Any]:
    found = sums.get((spec.row, region, year))
    histogram = histograms.get((region, year)) if spec.measure == "median" else None
    if found is None:
        return {"months": 0, "numerator": np.nan, "denominator": np.nan, "sq": np.nan,
                "histogram": None, "value": np.nan, "low": np.nan, "high": np.nan,
                "suppressed": False}
    cell = {
        "months": int(found["months"] if spec.frequency == "month" else found["periods"]),
        "numerator": found["numerator"],
        "denominator": found["denominator"],
        "sq": found["sq"],
        "histogram": histogram,
    }
    value, low, high = _estimate(spec, cell["numerator"], cell["denominator"], cell["sq"],
                                 histogram)
    limit = threshold()
    # The privacy rule of privacy.is_small, on plain numbers (a Series per cell is slow).
    small = any(
        1 <= count < limit for count in _counts(spec, cell["numerator"], cell["denominator"])
        if not pd.isna(count)
    )
    cell.update(value=value, low=low, high=high, suppressed=small)
    return cell


def _listed_in(data: RegioData, year: int) -> pd.DataFrame:
    """Listed patients per region and stratum in ``year``; a region without figures for that
    year borrows its nearest year (as the crude rates' person-years do)."""
    listed = data.listed_strata
    if listed.empty:
        return listed
    pairs = listed[["region", "year"]].drop_duplicates()
    # Nearest year per region; of two equally near, the earlier (as _nearest_year).
    distance = (pairs["year"] - year).abs() + (pairs["year"] > year) * 0.5
    nearest = pairs.loc[distance.groupby(pairs["region"]).idxmin()]
    return listed.merge(nearest, on=["region", "year"], how="inner")


def _standard_population(data: RegioData, year: int) -> pd.DataFrame | None:
    """The standard population: the listed patients of every region in view in ``year``,
    per age band x sex (an internal standard, so the benchmark's rate stays its own)."""
    listed = _listed_in(data, year)
    if listed.empty or data.referral_strata.empty:
        return None
    listed = listed[listed["region"].isin(set(data.regions["region"]))]
    standard = listed.groupby(list(STRATA), as_index=False)["listed"].sum()
    standard = standard.rename(columns={"listed": "standard_population"})
    return standard if standard["standard_population"].sum() > 0 else None


def _standardised(data: RegioData, years: tuple[int, ...], standard: pd.DataFrame,
                  units: list[str]) -> dict[tuple[str, int], dict[str, dict[str, float]]]:
    """Directly standardised rate per 1,000 person-years with its Dobson interval
    (``stats.direct_standardise``) for each region and the benchmark, per standardised row and
    year, over the months the crude rate counts: ``{(row, year): {unit: {value, low, high}}}``.
    A row and year is missing when a region lacks the figures per age band x sex for it."""
    referral_rows = data.monthly[data.monthly["row"].isin(STANDARDISED_ROWS)
                                 & data.monthly["month"].dt.year.isin(years)]
    months = referral_rows[["region", "month"]].drop_duplicates()
    if months.empty or data.referral_strata.empty:
        return {}
    months = months.assign(year=months["month"].dt.year,
                           share=_year_fraction(months["month"]).to_numpy())
    shares = months.groupby(["region", "year"])["share"].sum()
    counted = data.referral_strata.merge(months[["region", "month", "year"]],
                                         on=["region", "month"], how="inner")
    counts = counted.groupby(["region", "year", *STRATA])[
        list(set(STANDARDISED_ROWS.values()))].sum()
    frames = []
    for year in years:
        listed = _listed_in(data, year)
        listed = listed[listed["region"].isin(
            shares.index.get_level_values("region")[shares.index.get_level_values("year")
                                                    == year])]
        if listed.empty:
            continue
        person_years = listed["listed"].to_numpy() * shares.reindex(
            pd.MultiIndex.from_arrays([listed["region"], np.full(len(listed), year)])
        ).to_numpy()
        found = counts.reindex(pd.MultiIndex.from_frame(
            listed[["region", *STRATA]].assign(year=year)[["region", "year", *STRATA]]))
        for row, column in STANDARDISED_ROWS.items():
            observed = found[column].fillna(0).round().astype(int).to_numpy()
            per_region = pd.DataFrame({"region": listed["region"].to_numpy(),
                                       "age_band": listed["age_band"].to_numpy(),
                                       "sex": listed["sex"].to_numpy(),
                                       "population": person_years, "observed": observed})
            pooled = per_region.groupby(list(STRATA), as_index=False)[
                ["population", "observed"]].sum().assign(region=BENCHMARK)
            both = pd.concat([per_region, pooled], ignore_index=True)
            frames.append(both.assign(row=row, year=year))
    if not frames:
        return {}
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame["population"] > 0]
    # A region without people in a stratum of the standard has no rate there, so no DSR:
    # that row and year stays crude (direct_standardise would refuse it).
    weighted = standard.loc[standard["standard_population"] > 0, list(STRATA)]
    covered = frame.merge(weighted, on=list(STRATA), how="inner").groupby(
        ["row", "year", "region"]).size()
    complete = covered.groupby(["row", "year"]).min() == len(weighted)
    complete &= covered.groupby(["row", "year"]).size() == frame.groupby(
        ["row", "year"])["region"].nunique().reindex(complete.index)
    keep = pd.MultiIndex.from_frame(frame[["row", "year"]]).isin(complete.index[complete])
    frame = frame[keep]
    out: dict[tuple[str, int], dict[str, dict[str, float]]] = {}
    if frame.empty:
        return out
    # One call for every row, year and unit: a key per (row, year, unit).
    frame = frame.assign(
        unit=frame["row"] + "|" + frame["year"].astype(str) + "|" + frame["region"])
    result = direct_standardise(frame, standard, strata=STRATA, per=PER_1000).set_index("unit")
    for row in STANDARDISED_ROWS:
        for year in years:
            prefix = f"{row}|{year}|"
            if not result.index.str.startswith(prefix).any():
                continue
            cells = {}
            for unit in units:
                key = prefix + unit
                if key in result.index:
                    found = result.loc[key]
                    cells[unit] = {"value": float(found["dsr"]), "low": float(found["low"]),
                                   "high": float(found["high"])}
                else:
                    cells[unit] = {"value": np.nan, "low": np.nan, "high": np.nan}
            out[(row, year)] = cells
    return out


def _year_options(monthly: pd.DataFrame, data_dates: dict[str, Any]) -> tuple[list[int], int]:
    years = sorted({int(y) for y in monthly["month"].dt.year.unique()}, reverse=True)
    dates = [pd.Timestamp(d) for d in data_dates.values() if d is not None]
    complete = [y for y in years if dates and pd.Timestamp(f"{y}-12-31") <= max(dates)]
    return years, (complete[0] if complete else years[0])


def regiovergelijking(engine: Engine, year: int | None = None, lang: str = "nl", *,
                      only: Collection[str] | None = None,
                      standardise: bool = True) -> RegioData:
    """The profile table for ``year`` (default: the latest calendar year the referral data
    cover completely in at least one region). See the module docstring for the methods.

    ``only`` limits the regions (and so the benchmark) to those codes: an insurer compares
    its own regions and learns nothing of the others, not even as the benchmark's remainder.
    ``standardise``: the referral rates (``STANDARDISED_ROWS``) as directly standardised
    rates for age band x sex (:func:`_standardise`); False shows the crude rates.
    """
    regions = region_queries.regions(engine)
    if only is not None:
        regions = regions[regions["region"].isin(set(only))].reset_index(drop=True)
    dates = region_queries.data_dates(engine)
    regions = regions.merge(dates[["region", "data_date"]], on="region", how="left")[
        ["region", "name", "data_date"]]
    data = RegioData(regions=regions, lang=lang, standardise=standardise)
    if regions.empty:
        return data
    data_dates = {
        r: (None if pd.isna(d) else d)
        for r, d in zip(regions["region"], regions["data_date"], strict=True)
    }
    monthly = _monthly(engine, data_dates)
    monthly = monthly[monthly["region"].isin(data_dates)].reset_index(drop=True)
    data.monthly = monthly
    if monthly.empty:
        return data
    data.cutoffs = wait_cutoffs(data_dates)
    data.wait_years = queries.wait_histogram(engine, data.cutoffs, by="year")
    data.years, default = _year_options(monthly, data_dates)
    data.year = year if year in data.years else default
    if standardise:
        data.referral_strata = queries.referral_strata(engine)
        data.listed_strata = queries.listed_strata(engine)
    data.table = _table(data, data.year, lang)
    return data


def _table(data: RegioData, year: int, lang: str) -> pd.DataFrame:
    names = data.region_names
    out = []
    units = [*data.regions["region"], BENCHMARK]
    sums, histograms = _aggregates(data)
    standard = _standard_population(data, year) if data.standardise else None
    # Both years on the chosen year's standard, so the change is one of rates only.
    dsr = _standardised(data, (year, year - 1), standard, units) if standard is not None else {}
    for spec in ROWS:
        cells = _with_complements(spec, {u: _cell(spec, sums, histograms, u, year)
                                         for u in units})
        before = _with_complements(spec, {u: _cell(spec, sums, histograms, u, year - 1)
                                          for u in units})
        standardised = False
        if (spec.row, year) in dsr:
            now, then = dsr[(spec.row, year)], dsr.get((spec.row, year - 1))
            if now is not None:
                standardised = True
                for unit in units:
                    cells[unit] = {**cells[unit], "crude_value": cells[unit]["value"],
                                   **now[unit]}
                    before[unit] = {**before[unit], **(then or {}).get(
                        unit, {"value": np.nan, "low": np.nan, "high": np.nan})}
        bench = cells[BENCHMARK]
        bench_value = np.nan if bench["suppressed"] else bench["value"]
        for unit in units:
            cell, prev = cells[unit], before[unit]
            shown = not cell["suppressed"]
            row = {
                "row": spec.row, "code": spec.code, "measure": spec.measure, "unit": spec.unit,
                "direction": spec.direction, "region": unit, "region_name": names[unit],
                "is_benchmark": unit == BENCHMARK, "year": year, "months": cell["months"],
                "numerator": cell["numerator"], "denominator": cell["denominator"],
                "value": cell["value"] if shown else np.nan,
                "low": cell["low"] if shown else np.nan,
                "high": cell["high"] if shown else np.nan,
                "benchmark": bench_value, "suppressed": cell["suppressed"],
                "previous_value": np.nan, "change": np.nan, "trend": None, "trend_p": np.nan,
                "trend_assessment": None, "standardised": standardised,
                "crude_value": cell.get("crude_value", cell["value"]) if shown else np.nan,
            }
            if unit == BENCHMARK:
                row["comparison"], row["reason"] = "benchmark", None
            elif cell.get("complement"):
                row["comparison"], row["reason"] = "not_compared", "complement"
            else:
                row["comparison"], row["reason"] = _comparison(spec, row, bench)
            usable = shown and not prev["suppressed"] and pd.notna(cell["value"]) and pd.notna(
                prev["value"])
            if usable:
                change, p, significant = _change(
                    spec, cell, prev, (cell["histogram"], prev["histogram"]))
                row["previous_value"], row["change"] = prev["value"], change
                row["trend_p"] = np.nan if p is None else p
                row["trend"], row["trend_assessment"] = _trend(spec, change, significant)
            row["label"] = _label(row, spec, lang)
            out.append(row)
    table = pd.DataFrame(out, columns=TABLE_COLUMNS)
    # Counts of people or events stay in the tidy table only where they are not small.
    small = table["suppressed"]
    table.loc[small, ["numerator", "denominator"]] = np.nan
    return table


def _size(spec: RowSpec) -> str:
    """The count that says how much a region's cell tells: events for a rate, else the
    people or responses counted (an indicator's denominator)."""
    return "numerator" if spec.measure == "rate" else "denominator"


def _with_complements(spec: RowSpec, cells: dict[str, dict]) -> dict[str, dict]:
    """``cells`` (one year of one indicator, per region and the benchmark) with the regions
    hidden that would give a small count away.

    The benchmark pools the regions, so its numerator and denominator minus the visible regions'
    are the one hidden region's (``privacy.complementary_suppression``: within the regions, a
    single hidden cell takes the smallest other region with it, and the viewer learns only the
    sum of two). Such a region is marked ``complement``: its numbers are not small.
    """
    regions = [unit for unit in cells if unit != BENCHMARK]
    if not any(cells[u]["suppressed"] for u in regions):
        return cells  # the usual case, without building Series per indicator and year
    small = pd.Series([bool(cells[u]["suppressed"]) for u in regions], index=regions)
    counts = pd.Series([cells[u][_size(spec)] for u in regions], index=regions, dtype=float)
    # No region to take (the second value) means this is the only region in view: the
    # benchmark then pools just its sums and is hidden by the same small-number rule.
    secondary, _ = complementary_suppression(counts, small)
    for region in secondary.index[secondary.to_numpy()]:
        cells[region] = {**cells[region], "suppressed": True, "complement": True}
    return cells


def _comparison(spec: RowSpec, row: dict, bench: dict) -> tuple[str, str | None]:
    if row["suppressed"]:
        return "not_compared", "small"
    if pd.isna(row["value"]):
        return "not_compared", "no_data"
    if spec.measure == "ratio":
        return "not_compared", "no_interval"
    if bench["suppressed"] or pd.isna(bench["value"]):
        return "not_compared", "no_benchmark"
    if pd.isna(row["low"]) or pd.isna(row["high"]):
        return "not_compared", "no_interval"
    label = compare_with_benchmark(row["value"], row["low"], row["high"], bench["value"],
                                   spec.direction)[0]
    return str(label), None


# ---- the wide table ------------------------------------------------------------------------


def indicator_name(spec: RowSpec, lang: str) -> str:
    name = BY_CODE[spec.code].text("name", lang)
    if spec.row == "WACHTTIJD_4W":
        return i18n.translate("regio.row.within_4_weeks", lang, name=name)
    if spec.row == "WACHTTIJD":
        return i18n.translate("regio.row.median", lang, name=name)
    return name


def _period_text(table: pd.DataFrame, spec: RowSpec, year: int, lang: str) -> str:
    months = table.loc[table["is_benchmark"], "months"]
    count = int(months.iloc[0]) if not months.empty else 0
    if spec.frequency == "year" or count in (0, 12):
        return str(year)
    return i18n.translate("regio.period_months", lang, year=year, months=count)


def _wide(data: RegioData) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    lang = data.lang
    names = data.region_names
    units = [*data.regions["region"], BENCHMARK]
    cells, colours = [], []
    headers = {
        key: i18n.translate(f"regio.col.{key}", lang) for key in ("indicator", "unit", "period")
    }
    for spec in ROWS:
        part = data.table[data.table["row"] == spec.row].set_index("region")
        standardised = bool(part["standardised"].any()) if "standardised" in part else False
        unit_key = f"regio.unit.{spec.unit}" + ("_dsr" if standardised else "")
        line = {
            headers["indicator"]: indicator_name(spec, lang),
            headers["unit"]: i18n.translate(unit_key, lang),
            headers["period"]: _period_text(part.reset_index(), spec, data.year, lang),
        }
        colour = dict.fromkeys(line, "")
        for unit in units:
            line[names[unit]] = part.loc[unit, "label"] if unit in part.index else "–"
            comparison = part.loc[unit, "comparison"] if unit in part.index else "not_compared"
            colour[names[unit]] = f"background-color: {COMPARISON_COLOURS[comparison]}"
        cells.append(line)
        colours.append(colour)
    return pd.DataFrame(cells), pd.DataFrame(colours), [spec.row for spec in ROWS]


# ---- one indicator: trend per region and funnel across regions -----------------------------


@dataclass
class IndicatorDetail:
    spec: RowSpec
    frequency: str
    trend: pd.DataFrame  # region, region_name, period, value, low, high, numerator, denominator
    funnel_points: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_lines: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_target: float | None = None
    funnel_kind: str | None = None  # ratio | proportion | mean; None: no funnel
    hidden_points: int = 0


TREND_COLUMNS = ["region", "region_name", "is_benchmark", "period", "value", "low", "high",
                 "numerator", "denominator", "months"]


def needs_month_histogram(row: str, frequency: str) -> bool:
    """Whether :func:`indicator_detail` needs ``queries.wait_histogram(by="month")``."""
    return ROW_BY_KEY[row].measure == "median" and frequency == "month"


def indicator_detail(
    data: RegioData,
    row: str,
    frequency: str | None = None,
    month_histogram: pd.DataFrame | None = None,
) -> IndicatorDetail:
    """Trend of table row ``row`` per region and the all-regions benchmark (per month or per
    year; yearly-only indicators always per year), and its funnel plot across regions in the
    chosen year. Points built on small counts are left out (counted in ``hidden_points``).

    The monthly median waiting time needs the monthly histogram
    (``queries.regiovergelijking.wait_histogram(engine, data.cutoffs, by="month")``), see
    :func:`needs_month_histogram`; without it that trend is empty."""
    spec = ROW_BY_KEY[row]
    frequency = "year" if spec.frequency == "year" else (frequency or "month")
    detail = IndicatorDetail(spec=spec, frequency=frequency,
                             trend=pd.DataFrame(columns=TREND_COLUMNS))
    if data.monthly.empty or data.year is None:
        return detail
    detail.trend, detail.hidden_points = _trend_frame(data, spec, frequency, month_histogram)
    _funnel(detail, data)
    return detail


def _small(spec: RowSpec, numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Vectorised :func:`_counts` + the privacy rule: rows built on a count from 1 to 9."""
    if spec.measure == "rate":
        return is_small(numerator)
    if spec.measure == "proportion":
        return is_small(numerator) | is_small(denominator) | is_small(denominator - numerator)
    if spec.row == "KOSTEN_INW":
        return pd.Series(False, index=numerator.index)
    return is_small(denominator)


def _estimates(spec: RowSpec, frame: pd.DataFrame, histograms) -> pd.DataFrame:
    """Value and interval per row of ``frame`` (numerator, denominator, sq), vectorised."""
    numerator = frame["numerator"].to_numpy(dtype=float)
    denominator = frame["denominator"].to_numpy(dtype=float)
    if frame.empty:
        return frame.assign(value=[], low=[], high=[])
    if spec.measure == "rate":
        low, high = rate_ci(np.round(numerator), denominator)
        value, low, high = (numerator / denominator * PER_1000, np.asarray(low) * PER_1000,
                            np.asarray(high) * PER_1000)
    elif spec.measure == "proportion":
        low, high = proportion_ci(np.round(numerator), np.round(denominator))
        value = numerator / denominator
    elif spec.measure == "mean":
        value, low, high = mean_ci_from_sums(denominator, numerator,
                                             frame["sq"].to_numpy(dtype=float))
    elif spec.measure == "median":
        triples = [
            median_ci(h["wait_days"], h["episodes"]) if h is not None and not h.empty
            else (np.nan, np.nan, np.nan)
            for h in (histograms.get(key) for key in zip(frame["region"], frame["period"],
                                                          strict=True))
        ]
        value, low, high = (np.array(column, dtype=float) for column in zip(*triples,
                                                                            strict=True))
    else:
        value, low, high = numerator / denominator, np.nan, np.nan
    return frame.assign(value=value, low=low, high=high)


def _trend_frame(data: RegioData, spec: RowSpec, frequency: str,
                 month_histogram: pd.DataFrame | None) -> tuple[pd.DataFrame, int]:
    rows = data.monthly[data.monthly["row"] == spec.row]
    if frequency == "month":
        rows = rows[~rows["whole_year"].astype(bool)]
    rows = rows.assign(period=rows["month"] if frequency == "month" else rows["month"].dt.year)
    sums = ["numerator", "denominator", "sq"]
    per_region = rows.groupby(["region", "period"])[sums].sum(min_count=1)
    per_region["months"] = rows.groupby(["region", "period"])["month"].nunique()
    overall = rows.groupby("period")[sums].sum(min_count=1)
    overall["months"] = rows.groupby("period")["month"].nunique()
    overall = pd.concat({BENCHMARK: overall}, names=["region"])
    frame = pd.concat([per_region, overall]).reset_index()
    if frame.empty:
        return pd.DataFrame(columns=TREND_COLUMNS), 0
    small = _small(spec, frame["numerator"], frame["denominator"])
    # The benchmark point of a period pools its regions' points: one hidden region point takes
    # another with it, as in the table (_with_complements).
    regions = frame["region"] != BENCHMARK
    if small[regions].any():
        # A period without a region to take has one region with data: its benchmark point is
        # that region's sums, hidden by the same rule (small covers the benchmark rows too).
        secondary, _ = complementary_suppression(
            frame.loc[regions, _size(spec)], small[regions], groups=frame.loc[regions, "period"])
        small = small | secondary.reindex(frame.index, fill_value=False)
    hidden = int(small.sum())
    frame = frame[~small.to_numpy()]
    histograms = {}
    if spec.measure == "median":
        if frequency == "month":
            waits = month_histogram if month_histogram is not None else pd.DataFrame(
                columns=["region", "month", "wait_days", "episodes"])
            waits = waits.assign(period=pd.to_datetime(waits["month"]))
        else:
            waits = data.wait_years.assign(period=data.wait_years["year"])
        for key, part in waits.groupby(["region", "period"]):
            histograms[key] = part
        for period, part in waits.groupby("period"):
            histograms[(BENCHMARK, period)] = part.groupby("wait_days", as_index=False)[
                "episodes"].sum()
    frame = _estimates(spec, frame, histograms)
    frame = frame[frame["value"].notna()]
    names = data.region_names
    order = {region: i for i, region in enumerate([*data.regions["region"], BENCHMARK])}
    frame = frame.assign(
        region_name=frame["region"].map(names),
        is_benchmark=frame["region"] == BENCHMARK,
        period=frame["period"] if frequency == "month" else frame["period"].astype(int),
        order=frame["region"].map(order),
    ).sort_values(["order", "period"])
    return frame[TREND_COLUMNS].reset_index(drop=True), hidden


def _funnel(detail: IndicatorDetail, data: RegioData) -> None:
    spec = detail.spec
    if spec.measure not in ("rate", "proportion", "mean"):
        return
    table = data.table[(data.table["row"] == spec.row)]
    regions = table[~table["is_benchmark"] & table["value"].notna()]
    bench = table[table["is_benchmark"]]
    if regions.empty or bench.empty or pd.isna(bench["value"].iloc[0]):
        return
    target = float(bench["value"].iloc[0])
    if spec.measure == "rate":
        if target <= 0:
            return
        rate = target / PER_1000  # events per person-year
        expected = regions["denominator"].to_numpy() * rate
        classified = funnel_classify(regions["numerator"].to_numpy().round(), expected,
                                     "ratio", units=regions["region_name"])
        scale, x = target, expected
        grid = funnel_grid(max(expected.max() * 1.1, 1.0), "ratio")
        lines = funnel_limits(grid, "ratio")
        y_scale = target
    elif spec.measure == "proportion":
        if not 0 < target < 1:
            return
        classified = funnel_classify(regions["numerator"].to_numpy().round(),
                                     regions["denominator"].to_numpy().round(), "proportion",
                                     target=target, units=regions["region_name"])
        x = regions["denominator"].to_numpy()
        grid = funnel_grid(max(x.max() * 1.1, 2.0), "proportion")
        lines = funnel_limits(grid, "proportion", target=target)
        scale, y_scale = 1.0, 1.0
    else:
        all_rows = data.monthly[(data.monthly["row"] == spec.row)
                                & (data.monthly["month"].dt.year == data.year)]
        n, total, sq = (all_rows[c].sum() for c in ("denominator", "numerator", "sq"))
        if n < 2:
            return
        sd = float(np.sqrt(max(0.0, (sq - total**2 / n) / (n - 1))))
        if sd <= 0:
            return
        x = regions["denominator"].to_numpy()
        classified = funnel_limits_normal(x, target, sd)
        value = regions["value"].to_numpy()
        classified["value"] = value
        classified["unit"] = regions["region_name"].to_numpy()
        signal = np.full(len(value), "within", dtype=object)
        signal[value < classified["lower_95"].to_numpy()] = "low_95"
        signal[value > classified["upper_95"].to_numpy()] = "high_95"
        signal[value < classified["lower_998"].to_numpy()] = "low_998"
        signal[value > classified["upper_998"].to_numpy()] = "high_998"
        classified["signal"] = signal
        grid = np.geomspace(max(2.0, x.min() * 0.5), x.max() * 1.1, 100)
        lines = funnel_limits_normal(grid, target, sd)
        scale, y_scale = 1.0, 1.0
    detail.funnel_kind = {"rate": "ratio"}.get(spec.measure, spec.measure)
    detail.funnel_target = target
    points = pd.DataFrame({
        "region_name": classified["unit"].to_numpy(),
        "x": np.asarray(x, dtype=float),
        "y": classified["value"].to_numpy() * (scale if spec.measure == "rate" else 1.0),
        "signal": classified["signal"].to_numpy(),
        "numerator": regions["numerator"].to_numpy(),
        "denominator": regions["denominator"].to_numpy(),
    })
    detail.funnel_points = points
    long = []
    for level in ("95", "998"):
        for bound in ("lower", "upper"):
            long.append(pd.DataFrame({
                "x": lines["precision"].to_numpy(dtype=float),
                "y": lines[f"{bound}_{level}"].to_numpy() * y_scale,
                "line": f"{bound}_{level}", "level": level,
            }))
    detail.funnel_lines = pd.concat(long, ignore_index=True)


# ---- within the user's scope (what the page calls) --------------------------------------------


def regiovergelijking_for(engine: Engine, scope: Scope, year: int | None = None,
                          lang: str = "nl", standardise: bool = True) -> RegioData:
    """:func:`regiovergelijking` of the regions ``scope`` may see (region-level only)."""
    codes = region_queries.regions(engine)["region"]
    only = None if len(scope.visible_regions(codes)) == len(codes) else scope.visible_regions(
        codes)
    return regiovergelijking(engine, year, lang, only=only, standardise=standardise)


def wait_histogram_for(engine: Engine, scope: Scope, cutoffs=(), by: str = "year"):
    """The waiting-time histogram of the visible regions (``queries.wait_histogram``)."""
    visible = tuple((region, month) for region, month in cutoffs if scope.sees_region(region))
    frame = queries.wait_histogram(engine, visible, by=by)
    return frame[frame["region"].map(scope.sees_region)].reset_index(drop=True)
