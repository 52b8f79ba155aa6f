"""A hand-made dataset for regions whose figures would give a hidden practice count away.

One stratum only (men 18-44), so expected counts are person-years x the region's rate. All
referrals are in 2024; every practice lists the same patients in 2024 and 2025; the data date
is 31-12-2024, so the rolling period is the whole (leap) year 2024: person-years = listed.

    region  practice  listed  hospital (Jan)  anderhalvelijn (Dec)  total
    DUO     D1          1000      30               10                 40
            D2          3000       4                0                  4
            region      4000      34               10                 44   rate 11.0 per 1,000
    TRI     T1          1000      30               10                 40
            T2          3000       4                0                  4
            T3          1000      20                0                 20
            region      5000      54               10                 64   rate 12.8 per 1,000
    UNO     U1          1000       5 (3 in Jan, 2 in Dec)  0          5   rate 5.0 per 1,000

Expected counts: DUO D1 1000 x 0.011 = 11.0, D2 3000 x 0.011 = 33.0 (together 44, the
region's total); TRI T1 12.8, T2 38.4, T3 12.8; UNO U1 5.0.
"""

from __future__ import annotations

from datetime import date

from dashboard.models import Practice, PracticePopulation, Referral, Region
from tests.agg_support import ReferralCell, store_dataset

STRATUM = ("18-44", "M")
PRACTICES = [
    ("D1", "DUO", "Praktijk Duo-een", "Huisartsen Duo"),
    ("D2", "DUO", "Praktijk Duo-twee", "Huisartsen Twee"),
    ("T1", "TRI", "Praktijk Tri-een", "Huisartsen Tri"),
    ("T2", "TRI", "Praktijk Tri-twee", "Huisartsen Tri-twee"),
    ("T3", "TRI", "Praktijk Tri-drie", "Huisartsen Tri-drie"),
    ("U1", "UNO", "Praktijk Uno", "Huisartsen Uno"),
]
LISTED = {"D1": 1000, "D2": 3000, "T1": 1000, "T2": 3000, "T3": 1000, "U1": 1000}
JAN, DEC = date(2024, 1, 1), date(2024, 12, 1)
# practice, month, destination, referrals
REFERRALS = [
    ("D1", JAN, "ziekenhuis", 30), ("D1", DEC, "anderhalvelijn", 10),
    ("D2", JAN, "ziekenhuis", 4),
    ("T1", JAN, "ziekenhuis", 30), ("T1", DEC, "anderhalvelijn", 10),
    ("T2", JAN, "ziekenhuis", 4),
    ("T3", JAN, "ziekenhuis", 20),
    ("U1", JAN, "ziekenhuis", 3), ("U1", DEC, "ziekenhuis", 2),
]
DATA_DATE = date(2024, 12, 31)


def fill_withheld_dataset(engine) -> None:
    rows: list = [
        Region(code=code, name=name, anderhalvelijn_start=date(2020, 1, 1))
        for code, name in (("DUO", "Regio Duo"), ("TRI", "Regio Tri"), ("UNO", "Regio Uno"))
    ]
    rows += [Practice(code=code, region=region, pseudonym=pseudonym, name=name)
             for code, region, pseudonym, name in PRACTICES]
    regions = {code: region for code, region, _, _ in PRACTICES}
    rows += [
        PracticePopulation(practice=code, year=year, age_band=STRATUM[0], sex=STRATUM[1],
                           listed_patients=listed)
        for code, listed in LISTED.items() for year in (2024, 2025)
    ]
    rows += [
        ReferralCell(region=regions[code], practice=code, month=month, condition="pob_acs",
                     destination=destination, age_band=STRATUM[0], sex=STRATUM[1],
                     referrals=count, urgent=0, rta_conform=count)
        for code, month, destination, count in REFERRALS
    ]
    # The data date is read from the raw table (the last referral of the last month); the
    # page counts from the aggregates, which these rows are not in.
    rows += [
        Referral(id=ident, region=region, practice=practice, referral_date=DATA_DATE,
                 month=DATA_DATE.replace(day=1), patient_pseudonym=ident, age_band=STRATUM[0],
                 sex=STRATUM[1], icpc="K74", condition="pob_acs", destination="ziekenhuis",
                 urgent=False, rta_conform=True)
        for ident, region, practice in ((1, "DUO", "D1"), (2, "TRI", "T1"), (3, "UNO", "U1"))
    ]
    store_dataset(engine, rows)
