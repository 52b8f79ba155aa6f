"""Everything the PDCA page shows, assembled without Streamlit.

:func:`trend` turns an indicator series (``queries.indicator_series``) and an optional cycle
into a :class:`Trend`: the plot frame in display units (exactly what the chart draws and the
CSV holds), the cycle's phases, the Making Data Count variation and assurance badges, the
one-sentence finding and the Check step (signal since Do against the limits of the period
before Do, and the interrupted-time-series level change). :func:`overview` gives one row per
open cycle with the same badges. :func:`pdca` runs the queries too (tests, benchmarks).

All statistics come from ``dashboard.stats``; this module only chooses baselines, maps "high"
and "low" to improvement or deterioration with the indicator's direction, and words results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import i18n
from dashboard.charts.spc import Phase
from dashboard.formatting import format_month, format_number
from dashboard.indicators import BY_CODE, IndicatorDefinition
from dashboard.privacy import is_small
from dashboard.queries import pdca as cycles_queries
from dashboard.queries.indicator_series import SPECS, SeriesSpec, indicator_series
from dashboard.stats import (
    ITSResult,
    describe_run_chart,
    describe_spc,
    its_effect,
    p_chart,
    run_chart,
    u_chart,
    xmr,
)

# Making Data Count advises 15-20 points for limits; 12 months is the least we draw a chart or
# fix a baseline on, so a year of seasonal ups and downs is inside the limits.
MIN_POINTS = 12
MIN_BASELINE = 12
ITS_MIN_PER_SIDE = 3

# Per key: emoji (tables), Material symbol (badges on the page), Streamlit badge colour.
VARIATION_STYLE = {
    "improvement": ("🔵", None, "blue"),
    "deterioration": ("🟠", None, "orange"),
    "higher": ("🟣", "trending_up", "violet"),
    "lower": ("🟣", "trending_down", "violet"),
    "common": ("⚪", "horizontal_rule", "gray"),
}
ASSURANCE_STYLE = {
    "pass": ("✅", "check_circle", "blue"),
    "hit_and_miss": ("🔀", "help", "gray"),
    "fail": ("❌", "cancel", "orange"),
    "none": ("➖", "remove", "gray"),
}
NUMBER_DECIMALS = {
    "per_1000_py": 1,
    "percent": 1,
    "days": 1,
    "euro_per_patient": 0,
    "euro_per_inhabitant": 2,
    "score": 2,
}


@dataclass(frozen=True)
class Badge:
    """A Making Data Count icon: ``key``, an emoji ``icon`` (tables), a Material ``symbol``
    (page badges), the ``label`` in the user's language and the Streamlit badge ``colour``."""

    key: str
    icon: str
    symbol: str
    label: str
    colour: str

    @property
    def text(self) -> str:
        return f"{self.icon} {self.label}"

    @property
    def markdown(self) -> str:
        return f":{self.colour}-badge[:material/{self.symbol}: {self.label}]"


@dataclass
class CheckResult:
    """The Check step: did the series change since Do started, and by how much (ITS)?

    ``status``: signal | no_signal | no_do | not_started | short_baseline.
    """

    status: str
    text: str
    signal: str | None = None  # improvement | deterioration | higher | lower
    first_signal_month: pd.Timestamp | None = None
    rules: tuple[str, ...] = ()
    baseline_points: int = 0
    baseline_note: str = ""  # the period before Do had special causes itself
    its: ITSResult | None = None
    its_text: str = ""
    its_summary: str = ""
    its_value: str = ""  # the level change with its unit, for a metric


@dataclass
class Trend:
    indicator: IndicatorDefinition
    spec: SeriesSpec
    view: str  # spc | run
    chart_kind: str  # xmr | p | u (the SPC chart the indicator uses)
    message: str | None = None  # why there is no chart (no data, too short)
    plot: pd.DataFrame = field(default_factory=pd.DataFrame)
    phases: list[Phase] = field(default_factory=list)
    target: float | None = None
    variation: Badge | None = None
    assurance: Badge | None = None
    summary: str = ""
    limits_note: str = ""
    hidden_points: int = 0
    excluded_points: int = 0
    rebase_hint: bool = False
    check: CheckResult | None = None
    number_format: str = ",.1f"
    decimals: int = 1

    @property
    def has_chart(self) -> bool:
        return self.message is None


