"""The Altair SPC and run chart builders: title, axes, colours, phases, target, locale."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import spc as charts

MONTHS = pd.date_range("2024-01-01", periods=4, freq="MS")
LABELS = {
    "improvement": "Verbetering",
    "deterioration": "Verslechtering",
    "higher": "Hoger",
    "lower": "Lager",
    "common": "Gewoon",
}
TOOLTIPS = {
    name: name.title()
    for name in ("month", "value", "centre", "lower", "upper", "median", "variation", "rule")
}
PHASES = [
    charts.Phase("plan", "Plan", MONTHS[0], MONTHS[2]),
    charts.Phase("do", "Do", MONTHS[2], MONTHS[3] + pd.offsets.MonthBegin(1)),
]


def spc_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "month": MONTHS,
            "value": [10.0, 11.0, 6.0, 5.5],
            "centre": 10.0,
            "lower": 7.0,
            "upper": 13.0,
            "segment": 0,
            "variation": ["Gewoon", "Gewoon", "Verbetering", "Verbetering"],
            "rule": ["", "", "punt onder de ondergrens", "punt onder de ondergrens"],
        }
    )


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def mark(layer: dict) -> str:
    value = layer["mark"]
    return value if isinstance(value, str) else value["type"]


def build_spc(frame: pd.DataFrame | None = None, **overrides) -> dict:
    arguments = dict(
        title="Verwijzingen – Regio Een",
        subtitle="Grenzen vastgelegd op de periode vóór Do",
        x_title="Maand",
        y_title="Verwijzingen (per 1.000 per jaar)",
        labels=LABELS,
        legend_title="Variatie",
        tooltip_titles=TOOLTIPS,
        phases=PHASES,
        target=8.0,
        target_label="doel 8,0",
    )
    arguments.update(overrides)
    return charts.spc_chart(spc_frame() if frame is None else frame, **arguments).to_dict()


def test_spc_chart_has_title_axes_and_dutch_locale():
    spec = build_spc()

    assert spec["title"]["text"] == "Verwijzingen – Regio Een"
    assert spec["title"]["subtitle"] == "Grenzen vastgelegd op de periode vóór Do"
    points = layers(spec)[-1]
    assert points["encoding"]["x"]["title"] == "Maand"
    assert points["encoding"]["y"]["title"] == "Verwijzingen (per 1.000 per jaar)"
    assert points["encoding"]["y"]["axis"]["format"] == ",.1f"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["time"]["shortMonths"][2] == "mrt"


def test_points_use_making_data_count_colours_for_the_categories_present():
    scale = layers(build_spc())[-1]["encoding"]["color"]["scale"]

    assert scale["domain"] == ["Verbetering", "Gewoon"]
    assert scale["range"] == [charts.IMPROVEMENT, charts.COMMON]


def test_layers_phases_limits_target_and_data():
    spec = build_spc()
    kinds = [mark(layer) for layer in layers(spec)]

    # Two phase layers (shading, labels), centre + two limits, target rule + label, line, points.
    assert kinds == ["rect", "text", "line", "line", "line", "rule", "text", "line", "circle"]
    fields = [layer["encoding"].get("y", {}).get("field") for layer in layers(spec)[2:5]]
    assert fields == ["centre", "upper", "lower"]
    target = layers(spec)[5]
    assert target["encoding"]["y"]["field"] == "target"
    assert spec["datasets"][target["data"]["name"]] == [{"target": 8.0, "label": "doel 8,0"}]


def test_two_sigma_lines_and_no_target_or_phases():
    frame = spc_frame().assign(lower_2sigma=8.0, upper_2sigma=12.0)
    spec = charts.spc_chart(
        frame,
        title="t",
        x_title="Maand",
        y_title="y",
        labels=LABELS,
        legend_title="Variatie",
        tooltip_titles=TOOLTIPS,
        show_2sigma=True,
    ).to_dict()

    kinds = [mark(layer) for layer in layers(spec)]
    assert kinds == ["line", "line", "line", "line", "line", "line", "circle"]
    assert "subtitle" not in spec["title"]


def test_run_chart_draws_the_median():
    frame = pd.DataFrame(
        {
            "month": MONTHS,
            "value": [10.0, 11.0, 6.0, 5.5],
            "median": 8.0,
            "variation": "Gewoon",
            "rule": "",
        }
    )
    spec = charts.run_chart(
        frame,
        title="Runchart",
        x_title="Maand",
        y_title="y",
        labels=LABELS,
        legend_title="Variatie",
        tooltip_titles=TOOLTIPS,
        phases=PHASES,
        lang="en",
    ).to_dict()

    kinds = [mark(layer) for layer in layers(spec)]
    assert kinds == ["rect", "text", "line", "line", "circle"]
    assert layers(spec)[2]["encoding"]["y"]["field"] == "median"
    assert spec["config"]["locale"]["number"]["decimal"] == "."


def test_excluded_points_are_open_circles_in_their_colour():
    frame = spc_frame().assign(excluded=[False, False, True, False])
    spec = layers(build_spc(frame=frame))
    points = [layer for layer in spec if mark(layer) in ("circle", "point")]
    assert [mark(layer) for layer in points] == ["circle", "point"]
    kept, dropped = points
    assert kept["transform"] == [{"filter": "!datum.excluded"}]
    assert dropped["transform"] == [{"filter": "datum.excluded"}]
    assert dropped["mark"]["filled"] is False
    assert dropped["encoding"]["color"]["field"] == "variation"
    # Without exclusions one layer of filled points, as before.
    plain = [layer for layer in layers(build_spc()) if mark(layer) in ("circle", "point")]
    assert len(plain) == 1 and "transform" not in plain[0]
