"""The PDCA page through the real entry point (AppTest): create, edit and close a cycle, switch
the indicator and the chart options, and see what the page shows.

Region R3 ("Regio Drie") has 24 months of hospital referrals: 100 a month in 2023 and 60 a
month in 2024, on 120,000 listed patients, so the rate falls from about 10 to about 6 per
1,000 per year and a cycle with Do on 1 January 2024 shows a special cause of improvement.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.models import Practice, PracticePopulation, Referral, Region
from dashboard.queries import pdca
from dashboard.scope import Scope
from tests.agg_support import ReferralCell, store_dataset
from tests.auth_support import sign_in

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
PAGE = "../pages/pdca.py"


@pytest.fixture
def page_db(pdca_db):
    rows: list = [
        Region(code="R3", name="Regio Drie"),
        Practice(code="PD", region="R3", pseudonym="Praktijk D"),
        PracticePopulation(
            practice="PD", year=2023, age_band="65-74", sex="M", listed_patients=120_000
        ),
        PracticePopulation(
            practice="PD", year=2024, age_band="65-74", sex="M", listed_patients=120_000
        ),
    ]
    for month in pd.date_range("2023-01-01", "2024-12-01", freq="MS"):
        count = (100 if month.year == 2023 else 60) + (1 if month.month % 2 else -1)
        for destination, n in (("ziekenhuis", count), ("anderhalvelijn", 40)):
            rows.append(
                ReferralCell(
                    region="R3",
                    practice="PD",
                    month=month.date(),
                    condition="af",
                    destination=destination,
                    age_band="65-74",
                    sex="M",
                    referrals=n,
                    urgent=0,
                    rta_conform=n,
                )
            )
    rows.append(
        Referral(
            id=99,
            region="R3",
            practice="PD",
            referral_date=date(2024, 12, 31),
            month=date(2024, 12, 1),
            patient_pseudonym=99,
            age_band="65-74",
            sex="M",
            icpc="K78",
            condition="af",
            destination="ziekenhuis",
            urgent=False,
            rta_conform=True,
        )
    )
    store_dataset(pdca_db, rows)
    return pdca_db


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(lang: str = "nl") -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params["lang"] = lang
    ok(at.run())
    return ok(at.switch_page(PAGE).run())


def texts(at: AppTest) -> list[str]:
    return [
        element.value
        for element in (*at.markdown, *at.caption, *at.info, *at.success, *at.error, *at.warning)
    ]


def chart_data(at: AppTest) -> pd.DataFrame:
    """The table in the chart's data expander (its columns start with Maand / Month)."""
    frames = [f.value for f in at.dataframe if f.value.columns[0] in ("Maand", "Month")]
    assert len(frames) == 1
    return frames[0]


def create(at: AppTest, **fields) -> AppTest:
    at.text_input(key="pdca_new_title").input(fields.get("title", ""))
    if "indicator" in fields:
        at.selectbox(key="pdca_new_indicator").set_value(fields["indicator"])
    for name in ("target_value",):
        if name in fields:
            at.number_input(key=f"pdca_new_{name}").set_value(fields[name])
    for name in ("do_start", "check_date", "target_date"):
        if name in fields:
            at.date_input(key=f"pdca_new_{name}").set_value(fields[name])
    at.text_area(key="pdca_new_plan").input(fields.get("plan", ""))
    return ok(at.button(key="pdca_new_submit").click().run())


def test_page_without_cycles_shows_the_indicator_and_an_empty_register(page_db):
    at = open_page()

    assert at.title[0].value == "PDCA: verbetercycli"
    assert at.selectbox(key="pdca_region").value == "R3"  # first region by name
    assert at.selectbox(key="pdca_cycle").value is None
    assert "Kies een cyclus om de Check uit de gegevens te zien." in texts(at)
    data = chart_data(at)
    assert len(data) == 24 and list(data.columns[:3]) == ["Maand", "Fase", "Waarde"]
    assert "Geen gegevens om te tonen." in texts(at)  # the register


def test_create_a_cycle_stores_it_and_shows_its_check(page_db):
    at = open_page()
    at = create(
        at,
        title="Spiegelinformatie",
        plan="Minder verwijzingen door feedback",
        target_value=8.0,
        do_start=date(2024, 1, 1),
        check_date=date(2024, 7, 1),
    )

    stored = pdca.list_cycles(page_db)
    assert stored[
        ["region", "indicator_code", "title", "target_value", "do_start"]
    ].values.tolist() == [["R3", "VERW_ZH", "Spiegelinformatie", 8.0, date(2024, 1, 1)]]
    assert [s.value for s in at.success] == ["Cyclus 'Spiegelinformatie' opgeslagen."]
    assert at.selectbox(key="pdca_cycle").value == int(stored["id"].iloc[0])
    shown = texts(at)
    assert any(t.startswith("**Signaal sinds de start van Do (januari 2024)**") for t in shown)
    assert any(
        ":blue-badge[:material/trending_down: Speciale oorzaak: verbetering]" in t for t in shown
    )
    data = chart_data(at)
    assert data["Fase"].tolist() == ["Plan"] * 12 + ["Do"] * 6 + ["Check"] * 6
    assert set(data["Doel"]) == {8.0}
    assert at.metric[0].label == "Niveauverandering bij de start van Do"


