"""The Spiegelinformatie page where the region's figures are withheld (AppTest).

Dataset and hand-worked numbers: tests/spiegel_withheld_dataset.py and
tests/test_pagedata_spiegel_withheld.py.
"""

from __future__ import annotations

from tests.app.test_spiegelinformatie import open_page, rerun
from tests.spiegel_withheld_dataset import fill_withheld_dataset


def test_gp_of_a_two_practice_region(isolated_db):
    fill_withheld_dataset(isolated_db)
    at = open_page(isolated_db, "huisarts", practice="D1")
    captions = [caption.value for caption in at.caption]
    assert any("Naast uw praktijk is in deze regio maar één andere praktijk vergeleken" in text
               for text in captions), captions
    rate = at.metric[3]
    # 40 referrals over 1,000 person-years; the region's 11,0 is not in the help.
    assert rate.value == "40,0"
    assert rate.help.startswith("Ruw cijfer; 95%-betrouwbaarheidsinterval")
    assert "regiogemiddelde wordt hier niet getoond" in rate.help and "11,0" not in rate.help
    infos = [info.value for info in at.info]
    assert any(text.startswith("Geen schatting: die noemt de ziekenhuisverwijzingen van de "
                               "regio") for text in infos), infos
    # The crude funnel: the own point without centre line or limits, drawn without error.
    at = rerun(at.radio(key="spiegel_measure").set_value("crude"))
    assert any("Middellijn en grenzen liggen rond het regiogemiddelde en zijn weggelaten"
               in caption.value for caption in at.caption)


def test_region_of_one_practice(isolated_db):
    fill_withheld_dataset(isolated_db)
    at = open_page(isolated_db, "coordinator", regions=["UNO"])
    # Regio Uno: U1's 5 referrals are hidden; no total, no regional rate, no funnel.
    values = {metric.label: metric.value for metric in at.metric}
    assert values["Verwijzingen"] == "–"
    assert values["Regiogemiddelde per 1.000 per jaar"] == "–"
    infos = [info.value for info in at.info]
    assert "Geen trechter: de enige praktijk om te tekenen heeft een klein aantal verwijzingen " \
        "(1 tot en met 9)." in infos
