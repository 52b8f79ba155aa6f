"""The charts a meeting pack can show: one registry of slide kinds, without Streamlit.

A slide is a kind plus filters. The filters are the very codes the kind's page keeps in its
link (``?regio=NKU&periode=year&jaar=2024``), so every slide can be opened on its page and
every page view can become a slide. The region comes from the meeting pack.

Per kind the registry holds the page it comes from, its title, the filters with their
options (:func:`filter_options`), how its data are loaded from the page's own ``pagedata``
(:func:`load_slide`, a plain function of the engine so a page can cache it) and which chart
builder draws it (:func:`draw`). Loading never raises for a filter value that is no longer
offered (a year that dropped out, a deleted cycle): the value is replaced by the filter's
first option and named in ``problems``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from dashboard import codes, formatting, i18n, privacy
from dashboard.charts import spc as spc_charts
from dashboard.charts.funnel import funnel_chart
from dashboard.charts.funnel_proportion import SIGNAL_ORDER, proportion_funnel
from dashboard.charts.share_trend import share_trend
from dashboard.charts.trend import rate_trend_chart
from dashboard.charts.waterfall import waterfall
from dashboard.indicators import BY_CODE
from dashboard.pagedata import anderhalvelijn as alv_data
from dashboard.pagedata import overview_tiles as tiles_data
from dashboard.pagedata import pdca as pdca_data
from dashboard.pagedata import spiegelinformatie as spiegel
from dashboard.pagedata import sroi as sroi_data
from dashboard.pagedata.periods import ROLLING, WHOLE_RANGE, period_keys, resolve_period
from dashboard.queries import anderhalvelijn as alv_queries
from dashboard.queries import pdca as cycles
from dashboard.queries import referrals
from dashboard.queries.indicator_series import indicator_series
from dashboard.queries.sroi import sroi_data as sroi_query
from dashboard.queries.sroi import sroi_regions
from dashboard.safe_text import escape_markdown
from dashboard.scope import Scope
from dashboard.sroi_models import default_scenario

NONE = "geen"  # the link text of "no choice" (ui.NONE_CODE)
REGION_PARAM = "regio"
OVERDISPERSION = ("none", "multiplicative", "additive")
PDCA_VIEWS = ("spc", "run")


@dataclass(frozen=True)
class SlideKind:
    code: str
    page: str  # URL path of the page in dashboard/app.py PAGES
    filters: tuple[str, ...]  # link parameters, in the order the page shows them


@dataclass
class SlideContent:
    """What one slide shows, loaded and ready to draw; picklable, so pages can cache it."""

    kind: str
    title: str
    page: str
    params: dict[str, str]  # the page's link parameters for this view
    reading: str = ""  # the plain-language reading under the chart (markdown)
    method: str = ""
    empty: str = ""  # set when there is nothing to draw: why
    data: pd.DataFrame = field(default_factory=pd.DataFrame)  # exactly what is plotted
    columns: dict[str, str] = field(default_factory=dict)  # column -> i18n key
    formats: dict[str, str] = field(default_factory=dict)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # more input of the chart
    values: dict[str, Any] = field(default_factory=dict)  # labels and settings of the chart
    problems: list[str] = field(default_factory=list)


KINDS: dict[str, SlideKind] = {
    kind.code: kind
    for kind in (
        SlideKind("overzicht", "overzicht", ()),
        SlideKind(
            "spiegel_funnel", "spiegelinformatie",
            ("periode", "jaar", "aandoening", "bestemming", "maat", "spreiding"),
        ),
        SlideKind(
            "spiegel_trend", "spiegelinformatie",
            ("periode", "jaar", "aandoening", "bestemming", "maat"),
        ),
        SlideKind("alv_share", "anderhalvelijn", ("periode", "aandoening")),
        SlideKind("alv_funnel", "anderhalvelijn", ("periode", "aandoening")),
        SlideKind("pdca_spc", "pdca", ("indicator", "cyclus", "weergave")),
        SlideKind("sroi_waterfall", "sroi", ()),
    )
}


# Kinds whose content depends on the loaded data only, so a page may cache it per data version;
# PDCA cycles and SROI models change between loads.
CACHEABLE = frozenset({"overzicht", "spiegel_funnel", "spiegel_trend", "alv_share",
                       "alv_funnel"})


def _t(key: str, lang: str, **values: Any) -> str:
    return i18n.translate(key, lang, **values)


def kind_label(kind: str, lang: str) -> str:
    return _t(f"slide.kind.{kind}", lang)


# ---- filter options ------------------------------------------------------------------------

Options = dict[str, tuple[str, dict[str, str]]]  # param -> (label i18n key, {code: label})


def _alv_period_label(key: str, first, last, lang: str) -> str:
    # As the Anderhalvelijn page labels its period choice.
    period = resolve_period(key, first, last)
    span = {"first": formatting.format_month(period.start, lang, short=True),
            "last": formatting.format_month(period.end, lang, short=True)}
    if key == ROLLING:
        return _t("alv.period_rolling", lang, **span)
    if key == WHOLE_RANGE:
        return _t("alv.period_all", lang, **span)
    if period.complete:
        return key
    months = (_t("alv.period_span", lang, **span) if period.start != period.end
              else span["first"])
    return _t("alv.period_partial_year", lang, year=key, months=months)


def _spiegel_options(engine: Engine, region: str, lang: str) -> Options:
    first, data_date = referrals.referral_span(engine, region)
    years = spiegel.available_years(first, data_date)
    return {
        "periode": ("spiegel.filter_period",
                    {k: _t(f"spiegel.period.{k}", lang) for k in spiegel.PERIODS}),
        "jaar": ("spiegel.filter_year", {str(y): str(y) for y in years} or {NONE: "–"}),
        "aandoening": ("spiegel.filter_condition", {
            c: _t("spiegel.condition_all", lang) if c == "all" else i18n.label(
                "condition", c, lang) for c in spiegel.CONDITION_FILTERS}),
        "bestemming": ("spiegel.filter_destination", {
            c: _t("spiegel.destination_all" if c == "all" else "spiegel.destination_hospital",
                  lang) for c in spiegel.DESTINATION_FILTERS}),
        "maat": ("spiegel.measure", {c: _t(f"spiegel.measure.{c}", lang)
                                     for c in spiegel.MEASURES}),
        "spreiding": ("spiegel.overdispersion", {c: _t(f"spiegel.od.{c}", lang)
                                                 for c in OVERDISPERSION}),
    }


def _alv_options(engine: Engine, region: str, lang: str) -> Options:
    dates = alv_queries.data_dates(engine)
    keys = period_keys(min(dates["first_month"]), max(dates["last_month"])) if not (
        dates.empty) else []
    first, last = (min(dates["first_month"]), max(dates["last_month"])) if keys else (None, None)
    return {
        "periode": ("alv.filter_period",
                    {k: _alv_period_label(k, first, last, lang) for k in keys} or {NONE: "–"}),
        "aandoening": ("alv.filter_condition", {
            "alle": _t("alv.all_conditions", lang),
            **{c: i18n.label("condition", c, lang) for c in codes.CONDITIONS}}),
    }


def _indicator_name(code: str, lang: str) -> str:
    return BY_CODE[code].name_nl if lang == "nl" else BY_CODE[code].name_en


def _pdca_options(engine: Engine, region: str, lang: str) -> Options:
    # As on the PDCA page: an empty register of a sample region gets the sample cycles.
    cycles.load_sample_cycles(engine)
    region_cycles = cycles.list_cycles(engine, region=region)
    return {
        "indicator": ("pdca.indicator", {c: _indicator_name(c, lang) for c in BY_CODE}),
        "cyclus": ("pdca.cycle", {
            NONE: _t("pdca.no_cycle", lang),
            **{str(int(row.id)): row.title for row in region_cycles.itertuples(index=False)}}),
        "weergave": ("pdca.view", {v: _t(f"pdca.view.{v}", lang) for v in PDCA_VIEWS}),
    }


_OPTIONS: dict[str, Callable[[Engine, str, str], Options]] = {
    "spiegel_funnel": _spiegel_options,
    "spiegel_trend": _spiegel_options,
    "alv_share": _alv_options,
    "alv_funnel": _alv_options,
    "pdca_spc": _pdca_options,
}


def filter_options(engine: Engine, kind: str, region: str, lang: str = "nl") -> Options:
    """Per filter of ``kind`` (in page order): its label key and {link code: label}."""
    if kind not in KINDS:
        raise ValueError(f"unknown slide kind {kind!r}; known: {', '.join(KINDS)}")
    options = _OPTIONS.get(kind, lambda *_: {})(engine, region, lang)
    return {param: options[param] for param in KINDS[kind].filters}


def resolve_filters(options: Options, filters: Mapping[str, str], lang: str
                    ) -> tuple[dict[str, str], list[str]]:
    """Each filter's stored code if still offered, else its first option (named in problems)."""
    resolved, problems = {}, []
    for param, (label_key, choices) in options.items():
        code = filters.get(param)
        if code in choices:
            resolved[param] = code
        else:
            resolved[param] = next(iter(choices))
            if code is not None:
                problems.append(_t("slide.filter_replaced", lang, filter=_t(label_key, lang),
                                   value=choices[resolved[param]]))
    return resolved, problems


