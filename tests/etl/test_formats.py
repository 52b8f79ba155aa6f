"""Both CSV dialects, three encodings, XLSX, Dutch column names and date formats."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select, text

from dashboard.models import Referral
from etl.cli import main
from etl.loader import load_paths
from tests.etl.conftest import FILES, write_files

DUTCH_REFERRALS = (
    "Verwijzing_ID;Verwijsdatum;Praktijk;Patiëntnummer;Leeftijdsgroep;Geslacht;ICPC;Bestemming;"
    "Spoed;RTA\n"
    "R1;05-01-2024;P1;PAT-1;18-44;man;K77;Ziekenhuis;nee;ja\n"
    "R2;20-01-2024;P1;PAT-2;65-74;vrouw;K78;1.5;nee;ja\n"
    "R3;03-02-2024;P2;PAT-3;18-44;M;K74;e-consult;ja;nee\n"
    "R4;10-02-2024;P3;PAT-4;75-84;V;K86;ziekenhuis;nee;ja\n"
    "R5;01-03-2024;P1;PAT-1;18-44;M;K77;ziekenhuis;nee;ja\n"
)


def _referral_rows(engine) -> list[tuple]:
    # Through the typed table, so dates and booleans read back alike on SQLite and PostgreSQL.
    table = Referral.__table__
    columns = [table.c[name] for name in ("referral_date", "practice", "age_band", "sex", "icpc",
                                          "destination", "urgent", "rta_conform")]
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(
            select(*columns).order_by(table.c.referral_date)).all()]


def _load_with_referrals(tmp_path, engine, content: bytes, name="referrals.csv"):
    files = {k: v for k, v in FILES.items() if k not in ("referrals.csv", "consults.csv")}
    directory = write_files(tmp_path / "input", files)
    (directory / name).write_bytes(content)
    report = load_paths([directory], engine)
    assert report.ok, [str(p) for p in report.problems]
    return _referral_rows(engine)


def test_semicolon_dutch_names_and_dates_equal_the_plain_file(isolated_db, tmp_path):
    plain = _load_with_referrals(tmp_path / "a", isolated_db,
                                 FILES["referrals.csv"].encode("utf-8"))
    with isolated_db.begin() as conn:
        for table in ("referral", "agg_practice_month", "load_log"):
            conn.execute(text(f"DELETE FROM {table}"))
    dutch = _load_with_referrals(tmp_path / "b", isolated_db,
                                 DUTCH_REFERRALS.encode("utf-8-sig"), "Verwijzingen 2024.csv")
    assert dutch == plain
    assert plain[1] == (date(2024, 1, 20), "P1", "65-74", "V", "K78", "anderhalvelijn", False,
                        True)


def test_cp1252_file_is_read(isolated_db, tmp_path):
    rows = _load_with_referrals(tmp_path, isolated_db, DUTCH_REFERRALS.encode("cp1252"))
    assert len(rows) == 5


def test_xlsx_file_is_read_with_sheet_row_numbers(isolated_db, tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(FILES["referrals.csv"]), dtype=str)
    frame.loc[2, "icpc"] = "X99"
    files = {k: v for k, v in FILES.items() if k not in ("referrals.csv", "consults.csv")}
    directory = write_files(tmp_path / "input", files)
    frame.to_excel(directory / "referrals.xlsx", index=False)
    report = load_paths([directory], isolated_db)
    # Row 3 of the data is sheet row 4 (row 1 is the header).
    assert [str(p) for p in report.problems] == [
        "referrals.xlsx:4:icpc: 'X99' is not a cardiovascular ICPC code (K01-K99)"
    ]


def test_cli_validate_exits_non_zero_and_prints_each_problem(isolated_db, tmp_path, capsys):
    files = dict(FILES)
    files["population.csv"] = files["population.csv"].replace("800", "-8")
    directory = write_files(tmp_path / "input", files)
    assert main(["validate", str(directory)]) == 1
    err = capsys.readouterr().err
    assert "population.csv:4:listed_patients: '-8': must be at least 0" in err
    assert "1 problem(s) in 1 file(s); nothing was written (dry run)." in err


def test_cli_load_then_status(isolated_db, valid_dir, capsys):
    assert main(["load", "--quiet", str(valid_dir)]) == 0
    assert "26 rows loaded." in capsys.readouterr().out
    assert main(["status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["region", "practices", "first_month", "last_month", "referrals",
                              "consults", "first_cost_year", "last_cost_year",
                              "survey_responses", "hf_admissions"]
    assert out[1].split() == ["NRD", "2", "2024-01-01", "2024-03-01", "4", "3", "2024", "2024",
                              "2", "5"]
