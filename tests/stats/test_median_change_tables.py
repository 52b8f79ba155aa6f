"""median_change reads medians and Mood's table from frequency tables: it must agree with
scipy's median test on the observations the tables stand for (an independent computation)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from dashboard.stats import median_change


def _expanded(values, counts):
    return np.repeat(np.asarray(values, dtype=float), np.asarray(counts, dtype=np.int64))


@pytest.mark.parametrize("seed", range(12))
def test_agrees_with_scipy_median_test_on_the_expanded_observations(seed):
    generator = np.random.default_rng(seed)
    tables = []
    for _ in range(2):
        values = generator.permutation(np.arange(0, generator.integers(3, 60)))  # unsorted
        counts = generator.integers(0, 40, size=values.size)
        counts[0] = max(counts[0], 1)
        tables.append((values, counts))
    (v1, c1), (v0, c0) = tables
    first, second = _expanded(v1, c1), _expanded(v0, c0)
    difference, p = median_change(v1, c1, v0, c0)
    assert difference == pytest.approx(np.median(first) - np.median(second), abs=1e-12)
    _, expected_p, _, _ = stats.median_test(first, second, ties="below", correction=False)
    assert p == pytest.approx(expected_p, rel=1e-12, abs=1e-15)


def test_hand_counted_table_with_repeated_values_and_zero_counts():
    # Period 1: 1,1,2,2,2,9 (median 2); period 0: 3,3,3,3 (median 3); pooled 1,1,2,2,2,3,3,3,3,9
    # has median (2 + 3) / 2 = 2.5: above it 1 of 6 and 4 of 4. Pearson chi-square of
    # [[1, 4], [5, 0]]: expected 3, 2, 3, 2 -> 4/3 + 2 + 4/3 + 2 = 6.667, df 1, p = 0.00982.
    difference, p = median_change([2, 1, 9, 7], [3, 2, 1, 0], [3, 5], [4, 0])
    assert difference == -1.0
    assert p == pytest.approx(0.009823, abs=1e-6)


def test_empty_period_and_no_observation_above_the_median():
    assert all(math.isnan(x) for x in median_change([1, 2], [0, 0], [1], [3]))
    assert math.isnan(median_change([4], [2], [4], [5])[1])
    with pytest.raises(ValueError):
        median_change([1, 2], [1.5, 2], [1], [1])
