"""Every class of bad input is refused with the exact message the user sees, naming
file, line and column; the database stays empty."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from etl.loader import load_paths, validate_paths
from tests.etl.conftest import FILES, write_files

TODAY = date(2026, 11, 24)


def _problems_after(tmp_path, engine, file_name, edit):
    files = dict(FILES)
    files[file_name] = edit(files[file_name])
    directory = write_files(tmp_path / "input", files)
    report = load_paths([directory], engine, today=TODAY)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM referral")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM region")).scalar() == 0
    return [str(problem) for problem in report.problems]


CASES = {
    "missing column": (
        "referrals.csv", lambda s: s.replace("referral_date,", "datum,", 1),
        ["referrals.csv:1:referral_date: required column is missing (also accepted: "
         "verwijsdatum)"],
    ),
    "impossible date": (
        "referrals.csv", lambda s: s.replace("2024-01-20", "31-02-2024"),
        ["referrals.csv:3:referral_date: '31-02-2024' is not a date; write 31-12-2025 or "
         "2025-12-31"],
    ),
    "date in the future": (
        "survey.csv", lambda s: s.replace("S2,NRD,2024", "S2,NRD,2027"),
        ["survey.csv:3:year: '2027': year lies in the future (after 2026)"],
    ),
    "unknown age band": (
        "referrals.csv", lambda s: s.replace("P1,PAT-2,65-74", "P1,PAT-2,65-80"),
        ["referrals.csv:3:age_band: '65-80' is not a known code; allowed: 0-17, 18-44, 45-54, "
         "55-64, 65-74, 75-84, 85+"],
    ),
    "negative count": (
        "population.csv", lambda s: s.replace(",500", ",-500"),
        ["population.csv:3:listed_patients: '-500': must be at least 0"],
    ),
    "text where a number belongs": (
        "population.csv", lambda s: s.replace("800", "acht"),
        ["population.csv:4:listed_patients: 'acht' is not a whole number"],
    ),
    "unknown practice": (
        "referrals.csv", lambda s: s.replace("R4,2024-02-10,P3", "R4,2024-02-10,P7"),
        ["referrals.csv:5:practice: 'P7': unknown practice; load or list it first"],
    ),
    "consult of an unknown referral": (
        "consults.csv", lambda s: s.replace("C4,R4", "C4,R9"),
        ["consults.csv:5:referral_id: 'R9': unknown referral; load its referral first"],
    ),
    "duplicate key": (
        "referrals.csv", lambda s: s.replace("R5,", "R1,"),
        ["referrals.csv:6:referral_id: duplicate key (referral_id) 'R1', first on line 2"],
    ),
    "consult before its referral": (
        "consults.csv", lambda s: s.replace("2024-01-30", "2024-01-10"),
        ["consults.csv:3:consult_date: consult date 10-01-2024 lies before its referral date "
         "20-01-2024"],
    ),
    "unknown destination": (
        "referrals.csv", lambda s: s.replace("econsult", "telefoon"),
        ["referrals.csv:4:destination: 'telefoon' is not a known code; allowed: ziekenhuis, "
         "anderhalvelijn, econsult"],
    ),
    "not yes or no": (
        "referrals.csv", lambda s: s.replace("econsult,ja", "econsult,misschien"),
        ["referrals.csv:4:urgent: 'misschien' is not yes/no; write ja or nee"],
    ),
    "non-cardiac ICPC": (
        "referrals.csv", lambda s: s.replace("K86", "R05"),
        ["referrals.csv:5:icpc: 'R05' is not a cardiovascular ICPC code (K01-K99)"],
    ),
    "empty required value": (
        "referrals.csv", lambda s: s.replace("PAT-4", ""),
        ["referrals.csv:5:patient_id: required value is empty"],
    ),
    "score out of range": (
        "consults.csv", lambda s: s.replace("terug_huisarts,9", "terug_huisarts,0"),
        ["consults.csv:3:satisfaction: '0': must be at least 1"],
    ),
    "adults above inhabitants": (
        "region_population.csv", lambda s: s.replace("400,350", "400,450"),
        ["region_population.csv:3:inhabitants_18plus: '450': cannot exceed inhabitants"],
    ),
    "BSN in a column": (
        "referrals.csv", lambda s: s.replace("PAT-3", "111222333"),
        ["referrals.csv:4:patient_id: refused: 1 value(s) in this column look like a BSN "
         "(9 digits passing the 11-check); the file may not contain citizen service numbers"],
    ),
    "column of names": (
        "referrals.csv",
        lambda s: s.replace("rta_conform\n", "rta_conform,achternaam\n", 1).replace(
            "\n", ",Jansen\n").replace("rta_conform,achternaam,Jansen", "rta_conform,achternaam"),
        ["referrals.csv:1:achternaam: refused: this column looks like personal data (name, "
         "address, birth date or BSN); remove it, the dashboard stores pseudonymised data only"],
    ),
    "birth date column": (
        "population.csv",
        lambda s: s.replace("\n", ",01-01-1950\n").replace(
            "listed_patients,01-01-1950", "listed_patients,geboortedatum"),
        ["population.csv:1:geboortedatum: refused: this column looks like personal data (name, "
         "address, birth date or BSN); remove it, the dashboard stores pseudonymised data only"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_input_is_refused_with_its_line_and_column(case, isolated_db, tmp_path):
    file_name, edit, expected = CASES[case]
    assert _problems_after(tmp_path, isolated_db, file_name, edit) == expected


def test_all_problems_of_a_file_come_at_once(isolated_db, tmp_path):
    problems = _problems_after(
        tmp_path, isolated_db, "referrals.csv",
        lambda s: s.replace("K86", "R05").replace("PAT-4", "").replace("econsult", "tel"),
    )
    assert problems == [
        "referrals.csv:4:destination: 'tel' is not a known code; allowed: ziekenhuis, "
        "anderhalvelijn, econsult",
        "referrals.csv:5:icpc: 'R05' is not a cardiovascular ICPC code (K01-K99)",
        "referrals.csv:5:patient_id: required value is empty",
    ]


def test_a_nine_digit_number_failing_the_11_check_is_not_refused(isolated_db, tmp_path):
    # 123456789: 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8-1*9 = 147, not a multiple of 11.
    files = dict(FILES)
    files["referrals.csv"] = files["referrals.csv"].replace("PAT-3", "123456789")
    report = load_paths([write_files(tmp_path / "input", files)], isolated_db, today=TODAY)
    assert report.ok


def test_file_of_unknown_table_is_named(isolated_db, tmp_path):
    directory = write_files(tmp_path / "input", {"lab_uitslagen.csv": "a,b\n1,2\n"})
    report = validate_paths([directory], isolated_db)
    assert [str(p) for p in report.problems] == [
        "lab_uitslagen.csv::: cannot tell which table this file holds; its name must start with "
        "one of: regions, regios, region_population, inwoners, practices, praktijken, population, "
        "populatie, referrals, verwijzingen, consults, consulten, costs, kosten, survey, enquete, "
        "hf_admissions, opnames_hartfalen"
    ]


def test_validate_is_a_dry_run(isolated_db, valid_dir):
    report = validate_paths([valid_dir], isolated_db)
    assert report.ok
    with isolated_db.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM region")).scalar() == 0
