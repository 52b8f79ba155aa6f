"""Control and run charts against qicharts2's own test references (Montgomery's examples with
freeze, exclude and part), its published Anhoej limits and its vignette's prime charts."""

import numpy as np
import pandas as pd
import pytest

from dashboard.stats import p_chart, p_prime_chart, run_chart, u_chart, u_prime_chart, xmr
from tests.peers import read_peer

EXAMPLES = read_peer("qicharts2_montgomery_examples.csv")
# qicharts2's calls (see the file's header), as 0-based positions.
SETTINGS = {
    "ex_6.5_3": {"baseline_points": 20},
    "ex_7.1_5": {"exclude": [14, 22], "rebase_at": [30]},
    "ex_7.3_3": {"baseline_points": 26, "exclude": [5, 19]},
    "ex_7.4_1": {},
}
# Making Data Count's 2.66 where qicharts2 uses 3 / 1.128 = 2.6596: XmR limits differ by this
# factor in their distance from the centre.
XMR_TO_QIC = 2.66 / (3 / 1.128)


def _example(name):
    return EXAMPLES[EXAMPLES["example"] == name].reset_index(drop=True)


def _chart(name):
    data, settings = _example(name), SETTINGS[name]
    kind = data["chart"].iloc[0]
    if kind == "i":
        return xmr(data["y"].to_numpy(), **settings)
    if kind == "p":
        return p_chart(data["y_sum"].to_numpy(), data["n"].to_numpy(), **settings)
    if kind == "c":  # a c-chart is a u-chart with exposure 1
        return u_chart(data["y_sum"].to_numpy(), np.ones(len(data)), **settings)
    return u_chart(data["y_sum"].to_numpy(), data["n"].to_numpy(), **settings)


@pytest.mark.parametrize("name", list(SETTINGS))
def test_limits_match_qicharts2(name):
    data, chart = _example(name), _chart(name)
    np.testing.assert_allclose(chart["centre"], data["cl"], rtol=1e-9)
    factor = XMR_TO_QIC if data["chart"].iloc[0] == "i" else 1.0
    np.testing.assert_allclose(chart["upper"] - chart["centre"],
                               (data["ucl"] - data["cl"]) * factor, rtol=1e-7)
    # qicharts2 clips a negative lower limit to 0 when no value is negative, as p and u do.
    expected_lower = data["cl"] - (data["cl"] - data["lcl"]) * factor
    np.testing.assert_allclose(chart["lower"], expected_lower, rtol=1e-7, atol=1e-12)
    np.testing.assert_array_equal(chart["excluded"], ~data["include"])


@pytest.mark.parametrize("name", list(SETTINGS))
def test_points_outside_the_limits_match_sigma_signal(name):
    data, chart = _example(name), _chart(name)
    outside = chart["special_cause"].str.contains("outside_limits")
    np.testing.assert_array_equal(outside, data["sigma_signal"])


@pytest.mark.parametrize("name", list(SETTINGS))
def test_runs_analysis_around_the_centre_line_matches(name):
    data = _example(name)
    exclude = SETTINGS[name].get("exclude", [])
    for part, rows in data.groupby("part"):
        first = rows.index[0]
        within = [p - first for p in exclude if first <= p <= rows.index[-1]]
        _, summary = run_chart(rows["y"].to_numpy(), exclude=within,
                               centre=float(rows["cl"].iloc[0]))
        expected = rows.iloc[0]
        assert (summary.n_useful, summary.longest_run, summary.n_crossings) == (
            expected["n_useful"], expected["longest_run"], expected["n_crossings"]), part
        assert (summary.longest_run_max, summary.n_crossings_min) == (
            expected["longest_run_max"], expected["n_crossings_min"])
        assert summary.signal == bool(expected["runs_signal"])


def test_anhoej_limits_for_10_to_100_useful_points():
    limits = read_peer("qicharts2_anhoej_limits.csv")
    assert limits["n_useful"].tolist() == list(range(10, 101))
    for row in limits.to_dict("records"):
        _, summary = run_chart(np.tile([0.0, 1.0], 60)[: row["n_useful"]], centre=0.5)
        assert summary.n_useful == row["n_useful"]
        assert (summary.longest_run_max, summary.n_crossings_min) == (
            row["longest_run_max"], row["n_crossings_min"]), row


