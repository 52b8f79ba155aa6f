"""A hand-made dataset for region figures that, minus the GP's own practice, would give the
other practices' small counts away (privacy.suppress_beyond_own and its kin).

One stratum only (men 18-44), so expected counts are person-years x the region's rate. All
referrals are in 2024 (every region from January to December), every practice lists 1,000
patients in 2024 and 2025, and the data date is 31-12-2024: the rolling period is the (leap)
year 2024 and person-years = listed patients. h = ziekenhuis (hospital), a = anderhalvelijn;
Q1-Q4 are the quarters of 2024 (referrals in January, April, July and December: every
region spans the whole year).

    region  practice   Q1        Q2    Q3    Q4    total
    VIER    V1 (own)   h10 a5    h10 a5 h10 a5 h10 a5  60 (h40 a20)
            V2         h20       h3    h20   h20   63 (h63)
            V3         h15 a4          h15   h15   49 (h45 a4)
            V4         h20             h20   h20   60 (h60)
            region     74        18    70    70   232 (h208 a24), rate 58 per 1,000
    DRIE    X1 (own)   h25                   h25   50
            X2         h3                            3
            X3         h4                            4
            region     32                    25    57, rate 19 per 1,000
    TWEE    W1 (own)   h30                   a10   40 (h30 a10)
            W2         h4 a36                       40 (h4 a36)
            region     70                    10    80 (h34 a46), rate 40 per 1,000
    KLEIN   Y1         h2                            2
            Y2                               h3      3
            region     2                     3       5, rate 2.5 per 1,000

VIER minus V1: the others referred 59, 3, 55, 55 in the four quarters, and 168 hospital, 4
anderhalvelijn and 0 e-consult referrals in the year: Q2's 3 and anderhalvelijn's 4 follow
from the region's figures minus the GP's own. DRIE minus X1: 7 together. TWEE minus W1: 40
referrals, of which 4 to hospital. KLEIN: 5 in all.
"""

from __future__ import annotations

from datetime import date

from dashboard.models import Practice, PracticePopulation, Referral, Region
from tests.agg_support import ReferralCell, store_dataset

STRATUM = ("18-44", "M")
REGIONS = {"VIER": "Regio Vier", "DRIE": "Regio Drie", "TWEE": "Regio Twee",
           "KLEIN": "Regio Klein"}
PRACTICES = {"V1": "VIER", "V2": "VIER", "V3": "VIER", "V4": "VIER", "X1": "DRIE",
             "X2": "DRIE", "X3": "DRIE", "W1": "TWEE", "W2": "TWEE", "Y1": "KLEIN",
             "Y2": "KLEIN"}
Q1, Q2, Q3, Q4 = (date(2024, month, 1) for month in (1, 4, 7, 12))
H, A = "ziekenhuis", "anderhalvelijn"
# practice, month, destination, referrals
REFERRALS = [
    *[("V1", q, d, n) for q in (Q1, Q2, Q3, Q4) for d, n in ((H, 10), (A, 5))],
    ("V2", Q1, H, 20), ("V2", Q2, H, 3), ("V2", Q3, H, 20), ("V2", Q4, H, 20),
    ("V3", Q1, H, 15), ("V3", Q1, A, 4), ("V3", Q3, H, 15), ("V3", Q4, H, 15),
    ("V4", Q1, H, 20), ("V4", Q3, H, 20), ("V4", Q4, H, 20),
    ("X1", Q1, H, 25), ("X1", Q4, H, 25), ("X2", Q1, H, 3), ("X3", Q1, H, 4),
    ("W1", Q1, H, 30), ("W1", Q4, A, 10), ("W2", Q1, H, 4), ("W2", Q1, A, 36),
    ("Y1", Q1, H, 2), ("Y2", Q4, H, 3),
]
DATA_DATE = date(2024, 12, 31)


def fill_beyond_own_dataset(engine) -> None:
    rows: list = [Region(code=code, name=name, anderhalvelijn_start=date(2020, 1, 1))
                  for code, name in REGIONS.items()]
    rows += [Practice(code=code, region=region, pseudonym=f"Praktijk {code}",
                      name=f"Huisartsen {code}") for code, region in PRACTICES.items()]
    rows += [
        PracticePopulation(practice=code, year=year, age_band=STRATUM[0], sex=STRATUM[1],
                           listed_patients=1000)
        for code in PRACTICES for year in (2024, 2025)
    ]
    rows += [
        ReferralCell(region=PRACTICES[code], practice=code, month=month, condition="pob_acs",
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
        for ident, (region, practice) in enumerate(
            (("VIER", "V1"), ("DRIE", "X1"), ("TWEE", "W1"), ("KLEIN", "Y1")), start=1)
    ]
    store_dataset(engine, rows)
