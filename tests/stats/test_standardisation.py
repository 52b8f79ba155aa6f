"""Indirect standardisation against hand arithmetic."""

import pandas as pd
import pytest
from scipy import stats

from dashboard.stats import indirect_standardise


def _units():
    return pd.DataFrame(
        {
            "unit": ["A", "A", "A", "A", "B", "B", "B", "B"],
            "age_band": ["<65", "<65", "65+", "65+"] * 2,
            "sex": ["M", "V", "M", "V"] * 2,
            "population": [1000, 1200, 300, 400, 500, 500, 800, 900],
            "observed": [5, 6, 9, 10, 2, 3, 25, 20],
        }
    )


def _reference_rates():
    return pd.DataFrame(
        {
            "age_band": ["<65", "<65", "65+", "65+"],
            "sex": ["M", "V", "M", "V"],
            "rate": [0.005, 0.004, 0.030, 0.025],
        }
    )


def test_expected_ratio_and_interval_by_hand_with_rate_table():
    out = indirect_standardise(_units(), _reference_rates()).set_index("unit")
    # A: 1000*.005 + 1200*.004 + 300*.03 + 400*.025 = 5 + 4.8 + 9 + 10 = 28.8, observed 30
    # B: 500*.005 + 500*.004 + 800*.03 + 900*.025 = 2.5 + 2 + 24 + 22.5 = 51.0, observed 50
    assert out.loc["A", "expected"] == pytest.approx(28.8)
    assert out.loc["B", "expected"] == pytest.approx(51.0)
    assert out.loc["A", "observed"] == 30
    assert out.loc["A", "ratio"] == pytest.approx(30 / 28.8)
    assert out.loc["A", "ratio_100"] == pytest.approx(3000 / 28.8)
    assert out.loc["A", "population"] == 2900
    assert out.loc["A", "crude_rate"] == pytest.approx(30 / 2900 * 1000)
    # exact Poisson limits of 30 via the chi-square relation, divided by E
    low = stats.chi2.ppf(0.025, 60) / 2 / 28.8
    high = stats.chi2.ppf(0.975, 62) / 2 / 28.8
    assert (out.loc["A", "low"], out.loc["A", "high"]) == pytest.approx((low, high))
    assert out.loc["A", "high_100"] == pytest.approx(high * 100)
    # a rate table has no population: standardised rate = ratio x (all E / all population) x 1000
    overall = (28.8 + 51.0) / (2900 + 2700)
    assert out.loc["B", "standardised_rate"] == pytest.approx(50 / 51.0 * overall * 1000)


def test_reference_given_as_counts_and_default_is_pooled_units():
    ref = pd.DataFrame(
        {
            "age_band": ["<65", "<65", "65+", "65+", "<65"],
            "sex": ["M", "V", "M", "V", "M"],
            "observed": [3, 4, 30, 25, 2],
            "population": [600, 1000, 1000, 1000, 400],
        }
    )
    out = indirect_standardise(_units(), ref).set_index("unit")
    # <65 M rows are pooled: 5 / 1000
    expected_a = 1000 * 5 / 1000 + 1200 * 4 / 1000 + 300 * 30 / 1000 + 400 * 25 / 1000
    assert out.loc["A", "expected"] == pytest.approx(expected_a)
    # indirectly standardised rate = O/E x reference crude rate (64 / 4000) x 1000
    assert out.loc["A", "standardised_rate"] == pytest.approx(30 / expected_a * 64 / 4000 * 1000)
    assert out.attrs["reference_rate"] == pytest.approx(64 / 4000)

    pooled = indirect_standardise(_units()).set_index("unit")
    # pooled reference: rates (5+2)/1500, (6+3)/1700, (9+25)/1100, (10+20)/1300
    expected_b = 500 * 7 / 1500 + 500 * 9 / 1700 + 800 * 34 / 1100 + 900 * 30 / 1300
    assert pooled.loc["B", "expected"] == pytest.approx(expected_b)
    # with the units as their own reference, total observed equals total expected
    assert pooled["expected"].sum() == pytest.approx(pooled["observed"].sum())


def test_custom_column_names():
    units = _units().rename(
        columns={"unit": "praktijk", "population": "ingeschreven", "observed": "verwijzingen"}
    )
    out = indirect_standardise(
        units,
        _reference_rates(),
        unit_col="praktijk",
        population_col="ingeschreven",
        events_col="verwijzingen",
    )
    assert list(out["praktijk"]) == ["A", "B"]


def test_missing_strata_are_named():
    ref = _reference_rates().iloc[:3]
    with pytest.raises(ValueError, match=r"strata missing from reference: \[\('65\+', 'V'\)\]"):
        indirect_standardise(_units(), ref)


@pytest.mark.parametrize(
    ("units", "reference", "message"),
    [
        (_units().drop(columns="sex"), _reference_rates(), "units is missing column(s) ['sex']"),
        (
            _units().assign(observed=[-1, 6, 9, 10, 2, 3, 25, 20]),
            _reference_rates(),
            "units['observed'] must be zero or more; got -1 at position 0",
        ),
        (_units().iloc[:0], _reference_rates(), "units must not be empty"),
        (
            _units(),
            _reference_rates().drop(columns="rate"),
            "reference must have columns 'observed' and 'population' (counts) or 'rate'",
        ),
        (
            _units(),
            pd.concat([_reference_rates(), _reference_rates().iloc[:1]]),
            "reference lists strata more than once",
        ),
        (
            _units(),
            _reference_rates().assign(rate=[0.0, 0.0, 0.0, 0.0]),
            "expected count is 0 for unit(s) ['A', 'B']",
        ),
    ],
)
def test_errors_name_the_problem(units, reference, message):
    with pytest.raises(ValueError) as err:
        indirect_standardise(units, reference)
    assert message in str(err.value)


def test_observed_totals_give_the_same_as_observed_per_stratum():
    # Indirect standardisation uses a unit's observed count only as a total: the same worked
    # example (A: 30 observed against 28.8 expected) with the totals given apart.
    units = _units().drop(columns="observed")
    out = indirect_standardise(units, _reference_rates(),
                               observed=pd.Series({"A": 30, "B": 50})).set_index("unit")
    assert out.loc["A", "expected"] == pytest.approx(28.8)
    assert out.loc["B", "expected"] == pytest.approx(51.0)
    assert out.loc["A", "observed"] == 30
    assert out.loc["A", "ratio"] == pytest.approx(30 / 28.8)
    low = stats.chi2.ppf(0.025, 60) / 2 / 28.8
    assert out.loc["A", "low"] == pytest.approx(low)
    # A unit left out of the totals observed nothing.
    only_b = indirect_standardise(units, _reference_rates(), observed=pd.Series({"B": 50}))
    assert only_b.set_index("unit").loc["A", "observed"] == 0


def test_observed_totals_need_a_reference_and_known_units():
    units = _units().drop(columns="observed")
    with pytest.raises(ValueError, match="need a reference"):
        indirect_standardise(units, observed=pd.Series({"A": 30}))
    with pytest.raises(ValueError, match="without population rows: \\['C'\\]"):
        indirect_standardise(units, _reference_rates(), observed=pd.Series({"C": 1}))