# ---- loading -------------------------------------------------------------------------------


def _load_overview(engine, region, f, lang, content: SlideContent, user_scope: Scope) -> None:
    data = tiles_data.overview_tiles(engine)
    tiles = data.tiles[(data.tiles["region"] == region) & data.tiles["value"].notna()]
    name = data.regions.set_index("region")["name"].get(region, region)
    content.title = _t("slide.title.overzicht", lang, region=name)
    if tiles.empty:
        content.empty = _t("tiles.none", lang)
        return
    rows = []
    for tile in tiles.itertuples(index=False):
        money = tile.indicator == "KOSTEN_INW"
        decimals = 2 if tile.indicator == "OPNAME_HF" else 1
        if money:
            value_text = formatting.format_euro(tile.value, 2, lang)
        elif tile.indicator == "WACHTTIJD":
            value_text = _t("tiles.days", lang,
                            days=formatting.format_number(tile.value, 0, lang))
        else:
            value_text = formatting.format_number(tile.value, decimals, lang)
        change = None
        if pd.notna(tile.change):
            change = (formatting.format_euro(tile.change, 2, lang) if money
                      else formatting.format_number(tile.change, decimals, lang))
            change = change if change.startswith("-") else f"+{change}"
        rows.append({
            "aim": _t(f"tiles.aim.{tile.aim}", lang),
            "indicator": _t(f"tiles.label.{tile.indicator}", lang),
            "unit": _t(f"tiles.unit.{tile.indicator}", lang),
            "year": int(tile.year),
            "value": float(tile.value),
            "value_text": value_text,
            "change_text": change,
            "previous_year": None if pd.isna(tile.previous_year) else int(tile.previous_year),
            "assessment": tile.assessment,
        })
    content.data = pd.DataFrame(rows)
    content.columns = {"aim": "col.qa_aim", "indicator": "col.qa_indicator",
                       "year": "col.qa_year", "value": "col.qa_value"}
    content.formats = {"year": "year", "value": "decimal2"}
    content.reading = _t("slide.reading.overzicht", lang, year=int(tiles["year"].max()))
    content.method = _t("tiles.intro", lang)


