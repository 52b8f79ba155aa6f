"""The Overzicht page, run through the real entry point with Streamlit's AppTest.

The expected numbers are computed by hand from ``fill_tiny_dataset`` in tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
from sqlalchemy import text
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from dashboard.models import Practice, Region
from tests.auth_support import sign_in

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
BANNER_NL = "Synthetische voorbeelddata — geen echte patiënten of praktijken"


def run_app(**query_params: str) -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    for name, value in query_params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_table(element) -> pd.DataFrame:
    """The table as the user sees it: the Styler's formatted display values."""
    stream = element.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(stream).read_all().to_pandas()


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(metric.label, metric.value) for metric in at.metric]


def test_home_shows_regions_in_dutch(tiny_db):
    at = run_app()

    assert at.title[0].value == "Overzicht"
    assert [w.value for w in at.warning] == [BANNER_NL]
    # Regio Zuid's 7 referrals read "<10" and are left out of the total (1.235 + 7 would
    # give them away).
    assert "2 regio's · 4 praktijken · 1.235 verwijzingen" in [m.value for m in at.markdown]
    # Regions in name order; listed patients are the latest population year per region
    # (NRD 2025: 1200 + 1300 + 834; ZD 2024: 5000 + 7000), referrals NRD 600 + 1 + 634.
    assert metrics(at) == [
        ("Praktijken", "3"),
        ("Ingeschreven patiënten", "3.334"),
        ("Verwijzingen", "1.235"),
        ("Datadatum", "17-11-2025"),
        ("Praktijken", "1"),
        ("Ingeschreven patiënten", "12.000"),
        ("Verwijzingen", "<10"),
        ("Datadatum", "20-02-2023"),
    ]
    assert [m.help for m in at.metric][1::4] == [
        "Praktijkpopulatie in 2025, het laatste jaar waarvoor die is aangeleverd.",
        "Praktijkpopulatie in 2024, het laatste jaar waarvoor die is aangeleverd.",
    ]
    captions = [c.value for c in at.caption]
    assert "NRD · Anderhalvelijn sinds 01-03-2021 · verwijzingen jan 2024 – nov 2025" in captions
    assert "ZD · Geen anderhalvelijn · verwijzingen feb 2023" in captions


def test_home_tables_hold_regions_and_load_log(tiny_db):
    at = run_app()

    regions, loads = (frame.value for frame in at.dataframe)
    assert list(regions["Regio"]) == ["Regio Noord", "Regio Zuid"]
    assert list(regions["Praktijken"]) == [3, 1]
    assert list(regions["Verwijzingen"][:1]) == [1235]
    assert pd.isna(regions["Verwijzingen"][1])  # shown as "<10": the number is not sent
    # Newest first, outcomes in Dutch.
    assert list(loads["Bestand"]) == [
        "verwijzingen_oud.csv",
        "verwijzingen_2025.csv",
        "regios.csv",
    ]
    assert list(loads["Uitkomst"]) == ["geweigerd", "geladen", "geladen"]
    assert list(loads["Regels"]) == [0, 1234, 2]

    shown = shown_table(at.dataframe[0])
    assert shown.iloc[0].to_dict() == {
        "Code": "NRD",
        "Regio": "Regio Noord",
        "Start anderhalvelijn": "01-03-2021",
        "Praktijken": "3",
        "Ingeschreven patiënten": "3.334",
        "Populatiejaar": "2025",
        "Eerste maand": "jan 2024",
        "Laatste maand": "nov 2025",
        "Verwijzingen": "1.235",
        "Datadatum": "17-11-2025",
        "Synthetisch": "nee",
    }
    assert shown.iloc[1]["Start anderhalvelijn"] == "–"
    assert shown.iloc[1]["Ingeschreven patiënten"] == "12.000"
    # Stored in UTC, shown in Dutch time (CET in December).
    assert list(shown_table(at.dataframe[1])["Tijdstip"]) == [
        "02-12-2025 09:06",
        "02-12-2025 09:05",
        "01-12-2025 10:15",
    ]


def test_language_switch_to_english(tiny_db):
    at = run_app()
    at.sidebar.radio(key="lang").set_value("en").run()

    assert not at.exception
    assert at.title[0].value == "Overview"
    assert [w.value for w in at.warning] == [
        "Synthetic sample data — no real patients or practices"
    ]
    assert metrics(at)[:4] == [
        ("Practices", "3"),
        ("Listed patients", "3,334"),
        ("Referrals", "1,235"),
        ("Data date", "17 Nov 2025"),
    ]
    assert "NRD · Anderhalvelijn since 1 Mar 2021 · referrals Jan 2024 – Nov 2025" in [
        c.value for c in at.caption
    ]
    loads = at.dataframe[1].value
    assert list(loads["Outcome"]) == ["rejected", "loaded", "loaded"]

    at.sidebar.radio(key="lang").set_value("nl").run()
    assert at.title[0].value == "Overzicht"


def test_language_from_url(tiny_db):
    at = run_app(lang="en")
    assert at.title[0].value == "Overview"
    assert at.sidebar.radio(key="lang").value == "en"


def test_empty_database_explains_how_to_load(isolated_db):
    at = run_app()

    assert not at.metric
    assert not at.warning  # no synthetic data, no banner
    message = at.info[0].value
    assert "Nog geen gegevens geladen" in message
    assert "python -m etl load data/sample" in message


def test_no_banner_for_real_data(tiny_db):
    with Session(tiny_db) as session:
        session.get(Region, "ZD").synthetic = False
        session.commit()

    at = run_app()
    assert not at.warning


def test_regions_without_referrals_or_population(isolated_db):
    with Session(isolated_db) as session:
        session.add(Region(code="OOST", name="Regio Oost"))
        session.flush()
        session.add(Practice(code="P9", region="OOST", pseudonym="Praktijk Z"))
        session.commit()

    at = run_app()
    assert "Er zijn regio's geladen, maar nog geen verwijzingen." in [i.value for i in at.info]
    assert metrics(at) == [
        ("Praktijken", "1"),
        ("Ingeschreven patiënten", "–"),
        ("Verwijzingen", "0"),
        ("Datadatum", "–"),
    ]


def test_database_error_is_a_message_not_a_traceback(tiny_db):
    # A table of the wrong shape (schema drift): init_db leaves existing tables alone.
    with tiny_db.begin() as conn:
        conn.execute(text("DROP TABLE agg_referral_region_month"))
        conn.execute(text("CREATE TABLE agg_referral_region_month (region TEXT)"))

    at = sign_in(AppTest.from_file(str(APP), default_timeout=60)).run()
    assert not at.exception
    assert "De database kon niet worden gelezen" in at.error[0].value
