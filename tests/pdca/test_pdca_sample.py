"""The PDCA page data on the bundled sample: NKU's cycle (Do 1 January 2024, VERW_ZH) shows a
special cause of improvement from its Do month on. The one test that loads data/sample into a
temporary database; only the files VERW_ZH needs, which takes about two seconds instead of
fifteen for the consults as well."""

from __future__ import annotations

import pandas as pd

from dashboard.pagedata.pdca import pdca
from dashboard.queries import pdca as cycles
from dashboard.settings import SAMPLE_DATA_DIR
from etl.loader import load_paths


def test_nku_hospital_referrals_show_a_special_cause_after_do(isolated_db):
    files = ("regions.csv", "practices.csv", "population.csv", "referrals.csv")
    report = load_paths([SAMPLE_DATA_DIR / name for name in files], isolated_db)
    assert report.ok, report.problems[:5]

    page = pdca(isolated_db, "NKU")

    assert cycles.count_cycles(isolated_db) == 3  # the sample cycles, loaded on first use
    assert page.cycle["indicator_code"] == "VERW_ZH"
    assert page.cycle["do_start"].isoformat() == "2024-01-01"
    check = page.trend.check
    assert check.status == "signal" and check.signal == "improvement"
    assert check.first_signal_month == pd.Timestamp("2024-01-01")
    assert {"outside_limits_low", "shift_low"} <= set(check.rules)
    # Every month since Do is flagged against the limits of 2021-2023.
    after = page.trend.plot[page.trend.plot["month"] >= "2024-01-01"]
    assert set(after["variation"]) == {"Speciale oorzaak: verbetering"}
    # The ITS level change is negative, with an interval below zero, worded as an association.
    low, high = check.its.level_change_ci
    assert check.its.level_change < 0 and high < 0
    assert "geen bewijs" in check.its_text
    # The overview lists the two open sample cycles across regions.
    assert sorted(page.overview["region"]) == ["NKU", "PLD"]
