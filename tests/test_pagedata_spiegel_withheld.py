"""Spiegelinformatie: the region's figures withheld where a hidden practice count would follow.

Dataset and hand-worked numbers: tests/spiegel_withheld_dataset.py. Regio Duo compares only
D1 (40 referrals, the GP's own in these tests) and D2 (4, shown "<10"); D1's count is the GP's
own, so no other practice can be hidden with D2's and the region's total 44 (or its rate 11.0
per 1,000 x 4,000 person-years, or D1's expected 11.0 + D2's 33.0) minus 40 would give D2's 4.
Regio Tri has a third practice (T3, 20) to hide with T2's 4; Regio Uno only U1 (5).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.charts.funnel import funnel_chart
from dashboard.pagedata.spiegelinformatie import SpiegelFilters, spiegelinformatie
from tests.spiegel_withheld_dataset import fill_withheld_dataset


@pytest.fixture
def withheld_db(isolated_db):
    fill_withheld_dataset(isolated_db)
    return isolated_db


def run(engine, region: str, **choices):
    return spiegelinformatie(engine, SpiegelFilters(region=region, **choices))


def table_row(data, name: str) -> pd.Series:
    rows = data.table[data.table["practice_name"] == name]
    assert len(rows) == 1, data.table
    return rows.iloc[0]


def test_gp_of_a_two_practice_region(withheld_db):
    data = run(withheld_db, "DUO", practice="D1")
    assert data.status == "ok" and data.region_withheld
    assert data.region_rate is None and data.total_referrals is None
    assert data.notes[-1].startswith("Naast uw praktijk is in deze regio maar één andere "
                                     "praktijk vergeleken")
    own = table_row(data, "Huisartsen Duo")
    # O 40, E 1000 x 44 / 4000 = 11.0, ratio 40 / 11 x 100 = 363.6.
    assert (own["observed"], own["expected"]) == (40, pytest.approx(11.0))
    assert own["ratio"] == pytest.approx(4000 / 11)
    other = table_row(data, "Praktijk Duo-twee")
    # E 33.0 withheld: 11.0 + 33.0 - 40 = 4.
    assert other["observed"] == "<10" and math.isnan(other["expected"])
    # The limits reach 1.08 x the own E (11.88), not 1.08 x D2's 33.0 (35.64).
    assert data.funnel_lines["x"].max() == pytest.approx(11 * 1.08)
    assert list(data.funnel_points["display_name"]) == ["Huisartsen Duo"]
    assert data.phi is None and data.dispersion_note.startswith("Overdispersie niet geschat")
    # Trend: only the own series (30 in Q1, 10 in Q4); the region's 34 - 30 would be D2's 4.
    assert set(data.trend["series"]) == {"own"}
    assert list(data.trend["referrals"]) == [30, 0, 0, 10]
    # Destinations: only the own practice (30 hospital, 10 anderhalvelijn); the region's
    # hospital 34 - 30 would be D2's 4.
    assert set(data.destinations["group"]) == {"own"}
    assert data.opportunity is None  # it would state the region's 34 hospital referrals


def test_gp_of_a_two_practice_region_crude(withheld_db):
    data = run(withheld_db, "DUO", practice="D1", measure="crude")
    assert data.region_withheld and data.region_rate is None
    # The centre line is the region's 11.0 per 1,000, the limits around it: left out.
    assert data.funnel_lines.empty and math.isnan(data.funnel_target)
    own = data.funnel_points.iloc[0]
    # The crude expected count 1000 x 0.011 = 11.0 would give the rate.
    assert own["expected_text"] == "–"
    # 40 referrals over 1,000 person-years: 40.0 per 1,000; no comparison with 11.0.
    assert data.conclusion.startswith(
        "Uw praktijk verwijst 40,0 per 1.000 patiënten per jaar (niet gecorrigeerd voor "
        "leeftijd en geslacht; het regiogemiddelde wordt hier niet getoond);")
    assert "11,0" not in data.conclusion
    assert "regiogemiddelde" in data.funnel_note and "11,0" not in data.funnel_note
    # The page draws it: the own point alone, without lines or centre.
    chart = funnel_chart(data.funnel_points, data.funnel_lines, target=data.funnel_target,
                         title="t", x_title="x", y_title="y", signal_title="s",
                         signal_labels=["a"], limits_title="l", tooltips=[])
    assert isinstance(chart.to_dict(), dict)


def test_two_practice_region_without_own_practice_is_shown(withheld_db):
    # A coordinator knows neither count: D2's "<10" takes D1's 40 with it ("–"), and the
    # region's 44 gives only their sum.
    data = run(withheld_db, "DUO")
    assert not data.region_withheld
    assert data.region_rate == pytest.approx(11.0) and data.total_referrals == 44
    assert table_row(data, "Praktijk Duo-een")["observed"] == "–"
    assert table_row(data, "Praktijk Duo-twee")["expected"] == pytest.approx(33.0)
    assert set(data.destinations["group"]) == {"region"}
    assert data.opportunity is not None


def test_gp_of_a_region_with_enough_practices(withheld_db):
    data = run(withheld_db, "TRI", practice="T1")
    # T2's "<10" takes T3's 20 with it ("–"): the region's 64 minus the GP's 40 is T2 + T3.
    assert not data.region_withheld
    assert table_row(data, "Praktijk Tri-drie")["observed"] == "–"
    # 64 / 5000 x 1000 = 12.8 per 1,000; T2's E 3000 x 0.0128 = 38.4 stays.
    assert data.region_rate == pytest.approx(12.8) and data.total_referrals == 64
    assert table_row(data, "Praktijk Tri-twee")["expected"] == pytest.approx(38.4)
    assert data.phi is not None
    assert data.funnel_lines["x"].max() == pytest.approx(38.4 * 1.08)
    assert set(data.trend["series"]) == {"own", "region"}
    assert set(data.destinations["group"]) == {"own", "region"}
    assert data.opportunity is not None and data.opportunity.hospital_referrals == 54


def test_region_of_one_practice(withheld_db):
    # Regio Uno compares U1 alone (5 referrals, "<10"): the region's total is U1's count and
    # its expected count (E = O with one practice) too.
    data = run(withheld_db, "UNO")
    assert data.region_withheld
    assert data.region_rate is None and data.total_referrals is None
    assert math.isnan(table_row(data, "Praktijk Uno")["expected"])
    assert data.funnel_points.empty and data.funnel_lines.empty
    assert data.destinations.empty
    assert data.destinations_note.startswith("De regio ontbreekt")
    assert data.opportunity is None
    # The region's quarters are U1's own (3 in Q1, 2 in Q4): suppressed as small counts.
    assert list(data.trend["referrals"]) == ["<10", 0, 0, "<10"]