@dataclass
class PdcaPage:
    region: str
    cycles: pd.DataFrame
    cycle: dict[str, Any] | None
    trend: Trend
    overview: pd.DataFrame


# ---- small helpers -------------------------------------------------------------------------


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.translate(key, lang, **values)


def _badge(kind: str, key: str, lang: str, high: bool = False) -> Badge:
    icon, symbol, colour = (VARIATION_STYLE if kind == "variation" else ASSURANCE_STYLE)[key]
    # Improvement can be up or down depending on the indicator: the arrow shows which.
    symbol = symbol or ("trending_up" if high else "trending_down")
    return Badge(key, icon, symbol, _t(f"pdca.{kind}.{key}", lang), colour)


def _months(series: pd.DataFrame) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(series["month"]))


def do_position(months: pd.DatetimeIndex, do_start) -> int | None:
    """Row of the first period starting on or after ``do_start`` (as ``its_effect`` splits);
    None when Do starts after the last period or is not set."""
    if do_start is None or pd.isna(do_start):
        return None
    later = np.flatnonzero(months >= pd.Timestamp(do_start))
    return int(later[0]) if later.size else None


def month_positions(months: pd.DatetimeIndex, chosen) -> tuple[int, ...]:
    """Rows of the months in ``chosen`` (dates or month strings); months the series does not
    have are left out."""
    wanted = pd.DatetimeIndex(pd.to_datetime(list(chosen))) if chosen else pd.DatetimeIndex([])
    found = months.get_indexer(wanted)
    return tuple(sorted({int(i) for i in found if i >= 0}))


def month_options(series: pd.DataFrame) -> pd.DatetimeIndex:
    """The months of a series (output of ``indicator_series``), for choosing points."""
    if series.empty:
        return pd.DatetimeIndex([])
    return _months(series)


def freeze_options(months: pd.DatetimeIndex) -> list[pd.Timestamp]:
    """The months a baseline can end on: from the ``MIN_BASELINE``-th month to the one before
    the last (a baseline of every point is no frozen baseline)."""
    return list(months[MIN_BASELINE - 1 : len(months) - 1])


def spc(
    series: pd.DataFrame,
    chart_kind: str,
    scale: float,
    baseline_points: int | None = None,
    rebase_at: tuple[int, ...] = (),
    *,
    screen_outliers: bool = True,
    exclude: tuple[int, ...] = (),
) -> pd.DataFrame:
    """The SPC chart of a series (output of ``indicator_series``), indexed by month.

    ``exclude``: positions left out of the limits and the sequence rules; ``screen_outliers``
    (XmR only): screen large moving ranges (NHSRplotthedots) or not (the Making Data Count
    Excel tool)."""
    months = _months(series)
    if chart_kind == "p":
        chart = p_chart(
            series["numerator"].to_numpy(),
            series["denominator"].to_numpy(),
            baseline_points=baseline_points,
            rebase_at=rebase_at,
            exclude=exclude,
        )
    elif chart_kind == "u":
        # The u-chart's rate is count / exposure: exposure in thousands of person-years gives
        # the series' "per 1,000 per year".
        chart = u_chart(
            series["numerator"].to_numpy(),
            series["denominator"].to_numpy() / scale,
            baseline_points=baseline_points,
            rebase_at=rebase_at,
            exclude=exclude,
        )
    else:
        chart = xmr(
            series["value"].to_numpy(), baseline_points=baseline_points, rebase_at=rebase_at,
            screen_outliers=screen_outliers, exclude=exclude,
        )
    chart.index = months
    return chart


def categories(chart: pd.DataFrame, direction: str) -> pd.Series:
    """Per point: improvement / deterioration (or higher / lower when the indicator has no
    good direction) for special causes, common otherwise."""
    high = chart["special_cause_high"].to_numpy(dtype=bool)
    low = chart["special_cause_low"].to_numpy(dtype=bool)
    if direction == "neutral":
        up, down = "higher", "lower"
    elif direction == "higher":
        up, down = "improvement", "deterioration"
    else:
        up, down = "deterioration", "improvement"
    keys = np.where(high, up, np.where(low, down, "common"))
    return pd.Series(keys, index=chart.index)


