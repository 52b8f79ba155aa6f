"""The region report for the minutes of a network meeting: what it contains, as data.

:func:`assemble` gathers, for one region and period, the sections a coordinator picks: the
Quadruple Aim overview, spiegelinformatie, anderhalvelijn, PDCA and SROI, each chart with its
plain-language reading and method note, then a methods note. Every number comes from the
same ``dashboard.pagedata`` functions and ``dashboard.charts`` builders as the pages, with
the same privacy rules (other practices under pseudonyms, counts 1-9 as "<10"); the report
never shows a practice by name. :func:`build_report` renders the result as PDF
(:mod:`dashboard.export.pdf`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from dashboard import formatting, i18n, indicators, privacy
from dashboard.charts import spc as spc_charts
from dashboard.charts.by_category import category_bars, category_intervals
from dashboard.charts.funnel import funnel_chart
from dashboard.charts.funnel_proportion import SIGNAL_ORDER, proportion_funnel
from dashboard.charts.locale import EURO, PERCENT
from dashboard.charts.outcome_flow import outcome_flow
from dashboard.charts.ratio_reference import ratio_reference
from dashboard.charts.share_trend import share_trend
from dashboard.charts.shares import share_bars_chart
from dashboard.charts.trend import rate_trend_chart
from dashboard.charts.waterfall import waterfall
from dashboard.pagedata import anderhalvelijn as alv_data
from dashboard.pagedata import pdca as pdca_data
from dashboard.pagedata import spiegelinformatie as spiegel_data
from dashboard.pagedata import sroi as sroi_data
from dashboard.pagedata.overview_tiles import TILES, overview_tiles
from dashboard.pagedata.periods import ROLLING, period_keys, resolve_period
from dashboard.queries import anderhalvelijn as region_queries
from dashboard.queries import pdca as cycle_queries
from dashboard.queries.indicator_series import indicator_series
from dashboard.queries.sroi import sroi_regions
from dashboard.scope import AccessDenied, Scope

SECTIONS: tuple[str, ...] = ("overview", "spiegelinformatie", "anderhalvelijn", "pdca", "sroi")
MAX_CYCLES = 3  # SPC charts of open cycles in the report; the table lists them all


class ReportError(ValueError):
    """The report cannot be made as asked (unknown region or period); the text says why."""


@dataclass(frozen=True)
class ReportOptions:
    region: str
    period: str = ROLLING  # "rolling12" or a calendar year such as "2024"
    sections: tuple[str, ...] = SECTIONS
    lang: str = i18n.DEFAULT_LANGUAGE


@dataclass
class Figure:
    """One chart with what it says in words (``reading``) and how it was made (``method``)."""

    title: str
    chart: Any  # an Altair chart
    reading: str = ""
    method: str = ""


@dataclass
class Table:
    title: str
    frame: pd.DataFrame  # already formatted: every cell is display text
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)  # before the tables and charts
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # after the charts


@dataclass
class Report:
    options: ReportOptions
    region_name: str
    period_label: str
    data_date: date | None
    synthetic: bool
    created: datetime
    sections: list[Section]

    def text(self, key: str, **values: Any) -> str:
        return i18n.translate(key, self.options.lang, **values)

    @property
    def title(self) -> str:
        return self.text("report.doc_title", region=self.region_name)


def plain(text: str) -> str:
    """Markdown emphasis (``**...**``) removed: the PDF sets text, not markdown."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text or "").replace("&nbsp;", " ").strip()


# ---- regions and periods ---------------------------------------------------------------------


def regions(engine: Engine) -> pd.DataFrame:
    """Regions that can be reported on: region, name, first_month, last_month, data_date,
    anderhalvelijn_start, synthetic."""
    frame = region_queries.regions(engine).merge(
        region_queries.data_dates(engine), on="region", how="inner"
    )
    synthetic = sroi_regions(engine)[["region", "synthetic"]]
    return frame.merge(synthetic, on="region", how="left").dropna(subset=["last_month"])


def _region_row(engine: Engine, region: str) -> dict[str, Any]:
    frame = regions(engine)
    rows = frame[frame["region"] == region]
    if rows.empty:
        known = ", ".join(frame["region"]) or "-"
        raise ReportError(f"unknown region {region!r}; regions with data: {known}")
    return rows.iloc[0].to_dict()