def _spiegel_filters(region: str, f: Mapping[str, str], lang: str) -> spiegel.SpiegelFilters:
    return spiegel.SpiegelFilters(
        region=region,
        period=f["periode"],
        year=None if f["jaar"] == NONE else int(f["jaar"]),
        condition=f["aandoening"],
        destination=f["bestemming"],
        measure=f["maat"],
        overdispersion=None if f.get("spreiding", "none") == "none" else f["spreiding"],
        lang=lang,
    )


def _load_spiegel(engine, region, f, lang, content: SlideContent, user_scope: Scope) -> None:
    if not user_scope.sees_practices_in(region):
        # Practice-level slides of a pack only show for those who may see the practices.
        content.title = _t("spiegel.funnel_title_standardised", lang)
        content.empty = _t("access.practice_level_denied" if not user_scope.practice_level
                           else "access.region_practices_denied", lang, region=region)
        return
    # A slide is for a meeting: every practice under its pseudonym, also for a GP.
    data = spiegel.spiegelinformatie(engine, _spiegel_filters(region, f, lang))
    crude = f["maat"] == "crude"
    content.values = {"crude": crude, "region": data.region_name,
                      "period": data.period.label if data.period else "",
                      "target": data.funnel_target}
    funnel = content.kind == "spiegel_funnel"
    title = ("spiegel.funnel_title_" if funnel else "spiegel.trend_title_") + (
        "crude" if crude else "standardised")
    content.title = _t(title, lang)
    if data.status != "ok":
        content.empty = data.message
        return
    # The page's closing hint to pick one's own practice has no place on a slide.
    # The reading is shown as Markdown; the conclusion holds region and practice names.
    content.reading = escape_markdown(
        data.conclusion.removesuffix(" " + _t("spiegel.choose_practice", lang)))
    if funnel:
        content.data = data.funnel_points
        content.frames = {"lines": data.funnel_lines}
        content.columns = {
            "display_name": "spiegel.col.practice",
            "x": "spiegel.col.x_person_years" if crude else "spiegel.col.x_expected",
            "y": "spiegel.col.y_rate" if crude else "spiegel.col.y_ratio",
            "observed_text": "spiegel.col.observed",
            "interval_text": "spiegel.col.interval",
            "signal_label": "spiegel.col.signal",
        }
        content.formats = {"x": "decimal", "y": "decimal"}
        content.method = f"{data.funnel_note} {data.dispersion_note}".strip()
        if data.funnel_points.empty and data.funnel_lines.empty:
            # A withheld region (data.region_withheld) whose only practice is hidden.
            content.empty = _t("spiegel.funnel_withheld", lang,
                               max=formatting.format_number(privacy.threshold() - 1, 0, lang))
    else:
        trend = data.trend.dropna(subset=["rate"]) if not data.trend.empty else data.trend
        content.data = trend
        content.columns = {
            "series_label": "spiegel.col.series", "quarter_label": "spiegel.col.quarter",
            "referrals": "spiegel.col.observed", "person_years": "spiegel.col.person_years",
            "rate": "spiegel.col.rate", "low": "spiegel.col.low", "high": "spiegel.col.high",
        }
        content.formats = {"referrals": "count", "person_years": "integer", "rate": "decimal",
                           "low": "decimal", "high": "decimal"}
        content.method = data.trend_note
        if trend.empty:
            content.empty = _t("spiegel.trend_empty", lang)


