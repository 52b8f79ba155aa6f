"""Files read in batches: line numbers, duplicates across batches, cells split over batches,
and all-or-nothing when something fails after the first batches were written.

A batch size of a few rows (``batch_rows``) stands in for the loader's 250,000 rows per batch.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from etl import loader
from etl.loader import load_paths, validate_paths
from etl.reading import iter_batches
from tests.etl.conftest import FILES, REFERRALS, write_files
from tests.etl.test_load import DATA_TABLES, dump, scalar

TODAY = date(2026, 11, 24)
HEADER = REFERRALS.split("\n", 1)[0]
PRACTICE_OF = {"NRD": ("P1", "P2"), "ZD": ("P3",)}


def many_referrals(count: int, start: int = 1) -> list[str]:
    """``count`` valid referral rows R{start}.., spread over both regions and three months."""
    rows = []
    for number in range(start, start + count):
        practice = ("P1", "P2", "P3")[number % 3]
        day = 1 + number % 27
        month = 1 + number % 3
        rows.append(f"R{number},2024-{month:02d}-{day:02d},{practice},PAT-{number % 17},"
                    f"65-74,V,K77,ziekenhuis,nee,ja")
    return rows


def referral_file(rows: list[str]) -> str:
    return HEADER + "\n" + "\n".join(rows) + "\n"


def without_referrals() -> dict[str, str]:
    return {k: v for k, v in FILES.items() if k not in ("referrals.csv", "consults.csv")}


def data(engine) -> dict[str, list[tuple]]:
    return {table: rows for table, rows in dump(engine).items() if table != "load_log"}


def test_reader_batches_keep_physical_line_numbers_in_every_dialect(tmp_path):
    # Semicolons, cp1252, Dutch column names, two comment lines: rows start on line 4.
    content = ("# export van het HIS\n# tweede regel\n"
               "Verwijzing_ID;Verwijsdatum;Praktijk\n"
               + "".join(f"R{n};0{1 + n % 9}-01-2024;Praktijk Zuidé\n" for n in range(7)))
    path = tmp_path / "verwijzingen.csv"
    path.write_bytes(content.encode("cp1252"))
    batches = list(iter_batches(path, batch_rows=3))
    assert [len(b.frame) for b in batches] == [3, 3, 1]
    assert [list(b.line_numbers) for b in batches] == [[4, 5, 6], [7, 8, 9], [10]]
    assert [list(b.frame.index) for b in batches] == [[0, 1, 2], [3, 4, 5], [6]]
    assert batches[2].frame.iloc[0].tolist() == ["R6", "07-01-2024", "Praktijk Zuidé"]
    assert {b.delimiter for b in batches} == {";"} and batches[0].header_line == 3
    # The same file in UTF-8 with a byte-order mark reads the same.
    path.write_bytes(content.encode("utf-8-sig"))
    again = list(iter_batches(path, batch_rows=3))
    assert [b.frame.values.tolist() for b in again] == [b.frame.values.tolist() for b in batches]
    assert [list(b.line_numbers) for b in again] == [[4, 5, 6], [7, 8, 9], [10]]


def test_bad_rows_in_late_batches_are_refused_with_their_lines(isolated_db, tmp_path):
    load_paths([write_files(tmp_path / "first", FILES)], isolated_db)
    before = dump(isolated_db)
    rows = many_referrals(40, start=10)
    rows[33] = rows[33].replace("K77", "R05")  # data row 34: line 35, batch 6 of 7
    rows[38] = rows[38].replace(",P3,", ",P9,").replace(",P1,", ",P9,").replace(",P2,", ",P9,")
    consults = FILES["consults.csv"].replace("C4,R4", "C4,R99")  # a second file's problem
    directory = write_files(tmp_path / "fix", {"referrals_2024.csv": referral_file(rows),
                                               "consults_2024.csv": consults})
    report = load_paths([directory], isolated_db, today=TODAY, batch_rows=6)
    assert [str(p) for p in report.problems] == [
        "referrals_2024.csv:35:icpc: 'R05' is not a cardiovascular ICPC code (K01-K99)",
        "referrals_2024.csv:40:practice: 'P9': unknown practice; load or list it first",
        "consults_2024.csv:5:referral_id: 'R99': unknown referral; load its referral first",
    ]
    assert [r.outcome for r in report.files] == ["rejected", "rejected"]
    # Batches 1 to 5 were written before the bad row was read; all of it was rolled back.
    assert dump(isolated_db) == before


def test_a_key_repeated_in_another_batch_is_reported_as_in_one_piece(isolated_db, tmp_path):
    load_paths([write_files(tmp_path / "ref", without_referrals())], isolated_db)
    before = dump(isolated_db)
    rows = many_referrals(20)
    rows[16] = rows[16].replace("R17,", "R3,", 1)  # line 18 repeats line 4 (batch 1 and 4)
    rows[18] = rows[18].replace("R19,", "R18,", 1)  # line 20 repeats line 19, the same batch
    directory = write_files(tmp_path / "dup", {"referrals.csv": referral_file(rows)})
    whole = validate_paths([directory], isolated_db, today=TODAY, batch_rows=None)
    batched = load_paths([directory], isolated_db, today=TODAY, batch_rows=5)
    expected = [
        "referrals.csv:18:referral_id: duplicate key (referral_id) 'R3', first on line 4",
        "referrals.csv:20:referral_id: duplicate key (referral_id) 'R18', first on line 19",
    ]
    assert [str(p) for p in whole.problems] == expected
    assert [str(p) for p in batched.problems] == expected
    assert dump(isolated_db) == before


def test_a_key_of_several_columns_repeated_across_batches(isolated_db, tmp_path):
    population = FILES["population.csv"] + "P3,2024,75-84,V,301\n"  # line 6 repeats line 5
    files = dict(FILES, **{"population.csv": population})
    report = load_paths([write_files(tmp_path / "in", files)], isolated_db, batch_rows=2)
    assert [str(p) for p in report.problems] == [
        "population.csv:6:practice: duplicate key (practice, year, age_band, sex) "
        "'P3 / 2024 / 75-84 / V', first on line 5"
    ]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM practice_population") == 0


def test_batches_load_exactly_what_one_piece_loads(isolated_db, tmp_path):
    # R3, R6, R9 and R12 are NRD and ZD referrals of January 2024.
    consults = ("consult_id,referral_id,consult_date,setting,outcome,satisfaction\n"
                "C1,R3,2024-02-20,ziekenhuis,follow_up,7\n"
                "C2,R6,2024-01-30,anderhalvelijn,terug_huisarts,9\n"
                "C3,R9,2024-02-04,econsult,terug_huisarts,\n"
                "C4,R12,2024-03-30,ziekenhuis,terug_huisarts,8\n"
                "C5,R3,2024-03-01,ziekenhuis,verwezen_ziekenhuis,\n")
    files = dict(FILES, **{"referrals.csv": referral_file(many_referrals(30)),
                           "consults.csv": consults})
    directory = write_files(tmp_path / "in", files)
    assert load_paths([directory], isolated_db, batch_rows=None).ok
    whole = data(isolated_db)
    with isolated_db.begin() as conn:
        for table in reversed(DATA_TABLES):  # referring tables first
            conn.execute(text(f"DELETE FROM {table}"))
    report = load_paths([directory], isolated_db, batch_rows=4)
    assert report.ok, [str(p) for p in report.problems]
    assert data(isolated_db) == whole
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 30


def test_a_cell_split_over_batches_keeps_the_rows_of_every_batch(isolated_db, tmp_path):
    load_paths([write_files(tmp_path / "first", FILES)], isolated_db)
    # NRD January: R1 in batch 1, R6 in batch 2, R7 in batch 3 (one row per batch); R2 of the
    # first load's January is withdrawn; R5 moves from NRD March into ZD February (batch 4),
    # which the file replaces (R4 goes), and leaves NRD March empty.
    corrected = referral_file([
        "R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja",
        "R6,2024-01-25,P2,PAT-9,18-44,M,K02,econsult,nee,ja",
        "R7,2024-01-26,P1,PAT-8,18-44,M,K02,econsult,ja,ja",
        "R5,2024-02-11,P3,PAT-1,18-44,M,K77,ziekenhuis,nee,ja",
    ])
    directory = write_files(tmp_path / "fix", {"referrals_correctie.csv": corrected})
    report = load_paths([directory], isolated_db, batch_rows=1)
    assert report.ok, [str(p) for p in report.problems]
    with isolated_db.connect() as conn:
        cells = dict(conn.execute(text(
            "SELECT region || ' ' || month, COUNT(*) FROM referral GROUP BY region, month")).all())
        aggregated = dict(conn.execute(text(
            "SELECT region || ' ' || month, SUM(referrals) FROM agg_practice_month "
            "GROUP BY region, month")).all())
        region_level = dict(conn.execute(text(
            "SELECT region || ' ' || month, SUM(referrals) FROM agg_referral_region_month "
            "GROUP BY region, month")).all())
    expected = {
        "NRD 2024-01-01": 3,  # R1, R6, R7 from three batches
        "NRD 2024-02-01": 1,  # R3 untouched
        "ZD 2024-02-01": 1,  # R5 moved in
    }
    assert cells == expected
    assert aggregated == expected
    assert region_level == expected
    # Loading the same file again in other batches changes nothing.
    before = data(isolated_db)
    (directory / "referrals_correctie_2.csv").write_text(corrected + "\n")
    (directory / "referrals_correctie.csv").unlink()
    assert load_paths([directory], isolated_db, batch_rows=3).ok
    assert data(isolated_db) == before


def test_a_failure_while_batch_two_is_written_leaves_the_database_as_it_was(
    isolated_db, tmp_path, monkeypatch
):
    load_paths([write_files(tmp_path / "first", FILES)], isolated_db)
    before = dump(isolated_db)
    opened = loader.open_writer
    ingested = []

    def failing_writer(engine):
        writer = opened(engine)
        ingest = writer.ingest

        def ingest_then_fail(table, frame):
            if table == "referral":
                ingested.append(len(frame))
                if len(ingested) == 2:
                    raise OSError("disk full (simulated) while writing batch 2")
            ingest(table, frame)

        writer.ingest = ingest_then_fail
        return writer

    monkeypatch.setattr(loader, "open_writer", failing_writer)
    directory = write_files(tmp_path / "fix",
                            {"referrals_2024.csv": referral_file(many_referrals(12, start=20))})
    with pytest.raises(OSError, match="batch 2"):
        load_paths([directory], isolated_db, batch_rows=5)
    assert ingested == [5, 5]
    assert dump(isolated_db) == before


def test_a_bsn_in_a_late_batch_refuses_the_file_with_the_count_and_first_line(
    isolated_db, tmp_path
):
    rows = many_referrals(12)
    for index in (7, 10):  # lines 9 and 12, batches 3 and 4
        rows[index] = rows[index].replace(f"PAT-{(index + 1) % 17},", "111222333,")
    files = dict(without_referrals(), **{"referrals.csv": referral_file(rows)})
    report = load_paths([write_files(tmp_path / "in", files)], isolated_db, batch_rows=3)
    assert [str(p) for p in report.problems] == [
        "referrals.csv:9:patient_id: refused: 2 value(s) in this column look like a BSN "
        "(9 digits passing the 11-check); the file may not contain citizen service numbers"
    ]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM region") == 0


def test_a_file_of_only_a_header_is_loaded_as_empty(isolated_db, tmp_path):
    files = dict(without_referrals(), **{"referrals.csv": HEADER + "\n"})
    report = load_paths([write_files(tmp_path / "in", files)], isolated_db, batch_rows=2)
    assert report.ok, [str(p) for p in report.problems]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 0
    assert scalar(isolated_db, "SELECT rows FROM load_log WHERE table_name = 'referrals'") == 0