def assurance_key(chart: pd.DataFrame, direction: str, target: float | None) -> str:
    """Making Data Count assurance from the latest point's process limits (display units):
    pass = the target lies beyond the limits on the good side (met consistently), fail = beyond
    them on the bad side (not met without change), hit_and_miss = within the limits or on one
    (NHSRplotthedots' ptd_calculate_assurance_type: a target exactly on a limit is
    "inconsistent": the process reaches it, but not always)."""
    if target is None or direction == "neutral" or chart.empty:
        return "none"
    lower, upper = float(chart["lower"].iloc[-1]), float(chart["upper"].iloc[-1])
    if np.isnan(lower) or np.isnan(upper):
        return "none"
    if direction == "lower":
        return "pass" if target > upper else "fail" if target < lower else "hit_and_miss"
    return "pass" if target < lower else "fail" if target > upper else "hit_and_miss"


def _rule_text(labels: str, lang: str) -> str:
    return ", ".join(_t(f"pdca.rule.{name}", lang) for name in labels.split(";") if name)


def phases_for(cycle: Mapping[str, Any] | None, months: pd.DatetimeIndex, lang: str) -> list[Phase]:
    """Plan before Do, Do from ``do_start``, Check from ``check_date``, clipped to the data."""
    if not cycle or cycle.get("do_start") is None or months.empty:
        return []
    first, end = months[0], months[-1] + pd.offsets.MonthBegin(1)
    do = pd.Timestamp(cycle["do_start"])
    check = pd.Timestamp(cycle["check_date"]) if cycle.get("check_date") else None
    stretches = [("plan", first, do), ("do", do, check or end)]
    if check is not None:
        stretches.append(("check", check, end))
    phases = []
    for key, start, stop in stretches:
        start, stop = max(start, first), min(stop, end)
        if start < stop:
            phases.append(Phase(key, _t(f"pdca.phase.{key}", lang), start, stop))
    return phases


def _phase_of(months: pd.DatetimeIndex, phases: list[Phase]) -> list[str]:
    """The phase each month starts in ("" before the first phase)."""
    labels = [""] * len(months)
    for phase in phases:
        inside = (months >= phase.start) & (months < phase.end)
        for i in np.flatnonzero(inside):
            labels[i] = phase.label
    return labels


def _hidden(series: pd.DataFrame, spec: SeriesSpec) -> pd.Series:
    hidden = pd.Series(False, index=series.index)
    for column in spec.counts:
        hidden |= is_small(series[column]).fillna(False).to_numpy()
    return hidden


def _target(cycle: Mapping[str, Any] | None, indicator_code: str) -> float | None:
    # A target belongs to the cycle's own indicator; other indicators (balancing measures)
    # shown with the cycle's phases have none.
    if not cycle or cycle.get("indicator_code") != indicator_code:
        return None
    value = cycle.get("target_value")
    return None if value is None or pd.isna(value) else float(value)


# ---- Check ---------------------------------------------------------------------------------


def check_step(
    series: pd.DataFrame,
    indicator_code: str,
    cycle: Mapping[str, Any] | None,
    lang: str = "nl",
    *,
    screen_outliers: bool = True,
    exclude: tuple[int, ...] = (),
) -> CheckResult | None:
    """The Check step of a cycle from the data; None without a cycle.

    Signal: the SPC chart with its limits fixed on the points before Do (at least
    ``MIN_BASELINE``), special causes at or after the first point of Do. Effect size:
    ``its_effect`` (segmented regression with seasonality where two years allow), in display
    units, worded as an association.
    """
    if not cycle:
        return None
    indicator, spec = BY_CODE[indicator_code], SPECS[indicator_code]
    months = _months(series)
    if cycle.get("do_start") is None:
        return CheckResult("no_do", _t("pdca.check.no_do", lang))
    position = do_position(months, cycle["do_start"])
    do_label = format_month(cycle["do_start"], lang)
    if position is None:
        last = format_month(months[-1], lang) if len(months) else "–"
        return CheckResult("not_started", _t("pdca.check.not_started", lang, last=last))

    result = CheckResult("short_baseline", "", baseline_points=position)
    if position < MIN_BASELINE:
        result.text = _t(
            "pdca.check.short_baseline", lang, n=position, min=MIN_BASELINE, month=do_label
        )
    else:
        chart = spc(series, indicator.chart, spec.scale, baseline_points=position,
                    screen_outliers=screen_outliers, exclude=exclude)
        after = chart.iloc[position:]
        keys = categories(after, indicator.direction)
        flagged = keys[keys != "common"]
        if flagged.empty:
            result.status = "no_signal"
            result.text = _t("pdca.check.no_signal", lang, month=do_label, n=position)
        else:
            result.status = "signal"
            # describe_spc names the latest stretch; the report also wants where it began.
            latest = describe_spc(after, improvement=indicator.direction, language=lang)
            result.signal = str(flagged.iloc[-1])
            result.first_signal_month = flagged.index[0]
            rules: list[str] = []
            for labels in after.loc[flagged.index, "special_cause"]:
                rules += [r for r in labels.split(";") if r and r not in rules]
            result.rules = tuple(rules)
            result.text = _t("pdca.check.signal", lang, month=do_label, n=position, finding=latest)
        before = chart.iloc[:position]
        if categories(before, indicator.direction).ne("common").any():
            # Limits from an unstable period mislead: the change may have begun before Do.
            finding = describe_spc(before, improvement=indicator.direction, language=lang)
            result.baseline_note = _t("pdca.check.unstable_baseline", lang, finding=finding)
    _add_its(result, series, spec, cycle["do_start"], lang)
    return result


