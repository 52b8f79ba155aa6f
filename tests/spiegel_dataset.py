"""A hand-made dataset for the Spiegelinformatie tests: every number can be checked on paper.

Region TST ("Regio Test", anderhalvelijn since 2020): five practices, two strata only,
A = 18-44 men and B = 75-84 women, with the same listed patients in 2024 and 2025:

    practice  pseudonym         listed A  listed B
    P1        Praktijk Alfa       2000      500    (name "Huisartsenpraktijk De Spiegel")
    P2        Praktijk Bravo      3000      200
    P3        Praktijk Charlie    1000     1200
    P4        Praktijk Delta      4000        0
    P5        Praktijk Echo        500      100
    region                       10500     2000

Referrals in 2024, per stratum as (hospital, anderhalvelijn, e-consult); stratum A is chest
pain (pob_acs), stratum B heart failure (hartfalen); hospital referrals are in January,
anderhalvelijn in May and e-consults in August 2024:

    practice  A             B             total  hospital
    P1        (18, 8, 2)    (15, 7, 3)      53      33
    P2        (30, 8, 2)    (12, 3, 0)      55      42
    P3        (6, 3, 1)     (35, 15, 5)     65      41
    P4        (15, 7, 3)    -               25      15
    P5        (1, 1, 0)     (3, 1, 1)        7       4
    region    A: 105 (70 hospital)  B: 100 (65 hospital)  205    135

So in 2024 the region's rates are A 105/10500 = 0.010 and B 100/2000 = 0.050 per person-year
(hospital: A 70/10500 = 1/150, B 65/2000 = 0.0325). In June 2025 every practice makes the same
hospital referrals again; the data date is 30-06-2025.

Region ZND ("Regio Zonder", no anderhalvelijn): Q1 and Q2, 1000 listed men 18-44 each in
2024; Q1 made 12 hospital referrals (chest pain) in February 2024, Q2 none; data date
15-02-2024.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.models import (
    LoadLog,
    Practice,
    PracticePopulation,
    Referral,
    Region,
)
from tests.agg_support import ReferralCell, store_dataset

A, B = ("18-44", "M"), ("75-84", "V")
CONDITION = {A: "pob_acs", B: "hartfalen"}
MONTH_2024 = {
    "ziekenhuis": date(2024, 1, 1),
    "anderhalvelijn": date(2024, 5, 1),
    "econsult": date(2024, 8, 1),
}
OWN_NAME = "Huisartsenpraktijk De Spiegel"

PRACTICES = [
    ("P1", "TST", "Praktijk Alfa", OWN_NAME),
    ("P2", "TST", "Praktijk Bravo", "Praktijk Het Baken"),
    ("P3", "TST", "Praktijk Charlie", "Gezondheidscentrum Noord"),
    ("P4", "TST", "Praktijk Delta", "Huisartsen Oost"),
    ("P5", "TST", "Praktijk Echo", "Dokterspraktijk West"),
    ("Q1", "ZND", "Praktijk Foxtrot", "Huisartsen Zuid"),
    ("Q2", "ZND", "Praktijk Golf", "Huisartsen Rust"),
]
LISTED = {
    "P1": {A: 2000, B: 500},
    "P2": {A: 3000, B: 200},
    "P3": {A: 1000, B: 1200},
    "P4": {A: 4000},
    "P5": {A: 500, B: 100},
    "Q1": {A: 1000},
    "Q2": {A: 1000},
}
REFERRALS_2024 = {  # (hospital, anderhalvelijn, e-consult)
    "P1": {A: (18, 8, 2), B: (15, 7, 3)},
    "P2": {A: (30, 8, 2), B: (12, 3, 0)},
    "P3": {A: (6, 3, 1), B: (35, 15, 5)},
    "P4": {A: (15, 7, 3)},
    "P5": {A: (1, 1, 0), B: (3, 1, 1)},
}


def fill_spiegel_dataset(engine, raw: bool = False) -> None:
    """The dataset; ``raw=True`` also writes every referral as a raw ``referral`` row (on the
    10th of its month, the last month's on the data date), as a load would."""
    rows: list = [
        Region(code="TST", name="Regio Test", anderhalvelijn_start=date(2020, 1, 1)),
        Region(code="ZND", name="Regio Zonder", synthetic=True),
    ]
    rows += [
        Practice(code=code, region=region, pseudonym=pseudonym, name=name)
        for code, region, pseudonym, name in PRACTICES
    ]
    for practice, strata in LISTED.items():
        for year in (2024, 2025):
            for (band, sex), listed in strata.items():
                rows.append(
                    PracticePopulation(
                        practice=practice, year=year, age_band=band, sex=sex,
                        listed_patients=listed,
                    )
                )

    def aggregate(region, practice, month, stratum, destination, referrals):
        return ReferralCell(
            region=region, practice=practice, month=month, condition=CONDITION[stratum],
            destination=destination, age_band=stratum[0], sex=stratum[1],
            referrals=referrals, urgent=0, rta_conform=referrals,
        )

    for practice, strata in REFERRALS_2024.items():
        for stratum, counts in strata.items():
            for destination, count in zip(MONTH_2024, counts, strict=True):
                if count:
                    rows.append(aggregate("TST", practice, MONTH_2024[destination], stratum,
                                          destination, count))
            rows.append(aggregate("TST", practice, date(2025, 6, 1), stratum, "ziekenhuis",
                                  counts[0]))
    rows.append(aggregate("ZND", "Q1", date(2024, 2, 1), A, "ziekenhuis", 12))
    if raw:
        rows += raw_referrals([cell for cell in rows if isinstance(cell, ReferralCell)])
    else:
        # The data date is read from the raw table (the last referral of the last month).
        for ident, region, practice, day in (
            (1, "TST", "P1", date(2025, 6, 30)),
            (2, "ZND", "Q1", date(2024, 2, 15)),
        ):
            rows.append(
                Referral(
                    id=ident, region=region, practice=practice, referral_date=day,
                    month=day.replace(day=1), patient_pseudonym=ident, age_band="18-44",
                    sex="M", icpc="K74", condition="pob_acs", destination="ziekenhuis",
                    urgent=False, rta_conform=True,
                )
            )
    rows.append(
        LoadLog(file_name="spiegel.csv", table_name="referrals", sha256="d" * 64, rows=1,
                loaded_at=datetime(2025, 7, 1, 9, 0, tzinfo=UTC), outcome="loaded")
    )
    store_dataset(engine, rows)


DATA_DATES = {"TST": date(2025, 6, 30), "ZND": date(2024, 2, 15)}


def raw_referrals(cells: list, first_id: int = 1) -> list:
    """One raw ``referral`` row per referral of ``cells``."""
    rows = []
    for cell in cells:
        data_date = DATA_DATES[cell.region]
        day = data_date if cell.month == data_date.replace(day=1) else cell.month.replace(day=10)
        for _ in range(cell.referrals):
            ident = first_id + len(rows)
            rows.append(Referral(
                id=ident, region=cell.region, practice=cell.practice, referral_date=day,
                month=cell.month, patient_pseudonym=ident, age_band=cell.age_band, sex=cell.sex,
                icpc="K77" if cell.condition == "hartfalen" else "K74",
                condition=cell.condition, destination=cell.destination, urgent=False,
                rta_conform=True,
            ))
    return rows
