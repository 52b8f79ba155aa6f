"""A hand-made dataset for the Anderhalvelijn page and the Quadruple Aim tiles.

Every expected number in tests/app/test_anderhalvelijn_page.py, tests/app/test_home_tiles.py
and tests/pagedata/ is worked out by hand from these rows (see the comments there).

Regio Noord (NRD, anderhalvelijn since 2024-01-01): practices P1 "Praktijk A", P2
"Praktijk B", P3 "Praktijk C"; referrals December 2024 and January, February and December
2025; data date 2025-12-20, so referral months up to May 2025 have 6 months of follow-up.
Regio Zuid (ZD, no anderhalvelijn): practice P4 "Praktijk D"; January and February 2025;
data date 2025-02-14.
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
    Referral,
    Region,
    RegionPopulation,
    SurveyResponse,
)
from tests.agg_support import EpisodeCell, ReferralCell, store_dataset

D24_12, J25, F25, D25 = date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1), date(2025, 12, 1)

# region, practice, month, condition, destination, referrals
REFERRALS = [
    ("NRD", "P1", D24_12, "hartfalen", "ziekenhuis", 25),
    ("NRD", "P1", J25, "hartfalen", "ziekenhuis", 20),
    ("NRD", "P1", J25, "hartfalen", "anderhalvelijn", 60),
    ("NRD", "P1", F25, "af", "econsult", 10),
    ("NRD", "P2", J25, "af", "ziekenhuis", 40),
    ("NRD", "P2", F25, "af", "anderhalvelijn", 40),
    ("NRD", "P2", D25, "hartfalen", "anderhalvelijn", 10),
    ("NRD", "P3", J25, "overig", "ziekenhuis", 12),
    ("NRD", "P3", F25, "overig", "econsult", 3),
    ("ZD", "P4", J25, "pob_acs", "ziekenhuis", 50),
    ("ZD", "P4", F25, "pob_acs", "econsult", 12),
]

# region, practice, month, destination, condition, episodes, with_consult, within_4_weeks,
# resolved_6m
EPISODES = [
    ("NRD", "P1", D24_12, "ziekenhuis", "hartfalen", 25, 25, 10, 0),
    ("NRD", "P1", J25, "ziekenhuis", "hartfalen", 20, 20, 8, 0),
    ("NRD", "P1", J25, "anderhalvelijn", "hartfalen", 60, 60, 54, 50),
    ("NRD", "P1", F25, "econsult", "af", 10, 10, 10, 8),
    ("NRD", "P2", J25, "ziekenhuis", "af", 40, 40, 16, 0),
    ("NRD", "P2", F25, "anderhalvelijn", "af", 40, 40, 36, 34),
    ("NRD", "P2", D25, "anderhalvelijn", "hartfalen", 10, 6, 6, 10),
    ("NRD", "P3", J25, "ziekenhuis", "overig", 12, 12, 6, 0),
    ("NRD", "P3", F25, "econsult", "overig", 3, 3, 3, 3),
    ("ZD", "P4", J25, "ziekenhuis", "pob_acs", 50, 50, 20, 1),
    ("ZD", "P4", F25, "econsult", "pob_acs", 12, 12, 12, 11),
]

# region, month, setting, wait_days, episodes
WAITS = [
    ("NRD", D24_12, "ziekenhuis", 25, 25),
    ("NRD", J25, "ziekenhuis", 20, 30),
    ("NRD", J25, "ziekenhuis", 40, 42),
    ("NRD", J25, "anderhalvelijn", 7, 20),
    ("NRD", J25, "anderhalvelijn", 14, 30),
    ("NRD", J25, "anderhalvelijn", 35, 10),
    ("NRD", F25, "anderhalvelijn", 10, 25),
    ("NRD", F25, "anderhalvelijn", 30, 15),
    ("NRD", D25, "anderhalvelijn", 5, 6),
    ("NRD", F25, "econsult", 1, 13),
    ("ZD", J25, "ziekenhuis", 21, 50),
    ("ZD", F25, "econsult", 2, 12),
]

# region, month, setting, responses, score_sum, score_sq_sum
SATISFACTION = [
    ("NRD", J25, "anderhalvelijn", 10, 85.0, 725.0),  # five 8s and five 9s
    ("NRD", J25, "ziekenhuis", 12, 84.0, 588.0),  # twelve 7s
    ("NRD", F25, "econsult", 4, 32.0, 256.0),  # four 8s: too few to show
    ("ZD", J25, "ziekenhuis", 20, 150.0, 1130.0),  # ten 7s and ten 8s
]

# region, year, month, setting, cost_type, payer, amount
COSTS = [
    ("NRD", 2024, 12, "ziekenhuis", "zorg", "verzekeraar", 30_000.0),
    ("NRD", 2025, 1, "anderhalvelijn", "zorg", "verzekeraar", 20_000.0),
    ("NRD", 2025, 2, "anderhalvelijn", "zorg", "verzekeraar", 12_000.0),
    ("NRD", 2025, 0, "ziekenhuis", "zorg", "verzekeraar", 120_000.0),
    ("NRD", 2025, 0, "anderhalvelijn", "coordinatie", "gemeente", 5_000.0),
    ("ZD", 2025, 0, "ziekenhuis", "zorg", "verzekeraar", 60_000.0),
]


def fill_anderhalvelijn_dataset(engine) -> None:
    rows: list = [
        Region(code="NRD", name="Regio Noord", anderhalvelijn_start=date(2024, 1, 1)),
        Region(code="ZD", name="Regio Zuid"),
        Practice(code="P1", region="NRD", pseudonym="Praktijk A", name="Huisartsen Aalst"),
        Practice(code="P2", region="NRD", pseudonym="Praktijk B", name="Huisartsen Beek"),
        Practice(code="P3", region="NRD", pseudonym="Praktijk C", name="Huisartsen Cuijk"),
        Practice(code="P4", region="ZD", pseudonym="Praktijk D", name="Huisartsen Doorn"),
    ]
    rows += [
        ReferralCell(region=r, practice=p, month=m, condition=c, destination=d,
                         age_band="65-74", sex="V", referrals=n, urgent=0, rta_conform=n)
        for r, p, m, c, d, n in REFERRALS
    ]
    rows += [
        EpisodeCell(region=r, practice=p, month=m, destination=d, condition=c, episodes=n,
                        with_consult=wc, wait_days_sum=0, within_4_weeks=w, resolved_6m=res)
        for r, p, m, d, c, n, wc, w, res in EPISODES
    ]
    rows += [
        AggWaitDays(region=r, month=m, setting=s, wait_days=days, episodes=n)
        for r, m, s, days, n in WAITS
    ]
    rows += [
        AggSatisfaction(region=r, month=m, setting=s, responses=n, score_sum=total,
                        score_sq_sum=squares)
        for r, m, s, n, total, squares in SATISFACTION
    ]
    rows += [
        Cost(region=r, year=y, month=m, setting=s, cost_type=c, payer=p, amount=a)
        for r, y, m, s, c, p, a in COSTS
    ]
    # The data date is the last referral date per region (only the last month is read).
    rows += [
        Referral(id=i, region=r, practice=p, referral_date=d, month=d.replace(day=1),
                 patient_pseudonym=5000 + i, age_band="65-74", sex="V", icpc="K77",
                 condition="hartfalen", destination="anderhalvelijn", urgent=False,
                 rta_conform=True)
        for i, r, p, d in [
            (1, "NRD", "P2", date(2025, 12, 20)),
            (2, "NRD", "P2", date(2025, 12, 3)),
            (3, "ZD", "P4", date(2025, 2, 14)),
        ]
    ]
    rows.append(
        LoadLog(file_name="verwijzingen.csv", table_name="referrals", sha256="d" * 64, rows=3,
                loaded_at=datetime(2025, 12, 21, 9, 0, tzinfo=UTC), outcome="loaded")
    )
    store_dataset(engine, rows)


# ---- Quadruple Aim tiles ---------------------------------------------------------------------

# region, year, inhabitants, inhabitants_18plus
POPULATION = [
    ("NRD", 2023, 100_000, 80_000),
    ("NRD", 2024, 100_000, 80_000),
    ("NRD", 2025, 125_000, 100_000),
    ("ZD", 2025, 50_000, 40_000),
]


def fill_tile_dataset(engine) -> None:
    """Yearly sources for the tiles, on top of :func:`fill_anderhalvelijn_dataset`.

    Noord: heart-failure admissions 2023 12 x 25 = 300 (per 80,000 adults: 3.75 per 1,000),
    2024 12 x 20 = 240 (3.00), 2025 only 11 months (incomplete). Survey 2024: 6, 7, 8, 7, 7,
    6, 8, 7, 7, 7 (mean 7.0); 2025: 8, 8, 7, 9, 8, 8, 7, 9, 8, 8 (mean 8.0). Its satisfaction,
    waits and costs cover only some months of a year: no complete year.
    Zuid: satisfaction 2024 in all 12 months (10 responses a month, mean 7.5); waits 2024 in
    all 12 months (5 x 10 days and 5 x 30 days a month: median of 120 is (10 + 30) / 2 = 20);
    cost 2025 a whole-year amount only (60,000 over 50,000 inhabitants); a survey of 5.
    """
    rows: list = [
        RegionPopulation(region=r, year=y, inhabitants=i, inhabitants_18plus=a)
        for r, y, i, a in POPULATION
    ]
    admissions = [("NRD", 2023, m, 25) for m in range(1, 13)]
    admissions += [("NRD", 2024, m, 20) for m in range(1, 13)]
    admissions += [("NRD", 2025, m, 25) for m in range(1, 12)]
    rows += [
        HeartFailureAdmission(region=r, year=y, month=m, admissions=n)
        for r, y, m, n in admissions
    ]
    scores = {
        ("NRD", 2024): [6, 7, 8, 7, 7, 6, 8, 7, 7, 7],
        ("NRD", 2025): [8, 8, 7, 9, 8, 8, 7, 9, 8, 8],
        ("ZD", 2025): [9, 9, 9, 9, 9],
    }
    rows += [
        SurveyResponse(id=year * 1000 + (100 if region == "ZD" else 0) + i, region=region,
                       year=year, profession="huisarts", score=score)
        for (region, year), values in scores.items()
        for i, score in enumerate(values)
    ]
    months = [date(2024, m, 1) for m in range(1, 13)]
    rows += [
        AggSatisfaction(region="ZD", month=m, setting="ziekenhuis", responses=10,
                        score_sum=75.0, score_sq_sum=565.0)
        for m in months
    ]
    rows += [
        AggWaitDays(region="ZD", month=m, setting="ziekenhuis", wait_days=days, episodes=5)
        for m in months
        for days in (10, 30)
    ]
    store_dataset(engine, rows)
