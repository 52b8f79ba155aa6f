"""Run chart (Anhoej rules) against hand counts and the published thresholds."""

import math

import pandas as pd
import pytest

from dashboard.stats import describe_run_chart, run_chart


def test_thresholds_for_twenty_useful_points():
    # Anhoej & Olesen 2014, table 1: n = 20 -> longest run > 7 signals (round(log2 20 + 3) = 7),
    # fewer than 6 crossings signals (qbinom(0.05, 19, 0.5) = 6).
    values = [1, 9] * 10
    _, summary = run_chart(values)
    assert summary.n_useful == 20
    assert summary.longest_run_max == 7
    assert summary.n_crossings_min == 6
    assert summary.n_crossings == 19
    assert summary.longest_run == 1
    assert not summary.signal


def _crossings_min_by_hand(n):
    """Smallest k with P(Binomial(n - 1, 1/2) <= k) >= 0.05, summing the pmf with math.comb."""
    total, k = 0, 0
    while True:
        total += math.comb(n - 1, k)
        if total / 2 ** (n - 1) >= 0.05:
            return k
        k += 1


@pytest.mark.parametrize(
    ("n", "longest_max", "crossings_min"),
    # hand-checked: n = 10 -> P(X <= 1 | 9) = 10/512 < 0.05 <= P(X <= 2) = 46/512
    [(10, 6, 2), (12, 7, 3), (14, 7, 4), (16, 7, 4)],
)
def test_small_thresholds_by_hand(n, longest_max, crossings_min):
    _, summary = run_chart([0, 1] * (n // 2))
    assert (summary.longest_run_max, summary.n_crossings_min) == (longest_max, crossings_min)


@pytest.mark.parametrize("n", [6, 20, 24, 30, 48, 60, 100])
def test_thresholds_match_binomial_sum(n):
    _, summary = run_chart([0, 1] * (n // 2))
    assert summary.n_useful == n
    assert summary.n_crossings_min == _crossings_min_by_hand(n)
    assert summary.longest_run_max == int(math.log2(n) + 3 + 0.5)


def test_runs_and_crossings_counted_by_hand_ignoring_points_on_median():
    # median of these 11 values is 5; the point equal to 5 is not useful
    values = [1, 2, 8, 9, 5, 7, 6, 3, 2, 4, 9]
    frame, summary = run_chart(values)
    assert summary.median == 5
    assert summary.n_useful == 10
    # sides (skipping the 5): - - + + + + - - - +  -> runs 2, 4, 3, 1; crossings 3
    assert summary.longest_run == 4
    assert summary.n_crossings == 3
    assert frame["side"].tolist() == [-1, -1, 1, 1, 0, 1, 1, -1, -1, -1, 1]
    assert frame["run_length"].tolist() == [2, 2, 4, 4, 0, 4, 4, 3, 3, 3, 1]
    assert frame["run"].isna().tolist() == [False] * 4 + [True] + [False] * 6
    # n = 10: limits 6 and 2
    assert (summary.longest_run_max, summary.n_crossings_min) == (6, 2)
    assert not summary.signal


def test_long_run_and_few_crossings_signal():
    values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11]
    frame, summary = run_chart(values)
    # median 6: ten below then ten above -> longest run 10 > 7, one crossing < 6
    assert summary.longest_run == 10
    assert summary.n_crossings == 1
    assert summary.runs_signal and summary.crossings_signal and summary.signal
    assert frame["longest_run"].all()
    assert summary.as_dict()["signal"] is True


def test_single_point_and_all_on_median():
    _, one = run_chart([4.0])
    assert one.n_useful == 0 and one.longest_run_max is None and not one.signal
    frame, flat = run_chart([3, 3, 3, 3])
    assert flat.n_useful == 0 and flat.n_crossings_min is None and not flat.signal
    assert frame["run"].isna().all()


def test_index_is_kept():
    idx = pd.date_range("2023-01-01", periods=4, freq="MS")
    frame, _ = run_chart(pd.Series([1.0, 2, 3, 4], index=idx))
    assert frame.index.equals(idx)
    assert frame["median"].iloc[0] == 2.5
    assert not math.isnan(frame["value"].iloc[0])


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([], "values must not be empty"),
        ([1.0, float("nan")], "values has a missing value (NaN) at position 1"),
        (["a", 1], "values must contain only numbers; got 'a' at position 0"),
    ],
)
def test_run_chart_errors(values, message):
    with pytest.raises(ValueError) as err:
        run_chart(values)
    assert message in str(err.value)


def test_describe_run_chart():
    _, quiet = run_chart([1, 9] * 10)
    assert describe_run_chart(quiet).startswith("Geen niet-toevallige variatie")
    _, shifted = run_chart([1, 2] * 5 + [10, 11] * 5)
    text = describe_run_chart(shifted, "en")
    assert "unusually long run (10 points" in text
    assert "unusually few crossings of the median (1, at least 6 expected)" in text