def _load_alv(engine, region, f, lang, content: SlideContent, user_scope: Scope) -> None:
    condition = None if f["aandoening"] == "alle" else f["aandoening"]
    names = dict(zip(*(alv_queries.regions(engine)[c] for c in ("region", "name")),
                     strict=True))
    scope = names.get(region, region)
    content.values = {"scope": scope}
    share = content.kind == "alv_share"
    content.title = _t("alv.share_chart_title" if share else "alv.funnel_chart_title", lang,
                       scope=scope)
    if f["periode"] == NONE or region not in names:
        content.empty = _t("alv.no_referrals", lang, scope=scope)
        return
    data = alv_data.anderhalvelijn(engine, region, f["periode"], condition, lang=lang,
                                   scope=user_scope)
    if not data.has_data:
        content.empty = _t("alv.no_referrals", lang, scope=scope)
        return
    head = data.headline
    if head["share"] is not None:
        content.reading = _t(
            "slide.reading.alv_share", lang, scope=escape_markdown(scope),
            share=formatting.format_percent(head["share"], 1, lang),
            low=formatting.format_percent(head["share_low"], 1, lang),
            high=formatting.format_percent(head["share_high"], 1, lang),
            alv=formatting.format_number(head["alv"], 0, lang),
            referrals=formatting.format_number(head["referrals"], 0, lang),
            first=formatting.format_month(data.period.start, lang),
            last=formatting.format_month(data.period.end, lang),
        )
    content.values["regions"] = list(data.regions["name"])
    if share:
        content.data = data.share_chart
        content.columns = {"region_name": "col.region", "month": "col.month",
                           "referrals": "col.referrals", "alv": "col.alv_referrals",
                           "share": "col.share", "share_low": "col.ci_low",
                           "share_high": "col.ci_high"}
        content.formats = {"month": "month", "share": "percent", "share_low": "percent",
                           "share_high": "percent"}
        content.method = _t("alv.share_method", lang)
        if data.share_chart.empty:
            content.empty = _t("alv.share_empty", lang, max="9")
    else:
        content.data = data.funnel_chart
        content.frames = {"lines": data.funnel_lines}
        content.columns = {"display_name": "col.practice", "referrals": "col.referrals",
                           "alv": "col.alv_referrals", "share": "col.share",
                           "share_low": "col.ci_low", "share_high": "col.ci_high",
                           "signal_label": "col.funnel_signal"}
        content.formats = {"share": "percent", "share_low": "percent", "share_high": "percent"}
        content.method = _t("alv.funnel_method", lang)
        if data.practices_denied:
            content.empty = _t(data.practices_denied, lang, region=region)
        elif data.funnel_chart.empty:
            content.empty = _t("alv.funnel_empty", lang)


