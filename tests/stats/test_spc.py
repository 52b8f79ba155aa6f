"""XmR, p- and u-charts against hand arithmetic and constructed special causes."""

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.stats import describe_spc, p_chart, u_chart, xmr


def test_xmr_limits_by_hand():
    values = [10, 12, 11, 13, 12, 14, 11]
    out = xmr(values)
    mean = (10 + 12 + 11 + 13 + 12 + 14 + 11) / 7  # 83 / 7
    mean_mr = (2 + 1 + 2 + 1 + 2 + 3) / 6  # 11 / 6
    assert out["centre"].iloc[0] == pytest.approx(mean)
    assert out["upper"].iloc[0] == pytest.approx(mean + 2.66 * mean_mr)
    assert out["lower"].iloc[0] == pytest.approx(mean - 2.66 * mean_mr)
    assert out["upper_2sigma"].iloc[0] == pytest.approx(mean + 2 / 3 * 2.66 * mean_mr)
    assert out["moving_range"].tolist()[1:] == [2, 1, 2, 1, 2, 3]
    assert math.isnan(out["moving_range"].iloc[0])
    assert (out["special_cause"] == "").all()
    assert not out["special_cause_high"].any() and not out["special_cause_low"].any()


def test_xmr_screens_large_moving_ranges():
    values = [10, 11, 10, 11, 10, 11, 10, 40, 10, 11]
    # moving ranges 1,1,1,1,1,1,30,30,1 -> mean 67/9 = 7.44; 3.267 x 7.44 = 24.3, so both 30s go
    out = xmr(values)
    assert out["mean_moving_range"].iloc[0] == pytest.approx(1.0)
    assert out["mr_excluded"].tolist() == [False] * 7 + [True, True, False]
    unscreened = xmr(values, screen_outliers=False)
    assert unscreened["mean_moving_range"].iloc[0] == pytest.approx(67 / 9)
    mean = 134 / 10
    assert out["upper"].iloc[0] == pytest.approx(mean + 2.66 * 1.0)
    assert out["special_cause"].iloc[7].startswith("outside_limits_high")


def test_shift_flags_all_seven_points_and_not_six():
    base = [10, 11, 9, 10, 11, 9, 10]
    seven_high = xmr(base + [12] * 7, baseline_points=7)
    flagged = seven_high["special_cause"].str.contains("shift_high")
    assert flagged.tolist() == [False] * 7 + [True] * 7
    six_high = xmr(base + [10.5, 10.6, 10.4, 10.5, 10.6, 10.4], baseline_points=7)
    assert not six_high["special_cause"].str.contains("shift").any()


def test_point_on_centre_breaks_a_run():
    base = [10, 11, 9, 10, 11, 9, 10]  # centre 10
    series = base + [11, 11, 11, 10, 11, 11, 11]
    out = xmr(series, baseline_points=7)
    assert not out["special_cause"].str.contains("shift").any()


def test_trend_flags_seven_increasing_points_and_not_six():
    noise = [20, 20.5, 19.5, 20, 20.5, 19.5, 20, 20.5]
    rising = [19.5, 19.6, 19.7, 19.8, 19.9, 20.0, 20.1]
    out = xmr(noise + rising, baseline_points=8)
    trend = out["special_cause"].str.contains("trend_high")
    assert trend.tolist() == [False] * 8 + [True] * 7
    assert out["special_cause_high"].iloc[8:].all()
    six = xmr(noise + rising[:6], baseline_points=8)
    assert not six["special_cause"].str.contains("trend").any()
    # end the noise low so that the step into the falling run is a rise
    falling = xmr(noise[:-1] + [19.0] + rising[::-1], baseline_points=8)
    assert falling["special_cause"].str.contains("trend_low").tolist() == [False] * 8 + [True] * 7


def test_two_of_three_beyond_two_sigma():
    base = [10, 12, 10, 12, 10, 12, 10, 12]  # centre 11, mean MR 2, 2-sigma line 11 + 3.547
    # upper limit 11 + 5.32 = 16.32; 2-sigma line 14.547
    series = base + [15, 11.5, 15.5, 11]
    out = xmr(series, baseline_points=8)
    assert out["upper_2sigma"].iloc[0] == pytest.approx(11 + 2 / 3 * 2.66 * 2)
    hits = out["special_cause"].str.contains("two_of_three_high")
    assert hits.tolist() == [False] * 8 + [True, False, True, False]
    assert not out["special_cause"].str.contains("outside").any()