def test_freeze_takes_the_median_of_the_baseline_points_only():
    values = [3, 1, 2, 5, 4, 10, 11, 12, 13, 14]
    frame, summary = run_chart(values, baseline_points=5)
    assert summary.median == 3  # median of 3, 1, 2, 5, 4
    assert frame["baseline"].tolist() == [True] * 5 + [False] * 5
    assert summary.longest_run == 7  # 5, 4, 10, ... , 14 all above 3
    excluded, summary = run_chart(values, baseline_points=5, exclude=[3])
    assert summary.median == 2.5  # 3, 1, 2, 4
    assert excluded["run"].isna().tolist()[3] and excluded["excluded"].iloc[3]
    assert summary.n_useful == 9


def _prime_data():
    return read_peer("qicharts2_nhs_accidents.csv"), read_peer("qicharts2_prime_expected.csv")


def test_laney_p_prime_matches_the_vignette():
    data, expected = _prime_data()
    published = expected.set_index("chart")
    for kind, chart in (("p", p_chart(data["r"], data["n"])),
                        ("pp", p_prime_chart(data["r"], data["n"]))):
        last = chart.iloc[-1] * 100
        row = published.loc[kind]
        # printed with 3 decimals
        assert round(last["lower"], 3) == row["lcl_percent"]
        assert round(last["centre"], 3) == row["cl_percent"]
        assert round(last["upper"], 3) == row["ucl_percent"]


def test_laney_u_prime_gives_the_p_prime_limits_on_the_same_counts():
    # Laney's factor absorbs the model: the u-scores are the p-scores times sqrt(1 - p-bar),
    # so sigma_z times sqrt(u-bar / n) equals the p' half-width. The published P' limits
    # therefore check the u' chart as well.
    data, expected = _prime_data()
    chart = u_prime_chart(data["r"], data["n"])
    row = expected.set_index("chart").loc["pp"]
    assert round(chart["upper"].iloc[-1] * 100, 3) == row["ucl_percent"]
    assert round(chart["lower"].iloc[-1] * 100, 3) == row["lcl_percent"]
    p_bar = data["r"].sum() / data["n"].sum()
    assert chart["sigma_z"].iloc[0] == pytest.approx(
        p_prime_chart(data["r"], data["n"])["sigma_z"].iloc[0] * np.sqrt(1 - p_bar))


def test_prime_chart_without_overdispersion_is_close_to_the_plain_chart():
    rng = np.random.default_rng(3)
    n = rng.integers(200, 400, 60)
    y = rng.binomial(n, 0.2)
    plain, prime = p_chart(y, n), p_prime_chart(y, n)
    factor = prime["sigma_z"].iloc[0]
    assert 0.8 < factor < 1.2
    np.testing.assert_allclose(prime["upper"] - prime["centre"],
                               (plain["upper"] - plain["centre"]) * factor)


def test_prime_chart_screening_drops_large_moving_ranges_of_the_z_scores():
    n = np.full(12, 1000)
    y = np.array([200, 210, 190, 205, 195, 200, 400, 200, 205, 195, 210, 190])
    screened = p_prime_chart(y, n, screen_outliers=True)
    assert screened["mr_excluded"].tolist() == [False] * 6 + [True, True] + [False] * 4
    p_bar = y.sum() / n.sum()
    z = (y / n - p_bar) / np.sqrt(p_bar * (1 - p_bar) / n)
    kept = np.delete(np.abs(np.diff(z)), [5, 6])
    assert screened["sigma_z"].iloc[0] == pytest.approx(kept.mean() / 1.128)
    assert p_prime_chart(y, n)["sigma_z"].iloc[0] == pytest.approx(
        np.abs(np.diff(z)).mean() / 1.128)


def test_prime_chart_keeps_the_series_index_and_columns():
    index = pd.date_range("2024-01-01", periods=3, freq="MS")
    chart = u_prime_chart(pd.Series([10, 12, 9], index=index), [100.0, 110.0, 95.0])
    assert chart.index.equals(index)
    assert {"count", "exposure", "sigma_z", "mr_excluded", "excluded"} <= set(chart.columns)
