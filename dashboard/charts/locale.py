"""Number and date formats inside charts, so axis ticks and tooltips read like the tables.

Vega formats numbers and dates with d3; by default in American English ("1,234.5", "March").
``finish`` puts the Dutch (or English) locale and shared styling into a chart's top-level
configuration; every chart builder ends with it.
"""

from __future__ import annotations

import altair as alt

from dashboard.formatting import MONTHS, MONTHS_SHORT

_DAYS = {
    "nl": ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"),
    "en": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
}

NUMBER = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}

TIME = {
    lang: {
        "dateTime": "%a %e %B %Y %X" if lang == "nl" else "%a %b %e %X %Y",
        "date": "%d-%m-%Y" if lang == "nl" else "%e %b %Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": list(_DAYS[lang]),
        "shortDays": [day[:2] if lang == "nl" else day[:3] for day in _DAYS[lang]],
        "months": list(MONTHS[lang]),
        "shortMonths": list(MONTHS_SHORT[lang]),
    }
    for lang in ("nl", "en")
}

# d3 formats used across charts.
PERCENT = ".0%"
PERCENT_1 = ".1%"
MONTH = "%b %Y"
EURO = "$,.0f"  # "$" is d3's currency placeholder; the locale turns it into €


def bottom_legend(columns: int = 2) -> alt.Legend:
    """A legend under the chart whose labels are never cut short (region names are long)."""
    return alt.Legend(
        orient="bottom", columns=columns, labelLimit=0, symbolLimit=0, symbolOpacity=1
    )


def group_colour(field: str, title: str, domain: list[str] | None = None,
                 columns: int = 2) -> alt.Color:
    """Colour per group (region) from a fixed palette; pass the same ``domain`` to every chart
    of a page so a region keeps its colour even where another region has no data."""
    scale = alt.Scale(scheme="tableau10", domain=domain) if domain else alt.Scale(
        scheme="tableau10")
    return alt.Color(field, title=title, scale=scale, legend=bottom_legend(columns))


def finish(chart: alt.TopLevelMixin, lang: str = "nl") -> alt.TopLevelMixin:
    """Apply the language's number/date locale and the shared look to a finished chart.

    Single and layered charts fit the container's width and keep their own plot height; left
    to itself Streamlit fits both ways, squeezing the plot into the given height together with
    the title and legend. Facet grids keep their natural size.
    """
    if not isinstance(chart, alt.FacetChart):
        chart = chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    return chart.configure(
        locale={"number": NUMBER[lang], "time": TIME[lang]},
        font="sans-serif",
    ).configure_title(anchor="start", fontSize=15, subtitleFontSize=12, subtitleColor="#555")
