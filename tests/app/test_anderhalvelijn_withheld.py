"""The Anderhalvelijn page for the GP of a region with only one other practice (AppTest).

Dataset and hand-worked numbers: tests/pagedata/test_anderhalvelijn_undisclosable.py. The GP of
Q1 (Regio Twee: Q1 and Q2 only) must not see Regio Twee's alv and hospital totals, nor the
headline share over the regions: 54 - 50 would give Q2's hidden 4.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.test_anderhalvelijn_page import table
from tests.auth_support import open_signed_in
from tests.pagedata.test_anderhalvelijn_undisclosable import fill_two_practice_dataset


def open_page(engine, role: str, **binding) -> AppTest:
    return open_signed_in(engine, "anderhalvelijn", role, **binding)


def test_gp_of_a_two_practice_region_sees_no_region_totals(isolated_db):
    fill_two_practice_dataset(isolated_db)
    at = open_page(isolated_db, "huisarts", practice="Q1")
    infos = [info.value for info in at.info]
    assert any(text.startswith("In Regio Twee is het kleine aantal (1 tot en met 9) van één "
                               "praktijk verborgen") for text in infos), infos
    share = at.metric[0]
    assert (share.label, share.value) == ("Aandeel anderhalvelijn + e-consult", "–")
    assert share.help.startswith("Niet getoond: uit dit totaal zou een verborgen klein aantal")
    per_region = table(at, ["Regio", "Verwijzingen", "Naar ziekenhuis"]).set_index("Regio")
    assert list(per_region.loc["Regio Twee"].iloc[:3]) == ["124", "–", "–"]
    assert list(per_region.loc["Regio Veel"].iloc[:3]) == ["149", "90", "59"]


def test_gp_of_a_larger_region_sees_the_totals(isolated_db):
    fill_two_practice_dataset(isolated_db)
    at = open_page(isolated_db, "huisarts", practice="V1")
    assert not any("is het kleine aantal" in info.value for info in at.info)
    # Regio Twee holds no practice of this GP's view: its totals stay; 113 of 273 = 41,4%.
    assert at.metric[0].value == "41,4%"