def test_two_of_three_needs_all_three_points_on_the_limits_side():
    base = [10, 12, 10, 12, 10, 12, 10, 12]  # centre 11, 2-sigma line 14.547, limit 16.32
    for middle in (10.5, 11.0):  # below the centre, on the centre: the window is not one-sided
        out = xmr(base + [15, middle, 15.5, 12], baseline_points=8)
        assert not out["special_cause"].str.contains("two_of_three").any()


def test_a_point_beyond_the_limit_is_not_close_to_it():
    base = [10, 12, 10, 12, 10, 12, 10, 12]  # 2-sigma line 14.547, limit 16.32
    out = xmr(base + [17, 12, 15.5, 12], baseline_points=8)
    assert out["special_cause"].iloc[8] == "outside_limits_high"
    assert not out["special_cause"].str.contains("two_of_three").any()


def test_constant_series_has_no_special_cause():
    for level in (5.0, 0.1, 1e6 / 3):
        out = xmr([level] * 15)
        assert (out["upper"] == out["centre"]).all()
        assert (out["lower"] == out["centre"]).all()
        assert (out["special_cause"] == "").all()


def test_single_point_and_short_series():
    one = xmr([3.0])
    assert one["centre"].iloc[0] == 3.0
    assert math.isnan(one["upper"].iloc[0])
    assert one["special_cause"].iloc[0] == ""
    short = xmr([1, 2, 3, 4, 5, 6])  # rising, but only six points: a trend cannot fire
    assert not short["special_cause"].str.contains("trend").any()


def test_baseline_fixes_limits_and_rebase_recomputes():
    values = [10, 12, 11, 13, 12, 14, 11, 30, 31, 29, 30, 31, 29, 30]
    out = xmr(values, baseline_points=7, rebase_at=[7])
    assert out["segment"].tolist() == [0] * 7 + [1] * 7
    assert out["centre"].iloc[0] == pytest.approx(83 / 7)
    # segment 1 baseline is its first 7 points: 30,31,29,30,31,29,30 -> mean 210/7 = 30,
    # moving ranges 1,2,1,1,2,1 -> 8/6; the jump 11 -> 30 is not a moving range of either
    assert out["centre"].iloc[7] == pytest.approx(30)
    assert out["upper"].iloc[7] == pytest.approx(30 + 2.66 * 8 / 6)
    assert math.isnan(out["moving_range"].iloc[7])
    assert out["baseline"].tolist() == [True] * 14
    fixed = xmr(values, baseline_points=7)
    assert fixed["centre"].tolist() == pytest.approx([83 / 7] * 14)
    assert fixed["baseline"].tolist() == [True] * 7 + [False] * 7
    assert fixed["special_cause"].iloc[7:].str.contains("outside_limits_high").all()
    assert fixed["special_cause"].iloc[7:].str.contains("shift_high").all()


def test_series_index_is_kept():
    dates = pd.date_range("2024-01-01", periods=5, freq="MS")
    out = xmr(pd.Series([1.0, 2, 3, 2, 1], index=dates))
    assert out.index.equals(dates)


def test_p_chart_limits_by_hand_and_clipped():
    num = [5, 8, 2, 10, 0]
    den = [50, 40, 10, 60, 4]
    out = p_chart(num, den)
    p_bar = 25 / 164
    for i, n in enumerate(den):
        sd = math.sqrt(p_bar * (1 - p_bar) / n)
        assert out["upper"].iloc[i] == pytest.approx(min(1.0, p_bar + 3 * sd))
        assert out["lower"].iloc[i] == pytest.approx(max(0.0, p_bar - 3 * sd))
    assert out["value"].tolist() == pytest.approx([0.1, 0.2, 0.2, 10 / 60, 0.0])
    assert out["lower"].iloc[4] == 0.0
    assert list(out.columns[:2]) == ["numerator", "denominator"]


