"""Funnel limits and classification against closed forms and hand-computed values."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from dashboard.stats import funnel_classify, funnel_grid, funnel_limits

Z95 = 1.959963984540054
Z998 = 3.090232306167813


def test_proportion_limits_approach_normal_for_large_n():
    n, t = 1_000_000, 0.2
    out = funnel_limits([n], "proportion", target=t).iloc[0]
    se = math.sqrt(t * (1 - t) / n)
    assert out["lower_95"] == pytest.approx(t - Z95 * se, abs=0.01 * se)
    assert out["upper_95"] == pytest.approx(t + Z95 * se, abs=0.01 * se)
    assert out["lower_998"] == pytest.approx(t - Z998 * se, abs=0.02 * se)
    assert out["upper_998"] == pytest.approx(t + Z998 * se, abs=0.02 * se)


def test_ratio_limits_approach_normal_for_large_expected():
    e = 1_000_000.0
    out = funnel_limits([e]).iloc[0]
    se = 1 / math.sqrt(e)
    assert out["lower_95"] == pytest.approx(1 - Z95 * se, abs=0.01 * se)
    assert out["upper_998"] == pytest.approx(1 + Z998 * se, abs=0.02 * se)


def _poisson_cdf_by_sum(r, mu):
    return sum(math.exp(-mu) * mu**k / math.factorial(k) for k in range(r + 1))


@pytest.mark.parametrize("expected", [2.0, 7.5, 20.0])
def test_ratio_limit_interpolation_by_hand(expected):
    # Spiegelhalter 2005 appendix: r_p = smallest r with F(r) >= p,
    # alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)); lower limit (r_p - alpha) / E,
    # upper limit (r_p + 1 - alpha) / E.
    out = funnel_limits([expected]).iloc[0]
    for p, col in ((0.025, "lower_95"), (0.975, "upper_95"), (0.999, "upper_998")):
        r = 0
        while _poisson_cdf_by_sum(r, expected) < p:
            r += 1
        f_r = _poisson_cdf_by_sum(r, expected)
        f_prev = _poisson_cdf_by_sum(r - 1, expected) if r > 0 else 0.0
        alpha = (f_r - p) / (f_r - f_prev)
        count = r - alpha if p < 0.5 else r + 1 - alpha
        assert out[col] == pytest.approx(max(count / expected, 0.0), rel=1e-9)


def test_proportion_limit_interpolation_by_hand():
    n, t, p = 40, 0.3, 0.975
    cdf = np.cumsum([math.comb(n, k) * t**k * (1 - t) ** (n - k) for k in range(n + 1)])
    r = int(np.argmax(cdf >= p))
    alpha = (cdf[r] - p) / (cdf[r] - cdf[r - 1])
    assert funnel_limits([n], "proportion", 0.3)["upper_95"].iloc[0] == pytest.approx(
        (r + 1 - alpha) / n
    )


@settings(max_examples=60, deadline=None)
@given(expected=st.floats(0.2, 500), observed=st.integers(0, 1000))
def test_outside_limits_exactly_when_exact_tail_probability_is_small(expected, observed):
    row = funnel_limits([expected]).iloc[0]
    ratio = observed / expected
    p_high = stats.poisson.sf(observed - 1, expected)  # P(Y >= observed)
    p_low = stats.poisson.cdf(observed, expected)  # P(Y <= observed)
    assert (ratio > row["upper_95"]) == (p_high < 0.025)
    assert (ratio < row["lower_95"]) == (p_low < 0.025)


def test_limits_are_clipped_at_zero_and_one():
    out = funnel_limits([1, 2], "proportion", target=0.5)
    assert (out["lower_998"] >= 0).all() and (out["upper_998"] <= 1).all()
    assert funnel_limits([0.5])["lower_95"].iloc[0] == 0.0


def test_level_columns_follow_levels():
    out = funnel_limits([10], levels=(0.9, 0.99))
    assert list(out.columns) == [
        "precision", "target", "lower_90", "upper_90", "lower_99", "upper_99"
    ]


def _assert_narrows(out):
    # 1e-12 relative slack only for floating-point rounding between nearly equal precisions
    for level in ("95", "998"):
        lo, hi = out[f"lower_{level}"], out[f"upper_{level}"]
        assert lo.iloc[1] >= lo.iloc[0] * (1 - 1e-12)
        assert hi.iloc[1] <= hi.iloc[0] * (1 + 1e-12)


@settings(max_examples=60, deadline=None)
@given(e1=st.floats(0.05, 5000), factor=st.floats(1.0, 50), target=st.floats(0.5, 2))
def test_ratio_funnel_narrows_as_precision_grows(e1, factor, target):
    out = funnel_limits([e1, e1 * factor], target=target)
    _assert_narrows(out)


@settings(max_examples=60, deadline=None)
@given(n1=st.integers(1, 3000), extra=st.integers(0, 3000), t=st.floats(0.01, 0.99))
def test_proportion_funnel_narrows_as_denominator_grows(n1, extra, t):
    out = funnel_limits([n1, n1 + extra], "proportion", target=t)
    _assert_narrows(out)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 5000), t=st.floats(0.02, 0.98))
def test_limits_surround_target_and_998_is_wider(n, t):
    row = funnel_limits([n], "proportion", target=t).iloc[0]
    assert row["lower_998"] <= row["lower_95"] <= t <= row["upper_95"] <= row["upper_998"]


def test_classify_without_overdispersion_uses_exact_limits():
    observed = [5, 30, 0, 12]
    expected = [10.0, 12.0, 8.0, 12.0]
    out = funnel_classify(observed, expected, "ratio", units=["a", "b", "c", "d"])
    limits = funnel_limits(expected)
    np.testing.assert_allclose(out["upper_998"], limits["upper_998"])
    assert list(out["unit"]) == ["a", "b", "c", "d"]
    # b: 30 observed against 12 expected is far above; c: 0 against 8 is below 99.8% limit
    # (P(0 | 8) = e^-8 = 0.00034 < 0.001); d is exactly on target.
    assert list(out["signal"]) == ["within", "high_998", "low_998", "within"]
    assert out["z"].iloc[1] == pytest.approx(2 * (math.sqrt(30) - math.sqrt(12)))
    assert out.attrs["inflated"] is False


def test_classify_proportion_z_and_default_target():
    y = [10, 20, 45]
    n = [100, 100, 150]
    out = funnel_classify(y, n, "proportion")
    t = 75 / 350
    assert out["target"].iloc[0] == pytest.approx(t)
    assert out["z"].iloc[2] == pytest.approx((0.3 - t) / math.sqrt(t * (1 - t) / 150))


def _overdispersed():
    rng = np.random.default_rng(20240501)
    expected = rng.uniform(10, 200, size=40)
    observed = rng.poisson(expected * rng.gamma(8, 1 / 8, size=40))
    return observed, expected


def _phi_by_hand(z):
    lo, hi = np.percentile(z, [10, 90])
    return float(np.mean(np.clip(z, lo, hi) ** 2))


def test_multiplicative_overdispersion_by_hand():
    observed, expected = _overdispersed()
    z = 2 * (np.sqrt(observed) - np.sqrt(expected))
    phi = _phi_by_hand(z)
    assert phi > 1
    out = funnel_classify(observed, expected, "ratio", overdispersion="multiplicative")
    assert out.attrs["phi"] == pytest.approx(phi)
    assert out["phi"].iloc[0] == pytest.approx(phi)
    s = 1 / (2 * np.sqrt(expected))
    upper = (1 + Z95 * math.sqrt(phi) * s) ** 2
    lower = np.clip(1 - Z998 * math.sqrt(phi) * s, 0, None) ** 2
    np.testing.assert_allclose(out["upper_95"], upper, rtol=1e-9)
    np.testing.assert_allclose(out["lower_998"], lower, rtol=1e-9)
    np.testing.assert_allclose(out["z_adjusted"], z / math.sqrt(phi))


def test_additive_overdispersion_by_hand():
    observed, expected = _overdispersed()
    z = 2 * (np.sqrt(observed) - np.sqrt(expected))
    phi = _phi_by_hand(z)
    s = 1 / (2 * np.sqrt(expected))
    w = 1 / s**2
    k = len(z)
    tau2 = (k * phi - (k - 1)) / (w.sum() - (w**2).sum() / w.sum())
    out = funnel_classify(observed, expected, "ratio", overdispersion="additive")
    assert out.attrs["tau2"] == pytest.approx(tau2)
    np.testing.assert_allclose(out["upper_998"], (1 + Z998 * np.sqrt(s**2 + tau2)) ** 2)
    np.testing.assert_allclose(out["z_adjusted"], z / (np.sqrt(s**2 + tau2) / s))


def test_proportion_multiplicative_limits_by_hand():
    rng = np.random.default_rng(7)
    n = rng.integers(50, 500, size=30)
    y = rng.binomial(n, rng.beta(20, 60, size=30))
    t = 0.25
    z = (y / n - t) / np.sqrt(t * (1 - t) / n)
    phi = _phi_by_hand(z)
    assert phi > 1
    out = funnel_classify(y, n, "proportion", target=t, overdispersion="multiplicative")
    np.testing.assert_allclose(
        out["upper_95"], t + Z95 * np.sqrt(phi) * np.sqrt(t * (1 - t) / n), rtol=1e-9
    )


def test_no_inflation_when_underdispersed():
    # observed equal or very close to expected: phi < 1, so limits stay the exact ones
    expected = np.array([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    observed = np.array([10, 21, 30, 39, 50, 60])
    for mode in ("multiplicative", "additive"):
        out = funnel_classify(observed, expected, "ratio", overdispersion=mode)
        assert out.attrs["phi"] < 1
        assert out.attrs["inflated"] is False
        np.testing.assert_allclose(out["upper_95"], funnel_limits(expected)["upper_95"])
    assert out.attrs["tau2"] == 0.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: funnel_limits([10], "rate"), "statistic must be one of ('ratio', 'proportion')"),
        (
            lambda: funnel_limits([10], "proportion"),
            "target is required for statistic='proportion'",
        ),
        (lambda: funnel_limits([0.0]), "precision must be greater than 0; got 0 at position 0"),
        (lambda: funnel_limits([10.5], "proportion", 0.2), "precision must be whole numbers"),
        (lambda: funnel_limits([10], "proportion", 1.2), "target must be strictly between 0 and 1"),
        (lambda: funnel_limits([10], levels=(95,)), "levels must be a number strictly between"),
        (
            lambda: funnel_classify([12], [10], "proportion", target=0.5),
            "numerator must be between 0 and precision (denominator); got numerator=12",
        ),
        (lambda: funnel_classify([-1], [10.0], "ratio"), "numerator must be zero or more"),
        (lambda: funnel_classify([1, 2], [10.0], "ratio"), "inputs must have the same length"),
        (
            lambda: funnel_classify([1], [10.0], "ratio", overdispersion="yes"),
            "overdispersion must be one of (None, 'multiplicative', 'additive')",
        ),
        (lambda: funnel_classify([0, 0], [5, 5], "proportion"), "the pooled proportion is 0 or 1"),
    ],
)
def test_funnel_errors_name_the_input(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


def test_exact_limit_agrees_with_scipy_quantile_at_integer_hits():
    # Where F(r) equals p exactly, alpha = 0 and the upper limit is (r + 1) / E.
    e = 3.0
    r = 4
    p = stats.poisson.cdf(r, e)
    from dashboard.stats.funnel import _exact_limit

    assert _exact_limit(p, np.array([e]), "ratio", 1.0)[0] == pytest.approx((r + 1) / e)


def test_funnel_grid_spans_to_the_largest_precision():
    ratio_grid = funnel_grid(250.0)
    assert ratio_grid[0] == pytest.approx(0.5) and ratio_grid[-1] == pytest.approx(250.0)
    assert np.all(np.diff(ratio_grid) > 0)
    prop_grid = funnel_grid(400, "proportion")
    assert prop_grid[0] == 1 and prop_grid[-1] == 400
    assert np.all(prop_grid == np.round(prop_grid))
    funnel_limits(prop_grid, "proportion", target=0.3)  # whole numbers are accepted


# ---- phi from some of the units (dispersion_units) ----------------------------------------------


def test_phi_from_a_subset_of_the_units():
    # O = 4, 9, 16, 25, 36 and E = 4, 4, 16, 16, 25: z = 2(sqrt O - sqrt E) = 0, 2, 0, 2, 2.
    observed = [4, 9, 16, 25, 36]
    expected = [4.0, 4.0, 16.0, 16.0, 25.0]
    # All five: sorted 0, 0, 2, 2, 2; the 10th percentile (position 0.4) is 0 and the 90th
    # (position 3.6) is 2, so nothing is clipped: phi = (0 + 4 + 0 + 4 + 4) / 5 = 2.4.
    every = funnel_classify(observed, expected, statistic="ratio")
    assert every.attrs["phi"] == pytest.approx(2.4)
    # Without the first unit: 2, 0, 2, 2, sorted 0, 2, 2, 2; 10th percentile at position 0.3:
    # 0 + 0.3 x 2 = 0.6, 90th at 2.7: 2. Clipped 2, 0.6, 2, 2: phi = (4 + 0.36 + 4 + 4) / 4
    # = 3.09.
    used = [False, True, True, True, True]
    some = funnel_classify(observed, expected, statistic="ratio",
                           overdispersion="multiplicative", dispersion_units=used)
    assert some.attrs["phi"] == pytest.approx(3.09)
    assert some.attrs["inflated"]
    # Every unit's limits use it, the left-out one's too: E = 4, upper 95% limit
    # (1 + 1.959964 x sqrt(3.09) / (2 x 2))^2 = (1 + 0.861322)^2 = 3.464520.
    assert some["upper_95"].iloc[0] == pytest.approx(
        (1 + 1.959964 * 3.09 ** 0.5 / 4) ** 2, rel=1e-6)
    assert some["upper_95"].iloc[0] == pytest.approx(3.464520, rel=1e-5)
    # Additive: w = 1 / s^2 = 4E over the four units: 16, 64, 64, 100; sum 244, sum of
    # squares 18,448; tau^2 = (4 x 3.09 - 3) / (244 - 18448 / 244) = 9.36 / 168.393443
    # = 0.0555841.
    additive = funnel_classify(observed, expected, statistic="ratio",
                               overdispersion="additive", dispersion_units=used)
    assert additive.attrs["tau2"] == pytest.approx(0.0555841, rel=1e-5)


def test_phi_without_units_to_estimate_it_from_leaves_the_exact_limits():
    exact = funnel_classify([4, 9], [4.0, 4.0], statistic="ratio")
    none = funnel_classify([4, 9], [4.0, 4.0], statistic="ratio",
                           overdispersion="multiplicative", dispersion_units=[False, False])
    assert np.isnan(none.attrs["phi"]) and not none.attrs["inflated"]
    assert none["upper_95"].tolist() == pytest.approx(exact["upper_95"].tolist())


def test_additive_leaves_the_limits_alone_when_phi_is_just_below_one():
    # 30 units with phi = 0.995: I phi - (I - 1) = 0.85 > 0, yet there is no overdispersion.
    # FunnelPlotR (R/funnel_plot.R) draws the unadjusted limits when phi <= 1, and Spiegelhalter
    # (QSHC 2005) adjusts only for phi > 1.
    expected = np.linspace(20, 200, 30)
    observed = np.array([20, 22, 39, 46, 33, 50, 47, 70, 78, 94, 71, 93, 78, 114, 102, 110, 94,
                         133, 154, 125, 131, 181, 148, 160, 155, 165, 163, 192, 192, 201])
    out = funnel_classify(observed, expected, "ratio", overdispersion="additive")
    plain = funnel_classify(observed, expected, "ratio")
    assert 29 / 30 < out.attrs["phi"] <= 1
    assert out.attrs["phi"] == pytest.approx(plain.attrs["phi"])  # reported as estimated
    assert out.attrs["tau2"] == 0.0 and out.attrs["inflated"] is False
    for column in ("lower_95", "upper_95", "lower_998", "upper_998", "z_adjusted", "signal"):
        assert out[column].tolist() == plain[column].tolist()
