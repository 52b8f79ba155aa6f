"""Benchmark comparison, median interval and change tests against published or hand values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from dashboard.stats import (
    compare_with_benchmark,
    funnel_limits_normal,
    mean_change,
    median_change,
    median_ci,
    proportion_change,
    rate_change,
)


def test_compare_with_benchmark_by_direction():
    value = [5.0, 5.0, 5.0, 5.0, np.nan]
    low = [4.0, 1.0, 6.5, 2.0, np.nan]
    high = [6.0, 2.5, 7.0, 3.0, np.nan]
    # Benchmark 3: inside, above, below, on the upper limit (still similar), missing.
    assert list(compare_with_benchmark(value, low, high, 3.0, "higher")) == [
        "better", "worse", "better", "similar", "not_compared"]
    assert list(compare_with_benchmark(value, low, high, 3.0, "lower")) == [
        "worse", "better", "worse", "similar", "not_compared"]
    assert list(compare_with_benchmark(value, low, high, 3.0, "neutral")) == [
        "higher", "lower", "higher", "similar", "not_compared"]
    assert list(compare_with_benchmark([5.0], [4.0], [6.0], np.nan, "higher")) == [
        "not_compared"]
    with pytest.raises(ValueError, match="direction"):
        compare_with_benchmark([1], [0], [2], 1, "up")
    with pytest.raises(ValueError, match="lower limit"):
        compare_with_benchmark([1], [2], [0], 1, "higher")


@pytest.mark.parametrize(
    ("n", "rank"),
    # Campbell & Gardner (BMJ 1988) table: ranks of the 95% limits for a median.
    [(6, 1), (10, 2), (12, 3), (20, 6), (30, 10)],
)
def test_median_interval_ranks(n, rank):
    values = np.arange(1, n + 1, dtype=float)
    median, low, high = median_ci(values, np.ones(n))
    assert median == pytest.approx(np.median(values))
    assert (low, high) == (rank, n - rank + 1)


def test_median_interval_from_a_histogram_and_too_few():
    # 6 x 10 days and 6 x 20 days: n = 12, ranks 3 and 10.
    assert median_ci([20, 10], [6, 6]) == (15.0, 10.0, 20.0)
    median, low, high = median_ci([1, 2, 3, 4, 5], [1, 1, 1, 1, 1])
    assert median == 3 and math.isnan(low) and math.isnan(high)  # n = 5: no 95% interval
    assert all(math.isnan(v) for v in median_ci([], []))


def test_newcombe_worked_example():
    # Newcombe 1998 (Stat Med 17:873), example 56/70 - 48/80, method 10: 0.0524 to 0.3339.
    difference, low, high = proportion_change(56, 70, 48, 80)
    assert difference == pytest.approx(0.2)
    assert round(low, 4) == 0.0524 and round(high, 4) == 0.3339


def test_rate_change_is_the_conditional_binomial_test():
    # 30 events against 15 on equal exposure: under no change 30 ~ Binomial(45, 1/2);
    # the two tails are equal, so p = 2 x P(X >= 30).
    tail = sum(math.comb(45, k) for k in range(30, 46)) / 2**45
    ratio, p = rate_change(30, 1000.0, 15, 1000.0)
    assert ratio == pytest.approx(2.0)
    assert p == pytest.approx(2 * tail, rel=1e-9)
    assert rate_change(0, 10.0, 0, 10.0) == (pytest.approx(np.nan, nan_ok=True), 1.0)


def test_mean_change_is_welch():
    n1, m1, s1, n0, m0, s0 = 30, 7.5, 1.2, 40, 7.0, 1.5
    se2 = s1**2 / n1 + s0**2 / n0
    t = (m1 - m0) / math.sqrt(se2)
    df = se2**2 / ((s1**2 / n1) ** 2 / (n1 - 1) + (s0**2 / n0) ** 2 / (n0 - 1))
    difference, p = mean_change(n1, m1, s1, n0, m0, s0)
    assert difference == pytest.approx(0.5)
    assert p == pytest.approx(2 * stats.t.sf(abs(t), df))
    assert math.isnan(mean_change(1, 5, 0, 10, 5, 1)[1])


def test_median_change_is_moods_test():
    # first 1,1,2,8,9 and second 3,4,5,6,7: pooled median 4.5; above it 2 of 5 and 3 of 5.
    # Expected 2.5 per cell, chi-square = 4 x 0.5^2 / 2.5 = 0.4 on 1 degree of freedom.
    difference, p = median_change([1, 2, 8, 9], [2, 1, 1, 1], [3, 4, 5, 6, 7], [1] * 5)
    assert difference == pytest.approx(2 - 5)
    assert p == pytest.approx(stats.chi2.sf(0.4, 1))
    assert math.isnan(median_change([1], [3], [1], [4])[1])  # nothing above the median


def test_normal_funnel_limits():
    limits = funnel_limits_normal([100, 400], target=7.0, sd=1.5)
    assert limits["lower_95"].tolist() == pytest.approx([7 - 1.959964 * 0.15,
                                                         7 - 1.959964 * 0.075])
    assert limits["upper_998"].tolist() == pytest.approx([7 + 3.090232 * 0.15,
                                                          7 + 3.090232 * 0.075])
