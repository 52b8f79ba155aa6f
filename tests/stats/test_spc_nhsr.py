"""XmR chart against NHSRplotthedots: its unit-test vectors and snapshots, and its rules on a
seeded simulation (through an independent port of its R code, tests/stats/nhsr_port.py)."""

import numpy as np
import pandas as pd
import pytest

from dashboard.stats import special_causes, xmr
from tests.peers import read_peer, vector
from tests.stats import nhsr_port

VECTORS = read_peer("nhsrplotthedots_point_type_vectors.csv", dtype=str, keep_default_na=False)


def _cases(function):
    rows = VECTORS[VECTORS["function"] == function]
    return [pytest.param(row, id=row["case"]) for row in rows.to_dict("records")]


def _flags(chart, base):
    return (chart[f"{base}_high"] | chart[f"{base}_low"]).to_numpy().astype(float)


def test_limits_match_the_snapshot_with_and_without_screening():
    y = read_peer("nhsrplotthedots_rnorm20.csv")["y"].to_numpy()
    for case in read_peer("nhsrplotthedots_rnorm20_expected.csv").to_dict("records"):
        values = y.copy()
        if not np.isnan(case["y_at_position_14"]):
            values[14] = case["y_at_position_14"]
        chart = xmr(values, screen_outliers=bool(case["screen_outliers"]))
        # The snapshot prints 7 significant digits.
        assert chart["centre"].iloc[0] == pytest.approx(case["mean_col"], abs=1e-7)
        assert chart["lower"].iloc[0] == pytest.approx(case["lpl"], abs=6e-6)
        assert chart["upper"].iloc[0] == pytest.approx(case["upl"], abs=6e-6)
        prefix = vector(case["relative_to_mean_prefix"])
        side = np.sign(chart["value"] - chart["centre"]).to_numpy()[: len(prefix)]
        np.testing.assert_array_equal(side, prefix)


@pytest.mark.parametrize("row", _cases("seven_point_one_side_mean"))
def test_shift_vectors(row):
    sides = vector(row["a"])
    ends = vector(row["expected"])
    # The sides as values around a centre of 0, limits far away: only the shift rule can fire.
    rules = special_causes(sides, 0.0, -10.0, 10.0, -5.0, 5.0)
    np.testing.assert_array_equal(_flags(rules, "shift"), nhsr_port.part_of_seven_trend(ends))


@pytest.mark.parametrize("row", _cases("part_of_seven_trend"))
def test_the_port_expands_runs_as_the_peer_does(row):
    np.testing.assert_array_equal(
        nhsr_port.part_of_seven_trend(vector(row["a"])), vector(row["expected"])
    )


@pytest.mark.parametrize("row", _cases("seven_point_trend"))
def test_trend_vectors(row):
    y = vector(row["a"])
    ends = vector(row["expected"])
    # No centre and no limits (NaN): only the trend rule can fire.
    rules = special_causes(y, np.nan, np.nan, np.nan, np.nan, np.nan)
    part = nhsr_port.part_of_seven_trend(ends)
    np.testing.assert_array_equal(_flags(rules, "trend"), part)
    direction = 1 if (ends > 0).any() else -1
    np.testing.assert_array_equal(rules["direction"].to_numpy(), direction * part)


def _close_and_side_as_values(close, side):
    # Centre 0, 2-sigma lines at +/- 2, limits at +/- 3: a close point lies at +/- 2.5,
    # another at +/- 0.5 on its side.
    return side * np.where(close == 1, 2.5, 0.5)


@pytest.mark.parametrize("row", _cases("two_in_three") + _cases("part_of_two_in_three"))
def test_two_in_three_vectors(row):
    close, side = vector(row["a"]), vector(row["b"])
    expected = vector(row["expected"])
    if row["function"] == "two_in_three":
        expected = nhsr_port.part_of_two_in_three(expected, close)  # the points it flags
    rules = special_causes(_close_and_side_as_values(close, side), 0.0, -3.0, 3.0, -2.0, 2.0)
    np.testing.assert_array_equal(_flags(rules, "two_of_three"), expected)


@pytest.mark.parametrize("row", _cases("spc_point_type"))
def test_points_on_opposite_sides_are_common_cause(row):
    chart = xmr(vector(row["a"]))
    assert row["expected"].split() == ["common_cause", "common_cause"]
    assert not chart[["special_cause_high", "special_cause_low"]].iloc[-2:].to_numpy().any()


def _direction(chart):
    return chart["special_cause_high"].astype(int) - chart["special_cause_low"].astype(int)


def test_a_falling_trend_that_starts_above_the_mean_is_falling():
    # NHSRplotthedots NEWS 0.2.2, issue 171: a 7-point trend that crosses the mean is coloured
    # by the trend. The first points of this fall also end a run of 7 above the mean.
    values = [10, 8, 12, 9, 11, 8, 12, 12.5, 12.8, 13, 12.9, 12.7, 12.5, 12.2, 11.9, 9.6, 9.2,
              8.9, 10.5, 9, 11]
    chart = xmr(values)
    expected = nhsr_port.classify(values)
    # 6 to 14 lie above the mean (10.89); the fall runs from 9 (the top, 13) to 17.
    assert (expected[6:9] == 1).all() and (expected[9:18] == -1).all()
    assert chart["special_cause"].iloc[9] == "shift_high;trend_low"
    np.testing.assert_array_equal(_direction(chart).to_numpy(), expected)


def _simulated(rng, n=24):
    """A series with one or two of: a shift, a trend, spikes (N(0, 1) noise)."""
    y = rng.normal(0, 1, n)
    t = np.arange(n)
    for kind in rng.choice(["shift", "trend", "spike"], size=rng.integers(1, 3), replace=False):
        start = int(rng.integers(4, n - 4))
        if kind == "shift":
            y[start:] += rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)
        elif kind == "trend":
            y[start:] += rng.choice([-1, 1]) * rng.uniform(0.3, 1.0) * (t[start:] - start)
        else:
            spikes = rng.choice(n, size=int(rng.integers(1, 3)), replace=False)
            y[spikes] += rng.choice([-1, 1], size=len(spikes)) * rng.uniform(3, 6, len(spikes))
    return y


@pytest.mark.parametrize("screen_outliers", [True, False])
def test_labels_match_the_peer_rules_on_400_simulated_series(screen_outliers):
    rng = np.random.default_rng(20240518)
    mismatches = []
    signalled = 0
    for k in range(400):
        y = _simulated(rng)
        ours = _direction(xmr(y, screen_outliers=screen_outliers)).to_numpy()
        theirs = nhsr_port.classify(y, screen_outliers=screen_outliers)
        signalled += bool(theirs.any())
        if not np.array_equal(ours, theirs):
            mismatches.append(k)
    assert mismatches == []
    assert signalled > 300  # the simulation does exercise the rules


def test_fixed_baseline_matches_fix_after_n_points():
    rng = np.random.default_rng(7)
    for _ in range(50):
        y = _simulated(rng)
        ours = _direction(xmr(y, baseline_points=12)).to_numpy()
        np.testing.assert_array_equal(ours, nhsr_port.classify(y, fix_after_n_points=12))


def test_special_causes_refuses_lines_of_the_wrong_length():
    with pytest.raises(ValueError, match="centre must be one number or one per value"):
        special_causes([1.0, 2.0, 3.0], [0.0, 1.0], 0, 1, 0, 1)
    assert isinstance(special_causes([1.0, 2.0], 0, -1, 1, -0.5, 0.5), pd.DataFrame)
