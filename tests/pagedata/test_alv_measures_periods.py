"""Medians from histograms, means from sums, and report periods."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from dashboard.pagedata.measures import (
    group_sums,
    mean_ci_from_sums,
    median_from_histogram,
    medians_from_histograms,
)
from dashboard.pagedata.periods import Period, add_months, period_keys, resolve_period


def test_median_from_histogram_by_hand():
    assert median_from_histogram([1, 2, 3], [1, 1, 1]) == 2
    assert median_from_histogram([1, 2], [1, 1]) == 1.5  # even count: mean of the middle two
    assert median_from_histogram([30, 10, 20], [1, 5, 0]) == 10  # order and zeros do not matter
    assert math.isnan(median_from_histogram([], []))
    with pytest.raises(ValueError, match="same length"):
        median_from_histogram([1, 2], [1])
    with pytest.raises(ValueError, match="negative"):
        median_from_histogram([1], [-1])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30)), min_size=1, max_size=30))
def test_median_from_histogram_equals_median_of_the_data(pairs):
    values, counts = zip(*pairs, strict=True)
    if sum(counts) == 0:
        return
    assert median_from_histogram(values, counts) == np.median(np.repeat(values, counts))


def test_medians_from_histograms_by_hand():
    # Group 0: 10 x1, 20 x2 -> data 10, 20, 20 -> 20. Group 1: 5 x1, 7 x1 -> 6. Group 2: only a
    # zero count -> no data -> NaN. Group 3: no rows at all -> NaN. Rows need not be sorted.
    medians = medians_from_histograms(
        [1, 0, 2, 0, 1], [7, 20, 3, 10, 5], [1, 2, 0, 1, 1], n_groups=4)
    assert medians[:2].tolist() == [20.0, 6.0]
    assert math.isnan(medians[2]) and math.isnan(medians[3])
    assert group_sums([1, 0, 2, 0, 1], [1, 2, 0, 1, 1], 4).tolist() == [3, 2, 0, 0]
    with pytest.raises(ValueError, match="negative"):
        medians_from_histograms([0], [1], [-1], 1)
    with pytest.raises(ValueError, match="same length"):
        medians_from_histograms([0, 0], [1], [1], 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 400), st.integers(0, 30)),
                min_size=1, max_size=40))
def test_medians_from_histograms_equal_the_median_of_each_groups_data(rows):
    group, values, counts = (np.array(column) for column in zip(*rows, strict=True))
    medians = medians_from_histograms(group, values, counts, 4)
    for g in range(4):
        data = np.repeat(values[group == g], counts[group == g])
        if data.size == 0:
            assert math.isnan(medians[g])
        else:
            assert medians[g] == np.median(data)


def test_mean_ci_from_sums_matches_the_raw_data():
    scores = np.array([8, 9, 7, 8, 10, 6, 8, 9])
    mean, low, high = mean_ci_from_sums(len(scores), scores.sum(), (scores**2).sum())
    expected = stats.t.interval(0.95, len(scores) - 1, loc=scores.mean(), scale=stats.sem(scores))
    assert mean == pytest.approx(scores.mean())
    assert (low, high) == pytest.approx(expected)


def test_mean_ci_from_sums_edges():
    mean, low, high = mean_ci_from_sums(1, 7.0, 49.0)
    assert mean == 7 and math.isnan(low) and math.isnan(high)
    mean, low, high = mean_ci_from_sums([3, 0], [21.0, 0.0], [147.0, 0.0])
    assert mean[0] == 7 and (low[0], high[0]) == (7, 7)  # constant scores: no spread
    assert math.isnan(mean[1])


def test_periods():
    first, last = date(2023, 3, 1), date(2025, 6, 1)
    assert period_keys(first, last) == ["rolling12", "2025", "2024", "2023", "all"]
    assert period_keys(None, None) == []
    assert resolve_period("rolling12", first, last) == Period(
        "rolling12", date(2024, 7, 1), date(2025, 6, 1), complete=True
    )
    assert resolve_period("2024", first, last) == Period(
        "2024", date(2024, 1, 1), date(2024, 12, 1)
    )
    partial = resolve_period("2025", first, last)
    assert (partial.start, partial.end, partial.complete, partial.months) == (
        date(2025, 1, 1), date(2025, 6, 1), False, 6)
    assert resolve_period("all", first, last).months == 28
    short = resolve_period("rolling12", date(2025, 1, 1), date(2025, 2, 1))
    assert (short.start, short.complete) == (date(2025, 1, 1), False)
    with pytest.raises(ValueError, match="unknown period '2019'"):
        resolve_period("2019", first, last)
    assert add_months(date(2025, 1, 1), -1) == date(2024, 12, 1)
    assert add_months(date(2025, 12, 1), 1) == date(2026, 1, 1)
