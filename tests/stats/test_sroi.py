"""SROI against explicit arithmetic, plus sensitivity, simulation and input checks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.stats import (
    Investment,
    Outcome,
    SROIModel,
    default_sroi_ranges,
    sroi,
    sroi_sensitivity,
    sroi_simulate,
)


def _model(discount_rate=0.0225, scale=1.0):
    return SROIModel(
        investments=(
            Investment("Zorgverzekeraar", 100_000 * scale),
            Investment("Gemeente", 20_000 * scale, year=1),
        ),
        outcomes=(
            Outcome(
                "Vermeden ziekenhuisverwijzing",
                "Zorgverzekeraar",
                quantity=200,
                proxy=400,
                deadweight=0.2,
                displacement=0.0,
                attribution=0.25,
                drop_off=0.1,
                duration=3,
            ),
            Outcome("Minder reistijd", "Patienten", quantity=500, proxy=30, duration=1),
        ),
        discount_rate=discount_rate,
    )


def test_present_value_by_explicit_arithmetic():
    res = sroi(_model())
    r = 0.0225
    impact = 200 * 400 * 0.8 * 1.0 * 0.75  # 48,000 per year
    pv_a = impact / (1 + r) + impact * 0.9 / (1 + r) ** 2 + impact * 0.81 / (1 + r) ** 3
    pv_b = 500 * 30 / (1 + r)
    investment = 100_000 + 20_000 / (1 + r)
    assert res.outcomes["impact_per_year"].tolist() == pytest.approx([48_000, 15_000])
    assert res.outcomes["present_value"].tolist() == pytest.approx([pv_a, pv_b])
    assert res.present_value == pytest.approx(pv_a + pv_b)
    assert res.investment == pytest.approx(investment)
    assert res.net_present_value == pytest.approx(pv_a + pv_b - investment)
    assert res.ratio == pytest.approx((pv_a + pv_b) / investment)


def test_by_year_and_stakeholder_tables():
    res = sroi(_model())
    year3 = res.by_year[(res.by_year["outcome"] == "Vermeden ziekenhuisverwijzing")]
    assert year3["year"].tolist() == [1, 2, 3]
    assert year3["value"].tolist() == pytest.approx([48_000, 43_200, 38_880])
    assert res.by_year["present_value"].sum() == pytest.approx(res.present_value)
    st_ = res.stakeholders.set_index("stakeholder")
    assert st_.loc["Zorgverzekeraar", "invested"] == pytest.approx(100_000)
    assert st_.loc["Gemeente", "invested"] == pytest.approx(20_000 / 1.0225)
    assert st_.loc["Gemeente", "benefit"] == 0.0
    assert st_.loc["Patienten", "invested"] == 0.0
    assert st_.loc["Patienten", "benefit"] == pytest.approx(15_000 / 1.0225)
    assert st_["net"].sum() == pytest.approx(res.net_present_value)


def test_zero_discount_rate_is_plain_sum():
    res = sroi(_model(discount_rate=0.0))
    assert res.present_value == pytest.approx(48_000 * (1 + 0.9 + 0.81) + 15_000)
    assert res.investment == pytest.approx(120_000)


def test_dict_input_gives_same_result():
    data = {
        "name": "Connect-regio",
        "discount_rate": 0.0225,
        "investments": [
            {"stakeholder": "Zorgverzekeraar", "amount": 100_000},
            {"stakeholder": "Gemeente", "amount": 20_000, "year": 1},
        ],
        "outcomes": [
            {
                "name": "Vermeden ziekenhuisverwijzing",
                "stakeholder": "Zorgverzekeraar",
                "quantity": 200,
                "proxy": 400,
                "deadweight": 0.2,
                "attribution": 0.25,
                "drop_off": 0.1,
                "duration": 3,
            },
            {"name": "Minder reistijd", "stakeholder": "Patienten", "quantity": 500, "proxy": 30},
        ],
    }
    assert sroi(data).ratio == pytest.approx(sroi(_model()).ratio)


@settings(max_examples=40, deadline=None)
@given(scale=st.floats(0.01, 100))
def test_ratio_scales_inversely_with_investment(scale):
    base = sroi(_model()).ratio
    assert sroi(_model(scale=scale)).ratio == pytest.approx(base / scale, rel=1e-9)


def test_sensitivity_tornado_by_hand():
    model = _model(discount_rate=0.0)
    table = sroi_sensitivity(
        model,
        {
            "Minder reistijd.proxy": (15, 45),
            "Vermeden ziekenhuisverwijzing.deadweight": (0.1, 0.3),
            "investment.Gemeente": (10_000, 30_000),
            "discount_rate": (0.0, 0.04),
        },
    )
    pv = 48_000 * 2.71 + 15_000
    row = table.set_index("assumption").loc["Minder reistijd.proxy"]
    assert row["ratio_low"] == pytest.approx((pv - 7_500) / 120_000)
    assert row["ratio_high"] == pytest.approx((pv + 7_500) / 120_000)
    assert row["swing"] == pytest.approx(15_000 / 120_000)
    dw = table.set_index("assumption").loc["Vermeden ziekenhuisverwijzing.deadweight"]
    per_year = 200 * 400 * 0.75 * 2.71
    assert dw["ratio_low"] == pytest.approx((per_year * 0.9 + 15_000) / 120_000)
    inv = table.set_index("assumption").loc["investment.Gemeente"]
    assert inv["ratio_high"] == pytest.approx(pv / 130_000)
    assert table["swing"].is_monotonic_decreasing
    assert table.attrs["base_ratio"] == pytest.approx(pv / 120_000)
    assert list(table.columns) == [
        "assumption", "base_value", "low_value", "high_value",
        "ratio_low", "ratio_high", "npv_low", "npv_high", "swing",
    ]


def test_default_ranges_cover_every_assumption():
    ranges = default_sroi_ranges(_model())
    assert ranges["Minder reistijd.proxy"] == pytest.approx((15, 45))
    assert ranges["Vermeden ziekenhuisverwijzing.deadweight"] == pytest.approx((0.1, 0.3))
    assert ranges["Minder reistijd.deadweight"] == (0.0, 0.1)
    assert ranges["Minder reistijd.duration"] == (1, 2)
    assert ranges["discount_rate"] == pytest.approx((0.0025, 0.0425))
    assert ranges["investment.Zorgverzekeraar"] == pytest.approx((90_000, 110_000))
    table = sroi_sensitivity(_model())
    assert len(table) == len(ranges)


def test_simulation_is_reproducible_and_brackets_base():
    base = sroi(_model()).ratio
    a = sroi_simulate(_model(), n=4000, seed=11)
    b = sroi_simulate(_model(), n=4000, seed=11)
    assert a.ratio_interval == b.ratio_interval
    low, high = a.ratio_interval
    assert low < base < high
    assert a.npv_interval[0] < a.npv_median < a.npv_interval[1]
    assert len(a.draws) == 4000
    assert 0 <= a.prob_ratio_above_1 <= 1
    uniform = sroi_simulate(_model(), n=4000, seed=11, distribution="uniform")
    # a uniform draw puts more weight in the tails than a triangular one with the same range
    assert uniform.ratio_interval[1] - uniform.ratio_interval[0] > high - low


def test_simulation_with_fixed_ranges_reproduces_base():
    model = _model()
    fixed = {"Minder reistijd.proxy": (30, 30)}
    sim = sroi_simulate(model, n=10, seed=1, ranges=fixed)
    assert sim.draws["ratio"].tolist() == pytest.approx([sroi(model).ratio] * 10)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"outcomes": [{"name": "x", "stakeholder": "y", "quantity": 1, "proxy": 1,
                        "deadweight": 25}]},
         "outcomes[0] (x) deadweight must be a fraction between 0 and 1 (e.g. 0.25 for 25%)"),
        ({"outcomes": [{"name": "x", "stakeholder": "y", "quantity": -1, "proxy": 1}]},
         "outcomes[0] (x) quantity must be zero or more; got -1"),
        ({"outcomes": [{"name": "x", "stakeholder": "y", "quantity": 1, "proxy": 1,
                        "duration": 0}]},
         "outcomes[0] (x) duration must be a whole number of 1 or more; got 0"),
        ({"outcomes": [{"name": "x", "stakeholder": "y", "quantity": 1, "proxy": 1,
                        "dead_weight": 0.1}]},
         "outcomes[0] has unknown key(s) ['dead_weight']"),
        ({"outcomes": [{"name": "x", "quantity": 1, "proxy": 1}]},
         "outcomes[0] is missing a required key; needs ['name', 'stakeholder', 'quantity'"),
        ({"investments": [{"stakeholder": "a", "amount": 0}]},
         "total investment must be greater than 0"),
        ({"investments": [{"stakeholder": "a", "amount": -5}]},
         "investments[0] (a) amount must be zero or more; got -5"),
        ({"investments": [{"stakeholder": "a", "amount": 5, "year": 1.5}]},
         "investments[0] (a) year must be a whole number of 0 or more"),
        ({"discount_rate": 2.25}, "discount_rate must be a fraction between 0 and 1"),
        ({"outcomes": []}, "model needs at least one outcome"),
        ({"budget": 1}, "model has unknown key(s) ['budget']"),
    ],
)
def test_sroi_errors_name_the_input(change, message):
    data = {
        "investments": [{"stakeholder": "a", "amount": 100}],
        "outcomes": [{"name": "x", "stakeholder": "y", "quantity": 1, "proxy": 1}],
        **change,
    }
    with pytest.raises(ValueError) as err:
        sroi(data)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: sroi_sensitivity(m, {"nope.proxy": (1, 2)}), "ranges key 'nope.proxy'"),
        (
            lambda m: sroi_sensitivity(m, {"Minder reistijd.proxy": (40, 50)}),
            "must satisfy low <= base <= high; got low=40, base=30, high=50",
        ),
        (
            lambda m: sroi_sensitivity(m, {"Minder reistijd.attribution": (0, 1.2)}),
            "must stay within 0 and 1",
        ),
        (
            lambda m: sroi_sensitivity(m, {"investment.Zorgverzekeraar": (-1, 1e5)}),
            "low must keep the total investment above 0",
        ),
        (lambda m: sroi_simulate(m, n=0), "n must be a whole number of 1 or more"),
        (lambda m: sroi_simulate(m, distribution="normal"), "distribution must be"),
    ],
)
def test_sensitivity_errors(call, message):
    with pytest.raises(ValueError) as err:
        call(_model())
    assert message in str(err.value)
