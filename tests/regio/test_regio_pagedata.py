"""Regio-vergelijking page data against hand calculations on tests/regio_dataset.py.

Expected intervals are worked out here from their textbook formulas (Garwood's chi-square form
for Poisson counts, Wilson's closed form, Student's t, order statistics), not by the code's
functions; the significance of the trends from the binomial and Welch formulas directly.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from dashboard.pagedata import regiovergelijking as rv
from tests.regio_dataset import FORBIDDEN

Z = 1.959963984540054


def poisson(count: int, exposure: float) -> tuple[float, float]:
    """Garwood: [chi2(0.025; 2x) / 2, chi2(0.975; 2x + 2) / 2] per 1,000 of exposure."""
    return (
        stats.chi2.ppf(0.025, 2 * count) / 2 / exposure * 1000,
        stats.chi2.ppf(0.975, 2 * count + 2) / 2 / exposure * 1000,
    )


def wilson(x: int, n: int) -> tuple[float, float]:
    p = x / n
    centre = p + Z**2 / (2 * n)
    half = Z * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n * n))
    return (centre - half) / (1 + Z**2 / n), (centre + half) / (1 + Z**2 / n)


@pytest.fixture
def data(regio_db):
    return rv.regiovergelijking(regio_db)


def cell(data, row, region):
    table = data.table
    found = table[(table["row"] == row) & (table["region"] == region)]
    assert len(found) == 1, (row, region)
    return found.iloc[0]


def test_years_and_default(data):
    assert data.years == [2024, 2023]
    assert data.year == 2024
    assert set(data.table["region"]) == {"ALF", "BET", "GAM", "ALL"}
    assert len(data.table) == len(rv.ROWS) * 4


def test_referral_rates_with_poisson_intervals(data):
    # ALF 2024: 60 referrals a month = 720 on 10,000 person-years (a whole leap year).
    alf = cell(data, "VERW_CARD", "ALF")
    assert alf["numerator"] == 720 and alf["denominator"] == pytest.approx(10_000)
    assert alf["value"] == pytest.approx(72.0)
    low, high = poisson(720, 10_000)
    assert (alf["low"], alf["high"]) == (pytest.approx(low), pytest.approx(high))
    # All regions: (720 + 600 + 123) / 25,000 person-years.
    bench = cell(data, "VERW_CARD", "ALL")
    assert bench["value"] == pytest.approx(1443 / 25_000 * 1000)
    assert alf["benchmark"] == pytest.approx(57.72)
    assert alf["label"] == f"72,0 ({low:.1f}–{high:.1f}) ↑".replace(".", ",")


def test_significance_against_benchmark_follows_the_direction(data):
    # VERW_CARD has no preferred direction: higher / similar / lower.
    assert cell(data, "VERW_CARD", "ALF")["comparison"] == "higher"  # 66,8-77,5 > 57,7
    assert cell(data, "VERW_CARD", "BET")["comparison"] == "similar"  # 55,3-65,0 holds 57,7
    assert cell(data, "VERW_CARD", "GAM")["comparison"] == "lower"  # 24,6 per 1.000
    # VERW_ZH: lower is better. Benchmark 960 / 25,000 = 38,4 per 1.000.
    assert cell(data, "VERW_ZH", "ALL")["value"] == pytest.approx(38.4)
    low, high = poisson(360, 10_000)
    assert low < 38.4 < high
    assert cell(data, "VERW_ZH", "ALF")["comparison"] == "similar"
    assert poisson(480, 10_000)[0] > 38.4
    assert cell(data, "VERW_ZH", "BET")["comparison"] == "worse"
    assert poisson(120, 5_000)[1] < 38.4
    assert cell(data, "VERW_ZH", "GAM")["comparison"] == "better"


def test_proportions_with_wilson_intervals_and_colours(data):
    # RTA_CONFORM (higher is better): ALF 576/720, BET 540/600, GAM 123/123; all 1239/1443.
    alf = cell(data, "RTA_CONFORM", "ALF")
    assert alf["value"] == pytest.approx(0.8)
    assert (alf["low"], alf["high"]) == tuple(pytest.approx(v) for v in wilson(576, 720))
    assert alf["benchmark"] == pytest.approx(1239 / 1443)
    assert wilson(576, 720)[1] < 1239 / 1443 and alf["comparison"] == "worse"
    assert wilson(540, 600)[0] > 1239 / 1443
    assert cell(data, "RTA_CONFORM", "BET")["comparison"] == "better"
    gam = cell(data, "RTA_CONFORM", "GAM")
    assert gam["value"] == 1.0 and gam["high"] == 1.0 and gam["comparison"] == "better"
    cells, colours, rows = data.wide()
    line = rows.index("RTA_CONFORM")
    assert colours.loc[line, "Regio Alfa"] == "background-color: #fdae6b"  # worse
    assert colours.loc[line, "Regio Beta"] == "background-color: #9ecae1"  # better
    low, high = wilson(576, 720)  # 0.7695 and 0.8276
    assert cells.loc[line, "Regio Alfa"] == f"80,0% ({low:.1%}–{high:.1%}) →".replace(".", ",")


def test_small_numbers_are_hidden_and_grey(data):
    # GAM sent 3 referrals to anderhalvelijn/e-consult in 2024: fewer than 10.
    gam = cell(data, "ALV_AANDEEL", "GAM")
    assert gam["suppressed"] and pd.isna(gam["value"]) and pd.isna(gam["numerator"])
    assert gam["comparison"] == "not_compared" and gam["reason"] == "small"
    assert gam["label"] == "<10"
    # Five patient scores in GAM: the mean is hidden too.
    assert cell(data, "TEVREDENHEID", "GAM")["label"] == "<10"
    cells, colours, rows = data.wide()
    line = rows.index("ALV_AANDEEL")
    assert cells.loc[line, "Regio Gamma"] == "<10"
    assert colours.loc[line, "Regio Gamma"] == "background-color: #e0e0e0"


def test_trend_arrows_from_a_significance_test(data):
    # ALF VERW_CARD: 600 (2023) -> 720 (2024) on equal person-years. Conditional on the
    # 1,320 together, 720 is Binomial(1320, 1/2) under no change: two-sided p from the tails.
    p = 2 * stats.binom.sf(719, 1320, 0.5)
    alf = cell(data, "VERW_CARD", "ALF")
    assert alf["trend_p"] == pytest.approx(p, rel=1e-6) and p < 0.05
    assert alf["trend"] == "up" and alf["trend_assessment"] == "higher"
    # ALF anderhalvelijn share 240/600 -> 360/720: up and better (higher is better).
    share = cell(data, "ALV_AANDEEL", "ALF")
    assert share["previous_value"] == pytest.approx(0.4) and share["value"] == pytest.approx(0.5)
    assert share["trend"] == "up" and share["trend_assessment"] == "better"
    # BET: the same numbers both years: a flat arrow, no change.
    bet = cell(data, "VERW_ZH", "BET")
    assert bet["change"] == 0 and bet["trend"] == "flat" and bet["trend_assessment"] == "no_change"
    # GAM has no 2023: no arrow.
    assert pd.isna(cell(data, "VERW_CARD", "GAM")["trend"])
    # Costs: ALF care cost per patient 150 -> 166,67; the direction only, not tested.
    cost = cell(data, "KOSTEN_PP", "ALF")
    assert cost["previous_value"] == pytest.approx(150.0)
    assert cost["trend"] == "up" and cost["trend_assessment"] == "not_tested"


def test_means_with_t_intervals(data):
    # BET: 20 scores, mean 7, sd 1. (ALF's 20 are hidden to protect GAM's 5: see below.)
    bet = cell(data, "TEVREDENHEID", "BET")
    half = stats.t.ppf(0.975, 19) * 1 / math.sqrt(20)
    assert bet["value"] == pytest.approx(7.0)
    assert (bet["low"], bet["high"]) == (pytest.approx(7 - half), pytest.approx(7 + half))
    pooled = (160 + 140 + 30) / 45
    assert bet["benchmark"] == pytest.approx(pooled)
    assert bet["comparison"] == "similar"  # 6,53-7,47 holds 7,33


def test_a_region_that_would_give_a_small_count_away_is_hidden_too(data):
    # GAM has 5 scores (small). The benchmark pools 45 scores with sum 330: with ALF and BET
    # shown, GAM's 5 and their sum 30 would follow by subtraction. So the smallest other
    # region (ALF and BET both 20: the first) is hidden as well; a viewer learns only that
    # ALF and GAM have 25 scores together.
    assert cell(data, "TEVREDENHEID", "GAM")["reason"] == "small"
    alf = cell(data, "TEVREDENHEID", "ALF")
    assert alf["suppressed"] and pd.isna(alf["value"]) and pd.isna(alf["denominator"])
    assert alf["comparison"] == "not_compared" and alf["reason"] == "complement"
    assert alf["label"] == "–"  # not "<10": ALF's own numbers are not small
    assert not cell(data, "TEVREDENHEID", "ALL")["suppressed"]
    # GAM's 3 of 123 to anderhalvelijn or e-consult: the complement is the region with fewer
    # referrals, BET (600 against ALF's 720).
    assert cell(data, "ALV_AANDEEL", "BET")["reason"] == "complement"
    assert not cell(data, "ALV_AANDEEL", "ALF")["suppressed"]
    # Where no region is small, nothing is hidden.
    assert not cell(data, "VERW_CARD", "ALF")["suppressed"]
    assert not cell(data, "VERW_CARD", "BET")["suppressed"]
    # 2023: GAM has no data, ALF and BET are shown; their previous values give the changes.
    assert cell(data, "VERW_CARD", "BET")["previous_value"] == pytest.approx(60.0)


def test_trend_points_that_would_give_a_small_count_away_are_left_out(data):
    # Per month the benchmark pools the regions too. TEVREDENHEID (March 2024): GAM's 5
    # scores are small and ALF (first of the two with 20) goes with them; BET stays.
    detail = rv.indicator_detail(data, "TEVREDENHEID", "month")
    regions = set(detail.trend.loc[~detail.trend["is_benchmark"], "region"])
    assert regions == {"BET"}
    assert detail.hidden_points == 2
    # ALV_AANDEEL in January 2024: GAM's 3 e-consults hide BET's January point as well
    # (600 / 12 = 50 referrals that month against ALF's 60).
    share = rv.indicator_detail(data, "ALV_AANDEEL", "month").trend
    january = share[share["period"] == pd.Timestamp("2024-01-01")]
    assert set(january["region"]) == {"ALF", "ALL"}


def test_median_waiting_time_with_order_statistic_interval(data):
    # ALF: 6 x 10 and 6 x 20 days: median 15; n = 12 gives ranks 3 and 10 (P(B <= 2) = 0.019).
    assert stats.binom.cdf(2, 12, 0.5) <= 0.025 < stats.binom.cdf(3, 12, 0.5)
    alf = cell(data, "WACHTTIJD", "ALF")
    assert (alf["value"], alf["low"], alf["high"]) == (15.0, 10.0, 20.0)
    # All regions: 6 x 10, 6 x 20, 12 x 30 (the November month lacks follow-up): median 25.
    assert alf["benchmark"] == 25.0
    assert alf["comparison"] == "better"  # 10-20 below 25, lower is better
    assert cell(data, "WACHTTIJD", "BET")["comparison"] == "worse"  # 30-30 above 25
    within = cell(data, "WACHTTIJD_4W", "ALF")
    assert within["value"] == 1.0 and within["months"] == 1
    cells, _, rows = data.wide()
    assert cells.loc[rows.index("WACHTTIJD"), "Periode"] == "2024 (1 mnd)"


def test_costs_per_patient_and_inhabitant_are_not_compared(data):
    alf_pp = cell(data, "KOSTEN_PP", "ALF")
    assert alf_pp["value"] == pytest.approx(120_000 / 720)  # care costs only
    assert alf_pp["benchmark"] == pytest.approx(180_000 / 1320)
    assert alf_pp["comparison"] == "not_compared" and alf_pp["reason"] == "no_interval"
    alf_inw = cell(data, "KOSTEN_INW", "ALF")
    assert alf_inw["value"] == pytest.approx(7.0)  # (120,000 + 20,000) / 20,000
    assert cell(data, "KOSTEN_INW", "ALL")["value"] == pytest.approx(5.0)
    assert alf_inw["previous_value"] == pytest.approx(4.5)  # 90,000 / 20,000 in 2023
    assert alf_inw["label"] == "€ 7,00 ↑"
    cells, colours, rows = data.wide()
    assert colours.loc[rows.index("KOSTEN_INW"), "Regio Alfa"] == "background-color: #e0e0e0"


def test_heart_failure_admissions_per_inhabitant(data):
    alf = cell(data, "OPNAME_HF", "ALF")
    assert alf["value"] == pytest.approx(120 / 16_000 * 1000)
    assert (alf["low"], alf["high"]) == tuple(pytest.approx(v) for v in poisson(120, 16_000))
    assert alf["comparison"] == "worse"  # 6,2-9,0 above the benchmark 5,625
    assert cell(data, "OPNAME_HF", "ALL")["value"] == pytest.approx(5.625)
    assert cell(data, "OPNAME_HF", "BET")["comparison"] == "better"


def test_english_labels(regio_db):
    data = rv.regiovergelijking(regio_db, lang="en")
    cells, _, rows = data.wide()
    assert cells.loc[rows.index("VERW_CARD"), "Regio Alfa"].startswith("72.0 (")
    assert "All regions (benchmark)" in cells.columns
    assert cells.loc[rows.index("WACHTTIJD_4W"), "Indicator"] == (
        "Waiting time to first consult: within 4 weeks"
    )


def test_earlier_year(regio_db):
    data = rv.regiovergelijking(regio_db, year=2023)
    assert data.year == 2023
    alf = cell(data, "VERW_CARD", "ALF")
    assert alf["value"] == pytest.approx(60.0) and pd.isna(alf["trend"])


def test_trend_detail_per_month_and_year(data):
    detail = rv.indicator_detail(data, "VERW_ZH", "month")
    alf = detail.trend[detail.trend["region"] == "ALF"]
    assert len(alf) == 24  # Jan 2023 - Dec 2024
    january = alf[alf["period"] == pd.Timestamp("2024-01-01")].iloc[0]
    # 30 referrals on 10,000 x 31/366 person-years.
    assert january["value"] == pytest.approx(30 / (10_000 * 31 / 366) * 1000)
    yearly = rv.indicator_detail(data, "VERW_ZH", "year").trend
    bench = yearly[yearly["is_benchmark"]].set_index("period")["value"]
    assert bench[2023] == pytest.approx((360 + 480) / 20_000 * 1000)
    assert bench[2024] == pytest.approx(38.4)
    # Yearly-only indicators stay yearly.
    assert rv.indicator_detail(data, "KOSTEN_INW", "month").frequency == "year"


def test_funnel_across_regions(data):
    detail = rv.indicator_detail(data, "VERW_ZH")
    assert detail.funnel_kind == "ratio" and detail.funnel_target == pytest.approx(38.4)
    points = detail.funnel_points.set_index("region_name")
    # Expected hospital referrals at the benchmark rate: 10,000 x 0.0384 = 384 for ALF.
    assert points.loc["Regio Alfa", "x"] == pytest.approx(384.0)
    assert points.loc["Regio Alfa", "y"] == pytest.approx(36.0)
    # BET: 480 observed against 384 expected lies above the exact 99.8% Poisson limit.
    assert stats.poisson.sf(479, 384) < 0.001
    assert points.loc["Regio Beta", "signal"] == "high_998"
    assert not detail.funnel_lines.empty
    # A median and costs have no funnel.
    assert rv.indicator_detail(data, "WACHTTIJD", "year").funnel_kind is None
    assert rv.indicator_detail(data, "KOSTEN_PP").funnel_kind is None
    mean = rv.indicator_detail(data, "TEVREDENHEID")
    # GAM is small and ALF hidden with it (the complement): only BET is a point.
    assert mean.funnel_kind == "mean" and set(mean.funnel_points["region_name"]) == {
        "Regio Beta"}


def test_no_practice_appears_in_any_frame(data):
    frames = [data.table, *data.wide()[:2], data.monthly]
    for row in ("VERW_CARD", "ALV_AANDEEL", "WACHTTIJD", "TEVREDENHEID"):
        detail = rv.indicator_detail(data, row, "year")
        frames += [detail.trend, detail.funnel_points]
    text = "\n".join(frame.to_csv() for frame in frames)
    for forbidden in FORBIDDEN:
        assert forbidden not in text


def test_empty_database(isolated_db):
    data = rv.regiovergelijking(isolated_db)
    assert data.year is None and not data.has_data and data.table.empty


def test_median_trend_per_month_needs_the_monthly_histogram(regio_db, data):
    from dashboard.queries import regiovergelijking as queries

    assert rv.needs_month_histogram("WACHTTIJD", "month")
    histogram = queries.wait_histogram(regio_db, data.cutoffs, by="month")
    # BET's November 2024 lacks 13 weeks of follow-up at 31-12-2024.
    assert set(histogram["month"]) == {pd.Timestamp("2024-01-01")}
    detail = rv.indicator_detail(data, "WACHTTIJD", "month", histogram)
    alf = detail.trend[detail.trend["region"] == "ALF"].iloc[0]
    assert (alf["value"], alf["low"], alf["high"]) == (15.0, 10.0, 20.0)
    assert np.isclose(detail.trend[detail.trend["is_benchmark"]]["value"].iloc[0], 25.0)