def test_p_chart_flags_point_outside():
    num = [10] * 10 + [40]
    den = [100] * 11
    out = p_chart(num, den, baseline_points=10)
    p_bar = 0.1
    assert out["upper"].iloc[10] == pytest.approx(p_bar + 3 * math.sqrt(0.09 / 100))
    assert out["special_cause"].iloc[10] == "outside_limits_high"
    assert out["special_cause_high"].iloc[10]


def test_u_chart_limits_by_hand():
    counts = [12, 15, 9, 30]
    exposure = [1.2, 1.5, 1.0, 1.3]
    out = u_chart(counts, exposure, baseline_points=3)
    u_bar = 36 / 3.7
    assert out["centre"].iloc[3] == pytest.approx(u_bar)
    assert out["upper"].iloc[3] == pytest.approx(u_bar + 3 * math.sqrt(u_bar / 1.3))
    assert out["special_cause"].iloc[3] == "outside_limits_high"
    assert list(out.columns[:2]) == ["count", "exposure"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: xmr([]), "values must not be empty"),
        (lambda: xmr([1.0, float("nan"), 2.0]), "values has a missing value (NaN) at position 1"),
        (lambda: xmr([1, None, 2]), "values has a missing value at position 1"),
        (lambda: xmr([1, "x"]), "values must contain only numbers; got 'x' at position 1"),
        (lambda: xmr([1, 2, 3], rebase_at=[3]), "rebase_at positions must be between 1 and 2"),
        (lambda: xmr([1, 2, 3], rebase_at=[0]), "rebase_at positions must be between 1 and 2"),
        (lambda: xmr([1, 2, 3], rebase_at=["2024-01"]), "rebase_at must contain integer"),
        (lambda: xmr([1, 2, 3], baseline_points=0), "baseline_points must be a whole number"),
        (
            lambda: p_chart([12], [10]),
            "numerators must be between 0 and denominators; got numerator=12, denominator=10",
        ),
        (lambda: p_chart([-1], [10]), "numerators must be zero or more; got -1 at position 0"),
        (lambda: p_chart([1], [0]), "denominators must be greater than 0; got 0 at position 0"),
        (lambda: u_chart([1, 2], [1.0]), "inputs must have the same length"),
        (lambda: u_chart([1], [-2.0]), "exposures must be greater than 0; got -2 at position 0"),
    ],
)
def test_spc_errors_name_the_input(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert message in str(err.value)


def test_rule_labels_are_joined_in_fixed_order():
    out = xmr(np.r_[[10, 11, 9, 10, 11, 9, 10], np.arange(20, 27)], baseline_points=7)
    # beyond the limits, so not "close to" them: no two-of-three (NHSRplotthedots)
    assert out["special_cause"].iloc[-1] == "outside_limits_high;shift_high;trend_high"


def test_describe_spc_names_direction_and_start():
    idx = pd.date_range("2023-01-01", periods=14, freq="MS")
    series = pd.Series([10, 12, 11, 13, 12, 14, 11, 30, 31, 29, 30, 31, 29, 30], index=idx)
    chart = xmr(series, baseline_points=7)
    # the jump at August 2023 starts the flagged stretch
    text = describe_spc(chart, improvement="lower")
    assert text.startswith("Speciale oorzaak van verslechtering sinds augustus 2023")
    assert "punt buiten de grenzen" in text
    assert describe_spc(chart, "higher", "en").startswith(
        "Special cause of improvement since August 2023"
    )
    assert describe_spc(chart, "neutral").startswith("Speciale oorzaak: hoger sinds")
    assert describe_spc(xmr([1, 2, 1, 2, 1])).startswith("Alleen gewone variatie")
    no_dates = xmr([10, 12, 11, 13, 12, 14, 11, 2, 3, 2], baseline_points=7)
    assert "sinds punt 8" in describe_spc(no_dates, "higher")


def test_describe_spc_errors():
    with pytest.raises(ValueError, match="improvement must be 'higher', 'lower' or 'neutral'"):
        describe_spc(xmr([1, 2]), improvement="up")
    with pytest.raises(ValueError, match="chart must be the output of xmr"):
        describe_spc(pd.DataFrame({"value": [1]}))
