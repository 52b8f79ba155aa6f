"""dashboard.pagedata.anderhalvelijn on the hand-made dataset of tests/support_anderhalvelijn.py.

Expected values are worked out by hand in the comments; Wilson limits come from the closed form
below (Newcombe 1998, method 3), written out here so the test does not lean on statsmodels.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from dashboard.pagedata.anderhalvelijn import anderhalvelijn, follow_up_until
from tests.support_anderhalvelijn import fill_anderhalvelijn_dataset

Z = 1.959963984540054


def wilson(x: int, n: int) -> tuple[float, float]:
    p = x / n
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2)) / (1 + Z**2 / n)
    return centre - half, centre + half


@pytest.fixture
def alv_db(isolated_db):
    fill_anderhalvelijn_dataset(isolated_db)
    return isolated_db


def by(frame, **where):
    mask = True
    for column, value in where.items():
        mask = mask & (frame[column] == value)
    rows = frame[mask]
    assert len(rows) == 1, (where, rows)
    return rows.iloc[0]


def test_follow_up_cut_off():
    # 2025-05-31 + 182 days = 2025-11-29 <= 2025-12-20; June would need 2025-12-29.
    assert follow_up_until(date(2025, 12, 20)) == date(2025, 5, 1)
    assert follow_up_until(date(2025, 12, 31)) == date(2025, 6, 1)
    assert follow_up_until(date(2025, 2, 14)) == date(2024, 7, 1)
    assert follow_up_until(None) is None


def test_uptake_per_region_month_and_practice(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "rolling12")
    assert (data.period.start, data.period.end) == (date(2025, 1, 1), date(2025, 12, 1))

    # 2025: hospital 20 + 40 + 12 = 72; anderhalvelijn 60 + 40 + 10 = 110; e-consult 10 + 3.
    region = by(data.share_by_region, region="NRD")
    assert (region["referrals"], region["alv"], region["hospital"]) == (195, 123, 72)
    assert region["share"] == pytest.approx(123 / 195)
    assert (region["share_low"], region["share_high"]) == pytest.approx(wilson(123, 195))

    months = data.share_chart.set_index(data.share_chart["month"].dt.month)
    assert list(months.index) == [1, 2, 12]
    assert list(months["referrals"]) == [132, 53, 10]
    assert list(months["alv"]) == [60, 53, 10]
    assert months.loc[1, "share"] == pytest.approx(60 / 132)
    assert (months.loc[1, "share_low"], months.loc[1, "share_high"]) == pytest.approx(
        wilson(60, 132)
    )
    assert months.loc[2, "share_high"] == 1.0
    assert data.share_hidden_points == 0

    practices = data.practices.set_index("display_name")
    assert list(practices.index) == ["Praktijk A", "Praktijk B", "Praktijk C"]
    assert "Huisartsen Aalst" not in data.practices.to_string()  # never the practice's name
    a, b, c = (practices.loc[f"Praktijk {x}"] for x in "ABC")
    assert (a["referrals"], a["alv"], a["hospital"], a["share"]) == (90, 70, 20, 70 / 90)
    # Praktijk C sent 3 to e-consult: a count below 10, so its share and funnel place go too,
    # and its 12 to hospital (15 - 12 = 3). The region's totals are on the page, so with only
    # C hidden, 123 - 70 - 50 = 3 would still give it away: B (the smaller alv of A and B)
    # loses its alv and, as referrals = hospital + alv, its hospital; the hospital column then
    # has two hidden cells (B, C) as well.
    assert (b["referrals"], b["alv"], b["hospital"]) == (90, "–", "–")
    assert math.isnan(b["share"]) and b["suppressed"]
    assert (c["referrals"], c["alv"], c["hospital"]) == (15, "<10", "–")
    assert math.isnan(c["share"]) and c["suppressed"]
    assert not isinstance(c["signal_label"], str)


def test_funnel_around_the_regional_share(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "rolling12")
    # Target 123/195 = 63.1%. Exact binomial tails (scipy, by hand): Praktijk A 70/90 has
    # P(X >= 70) = 0.0020: above the 95% limit (0.025) but not the 99.8% one (0.001);
    # Praktijk C is hidden (small count), and B with it (its counts protect C's).
    points = data.funnel_chart.set_index("display_name")
    assert list(points.index) == ["Praktijk A"]
    assert list(points["signal"]) == ["high_95"]
    assert list(points["signal_label"]) == ["Boven de 95%-grens"]
    assert data.funnel_hidden == 2
    lines = data.funnel_lines
    assert list(lines["target"].unique()) == pytest.approx([123 / 195])
    assert lines["precision"].max() >= 90


def test_resolved_within_six_months_and_flow(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "rolling12")
    # Referral months up to May 2025 have 6 months of follow-up: January (60 episodes, 50
    # resolved) and February (40, 34); the 10 December episodes are still open.
    row = by(data.resolved, destination="anderhalvelijn")
    assert (row["followed_episodes"], row["resolved"], row["to_hospital"], row["open"]) == (
        100, 84, 16, 10)
    assert row["share"] == pytest.approx(0.84)
    assert (row["share_low"], row["share_high"]) == pytest.approx(wilson(84, 100))
    assert row["follow_up_until"] == date(2025, 5, 1)
    # E-consult: 13 followed, 11 resolved, 2 to hospital: the 2 is suppressed with the share.
    econsult = by(data.resolved, destination="econsult")
    assert econsult["to_hospital"] == "<10" and math.isnan(econsult["share"])

    head = data.headline
    assert (head["followed"], head["resolved"]) == (100, 84)
    assert head["resolved_share"] == pytest.approx(0.84)
    assert data.open_episodes == 10

    flow = data.flow_chart.set_index("outcome")
    assert set(data.flow_chart["destination"]) == {"anderhalvelijn"}
    assert list(flow["episodes"]) == [84, 16, 10]
    assert list(flow["share"]) == pytest.approx([84 / 110, 16 / 110, 10 / 110])
    assert data.flow_hidden == ["E-consult"]


def test_waits_satisfaction_and_cost_per_setting(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "rolling12")
    # Anderhalvelijn 2025 waits: 5 d x6, 7 x20, 10 x25, 14 x30, 30 x15, 35 x10 = 106 first
    # consults; the 53rd and 54th are both 14 days; within 28 days 6 + 20 + 25 + 30 = 81.
    waits = data.waits_chart.set_index("setting")
    assert waits.loc["anderhalvelijn", "median_days"] == 14
    assert waits.loc["anderhalvelijn", "episodes"] == 106
    assert waits.loc["anderhalvelijn", "share"] == pytest.approx(81 / 106)
    # Hospital: 20 d x30 and 40 d x42 -> median (36th and 37th) 40, within 30 of 72.
    assert waits.loc["ziekenhuis", "median_days"] == 40
    assert waits.loc["ziekenhuis", "share"] == pytest.approx(30 / 72)
    assert waits.loc["econsult", "median_days"] == 1
    assert list(waits.index) == ["ziekenhuis", "anderhalvelijn", "econsult"]
    assert data.headline["wait_median"] == 14
    assert data.headline["wait_within"] == pytest.approx(81 / 106)

    # Satisfaction: five 8s and five 9s -> mean 8.5, s^2 = (725 - 722.5) / 9, t(0.975, 9)
    # = 2.2622 -> 8.5 +/- 2.2622 x sqrt(0.27778 / 10) = 8.5 +/- 0.3770.
    satisfaction = data.satisfaction_chart.set_index("setting")
    assert satisfaction.loc["anderhalvelijn", "mean"] == pytest.approx(8.5)
    assert satisfaction.loc["anderhalvelijn", "mean_low"] == pytest.approx(8.1230, abs=1e-4)
    assert satisfaction.loc["anderhalvelijn", "mean_high"] == pytest.approx(8.8770, abs=1e-4)
    assert tuple(satisfaction.loc["ziekenhuis", ["mean", "mean_low", "mean_high"]]) == (
        pytest.approx(7.0), pytest.approx(7.0), pytest.approx(7.0))
    assert "econsult" not in satisfaction.index  # 4 responses: too few to show
    assert by(data.satisfaction, setting="econsult")["responses"] == "<10"

    # Cost: anderhalvelijn care 20,000 + 12,000 over 110 referred patients; hospital the
    # whole-year 120,000 over 72 (coordination costs are not care and stay out).
    costs = data.costs_chart.set_index("setting")
    assert costs.loc["anderhalvelijn", "per_patient"] == pytest.approx(32_000 / 110)
    assert costs.loc["ziekenhuis", "per_patient"] == pytest.approx(120_000 / 72)
    assert "econsult" not in costs.index  # no cost recorded
    assert math.isnan(by(data.costs, setting="econsult")["per_patient"])


def test_whole_range_and_a_partial_year(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "all")
    assert (data.period.start, data.period.end) == (date(2024, 12, 1), date(2025, 12, 1))
    assert data.headline["referrals"] == 220
    # Hospital cost: December 2024 30,000 + 2025 120,000 over 25 + 72 patients.
    costs = data.costs_chart.set_index("setting")
    assert costs.loc["ziekenhuis", "per_patient"] == pytest.approx(150_000 / 97)

    year = anderhalvelijn(alv_db, "NRD", "2024")
    assert not year.period.complete
    # 0 of 25: the Wilson interval runs from exactly 0 to z^2 / (n + z^2) = 13.3%.
    assert year.headline["share"] == 0
    assert year.headline["share_high"] == pytest.approx(Z**2 / (25 + Z**2))
    assert year.flow_chart.empty and year.headline["resolved_share"] is None


def test_condition_filter(alv_db):
    data = anderhalvelijn(alv_db, "NRD", "rolling12", "af")
    # AF: e-consult 10 (P1), hospital 40 and anderhalvelijn 40 (P2).
    assert (data.headline["referrals"], data.headline["alv"]) == (90, 50)
    assert data.headline["share"] == pytest.approx(50 / 90)
    # AF anderhalvelijn: 40 followed, 34 resolved, 6 to hospital: too small to show.
    assert data.headline["resolved_share"] is None
    assert by(data.resolved, destination="anderhalvelijn")["to_hospital"] == "<10"
    # Waits are not recorded per condition: the same as without the filter.
    assert by(data.waits_chart, setting="anderhalvelijn")["episodes"] == 106


def test_region_without_anderhalvelijn(alv_db):
    data = anderhalvelijn(alv_db, "ZD", "rolling12")
    assert data.without_anderhalvelijn == ["Regio Zuid"]
    assert not data.anderhalvelijn_in_scope
    # Zuid's data run from January to February 2025.
    assert (data.period.start, data.period.end) == (date(2025, 1, 1), date(2025, 2, 1))
    assert data.headline["share"] == pytest.approx(12 / 62)
    # Data date 2025-02-14: no month has 6 months of follow-up, all 12 e-consults are open.
    flow = data.flow_chart.set_index("outcome")
    assert list(flow["episodes"]) == [0, 0, 12]
    # The whole-year 60,000 counts for 2 of 12 months: 10,000 over 50 hospital patients.
    assert by(data.costs_chart, setting="ziekenhuis")["per_patient"] == pytest.approx(200)
    assert anderhalvelijn(alv_db, "ZD", "2024").has_data is False


def test_all_regions(alv_db):
    data = anderhalvelijn(alv_db, None, "rolling12")
    assert list(data.share_by_region["region"]) == ["NRD", "ZD"]
    assert data.headline["share"] == pytest.approx(135 / 257)
    assert data.without_anderhalvelijn == ["Regio Zuid"]
    assert data.anderhalvelijn_in_scope
    # Each region has its own funnel around its own share; Zuid's one practice sits on it.
    assert set(data.funnel_lines["region_name"]) == {"Regio Noord", "Regio Zuid"}
    assert by(data.funnel_chart, display_name="Praktijk D")["signal"] == "within"


def test_empty_database_and_unknown_region(isolated_db):
    assert anderhalvelijn(isolated_db).has_data is False
    with pytest.raises(ValueError, match="unknown region 'XX'"):
        anderhalvelijn(isolated_db, "XX")