def periods(engine: Engine, region: str) -> list[str]:
    """Period keys a report on ``region`` can cover: the last 12 months, then the years."""
    row = _region_row(engine, region)
    keys = period_keys(row["first_month"], row["last_month"])
    return [key for key in keys if key == ROLLING or key.isdigit()]


def period_label(key: str, first_month: date, last_month: date, lang: str) -> str:
    period = resolve_period(key, first_month, last_month)
    span = (
        f"{formatting.format_month(period.start, lang, short=True)} – "
        f"{formatting.format_month(period.end, lang, short=True)}"
    )
    if key == ROLLING or not period.complete:
        name = i18n.translate("report.period_rolling", lang) if key == ROLLING else key
        return i18n.translate("report.period_span", lang, name=name, span=span)
    return key


# ---- sections --------------------------------------------------------------------------------


class _Builder:
    """Builds the sections for one report; ``t`` translates into the report's language."""

    def __init__(self, engine: Engine, options: ReportOptions, region: dict[str, Any],
                 scope: Scope | None = None):
        self.engine, self.options, self.region = engine, options, region
        # Without a scope (the command line): every practice under its pseudonym.
        self.scope = scope or Scope("beheerder", all_regions=True)
        self.lang = options.lang
        self.name = region["name"]

    def t(self, key: str, **values: Any) -> str:
        return i18n.translate(key, self.lang, **values)

    def number(self, value: Any, decimals: int = 0) -> str:
        return formatting.format_number(value, decimals, self.lang)

    def percent(self, value: Any, decimals: int = 1) -> str:
        return formatting.format_percent(value, decimals, self.lang)

    def euro(self, value: Any, decimals: int = 0) -> str:
        return formatting.format_euro(value, decimals, self.lang)

    @property
    def small(self) -> dict[str, str]:
        return {"max": self.number(privacy.threshold() - 1)}

    # ---- overview ----------------------------------------------------------------------------

    def overview(self) -> Section:
        section = Section("overview", self.t("report.section.overview"))
        data = overview_tiles(self.engine)
        tiles = data.tiles[data.tiles["region"] == self.options.region] if not data.tiles.empty \
            else data.tiles
        if tiles.empty or tiles["value"].isna().all():
            section.paragraphs.append(self.t("tiles.none"))
            return section
        rows, better, worse = [], [], []
        for aim, code in TILES:
            tile = tiles[tiles["indicator"] == code].iloc[0].copy()
            label = self.t(f"tiles.label.{code}")
            has_value = pd.notna(tile["value"])
            has_change = pd.notna(tile["change"])
            if has_change and round(tile["change"], self._change_decimals(code)) == 0:
                # As on the overview page: a change that rounds to nothing is no change.
                tile["assessment"] = "neutral"
            rows.append({
                "aim": self.t(f"tiles.aim.{aim}"),
                "indicator": label,
                "year": str(int(tile["year"])) if has_value else formatting.MISSING,
                "value": self._tile_value(code, tile["value"]),
                "interval": self._tile_interval(code, tile),
                "change": self._tile_change(code, tile["change"]) if has_change
                else formatting.MISSING,
                "assessment": self.t(f"report.assessment.{tile['assessment']}")
                if has_change and tile["assessment"] else formatting.MISSING,
                "unit": self.t(f"tiles.unit.{code}"),
            })
            if tile["assessment"] == "better":
                better.append(label.lower() if self.lang == "nl" else label)
            elif tile["assessment"] == "worse":
                worse.append(label.lower() if self.lang == "nl" else label)
        frame = pd.DataFrame(rows).rename(columns={
            "aim": self.t("col.qa_aim"), "indicator": self.t("col.qa_indicator"),
            "year": self.t("col.qa_year"), "value": self.t("col.qa_value"),
            "interval": self.t("report.col.interval"), "change": self.t("report.col.change"),
            "assessment": self.t("report.col.assessment"), "unit": self.t("report.col.unit"),
        })
        section.paragraphs.append(self.t("report.overview.intro", region=self.name))
        section.tables.append(Table(self.t("tiles.title"), frame, (13, 15, 7, 11, 12, 11, 11, 20)))
        none = self.t("report.overview.none")
        section.paragraphs.append(self.t(
            "report.overview.reading",
            better=", ".join(better) or none,
            worse=", ".join(worse) or none,
        ))
        section.paragraphs.append(self.t("tiles.method", max=self.small["max"]))
        return section

    def _tile_value(self, code: str, value: Any) -> str:
        if pd.isna(value):
            return formatting.MISSING
        if code == "WACHTTIJD":
            return self.t("tiles.days", days=self.number(value))
        if code == "KOSTEN_INW":
            return self.euro(value, 2)
        return self.number(value, 2 if code == "OPNAME_HF" else 1)

    def _tile_interval(self, code: str, tile: pd.Series) -> str:
        if pd.isna(tile["low"]) or pd.isna(tile["high"]):
            return formatting.MISSING
        decimals = 2 if code == "OPNAME_HF" else 1
        return f"{self.number(tile['low'], decimals)}–{self.number(tile['high'], decimals)}"

    @staticmethod
    def _change_decimals(code: str) -> int:
        return 0 if code == "WACHTTIJD" else 2

    def _tile_change(self, code: str, change: float) -> str:
        decimals = self._change_decimals(code)
        if round(change, decimals) == 0:
            return self.number(0, decimals)
        text = self.euro(change, 2) if code == "KOSTEN_INW" else self.number(change, decimals)
        return text if text.startswith("-") else f"+{text}"

    # ---- spiegelinformatie -------------------------------------------------------------------

    def spiegelinformatie(self) -> Section:
        section = Section("spiegelinformatie", self.t("report.section.spiegelinformatie"))
        try:
            self.scope.check_practices(self.options.region)
        except AccessDenied as error:
            section.paragraphs.append(self.t(error.reason, **error.values))
            return section
        key = self.options.period
        filters = spiegel_data.SpiegelFilters(
            region=self.options.region,
            period="rolling" if key == ROLLING else "year",
            year=None if key == ROLLING else int(key),
            lang=self.lang,
        )
        data = spiegel_data.spiegelinformatie(self.engine, filters)
        if data.status != "ok":
            section.paragraphs += [data.message, *data.notes]
            return section
        section.paragraphs.append(self.t("report.spiegel.intro"))
        t = self.t
        tooltips = [
            ("display_name", t("spiegel.tt_practice")),
            ("observed_text", t("spiegel.tt_observed")),
            ("expected_text", t("spiegel.tt_expected")),
            ("value_text", t("spiegel.tt_ratio")),
            ("interval_text", t("spiegel.tt_interval")),
            ("signal_label", t("spiegel.tt_signal")),
        ]
        title = t("spiegel.funnel_title_standardised")
        if data.funnel_points.empty and data.funnel_lines.empty:
            # A withheld region (data.region_withheld) whose only practice is hidden.
            section.paragraphs.append(t("spiegel.funnel_withheld", **self.small))
        else:
            section.figures.append(Figure(
                title,
                funnel_chart(
                    data.funnel_points, data.funnel_lines, target=data.funnel_target,
                    title=title, subtitle=f"{data.region_name} · {data.period.label}",
                    x_title=t("spiegel.axis_expected"), y_title=t("spiegel.axis_ratio"),
                    signal_title=t("spiegel.legend_signal"),
                    signal_labels=[t(f"spiegel.signal.{code}") for code in spiegel_data.SIGNALS],
                    limits_title=t("spiegel.legend_limits"), tooltips=tooltips, lang=self.lang,
                ),
                # The page's hint to pick one's own practice means nothing on paper.
                reading=f"{data.conclusion.replace(t('spiegel.choose_practice'), '').strip()} "
                        f"{data.reading_note}",
                method=f"{data.funnel_note} {data.dispersion_note}".strip(),
            ))
        trend = data.trend.dropna(subset=["rate"]) if not data.trend.empty else data.trend
        if not trend.empty:
            title = t("spiegel.trend_title_standardised")
            first, last = trend.iloc[0], trend.iloc[-1]
            section.figures.append(Figure(
                title,
                rate_trend_chart(
                    trend, title=title, x_title=t("spiegel.axis_quarter"),
                    y_title=t("spiegel.axis_rate"), series_title=t("spiegel.legend_series"),
                    tooltips=[("series_label", t("spiegel.tt_series")),
                              ("quarter_label", t("spiegel.tt_quarter")),
                              ("rate_text", t("spiegel.tt_rate"))],
                    lang=self.lang,
                ),
                reading=t(
                    "report.spiegel.trend_reading",
                    last_quarter=last["quarter_label"], last=self.number(last["rate"], 1),
                    first_quarter=first["quarter_label"], first=self.number(first["rate"], 1),
                ),
                method=data.trend_note,
            ))
        shares = data.destinations.dropna(subset=["share"]) if not data.destinations.empty \
            else data.destinations
        if not shares.empty:
            title = t("spiegel.destinations_title", period=data.period.label)
            parts = [f"{row.destination_label}: {row.share_text}"
                     for row in shares.itertuples(index=False)]
            section.figures.append(Figure(
                title,
                share_bars_chart(
                    shares, title=title, x_title=t("spiegel.axis_share"),
                    y_title=t("spiegel.axis_destination"),
                    group_title=t("spiegel.legend_series"),
                    category_order=[i18n.label("destination", code, self.lang)
                                    for code in spiegel_data.DESTINATIONS],
                    tooltips=[("group_label", t("spiegel.tt_series")),
                              ("destination_label", t("spiegel.tt_destination")),
                              ("share_text", t("spiegel.tt_share"))],
                    lang=self.lang,
                ),
                reading=t("report.spiegel.destinations_reading",
                          total=self.number(shares["total"].iloc[0]), parts="; ".join(parts)),
                method=data.destinations_note,
            ))
        if data.opportunity is not None:
            section.closing.append(
                f"{plain(data.opportunity.text)} {t('spiegel.opportunity_caveat')}")
        section.closing += data.notes
        return section

    # ---- anderhalvelijn ----------------------------------------------------------------------

    def anderhalvelijn(self) -> Section:
        section = Section("anderhalvelijn", self.t("report.section.anderhalvelijn"))
        t, name = self.t, self.name
        data = alv_data.anderhalvelijn(self.engine, self.options.region, self.options.period,
                                       None, lang=self.lang, scope=self.scope)
        if not data.has_data:
            section.paragraphs.append(t("alv.no_referrals", scope=name))
            return section
        if data.without_anderhalvelijn:
            section.paragraphs.append(t("alv.no_anderhalvelijn", region=name))
        elif not data.not_started.empty:
            start = data.not_started["anderhalvelijn_start"].iloc[0]
            section.paragraphs.append(
                t("alv.not_started", region=name, date=formatting.format_date(start, self.lang)))
        head = data.headline
        group_domain = list(data.regions["name"])
        if not data.share_chart.empty:
            title = t("alv.share_chart_title", scope=name)
            reading = t(
                "report.alv.share_reading", share=self.percent(head["share"]),
                low=self.percent(head["share_low"]), high=self.percent(head["share_high"]),
                alv=self.number(head["alv"]), referrals=self.number(head["referrals"]),
            ) if head.get("share") is not None else t("alv.metric_hidden", **self.small)
            section.figures.append(Figure(
                title,
                share_trend(
                    data.share_chart, title=title, subtitle=t("alv.share_chart_subtitle"),
                    x_title=t("alv.axis_month"), y_title=t("alv.axis_share"),
                    group_title=t("col.region"), group_domain=group_domain,
                    tooltip_titles={"share_low": t("col.ci_low"),
                                    "share_high": t("col.ci_high")},
                    lang=self.lang,
                ),
                reading=reading, method=t("alv.share_method"),
            ))
        else:
            section.paragraphs.append(t("alv.share_empty", **self.small))
        if not data.anderhalvelijn_in_scope:
            return section
        if not data.funnel_chart.empty:
            title = t("alv.funnel_chart_title", scope=name)
            signals = data.funnel_chart["signal"]
            section.figures.append(Figure(
                title,
                proportion_funnel(
                    data.funnel_chart, data.funnel_lines, title=title,
                    subtitle=t("alv.funnel_chart_subtitle"), x_title=t("alv.axis_referrals"),
                    y_title=t("alv.axis_share"), unit_title=t("col.practice"),
                    signal_title=t("col.funnel_signal"),
                    signal_labels={c: i18n.label("signal", c, self.lang) for c in SIGNAL_ORDER},
                    level_names={"target": t("alv.funnel_target"), "95": t("alv.funnel_95"),
                                 "998": t("alv.funnel_998")},
                    tooltip_titles={"alv": t("col.alv_referrals"),
                                    "referrals": t("col.referrals")},
                    lang=self.lang,
                ),
                reading=t(
                    "report.alv.funnel_reading", practices=self.number(len(signals)),
                    above=self.number(signals.isin(["high_95", "high_998"]).sum()),
                    below=self.number(signals.isin(["low_95", "low_998"]).sum()),
                    within=self.number((signals == "within").sum()),
                ),
                method=t("alv.funnel_method"),
            ))
        if not data.flow_chart.empty:
            title = t("alv.flow_chart_title", scope=name)
            reading = t(
                "report.alv.flow_reading", share=self.percent(head["resolved_share"]),
                low=self.percent(head["resolved_low"]), high=self.percent(head["resolved_high"]),
                resolved=self.number(head["resolved"]), followed=self.number(head["followed"]),
            ) if head.get("resolved_share") is not None else t(
                "alv.metric_resolved_none", **self.small)
            section.figures.append(Figure(
                title,
                outcome_flow(
                    data.flow_chart, title=title, subtitle=t("alv.flow_chart_subtitle"),
                    x_title=t("alv.axis_episode_share"), y_title=t("alv.axis_start"),
                    outcome_title=t("col.flow_outcome"), count_title=t("col.episodes"),
                    lang=self.lang,
                ),
                reading=reading, method=t("alv.flow_method"),
            ))
        order = [i18n.label("destination", code, self.lang) for code in alv_data.SETTINGS]
        if not data.waits_chart.empty:
            title = t("alv.wait_norm_chart_title")
            parts = [f"{row.setting_label}: {t('alv.days', days=self.number(row.median_days))}"
                     f" ({self.percent(row.share, 0)})"
                     for row in data.waits_chart.itertuples(index=False)]
            section.figures.append(Figure(
                title,
                category_intervals(
                    data.waits_chart, value="share", low="share_low", high="share_high",
                    category="setting_label", title=title,
                    subtitle=t("alv.subtitle_scope", scope=name),
                    value_title=t("alv.axis_within_norm"),
                    interval_titles=(t("col.ci_low"), t("col.ci_high")),
                    category_title=t("col.setting"), value_format=PERCENT, group=None,
                    group_title=t("col.region"), domain=(0, 1), category_order=order,
                    group_domain=group_domain, lang=self.lang,
                ),
                reading=t("report.alv.wait_reading", parts="; ".join(parts)),
                method=f"{t('alv.wait_median_method')} {t('alv.wait_norm_method')}",
            ))
        if not data.costs_chart.empty:
            title = t("alv.cost_chart_title")
            parts = [f"{row.setting_label}: {self.euro(row.per_patient)}"
                     for row in data.costs_chart.itertuples(index=False)]
            section.figures.append(Figure(
                title,
                category_bars(
                    data.costs_chart, value="per_patient", category="setting_label",
                    title=title, subtitle=t("alv.subtitle_scope", scope=name),
                    value_title=t("alv.axis_cost_per_patient"), category_title=t("col.setting"),
                    value_format=EURO, group=None, group_title=t("col.region"),
                    category_order=order, group_domain=group_domain, lang=self.lang,
                ),
                reading=t("report.alv.cost_reading", parts="; ".join(parts)),
                method=t("alv.cost_method"),
            ))
        return section

    # ---- PDCA --------------------------------------------------------------------------------

    def pdca(self) -> Section:
        section = Section("pdca", self.t("report.section.pdca"))
        t, region = self.t, self.options.region
        cycle_queries.load_sample_cycles(self.engine)  # as the page does, sample regions only
        cycles = cycle_queries.list_cycles(self.engine, region=region, status="open")
        if cycles.empty:
            section.paragraphs.append(t("report.pdca.none", region=self.name))
            return section
        table = pdca_data.overview(
            cycles, lambda code, reg: indicator_series(self.engine, code, reg), lang=self.lang)
        frame = pd.DataFrame({
            t("pdca.field.title"): table["title"],
            t("pdca.field.indicator_code"): table["indicator"],
            t("pdca.field.do_start"): table["do_start"].map(
                lambda d: formatting.format_date(d, self.lang)),
            t("pdca.variation"): table["variation"].map(_without_emoji),
            t("pdca.assurance"): table["assurance"].map(_without_emoji),
            t("pdca.col.check"): table["check"],
        })
        section.paragraphs.append(t("report.pdca.intro", count=self.number(len(cycles))))
        section.tables.append(Table(t("pdca.active.title"), frame, (20, 18, 10, 16, 16, 20)))
        for cycle in cycles.head(MAX_CYCLES).to_dict("records"):
            figure = self._cycle_figure(cycle)
            if figure is not None:
                section.figures.append(figure)
        return section

    def _cycle_figure(self, cycle: dict[str, Any]) -> Figure | None:
        t, code = self.t, cycle["indicator_code"]
        definition = indicators.get(code)
        indicator = definition.name_nl if self.lang == "nl" else definition.name_en
        series = indicator_series(self.engine, code, cycle["region"])
        trend = pdca_data.trend(series, code, cycle, lang=self.lang)
        if not trend.has_chart:
            return None
        unit = t(f"pdca.unit.{trend.spec.unit}")
        title = t("pdca.chart.title", indicator=indicator, region=self.name)
        chart = spc_charts.spc_chart(
            trend.plot,
            title=f"{cycle['title']}: {title}",
            subtitle=trend.limits_note,
            x_title=t("pdca.axis.year" if trend.spec.frequency == "year" else "pdca.axis.month"),
            y_title=f"{indicator} ({unit})",
            labels={key: t(f"pdca.variation.{key}") for key in spc_charts.CATEGORY_COLOURS},
            legend_title=t("pdca.legend"),
            tooltip_titles={name: t(f"pdca.col.{name}") for name in (
                "month", "value", "centre", "lower", "upper", "median", "variation", "rule")},
            phases=trend.phases,
            target=trend.target,
            target_label=t("pdca.target_label", value=self.number(trend.target, trend.decimals))
            if trend.target is not None else "",
            number_format=trend.number_format,
            lang=self.lang,
            show_2sigma=False,
        )
        reading = [plain(trend.summary)]
        if trend.check is not None:
            reading.append(plain(trend.check.text))
            if trend.check.its_summary:
                reading.append(plain(trend.check.its_summary))
        return Figure(f"{cycle['title']}: {title}", chart, reading=" ".join(reading),
                      method=t(f"pdca.method.{trend.chart_kind}"))

    # ---- SROI --------------------------------------------------------------------------------

    def sroi(self) -> Section:
        section = Section("sroi", self.t("report.section.sroi"))
        t = self.t
        page = sroi_data.sroi_page(self.engine, self.options.region, lang=self.lang)
        if page.view is None:
            section.paragraphs += page.problems or [t("sroi.no_regions")]
            return section
        view, resolved = page.view, page.resolved
        result, simulation = view.result, view.simulation
        caption = [t("sroi.model_name", name=page.stored.name),
                   t("sroi.year_caption", year=resolved.reference_year or "–")]
        if page.stored.doc.get("synthetic"):
            caption.append(t("sroi.synthetic_model"))
        section.paragraphs.append(" · ".join(caption))
        if page.anderhalvelijn_start is None:
            section.paragraphs.append(t("sroi.hypothetical"))
        interval = plain(t(
            "sroi.interval", ratio=self.number(result.ratio, 2),
            low=self.number(simulation.ratio_interval[0], 2),
            high=self.number(simulation.ratio_interval[1], 2),
            probability=self.percent(simulation.prob_ratio_above_1, 0),
            n=self.number(simulation.n),
        ))
        title = t("sroi.chart.ratio_title")
        section.figures.append(Figure(
            title,
            ratio_reference(
                view.ratio_chart, title=title, subtitle=t("sroi.chart.ratio_subtitle"),
                x_title=t("sroi.chart.ratio_axis"),
                tooltip_titles={"label": t("sroi.col.label"), "ratio": t("sroi.col.ratio"),
                                "low": t("sroi.col.low"), "high": t("sroi.col.high"),
                                "source": t("sroi.col.source_ref")},
                lang=self.lang,
            ),
            reading=interval, method=t("sroi.method.ratio"),
        ))
        title = t("sroi.chart.waterfall_title")
        reading = t("report.sroi.waterfall_reading", value=self.euro(result.present_value),
                    investment=self.euro(result.investment),
                    net=self.euro(result.net_present_value))
        if view.losers:
            reading += " " + t("sroi.losers", who=", ".join(view.losers))
        section.figures.append(Figure(
            title,
            waterfall(
                view.waterfall, title=title, subtitle=t("sroi.chart.waterfall_subtitle"),
                x_title=t("sroi.chart.euro_axis"),
                kind_titles={k: t(f"sroi.wf.kind.{k}")
                             for k in ("outcome", "total", "investment", "net")},
                tooltip_titles={"label": t("sroi.col.item"),
                                "stakeholder": t("sroi.col.stakeholder"),
                                "value": t("sroi.col.present_value")},
                legend_title=t("sroi.col.kind"), lang=self.lang,
            ),
            reading=plain(reading), method=t("sroi.method.waterfall"),
        ))
        return section

    # ---- methods -----------------------------------------------------------------------------

    def methods(self) -> Section:
        section = Section("methods", self.t("report.section.methods"))
        for key in ("data", "standardisation", "intervals", "spc", "sroi", "privacy", "more"):
            section.paragraphs.append(
                self.t(f"report.methods.{key}", max=self.small["max"]))
        return section


