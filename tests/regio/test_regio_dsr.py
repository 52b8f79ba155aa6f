"""Directly standardised referral rates on the Regio-vergelijking (page data and AppTest).

Two regions in 2024 with the same referral rate per age band but a different age mix:

======  ======================  ======================  ========
region  18-44: listed, referrals  75-84: listed, referrals  crude
======  ======================  ======================  ========
JONG    9,000, 180 (20 per 1,000)  1,000, 120 (120 per 1,000)  30.0
OUD     5,000, 100 (20 per 1,000)  5,000, 600 (120 per 1,000)  70.0
======  ======================  ======================  ========

The standard is both regions together: 14,000 aged 18-44 and 6,000 aged 75-84 (weights 0.7
and 0.3), so both directly standardised rates are 0.7 x 20 + 0.3 x 120 = 50 per 1,000, the
benchmark's rate: the difference in crude rates is the age mix only.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.models import Practice, PracticePopulation, Referral, Region
from dashboard.pagedata import regiovergelijking as rv
from dashboard.stats import rate_ci
from tests.agg_support import ReferralCell, store_dataset
from tests.auth_support import sign_in

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
REGIO = "../pages/regiovergelijking.py"
# region: {age band: (listed, referrals in 2024)}
STRATA = {"JONG": {"18-44": (9000, 180), "75-84": (1000, 120)},
          "OUD": {"18-44": (5000, 100), "75-84": (5000, 600)}}


def _spread(total: int) -> list[int]:
    """``total`` referrals over 12 months, as evenly as whole numbers allow."""
    return [total // 12 + (1 if month < total % 12 else 0) for month in range(12)]


def _fill(engine, strata_per_region) -> None:
    rows: list = []
    for i, (region, strata) in enumerate(strata_per_region.items()):
        rows += [Region(code=region, name=f"Regio {region.title()}", synthetic=True),
                 Practice(code=f"{region}-P", region=region, pseudonym=f"Praktijk {region}")]
        for age_band, (listed, referrals) in strata.items():
            rows.append(PracticePopulation(practice=f"{region}-P", year=2024, age_band=age_band,
                                           sex="V", listed_patients=listed))
            for month, count in enumerate(_spread(referrals), start=1):
                rows.append(ReferralCell(
                    region=region, practice=f"{region}-P", month=date(2024, month, 1),
                    condition="af", destination="ziekenhuis", age_band=age_band, sex="V",
                    referrals=count, urgent=0, rta_conform=count))
        rows.append(Referral(
            id=700 + i, region=region, practice=f"{region}-P", referral_date=date(2024, 12, 31),
            month=date(2024, 12, 1), patient_pseudonym=700 + i, age_band="18-44", sex="V",
            icpc="K78", condition="af", destination="ziekenhuis", urgent=False,
            rta_conform=True))
    store_dataset(engine, rows)


@pytest.fixture
def dsr_db(isolated_db):
    _fill(isolated_db, STRATA)
    return isolated_db


def _cell(data, row, region):
    table = data.table
    return table[(table["row"] == row) & (table["region"] == region)].iloc[0]


def _dobson(strata) -> tuple[float, float, float]:
    """DSR per 1,000 and its 95% Dobson interval with exact Poisson limits, by hand."""
    weights = {"18-44": 0.7, "75-84": 0.3}
    dsr = sum(weights[a] * x / n for a, (n, x) in strata.items())
    variance = sum(weights[a] ** 2 * x / n**2 for a, (n, x) in strata.items())
    count = sum(x for _, x in strata.values())
    low, high = rate_ci(count, 1.0)
    spread = math.sqrt(variance / count)
    return dsr * 1000, (dsr + spread * (low - count)) * 1000, (dsr + spread * (high - count)) * 1000


def test_standardised_rates_take_out_the_age_mix(dsr_db):
    data = rv.regiovergelijking(dsr_db)
    assert data.year == 2024
    for row in ("VERW_CARD", "VERW_ZH"):
        for region, crude in (("JONG", 30.0), ("OUD", 70.0)):
            cell = _cell(data, row, region)
            assert cell["standardised"]
            assert cell["crude_value"] == pytest.approx(crude)
            value, low, high = _dobson(STRATA[region])
            assert value == pytest.approx(50.0)
            assert (cell["value"], cell["low"], cell["high"]) == pytest.approx((value, low, high))
            assert cell["comparison"] == "similar"
        bench = _cell(data, row, "ALL")
        assert bench["value"] == pytest.approx(50.0) and bench["crude_value"] == pytest.approx(50)
    # Proportions are not rates of a population: not standardised.
    assert not _cell(data, "ALV_AANDEEL", "JONG")["standardised"]
    cells, _, rows = data.wide()
    line = cells.iloc[rows.index("VERW_CARD")]
    assert line["Eenheid"] == "per 1.000 per jaar, gestandaardiseerd voor leeftijd en geslacht"
    assert line["Regio Jong"].startswith("50,0 (")


def test_a_region_without_people_in_a_stratum_keeps_the_crude_rates(isolated_db):
    # OUD lists nobody aged 75-84: its rate there, and so its DSR, does not exist.
    _fill(isolated_db, {"JONG": STRATA["JONG"], "OUD": {"18-44": (5000, 100)}})
    data = rv.regiovergelijking(isolated_db)
    jong = _cell(data, "VERW_CARD", "JONG")
    assert not jong["standardised"] and jong["value"] == pytest.approx(30.0)
    cells, _, rows = data.wide()
    assert cells.iloc[rows.index("VERW_CARD")]["Eenheid"] == "per 1.000 per jaar"


def test_crude_rates_when_not_standardising(dsr_db):
    data = rv.regiovergelijking(dsr_db, standardise=False)
    jong, oud = _cell(data, "VERW_CARD", "JONG"), _cell(data, "VERW_CARD", "OUD")
    assert not jong["standardised"]
    assert (jong["value"], oud["value"]) == pytest.approx((30.0, 70.0))
    # Crude, the younger region refers significantly less and the older one more.
    assert (jong["comparison"], oud["comparison"]) == ("lower", "higher")
    cells, _, rows = data.wide()
    assert cells.iloc[rows.index("VERW_CARD")]["Eenheid"] == "per 1.000 per jaar"


def test_the_page_shows_standardised_rates_and_can_switch_them_off(dsr_db):
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = "nl"
    at.run()
    at.switch_page(REGIO).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.toggle(key="regio_standardise").value is True

    def verw_card(at):
        frame = next(f.value for f in at.dataframe if "Regio Jong" in f.value.columns)
        return frame.set_index("Indicator").loc["Verwijzingen cardiologie"]

    line = verw_card(at)
    assert line["Eenheid"].endswith("gestandaardiseerd voor leeftijd en geslacht")
    assert line["Regio Jong"].startswith("50,0 (") and line["Regio Oud"].startswith("50,0 (")
    assert any(c.value.startswith("Verwijscijfers in de tabel: direct gestandaardiseerd")
               for c in at.caption)

    at.toggle(key="regio_standardise").set_value(False).run()
    assert not at.exception, [e.value for e in at.exception]
    line = verw_card(at)
    assert line["Eenheid"] == "per 1.000 per jaar"
    assert line["Regio Jong"].startswith("30,0 (") and line["Regio Oud"].startswith("70,0 (")
    assert at.query_params["dsr"] == "0"
