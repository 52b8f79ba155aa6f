"""Anderhalvelijn: region totals withheld where a hidden practice count would follow from them.

A hand-made dataset, every expectation worked out by hand below.

Regio Twee (TWE): only Q1 (the GP's own practice in the huisarts tests) and Q2.
  Q1: January 2025 hospital 30 and anderhalvelijn 20, February anderhalvelijn 30
      -> referrals 80, alv 50, hospital 30.
  Q2: January hospital 40, February anderhalvelijn 4 -> referrals 44, alv 4, hospital 40.
  Region months: January 90 referrals (alv 20), February 34 (alv 34); 2025: 124, alv 54,
  hospital 70.
Regio Veel (VEL): V1, V2, V3.
  V1: January hospital 30, February anderhalvelijn 30 -> 60 / 30 / 30.
  V2: January hospital 20, February anderhalvelijn 25 -> 45 / 25 / 20.
  V3: January hospital 40, February anderhalvelijn 4 -> 44 / 4 / 40.
  Region months: January 90 (alv 0), February 59 (alv 59); 2025: 149, alv 59, hospital 90.

Q2's alv of 4 is hidden ("<10") and, as referrals = hospital + alv, its hospital 40 with it
("–", the smaller of 40 and 44). For the GP of Q1 no other practice of TWE can be hidden with
them (Q1 is the GP's own), so TWE's alv and hospital totals are undisclosable: the region's 54
minus the GP's own 50 would give Q2's 4. In VEL, V3's hidden alv and hospital take V2's with
them (the smallest other practice), so VEL's totals stay.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.models import Practice, Referral, Region
from dashboard.pagedata.anderhalvelijn import anderhalvelijn
from dashboard.scope import Scope
from tests.agg_support import ReferralCell, store_dataset

J25, F25 = date(2025, 1, 1), date(2025, 2, 1)

# region, practice, month, condition, destination, referrals
REFERRALS = [
    ("TWE", "Q1", J25, "hartfalen", "ziekenhuis", 30),
    ("TWE", "Q1", J25, "hartfalen", "anderhalvelijn", 20),
    ("TWE", "Q1", F25, "af", "anderhalvelijn", 30),
    ("TWE", "Q2", J25, "af", "ziekenhuis", 40),
    ("TWE", "Q2", F25, "af", "anderhalvelijn", 4),
    ("VEL", "V1", J25, "af", "ziekenhuis", 30),
    ("VEL", "V1", F25, "af", "anderhalvelijn", 30),
    ("VEL", "V2", J25, "af", "ziekenhuis", 20),
    ("VEL", "V2", F25, "af", "anderhalvelijn", 25),
    ("VEL", "V3", J25, "af", "ziekenhuis", 40),
    ("VEL", "V3", F25, "af", "anderhalvelijn", 4),
]


def fill_two_practice_dataset(engine) -> None:
    rows: list = [
        Region(code="TWE", name="Regio Twee", anderhalvelijn_start=date(2024, 1, 1)),
        Region(code="VEL", name="Regio Veel", anderhalvelijn_start=date(2024, 1, 1)),
        Practice(code="Q1", region="TWE", pseudonym="Praktijk Q1", name="Huisartsen Een"),
        Practice(code="Q2", region="TWE", pseudonym="Praktijk Q2", name="Huisartsen Twee"),
        Practice(code="V1", region="VEL", pseudonym="Praktijk V1", name="Huisartsen V-een"),
        Practice(code="V2", region="VEL", pseudonym="Praktijk V2", name="Huisartsen V-twee"),
        Practice(code="V3", region="VEL", pseudonym="Praktijk V3", name="Huisartsen V-drie"),
    ]
    rows += [
        ReferralCell(region=r, practice=p, month=m, condition=c, destination=d,
                     age_band="65-74", sex="V", referrals=n, urgent=0, rta_conform=n)
        for r, p, m, c, d, n in REFERRALS
    ]
    # The data date (2025-12-20) is the last referral date per region; these rows are not in
    # the aggregates the page counts from.
    rows += [
        Referral(id=i, region=r, practice=p, referral_date=date(2025, 12, 20),
                 month=date(2025, 12, 1), patient_pseudonym=7000 + i, age_band="65-74",
                 sex="V", icpc="K77", condition="af", destination="ziekenhuis", urgent=False,
                 rta_conform=True)
        for i, r, p in [(1, "TWE", "Q1"), (2, "VEL", "V1")]
    ]
    store_dataset(engine, rows)


@pytest.fixture
def two_db(isolated_db):
    fill_two_practice_dataset(isolated_db)
    return isolated_db


def gp(practice: str, region: str) -> Scope:
    return Scope("huisarts", regions=(region,), practice=practice)


def row(frame: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    assert mask.sum() == 1, (where, frame)
    return frame[mask].iloc[0]


def test_two_practice_region_withholds_its_totals_for_the_gp(two_db):
    data = anderhalvelijn(two_db, "TWE", "2025", scope=gp("Q1", "TWE"))
    own = row(data.practices, display_name="Huisartsen Een")
    assert (own["referrals"], own["hospital"], own["alv"]) == (80, 30, 50)
    other = row(data.practices, display_name="Praktijk Q2")
    assert (other["referrals"], other["hospital"], other["alv"]) == (44, "–", "<10")
    assert data.withheld_regions == ["Regio Twee"]
    assert data.withheld_totals == {"TWE": {"alv", "hospital"}}

    # Headline: 54 of 124 would be shown without the rule, and 54 - 50 = Q2's 4.
    assert data.headline["share"] is None and data.headline["withheld"]
    # The region's referrals (80 + 44) give nothing away: Q2's 44 is in the table.
    assert data.headline["referrals"] == 124
    # Monthly points: January 90 (alv 20) and February 34 (alv 34) minus Q1's months are Q2's.
    assert data.withheld_points == ["Regio Twee"]
    assert data.share_chart.empty
    # Funnel: its target 54 / 124 would give 54; no lines, no points, no signal for Q1.
    assert data.funnel_lines.empty and data.funnel_chart.empty
    assert own["signal_label"] is None


def test_two_practice_region_in_all_regions(two_db):
    data = anderhalvelijn(two_db, None, "2025", scope=gp("Q1", "TWE"))
    twee = row(data.share_by_region, region="TWE")
    # 124 referrals shown; alv and hospital withheld ("–"), and the share with them.
    assert (twee["referrals"], twee["hospital"], twee["alv"]) == (124, "–", "–")
    assert pd.isna(twee["share"]) and twee["suppressed"]
    # Regio Veel keeps every total: no companion is taken from it, as the headline (the only
    # sum over the regions) is withheld instead: 113 - 59 (Veel, shown) = 54 = Twee's alv.
    veel = row(data.share_by_region, region="VEL")
    assert (veel["referrals"], veel["hospital"], veel["alv"]) == (149, 90, 59)
    assert veel["share"] == pytest.approx(59 / 149)
    assert data.headline["share"] is None and data.headline["withheld"]
    # Veel's months stay: January 90 (alv 0), February 59 (alv 59).
    assert list(data.share_chart["region_name"]) == ["Regio Veel", "Regio Veel"]
    assert data.withheld_points == ["Regio Twee"]


def test_region_with_enough_practices_keeps_its_totals(two_db):
    data = anderhalvelijn(two_db, "VEL", "2025", scope=gp("V1", "VEL"))
    # V3: alv "<10", hospital "–"; V2's alv and hospital hidden with them ("–").
    v3 = row(data.practices, display_name="Praktijk V3")
    assert (v3["referrals"], v3["hospital"], v3["alv"]) == (44, "–", "<10")
    v2 = row(data.practices, display_name="Praktijk V2")
    assert (v2["referrals"], v2["hospital"], v2["alv"]) == (45, "–", "–")
    assert data.withheld_regions == [] and data.withheld_totals == {}
    # 59 of 149 referrals: shown.
    assert not data.headline["withheld"]
    assert data.headline["share"] == pytest.approx(59 / 149)
    assert len(data.share_chart) == 2
    assert not data.funnel_lines.empty
    assert list(data.funnel_chart["display_name"]) == ["Huisartsen V-een"]


def test_two_practice_region_without_own_practice_keeps_its_totals(two_db):
    # A coordinator knows neither practice: Q2's hidden counts take Q1's with them (alv 50,
    # hospital 30 "–"), so the region's totals give only the sum of two hidden counts.
    data = anderhalvelijn(two_db, "TWE", "2025",
                          scope=Scope("coordinator", regions=("TWE",)))
    q1 = row(data.practices, display_name="Praktijk Q1")
    assert (q1["referrals"], q1["hospital"], q1["alv"]) == (80, "–", "–")
    assert data.withheld_regions == [] and data.withheld_totals == {}
    assert data.headline["share"] == pytest.approx(54 / 124)
    assert len(data.share_chart) == 2
