"""Intervals against published tables and an independent root-finding route."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

from dashboard.stats import proportion_ci, rate_ci, standardised_ratio

# Newcombe RG. Stat Med 1998;17:857-872, Table II, method 3 (Wilson score, no continuity
# correction), rounded to 4 decimals in the paper.
NEWCOMBE_WILSON = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("x", "n", "low", "high"), NEWCOMBE_WILSON)
def test_wilson_matches_newcombe_table(x, n, low, high):
    got = proportion_ci(x, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_matches_closed_form_by_hand():
    # Wilson 1927: (p + z^2/2n +/- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    x, n, z = 37, 120, 1.959963984540054
    p = x / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    assert proportion_ci(x, n) == pytest.approx(((centre - half) / denom, (centre + half) / denom))


def test_wilson_edges_are_exact():
    low, _ = proportion_ci(0, 50)
    _, high = proportion_ci(50, 50)
    assert low == 0.0
    assert high == 1.0


def test_wilson_accepts_sequences():
    low, high = proportion_ci([81, 0], [263, 20])
    assert low[0] == pytest.approx(0.2553, abs=5e-5)
    assert high[1] == pytest.approx(0.1611, abs=5e-5)


def _garwood_by_root_finding(x, level=0.95):
    """Exact Poisson limits found on the Poisson distribution itself, not the chi-square form."""
    tail = (1 - level) / 2
    upper = optimize.brentq(lambda mu: stats.poisson.cdf(x, mu) - tail, 1e-12, 10 * x + 50)
    if x == 0:
        return 0.0, upper
    lower = optimize.brentq(lambda mu: stats.poisson.sf(x - 1, mu) - tail, 1e-12, 10 * x + 50)
    return lower, upper


def test_zero_events_upper_limit_is_3_689():
    assert rate_ci(0, 1) == pytest.approx((0.0, 3.689), abs=5e-4)
    assert rate_ci(0, 10)[1] == pytest.approx(0.3689, abs=5e-5)


@pytest.mark.parametrize("x", [0, 1, 2, 5, 10, 37, 200])
@pytest.mark.parametrize("level", [0.9, 0.95, 0.998])
def test_rate_ci_equals_root_finding(x, level):
    low, high = _garwood_by_root_finding(x, level)
    assert rate_ci(x, 2.5, level) == pytest.approx((low / 2.5, high / 2.5), rel=1e-7, abs=1e-12)


def test_rate_ci_garwood_table_values():
    # Garwood 1936 / Documenta Geigy table: x=1 -> 0.0253-5.572, x=10 -> 4.795-18.39
    assert rate_ci(1, 1) == pytest.approx((0.0253, 5.572), abs=5e-4)
    assert rate_ci(10, 1) == pytest.approx((4.795, 18.39), abs=5e-3)


def test_standardised_ratio_statistics_with_confidence_example():
    # Gardner & Altman, Statistics with Confidence (1989), p. 60: O=64, E=45.6, SMR 140,
    # 95% CI 108 to 179.
    ratio, low, high = standardised_ratio(64, 45.6)
    assert ratio == pytest.approx(64 / 45.6)
    assert (round(low * 100), round(high * 100)) == (108, 179)
    lo, hi = _garwood_by_root_finding(64)
    assert (low, high) == pytest.approx((lo / 45.6, hi / 45.6), rel=1e-7)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: proportion_ci(12, 10),
            "successes must be between 0 and trials; got successes=12, trials=10",
        ),
        (lambda: proportion_ci(-1, 10), "successes must be zero or more; got -1"),
        (lambda: proportion_ci(1, 0), "trials must be greater than 0; got 0 at position 0"),
        (
            lambda: proportion_ci("a", 10),
            "successes must be a number or a sequence of numbers; got 'a'",
        ),
        (lambda: proportion_ci(1, 10, level=95), "level must be a number strictly between 0 and 1"),
        (lambda: rate_ci(-2, 10), "events must be zero or more; got -2"),
        (lambda: rate_ci(2.5, 10), "events must be whole numbers; got 2.5"),
        (lambda: rate_ci(2, 0), "exposure must be greater than 0; got 0"),
        (lambda: rate_ci(float("nan"), 1), "events has a missing value (NaN) at position 0"),
        (lambda: standardised_ratio(5, 0), "expected must be greater than 0; got 0"),
        (lambda: standardised_ratio([1, 2], [1.0]), "inputs must have the same length"),
        (lambda: proportion_ci([], []), "successes must not be empty"),
    ],
)
def test_interval_errors_name_the_input(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


counts = st.integers(min_value=0, max_value=500)


@settings(max_examples=60, deadline=None)
@given(x=counts, extra=counts, level=st.floats(0.5, 0.99))
def test_wilson_contains_estimate_and_widens_with_level(x, extra, level):
    n = x + extra + 1
    low, high = proportion_ci(x, n, level)
    assert low <= x / n <= high
    wide_low, wide_high = proportion_ci(x, n, min(level + 0.009, 0.999))
    assert wide_low <= low and high <= wide_high


@settings(max_examples=60, deadline=None)
@given(x=st.integers(1, 200), extra=st.integers(1, 200))
def test_wilson_narrows_with_more_data(x, extra):
    n = x + extra
    low, high = proportion_ci(x, n)
    low4, high4 = proportion_ci(4 * x, 4 * n)
    assert high4 - low4 < high - low


@settings(max_examples=60, deadline=None)
@given(x=counts, exposure=st.floats(0.1, 1e4), level=st.floats(0.5, 0.99))
def test_rate_ci_contains_estimate_widens_and_narrows(x, exposure, level):
    low, high = rate_ci(x, exposure, level)
    assert low <= x / exposure <= high
    wide_low, wide_high = rate_ci(x, exposure, min(level + 0.009, 0.999))
    assert wide_low <= low and high <= wide_high
    if x > 0:
        low4, high4 = rate_ci(4 * x, 4 * exposure, level)
        assert high4 - low4 < high - low