def _without_emoji(text: str) -> str:
    # The Making Data Count badges start with an emoji the PDF font cannot draw.
    return re.sub(r"^[^\w(]+\s*", "", text or "")


def assemble(
    engine: Engine,
    options: ReportOptions,
    now: Callable[[], datetime] = datetime.now,
    *,
    scope: Scope | None = None,
) -> Report:
    """The report's content for ``options`` (raises :class:`ReportError` on a bad choice)."""
    if options.lang not in i18n.LANGUAGES:
        raise ReportError(f"unknown language {options.lang!r}; use one of {list(i18n.LANGUAGES)}")
    unknown = [s for s in options.sections if s not in SECTIONS]
    if unknown:
        raise ReportError(f"unknown section(s) {unknown}; choose from {list(SECTIONS)}")
    row = _region_row(engine, options.region)
    available = periods(engine, options.region)
    if options.period not in available:
        raise ReportError(
            f"unknown period {options.period!r} for {options.region}; use one of {available}")
    builder = _Builder(engine, options, row, scope)
    sections = [getattr(builder, key)() for key in SECTIONS if key in options.sections]
    sections.append(builder.methods())
    data_date = row["data_date"]
    return Report(
        options=options,
        region_name=row["name"],
        period_label=period_label(options.period, row["first_month"], row["last_month"],
                                  options.lang),
        data_date=None if pd.isna(data_date) else pd.Timestamp(data_date).date(),
        synthetic=bool(row.get("synthetic")),
        created=now(),
        sections=sections,
    )


