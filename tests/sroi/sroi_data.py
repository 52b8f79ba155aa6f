"""A hand-made dataset for the SROI tests, small enough to derive every number by hand.

Region TST ("Regio Test", anderhalvelijn since 2023) with reference year 2024 and baseline year
2022; region NUL ("Regio Zonder anderhalvelijn") has none. The expected values, worked out:

* data date 31-12-2024 (no raw referrals: the last aggregate month's last day); the last
  referral month with six months of follow-up is June 2024, so the resolved shares come from
  the window July 2023 - June 2024: anderhalvelijn 64 / 80 = 0.8, e-consult 15 / 20 = 0.75;
* referrals 2024: hospital 150 + 50 = 200, anderhalvelijn 80 + 20 = 100, e-consult 20;
* alv_resolved = 100 x 0.8 = 80;
* hospital_cost_per_patient = 270,000 / (200 + 100 x 0.2 + 20 x 0.25) = 270,000 / 225 = 1,200;
  anderhalvelijn: 50,000 / 100 = 500 per patient;
* wait_days_saved = 100 consults x (6,000 / 200 - 1,000 / 100) = 100 x (30 - 10) = 2,000;
* hf_admissions_avoided = (100 / 40,000 - 80 / 40,000) x 1,000 ... = (2.5 - 2.0) x 40 = 20;
* satisfaction_gain:huisarts = 4 respondents x (8.0 - 6.5) = 6;
* costs 2024: coordination insurer 30,000, municipality 5,000; anderhalvelijn care 50,000.
"""

from __future__ import annotations

from datetime import date

from dashboard.models import (
    Cost,
    HeartFailureAdmission,
    Region,
    RegionPopulation,
    SurveyResponse,
)
from tests.agg_support import EpisodeCell, ReferralCell, store_dataset

REFERRALS = [  # month, destination, referrals
    (date(2022, 12, 1), "ziekenhuis", 300),
    (date(2024, 3, 1), "ziekenhuis", 150),
    (date(2024, 3, 1), "anderhalvelijn", 80),
    (date(2024, 3, 1), "econsult", 20),
    (date(2024, 12, 1), "ziekenhuis", 50),
    (date(2024, 12, 1), "anderhalvelijn", 20),
]
EPISODES = [  # month, destination, episodes, with_consult, wait_days_sum, resolved_6m
    (date(2024, 3, 1), "anderhalvelijn", 80, 80, 800, 64),
    (date(2024, 12, 1), "anderhalvelijn", 20, 20, 200, 20),
    (date(2024, 3, 1), "ziekenhuis", 150, 150, 4500, 0),
    (date(2024, 12, 1), "ziekenhuis", 50, 50, 1500, 0),
    (date(2024, 3, 1), "econsult", 20, 20, 40, 15),
]
COSTS = [  # year, month, setting, cost_type, payer, amount
    (2024, 3, "ziekenhuis", "zorg", "verzekeraar", 200_000.0),
    (2024, 12, "ziekenhuis", "zorg", "verzekeraar", 70_000.0),
    (2024, 0, "anderhalvelijn", "zorg", "verzekeraar", 50_000.0),
    (2024, 0, "anderhalvelijn", "coordinatie", "verzekeraar", 30_000.0),
    (2024, 0, "anderhalvelijn", "coordinatie", "gemeente", 5_000.0),
    (2024, 0, "anderhalvelijn", "ict", "verzekeraar", 10_000.0),
    (2024, 0, "anderhalvelijn", "scholing", "verzekeraar", 4_000.0),
    (2024, 0, "anderhalvelijn", "scholing", "huisartsen", 1_000.0),
]
ADMISSIONS = {  # year -> 12 monthly counts
    2022: [8] * 11 + [12],  # 100
    2024: [7] * 10 + [5, 5],  # 80
}
SURVEY = [  # year, profession, score
    (2022, "huisarts", 6), (2022, "huisarts", 7),
    (2024, "huisarts", 7), (2024, "huisarts", 8), (2024, "huisarts", 8), (2024, "huisarts", 9),
    (2024, "cardioloog", 9),
]

# A small model on the data above: investment 30,000 + 50,000 = 80,000; value with discount
# rate 0: 80 x 1,200 = 96,000 (trajectories) + 2,000 x 2 = 4,000 (waiting), ratio 1.25.
TEST_MODEL = {
    "name": "Testmodel",
    "discount_rate": 0.0,
    "investments": [
        {"stakeholder": "verzekeraar", "description": "Coördinatie", "amount": 1.0,
         "amount_from": "cost:anderhalvelijn:coordinatie:verzekeraar"},
        {"stakeholder": "verzekeraar", "description": "Consulten", "amount": 1.0,
         "amount_from": "cost:anderhalvelijn:zorg:verzekeraar"},
    ],
    "outcomes": [
        {"name": "Vermeden trajecten", "stakeholder": "verzekeraar", "unit": "patiënten",
         "quantity": 1.0, "quantity_from": "alv_resolved",
         "proxy": 1.0, "proxy_from": "hospital_cost_per_patient"},
        {"name": "Kortere wachttijd", "stakeholder": "patient", "unit": "patiëntdagen",
         "quantity": 1.0, "quantity_from": "wait_days_saved", "proxy": 2.0},
    ],
}


def fill_sroi_dataset(engine) -> None:
    rows: list = [
        Region(code="TST", name="Regio Test", anderhalvelijn_start=date(2023, 1, 1)),
        Region(code="NUL", name="Regio Zonder anderhalvelijn"),
    ]
    rows += [
        ReferralCell(region="TST", practice="P1", month=m, condition="hartfalen",
                         destination=d, age_band="65-74", sex="V", referrals=n, urgent=0,
                         rta_conform=n)
        for m, d, n in REFERRALS
    ]
    rows += [
        EpisodeCell(region="TST", practice="P1", month=m, destination=d,
                        condition="hartfalen", episodes=e, with_consult=c, wait_days_sum=w,
                        within_4_weeks=0, resolved_6m=r)
        for m, d, e, c, w, r in EPISODES
    ]
    rows += [
        Cost(region="TST", year=y, month=m, setting=s, cost_type=t, payer=p, amount=a)
        for y, m, s, t, p, a in COSTS
    ]
    rows += [
        HeartFailureAdmission(region="TST", year=year, month=month, admissions=count)
        for year, counts in ADMISSIONS.items()
        for month, count in enumerate(counts, start=1)
    ]
    rows += [
        RegionPopulation(region="TST", year=year, inhabitants=50_000, inhabitants_18plus=40_000)
        for year in (2022, 2024)
    ]
    rows += [
        SurveyResponse(id=i, region="TST", year=y, profession=p, score=s)
        for i, (y, p, s) in enumerate(SURVEY, start=1)
    ]
    store_dataset(engine, rows)