def _add_its(result: CheckResult, series, spec: SeriesSpec, do_start, lang: str) -> None:
    months = _months(series)
    n_pre = int((months < pd.Timestamp(do_start)).sum())
    n_post = len(months) - n_pre
    if min(n_pre, n_post) < ITS_MIN_PER_SIDE:
        result.its_text = _t(
            "pdca.check.its_too_short", lang, pre=n_pre, post=n_post, min=ITS_MIN_PER_SIDE
        )
        return
    values = series["value"].to_numpy(dtype=float) * spec.display_scale
    try:
        its = its_effect(values, months, pd.Timestamp(do_start), seasonal=True, language=lang)
    except ValueError as error:
        result.its_text = _t("pdca.check.its_failed", lang, reason=str(error))
        return
    result.its = its
    result.its_text = its.interpretation
    decimals = NUMBER_DECIMALS[spec.unit] + 1
    low, high = its.level_change_ci
    # A jump in a percentage is in percentage points, not in percent.
    unit_key = "pdca.unit.percent_points" if spec.unit == "percent" else f"pdca.unit.{spec.unit}"
    unit = _t(unit_key, lang)
    result.its_value = f"{format_number(its.level_change, decimals, lang)} {unit}"
    result.its_summary = _t(
        "pdca.check.its_summary",
        lang,
        p=format_number(its.level_change_p, 3, lang),
        low=format_number(low, decimals, lang),
        high=format_number(high, decimals, lang),
        unit=unit,
    )


# ---- the trend -----------------------------------------------------------------------------


