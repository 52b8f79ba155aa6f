"""Slide registry (dashboard.slides), meeting packs (dashboard.meeting_packs) and the projector
look of charts (charts.common.for_presentation), without Streamlit.

Dataset: tests/spiegel_dataset.py (region TST; the 2024 counts are in its docstring).
"""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd
import pytest
from sqlmodel import Session

from dashboard import meeting_packs, slides
from dashboard.charts.common import PRESENTATION_CONFIG, for_presentation
from dashboard.charts.locale import finish
from dashboard.models import MeetingPack
from dashboard.scope import Scope
from tests.spiegel_dataset import fill_spiegel_dataset

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


def wilson(x: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    # Wilson (1927) score interval, written out: centre (p + z²/2n) / (1 + z²/n).
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_every_kind_loads_and_draws(db):
    for kind in slides.KINDS:
        content = slides.load_slide(db, kind, "TST", (), "nl")
        assert content.title, kind
        assert content.params["regio"] == "TST"
        assert set(content.params) == {"regio", *slides.KINDS[kind].filters}
        chart = slides.draw(content, "nl")
        if chart is not None:
            spec = chart.to_dict()
            assert spec["config"]["locale"]["number"]["decimal"] == ","
            assert not content.data.empty


def test_spiegel_funnel_slide_matches_the_hand_calculation(db):
    filters = (("jaar", "2024"), ("periode", "year"))
    content = slides.load_slide(db, "spiegel_funnel", "TST", filters, "nl")
    # Echo's 7 is hidden and Delta's 25 with it: their signals are not counted (Delta's, below
    # its limits, would otherwise show).
    assert content.reading == (
        "In Regio Test zijn 5 praktijken vergeleken. Van de 3 getoonde verwijzen er 1 meer en "
        "0 minder dan op grond van toeval te verwachten is (buiten de 95%-grenzen); 2 liggen "
        "binnen de normale spreiding. Bij 2 praktijk(en) blijft het signaal verborgen, net als "
        "hun aantal verwijzingen."
    )
    points = content.data.set_index("display_name")
    assert points.loc["Praktijk Bravo", "y"] == pytest.approx(137.5)  # 55 / 40 expected
    # Echo's count is 1-9, and Delta (25 / 40 expected) is its companion: a single hidden count
    # would follow from the region's total, so neither is drawn.
    assert {"Praktijk Delta", "Praktijk Echo"}.isdisjoint(points.index)
    assert set(points.index) == {"Praktijk Alfa", "Praktijk Bravo", "Praktijk Charlie"}
    # Peers are pseudonymised; no practice code or name is drawn.
    assert "Huisartsenpraktijk De Spiegel" not in set(points.index)
    assert content.page == "spiegelinformatie"
    assert content.params == {"regio": "TST", "periode": "year", "jaar": "2024",
                              "aandoening": "all", "bestemming": "all",
                              "maat": "standardised", "spreiding": "none"}


def test_anderhalvelijn_slide_reading(db):
    content = slides.load_slide(db, "alv_share", "TST", (("periode", "2024"),), "nl")
    # 2024: anderhalvelijn + e-consult per practice 20, 13, 24, 10, 3 = 70 of 205 referrals.
    low, high = wilson(70, 205)

    def pct(value: float) -> str:
        return f"{value * 100:.1f}%".replace(".", ",")

    assert pct(70 / 205) == "34,1%"
    assert content.reading == (
        "In Regio Test ging **34,1%** van de cardiologische verwijzingen van januari 2024 tot "
        "en met december 2024 naar anderhalvelijnszorg of e-consult (70 van 205; "
        f"95%-betrouwbaarheidsinterval {pct(low)} – {pct(high)})."
    )


def test_filters_no_longer_offered_fall_back_with_a_note(db):
    content = slides.load_slide(
        db, "spiegel_funnel", "TST", (("jaar", "2019"), ("maat", "nonsense")), "en")
    assert content.params["jaar"] == "2025" and content.params["maat"] == "standardised"
    assert content.problems == [
        "The saved choice for ‘Year’ no longer exists; this slide shows ‘2025’.",
        "The saved choice for ‘Measure’ no longer exists; this slide shows "
        "‘Standardised (age and sex)’.",
    ]
    with pytest.raises(ValueError, match="unknown slide kind"):
        slides.load_slide(db, "pie_chart", "TST")


def test_region_without_data_gives_a_message_not_an_error(db):
    content = slides.load_slide(db, "alv_funnel", "ZND", (), "nl")
    assert content.empty
    assert slides.draw(content, "nl") is None


# ---- meeting packs ----------------------------------------------------------------------


def test_pack_round_trip_and_delete(db):
    pack_id = meeting_packs.save_pack(db, "  Stuurgroep  ", "TST", [
        {"kind": "overzicht"},
        {"kind": "pdca_spc", "filters": {"indicator": "VERW_ZH", "weergave": "run"}},
    ], scope=EDITOR)
    pack = meeting_packs.get_pack(db, pack_id)
    assert pack["name"] == "Stuurgroep"
    assert pack["slides"] == [
        {"kind": "overzicht", "filters": {}},
        {"kind": "pdca_spc", "filters": {"indicator": "VERW_ZH", "weergave": "run"}},
    ]
    assert meeting_packs.save_pack(db, "Stuurgroep 2", "TST", [], pack_id=pack_id,
                                   scope=EDITOR) == pack_id
    listed = meeting_packs.list_packs(db)
    assert list(listed["name"]) == ["Stuurgroep 2"] and list(listed["slides"]) == [0]
    assert meeting_packs.delete_pack(db, pack_id, scope=EDITOR) is True
    assert meeting_packs.delete_pack(db, pack_id, scope=EDITOR) is False
    assert meeting_packs.get_pack(db, pack_id) is None


@pytest.mark.parametrize(
    ("name", "region", "slides_", "key"),
    [
        ("", "TST", [], "pack.error.no_name"),
        ("x" * 121, "TST", [], "pack.error.long_name"),
        ("A", "NOPE", [], "pack.error.region"),
        ("A", "TST", "overzicht", "pack.error.slides"),
        ("A", "TST", [{"kind": "pie"}], "pack.error.kind"),
        ("A", "TST", [{"kind": "overzicht", "filters": {"regio": "ZND"}}], "pack.error.filters"),
        ("A", "TST", [{"kind": "spiegel_funnel", "filters": {"jaar": 2024}}],
         "pack.error.filters"),
        ("A", "TST", [{"kind": "overzicht"}] * 61, "pack.error.too_many"),
    ],
)
def test_invalid_packs_are_refused(db, name, region, slides_, key):
    with pytest.raises(meeting_packs.PackError) as error:
        meeting_packs.save_pack(db, name, region, slides_, scope=EDITOR)
    assert key in [k for k, _ in error.value.problems]
    assert error.value.messages("nl") and error.value.messages("en")
    assert meeting_packs.list_packs(db).empty


def test_duplicate_name_in_a_region_and_a_vanished_pack(db):
    first = meeting_packs.save_pack(db, "A", "TST", [], scope=EDITOR)
    meeting_packs.save_pack(db, "A", "ZND", [], scope=EDITOR)  # another region may use the name
    with pytest.raises(meeting_packs.PackError, match="pack.error.duplicate"):
        meeting_packs.save_pack(db, "A", "TST", [], scope=EDITOR)
    meeting_packs.delete_pack(db, first, scope=EDITOR)
    with pytest.raises(meeting_packs.PackError, match="pack.error.gone"):
        meeting_packs.save_pack(db, "B", "TST", [], pack_id=first, scope=EDITOR)


def test_a_damaged_row_opens_empty(db):
    pack_id = meeting_packs.save_pack(db, "A", "TST", [{"kind": "overzicht"}], scope=EDITOR)
    with Session(db) as session:
        pack = session.get(MeetingPack, pack_id)
        pack.slides_json = "{not json"
        session.add(pack)
        session.commit()
    assert meeting_packs.get_pack(db, pack_id)["slides"] == []
    assert list(meeting_packs.list_packs(db)["slides"]) == [0]
    json.dumps(meeting_packs.get_pack(db, pack_id), default=str)


# ---- projector look ---------------------------------------------------------------------


def test_for_presentation_enlarges_a_copy():
    frame = pd.DataFrame({"x": [1, 2], "y": [3.5, 4.25]})
    chart = finish(alt.Chart(frame).mark_line().encode(x="x", y="y").properties(
        height=300, title="T"), "nl")
    big = for_presentation(chart).to_dict()
    small = chart.to_dict()
    assert big["height"] == 520 and small["height"] == 300
    for group, values in PRESENTATION_CONFIG.items():
        for name, value in values.items():
            assert big["config"][group][name] == value
    assert small["config"]["title"]["fontSize"] == 15  # the original is untouched
    assert big["config"]["title"]["anchor"] == "start"  # its own look is kept
    assert big["config"]["locale"] == small["config"]["locale"]