def test_an_invalid_cycle_is_refused_with_the_field_named(page_db):
    at = create(open_page(), title="", do_start=date(2024, 5, 1), check_date=date(2024, 1, 1))

    assert pdca.count_cycles(page_db) == 0
    assert at.error[0].value == (
        "De cyclus is niet opgeslagen:\n\n- Titel: is verplicht\n"
        "- Checkdatum: ligt vóór de start van Do"
    )


def test_edit_a_cycle(page_db):
    cycle_id = pdca.create_cycle(
        page_db,
        {"region": "R3", "indicator_code": "VERW_ZH", "title": "Oud", "do_start": "2024-01-01"},
        scope=EDITOR,
    )
    at = open_page()
    assert at.selectbox(key="pdca_edit_id").value == cycle_id

    at.text_input(key=f"pdca_edit_{cycle_id}_title").input("Nieuw")
    at.number_input(key=f"pdca_edit_{cycle_id}_target_value").set_value(5.5)
    at = ok(at.button(key="pdca_edit_submit").click().run())

    cycle = pdca.get_cycle(page_db, cycle_id)
    assert (cycle["title"], cycle["target_value"]) == ("Nieuw", 5.5)
    assert [s.value for s in at.success] == ["Cyclus 'Nieuw' bijgewerkt."]
    assert set(chart_data(at)["Doel"]) == {5.5}


def test_close_a_cycle_with_an_act_decision(page_db):
    cycle_id = pdca.create_cycle(
        page_db,
        {
            "region": "R3",
            "indicator_code": "VERW_ZH",
            "title": "Feedback",
            "do_start": "2024-01-01",
        }, scope=EDITOR
    )
    at = open_page()
    active = [f.value for f in at.dataframe if "Check sinds Do" in f.value.columns]
    assert active[0]["Titel"].tolist() == ["Feedback"]

    at = ok(at.button(key="pdca_close_submit").click().run())  # no decision chosen
    assert "Act-besluit: kies adopt, adapt of abandon om de cyclus af te sluiten" in (
        at.error[0].value
    )
    assert pdca.get_cycle(page_db, cycle_id)["status"] == "open"

    at.radio(key=f"pdca_close_{cycle_id}_decision").set_value("adopt")
    at.text_area(key=f"pdca_close_{cycle_id}_notes").input("Borgen in de RTA")
    at = ok(at.button(key="pdca_close_submit").click().run())

    cycle = pdca.get_cycle(page_db, cycle_id)
    assert (cycle["status"], cycle["act_decision"], cycle["notes"]) == (
        "closed",
        "adopt",
        "Borgen in de RTA",
    )
    assert [s.value for s in at.success] == [
        "Cyclus 'Feedback' afgesloten met besluit adopt (overnemen)."
    ]
    register = [f.value for f in at.dataframe if "Act-besluit" in f.value.columns][0]
    assert register["Status"].tolist() == ["afgesloten"]
    assert not [f for f in at.dataframe if "Check sinds Do" in f.value.columns]
    assert "Geen open cycli in deze regio." in texts(at)


def test_switching_indicator_view_and_limits(page_db):
    pdca.create_cycle(
        page_db,
        {
            "region": "R3",
            "indicator_code": "VERW_ZH",
            "title": "Feedback",
            "do_start": "2024-01-01",
            "target_value": 9,
        }, scope=EDITOR
    )
    at = open_page()
    assert at.selectbox(key="pdca_indicator").value == "VERW_ZH"
    assert list(chart_data(at).columns) == [
        "Maand",
        "Fase",
        "Waarde",
        "Gemiddelde (centrumlijn)",
        "Ondergrens",
        "Bovengrens",
        "Segment",
        "Variatie",
        "Regel",
        "Doel",
    ]

    at = ok(at.checkbox(key="pdca_rebase").check().run())
    assert chart_data(at)["Segment"].tolist() == [0] * 12 + [1] * 12
    at = ok(at.checkbox(key="pdca_2sigma").check().run())
    assert "Boven 2-sigma" in chart_data(at).columns

    at = ok(at.radio(key="pdca_view").set_value("run").run())
    assert list(chart_data(at).columns) == [
        "Maand",
        "Fase",
        "Waarde",
        "Mediaan",
        "Variatie",
        "Regel",
        "Doel",
    ]
    assert any(t.startswith("Methode: runchart met de regels van Anhøj") for t in texts(at))

    at = ok(at.selectbox(key="pdca_indicator").set_value("ALV_AANDEEL").run())
    data = chart_data(at)
    assert "Doel" not in data.columns  # the target belongs to VERW_ZH
    # 40 of about 140 referrals in 2023: percentages, not fractions.
    assert data["Waarde"].iloc[0] == pytest.approx(40 / 141 * 100)

    at = ok(at.selectbox(key="pdca_indicator").set_value("WERKPLEZIER").run())
    assert at.info[0].value.startswith("Voor deze indicator zijn in deze regio nog geen gegevens")


