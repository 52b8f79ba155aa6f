"""A hand-made dataset for the Regio-vergelijking: three regions, numbers computable by hand.

Data date 31-12-2024 in every region, so 2024 is the default year and 2023 the year before.

=======  ================================================  ========================================
region   referrals per month (destination: count, rta)     other sources
=======  ================================================  ========================================
ALF      2023: hospital 30 (30), anderhalvelijn 20 (10)    listed 10,000; inhabitants 20,000
         2024: hospital 30 (30), anderhalvelijn 30 (18)    (16,000 aged 18+); HF admissions 10 a
                                                           month in 2024; scores Mar 2024: 20, mean
                                                           8, sd 1; waits Jan 2024: 6 x 10 days,
                                                           6 x 20 days; episodes Jan 2024: 20, 16
                                                           resolved; costs: care 90,000 (2023) and
                                                           120,000 (2024), programme 20,000 (2024)
BET      2023 and 2024: hospital 40 (40), e-consult 10 (5)  listed 10,000; inhabitants 20,000
                                                           (16,000 aged 18+); HF admissions 5 a
                                                           month in 2024; scores: 20, mean 7, sd 1;
                                                           waits: 12 x 30 days; episodes: 20, 10
                                                           resolved; care costs 60,000 (2024)
GAM      2024 only: hospital 10 (10); January also          listed 5,000; scores: 5, all 6
         e-consult 3 (3)
=======  ================================================  ========================================

Each region has two practices with pseudonyms and names that must never reach the page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.models import (
    AggSatisfaction,
    AggWaitDays,
    Cost,
    HeartFailureAdmission,
    LoadLog,
    Practice,
    PracticePopulation,
    Referral,
    Region,
    RegionPopulation,
)
from tests.agg_support import EpisodeCell, ReferralCell, store_dataset

REGIONS = {"ALF": "Regio Alfa", "BET": "Regio Beta", "GAM": "Regio Gamma"}
PRACTICES = [
    # code, region, pseudonym, name, listed patients (per year, 2023 and 2024)
    ("ALF-P1", "ALF", "Praktijk Q101", "Huisartsenpraktijk De Linde", 6000),
    ("ALF-P2", "ALF", "Praktijk Q102", "Gezondheidscentrum Het Anker", 4000),
    ("BET-P1", "BET", "Praktijk Q201", "Huisartsen Aan Zee", 5000),
    ("BET-P2", "BET", "Praktijk Q202", "Praktijk Dokter Jansen", 5000),
    ("GAM-P1", "GAM", "Praktijk Q301", "Medisch Centrum Zuidpunt", 3000),
    ("GAM-P2", "GAM", "Praktijk Q302", "Huisartsenpost Oosterweg", 2000),
]
FORBIDDEN = [text for p in PRACTICES for text in (p[0], p[2], p[3])]


def _referrals(region, practice, year, month, destination, count, rta):
    return ReferralCell(
        region=region, practice=practice, month=date(year, month, 1), condition="af",
        destination=destination, age_band="45-64", sex="V", referrals=count, urgent=0,
        rta_conform=rta,
    )


def fill_regio_dataset(engine) -> None:
    rows: list = [
        Region(code=code, name=name, anderhalvelijn_start=date(2020, 1, 1), synthetic=True)
        for code, name in REGIONS.items()
    ]
    rows += [
        Practice(code=code, region=region, pseudonym=pseudonym, name=name)
        for code, region, pseudonym, name, _ in PRACTICES
    ]
    rows += [
        PracticePopulation(practice=code, year=year, age_band="45-64", sex="V",
                           listed_patients=listed)
        for code, _, _, _, listed in PRACTICES
        for year in (2023, 2024)
    ]
    rows += [
        RegionPopulation(region=region, year=year, inhabitants=20_000, inhabitants_18plus=16_000)
        for region in ("ALF", "BET")
        for year in (2023, 2024)
    ]
    for month in range(1, 13):
        # All of a region's referrals are booked on its first practice: the page must not care.
        rows += [
            _referrals("ALF", "ALF-P1", 2023, month, "ziekenhuis", 30, 30),
            _referrals("ALF", "ALF-P1", 2023, month, "anderhalvelijn", 20, 10),
            _referrals("ALF", "ALF-P1", 2024, month, "ziekenhuis", 30, 30),
            _referrals("ALF", "ALF-P1", 2024, month, "anderhalvelijn", 30, 18),
            _referrals("BET", "BET-P1", 2023, month, "ziekenhuis", 40, 40),
            _referrals("BET", "BET-P1", 2023, month, "econsult", 10, 5),
            _referrals("BET", "BET-P1", 2024, month, "ziekenhuis", 40, 40),
            _referrals("BET", "BET-P1", 2024, month, "econsult", 10, 5),
            _referrals("GAM", "GAM-P1", 2024, month, "ziekenhuis", 10, 10),
            HeartFailureAdmission(region="ALF", year=2024, month=month, admissions=10),
            HeartFailureAdmission(region="BET", year=2024, month=month, admissions=5),
        ]
    rows.append(_referrals("GAM", "GAM-P1", 2024, 1, "econsult", 3, 3))
    # One raw referral per region on the last day gives the data date 31-12-2024.
    rows += [
        Referral(
            id=900 + i, region=region, practice=f"{region}-P1", referral_date=date(2024, 12, 31),
            month=date(2024, 12, 1), patient_pseudonym=5000 + i, age_band="45-64", sex="V",
            icpc="K78", condition="af", destination="ziekenhuis", urgent=False,
            rta_conform=True,
        )
        for i, region in enumerate(REGIONS)
    ]
    rows += [
        AggSatisfaction(region="ALF", month=date(2024, 3, 1), setting="anderhalvelijn",
                        responses=20, score_sum=160.0, score_sq_sum=20 * 64 + 19 * 1),
        AggSatisfaction(region="BET", month=date(2024, 3, 1), setting="ziekenhuis",
                        responses=20, score_sum=140.0, score_sq_sum=20 * 49 + 19 * 1),
        AggSatisfaction(region="GAM", month=date(2024, 3, 1), setting="ziekenhuis",
                        responses=5, score_sum=30.0, score_sq_sum=180.0),
        AggWaitDays(region="ALF", month=date(2024, 1, 1), setting="anderhalvelijn",
                    wait_days=10, episodes=6),
        AggWaitDays(region="ALF", month=date(2024, 1, 1), setting="anderhalvelijn",
                    wait_days=20, episodes=6),
        AggWaitDays(region="BET", month=date(2024, 1, 1), setting="ziekenhuis",
                    wait_days=30, episodes=12),
        # A referral month without 13 weeks of follow-up: left out.
        AggWaitDays(region="BET", month=date(2024, 11, 1), setting="ziekenhuis",
                    wait_days=2, episodes=50),
        EpisodeCell(region="ALF", practice="ALF-P1", month=date(2024, 1, 1),
                        destination="anderhalvelijn", condition="af", episodes=20,
                        with_consult=20, wait_days_sum=0, within_4_weeks=20, resolved_6m=16),
        EpisodeCell(region="BET", practice="BET-P1", month=date(2024, 1, 1),
                        destination="anderhalvelijn", condition="af", episodes=20,
                        with_consult=20, wait_days_sum=0, within_4_weeks=20, resolved_6m=10),
        Cost(region="ALF", year=2023, month=0, setting="ziekenhuis", cost_type="zorg",
             payer="verzekeraar", amount=90_000.0),
        Cost(region="ALF", year=2024, month=0, setting="ziekenhuis", cost_type="zorg",
             payer="verzekeraar", amount=120_000.0),
        Cost(region="ALF", year=2024, month=0, setting="anderhalvelijn",
             cost_type="coordinatie", payer="verzekeraar", amount=20_000.0),
        Cost(region="BET", year=2024, month=0, setting="ziekenhuis", cost_type="zorg",
             payer="verzekeraar", amount=60_000.0),
        LoadLog(file_name="regio.csv", table_name="referrals", sha256="d" * 64, rows=1,
                loaded_at=datetime(2025, 1, 5, 9, 0, tzinfo=UTC), outcome="loaded"),
    ]
    store_dataset(engine, rows)
