"""The Quadruple Aim tiles on the Overzicht page, on the hand-made data of
tests/support_anderhalvelijn.py (fill_tile_dataset explains every number)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pagedata.overview_tiles import overview_tiles
from tests.auth_support import sign_in
from tests.support_anderhalvelijn import fill_anderhalvelijn_dataset, fill_tile_dataset

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
GREEN, GREY = 1, 2  # MetricProto colours
DOWN, UP, NO_ARROW = 0, 1, 2  # MetricProto directions


@pytest.fixture
def tile_db(isolated_db):
    fill_anderhalvelijn_dataset(isolated_db)
    fill_tile_dataset(isolated_db)
    return isolated_db


def run(lang: str = "nl") -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_tile_figures(tile_db):
    data = overview_tiles(tile_db)
    tiles = data.tiles.set_index(["region", "indicator"])
    # 2024: 240 admissions per 80,000 adults = 3.00 per 1,000; 2023: 300 -> 3.75.
    hf = tiles.loc[("NRD", "OPNAME_HF")]
    assert (hf["year"], hf["value"], hf["previous_value"]) == (2024, 3.0, 3.75)
    assert hf["assessment"] == "better"  # fewer admissions is better
    survey = tiles.loc[("NRD", "WERKPLEZIER")]
    assert (survey["year"], survey["value"], survey["change"]) == (2025, 8.0, 1.0)
    # s^2 = (644 - 640) / 9; 8 +/- 2.2622 x sqrt(0.4444 / 10) = 8 +/- 0.4769.
    assert survey["low"] == pytest.approx(7.5231, abs=1e-4)
    assert tiles.loc[("ZD", "WACHTTIJD"), "value"] == 20  # (10 + 30) / 2, 120 first consults
    assert tiles.loc[("ZD", "KOSTEN_INW"), "value"] == pytest.approx(1.2)
    assert tiles.loc[("ZD", "TEVREDENHEID"), "value"] == pytest.approx(7.5)
    # Incomplete years (Noord's satisfaction, waits and costs) and a survey of 5 stay empty.
    for key in [("NRD", "TEVREDENHEID"), ("NRD", "WACHTTIJD"), ("NRD", "KOSTEN_INW"),
                ("ZD", "WERKPLEZIER"), ("ZD", "OPNAME_HF")]:
        assert tiles.loc[key, "value"] != tiles.loc[key, "value"], key  # NaN
    assert set(data.series["year"][data.series["indicator"] == "OPNAME_HF"]) == {2023, 2024}


def test_tiles_on_the_overview_page(tile_db):
    at = run()
    tiles = [(m.label, m.value, m.delta) for m in at.metric][:10]
    assert tiles == [
        ("Opnames hartfalen", "3,00", "-0,75"),
        ("Tevredenheid", "–", ""),
        ("Wachttijd", "–", ""),
        ("Kosten per inwoner", "–", ""),
        ("Werkplezier", "8,0", "+1,00"),
        ("Opnames hartfalen", "–", ""),
        ("Tevredenheid", "7,5", ""),
        ("Wachttijd", "20 dagen", ""),
        ("Kosten per inwoner", "€ 1,20", ""),
        ("Werkplezier", "–", ""),
    ]
    hf, survey = at.metric[0].proto, at.metric[4].proto
    assert (hf.color, hf.direction) == (GREEN, DOWN)  # fewer admissions: green, arrow down
    assert (survey.color, survey.direction) == (GREEN, UP)
    assert hf.delta_description == "t.o.v. 2023"
    assert at.metric[4].help.startswith("2025: gemiddeld cijfer van 10 respondenten")
    assert "95%-interval 7,5 – 8,5" in at.metric[4].help
    captions = [caption.value for caption in at.caption]
    assert "Gezondheid" in captions and "Professionals" in captions
    # The region cards below the tiles are unchanged.
    assert [(m.label, m.value) for m in at.metric][10:14] == [
        ("Praktijken", "3"), ("Ingeschreven patiënten", "–"), ("Verwijzingen", "220"),
        ("Datadatum", "20-12-2025"),
    ]
    assert "**Regio Noord · datadatum 20-12-2025**" in [m.value for m in at.markdown]


def test_a_worse_and_an_unchanged_year(tile_db):
    from sqlalchemy import text

    with tile_db.begin() as conn:
        # 2024 admissions up to 12 x 30 = 360 (4.50 per 1,000): worse than 2023's 3.75.
        conn.execute(text("UPDATE hf_admission SET admissions = 30 WHERE year = 2024"))
        # Survey 2025 equal to 2024: no change, grey and without an arrow.
        conn.execute(text("UPDATE survey_response SET score = 7 WHERE region = 'NRD'"))
    at = run()
    hf, survey = at.metric[0], at.metric[4]
    assert (hf.value, hf.delta) == ("4,50", "+0,75")
    assert (hf.proto.color, hf.proto.direction) == (0, UP)  # red: more admissions
    assert (survey.value, survey.delta) == ("7,0", "0,00")
    assert (survey.proto.color, survey.proto.direction) == (GREY, NO_ARROW)


def test_page_links_and_english(tile_db):
    at = run("en")
    links = at.get("page_link")
    assert links and all(link.proto.page_script_hash for link in links)
    assert "Anderhalvelijn (1.5-line)" in [link.proto.label for link in links]
    assert [(m.label, m.value, m.delta) for m in at.metric][0] == ("HF admissions", "3.00",
                                                                  "-0.75")
    assert at.metric[0].proto.delta_description == "vs 2023"
    assert at.metric[8].value == "€1.20"


def test_no_tiles_without_yearly_sources(tiny_db):
    at = run()
    assert ("De Quadruple Aim-tegels verschijnen zodra opnames, tevredenheid, wachttijden, "
            "kosten of de werkplezier-enquête over een volledig jaar zijn geladen."
            in [caption.value for caption in at.caption])