def trend(
    series: pd.DataFrame,
    indicator_code: str,
    cycle: Mapping[str, Any] | None = None,
    *,
    view: str = "spc",
    rebase: bool = False,
    show_2sigma: bool = False,
    screen_outliers: bool = True,
    exclude=(),
    freeze_until=None,
    lang: str = "nl",
) -> Trend:
    """The trend chart data of ``series`` for the page (see the module docstring).

    SPC limits: with a cycle whose Do started after at least ``MIN_BASELINE`` points, fixed
    on the points before Do (the Plan period), so later points are judged against the old
    process; ``rebase=True`` starts new limits at the first point of Do instead; without a
    cycle, all points. ``view="run"`` gives the run chart (median, Anhoej rules).

    ``freeze_until`` (a month of :func:`freeze_options`) fixes the limits, or the run chart's
    median, on the points up to and including that month (qicharts2's ``freeze``), instead
    of the period before Do; rebasing takes precedence. ``exclude`` (months) leaves points out
    of the limits or median and of the rules (qicharts2's ``exclude``); they stay on the chart,
    marked in the ``excluded`` column. ``screen_outliers`` applies to XmR charts
    (:func:`dashboard.stats.xmr`).
    """
    if view not in ("spc", "run"):
        raise ValueError(f"view must be 'spc' or 'run'; got {view!r}")
    indicator, spec = BY_CODE[indicator_code], SPECS[indicator_code]
    decimals = NUMBER_DECIMALS[spec.unit]
    result = Trend(
        indicator,
        spec,
        view,
        indicator.chart,
        target=_target(cycle, indicator_code),
        number_format=f",.{decimals}f",
        decimals=decimals,
    )
    if series.empty:
        result.message = _t("pdca.msg.no_data", lang)
        return result
    if len(series) < MIN_POINTS:
        key = "pdca.msg.too_short_year" if spec.frequency == "year" else "pdca.msg.too_short"
        result.message = _t(key, lang, n=len(series), min=MIN_POINTS)
        return result

    series = series.reset_index(drop=True)
    months = _months(series)
    scale = spec.display_scale
    result.phases = phases_for(cycle, months, lang)
    excluded = month_positions(months, exclude)
    result.excluded_points = len(excluded)
    screen = screen_outliers or indicator.chart != "xmr"
    result.check = check_step(series, indicator_code, cycle, lang, screen_outliers=screen,
                              exclude=excluded)
    hidden = _hidden(series, spec).to_numpy()
    result.hidden_points = int(hidden.sum())
    position = do_position(months, cycle.get("do_start")) if cycle else None
    frozen = None
    if freeze_until is not None and not (rebase and view == "spc"):
        found = month_positions(months, [freeze_until])
        if found and found[0] + 1 >= MIN_BASELINE:
            frozen = found[0] + 1
    frozen_note = (
        _t("pdca.limits.frozen", lang, first=format_month(months[0], lang, short=True),
           last=format_month(months[frozen - 1], lang, short=True))
        if frozen else ""
    )

    if view == "run":
        frame, summary = run_chart(series["value"].to_numpy(dtype=float) * scale,
                                   exclude=excluded, baseline_points=frozen)
        frame.index = months
        in_run = frame["longest_run"].to_numpy(dtype=bool)
        high = pd.Series(in_run & (frame["side"].to_numpy() > 0), index=months)
        low = pd.Series(in_run & (frame["side"].to_numpy() < 0), index=months)
        keys = categories(
            pd.DataFrame({"special_cause_high": high, "special_cause_low": low}),
            indicator.direction,
        )
        rule = np.where(in_run, _t("pdca.rule.long_run", lang), "")
        plot = pd.DataFrame({"month": months, "value": frame["value"], "median": frame["median"]})
        result.summary = describe_run_chart(summary, language=lang)
        result.limits_note = (
            _t("pdca.limits.run_frozen", lang, frozen=frozen_note) if frozen
            else _t("pdca.limits.run", lang)
        )
        result.assurance = _badge("assurance", "none", lang)
    else:
        baseline, rebase_at = None, ()
        if position is not None and rebase and 0 < position:
            rebase_at = (position,)
            result.limits_note = _t(
                "pdca.limits.rebased", lang, month=format_month(months[position], lang)
            )
        elif frozen:
            baseline = frozen
            result.limits_note = frozen_note
        elif position is not None and position >= MIN_BASELINE:
            baseline = position
            result.limits_note = _t(
                "pdca.limits.baseline",
                lang,
                first=format_month(months[0], lang, short=True),
                last=format_month(months[position - 1], lang, short=True),
            )
        else:
            result.limits_note = _t("pdca.limits.all", lang)
        chart = spc(series, indicator.chart, spec.scale, baseline, rebase_at,
                    screen_outliers=screen, exclude=excluded)
        if not screen:
            result.limits_note += _t("pdca.limits.unscreened", lang)
        keys = categories(chart, indicator.direction)
        rule = chart["special_cause"].map(lambda labels: _rule_text(labels, lang)).to_numpy()
        display = chart[["value", "centre", "lower", "upper", "lower_2sigma", "upper_2sigma"]]
        plot = (display * scale).reset_index(names="month")
        plot.insert(len(plot.columns), "segment", chart["segment"].to_numpy())
        if not show_2sigma:
            plot = plot.drop(columns=["lower_2sigma", "upper_2sigma"])
        result.summary = describe_spc(chart, improvement=indicator.direction, language=lang)
        scaled = chart.assign(lower=chart["lower"] * scale, upper=chart["upper"] * scale)
        result.assurance = _badge(
            "assurance", assurance_key(scaled, indicator.direction, result.target), lang
        )
        result.rebase_hint = (
            not rebase and result.check is not None and result.check.status == "signal"
        )

    last_high = bool(high.iloc[-1]) if view == "run" else bool(chart["special_cause_high"].iloc[-1])
    result.variation = _badge("variation", str(keys.iloc[-1]), lang, high=last_high)
    plot["value"] = plot["value"].where(~hidden)
    plot.insert(1, "phase", _phase_of(months, result.phases) if result.phases else "")
    plot["variation"] = [_t(f"pdca.variation.{key}", lang) for key in keys]
    if excluded:
        # Only with exclusions: the CSV of an ordinary chart keeps its columns.
        marked = np.zeros(len(months), dtype=bool)
        marked[list(excluded)] = True
        plot["excluded"] = marked
        result.limits_note += _t("pdca.limits.excluded", lang, n=len(excluded))
        note = _t("pdca.rule.excluded", lang)
        rule = np.array([f"{text}, {note}" if flag and text else note if flag else text
                         for text, flag in zip(rule, marked, strict=True)], dtype=object)
    plot["rule"] = rule
    if result.target is not None:
        plot["target"] = result.target
    result.plot = plot.reset_index(drop=True)
    return result