def test_switching_region_resets_the_cycle_and_english_works(page_db):
    pdca.create_cycle(
        page_db,
        {
            "region": "R3",
            "indicator_code": "VERW_ZH",
            "title": "Feedback",
            "do_start": "2024-01-01",
        }, scope=EDITOR
    )
    at = open_page(lang="en")
    assert at.title[0].value == "PDCA: improvement cycles"
    assert at.selectbox(key="pdca_cycle").value is not None

    at = ok(at.selectbox(key="pdca_region").set_value("R1").run())
    assert at.selectbox(key="pdca_cycle").value is None
    assert at.info[0].value.startswith("Too few months for a trend chart: 4 points")


@pytest.fixture
def scores_db(page_db):
    # Satisfaction in R3 (an XmR indicator): 7.0 / 7.4 alternating, one freak month of 9.8.
    from dashboard.models import AggSatisfaction

    rows = []
    for i, month in enumerate(pd.date_range("2023-01-01", "2024-12-01", freq="MS")):
        score = 9.8 if i == 5 else (7.0 if i % 2 == 0 else 7.4)
        rows.append(AggSatisfaction(region="R3", month=month.date(), setting="ziekenhuis",
                                    responses=20, score_sum=score * 20,
                                    score_sq_sum=score * score * 20))
    store_dataset(page_db, rows)
    return page_db


def test_freeze_exclude_and_screening_controls(scores_db):
    at = open_page()
    assert at.selectbox(key="pdca_indicator").value == "VERW_ZH"
    # About 100 referrals a month in 2023, 60 in 2024, on 120,000 listed patients.
    assert chart_data(at)["Gemiddelde (centrumlijn)"].iloc[0] == pytest.approx(8.0, abs=0.05)
    assert at.toggle(key="pdca_screen").disabled  # a u-chart: no moving ranges
    assert at.selectbox(key="pdca_freeze").options[1] == "december 2023"

    at = ok(at.selectbox(key="pdca_freeze").set_value(pd.Timestamp("2023-12-01")).run())
    frozen = chart_data(at)
    assert frozen["Gemiddelde (centrumlijn)"].tolist() == pytest.approx([10.0] * 24, abs=0.05)
    assert at.query_params["bevroren"] == "2023-12"

    at = ok(at.multiselect(key="pdca_exclude").set_value([pd.Timestamp("2024-06-01")]).run())
    data = chart_data(at)
    assert data["Uitgesloten"].tolist() == [i == 17 for i in range(24)]
    assert data["Regel"].iloc[17].endswith("uitgesloten van de berekening")

    at = ok(at.selectbox(key="pdca_freeze").set_value(None).run())
    at = ok(at.multiselect(key="pdca_exclude").set_value([]).run())
    at = ok(at.selectbox(key="pdca_indicator").set_value("TEVREDENHEID").run())
    assert not at.toggle(key="pdca_screen").disabled and at.toggle(key="pdca_screen").value
    screened = chart_data(at)["Bovengrens"].iloc[0]
    assert any("tellen niet mee (NHSRplotthedots)" in t for t in texts(at))
    at = ok(at.toggle(key="pdca_screen").set_value(False).run())
    unscreened = chart_data(at)["Bovengrens"].iloc[0]
    # Screened: mean moving range 0.4; the Making Data Count Excel tool keeps the jumps.
    mean = (7.0 * 12 + 7.4 * 11 + 9.8) / 24
    assert screened == pytest.approx(mean + 2.66 * 0.4)
    assert unscreened == pytest.approx(mean + 2.66 * (21 * 0.4 + 2 * 2.8) / 23)
    assert any("zoals in de Making Data Count Excel-tool" in t for t in texts(at))
    assert at.query_params["screening"] == "0"
