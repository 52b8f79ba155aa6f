"""Chart images from vl-convert: PNG of the expected size, SVG as valid XML with the title."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import altair as alt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from dashboard.charts.locale import finish
from dashboard.export import images

SVG = "{http://www.w3.org/2000/svg}"


def chart(lang: str = "nl") -> alt.Chart:
    data = pd.DataFrame({"maand": ["jan", "feb", "mrt"], "verwijzingen": [1234.5, 2500.0, np.nan]})
    return finish(
        alt.Chart(data, title="Verwijzingen per maand (patiënten)")
        .mark_bar()
        .encode(x=alt.X("maand:N", title="Maand"),
                y=alt.Y("verwijzingen:Q", title="Aantal", axis=alt.Axis(format=",.1f")))
        .properties(height=200),
        lang=lang,
    )


def test_png_has_the_export_width_times_the_scale():
    png = images.png_bytes(chart())
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        width, height = image.size
    assert width == images.EXPORT_WIDTH * images.PNG_SCALE == 1600
    assert height > 200 * images.PNG_SCALE  # plot height plus title and axes
    assert images.png_size(png) == (width, height)


def test_png_width_and_scale_can_be_chosen():
    with Image.open(io.BytesIO(images.png_bytes(chart(), width=500, scale=1))) as image:
        assert image.size[0] == 500


def test_svg_is_xml_with_title_and_dutch_numbers():
    root = ET.fromstring(images.svg_text(chart()))
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == str(images.EXPORT_WIDTH)
    texts = [node.text for node in root.iter(f"{SVG}text")]
    assert "Verwijzingen per maand (patiënten)" in texts
    # Axis ticks with a Dutch thousands dot and decimal comma, as the chart's locale says.
    assert "1.000,0" in texts and "2.500,0" in texts
    english = [n.text for n in ET.fromstring(images.svg_text(chart("en"))).iter(f"{SVG}text")]
    assert "1,000.0" in english


def test_a_faceted_chart_keeps_its_own_panel_sizes():
    data = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 2, 3, 4], "g": ["a", "a", "b", "b"]})
    faceted = alt.Chart(data).mark_point().encode(x="x:Q", y="y:Q").properties(
        width=150, height=100).facet(column="g:N")
    spec = images.export_spec(faceted)
    assert "width" not in spec
    with Image.open(io.BytesIO(images.png_bytes(faceted, scale=1))) as image:
        assert 300 < image.size[0] < 500  # two 150-pixel panels and their axes


def test_a_spec_dict_works_too_and_is_not_changed():
    spec = chart().to_dict()
    before = dict(spec)
    assert images.svg_text(spec).startswith("<svg")
    assert spec == before


def test_png_size_rejects_other_files():
    with pytest.raises(ValueError, match="not a PNG"):
        images.png_size(b"GIF89a" + b"\0" * 30)