# ---- the overview of open cycles -----------------------------------------------------------

OVERVIEW_COLUMNS = [
    "id",
    "region",
    "title",
    "indicator",
    "do_start",
    "target_value",
    "latest_month",
    "latest_value",
    "variation",
    "assurance",
    "check",
]


def overview(
    cycles: pd.DataFrame,
    series_for: Callable[[str, str], pd.DataFrame],
    lang: str = "nl",
    region_names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per cycle in ``cycles`` with its current signal (columns ``OVERVIEW_COLUMNS``).

    ``series_for(indicator_code, region)`` gives the series (the page passes a cached query).
    Badges come from the default SPC view (limits fixed on the period before Do).
    """
    rows = []
    for cycle in cycles.to_dict("records"):
        code = cycle["indicator_code"]
        series = series_for(code, cycle["region"])
        result = trend(series, code, cycle, lang=lang)
        latest_month = latest_value = None
        if not series.empty:
            latest_month = pd.Timestamp(series["month"].iloc[-1])
            if result.has_chart:
                latest_value = result.plot["value"].iloc[-1]
        check = result.check
        if not result.has_chart:
            check_text = result.message
        elif check is None:
            check_text = ""
        elif check.status == "signal":
            check_text = _t(
                "pdca.overview.signal",
                lang,
                kind=_t(f"pdca.kind.{check.signal}", lang),
                month=format_month(check.first_signal_month, lang, short=True),
            )
        elif check.status == "no_signal":
            check_text = _t("pdca.overview.no_signal", lang)
        else:
            check_text = _t(f"pdca.overview.{check.status}", lang)
        rows.append(
            {
                "id": cycle["id"],
                "region": (region_names or {}).get(cycle["region"], cycle["region"]),
                "title": cycle["title"],
                "indicator": BY_CODE[code].name_nl if lang == "nl" else BY_CODE[code].name_en,
                "do_start": cycle["do_start"],
                "target_value": _target(cycle, code),
                "latest_month": latest_month,
                "latest_value": latest_value,
                "variation": result.variation.text if result.variation else "",
                "assurance": result.assurance.text if result.assurance else "",
                "check": check_text,
            }
        )
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def pdca(
    engine: Engine,
    region: str,
    cycle_id: int | None = None,
    indicator_code: str | None = None,
    *,
    view: str = "spc",
    rebase: bool = False,
    lang: str = "nl",
) -> PdcaPage:
    """Queries plus statistics for one page view, uncached (tests and benchmarks).

    Like the page, it first fills an empty register with the sample cycles (only on synthetic
    sample regions). Without ``cycle_id`` the region's first open cycle is shown; the indicator
    defaults to the cycle's, then to VERW_ZH.
    """
    cycles_queries.load_sample_cycles(engine)
    cycles = cycles_queries.list_cycles(engine, region=region)
    cycle = None
    if cycle_id is not None:
        cycle = cycles_queries.get_cycle(engine, cycle_id)
    elif not cycles.empty:
        cycle = cycles.iloc[0].to_dict()
    code = indicator_code or (cycle["indicator_code"] if cycle else "VERW_ZH")
    series = indicator_series(engine, code, region)
    shown = trend(series, code, cycle, view=view, rebase=rebase, lang=lang)
    open_cycles = cycles_queries.list_cycles(engine, status="open")
    table = overview(open_cycles, lambda c, r: indicator_series(engine, c, r), lang=lang)
    return PdcaPage(region, cycles, cycle, shown, table)
