"""Spiegelinformatie (GP referral mirror information): everything the page shows.

``spiegelinformatie(engine, filters)`` runs the queries, the statistics from
``dashboard.stats`` and the privacy rules, and returns a :class:`SpiegelData` with tidy
DataFrames (already in display form: pseudonyms, suppressed small counts, formatted tooltip
texts) and the plain-language texts in the requested language.

Definitions (see docs/methods.md, sections 2-4):

* population: listed patients of the period's year(s) as person-years, pro rata for the days of
  each calendar year the period covers; a year without population figures borrows the nearest
  year that has them (said in a note);
* reference: the region's own stratum-specific rates (age band x sex) in the same period, over
  the practices that have population figures;
* the rolling period is the 12 calendar months up to and including the month of the data date,
  with person-time counted up to the data date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import formatting, privacy
from dashboard.i18n import translate
from dashboard.queries import referrals as queries
from dashboard.scope import AccessDenied, Scope
from dashboard.stats import (
    funnel_classify,
    funnel_grid,
    funnel_limits,
    indirect_standardise,
    proportion_ci,
    rate_ci,
)

PER = 1000.0
# Age band x sex as one integer code, and practices as integer codes, from the queries on:
# grouping and merging on integers is several times faster than on (Arrow) strings.
STRATA = ("stratum",)
TREND_QUARTERS = 12
SIGNALS = ("high_998", "high_95", "within", "low_95", "low_998")
PERIODS = ("rolling", "year")
MEASURES = ("standardised", "crude")
DESTINATION_FILTERS = ("all", "ziekenhuis")
CONDITION_FILTERS = ("all", "hartfalen", "af", "pob_acs", "overig")
OVERDISPERSION = (None, "multiplicative", "additive")
DESTINATIONS = ("ziekenhuis", "anderhalvelijn", "econsult")
HOSPITAL = "ziekenhuis"


@dataclass(frozen=True)
class SpiegelFilters:
    """What the user chose; hashable so Streamlit can cache on it."""

    region: str | None = None
    period: str = "rolling"  # "rolling" (12 months to the data date) | "year"
    year: int | None = None  # for period="year"; None = the latest year with data
    condition: str = "all"
    destination: str = "all"  # "all" (all cardiology) | "ziekenhuis" (hospital only)
    practice: str | None = None  # the own practice ("my practice"), by code
    measure: str = "standardised"  # "standardised" (O/E) | "crude" (per 1,000 per year)
    overdispersion: str | None = None  # None | "multiplicative" | "additive"
    lang: str = "nl"

    def __post_init__(self) -> None:
        checks = (
            ("period", self.period, PERIODS),
            ("condition", self.condition, CONDITION_FILTERS),
            ("destination", self.destination, DESTINATION_FILTERS),
            ("measure", self.measure, MEASURES),
            ("overdispersion", self.overdispersion, OVERDISPERSION),
            ("lang", self.lang, ("nl", "en")),
        )
        for name, value, allowed in checks:
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}; got {value!r}")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str
    partial: bool  # shorter than the calendar year or 12 months it stands for


@dataclass
class Opportunity:
    """Hospital referrals fewer if practices above the regional median referred at the median."""

    fewer: float
    hospital_referrals: int
    practices_above: int
    practices: int
    median_ratio: float
    own_fewer: float | None
    text: str


@dataclass
class SpiegelData:
    filters: SpiegelFilters
    status: str  # "ok" | "no_region" | "no_referrals" | "no_population" | "empty_selection"
    message: str = ""
    region_name: str = ""
    has_anderhalvelijn: bool = False
    data_date: date | None = None
    period: Period | None = None
    own_name: str | None = None
    own: dict | None = None  # the own practice's numbers, None without (usable) own practice
    region_rate: float | None = None  # referrals per 1,000 person-years, compared practices
    total_referrals: int | None = 0  # in the comparison (selection and period)
    # The region's figures would give a hidden practice count away (see _funnel): region_rate
    # and total_referrals are then None, and so are the region's parts of the page.
    region_withheld: bool = False
    # Why: "one" (only one practice besides the own one, or one alone, with a hidden count) or
    # "few" (the other practices' referrals, or the region's without an own practice, add up
    # to a small count).
    region_withheld_reason: str | None = None
    # The estimate of fewer hospital referrals is left out: it states the region's hospital
    # referrals, from which a hidden count would follow (region_withheld, or the same rule
    # on the hospital counts).
    opportunity_withheld: bool = False
    conclusion: str = ""
    reading_note: str = ""
    funnel_points: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Signal per compared practice, also those left out of the funnel for small numbers.
    signals: pd.Series = field(default_factory=lambda: pd.Series(dtype=object))
    # Per compared practice (as signals): its signal is hidden with its count (small or
    # companion). Counts of signals are over the shown practices only.
    signals_hidden: pd.Series = field(default_factory=lambda: pd.Series(dtype=bool))
    funnel_hidden: int = 0  # practices with 1-9 referrals, not drawn (their ratio would tell)
    funnel_lines: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_target: float = 100.0
    funnel_note: str = ""
    dispersion_note: str = ""
    phi: float | None = None
    tau2: float | None = None
    inflated: bool = False
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    trend: pd.DataFrame = field(default_factory=pd.DataFrame)
    trend_note: str = ""
    destinations: pd.DataFrame = field(default_factory=pd.DataFrame)
    destinations_note: str = ""
    opportunity: Opportunity | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def shown_signals(self) -> pd.Series:
        """The signals of the practices whose counts are shown (the own one always)."""
        if self.signals_hidden.empty:
            return self.signals
        return self.signals[~self.signals_hidden.to_numpy(dtype=bool)]


# ---- periods and person-time ------------------------------------------------------------------


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _add_months(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _year_days(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def available_years(first_month: date | None, data_date: date | None) -> list[int]:
    """Calendar years with referral data, newest first (the options of the year filter)."""
    if first_month is None or data_date is None:
        return []
    return list(range(data_date.year, first_month.year - 1, -1))


def resolve_period(
    kind: str,
    year: int | None,
    first_month: date,
    data_date: date,
    lang: str = "nl",
) -> Period:
    """The period the filters mean, clipped to the data: never after the data date, never
    before the first month with referrals (person-time outside the data would dilute rates)."""
    if kind == "rolling":
        nominal_start = _add_months(_first_of_month(data_date), -11)
        nominal_end = data_date
    else:
        chosen = data_date.year if year is None else int(year)
        nominal_start, nominal_end = date(chosen, 1, 1), date(chosen, 12, 31)
    start = max(nominal_start, first_month)
    end = min(nominal_end, data_date)
    month_end = _add_months(_first_of_month(data_date), 1) - timedelta(days=1)
    if kind == "rolling":
        partial = start > nominal_start or data_date != month_end
        first = formatting.format_month(start, lang, short=True)
        last = (
            formatting.format_month(end, lang, short=True)
            if end == month_end
            else formatting.format_date(end, lang)
        )
        label = translate("spiegel.period_rolling_label", lang, first=first, last=last)
    else:
        partial = start > nominal_start or end < nominal_end
        label = str(nominal_start.year)
        if partial and start <= end:
            label = translate(
                "spiegel.period_partial_label",
                lang,
                year=label,
                start=formatting.format_date(start, lang),
                end=formatting.format_date(end, lang),
            )
    return Period(start=start, end=end, label=label, partial=partial)


def person_years(
    population: pd.DataFrame, periods: pd.DataFrame
) -> tuple[pd.DataFrame, set[tuple[int, int]]]:
    """Person-years per period, practice, age band and sex.

    ``periods`` has ``period``, ``start``, ``end`` (inclusive dates). Each calendar year a
    period touches contributes listed patients x (days of the period in that year / days in
    the year). A practice without figures for a year borrows its nearest year (the earlier one
    on a tie); the pairs (year needed, year used) are returned so the page can say so.
    """
    columns = ["period", "practice", *STRATA, "person_years"]
    if population.empty or periods.empty:
        return pd.DataFrame(columns=columns), set()
    pieces = []
    for period, start, end in periods[["period", "start", "end"]].itertuples(index=False):
        for year in range(start.year, end.year + 1):
            first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
            days = (last - first).days + 1
            if days > 0:
                pieces.append((period, year, days / _year_days(year)))
    fast = _person_years_fast(population, pieces)
    if fast is not None:
        return fast
    weights = pd.DataFrame(pieces, columns=["period", "year", "weight"])
    needed = pd.DataFrame({"year": sorted(weights["year"].unique())})
    # Per practice and needed year the nearest year with figures, the earlier one on a tie.
    have = population[["practice", "year"]].drop_duplicates().rename(
        columns={"year": "source_year"})
    pairs = have.merge(needed, how="cross")
    pairs["distance"] = (pairs["source_year"] - pairs["year"]).abs()
    sources = pairs.sort_values(["practice", "year", "distance", "source_year"]).drop_duplicates(
        ["practice", "year"])[["practice", "year", "source_year"]]
    borrowed = {
        (int(year), int(source))
        for year, source in sources.loc[sources["year"] != sources["source_year"],
                                        ["year", "source_year"]].drop_duplicates().itertuples(
            index=False)
    }
    listed = population.rename(columns={"year": "source_year"})
    frame = weights.merge(sources, on="year").merge(listed, on=["practice", "source_year"])
    frame["person_years"] = frame["listed_patients"] * frame["weight"]
    result = frame.groupby(["period", "practice", *STRATA], as_index=False)["person_years"].sum()
    return result[columns], borrowed


def _person_years_fast(population: pd.DataFrame, pieces: list[tuple]
                       ) -> tuple[pd.DataFrame, set[tuple[int, int]]] | None:
    """:func:`person_years` on arrays, for integer practice and stratum codes (0 and up):
    ``pieces`` are (period, calendar year, weight). Per period and calendar year, the rows of
    each practice's source year times the year's weight, and a practice x stratum's one or two
    products added. The same numbers to the last bit: a sum of at most two terms does not
    depend on their order (pandas' compensated group sum of two terms is their plain sum).
    ``None`` when a period has more than two calendar years or the codes are not such
    integers (the general join then does it)."""
    by_period: dict = {}
    for period, needed, weight in pieces:
        by_period.setdefault(period, []).append((needed, weight))
    if any(len(part) > 2 for part in by_period.values()) or not all(
        pd.api.types.is_integer_dtype(population[c]) for c in ("practice", STRATA[0])
    ):
        return None
    practice = population["practice"].to_numpy()
    if practice.min() < 0:
        return None
    # Sorted by practice and stratum once: one calendar year's rows are then already in the
    # order of the result.
    stratum = population[STRATA[0]].to_numpy()
    order = np.lexsort((stratum, practice))
    practice, stratum = practice[order], stratum[order]
    year = population["year"].to_numpy()[order]
    listed = population["listed_patients"].to_numpy()[order]
    source_by_year, borrowed = _source_years(practice, year, sorted({y for _, y, _ in pieces}))
    # The rows of a calendar year, picked once: the trend's 12 quarters need only 3 or 4.
    picked = {}
    for needed, source in source_by_year.items():
        rows = year == source[practice]
        picked[needed] = (np.stack([practice[rows], stratum[rows]]), listed[rows])
    periods, practices, strata, person_time = sorted(by_period), [], [], []
    for period in periods:
        keys, values = [], []
        for needed, weight in by_period[period]:
            keys.append(picked[needed][0])
            values.append(picked[needed][1] * weight)
        if len(keys) == 1:
            keys, sums = keys[0], values[0]
        else:
            keys, values = np.concatenate(keys, axis=1), np.concatenate(values)
            order = np.lexsort((keys[1], keys[0]))
            keys, values = keys[:, order], values[order]
            first = np.ones(len(values), dtype=bool)
            first[1:] = (keys[0, 1:] != keys[0, :-1]) | (keys[1, 1:] != keys[1, :-1])
            sums = np.add.reduceat(values, np.flatnonzero(first)) if len(values) else values
            keys = keys[:, first]
        practices.append(keys[0])
        strata.append(keys[1])
        person_time.append(sums)
    labels = np.empty(len(periods), dtype=object)
    labels[:] = periods
    # The label column as the DataFrame constructor would infer it from the labels repeated
    # (text, dates or, for the trend's numbered quarters, integers), but inferred from the
    # few labels and then repeated.
    label_array = (labels.astype("int64") if all(isinstance(p, int) for p in periods)
                   else pd.Series(labels).array)
    repeat = np.repeat(np.arange(len(periods)), [len(part) for part in person_time])
    frame = pd.DataFrame({
        "period": label_array.take(repeat),
        "practice": np.concatenate(practices), STRATA[0]: np.concatenate(strata),
        "person_years": np.concatenate(person_time),
    })
    return frame, borrowed


def _source_years(practice: np.ndarray, year: np.ndarray, needed: list[int]):
    """Per needed year, each practice's nearest year with figures (the earlier one on a tie;
    -1 for a practice without any), indexed by practice code; and the pairs (needed, used)
    where they differ."""
    first = int(year.min())
    years = np.arange(int(year.max()) - first + 1) + first
    present = np.zeros((int(practice.max()) + 1, len(years)), dtype=bool)
    present[practice, year - first] = True
    known = present.any(axis=1)
    sources, borrowed = {}, set()
    for wanted in needed:
        distance = years - wanted
        # Twice the distance, plus one for a later year: the earlier of two equally near years
        # costs less.
        cost = np.where(present, 2 * np.abs(distance) + (distance > 0), np.iinfo(np.int64).max)
        source = np.where(known, years[cost.argmin(axis=1)], -1)
        sources[wanted] = source
        borrowed |= {(int(wanted), int(used)) for used in np.unique(source[known])
                     if used != wanted}
    return sources, borrowed


# ---- assembling the units of a funnel ---------------------------------------------------------
#
# Indirect standardisation needs per practice only its observed total O and its person-years per
# stratum; the reference rates are the region's referrals per stratum over the person-years of
# the compared practices. So the page reads practice totals (agg_practice_month) and region
# stratum counts (agg_referral_region_month), never practice x stratum counts, as long as every
# referral belongs to a compared practice and a stratum the region lists patients in. Data that
# break this (a data error upstream) are detected from the same figures; only then are the exact
# practice x stratum counts read from the raw referral rows, and the errors left out as before.


@dataclass
class _Units:
    exposure: pd.DataFrame  # practice x stratum person_years (> 0) of the compared practices
    observed: pd.Series  # referrals per compared practice (index: practice)
    reference: pd.DataFrame  # per stratum: the region's referrals and person-years (compared)
    no_population: list  # practices with referrals but no population at all
    no_expected: list  # practices whose patients fall only in strata without referrals
    dropped_referrals: int  # referrals in strata where the region lists nobody

    @property
    def empty(self) -> bool:
        return self.observed.empty or int(self.observed.sum()) == 0


def _compared(rows: pd.DataFrame, no_population, no_expected, dropped) -> _Units:
    """The units from practice x stratum rows (person_years, referrals) of compared practices."""
    exposure = rows.loc[rows["person_years"] > 0, ["practice", *STRATA, "person_years"]]
    observed = rows.groupby("practice")["referrals"].sum()
    observed = observed.reindex(sorted(set(exposure["practice"])), fill_value=0)
    reference = rows.groupby(list(STRATA), as_index=False)[["referrals", "person_years"]].sum()
    reference = reference[reference["person_years"] > 0]
    return _Units(exposure.reset_index(drop=True), observed.astype("int64"),
                  reference.reset_index(drop=True), no_population, no_expected, dropped)


def _units(counts: pd.DataFrame, exposure: pd.DataFrame, practices: list) -> _Units:
    """Exact: join referrals to person-years per practice x stratum, keep comparable practices."""
    observed = counts.groupby(["practice", *STRATA], as_index=False)["referrals"].sum()
    rows = exposure[["practice", *STRATA, "person_years"]].merge(
        observed, on=["practice", *STRATA], how="outer"
    )
    rows = rows[rows["practice"].isin(practices)]
    rows["person_years"] = rows["person_years"].fillna(0.0)
    rows["referrals"] = rows["referrals"].fillna(0).astype("int64")

    per_practice = rows.groupby("practice")[["person_years", "referrals"]].sum()
    no_population = sorted(per_practice.index[per_practice["person_years"] <= 0])
    rows = rows[~rows["practice"].isin(no_population)]

    # A stratum where the region lists no patients has no rate; its referrals cannot be
    # compared with anything (a data error upstream), so they are left out and counted.
    stratum = rows.groupby(list(STRATA))[["person_years", "referrals"]].transform("sum")
    orphan = stratum["person_years"] <= 0
    dropped = int(rows.loc[orphan, "referrals"].sum())
    rows = rows[~orphan]

    with_events = rows.groupby(list(STRATA))["referrals"].transform("sum") > 0
    at_risk = rows.assign(_at_risk=rows["person_years"].where(with_events, 0.0))
    at_risk = at_risk.groupby("practice")["_at_risk"].sum()
    no_expected = sorted(at_risk.index[at_risk <= 0])
    rows = rows[~rows["practice"].isin(no_expected)]
    rows = rows[(rows["person_years"] > 0) | (rows["referrals"] > 0)]
    return _compared(rows, no_population, no_expected, dropped)


def _units_fast(observed: pd.Series, stratum_referrals: pd.Series,
                exposure: pd.DataFrame) -> _Units | None:
    """:func:`_units` from practice totals and region stratum counts; ``None`` when the data
    hold an error that only practice x stratum counts can leave out exactly.

    ``observed``: referrals per listed practice; ``stratum_referrals``: the region's referrals
    per stratum (every practice whose referrals carry the region's code); ``exposure``: from
    :func:`person_years` on integer codes (0 and up). The practices and strata to leave out
    follow from signs of sums, counted on arrays; the reference's person-years, which are
    shown, are pandas' (compensated) group sums as in :func:`_compared`.
    """
    practice = exposure["practice"].to_numpy()
    stratum = exposure[STRATA[0]].to_numpy()
    years = exposure["person_years"].to_numpy()
    events = stratum_referrals[stratum_referrals > 0]
    event_strata = events.index.to_numpy(dtype="int64")
    places = int(practice.max(initial=-1)) + 1
    cells = max(int(stratum.max(initial=-1)), int(event_strata.max(initial=-1))) + 1
    present = np.bincount(practice, minlength=places) > 0
    no_population = present & (np.bincount(practice, weights=years, minlength=places) <= 0)
    kept = ~no_population[practice]
    stratum_years = np.bincount(stratum[kept], weights=years[kept], minlength=cells)
    if (stratum_years[event_strata] <= 0).any():
        return None  # referrals in a stratum where the region lists nobody
    with_events = np.zeros(cells, dtype=bool)
    with_events[event_strata] = True
    at_risk = np.bincount(practice[kept], weights=np.where(with_events[stratum], years, 0.0)[kept],
                          minlength=places)
    no_expected = present & ~no_population & (at_risk <= 0)
    kept &= ~no_expected[practice]
    compared = observed.reindex(np.unique(practice[kept]), fill_value=0)
    # Every referral of the region must belong to a compared practice: otherwise a practice
    # without population, without expected count or outside the region's list has referrals,
    # which the exact path leaves out of the reference too.
    if int(compared.sum()) != int(events.sum()):
        return None
    rows = exposure[kept]
    stratum_sums = rows.groupby(STRATA[0])["person_years"].sum()
    stratum_sums = stratum_sums[stratum_sums > 0]
    reference = pd.DataFrame({
        STRATA[0]: stratum_sums.index.to_numpy(),
        "person_years": stratum_sums.to_numpy(),
        "referrals": events.reindex(stratum_sums.index, fill_value=0).to_numpy(dtype="int64"),
    })
    exposure = rows.loc[rows["person_years"] > 0, ["practice", *STRATA, "person_years"]]
    return _Units(exposure.reset_index(drop=True), compared.astype("int64"), reference,
                  np.flatnonzero(no_population).tolist(), np.flatnonzero(no_expected).tolist(),
                  0)


def _standardise(units: _Units, crude: bool) -> pd.DataFrame:
    """O, E and O/E per practice against the pooled region (``indirect_standardise``).

    ``crude=True`` uses one stratum, so E = person-years x the region's crude rate: the funnel
    of the unadjusted rate around the regional average.
    """
    exposure, reference = units.exposure, units.reference
    if crude:
        exposure = exposure.assign(**{STRATA[0]: 0})
        reference = pd.DataFrame({STRATA[0]: [0],
                                  "referrals": [reference["referrals"].sum()],
                                  "person_years": [reference["person_years"].sum()]})
    return indirect_standardise(
        exposure,
        reference=reference,
        strata=STRATA,
        unit_col="practice",
        population_col="person_years",
        events_col="referrals",
        per=PER,
        observed=units.observed,
    )


# ---- formatting helpers -----------------------------------------------------------------------


class _Fmt:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **values) -> str:
        return translate(key, self.lang, **values)

    def num(self, value, decimals: int = 0) -> str:
        # Sums of stratum rates carry float noise (137.49999999999997 for 55/40 x 100); the
        # half-up rounding a reader checks by hand must see 137.5.
        if not formatting.is_missing(value):
            value = round(float(value), 9)
        return formatting.format_number(value, decimals, self.lang)

    def nums(self, values, decimals: int = 0) -> list[str]:
        """:meth:`num` of each value (numbers, NaN or None), formatted in one pass."""
        floats = np.asarray(values, dtype=float).tolist()
        return formatting.format_numbers([round(v, 9) for v in floats], decimals, self.lang)

    def intervals(self, lows, highs, decimals: int = 0) -> list[str]:
        """"low–high" of each pair, or the missing mark when either end is missing."""
        return [
            formatting.MISSING if formatting.MISSING in (low, high) else f"{low}–{high}"
            for low, high in zip(self.nums(lows, decimals), self.nums(highs, decimals),
                                 strict=True)
        ]

    def pct(self, fraction, decimals: int = 0) -> str:
        return formatting.format_percent(fraction, decimals, self.lang)

    def signal(self, code: str) -> str:
        return self.t(f"spiegel.signal.{code}")


# ---- the page ---------------------------------------------------------------------------------


def spiegelinformatie(engine: Engine, filters: SpiegelFilters) -> SpiegelData:
    """Everything the Spiegelinformatie page shows, for ``filters``."""
    fmt = _Fmt(filters.lang)
    data = SpiegelData(filters=filters, status="ok")

    regions = queries.regions(engine)
    if regions.empty:
        data.status, data.message = "no_region", fmt.t("spiegel.no_regions")
        return data
    region = filters.region if filters.region in set(regions["region"]) else regions.iloc[0, 0]
    info = regions.set_index("region").loc[region]
    data.region_name = str(info["name"])
    data.has_anderhalvelijn = not formatting.is_missing(info["anderhalvelijn_start"])

    first_month, data_date = queries.referral_span(engine, region)
    if data_date is None:
        data.status = "no_referrals"
        data.message = fmt.t("spiegel.no_referrals_region", region=data.region_name)
        return data
    data.data_date = data_date
    period = resolve_period(filters.period, filters.year, first_month, data_date, filters.lang)
    data.period = period
    if period.start > period.end:  # a year outside the region's data
        data.status = "empty_selection"
        data.message = fmt.t(
            "spiegel.empty_selection", region=data.region_name, period=period.label
        )
        return data

    practices = queries.region_practices(engine, region)
    own_code = filters.practice if filters.practice in set(practices["practice"]) else None
    practices["display_name"] = privacy.display_names(practices, own_code)
    names = practices.set_index("practice")["display_name"]
    data.own_name = str(names[own_code]) if own_code else None

    quarters = _trend_quarters(period, first_month, data_date)
    trend_start = min(quarters["start"].min(), period.start)
    population = _population(engine, region, list(practices["practice"]), trend_start.year,
                             period.end.year)
    if population.empty:
        data.status = "no_population"
        data.message = fmt.t("spiegel.no_population", region=data.region_name)
        return data

    counts = _Counts(engine, region, practices, own_code, _first_of_month(trend_start),
                     _first_of_month(period.start), _first_of_month(period.end),
                     None if filters.condition == "all" else filters.condition)
    population = counts.encode(population)
    practices = practices.assign(practice=range(len(practices)))
    names = pd.Series(names.to_numpy(), index=range(len(names)))
    own_code = counts.own

    periods = pd.DataFrame([("period", period.start, period.end)], columns=["period", "start",
                                                                              "end"])
    exposure, borrowed = person_years(population, periods)
    units = counts.units(filters.destination, exposure)
    data.notes.extend(_data_notes(fmt, borrowed, units, names))

    if units.empty:
        data.status = "empty_selection"
        data.message = fmt.t(
            "spiegel.empty_selection", region=data.region_name, period=period.label
        )
        return data

    standardised = _standardise(units, crude=False)
    crude = _standardise(units, crude=True)
    region_rate = crude.attrs["reference_rate"]  # referrals per person-year, whole region
    data.region_rate = region_rate * PER
    data.total_referrals = int(standardised["observed"].sum())

    # The O/E intervals as text once: the funnel's tooltips (standardised) and the table
    # show the same 1,500 at national scale.
    intervals = fmt.intervals(standardised["low_100"], standardised["high_100"])
    signals = _funnel(data, fmt, filters, standardised, crude, region_rate, names, own_code,
                      intervals)
    if data.region_withheld:
        # Only the own practice and one other with a small count are compared (or that one
        # alone), or the others' referrals add up to a small count: the region's total, and its
        # rate times the person-years (the listed patients are in the table), minus the own
        # count would be the hidden count (or the others' small sum).
        data.region_rate = data.total_referrals = None
        key = {"one": "spiegel.region_withheld", "few": "spiegel.region_withheld_small"}[
            data.region_withheld_reason]
        if own_code is not None:
            key = {"one": "spiegel.region_withheld_own",
                   "few": "spiegel.region_withheld_others"}[data.region_withheld_reason]
        data.notes.append(fmt.t(key, max=fmt.num(privacy.threshold() - 1)))
    _table(data, fmt, standardised, crude, names, own_code, signals, intervals)
    own_listed = own_code is not None and own_code in set(standardised["practice"])
    data.conclusion = _conclusion(data, fmt, filters, region_rate, own_code, own_listed)
    data.reading_note = fmt.t("spiegel.reading_note")
    _trend(data, fmt, filters, counts, population, quarters, own_code if own_listed else None)
    _destinations(data, fmt, counts.period_totals, own_code)
    # The estimate states the region's hospital referrals (own + the other practice's, or that
    # practice's alone), so it is left out with the region's figures; and where the same rule
    # on the hospital counts alone withholds them (_opportunity).
    data.opportunity = None
    data.opportunity_withheld = data.region_withheld
    if not data.region_withheld:
        data.opportunity, data.opportunity_withheld = _opportunity(
            fmt, counts.units(HOSPITAL, exposure), own_code)
    return data


def _population(engine: Engine, region: str, practices: list[str], first_year: int,
                last_year: int) -> pd.DataFrame:
    """The region's listed patients for the years ``first_year`` to ``last_year``, and every
    year of the practices that miss one of them (``person_years`` borrows their nearest year)."""
    population = queries.region_population(engine, region, first_year, last_year)
    years = population.groupby("practice")["year"].nunique()
    complete = set(years.index[years == last_year - first_year + 1])
    others = sorted(set(practices) - complete)
    if not others:
        return population
    rest = queries.region_population(engine, region, practices=others)
    return pd.concat([population[population["practice"].isin(complete)], rest],
                     ignore_index=True)


class _Counts:
    """The referral counts of one view, as integer codes (practices by their place in the
    region's list, age band x sex as one stratum code): grouping and merging on integers is
    several times faster than on (Arrow) strings.

    Practice totals and region stratum counts come from the aggregates; the exact practice x
    stratum counts (raw rows) are read only when a part of the page finds a data error that
    needs them, and then once.
    """

    def __init__(self, engine, region, practices, own, first_month, period_month, last_month,
                  condition) -> None:
        self.engine, self.region, self.condition = engine, region, condition
        self.window = (first_month, last_month)
        self.period_month = pd.Timestamp(period_month)
        self.codes = {code: i for i, code in enumerate(practices["practice"])}
        self._places = pd.Index(list(self.codes))
        self.strata: dict[str, int] = {}
        self.own = self.codes.get(own) if own is not None else None
        totals = queries.practice_totals(engine, region, period_month, last_month, condition)
        places = self._places.get_indexer(totals["practice"])
        self.period_totals = totals[places >= 0].assign(
            practice=places[places >= 0].astype("int64"))
        self.stratum_counts = self.encode(queries.stratum_counts(engine, region, *self.window,
                                                                 condition))
        own_months = (queries.practice_months(engine, region, own, *self.window, condition)
                      if self.own is not None else pd.DataFrame(columns=queries.MONTH_COLUMNS))
        self.own_months = own_months.assign(month=pd.to_datetime(own_months["month"]))
        self._exact: pd.DataFrame | None = None
        self.exact_reads = 0

    def _window_errors(self, practices: list) -> int:
        """Referrals in the trend window by practices outside the region's list or among
        ``practices`` (codes of listed ones)."""
        names = [code for code, i in self.codes.items() if i in set(practices)]
        return queries.referrals_outside(self.engine, self.region, *self.window, self.condition,
                                         names)

    def encode(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``practice`` (if present) and ``age_band`` x ``sex`` as integer codes; rows of
        practices outside the region's list dropped."""
        columns = {}
        if "practice" in frame:
            # The codes are the places in the region's list, so a lookup in that list gives
            # them (-1: not listed) without a dictionary lookup per row.
            places = self._places.get_indexer(frame["practice"])
            listed = places >= 0
            frame = frame[listed]
            columns["practice"] = places[listed].astype("int64")
        # Each distinct age band x sex pair gets its key text once (there are a dozen or so),
        # not each row; the pairs are numbered from two integer factorisations, as factorising
        # a MultiIndex would build a Python tuple per row.
        age_codes, age_bands = pd.factorize(frame["age_band"])
        sex_codes, sexes = pd.factorize(frame["sex"])
        codes, pairs = pd.factorize(age_codes * max(len(sexes), 1) + sex_codes)
        keys = [f"{age_bands[pair // len(sexes)]}|{sexes[pair % len(sexes)]}" for pair in pairs]
        for new in sorted(set(keys) - set(self.strata)):
            self.strata[new] = len(self.strata)
        stratum = np.asarray([self.strata[key] for key in keys], dtype="int64")[codes]
        # One new frame rather than a copy per replaced, dropped and added column.
        columns = {column: columns.get(column, frame[column]) for column in frame.columns
                   if column not in ("age_band", "sex")}
        return pd.DataFrame({**columns, STRATA[0]: stratum}, index=frame.index)

    def exact(self) -> pd.DataFrame:
        """Practice x month x destination x stratum counts from the raw rows (listed practices)."""
        if self._exact is None:
            self.exact_reads += 1
            self._exact = self.encode(queries.referral_counts(
                self.engine, self.region, *self.window, self.condition))
        return self._exact

    def _selected(self, frame: pd.DataFrame, destination: str) -> pd.DataFrame:
        return frame if destination == "all" else frame[frame["destination"] == destination]

    def units(self, destination: str, exposure: pd.DataFrame) -> _Units:
        """The compared practices of the period for ``destination`` ("all" or one)."""
        totals = self._selected(self.period_totals, destination)
        strata = self._selected(self.stratum_counts, destination)
        strata = strata[strata["month"] >= self.period_month]
        # Referrals of practices outside the region's list are in the region's stratum counts
        # but in no listed practice's total: the sum check of _units_fast finds them too.
        fast = _units_fast(totals.groupby("practice")["referrals"].sum(),
                           strata.groupby(STRATA[0])["referrals"].sum(), exposure)
        if fast is not None:
            return fast
        exact = self._selected(self.exact(), destination)
        return _units(exact[exact["month"] >= self.period_month], exposure,
                      list(self.codes.values()))

    def trend(self, destination: str, exposure: pd.DataFrame, own: int | None,
              starts: pd.Series):
        """Referrals per quarter x stratum of the region and per quarter of ``own``.

        ``exposure`` numbers its quarters by their place in ``starts`` (first days), and so
        do the counts returned. Left out, as in the funnel: referrals of practices without
        person-years in the quarter (no population figures) and in strata where the region
        lists nobody that quarter.
        """
        # Which quarter x practice and quarter x stratum cells have person-years: signs of
        # sums, counted on arrays (~250,000 rows at national scale).
        period = exposure["period"].to_numpy()
        years = exposure["person_years"].to_numpy()
        strata = _quarterly(self._selected(self.stratum_counts, destination), starts)
        region = strata.groupby(["period", *STRATA])["referrals"].sum()
        cells = int(max(exposure[STRATA[0]].max(),
                        strata[STRATA[0]].to_numpy().max(initial=-1))) + 1
        practice_years = _Cells(period, exposure["practice"].to_numpy(), years,
                                (len(starts), len(self.codes)))
        cell_years = _Cells(period, exposure[STRATA[0]].to_numpy(), years, (len(starts), cells))
        quarters = len(np.unique(period))
        with_years = practice_years.positive.sum(axis=0)
        lacking = np.flatnonzero(with_years != quarters).tolist()
        positive = region[region > 0]
        fast = (
            bool(cell_years.has(positive.index.get_level_values("period"),
                                positive.index.get_level_values(STRATA[0])).all())
            and self._window_errors(lacking) == 0
        )
        if fast:
            own_counts = _quarterly(self._selected(self.own_months, destination),
                                    starts).groupby("period")["referrals"].sum()
            return positive, own_counts
        exact = _quarterly(self._selected(self.exact(), destination), starts)
        exact = exact[practice_years.has(exact["period"], exact["practice"])]
        exact = exact[cell_years.has(exact["period"], exact[STRATA[0]])]
        region = exact.groupby(["period", *STRATA])["referrals"].sum()
        own_counts = exact[exact["practice"] == own].groupby("period")["referrals"].sum()
        return region[region > 0], own_counts


class _Cells:
    """Which cells (quarter x practice or quarter x stratum) have person-years above 0: a
    boolean table from summing the rows' person-years per cell."""

    def __init__(self, period: np.ndarray, key: np.ndarray, years: np.ndarray, shape) -> None:
        sums = np.bincount(period * shape[1] + key, weights=years, minlength=shape[0] * shape[1])
        self.positive = sums.reshape(shape) > 0

    def has(self, period, key) -> np.ndarray:
        """Per (quarter, key) pair: has person-years; False for a quarter or key outside the
        table (a quarter among none of the trend's, numbered -1)."""
        period, key = np.asarray(period), np.asarray(key)
        inside = ((period >= 0) & (period < self.positive.shape[0]) & (key >= 0)
                  & (key < self.positive.shape[1]))
        found = np.zeros(len(period), dtype=bool)
        found[inside] = self.positive[period[inside], key[inside]]
        return found


def _quarterly(frame: pd.DataFrame, quarters: pd.Series) -> pd.DataFrame:
    """``frame`` with its month's quarter as ``period``: the place of the quarter's first day
    in ``quarters``, -1 for a quarter not among them (no person-time: its referrals are left
    out as those of a quarter without population)."""
    month = pd.DatetimeIndex(frame["month"])
    number = month.year.to_numpy() * 4 + (month.month.to_numpy() - 1) // 3
    known = pd.Index([start.year * 4 + (start.month - 1) // 3 for start in quarters])
    return frame.assign(period=known.get_indexer(number).astype("int64"))


def _data_notes(fmt: _Fmt, borrowed, units: _Units, names: pd.Series) -> list[str]:
    notes = []
    for needed, used in sorted(borrowed):
        notes.append(fmt.t("spiegel.note_borrowed_year", year=needed, used=used))
    excluded = units.no_population + units.no_expected
    if excluded:
        notes.append(
            fmt.t(
                "spiegel.note_excluded",
                practices=", ".join(str(names.get(code, code)) for code in excluded),
            )
        )
    if units.dropped_referrals:
        notes.append(fmt.t("spiegel.note_dropped", count=fmt.num(units.dropped_referrals)))
    return notes


# ---- funnel and table -------------------------------------------------------------------------


def _funnel(data, fmt, filters, standardised, crude, region_rate, names, own_code,
            intervals: list[str]) -> pd.Series:
    """Fill the funnel points and lines; returns the signal per practice code. ``intervals``:
    the standardised ratios' intervals (x 100) as text."""
    crude_mode = filters.measure == "crude"
    source = crude if crude_mode else standardised
    own = source["practice"] == own_code
    small, companion, reason = _hidden_practices(source["observed"], own)
    withheld = reason is not None
    data.region_withheld, data.region_withheld_reason = withheld, reason
    hidden = small | companion
    classified = funnel_classify(
        source["observed"],
        source["expected"],
        statistic="ratio",
        # phi is a function of every practice's O and E, and the E add up to the O: with one
        # unknown count (withheld) it would give that count, so it is not used or shown.
        overdispersion=None if withheld else filters.overdispersion,
        units=source["practice"],
        # With hidden counts, phi (and tau^2) from the shown practices only (see
        # _dispersion_units).
        dispersion_units=_dispersion_units(hidden),
    )
    # Ratios are plotted x 100 (100 = as expected); crude rates as referrals per 1,000 per year
    # around the regional rate, against person-years, which is E / regional rate.
    scale = region_rate * PER if crude_mode else 100.0
    data.funnel_target = scale
    phi = float(classified.attrs["phi"])
    data.phi = None if withheld or np.isnan(phi) else phi
    data.tau2 = None if data.phi is None else classified.attrs["tau2"]
    data.inflated = bool(classified.attrs["inflated"])

    points = pd.DataFrame(
        {
            "display_name": source["practice"].map(names).astype(str),
            "own": own,
            "x": source["population"] if crude_mode else source["expected"],
            "y": classified["value"].to_numpy() * scale,
            "signal": classified["signal"].to_numpy(),
        }
    )
    points["signal_label"] = points["signal"].map(fmt.signal)
    if crude_mode:
        low, high = rate_ci(source["observed"].to_numpy(), source["population"].to_numpy())
        value_text = fmt.nums(points["y"], 1)
        interval_text = fmt.intervals(np.asarray(low) * PER, np.asarray(high) * PER, 1)
    else:
        value_text = fmt.nums(points["y"])
        interval_text = intervals
    points["observed_text"] = [
        f"<{privacy.threshold()}" if is_small else formatting.MISSING if is_companion
        else text
        for text, is_small, is_companion in zip(fmt.nums(source["observed"]), small, companion,
                                                strict=True)
    ]
    points["expected_text"] = fmt.nums(source["expected"], 1)
    if withheld and crude_mode:
        # The crude expected count is person-years x the region's rate.
        points["expected_text"] = formatting.MISSING
    points["person_years_text"] = fmt.nums(source["population"])
    points["value_text"] = np.where(hidden, formatting.MISSING, value_text)
    points["interval_text"] = np.where(hidden, formatting.MISSING, interval_text)
    points["small"] = hidden.to_numpy()
    data.signals = points["signal"].copy()
    data.signals_hidden = points["small"].copy()
    # A point's position is its ratio against its expected count, from which the observed count
    # follows (O = ratio x E): a practice with 1 to 9 referrals is not drawn at all, nor its
    # companion (the practice whose count would give it away through the region's total).
    data.funnel_hidden = int(hidden.sum())
    points = points[~points["small"]]
    # Own practice last, so it is drawn on top.
    data.funnel_points = points.sort_values(["own", "x"]).reset_index(drop=True)

    x_per_precision = 1 / region_rate if crude_mode else 1.0
    if not withheld:
        data.funnel_lines = _funnel_lines(classified, scale, x_per_precision, fmt)
    elif crude_mode or not (~hidden).any():
        # Crude lines and centre are in units of the region's rate; without a drawn practice
        # there is no range to draw lines over.
        data.funnel_lines = pd.DataFrame(columns=["x", "y", "line", "level"])
        if crude_mode:
            data.funnel_target = float("nan")
    else:
        # Standardised limits do not depend on the region, but their range does: it reaches
        # the largest expected count, which may be the hidden practice's (E adds up to O).
        data.funnel_lines = _funnel_lines(classified[~hidden.to_numpy()], scale,
                                          x_per_precision, fmt)
    data.funnel_note = fmt.t(
        "spiegel.funnel_note_crude_withheld" if crude_mode and withheld
        else "spiegel.funnel_note_crude" if crude_mode else "spiegel.funnel_note_standardised",
        rate=fmt.num(region_rate * PER, 1),
    )
    data.dispersion_note = (fmt.t("spiegel.dispersion_withheld") if data.phi is None
                            else _dispersion_note(fmt, filters.overdispersion, data))
    if data.phi is not None and hidden.any():
        data.dispersion_note += " " + fmt.t(
            "spiegel.dispersion_shown_only", shown=fmt.num(int((~hidden).sum())),
            hidden=fmt.num(int(hidden.sum())))
    return pd.Series(classified["signal"].to_numpy(), index=source["practice"].to_numpy())


def _funnel_lines(classified: pd.DataFrame, scale: float, x_per_precision: float, fmt: _Fmt):
    """Long table of the 95% and 99.8% limit lines (x, y, line, level) for drawing."""
    if classified.attrs["inflated"]:
        # The widened limits depend on phi / tau^2 estimated from these practices; the stats
        # module gives them at each practice's precision, so the lines join those points.
        limits = classified.sort_values("precision")
    else:
        top = float(classified["precision"].max())
        grid = funnel_grid(top * 1.08)
        grid = grid[grid >= float(classified["precision"].min()) * 0.6]
        limits = funnel_limits(grid, statistic="ratio")
    frames = []
    for column in ("lower_95", "upper_95", "lower_998", "upper_998"):
        level = "95" if column.endswith("_95") else "998"
        frames.append(
            pd.DataFrame(
                {
                    "x": limits["precision"].to_numpy() * x_per_precision,
                    "y": limits[column].to_numpy() * scale,
                    "line": column,
                    "level": fmt.t(f"spiegel.limit_{level}"),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _dispersion_note(fmt: _Fmt, method: str | None, data: SpiegelData) -> str:
    phi = fmt.num(data.phi, 2)
    if method is None:
        return fmt.t("spiegel.dispersion_off", phi=phi)
    if not data.inflated:
        return fmt.t("spiegel.dispersion_not_needed", phi=phi)
    if method == "multiplicative":
        return fmt.t("spiegel.dispersion_multiplicative", phi=phi,
                     factor=fmt.num(np.sqrt(data.phi), 2))
    return fmt.t("spiegel.dispersion_additive", phi=phi, tau2=fmt.num(data.tau2, 4))


def _hidden_practices(observed: pd.Series, own: pd.Series
                      ) -> tuple[pd.Series, pd.Series, str | None]:
    """Practices whose count is small (1-9, not the own practice), the companion that keeps
    a single small count from following from the region's total (the one rule of
    ``privacy.suppress_with_complements``, used by the funnel and the table alike), and why
    the region's total must not be shown, if it must not: "one" when there is no companion to
    take (the table's ``undisclosable_totals``), "few" when the total minus the own
    practice's count (the whole total without one) is small itself: the other practices'
    referrals together, which no companion hides."""
    small = privacy.is_small(observed) & ~own
    companion, lonely = privacy.complementary_suppression(observed, small, known=own)
    if lonely:
        return small, companion, "one"
    total, own_total = observed.to_numpy().sum(), observed.to_numpy()[own.to_numpy()].sum()
    if privacy.small_difference([total], [own_total])[0]:
        return small, companion, "few"
    return small, companion, None


def _dispersion_units(hidden: pd.Series) -> np.ndarray | None:
    """The practices whose z-scores estimate phi: with a hidden count among them, only the
    shown ones (None: all).

    phi (shown to 2 decimals) is the mean of every practice's squared winsorised z-score, so
    n x phi is their sum to within n x 0.005; the region's total (the expected counts add up
    to it) gives the hidden counts' sum. With the usual pair of hidden counts (a small one
    and its companion) the two are then one equation with one unknown each: in a region of a
    few dozen practices a unit change in a count moves the sum by more than the rounding
    leaves open, so phi would single it out. Nationally (1,500 practices) the displayed phi
    is too coarse for that, but the widened limits (drawn at each practice's expected count,
    lines to 2 decimals) and tau^2 (4 decimals) give phi to about 1e-4, which is not. Leaving
    the hidden practices out of the estimate makes phi a function of shown counts only, at
    any scale; they are not drawn either. It costs little: they are few, and their counts
    (1-9) are the least informative of the spread between practices."""
    mask = hidden.to_numpy(dtype=bool)
    return ~mask if mask.any() else None


def _table(data, fmt, standardised, crude, names, own_code, signals: pd.Series,
           intervals: list[str]) -> None:
    period_years = _period_years(data.period)
    table = pd.DataFrame(
        {
            "practice_name": standardised["practice"].map(names).astype(str),
            "own": standardised["practice"] == own_code,
            "listed_patients": (standardised["population"] / period_years).round().astype(int),
            "observed": standardised["observed"].astype(int),
            "expected": standardised["expected"],
            "ratio": standardised["ratio_100"],
            "interval": intervals,
            "crude_rate": crude["crude_rate"].to_numpy(),
            "signal": standardised["practice"].map(signals).to_numpy(),
        }
    )
    table["signal_label"] = table["signal"].map(fmt.signal)
    # The signal is built on the count too: hidden with the ratio (as on the anderhalvelijn page).
    # The region's total is on the page, so a single hidden count gets a companion ("–").
    shown = privacy.suppress_with_complements(
        table, ["observed"], ["ratio", "interval", "crude_rate", "signal", "signal_label"],
        own_mask=table["own"], groups=pd.Series(0, index=table.index),
    )
    if data.region_withheld:
        # The expected counts add up to the observed ones (indirect standardisation against
        # the compared practices' own rates): with the hidden practice's E shown, the own E and
        # O give its count (E_own + E_other - O_own). Its listed patients give E only roughly.
        shown["expected"] = shown["expected"].where(~shown["suppressed"].to_numpy(), np.nan)
    shown["interval"] = shown["interval"].fillna(formatting.MISSING)
    shown["ratio"] = pd.to_numeric(shown["ratio"])
    shown["crude_rate"] = pd.to_numeric(shown["crude_rate"])
    # Own practice first, then by pseudonym: an order by ratio would leak hidden ratios.
    own_flags, names_list = shown["own"].tolist(), shown["practice_name"].tolist()
    # Sorted in Python (stable, comparing code points, as sort_values is): the same order,
    # without sort_values' several times slower sort of Arrow strings.
    own_first = sorted(range(len(shown)), key=lambda i: (not own_flags[i], names_list[i]))
    data.table = shown.iloc[own_first].reset_index(drop=True)

    if own_code is not None and own_code in set(standardised["practice"]):
        s = standardised.set_index("practice").loc[own_code]
        c = crude.set_index("practice").loc[own_code]
        signal = str(signals[own_code])
        crude_low, crude_high = rate_ci(int(s["observed"]), float(s["population"]))
        data.own = {
            "name": data.own_name,
            "observed": int(s["observed"]),
            "expected": float(s["expected"]),
            "ratio": float(s["ratio"]),
            "low": float(s["low"]),
            "high": float(s["high"]),
            "person_years": float(s["population"]),
            "listed_patients": float(s["population"]) / period_years,
            "crude_rate": float(c["crude_rate"]),
            "crude_low": crude_low * PER,
            "crude_high": crude_high * PER,
            "crude_ratio": float(c["ratio"]),
            "signal": signal,
            "signal_label": fmt.signal(signal),
        }


def _period_years(period: Period) -> float:
    """Length of the period in years, counted per calendar year as person-time is."""
    total = 0.0
    for year in range(period.start.year, period.end.year + 1):
        first, last = max(period.start, date(year, 1, 1)), min(period.end, date(year, 12, 31))
        total += ((last - first).days + 1) / _year_days(year)
    return total


# ---- plain-language reading -------------------------------------------------------------------


def _conclusion(data, fmt, filters, region_rate, own_code, own_listed) -> str:
    crude_mode = filters.measure == "crude"
    region_text = _region_summary(data, fmt, crude_mode)
    if own_code is None:
        return f"{region_text} {fmt.t('spiegel.choose_practice')}"
    if not own_listed:
        return f"{fmt.t('spiegel.own_not_comparable')} {region_text}"
    own = data.own
    signal_sentence = fmt.t(f"spiegel.reading.{own['signal']}")
    widened = " " + fmt.t("spiegel.reading_widened") if data.inflated else ""
    if own["observed"] == 0 and crude_mode and data.region_withheld:
        # The crude expected count is person-years x the region's rate.
        return f"{fmt.t('spiegel.reading_zero_withheld')}; {signal_sentence}{widened}"
    if own["observed"] == 0:
        head = fmt.t(
            "spiegel.reading_zero",
            expected=fmt.num(own["expected"] if not crude_mode else
                             own["person_years"] * region_rate, 1),
        )
        return f"{head}; {signal_sentence}{widened}"
    ratio = own["crude_ratio"] if crude_mode else own["ratio"]
    difference = round((ratio - 1) * 100)
    suffix = "_region" if crude_mode else ""
    rate_text = fmt.num(region_rate * PER, 1)
    if difference > 0:
        comparison = fmt.t(f"spiegel.more{suffix}", percent=difference, rate=rate_text)
    elif difference < 0:
        comparison = fmt.t(f"spiegel.less{suffix}", percent=-difference, rate=rate_text)
    else:
        comparison = fmt.t(f"spiegel.as_many{suffix}", rate=rate_text)
    if crude_mode:
        # The difference from the region's rate would give that rate (and so its total).
        head = fmt.t(
            "spiegel.reading_crude_withheld", rate=fmt.num(own["crude_rate"], 1)
        ) if data.region_withheld else fmt.t(
            "spiegel.reading_crude", rate=fmt.num(own["crude_rate"], 1), comparison=comparison
        )
        detail = fmt.t(
            "spiegel.reading_crude_detail",
            observed=fmt.num(own["observed"]),
            low=fmt.num(own["crude_low"], 1),
            high=fmt.num(own["crude_high"], 1),
        )
    else:
        head = fmt.t("spiegel.reading_standardised", comparison=comparison)
        detail = fmt.t(
            "spiegel.reading_detail",
            observed=fmt.num(own["observed"]),
            expected=fmt.num(own["expected"], 1),
            ratio=fmt.num(own["ratio"] * 100),
            low=fmt.num(own["low"] * 100),
            high=fmt.num(own["high"] * 100),
        )
    return f"{head}; {signal_sentence} {detail}{widened}"


def _region_summary(data, fmt, crude_mode: bool) -> str:
    # Only the shown practices' signals are counted: a hidden practice's signal is built on
    # its hidden count, and with the shown ones listed in the table, a count over all
    # practices would give it away (in a region of two, directly).
    signals = data.shown_signals
    high = int(signals.isin(["high_95", "high_998"]).sum())
    low = int(signals.isin(["low_95", "low_998"]).sum())
    shown, total = len(signals), len(data.signals)
    text = fmt.t(
        "spiegel.region_summary" if shown == total else "spiegel.region_summary_hidden",
        region=data.region_name,
        total=fmt.num(total),
        shown=fmt.num(shown),
        hidden=fmt.num(total - shown),
        high=fmt.num(high),
        low=fmt.num(low),
        within=fmt.num(shown - high - low),
    )
    if crude_mode:
        text += " " + fmt.t("spiegel.region_summary_crude")
    return text


# ---- trend ------------------------------------------------------------------------------------


def _trend_quarters(period: Period, first_month: date, data_date: date) -> pd.DataFrame:
    """The 12 calendar quarters up to the one holding the period's end, clipped to the data."""
    end_quarter = date(period.end.year, 3 * ((period.end.month - 1) // 3) + 1, 1)
    rows = []
    for back in range(TREND_QUARTERS - 1, -1, -1):
        start = _add_months(end_quarter, -3 * back)
        end = _add_months(start, 3) - timedelta(days=1)
        clipped_start, clipped_end = max(start, first_month), min(end, data_date)
        if clipped_start <= clipped_end:
            rows.append((start, clipped_start, clipped_end, clipped_end < end or
                         clipped_start > start))
    return pd.DataFrame(rows, columns=["period", "start", "end", "partial"])


def _trend(data, fmt, filters, counts, population, quarters, own_code) -> None:
    # The quarters by number (their place in ``quarters``, which is in time order) until the
    # frames are built: every grouping below is then on integers, not on date objects.
    labels = quarters["period"].to_numpy()
    numbered = quarters[["start", "end"]].assign(period=range(len(quarters)))
    exposure, _ = person_years(population, numbered[["period", "start", "end"]])
    if exposure.empty:
        return
    region_counts, own_counts = counts.trend(filters.destination, exposure, own_code,
                                             quarters["period"])
    region = pd.DataFrame({"person_years": exposure.groupby("period")["person_years"].sum()})
    region["referrals"] = (
        region_counts.groupby(level="period").sum().reindex(region.index, fill_value=0)
        .astype("int64")
    )
    region = region[region["person_years"] > 0]
    marks = _trend_marks(region["referrals"], own_counts if own_code is not None else None,
                         labels[region.index], data.data_date)
    low, high = rate_ci(region["referrals"].to_numpy(), region["person_years"].to_numpy())
    region_rate = region["referrals"] / region["person_years"]
    frames = [
        pd.DataFrame(
            {
                "period": labels[region.index],
                "series": "region",
                "series_label": fmt.t("spiegel.series_region"),
                "referrals": region["referrals"].to_numpy(),
                "person_years": region["person_years"].to_numpy(),
                "rate": region_rate.to_numpy() * PER,
                "low": low * PER,
                "high": high * PER,
                "mark": marks,
            }
        )
    ]
    if own_code is not None:
        frames.append(_own_trend(exposure, region_counts, own_counts, own_code, region,
                                 region_rate, filters, data, fmt, labels))
    trend = pd.concat(frames, ignore_index=True)
    if data.region_withheld and own_code is not None:
        # The region is the own practice and the one hidden: each quarter's region count minus
        # the own practice's is the other practice's, and the period's quarters add up to the
        # region's total. Without an own practice the region's quarters are that practice's
        # own numbers, suppressed as such below.
        trend = trend[trend["series"] != "region"].reset_index(drop=True)
    trend = trend.merge(quarters[["period", "end", "partial"]], on="period", how="left")
    mark = trend["mark"].fillna("").to_numpy(dtype=object)
    hidden = mark != ""
    trend.loc[hidden, ["rate", "low", "high"]] = np.nan
    trend["referrals"] = trend["referrals"].astype(object).where(~hidden, mark)
    trend = trend.drop(columns="mark")
    trend["quarter_label"] = [
        fmt.t("spiegel.quarter", quarter=(p.month - 1) // 3 + 1, year=p.year)
        + ("*" if partial else "")
        for p, partial in zip(trend["period"], trend["partial"], strict=True)
    ]
    trend["referrals_text"] = [
        value if isinstance(value, str) else fmt.num(value) for value in trend["referrals"]
    ]
    trend["rate_text"] = fmt.nums(trend["rate"], 1)
    trend["interval_text"] = fmt.intervals(trend["low"], trend["high"], 1)
    trend = trend.rename(columns={"period": "quarter"})
    data.trend = trend.sort_values(["series", "quarter"]).reset_index(drop=True)
    key = "spiegel.trend_note_crude" if filters.measure == "crude" else (
        "spiegel.trend_note_standardised")
    data.trend_note = fmt.t(key)
    if trend["partial"].any():
        data.trend_note += " " + fmt.t("spiegel.trend_partial")
    if data.region_withheld and own_code is not None:
        data.trend_note += " " + fmt.t(
            "spiegel.trend_region_withheld" if data.region_withheld_reason == "one"
            else "spiegel.trend_region_withheld_others")
    elif (mark == formatting.MISSING).any():
        data.trend_note += " " + fmt.t(
            "spiegel.trend_beyond_own" if own_code is not None else "spiegel.trend_companion",
            max=fmt.num(privacy.threshold() - 1))


def _trend_marks(referrals: pd.Series, own: pd.Series | None, starts, data_date: date
                 ) -> np.ndarray:
    """Per region quarter (``referrals``, indexed by quarter number; ``starts`` their first
    days): "" shown, "<10" a small count, "–" hidden to protect one.

    With an own practice (``own``: its referrals per quarter number), a quarter whose region
    count minus the own practice's is small is hidden too: the other practices' count of
    that quarter. And as the quarters of a period add up to the period's total, which the
    region's figures show (the sum of the expected counts, the rate), a single hidden
    quarter of a period takes another with it (``privacy.complementary_suppression``, ranked
    by the others' counts). The periods are the calendar years, each one a page view (the
    year filter), with the year the rolling 12 months start in split at that start when it
    is a quarter's (the rolling total minus the current year's is then the quarters before
    it). The quarters of a year only partly in the 12 quarters are grouped as the part
    shown.
    """
    small = privacy.is_small(referrals).to_numpy()
    others = referrals if own is None else referrals - own.reindex(referrals.index,
                                                                   fill_value=0)
    primary = small.copy()
    if own is not None:
        primary |= privacy.small_difference(referrals, referrals - others)
    if not primary.any():
        return np.full(len(referrals), "", dtype=object)
    rolling_start = _add_months(_first_of_month(data_date), -11)
    split = rolling_start if rolling_start.month in (4, 7, 10) else None
    segments = pd.Series([
        f"{start.year}" + ("b" if split is not None and start.year == split.year
                           and start >= split else "")
        for start in starts
    ], index=referrals.index)
    companion, _ = privacy.complementary_suppression(
        others, pd.Series(primary, index=referrals.index), segments)
    marks = np.where(primary | companion.to_numpy(), formatting.MISSING, "").astype(object)
    marks[small] = f"<{privacy.threshold()}"
    return marks


def _own_trend(exposure, region_counts, own_counts, own_code, region, region_rate, filters,
               data, fmt, labels) -> pd.DataFrame:
    own_rows = exposure[exposure["practice"] == own_code]
    own = pd.DataFrame({"person_years": own_rows.groupby("period")["person_years"].sum()})
    own["referrals"] = own_counts.reindex(own.index, fill_value=0).astype("int64")
    own = own[(own["person_years"] > 0) & own.index.isin(region.index)]
    label = fmt.t("spiegel.series_own", name=data.own_name)
    if own.empty:
        return pd.DataFrame(columns=["period", "series", "series_label", "referrals",
                                     "person_years", "rate", "low", "high"])
    if filters.measure == "crude":
        low, high = rate_ci(own["referrals"].to_numpy(), own["person_years"].to_numpy())
        rate = own["referrals"] / own["person_years"]
        return pd.DataFrame(
            {
                "period": labels[own.index],
                "series": "own",
                "series_label": label,
                "referrals": own["referrals"].to_numpy(),
                "person_years": own["person_years"].to_numpy(),
                "rate": rate.to_numpy() * PER,
                "low": low * PER,
                "high": high * PER,
            }
        )
    # Standardised per quarter: reference = the region's stratum rates in that same quarter
    # (the quarter is a stratum), rescaled by the region's crude rate of the quarter.
    # Quarter x stratum as one integer (a cell): grouping ~250,000 rows on it gives the same
    # compensated sums as grouping on the two columns, at a fraction of the cost, and the
    # standardisation looks up one key instead of a pair.
    counted = region_counts.index
    count_period = counted.get_level_values("period").to_numpy()
    count_stratum = counted.get_level_values(STRATA[0]).to_numpy()
    width = int(max(exposure[STRATA[0]].max(), count_stratum.max(initial=-1))) + 1
    cell = exposure["period"].to_numpy() * width + exposure[STRATA[0]].to_numpy()
    sums = exposure["person_years"].groupby(cell).sum()
    events = pd.Series(region_counts.to_numpy(), index=count_period * width + count_stratum)
    reference = pd.DataFrame({"cell": sums.index.to_numpy(), "person_years": sums.to_numpy(),
                              "referrals": events.reindex(sums.index, fill_value=0).to_numpy()})
    reference = reference[reference["person_years"] > 0]
    own_cells = cell[(exposure["practice"] == own_code).to_numpy()]
    units = own_rows.assign(cell=own_cells)
    units = units[units["person_years"] > 0]
    at_risk = units.merge(
        reference.rename(columns={"referrals": "_events"})[["cell", "_events"]], on="cell")
    usable = at_risk[at_risk["_events"] > 0].groupby("period")["person_years"].sum()
    usable = usable.index[usable > 0]
    units = units[units["period"].isin(usable)]
    result = pd.DataFrame(index=own.index)
    if not units.empty:
        standardised = indirect_standardise(
            units,
            reference=reference,
            strata=("cell",),
            unit_col="period",
            population_col="person_years",
            events_col="referrals",
            observed=own["referrals"].reindex(usable, fill_value=0),
        ).set_index("period")
        result = result.join(standardised[["ratio", "low", "high"]])
    else:
        result[["ratio", "low", "high"]] = np.nan
    quarter_rate = region_rate.reindex(own.index) * PER
    return pd.DataFrame(
        {
            "period": labels[own.index],
            "series": "own",
            "series_label": label,
            "referrals": own["referrals"].to_numpy(),
            "person_years": own["person_years"].to_numpy(),
            "rate": (result["ratio"] * quarter_rate).to_numpy(),
            "low": (result["low"] * quarter_rate).to_numpy(),
            "high": (result["high"] * quarter_rate).to_numpy(),
        }
    )


# ---- where referrals went ---------------------------------------------------------------------


def _destinations(data, fmt, period_counts, own_code) -> None:
    """Shares per destination; ``period_counts``: referrals per listed practice x destination."""
    groups = [("region", fmt.t("spiegel.series_region"), period_counts)]
    own_counts = (
        period_counts[period_counts["practice"] == own_code] if own_code is not None else None
    )
    if own_code is not None and own_counts["referrals"].sum() > 0:
        groups.insert(0, ("own", fmt.t("spiegel.series_own", name=data.own_name), own_counts))
    # The region's total minus the own practice's is the others' referrals together: when
    # small (or the region's own total, without an own practice), the region is left out.
    region_withheld = data.region_withheld or bool(privacy.small_difference(
        [period_counts["referrals"].sum()],
        [own_counts["referrals"].sum() if own_counts is not None else 0])[0])
    if region_withheld:
        # The region's total and destinations minus the own practice's are the other
        # practice's (without an own practice: that practice's alone).
        groups = [group for group in groups if group[0] != "region"]
    rows = []
    for group, label, frame in groups:
        per_destination = frame.groupby("destination")["referrals"].sum()
        total = int(per_destination.sum())
        if total == 0:
            continue
        counts = np.array([int(per_destination.get(d, 0)) for d in DESTINATIONS])
        low, high = proportion_ci(counts, np.full(len(counts), total))
        for destination, count, lo, hi in zip(DESTINATIONS, counts, low, high, strict=True):
            rows.append((group, label, destination, fmt.t(f"destination.{destination}"),
                         int(count), total, count / total * 100, lo * 100, hi * 100))
    frame = pd.DataFrame(
        rows,
        columns=["group", "group_label", "destination", "destination_label", "referrals",
                 "total", "share", "low", "high"],
    )
    if frame.empty:
        data.destinations = frame
        if region_withheld:
            data.destinations_note = fmt.t("spiegel.destinations_withheld")
        return
    region_rows = (frame["group"] == "region").to_numpy()
    small = privacy.is_small(frame["referrals"]).to_numpy() & region_rows
    # A region destination minus the own practice's is the others' count of it: hidden when
    # small. The region's total is shown next to its destinations: one hidden destination
    # would follow from it, so a second one is hidden with it ("–"), chosen by the others'
    # counts. Every group has a row per destination, so a single hidden one always has a
    # companion.
    own_part = np.zeros(len(frame))
    if own_code is not None:
        own_by_destination = own_counts.groupby("destination")["referrals"].sum()
        own_part = np.where(region_rows, frame["destination"].map(own_by_destination)
                            .fillna(0).to_numpy(dtype=float), 0.0)
    beyond = (privacy.small_difference(frame["referrals"], own_part) & region_rows
              if own_code is not None else np.zeros(len(frame), dtype=bool))
    companion, _ = privacy.complementary_suppression(
        frame["referrals"] - own_part, pd.Series(small | beyond, index=frame.index),
        frame["group"].where(region_rows))
    hidden = small | beyond | companion.to_numpy()
    frame.loc[hidden, ["share", "low", "high"]] = np.nan
    frame["referrals"] = frame["referrals"].astype(object).where(
        ~hidden, formatting.MISSING).where(~small, f"<{privacy.threshold()}")
    frame["referrals_text"] = [
        value if isinstance(value, str) else fmt.num(value) for value in frame["referrals"]
    ]
    frame["share_text"] = [
        formatting.MISSING if formatting.is_missing(s) else fmt.num(s, 0) + "%"
        for s in frame["share"]
    ]
    frame["interval_text"] = fmt.intervals(frame["low"], frame["high"], 1)
    data.destinations = frame
    notes = [fmt.t("spiegel.destinations_note")]
    if not data.has_anderhalvelijn:
        notes.append(fmt.t("spiegel.no_anderhalvelijn", region=data.region_name))
    if own_code is not None and "own" not in set(frame["group"]):
        notes.append(fmt.t("spiegel.own_no_referrals"))
    if region_withheld:
        notes.append(fmt.t("spiegel.destinations_withheld"))
    elif (beyond | companion.to_numpy()).any() and own_code is not None:
        notes.append(fmt.t("spiegel.destinations_beyond_own",
                           max=fmt.num(privacy.threshold() - 1)))
    data.destinations_note = " ".join(notes)


# ---- opportunity ------------------------------------------------------------------------------


def _opportunity(fmt, units: _Units, own_code) -> tuple[Opportunity | None, bool]:
    """Hospital referrals fewer if every practice above the median (O/E) referred at the median.

    Per practice above the median ratio m: O - m x E; summed. An estimate and an upper bound:
    by chance alone half the practices lie above the median. ``units``: hospital referrals.
    Also returns whether it is withheld: it states the region's hospital referrals, which
    minus the own practice's would give a hidden count when the rule of the region's figures
    (_hidden_practices) holds for the hospital counts, even where all referrals together do
    not (e.g. another practice's 40 referrals of which 4 went to hospital).
    """
    if units.empty:
        return None, False
    result = _standardise(units, crude=False)
    if _hidden_practices(result["observed"], result["practice"] == own_code)[2] is not None:
        return None, True
    median = float(result["ratio"].median())
    excess = (result["observed"] - median * result["expected"]).where(
        result["ratio"] > median, 0.0
    )
    fewer = float(excess.sum())
    above = int((result["ratio"] > median).sum())
    total = int(result["observed"].sum())
    own_fewer = None
    if own_code is not None and own_code in set(result["practice"]):
        own_fewer = float(excess[result["practice"] == own_code].iloc[0])
    text = fmt.t(
        "spiegel.opportunity",
        fewer=fmt.num(fewer) if fewer >= 0.5 else fmt.t("spiegel.less_than_one"),
        share=fmt.pct(fewer / total) if total else formatting.MISSING,
        total=fmt.num(total),
        above=fmt.num(above),
        practices=fmt.num(len(result)),
    )
    if own_fewer is not None:
        text += " " + (
            fmt.t("spiegel.opportunity_own", fewer=fmt.num(own_fewer, 1))
            if own_fewer > 0
            else fmt.t("spiegel.opportunity_own_none")
        )
    return Opportunity(
        fewer=fewer,
        hospital_referrals=total,
        practices_above=above,
        practices=len(result),
        median_ratio=median,
        own_fewer=own_fewer,
        text=text,
    ), False


# ---- within the user's scope (what the page calls) --------------------------------------------


def regions_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    """The regions whose practices ``scope`` may compare (``queries.REGION_COLUMNS``).

    Raises :class:`AccessDenied` for a scope without practice-level access (insurers).
    """
    scope.check_practices()
    frame = queries.regions(engine)
    return frame[frame["region"].isin(scope.practice_regions(frame["region"]))].reset_index(
        drop=True)


def referral_span_for(engine: Engine, scope: Scope, region: str):
    scope.check_practices(region)
    return queries.referral_span(engine, region)


def spiegelinformatie_for(engine: Engine, scope: Scope, filters: SpiegelFilters) -> SpiegelData:
    """:func:`spiegelinformatie` as ``scope`` may see it.

    The region must be one whose practices the scope may see (the first such region when
    ``filters.region`` is None); the own practice is the scope's, whatever the filters say,
    so only a huisarts sees one practice by name and without suppression.
    """
    region = filters.region
    if region is None:
        allowed = regions_for(engine, scope)
        if allowed.empty:
            raise AccessDenied("access.no_practice_regions")
        region = str(allowed["region"].iloc[0])
    scope.check_practices(region)
    own = scope.practice if scope.practice and region in scope.regions else None
    return spiegelinformatie(engine, replace(filters, region=region, practice=own))