def _load_pdca(engine, region, f, lang, content: SlideContent, user_scope: Scope) -> None:
    names = cycles.region_names(engine)
    code, view = f["indicator"], f["weergave"]
    cycle = None if f["cyclus"] == NONE else cycles.get_cycle(engine, int(f["cyclus"]))
    content.title = _t("pdca.chart.title", lang, indicator=_indicator_name(code, lang),
                       region=names.get(region, region))
    series = indicator_series(engine, code, region)
    trend = pdca_data.trend(series, code, cycle, view=view, lang=lang)
    if not trend.has_chart:
        content.empty = trend.message or _t("chart.empty", lang)
        return
    content.data = trend.plot
    content.reading = trend.summary
    content.values = {"trend": trend, "indicator": code, "view": view}
    content.columns = {name: f"pdca.col.{name}" for name in trend.plot.columns}
    number = {0: "integer", 1: "decimal", 2: "decimal2"}[trend.decimals]
    content.formats = {name: number for name in ("value", "centre", "lower", "upper",
                                                 "lower_2sigma", "upper_2sigma", "median",
                                                 "target")}
    content.formats.update({"month": "month_short", "segment": "integer"})
    content.method = _t(f"pdca.method.{'run' if view == 'run' else trend.chart_kind}", lang)


def _load_sroi(engine, region, f, lang, content: SlideContent, user_scope: Scope) -> None:
    regions = sroi_regions(engine)
    content.title = _t("sroi.chart.waterfall_title", lang)
    if region not in set(regions["region"]):
        content.empty = _t("sroi.no_regions", lang)
        return
    info = sroi_data.region_row(regions, region)
    data = sroi_query(engine, region)
    stored = default_scenario(engine, region, synthetic=info["synthetic"],
                              has_anderhalvelijn=info["start"] is not None)
    resolved = sroi_data.resolve(stored.doc, data, info["start"])
    view = sroi_data.compute_view(resolved.doc, info["name"], lang)
    result, simulation = view.result, view.simulation
    content.values = {"region": info["name"], "model": stored.name}
    content.reading = _t(
        "sroi.interval", lang,
        ratio=formatting.format_number(result.ratio, 2, lang),
        low=formatting.format_number(simulation.ratio_interval[0], 2, lang),
        high=formatting.format_number(simulation.ratio_interval[1], 2, lang),
        probability=formatting.format_percent(simulation.prob_ratio_above_1, 0, lang),
        n=formatting.format_number(simulation.n, 0, lang),
    )
    if info["start"] is None:
        content.reading += " " + _t("sroi.hypothetical", lang)
    content.data = view.waterfall
    content.columns = {"step": "sroi.col.step", "label": "sroi.col.item",
                       "kind": "sroi.col.kind", "stakeholder": "sroi.col.stakeholder",
                       "start": "sroi.col.start", "end": "sroi.col.end",
                       "value": "sroi.col.present_value"}
    content.formats = {"step": "integer", "start": "euro0", "end": "euro0", "value": "euro0"}
    content.method = _t("sroi.method.waterfall", lang)


