"""Directly standardised rates against PHEindicatormethods' test data and hand arithmetic."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from dashboard.stats import direct_standardise, rate_ci
from tests.peers import read_peer

PHE_COLUMNS = dict(strata="ageband", unit_col="area", population_col="pop",
                   events_col="count")


def _multiarea():
    data = read_peer("phe_dsr_multiarea.csv")
    return data.assign(count=data["count"].fillna(0))  # calculate_dsr's na.zero


def _expected(per):
    expected = read_peer("phe_dsr_expected.csv")
    return expected[expected["statistic"].str.endswith(f"per {per}")
                    | expected["value"].isna()].set_index("area")


@pytest.mark.parametrize("per", [10000, 100000])
def test_dobson_with_byars_matches_phe_to_the_digit(per):
    expected = _expected(per)
    for level, low, high in ((0.95, "lower95_0cl", "upper95_0cl"),
                             (0.998, "lower99_8cl", "upper99_8cl")):
        out = direct_standardise(_multiarea(), standard_col="esp2013", per=per, level=level,
                                 poisson_limits="byars", **PHE_COLUMNS).set_index("area")
        for area in ("testdata_big", "testdata_small"):
            row = expected.loc[area]
            assert out.loc[area, "observed"] == row["total_count"]
            assert out.loc[area, "population"] == row["total_pop"]
            assert out.loc[area, "dsr"] == pytest.approx(row["value"], rel=1e-9)
            assert out.loc[area, "low"] == pytest.approx(row[low], rel=1e-9)
            assert out.loc[area, "high"] == pytest.approx(row[high], rel=1e-9)
        # fewer than 10 events: no DSR, as calculate_dsr
        assert out.loc["testdata_tiny", "observed"] == 9
        assert np.isnan(out.loc["testdata_tiny", ["dsr", "low", "high"]].astype(float)).all()


def test_dobson_with_the_1976_standard_matches_phe():
    data = read_peer("phe_dsr_1976.csv").assign(area="testdata_1976")
    out = direct_standardise(data, standard_col="esp1976", per=100000, poisson_limits="byars",
                             **PHE_COLUMNS).iloc[0]
    row = _expected(100000).loc["testdata_1976"]
    assert (out["dsr"], out["low"], out["high"]) == pytest.approx(
        (row["value"], row["lower95_0cl"], row["upper95_0cl"]), rel=1e-9)


def test_exact_poisson_limits_differ_from_byars_by_less_than_a_tenth_of_a_percent():
    expected = _expected(10000)
    out = direct_standardise(_multiarea(), standard_col="esp2013", per=10000,
                             **PHE_COLUMNS).set_index("area")
    for area in ("testdata_big", "testdata_small"):
        assert out.loc[area, "low"] == pytest.approx(expected.loc[area, "lower95_0cl"], rel=1e-3)
        assert out.loc[area, "high"] == pytest.approx(expected.loc[area, "upper95_0cl"],
                                                      rel=1e-3)


def test_dobson_by_hand_with_a_separate_standard_table():
    # Two strata, standard 3:1. Unit A: 20/1000 and 30/500 -> DSR = (3 x 0.02 + 0.06) / 4.
    units = pd.DataFrame({"unit": ["A", "A"], "age_band": ["young", "old"],
                          "population": [1000.0, 500.0], "observed": [20, 30]})
    standard = pd.DataFrame({"age_band": ["young", "old"], "standard_population": [3, 1]})
    out = direct_standardise(units, standard, strata="age_band", min_events=0).iloc[0]
    dsr = (0.75 * 0.02 + 0.25 * 0.06)
    variance = 0.75**2 * 20 / 1000**2 + 0.25**2 * 30 / 500**2
    low, high = rate_ci(50, 1.0)
    assert out["dsr"] == pytest.approx(dsr * 1000)
    assert out["variance"] == pytest.approx(variance * 1e6)
    assert out["low"] == pytest.approx((dsr + math.sqrt(variance / 50) * (low - 50)) * 1000)
    assert out["high"] == pytest.approx((dsr + math.sqrt(variance / 50) * (high - 50)) * 1000)
    assert out["crude_rate"] == pytest.approx(50 / 1500 * 1000)


def test_fay_feuer_with_one_stratum_is_the_exact_poisson_interval():
    # Fay & Feuer 1997, section 3: with a single stratum the gamma interval is Garwood's.
    for count in (0, 3, 12, 250):
        units = pd.DataFrame({"unit": ["u"], "age_band": ["all"], "population": [800.0],
                              "observed": [count]})
        out = direct_standardise(units, strata="age_band", method="fay_feuer",
                                 min_events=0).iloc[0]
        low, high = rate_ci(count, 800.0)
        assert out["low"] == pytest.approx(low * 1000, abs=1e-12)
        assert out["high"] == pytest.approx(high * 1000)


def test_fay_feuer_by_hand_with_two_strata():
    units = pd.DataFrame({"unit": ["A", "A"], "age_band": ["young", "old"],
                          "population": [1000.0, 500.0], "observed": [20, 30]})
    standard = pd.DataFrame({"age_band": ["young", "old"], "standard_population": [3, 1]})
    out = direct_standardise(units, standard, strata="age_band", method="fay_feuer").iloc[0]
    y = 0.75 * 0.02 + 0.25 * 0.06
    v = 0.75**2 * 20 / 1000**2 + 0.25**2 * 30 / 500**2
    w_max = max(0.75 / 1000, 0.25 / 500)
    low = v / (2 * y) * stats.chi2.ppf(0.025, 2 * y**2 / v)
    high = (v + w_max**2) / (2 * (y + w_max)) * stats.chi2.ppf(
        0.975, 2 * (y + w_max) ** 2 / (v + w_max**2))
    assert (out["low"], out["high"]) == pytest.approx((low * 1000, high * 1000))


def test_internal_standard_gives_the_pooled_crude_rate():
    units = pd.DataFrame({
        "unit": ["A", "A", "B", "B"], "age_band": ["young", "old"] * 2,
        "population": [900.0, 100.0, 400.0, 600.0], "observed": [9, 5, 4, 30],
    })
    out = direct_standardise(units, strata="age_band").set_index("unit")
    # Standard 1300 young, 700 old; A: (1300 x 0.01 + 700 x 0.05) / 2000 = 24 per 1,000
    assert out.loc["A", "dsr"] == pytest.approx((1300 * 0.01 + 700 * 0.05) / 2000 * 1000)
    assert out.loc["B", "dsr"] == pytest.approx(24.0)  # B has the same stratum rates
    assert out.loc["A", "crude_rate"] == pytest.approx(14.0)  # younger than the standard


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda u: u.assign(observed=[1.5, 2, 3, 4]), "whole numbers"),
        (lambda u: u.assign(population=[0.0, 100, 400, 600]), "no population for a stratum"),
        (lambda u: u.iloc[1:], "no population for a stratum of the standard: ['A', 'young']"),
        (lambda u: pd.concat([u, u.iloc[:1]]), "more than once"),
    ],
)
def test_errors_name_the_problem(change, message):
    units = pd.DataFrame({
        "unit": ["A", "A", "B", "B"], "age_band": ["young", "old"] * 2,
        "population": [900.0, 100.0, 400.0, 600.0], "observed": [9, 5, 4, 30],
    })
    standard = pd.DataFrame({"age_band": ["young", "old"], "standard_population": [1, 1]})
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        direct_standardise(change(units), standard, strata="age_band")
    with pytest.raises(ValueError, match="method must be one of"):
        direct_standardise(units, standard, strata="age_band", method="gamma")
