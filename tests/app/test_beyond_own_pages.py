"""The pages' notes where region figures minus the GP's own practice, totals over the regions
or signals of hidden practices would give a small count away (AppTest).

Datasets and hand-worked numbers: tests/spiegel_beyond_own_dataset.py with
tests/test_pagedata_spiegel_beyond_own.py, and tests/pagedata/test_anderhalvelijn_beyond_own.py.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.auth_support import open_signed_in
from tests.pagedata.test_anderhalvelijn_beyond_own import fill as fill_anderhalvelijn
from tests.spiegel_beyond_own_dataset import fill_beyond_own_dataset


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def test_spiegel_gp_sees_why_region_quarters_and_destinations_are_missing(isolated_db):
    fill_beyond_own_dataset(isolated_db)
    at = open_signed_in(isolated_db, "spiegelinformatie", "huisarts", practice="V1")
    texts = captions(at)
    # Q2 (18 - 15 = 3) and Q3 (its companion); anderhalvelijn (24 - 20 = 4) and hospital.
    assert any("Kwartalen van de regio met ‘–’ zijn niet getoond: min die van uw praktijk"
               in text for text in texts), texts
    assert any("Bestemmingen van de regio met ‘–’ zijn niet getoond" in text
               for text in texts), texts


def test_spiegel_counts_only_shown_signals_and_says_so(isolated_db):
    fill_beyond_own_dataset(isolated_db)
    at = open_signed_in(isolated_db, "spiegelinformatie", "coordinator", regions=["DRIE"])
    # X2 (3) and X3 (4) are hidden: their signals are not counted; X1 (50 against 19) is
    # above its limits.
    outside = at.metric[3]
    assert (outside.label, outside.value) == ("Buiten de 95%-grenzen", "1")
    assert outside.help.startswith("Van de 1 getoonde praktijken. Bij 2 praktijk(en) blijft "
                                   "het signaal verborgen")
    assert any("φ is geschat uit de 1 praktijken waarvan het aantal getoond wordt" in text
               for text in captions(at))


def test_spiegel_gp_whose_others_have_a_small_total(isolated_db):
    fill_beyond_own_dataset(isolated_db)
    at = open_signed_in(isolated_db, "spiegelinformatie", "huisarts", practice="X1")
    assert any("De andere praktijken in deze regio hebben samen een klein aantal verwijzingen"
               in text for text in captions(at))


def test_spiegel_gp_sees_why_the_opportunity_is_missing(isolated_db):
    fill_beyond_own_dataset(isolated_db)
    at = open_signed_in(isolated_db, "spiegelinformatie", "huisarts", practice="W1")
    infos = [info.value for info in at.info]
    assert any(text.startswith("Geen schatting: die noemt de ziekenhuisverwijzingen van de "
                               "regio") for text in infos), infos


def test_anderhalvelijn_gp_sees_why_months_are_missing(isolated_db):
    fill_anderhalvelijn(isolated_db)
    at = open_signed_in(isolated_db, "anderhalvelijn", "huisarts", practice="A")
    at = at.selectbox(key="alv_region").set_value("DRI").run()
    assert not at.exception, [e.value for e in at.exception]
    # February (53 - 50 = 3) and January (its companion).
    assert any("2 maandpunten van uw regio zijn niet getoond: min die van uw eigen praktijk"
               in text for text in captions(at)), captions(at)


def test_anderhalvelijn_gp_sees_why_region_totals_are_missing(isolated_db):
    fill_anderhalvelijn(isolated_db)
    at = open_signed_in(isolated_db, "anderhalvelijn", "huisarts", practice="A2")
    # All regions: Par's totals (its others' 7 / 3 / 4) and Kln's alv and hospital read "–".
    texts = [markdown.value for markdown in at.markdown]
    assert any("Totalen met ‘–’ zijn weggelaten" in text for text in texts), texts
    # No funnel point is left (the GP's own practice is Par's only one drawn): the note is in
    # the empty chart's message.
    notes = captions(at) + [info.value for info in at.info]
    assert any("Geen trechter voor Regio Par:" in text for text in notes), notes
