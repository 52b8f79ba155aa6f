"""Spiegelinformatie: region figures that minus the GP's own practice would give the other
practices' small counts; signals and phi of hidden practices.

Dataset and hand-worked numbers: tests/spiegel_beyond_own_dataset.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.spiegel_beyond_own_dataset import fill_beyond_own_dataset
from tests.test_pagedata_spiegel_withheld import run, table_row


@pytest.fixture
def db(isolated_db):
    fill_beyond_own_dataset(isolated_db)
    return isolated_db


def series(data, name: str) -> list:
    return list(data.trend.loc[data.trend["series"] == name, "referrals"])


def destinations(data, group: str) -> dict:
    rows = data.destinations[data.destinations["group"] == group]
    return dict(zip(rows["destination"], rows["referrals"], strict=True))


# ---- quarters and destinations minus the own practice ----------------------------------------


def test_gp_sees_no_region_quarter_whose_others_count_is_small(db):
    data = run(db, "VIER", practice="V1")
    assert not data.region_withheld
    # Region 74, 18, 70, 70; V1 15 each. Q2: 18 - 15 = 3 (V2's) is hidden; the year's total
    # (232, the sum of the expected counts) minus the other quarters would give it back, so
    # the quarter with the smallest other count goes too: Q1 59, Q3 55, Q4 55 -> Q3, the
    # first of the two.
    assert series(data, "region") == [74, "–", "–", 70]
    assert series(data, "own") == [15, 15, 15, 15]
    region = data.trend[data.trend["series"] == "region"]
    assert region["rate"].isna().tolist() == [False, True, True, False]
    assert "Kwartalen van de regio met ‘–’ zijn niet getoond" in data.trend_note


def test_gp_sees_no_region_destination_whose_others_count_is_small(db):
    data = run(db, "VIER", practice="V1")
    # Region: hospital 208, anderhalvelijn 24, e-consult 0; V1: 40, 20, 0. Others: 168, 4, 0.
    # Anderhalvelijn's 4 is hidden; with the region's total 232 shown, a second destination
    # goes: the non-zero one, hospital (a hidden 0 would be guessed).
    assert destinations(data, "region") == {"ziekenhuis": "–", "anderhalvelijn": "–",
                                            "econsult": 0}
    assert destinations(data, "own") == {"ziekenhuis": 40, "anderhalvelijn": 20, "econsult": 0}
    region = data.destinations[data.destinations["group"] == "region"]
    assert region["share"].isna().tolist() == [True, True, False]
    assert "Bestemmingen van de regio met ‘–’ zijn niet getoond" in data.destinations_note


def test_coordinator_sees_every_region_quarter_and_destination(db):
    data = run(db, "VIER")
    # Nobody's own counts are known: 74, 18, 70, 70 and 208, 24, 0 are no small counts.
    assert series(data, "region") == [74, 18, 70, 70]
    assert destinations(data, "region") == {"ziekenhuis": 208, "anderhalvelijn": 24,
                                            "econsult": 0}
    assert "‘–’" not in data.trend_note and "‘–’" not in data.destinations_note


def test_a_region_with_enough_others_keeps_its_figures_phi_and_signals(db):
    data = run(db, "VIER", practice="V1")
    # 232 / 4,000 x 1,000 = 58.0 per 1,000; no practice count is small, so phi is that of
    # all four practices and every signal is counted.
    assert data.region_rate == pytest.approx(58.0) and data.total_referrals == 232
    z = 2 * (np.sqrt([60, 63, 49, 60]) - np.sqrt(58.0))
    low, high = np.quantile(z, [0.1, 0.9])
    assert data.phi == pytest.approx(float(np.mean(np.clip(z, low, high) ** 2)))
    assert "getoond" not in data.dispersion_note
    assert data.opportunity is not None and data.opportunity.hospital_referrals == 208
    coordinator = run(db, "VIER")
    # O 60, 63, 49, 60 against E 58 each: all within the limits.
    assert coordinator.conclusion.startswith(
        "In Regio Vier verwijzen 0 van de 4 praktijken meer en 0 minder")


# ---- the other practices' referrals together -------------------------------------------------


def test_gp_whose_others_have_a_small_total_sees_no_region_figures(db):
    data = run(db, "DRIE", practice="X1")
    # X2's 3 and X3's 4 are both "<10" (two hidden: no companion needed), but the region's
    # 57 (19.0 per 1,000 x 3,000 person-years, or the expected counts 19 + 19 + 19) minus the
    # GP's 50 would be their 7.
    assert data.region_withheld and data.region_withheld_reason == "few"
    assert data.region_rate is None and data.total_referrals is None
    assert data.notes[-1].startswith(
        "De andere praktijken in deze regio hebben samen een klein aantal verwijzingen")
    assert table_row(data, "Praktijk X2")["observed"] == "<10"
    assert math.isnan(table_row(data, "Praktijk X2")["expected"])
    assert math.isnan(table_row(data, "Praktijk X3")["expected"])
    assert data.phi is None
    assert set(data.trend["series"]) == {"own"}
    assert "het kleine aantal van de andere praktijken samen" in data.trend_note
    assert set(data.destinations["group"]) == {"own"}
    assert data.opportunity is None and data.opportunity_withheld


def test_coordinator_of_that_region_sees_its_figures(db):
    data = run(db, "DRIE")
    # 57 is no small count; X2 and X3 hide each other.
    assert not data.region_withheld
    assert data.total_referrals == 57 and data.region_rate == pytest.approx(19.0)
    assert table_row(data, "Praktijk X1")["observed"] == 50


def test_a_region_whose_total_is_small(db):
    # KLEIN: Y1 2 and Y2 3, 5 in all: a small count even without an own practice.
    data = run(db, "KLEIN")
    assert data.region_withheld and data.region_withheld_reason == "few"
    assert data.total_referrals is None and data.region_rate is None
    assert data.notes[-1].startswith(
        "De praktijken in deze regio hebben samen een klein aantal verwijzingen")
    assert data.destinations.empty


# ---- the estimate of fewer hospital referrals -----------------------------------------------


def test_opportunity_withheld_when_the_others_hospital_count_is_small(db):
    data = run(db, "TWEE", practice="W1")
    # W2's 40 referrals are shown, but only 4 went to hospital: the estimate's region total
    # of 34 hospital referrals minus the GP's 30 would give them.
    assert not data.region_withheld
    assert data.opportunity is None and data.opportunity_withheld
    # The destinations likewise: hospital 34 - 30 = 4 hidden, anderhalvelijn (others' 36)
    # with it.
    assert destinations(data, "region") == {"ziekenhuis": "–", "anderhalvelijn": "–",
                                            "econsult": 0}


def test_coordinator_sees_the_opportunity(db):
    data = run(db, "TWEE")
    # W2's 4 hospital referrals take W1's 30 with them; 34 gives only their sum.
    assert data.opportunity is not None and data.opportunity.hospital_referrals == 34
    assert not data.opportunity_withheld
