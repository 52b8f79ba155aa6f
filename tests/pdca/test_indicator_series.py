"""indicator_series against the hand-made dataset in conftest.py, every number by hand.

Person-years of a month = listed patients of its year x days in the month / days in the year
(2024 is a leap year: 366 days). R1 lists 600 + 400 + 2000 = 3000 patients in 2024 and
1200 + 2100 = 3300 in 2025.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from dashboard.indicators import CATALOGUE
from dashboard.queries.indicator_series import SERIES_COLUMNS, SPECS, indicator_series

NOV24 = 3000 * 30 / 366
DEC24 = 3000 * 31 / 366
JAN25 = 3300 * 31 / 365
FEB25 = 3300 * 28 / 365


def months(frame: pd.DataFrame) -> list[date]:
    return [stamp.date() for stamp in frame["month"]]


def test_every_catalogue_indicator_has_a_series_definition():
    assert set(SPECS) == {indicator.code for indicator in CATALOGUE}


def test_referral_rate_fills_empty_months_with_zero(pdca_db):
    series = indicator_series(pdca_db, "VERW_CARD", "R1")

    assert list(series.columns) == SERIES_COLUMNS
    assert months(series) == [
        date(2024, 11, 1),
        date(2024, 12, 1),
        date(2025, 1, 1),
        date(2025, 2, 1),
    ]
    # Nov: 10 + 5 + 3; Dec: none; Jan: 12 + 4; Feb: 6.
    assert list(series["numerator"]) == [18, 0, 16, 6]
    assert series["denominator"].tolist() == pytest.approx([NOV24, DEC24, JAN25, FEB25])
    assert series["value"].tolist() == pytest.approx(
        [18 / NOV24 * 1000, 0.0, 16 / JAN25 * 1000, 6 / FEB25 * 1000]
    )
    assert series["value"].iloc[0] == pytest.approx(73.2, abs=0.01)  # 18 / 245.90 x 1000


def test_hospital_referral_rate(pdca_db):
    series = indicator_series(pdca_db, "VERW_ZH", "R1")

    assert list(series["numerator"]) == [10, 0, 12, 6]
    assert series["value"].iloc[2] == pytest.approx(12 / 280.2739726 * 1000)


def test_an_incomplete_last_month_is_left_out_and_the_nearest_population_year_is_used(pdca_db):
    series = indicator_series(pdca_db, "VERW_ZH", "R2")

    # R2's last referral is on 20-02-2025, so February is not complete yet; R2 has a
    # population for 2023 only (5000), borrowed for 2025.
    assert months(series) == [date(2025, 1, 1)]
    assert series["denominator"].iloc[0] == pytest.approx(5000 * 31 / 365)


def test_shares_leave_out_months_without_referrals(pdca_db):
    share = indicator_series(pdca_db, "ALV_AANDEEL", "R1")
    rta = indicator_series(pdca_db, "RTA_CONFORM", "R1")

    assert months(share) == [date(2024, 11, 1), date(2025, 1, 1), date(2025, 2, 1)]
    # anderhalvelijn + e-consult: Nov 5 + 3 of 18, Jan 4 of 16, Feb 0 of 6.
    assert list(share["numerator"]) == [8, 4, 0]
    assert list(share["denominator"]) == [18, 16, 6]
    assert share["value"].tolist() == pytest.approx([8 / 18, 0.25, 0.0])
    # RTA-conform: Nov 8 + 5 + 2, Jan 12 + 3, Feb 5.
    assert rta["value"].tolist() == pytest.approx([15 / 18, 15 / 16, 5 / 6])


def test_resolved_share_needs_six_months_of_follow_up(pdca_db):
    series = indicator_series(pdca_db, "ALV_AFGEHANDELD", "R1")

    # Data date 28-02-2025: July ends 31-07-2024 + 182 days = 29-01-2025 (in); August ends
    # 31-08-2024 + 182 days = 01-03-2025 (out). Hospital episodes do not count.
    assert months(series) == [date(2024, 6, 1), date(2024, 7, 1)]
    assert series["value"].tolist() == pytest.approx([0.8, 0.5])


def test_waiting_time_is_the_median_of_followed_up_months(pdca_db):
    series = indicator_series(pdca_db, "WACHTTIJD", "R1")

    # September: 5, 10, 12, 20 -> (10 + 12) / 2 = 11; October: 7, 30, 30 -> 30. November
    # ends 30-11-2024 + 91 days = 01-03-2025, after the data date: still waiting, left out.
    assert months(series) == [date(2024, 9, 1), date(2024, 10, 1)]
    assert series["value"].tolist() == [11.0, 30.0]
    assert series["denominator"].tolist() == [4.0, 3.0]
    assert series["numerator"].isna().all()


def test_patient_satisfaction_is_the_mean_over_settings(pdca_db):
    series = indicator_series(pdca_db, "TEVREDENHEID", "R1")

    # November: (30 + 48) / (4 + 6) = 7.8; December 15 / 2 = 7.5.
    assert series["value"].tolist() == pytest.approx([7.8, 7.5])
    assert series["denominator"].tolist() == [10.0, 2.0]


def test_costs_use_monthly_bookings_only(pdca_db):
    per_patient = indicator_series(pdca_db, "KOSTEN_PP", "R1")
    per_inhabitant = indicator_series(pdca_db, "KOSTEN_INW", "R1")

    # The yearly coordination cost (month 0) cannot be placed in a month. Per patient counts
    # care only (cost type "zorg", as the catalogue and the comparison page define it); the
    # November ICT cost of the programme is in the cost per inhabitant only.
    assert months(per_patient) == [date(2024, 11, 1), date(2025, 1, 1)]
    assert per_patient["value"].tolist() == pytest.approx([9900 / 18, 8000 / 16])
    # EUR per inhabitant per year: 10500 / (10000 x 30/366) = 12.81; 8000 / (10200 x 31/365).
    assert per_inhabitant["value"].tolist() == pytest.approx(
        [10500 / (10000 * 30 / 366), 8000 / (10200 * 31 / 365)]
    )
    assert per_inhabitant["value"].iloc[0] == pytest.approx(12.810, abs=0.001)


def test_heart_failure_admissions_per_1000_adults(pdca_db):
    series = indicator_series(pdca_db, "OPNAME_HF", "R1")

    assert series["value"].tolist() == pytest.approx(
        [4 / (8000 * 30 / 366) * 1000, 2 / (8100 * 31 / 365) * 1000]
    )


def test_professional_satisfaction_is_yearly(pdca_db):
    series = indicator_series(pdca_db, "WERKPLEZIER", "R1")

    assert SPECS["WERKPLEZIER"].frequency == "year"
    assert months(series) == [date(2024, 1, 1), date(2025, 1, 1)]
    assert series["value"].tolist() == pytest.approx([8.0, 6.0])


@pytest.mark.parametrize("code", [indicator.code for indicator in CATALOGUE])
def test_a_region_without_data_gives_an_empty_frame(pdca_db, code):
    series = indicator_series(pdca_db, code, "NOPE")

    assert series.empty
    assert list(series.columns) == SERIES_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(series["month"])


def test_unknown_indicator_lists_the_known_ones(pdca_db):
    with pytest.raises(ValueError, match="unknown indicator 'XYZ'; known indicators: VERW_CARD"):
        indicator_series(pdca_db, "XYZ", "R1")


def test_values_are_finite_and_months_increase(pdca_db):
    for indicator in CATALOGUE:
        series = indicator_series(pdca_db, indicator.code, "R1")
        assert series["month"].is_monotonic_increasing, indicator.code
        assert all(math.isfinite(v) for v in series["value"]), indicator.code
