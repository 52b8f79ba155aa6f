"""Segmented regression checked against numpy least squares and a hand-built Newey-West."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from dashboard.stats import its_effect
from dashboard.stats.its import newey_west_lags

DATES = pd.date_range("2021-01-01", periods=36, freq="MS")
CUT = "2022-07-01"  # position 18


def _series(seed=3, seasonal_amp=0.0):
    rng = np.random.default_rng(seed)
    t = np.arange(36)
    post = t >= 18
    season = seasonal_amp * np.sin(2 * np.pi * (DATES.month.to_numpy() - 1) / 12)
    return 20 + 0.1 * t - 3 * post - 0.2 * np.where(post, t - 18, 0) + season + rng.normal(
        0, 0.6, 36
    )


def _design(n=36, start=18):
    t = np.arange(n, dtype=float)
    post = (t >= start).astype(float)
    return np.column_stack([np.ones(n), t, post, np.where(post == 1, t - start, 0.0)])


def test_noise_free_series_recovers_level_and_slope_change():
    t = np.arange(36)
    y = 50 + 0.5 * t + np.where(t >= 18, -4 + 0.25 * (t - 18), 0)
    res = its_effect(y, DATES, CUT)
    assert res.level_change == pytest.approx(-4)
    assert res.slope_change == pytest.approx(0.25)
    assert res.pre_slope == pytest.approx(0.5)
    assert (res.n_pre, res.n_post) == (18, 18)
    cf = res.fitted["counterfactual"].to_numpy()
    assert cf == pytest.approx(50 + 0.5 * t)


def test_coefficients_match_lstsq_and_hac_matches_hand_newey_west():
    y = _series()
    res = its_effect(y, DATES, CUT)
    x = _design()
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    assert res.level_change == pytest.approx(beta[2])
    assert res.slope_change == pytest.approx(beta[3])

    # Newey-West with Bartlett weights 1 - l/(L+1), no small-sample factor (as R sandwich)
    n = x.shape[0]
    lags = int(np.floor(4 * (n / 100) ** (2 / 9)))
    assert res.maxlags == lags == newey_west_lags(n)
    e = y - x @ beta
    xe = x * e[:, None]
    s = xe.T @ xe
    for lag in range(1, lags + 1):
        w = 1 - lag / (lags + 1)
        g = xe[lag:].T @ xe[:-lag]
        s += w * (g + g.T)
    bread = np.linalg.inv(x.T @ x)
    cov = bread @ s @ bread
    se = np.sqrt(np.diag(cov))
    z = stats.norm.ppf(0.975)
    assert res.level_change_ci == pytest.approx((beta[2] - z * se[2], beta[2] + z * se[2]))
    assert res.slope_change_ci == pytest.approx((beta[3] - z * se[3], beta[3] + z * se[3]))
    assert res.level_change_p == pytest.approx(2 * stats.norm.sf(abs(beta[2] / se[2])))


def test_seasonal_terms_used_with_two_years_and_dropped_with_less():
    y = _series(seasonal_amp=3.0)
    with_season = its_effect(y, DATES, CUT, seasonal=True)
    without = its_effect(y, DATES, CUT)
    assert with_season.seasonal is True
    assert abs(with_season.level_change + 3) < abs(without.level_change + 3)
    assert with_season.level_change == pytest.approx(-3, abs=0.6)

    short = its_effect(y[6:28], DATES[6:28], CUT, seasonal=True, language="en")
    assert short.seasonal is False
    assert "needs at least 2 years" in short.interpretation


def test_interpretation_says_association_not_proof():
    res_nl = its_effect(_series(), DATES, CUT)
    assert "geen bewijs" in res_nl.interpretation
    assert "daalde" in res_nl.interpretation
    res_en = its_effect(_series(), DATES, CUT, language="en")
    assert "not proof" in res_en.interpretation
    assert list(res_en.fitted.columns) == ["date", "value", "fitted", "counterfactual", "post"]


def test_few_points_get_a_note():
    res = its_effect(_series()[12:24], DATES[12:24], CUT, language="en")
    assert (res.n_pre, res.n_post) == (6, 6)
    assert "fewer than 8" in res.interpretation


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"intervention_date": "2023-11-01"},
            "need at least 3 points before and after intervention_date 2023-11-01; "
            "got 34 before and 2 after",
        ),
        (
            {"values": np.r_[1.0, np.full(35, np.nan)]},
            "values has a missing value (NaN) at position 1",
        ),
        ({"dates": DATES[::-1]}, "dates must be strictly increasing; position 1"),
        ({"dates": DATES[:30]}, "inputs must have the same length"),
        ({"dates": ["x"] * 36}, "dates must be dates"),
        ({"intervention_date": "not a date"}, "intervention_date must be a date"),
        ({"language": "de"}, "language must be 'nl' or 'en'"),
        ({"maxlags": -1}, "maxlags must be a whole number of 0 or more"),
    ],
)
def test_its_errors(kwargs, message):
    args = {"values": _series(), "dates": DATES, "intervention_date": CUT, **kwargs}
    with pytest.raises(ValueError) as err:
        its_effect(**args)
    assert message in str(err.value)
