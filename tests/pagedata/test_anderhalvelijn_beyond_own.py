"""Anderhalvelijn: region figures minus the GP's own practice, and totals over the regions.

A hand-made dataset; every expectation is worked out by hand below. Referrals in 2025 only
(period "2025"), "a" = anderhalvelijn, "h" = ziekenhuis (hospital); referrals = a + h.

Regio Dri (DRI): A (the GP's own in the GP tests), B and C.
    A: Jan h30 a20, Feb h30 a20, Mar h30 a20 -> referrals 150, alv 60, hospital 90
    B: Jan h20 a5,  Feb h3,      Mar h20 a15 -> 63 / 20 / 43
    C: Jan h15 a10,              Mar h15     -> 40 / 10 / 30
    region months: Jan 100 (a35 h65), Feb 53 (a20 h33), Mar 100 (a35 h65); total 253/90/163.
    Minus A's months (50 / 20 / 30 each) the other practices' are Jan 50/15/35, Feb 3/0/3,
    Mar 50/15/35: February's 3 (B's) would follow from the region's 53 minus the GP's own 50.
Regio Par (PAR): A2 (the GP's own), B2 and C2.
    A2: Jan h60 a40 -> 100 / 40 / 60;  B2: Jan a3 -> 3 / 3 / 0;  C2: Feb h4 -> 4 / 0 / 4
    region: Jan 103 (a43 h60), Feb 4 (h4); total 107 / 43 / 64. Minus A2's 100 / 40 / 60 the
    other two practices have 7 / 3 / 4 together: every region total minus the own is small.
Regio Kln (KLN): K1 only. Jan h40 a20, Feb h5 -> 65 / 20 / 45; its February 5 is small, so
    both its months are hidden (January as February's companion).
Regio Min (MIN): M1 only. Jan a3 -> 3 / 3 / 0.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.models import AggWaitDays, Practice, Referral, Region
from dashboard.pagedata.anderhalvelijn import anderhalvelijn
from dashboard.scope import Scope
from tests.agg_support import ReferralCell, store_dataset
from tests.pagedata.test_anderhalvelijn_undisclosable import row

J25, F25, M25 = date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)
H, A = "ziekenhuis", "anderhalvelijn"

# region, practice, month, destination, referrals
REFERRALS = [
    ("DRI", "A", J25, H, 30), ("DRI", "A", J25, A, 20), ("DRI", "A", F25, H, 30),
    ("DRI", "A", F25, A, 20), ("DRI", "A", M25, H, 30), ("DRI", "A", M25, A, 20),
    ("DRI", "B", J25, H, 20), ("DRI", "B", J25, A, 5), ("DRI", "B", F25, H, 3),
    ("DRI", "B", M25, H, 20), ("DRI", "B", M25, A, 15),
    ("DRI", "C", J25, H, 15), ("DRI", "C", J25, A, 10), ("DRI", "C", M25, H, 15),
    ("PAR", "A2", J25, H, 60), ("PAR", "A2", J25, A, 40), ("PAR", "B2", J25, A, 3),
    ("PAR", "C2", F25, H, 4),
    ("KLN", "K1", J25, H, 40), ("KLN", "K1", J25, A, 20), ("KLN", "K1", F25, H, 5),
    ("MIN", "M1", J25, A, 3),
]
NAMES = {"DRI": "Regio Dri", "PAR": "Regio Par", "KLN": "Regio Kln", "MIN": "Regio Min"}


def fill(engine, regions=tuple(NAMES), waits=()) -> None:
    rows: list = [Region(code=code, name=NAMES[code], anderhalvelijn_start=date(2024, 1, 1))
                  for code in regions]
    practices = sorted({(r, p) for r, p, *_ in REFERRALS if r in regions})
    rows += [Practice(code=p, region=r, pseudonym=f"Praktijk {p}", name=f"Huisartsen {p}")
             for r, p in practices]
    rows += [
        ReferralCell(region=r, practice=p, month=m, condition="af", destination=d,
                     age_band="65-74", sex="V", referrals=n, urgent=0, rta_conform=n)
        for r, p, m, d, n in REFERRALS if r in regions
    ]
    rows += [AggWaitDays(region=r, month=J25, setting=s, wait_days=days, episodes=n)
             for r, s, days, n in waits]
    # The data date (2025-12-20) is the last referral date per region; these rows are not in
    # the aggregates the page counts from.
    first = {r: p for r, p in reversed(practices)}
    rows += [
        Referral(id=i, region=r, practice=first[r], referral_date=date(2025, 12, 20),
                 month=date(2025, 12, 1), patient_pseudonym=8000 + i, age_band="65-74",
                 sex="V", icpc="K77", condition="af", destination="ziekenhuis", urgent=False,
                 rta_conform=True)
        for i, r in enumerate(regions, start=1)
    ]
    store_dataset(engine, rows)


def gp(practice: str, region: str) -> Scope:
    return Scope("huisarts", regions=(region,), practice=practice)


def coordinator(region: str) -> Scope:
    return Scope("coordinator", regions=(region,))


def counts(series: pd.Series) -> tuple:
    return tuple(series[["referrals", "alv", "hospital"]])


@pytest.fixture
def db(isolated_db):
    fill(isolated_db)
    return isolated_db


# ---- monthly points minus the own practice's months ------------------------------------------


def test_gp_sees_no_month_whose_others_count_is_small(db):
    data = anderhalvelijn(db, "DRI", "2025", scope=gp("A", "DRI"))
    # February: the region's 53 minus the GP's 50 is B's 3 (referrals and hospital): hidden.
    # The region's total (253, shown) minus the visible months would give February back, so
    # a second month goes: January and March both hide others' 50, the first in order,
    # January, is taken. Only March is drawn.
    assert [m.month for m in data.share_chart["month"]] == [3]
    assert data.share_beyond_own_points == 2 and data.share_hidden_points == 0
    # The region's totals minus A's 150 / 60 / 90 are 103 / 30 / 73: shown.
    assert data.headline["referrals"] == 253
    assert data.headline["share"] == pytest.approx(90 / 253)


def test_coordinator_sees_every_month(db):
    # Without an own practice nobody's months are known: 100, 53 and 100 are no small counts.
    data = anderhalvelijn(db, "DRI", "2025", scope=coordinator("DRI"))
    assert [m.month for m in data.share_chart["month"]] == [1, 2, 3]
    assert data.share_beyond_own_points == 0 and data.share_hidden_points == 0


# ---- region totals minus the own practice's --------------------------------------------------


def test_gp_sees_no_region_total_whose_others_part_is_small(db):
    data = anderhalvelijn(db, "PAR", "2025", scope=gp("A2", "PAR"))
    # B2 (3) and C2 (4) are each "<10" and hide each other's zero as companion, so no total
    # is undisclosable in the practice table; but the region's 107 / 43 / 64 minus the GP's
    # 100 / 40 / 60 would give their 7 / 3 / 4.
    par = row(data.share_by_region, region="PAR")
    assert counts(par) == ("–", "–", "–") and par["suppressed"]
    assert data.headline["share"] is None and data.headline["withheld"]
    assert data.headline["referrals"] is None
    # The funnel's target 43 / 107 would give the region's alv with its referrals.
    assert data.funnel_withheld == ["Regio Par"]
    assert data.funnel_chart.empty and data.funnel_lines.empty
    # Months: January 103 - 100 = 3 (B2), February 4 (C2, small itself): none drawn.
    assert data.share_chart.empty


def test_coordinator_sees_the_region_totals(db):
    data = anderhalvelijn(db, "PAR", "2025", scope=coordinator("PAR"))
    par = row(data.share_by_region, region="PAR")
    assert counts(par) == (107, 43, 64)
    assert data.headline["share"] == pytest.approx(43 / 107)
    assert data.funnel_withheld == []


# ---- totals over the regions (the headline) --------------------------------------------------


def test_gp_all_regions_hides_a_companion_region_that_cannot_be_added_up(db):
    data = anderhalvelijn(db, None, "2025", scope=gp("A2", "PAR"))
    table = data.share_by_region
    # Par: all three totals hidden (its others' 7 / 3 / 4). Min: 3 and 3 small ("<10"),
    # hospital 0. Hospital then has one hidden total (Par's), and the headline's hospital
    # minus the others would give it: a companion is needed. Dri's 163 is no companion: its
    # three monthly points are drawn and add up to it. Kln's 45 is (both its months are
    # hidden), and Min's 0 is passed over for it (a zero protects little). Kln's row then
    # has one hidden count, so its alv 20 goes too (referrals 65 = alv + hospital).
    assert counts(row(table, region="PAR")) == ("–", "–", "–")
    assert counts(row(table, region="MIN")) == ("<10", "<10", 0)
    assert counts(row(table, region="KLN")) == (65, "–", "–")
    assert counts(row(table, region="DRI")) == (253, 90, 163)
    # No total is left without a companion: the headline stays (alv 90 + 20 + 3 + 43 = 156
    # of 253 + 65 + 3 + 107 = 428 referrals).
    assert not data.headline["withheld"]
    assert data.headline["share"] == pytest.approx(156 / 428)
    assert data.totals_hidden
    # Only Par's practices are on this GP's page: its funnel is the one withheld.
    assert data.funnel_withheld == ["Regio Par"]


def test_all_regions_without_a_companion_withholds_the_headline(isolated_db):
    fill(isolated_db, regions=("DRI", "MIN"))
    data = anderhalvelijn(isolated_db, None, "2025")
    # Min's 3 referrals and 3 alv are small; the only other region, Dri, shows its months
    # (100 + 53 + 100 = 253) and its practices (150 + 63 + 40), so hiding its total would
    # not keep 256 - 253 = 3 from the headline. The headline is withheld instead and Dri's
    # totals stay.
    assert counts(row(data.share_by_region, region="MIN")) == ("<10", "<10", 0)
    assert counts(row(data.share_by_region, region="DRI")) == (253, 90, 163)
    assert data.headline["share"] is None and data.headline["referrals"] is None
    assert not data.totals_hidden


def test_all_regions_of_large_totals_hide_nothing(isolated_db):
    fill(isolated_db, regions=("DRI", "PAR"))
    data = anderhalvelijn(isolated_db, None, "2025")
    assert counts(row(data.share_by_region, region="DRI")) == (253, 90, 163)
    assert counts(row(data.share_by_region, region="PAR")) == (107, 43, 64)
    # 133 of 360.
    assert data.headline["share"] == pytest.approx(133 / 360)
    assert data.funnel_withheld == [] and not data.totals_hidden


# ---- waiting times: the headline pools the regions --------------------------------------------

# region, setting, wait days, episodes. Dri: anderhalvelijn 5 episodes within 4 weeks (small),
# hospital 4 (small). Par: anderhalvelijn 20 at 10 days and 20 at 40 days (40 episodes, 20
# within 4 weeks), hospital 30 at 10 days.
WAITS = [("DRI", A, 10, 5), ("DRI", H, 12, 4), ("PAR", A, 10, 20), ("PAR", A, 40, 20),
         ("PAR", H, 10, 30)]


def test_a_hidden_wait_takes_another_regions_with_it(isolated_db):
    fill(isolated_db, regions=("DRI", "PAR"), waits=WAITS)
    data = anderhalvelijn(isolated_db, None, "2025")
    waits = data.waits
    dri = row(waits, region="DRI", setting=A)
    assert (dri["episodes"], dri["within_4_weeks"]) == ("<10", "<10")
    # The headline counts 45 anderhalvelijn episodes, 25 within 4 weeks: minus Par's 40 and
    # 20 they would give Dri's 5 and 5. So Par's are hidden too.
    par = row(waits, region="PAR", setting=A)
    assert (par["episodes"], par["within_4_weeks"]) == ("–", "–")
    assert pd.isna(par["median_days"])
    assert data.headline["wait_episodes"] == 45
    assert data.headline["wait_within"] == pytest.approx(25 / 45)
    # The hospital waits have no total on the page: Par's 30 stays next to Dri's "<10".
    hospital = row(waits, region="PAR", setting=H)
    assert (hospital["episodes"], hospital["within_4_weeks"]) == (30, 30)
    assert list(data.waits_chart["setting"]) == [H]


def test_waits_of_enough_episodes_hide_nothing(isolated_db):
    fill(isolated_db, regions=("DRI", "PAR"),
         waits=[("DRI", A, 10, 15), ("PAR", A, 10, 20), ("PAR", A, 40, 20)])
    data = anderhalvelijn(isolated_db, None, "2025")
    assert not data.waits["suppressed"].any()
    assert list(data.waits_chart["episodes"]) == [15, 40]
