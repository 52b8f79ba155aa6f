"""A hand-made dataset for the PDCA tests; every expected number is worked out in the tests.

Region R1 (practices PA, PB) has referrals in Nov 2024, Jan 2025 and Feb 2025 (none in Dec
2024) and a last referral on 28-02-2025, so February is complete. Region R2 has its last
referral on 20-02-2025 (February incomplete) and a population for 2023 only.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.models import (
    AggSatisfaction,
    AggWaitDays,
    Cost,
    HeartFailureAdmission,
    Practice,
    PracticePopulation,
    Referral,
    Region,
    RegionPopulation,
    SurveyResponse,
)
from tests.agg_support import EpisodeCell, ReferralCell, store_dataset


def _referral(id_: int, region: str, practice: str, day: date) -> Referral:
    return Referral(
        id=id_,
        region=region,
        practice=practice,
        referral_date=day,
        month=day.replace(day=1),
        patient_pseudonym=id_,
        age_band="65-74",
        sex="V",
        icpc="K77",
        condition="hartfalen",
        destination="ziekenhuis",
        urgent=False,
        rta_conform=True,
    )


def fill_pdca_dataset(engine) -> None:
    rows: list = [
        Region(code="R1", name="Regio Een"),
        Region(code="R2", name="Regio Twee", synthetic=True),
        Practice(code="PA", region="R1", pseudonym="Praktijk A"),
        Practice(code="PB", region="R1", pseudonym="Praktijk B"),
        Practice(code="PC", region="R2", pseudonym="Praktijk C"),
    ]
    population = [
        ("PA", 2024, "45-54", "M", 600),
        ("PA", 2024, "45-54", "V", 400),
        ("PB", 2024, "65-74", "V", 2000),
        ("PA", 2025, "45-54", "M", 1200),
        ("PB", 2025, "65-74", "V", 2100),
        ("PC", 2023, "65-74", "M", 5000),
    ]
    rows += [
        PracticePopulation(practice=p, year=y, age_band=a, sex=s, listed_patients=n)
        for p, y, a, s, n in population
    ]
    referrals = [  # region, practice, month, destination, referrals, rta_conform
        ("R1", "PA", date(2024, 11, 1), "ziekenhuis", 10, 8),
        ("R1", "PA", date(2024, 11, 1), "anderhalvelijn", 5, 5),
        ("R1", "PB", date(2024, 11, 1), "econsult", 3, 2),
        ("R1", "PB", date(2025, 1, 1), "ziekenhuis", 12, 12),
        ("R1", "PA", date(2025, 1, 1), "econsult", 4, 3),
        ("R1", "PA", date(2025, 2, 1), "ziekenhuis", 6, 5),
        ("R2", "PC", date(2025, 1, 1), "ziekenhuis", 20, 20),
        ("R2", "PC", date(2025, 2, 1), "ziekenhuis", 9, 9),
    ]
    rows += [
        ReferralCell(
            region=r,
            practice=p,
            month=m,
            condition="hartfalen",
            destination=d,
            age_band="65-74",
            sex="V",
            referrals=n,
            urgent=0,
            rta_conform=c,
        )
        for r, p, m, d, n, c in referrals
    ]
    rows += [
        _referral(1, "R1", "PA", date(2025, 2, 28)),
        _referral(2, "R1", "PA", date(2025, 2, 3)),
        _referral(3, "R2", "PC", date(2025, 2, 20)),
    ]
    episodes = [  # month, destination, episodes, resolved_6m
        (date(2024, 6, 1), "anderhalvelijn", 10, 8),
        (date(2024, 6, 1), "ziekenhuis", 20, 0),
        (date(2024, 7, 1), "anderhalvelijn", 6, 3),
        (date(2024, 8, 1), "anderhalvelijn", 5, 5),
        (date(2024, 9, 1), "anderhalvelijn", 4, 3),
    ]
    rows += [
        EpisodeCell(
            region="R1",
            practice="PA",
            month=m,
            destination=d,
            condition="hartfalen",
            episodes=n,
            with_consult=n,
            wait_days_sum=0,
            within_4_weeks=0,
            resolved_6m=k,
        )
        for m, d, n, k in episodes
    ]
    waits = [  # month, setting, wait_days, episodes
        (date(2024, 9, 1), "ziekenhuis", 10, 1),
        (date(2024, 9, 1), "ziekenhuis", 12, 1),
        (date(2024, 9, 1), "ziekenhuis", 20, 1),
        (date(2024, 9, 1), "anderhalvelijn", 5, 1),
        (date(2024, 10, 1), "ziekenhuis", 7, 1),
        (date(2024, 10, 1), "ziekenhuis", 30, 2),
        (date(2024, 11, 1), "ziekenhuis", 2, 5),
    ]
    rows += [
        AggWaitDays(region="R1", month=m, setting=s, wait_days=w, episodes=n)
        for m, s, w, n in waits
    ]
    rows += [
        AggSatisfaction(
            region="R1",
            month=date(2024, 11, 1),
            setting="ziekenhuis",
            responses=4,
            score_sum=30,
            score_sq_sum=230,
        ),
        AggSatisfaction(
            region="R1",
            month=date(2024, 11, 1),
            setting="anderhalvelijn",
            responses=6,
            score_sum=48,
            score_sq_sum=390,
        ),
        AggSatisfaction(
            region="R1",
            month=date(2024, 12, 1),
            setting="ziekenhuis",
            responses=2,
            score_sum=15,
            score_sq_sum=113,
        ),
    ]
    costs = [  # year, month, setting, cost_type, amount
        (2024, 11, "ziekenhuis", "zorg", 9000.0),
        (2024, 11, "anderhalvelijn", "zorg", 900.0),
        (2024, 11, "anderhalvelijn", "ict", 600.0),  # programme cost: per inhabitant only
        (2024, 0, "anderhalvelijn", "coordinatie", 12000.0),
        (2025, 1, "ziekenhuis", "zorg", 8000.0),
    ]
    rows += [
        Cost(region="R1", year=y, month=m, setting=s, cost_type=c, payer="verzekeraar", amount=a)
        for y, m, s, c, a in costs
    ]
    rows += [
        RegionPopulation(region="R1", year=2024, inhabitants=10000, inhabitants_18plus=8000),
        RegionPopulation(region="R1", year=2025, inhabitants=10200, inhabitants_18plus=8100),
        HeartFailureAdmission(region="R1", year=2024, month=11, admissions=4),
        HeartFailureAdmission(region="R1", year=2025, month=1, admissions=2),
    ]
    scores = [(2024, 7.0), (2024, 8.0), (2024, 9.0), (2025, 6.0)]
    rows += [
        SurveyResponse(id=i, region="R1", year=y, profession="huisarts", score=s)
        for i, (y, s) in enumerate(scores, start=1)
    ]
    store_dataset(engine, rows)


@pytest.fixture
def pdca_db(isolated_db):
    fill_pdca_dataset(isolated_db)
    return isolated_db
