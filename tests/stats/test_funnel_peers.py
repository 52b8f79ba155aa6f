"""Funnel signals against PHEindicatormethods' own test data (assign_funnel_significance)."""

import pytest

from dashboard.stats import funnel_classify
from tests.peers import read_peer

PHE_LABELS = {
    "high_998": "High (0.001)",
    "high_95": "High (0.025)",
    "within": "Not significant",
    "low_95": "Low (0.025)",
    "low_998": "Low (0.001)",
}


def test_ratio_signals_of_300_units_match():
    data = read_peer("phe_funnel_ratio.csv")
    out = funnel_classify(data["obs"], data["expected"], "ratio")
    assert out["signal"].map(PHE_LABELS).tolist() == data["significance"].tolist()
    assert set(data["significance"]) == set(PHE_LABELS.values())  # every band is exercised


def test_proportion_signals_of_303_areas_match_around_the_pooled_proportion():
    data = read_peer("phe_funnel_proportion.csv")
    # Some numerators are weighted counts (e.g. 35078.488); funnel_classify takes whole numbers.
    out = funnel_classify(data["numerator"].round(), data["denominator"], "proportion")
    assert out.attrs["target"] == pytest.approx(
        data["numerator"].sum() / data["denominator"].sum(), rel=1e-6)
    assert out["signal"].map(PHE_LABELS).tolist() == data["significance"].tolist()
