"""The PDCA register: create, edit, close, validation messages and the CSV import."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from dashboard.queries import pdca
from dashboard.scope import Scope

EDITOR = Scope("beheerder", all_regions=True, username="test-editor")

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
LATER = datetime(2025, 3, 2, 10, 30, tzinfo=UTC)
VALID = {
    "region": "R1",
    "indicator_code": "VERW_ZH",
    "title": "Spiegelinformatie",
    "plan": "Minder verwijzingen door feedback",
    "target_value": "12,5",
    "target_date": "31-12-2025",
    "do_start": date(2025, 1, 1),
    "check_date": "2025-04-01",
}


def rows(engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM pdca_cycle"))]


def test_create_stores_normalised_values(pdca_db):
    cycle_id = pdca.create_cycle(pdca_db, VALID, now=NOW, scope=EDITOR)

    cycle = pdca.get_cycle(pdca_db, cycle_id)
    assert cycle["target_value"] == 12.5
    assert cycle["target_date"] == date(2025, 12, 31)
    assert cycle["check_date"] == date(2025, 4, 1)
    assert cycle["status"] == "open" and cycle["act_decision"] is None
    assert cycle["created_at"] == NOW == cycle["updated_at"]


def test_every_problem_is_reported_with_its_field(pdca_db):
    values = {
        "region": "XX",
        "indicator_code": "ALV_AANDEEL",
        "title": " ",
        "target_value": "120",
        "do_start": "2025-05-01",
        "check_date": "2025-04-01",
        "target_date": "morgen",
        "status": "closed",
    }
    with pytest.raises(pdca.CycleError) as caught:
        pdca.create_cycle(pdca_db, values, scope=EDITOR)

    assert caught.value.messages("nl") == [
        "Regio: 'XX' is geen geladen regio",
        "Titel: is verplicht",
        "Doelwaarde: moet tussen 0 en 100 liggen (een percentage)",
        "Doeldatum: 'morgen' is geen datum; schrijf 31-12-2025 of 2025-12-31",
        "Checkdatum: ligt vóór de start van Do",
        "Act-besluit: kies adopt, adapt of abandon om de cyclus af te sluiten",
    ]
    assert str(caught.value).startswith("Region: 'XX' is not a loaded region; Title: is required")
    assert rows(pdca_db) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "indicator_code",
            "ABC",
            "Indicator: 'ABC' is geen indicator uit de catalogus; "
            "toegestaan: VERW_CARD, VERW_ZH, ALV_AANDEEL, ALV_AFGEHANDELD, WACHTTIJD, "
            "RTA_CONFORM, KOSTEN_PP, KOSTEN_INW, TEVREDENHEID, WERKPLEZIER, OPNAME_HF",
        ),
        ("target_value", "-1", "Doelwaarde: mag niet negatief zijn"),
        ("target_value", "veel", "Doelwaarde: 'veel' is geen getal"),
        ("target_value", "nan", "Doelwaarde: 'nan' is geen getal"),
        (
            "act_decision",
            "misschien",
            "Act-besluit: 'misschien' is geen bekende waarde; toegestaan: adopt, adapt, abandon",
        ),
        ("status", "klaar", "Status: 'klaar' is geen bekende waarde; toegestaan: open, closed"),
        ("title", "x" * 201, "Titel: is te lang (hoogstens 200 tekens)"),
    ],
)
def test_single_field_problems(pdca_db, field, value, message):
    with pytest.raises(pdca.CycleError) as caught:
        pdca.create_cycle(pdca_db, {**VALID, field: value}, scope=EDITOR)
    assert caught.value.messages("nl") == [message]


def test_dutch_codes_and_a_decimal_comma_are_accepted():
    clean, errors = pdca.validate_cycle(
        {
            **VALID,
            "indicator_code": "verw_zh",
            "status": "Afgesloten",
            "act_decision": "Stoppen",
            "target_value": "1.234,5",
        },
        {"R1"},
    )
    assert errors == []
    assert (clean["indicator_code"], clean["status"], clean["act_decision"]) == (
        "VERW_ZH",
        "closed",
        "abandon",
    )
    assert clean["target_value"] == 1234.5


def test_edit_changes_only_the_given_fields(pdca_db):
    cycle_id = pdca.create_cycle(pdca_db, VALID, now=NOW, scope=EDITOR)

    pdca.update_cycle(
        pdca_db, cycle_id, {"title": "Spiegelinformatie v2", "target_value": 11}, now=LATER,
        scope=EDITOR,
    )

    cycle = pdca.get_cycle(pdca_db, cycle_id)
    assert cycle["title"] == "Spiegelinformatie v2"
    assert cycle["target_value"] == 11.0
    assert cycle["plan"] == "Minder verwijzingen door feedback"
    assert (cycle["created_at"], cycle["updated_at"]) == (NOW, LATER)


def test_an_invalid_edit_changes_nothing(pdca_db):
    cycle_id = pdca.create_cycle(pdca_db, VALID, now=NOW, scope=EDITOR)
    with pytest.raises(pdca.CycleError, match="Check date: lies before the start of Do"):
        pdca.update_cycle(pdca_db, cycle_id, {"check_date": date(2024, 1, 1)}, scope=EDITOR)
    assert pdca.get_cycle(pdca_db, cycle_id)["check_date"] == date(2025, 4, 1)


def test_editing_a_missing_cycle_is_an_error(pdca_db):
    with pytest.raises(pdca.CycleError) as caught:
        pdca.update_cycle(pdca_db, 99, {"title": "x"}, scope=EDITOR)
    assert caught.value.messages("en") == ["Cycle: cycle 99 does not exist (any more)"]


def test_close_needs_an_act_decision(pdca_db):
    cycle_id = pdca.create_cycle(pdca_db, VALID, now=NOW, scope=EDITOR)

    with pytest.raises(pdca.CycleError) as caught:
        pdca.close_cycle(pdca_db, cycle_id, None, scope=EDITOR)
    assert caught.value.messages("en") == [
        "Act decision: choose adopt, adapt or abandon to close the cycle"
    ]
    pdca.close_cycle(pdca_db, cycle_id, "adopt", notes="Borgen in de RTA", now=LATER, scope=EDITOR)

    cycle = pdca.get_cycle(pdca_db, cycle_id)
    assert (cycle["status"], cycle["act_decision"], cycle["notes"]) == (
        "closed",
        "adopt",
        "Borgen in de RTA",
    )


def test_list_shows_open_cycles_first_then_region_and_latest_do(pdca_db):
    first = pdca.create_cycle(
        pdca_db, {**VALID, "title": "A", "do_start": "2024-01-01", "check_date": None}, scope=EDITOR
    )
    second = pdca.create_cycle(pdca_db, {**VALID, "title": "B", "do_start": "2025-02-01"},
                               scope=EDITOR)
    closed = pdca.create_cycle(
        pdca_db, {**VALID, "title": "C", "status": "closed", "act_decision": "adapt"}, scope=EDITOR
    )
    other = pdca.create_cycle(pdca_db, {**VALID, "region": "R2", "title": "D"}, scope=EDITOR)

    assert pdca.list_cycles(pdca_db)["id"].tolist() == [second, first, other, closed]
    assert pdca.list_cycles(pdca_db, region="R1", status="open")["id"].tolist() == [second, first]
    assert list(pdca.list_cycles(pdca_db).columns) == pdca.CYCLE_COLUMNS


# ---- CSV import ----------------------------------------------------------------------------

GOOD_CSV = (
    "\ufeff# PDCA-cycli regio Een\n"
    "Regio;Indicator;Titel;Hypothese;Doelwaarde;Doeldatum;Start Do;Checkdatum;Besluit;"
    "Notities;Status\n"
    'R1;VERW_ZH;Spiegelinformatie;"Feedback; per kwartaal";12,5;31-12-2025;01-01-2025;'
    "01-04-2025;;;open\n"
    "R1;alv_aandeel;E-consult;;45;;2024-06-01;;aanpassen;Nieuwe cyclus volgt;afgesloten\n"
).encode("utf-8")


def test_import_reads_dutch_columns_semicolons_and_quotes(pdca_db):
    result = pdca.import_cycles_csv(pdca_db, GOOD_CSV, "cycli.csv", now=NOW, scope=EDITOR)

    assert (result.ok, result.created, result.updated) == (True, 2, 0)
    stored = pdca.list_cycles(pdca_db)
    assert stored["title"].tolist() == ["Spiegelinformatie", "E-consult"]
    spiegel, econsult = stored.to_dict("records")
    assert spiegel["plan"] == "Feedback; per kwartaal"
    assert spiegel["target_value"] == 12.5 and spiegel["do_start"] == date(2025, 1, 1)
    assert (econsult["indicator_code"], econsult["status"], econsult["act_decision"]) == (
        "ALV_AANDEEL",
        "closed",
        "adapt",
    )


def test_importing_the_same_file_twice_changes_nothing(pdca_db):
    pdca.import_cycles_csv(pdca_db, GOOD_CSV, "cycli.csv", now=NOW, scope=EDITOR)
    again = pdca.import_cycles_csv(pdca_db, GOOD_CSV, "cycli.csv", now=LATER, scope=EDITOR)

    assert (again.created, again.updated) == (0, 0)
    assert len(rows(pdca_db)) == 2
    assert set(pdca.list_cycles(pdca_db)["updated_at"]) == {NOW}


def test_a_matching_row_updates_the_cycle(pdca_db):
    cycle_id = pdca.create_cycle(pdca_db, {**VALID, "title": "spiegelinformatie"}, now=NOW,
                                 scope=EDITOR)
    result = pdca.import_cycles_csv(pdca_db, GOOD_CSV, "cycli.csv", now=LATER, scope=EDITOR)

    assert (result.created, result.updated) == (1, 1)
    cycle = pdca.get_cycle(pdca_db, cycle_id)
    assert cycle["plan"] == "Feedback; per kwartaal" and cycle["updated_at"] == LATER


def test_a_bad_file_reports_file_line_column_and_stores_nothing(pdca_db):
    data = (
        b"# comment line\n"
        b"region,indicator_code,title,target_value,do_start,check_date,status,act_decision\n"
        b"R1,VERW_ZH,Goed,10,2025-01-01,2025-03-01,open,\n"
        b"R9,VERW_ZH,,abc,2025-01-01,2024-03-01,open,\n"
        b"R1,RTA_CONFORM,Scholing,101,01-13-2025,,closed,\n"
        b"\n"
        b"R1,VERW_ZH,goed,11,2025-01-01,,open,\n"
        b"R1,VERW_ZH,Te veel,1,,,open,,extra\n"
    )

    result = pdca.import_cycles_csv(pdca_db, data, "cycli.csv", lang="en", scope=EDITOR)

    assert not result.ok
    assert result.problems == [
        "cycli.csv:4:region: 'R9' is not a loaded region",
        "cycli.csv:4:title: is required",
        "cycli.csv:4:target_value: 'abc' is not a number",
        "cycli.csv:4:check_date: lies before the start of Do",
        "cycli.csv:5:target_value: must be between 0 and 100 (a percentage)",
        "cycli.csv:5:do_start: '01-13-2025' is not a date; write 31-12-2025 or 2025-12-31",
        "cycli.csv:5:act_decision: choose adopt, adapt or abandon to close the cycle",
        "cycli.csv:7:title: same region, indicator and title as line 3",
        "cycli.csv:8:: 9 cells, the header has 8",
    ]
    assert rows(pdca_db) == []


def test_header_problems_are_reported_on_the_header_line(pdca_db):
    data = "\n# note\nregio,titel,doelwaarde,doel,kleur\nR1,x,1,2,rood\n".encode("cp1252")

    result = pdca.import_cycles_csv(pdca_db, data, "c.csv", lang="nl", scope=EDITOR)

    assert result.problems == [
        "c.csv:3:doel: kolom komt twee keer voor",
        "c.csv:3:kleur: onbekende kolom; toegestaan: region, indicator_code, title, plan, "
        "target_value, target_date, do_start, check_date, act_decision, notes, status",
        "c.csv:3:indicator_code: verplichte kolom ontbreekt",
    ]
    assert pdca.import_cycles_csv(pdca_db, b"# only\n", "leeg.csv", scope=EDITOR).problems == [
        "leeg.csv::: het bestand heeft geen kopregel"
    ]


def test_sample_cycles_only_fill_an_empty_register_on_synthetic_regions(pdca_db, tmp_path):
    sample = tmp_path / "pdca_cycles.csv"
    sample.write_text("region,indicator_code,title\nR1,VERW_ZH,Voorbeeld\n", encoding="utf-8")
    assert pdca.load_sample_cycles(pdca_db, sample) is None  # R1 is not synthetic

    sample.write_text("region,indicator_code,title\nR2,VERW_ZH,Voorbeeld\n", encoding="utf-8")
    result = pdca.load_sample_cycles(pdca_db, sample)
    assert (result.created, pdca.count_cycles(pdca_db)) == (1, 1)
    assert pdca.load_sample_cycles(pdca_db, sample) is None  # the register is not empty
    assert pdca.load_sample_cycles(pdca_db, tmp_path / "missing.csv") is None


def test_the_bundled_sample_file_is_valid():
    data = pdca.SAMPLE_CYCLES.read_bytes()
    parsed, problems = pdca.read_cycles_csv(data, "pdca_cycles.csv", {"NKU", "HVO", "RVW", "PLD"})

    assert problems == []
    nku = [clean for _, clean in parsed if clean["region"] == "NKU"]
    assert len(nku) == 1
    assert (nku[0]["indicator_code"], nku[0]["do_start"]) == ("VERW_ZH", date(2024, 1, 1))