def build_report(engine: Engine, options: ReportOptions) -> bytes:
    """The region report as PDF bytes."""
    from dashboard.export.pdf import render

    return render(assemble(engine, options))


def file_name(options: ReportOptions, report_date: date | None = None) -> str:
    stamp = (report_date or date.today()).isoformat()
    return f"{i18n.translate('report.file_stem', options.lang)}-{options.region}-" \
           f"{options.period}-{stamp}.pdf"


def parse_sections(values: Iterable[str] | None) -> tuple[str, ...]:
    """Section keys from a command line ("overview,pdca" or several values); all when empty."""
    if not values:
        return SECTIONS
    keys = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(keys)) if keys else SECTIONS


# ---- within the user's scope (what the Rapport page calls) ----------------------------------
# The report holds region totals for anyone who may see the region; its practice-level parts
# (the spiegelinformatie funnel, the anderhalvelijn funnel) follow the same scope as the pages,
# under pseudonyms (a GP's own report may show the own practice by name, as the pages do).


def regions_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    frame = regions(engine)
    return frame[frame["region"].isin(scope.visible_regions(frame["region"]))].reset_index(
        drop=True)


def periods_for(engine: Engine, scope: Scope, region: str) -> list[str]:
    scope.check_region(region)
    return periods(engine, region)


def assemble_for(engine: Engine, scope: Scope, options: ReportOptions) -> Report:
    scope.check_region(options.region)
    return assemble(engine, options, scope=scope)