_LOADERS: dict[str, Callable[..., None]] = {
    "overzicht": _load_overview,
    "spiegel_funnel": _load_spiegel,
    "spiegel_trend": _load_spiegel,
    "alv_share": _load_alv,
    "alv_funnel": _load_alv,
    "pdca_spc": _load_pdca,
    "sroi_waterfall": _load_sroi,
}


def load_slide(engine: Engine, kind: str, region: str, filters: tuple[tuple[str, str], ...] = (),
               lang: str = "nl", *, scope: Scope | None = None) -> SlideContent:
    """The content of one slide: ``filters`` as (link parameter, code) pairs (hashable).

    Without ``scope`` (benchmarks, the command line): every region, practices pseudonymised.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown slide kind {kind!r}; known: {', '.join(KINDS)}")
    spec = KINDS[kind]
    resolved, problems = resolve_filters(filter_options(engine, kind, region, lang),
                                         dict(filters), lang)
    content = SlideContent(kind=kind, title=kind_label(kind, lang), page=spec.page,
                           params={REGION_PARAM: region, **resolved}, problems=problems)
    _LOADERS[kind](engine, region, resolved, lang, content,
                   scope or Scope("beheerder", all_regions=True))
    return content


# ---- drawing -------------------------------------------------------------------------------


def _draw_spiegel(c: SlideContent, lang: str):
    crude = c.values["crude"]
    if c.kind == "spiegel_trend":
        return rate_trend_chart(
            c.data, title=c.title, x_title=_t("spiegel.axis_quarter", lang),
            y_title=_t("spiegel.axis_rate", lang), series_title=_t("spiegel.legend_series", lang),
            tooltips=[("series_label", _t("spiegel.tt_series", lang)),
                      ("quarter_label", _t("spiegel.tt_quarter", lang)),
                      ("referrals_text", _t("spiegel.tt_observed", lang)),
                      ("rate_text", _t("spiegel.tt_rate", lang)),
                      ("interval_text", _t("spiegel.tt_interval", lang))],
            lang=lang,
        )
    return funnel_chart(
        c.data, c.frames["lines"], target=c.values["target"], title=c.title,
        subtitle=f"{c.values['region']} · {c.values['period']}",
        x_title=_t("spiegel.axis_person_years" if crude else "spiegel.axis_expected", lang),
        y_title=_t("spiegel.axis_rate" if crude else "spiegel.axis_ratio", lang),
        signal_title=_t("spiegel.legend_signal", lang),
        signal_labels=[_t(f"spiegel.signal.{code}", lang) for code in spiegel.SIGNALS],
        limits_title=_t("spiegel.legend_limits", lang),
        tooltips=[("display_name", _t("spiegel.tt_practice", lang)),
                  ("observed_text", _t("spiegel.tt_observed", lang)),
                  ("person_years_text" if crude else "expected_text",
                   _t("spiegel.tt_person_years" if crude else "spiegel.tt_expected", lang)),
                  ("value_text", _t("spiegel.tt_rate" if crude else "spiegel.tt_ratio", lang)),
                  ("interval_text", _t("spiegel.tt_interval", lang)),
                  ("signal_label", _t("spiegel.tt_signal", lang))],
        lang=lang,
    )


def _draw_alv(c: SlideContent, lang: str):
    if c.kind == "alv_share":
        return share_trend(
            c.data, title=c.title, subtitle=_t("alv.share_chart_subtitle", lang),
            x_title=_t("alv.axis_month", lang), y_title=_t("alv.axis_share", lang),
            group_title=_t("col.region", lang), group_domain=c.values["regions"],
            tooltip_titles={"share_low": _t("col.ci_low", lang),
                            "share_high": _t("col.ci_high", lang),
                            "alv": _t("col.alv_referrals", lang),
                            "referrals": _t("col.referrals", lang)},
            lang=lang,
        )
    return proportion_funnel(
        c.data, c.frames["lines"], title=c.title,
        subtitle=_t("alv.funnel_chart_subtitle", lang),
        x_title=_t("alv.axis_referrals", lang), y_title=_t("alv.axis_share", lang),
        unit_title=_t("col.practice", lang), signal_title=_t("col.funnel_signal", lang),
        signal_labels={code: i18n.label("signal", code, lang) for code in SIGNAL_ORDER},
        level_names={"target": _t("alv.funnel_target", lang), "95": _t("alv.funnel_95", lang),
                     "998": _t("alv.funnel_998", lang)},
        tooltip_titles={"alv": _t("col.alv_referrals", lang),
                        "referrals": _t("col.referrals", lang)},
        lang=lang,
    )


def _draw_pdca(c: SlideContent, lang: str):
    trend, code = c.values["trend"], c.values["indicator"]
    name = _indicator_name(code, lang)
    unit = _t(f"pdca.unit.{trend.spec.unit}", lang)
    args = dict(
        title=c.title, subtitle=trend.limits_note,
        x_title=_t("pdca.axis.year" if trend.spec.frequency == "year" else "pdca.axis.month",
                   lang),
        y_title=f"{name} ({unit})",
        labels={key: _t(f"pdca.variation.{key}", lang) for key in spc_charts.CATEGORY_COLOURS},
        legend_title=_t("pdca.legend", lang),
        tooltip_titles={n: _t(f"pdca.col.{n}", lang) for n in (
            "month", "value", "centre", "lower", "upper", "median", "variation", "rule")},
        phases=trend.phases, target=trend.target,
        target_label=_t("pdca.target_label", lang, value=formatting.format_number(
            trend.target, trend.decimals, lang)) if trend.target is not None else "",
        number_format=trend.number_format, lang=lang,
    )
    if c.values["view"] == "run":
        return spc_charts.run_chart(trend.plot, **args)
    return spc_charts.spc_chart(trend.plot, show_2sigma=False, **args)


def _draw_sroi(c: SlideContent, lang: str):
    return waterfall(
        c.data, title=c.title,
        subtitle=_t("sroi.chart.waterfall_subtitle", lang),
        x_title=_t("sroi.chart.euro_axis", lang),
        kind_titles={k: _t(f"sroi.wf.kind.{k}", lang)
                     for k in ("outcome", "total", "investment", "net")},
        tooltip_titles={"label": _t("sroi.col.item", lang),
                        "stakeholder": _t("sroi.col.stakeholder", lang),
                        "value": _t("sroi.col.present_value", lang)},
        legend_title=_t("sroi.col.kind", lang), lang=lang,
    )


_DRAWERS: dict[str, Callable[[SlideContent, str], Any]] = {
    "spiegel_funnel": _draw_spiegel,
    "spiegel_trend": _draw_spiegel,
    "alv_share": _draw_alv,
    "alv_funnel": _draw_alv,
    "pdca_spc": _draw_pdca,
    "sroi_waterfall": _draw_sroi,
}


def draw(content: SlideContent, lang: str = "nl") -> Any:
    """The slide's Altair chart, None for tiles (overzicht) or when there is nothing to draw."""
    if content.empty or content.kind not in _DRAWERS:
        return None
    return _DRAWERS[content.kind](content, lang)


# ---- within the user's scope (what the Vergadering page calls) -------------------------------


def filter_options_for(engine: Engine, scope: Scope, kind: str, region: str,
                       lang: str = "nl") -> Options:
    scope.check_region(region)
    return filter_options(engine, kind, region, lang)


def load_slide_for(engine: Engine, scope: Scope, kind: str, region: str,
                   filters: tuple[tuple[str, str], ...] = (), lang: str = "nl") -> SlideContent:
    """:func:`load_slide` as ``scope`` may see it: practice-level slides (funnels) of a region
    whose practices it may not see show why instead of the chart."""
    scope.check_region(region)
    return load_slide(engine, kind, region, filters, lang, scope=scope)
