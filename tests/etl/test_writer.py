"""The load writer on each backend: types survive a round trip, upserts update, rollback undoes.

On SQLite this is the ADBC writer process; on PostgreSQL the COPY writer.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import select

from dashboard.models import Practice, Referral, Region
from etl.writer import ProcessAdbcWriter, open_writer
from etl.writer_process import DEFAULT_CACHE_MB, cache_megabytes

NOORD = pd.DataFrame({"code": ["0123"], "name": ["Noord"], "synthetic": [False]})


def _regions(engine) -> list[tuple]:
    table = Region.__table__
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(table.c.code, table.c.name, table.c.anderhalvelijn_start,
                   table.c.synthetic).order_by(table.c.code)).all()]


def _add_practice_00042(writer) -> None:
    """Region "0123" and its practice "00042" (text codes with leading zeros), for referrals."""
    writer.upsert("region", NOORD, ["code"])
    writer.upsert("practice", pd.DataFrame({
        "code": ["00042"], "region": ["0123"], "pseudonym": ["Praktijk A"]}), ["code"])


def test_upsert_inserts_and_updates(isolated_db):
    writer = open_writer(isolated_db)
    try:
        writer.upsert("region", pd.DataFrame({
            "code": ["0123", "ZD"], "name": ["Noord", "Zuid"],
            "anderhalvelijn_start": pd.to_datetime(["2021-03-01", None]),
            "synthetic": [True, False]}), ["code"])
        writer.upsert("region", pd.DataFrame({
            "code": ["ZD"], "name": ["Zuid (nieuw)"],
            "anderhalvelijn_start": pd.to_datetime(["2022-01-01"]), "synthetic": [True]}),
            ["code"])
        writer.commit()
    finally:
        writer.close()
    assert _regions(isolated_db) == [
        ("0123", "Noord", date(2021, 3, 1), True),
        ("ZD", "Zuid (nieuw)", date(2022, 1, 1), True),
    ]


def _referrals(practice: str) -> pd.DataFrame:
    return pd.DataFrame({
        "id": [7, -(2**62)], "region": ["0123", "0123"], "practice": [practice, practice],
        "referral_date": pd.to_datetime(["2024-01-31", "2024-02-01"]),
        "month": pd.to_datetime(["2024-01-01", "2024-02-01"]),
        "patient_pseudonym": [2**62, -5], "age_band": ["18-44", "85+"], "sex": ["M", "V"],
        "icpc": ["K77", "K78"], "condition": ["hartfalen", "af"],
        "destination": ["ziekenhuis", "econsult"], "urgent": [True, False],
        "rta_conform": [False, True],
    })


def test_ingest_and_query_keep_types_and_text_codes(isolated_db):
    writer = open_writer(isolated_db)
    try:
        _add_practice_00042(writer)
        writer.ingest("referral", _referrals("00042"))
        # Read inside the transaction: the aggregates read rows the load has just written.
        seen = writer.query(
            "SELECT id, practice, month, urgent FROM referral WHERE region = :region "
            "AND practice LIKE '000%' ORDER BY id", {"region": "0123"})
        writer.commit()
    finally:
        writer.close()
    assert seen["id"].tolist() == [-(2**62), 7]
    assert seen["practice"].tolist() == ["00042", "00042"]  # not read back as the number 42
    assert pd.to_datetime(seen["month"]).tolist() == [pd.Timestamp("2024-02-01"),
                                                      pd.Timestamp("2024-01-01")]
    table = Referral.__table__
    with isolated_db.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.referral_date, table.c.urgent,
                                   table.c.rta_conform, table.c.patient_pseudonym)
                            .order_by(table.c.id)).all()
    assert [tuple(r) for r in rows] == [
        (-(2**62), date(2024, 2, 1), False, True, -5),
        (7, date(2024, 1, 31), True, False, 2**62),
    ]


def test_rollback_leaves_nothing(isolated_db):
    writer = open_writer(isolated_db)
    try:
        _add_practice_00042(writer)
        writer.ingest("referral", _referrals("00042"))
        writer.rollback()
    finally:
        writer.close()
    with isolated_db.connect() as conn:
        assert conn.execute(select(Practice.__table__.c.code)).all() == []
        assert conn.execute(select(Referral.__table__.c.id)).all() == []


def test_the_sqlite_writer_uses_the_configured_page_cache(isolated_db, monkeypatch):
    if isolated_db.dialect.name != "sqlite":
        pytest.skip("the page cache is a setting of the SQLite writer process")
    monkeypatch.delenv("HARTNETWERK_WRITER_CACHE_MB", raising=False)
    assert cache_megabytes() == DEFAULT_CACHE_MB == 1500
    monkeypatch.setenv("HARTNETWERK_WRITER_CACHE_MB", "64")
    writer = open_writer(isolated_db)
    try:
        assert isinstance(writer, ProcessAdbcWriter)
        # Negative cache_size: kibibytes (SQLite's PRAGMA cache_size), here 64 x 1000.
        assert writer.query("PRAGMA cache_size").iloc[0, 0] == -64_000
    finally:
        writer.rollback()
        writer.close()
    monkeypatch.setenv("HARTNETWERK_WRITER_CACHE_MB", "1,5 GB")
    with pytest.raises(ValueError, match="whole number of megabytes"):
        open_writer(isolated_db)


def test_a_frame_changed_after_ingest_is_stored_as_it_was(isolated_db):
    # Both writers write in the background (a process, a thread): what is stored is the frame
    # as it was when ingest returned, whatever the caller does with it afterwards.
    writer = open_writer(isolated_db)
    try:
        _add_practice_00042(writer)
        frame = _referrals("00042")
        writer.ingest("referral", frame)
        frame["id"] = [1, 2]
        writer.commit()
    finally:
        writer.close()
    with isolated_db.connect() as conn:
        ids = [row[0] for row in conn.execute(select(Referral.__table__.c.id)
                                              .order_by(Referral.__table__.c.id))]
    assert ids == [-(2**62), 7]


def test_a_failed_ingest_raises_at_the_next_call_and_nothing_is_stored(isolated_db):
    # The second batch repeats an id (the unique id index refuses it). The writer may find out
    # only after ingest returned: the next call raises, and the rollback leaves nothing.
    writer = open_writer(isolated_db)
    try:
        _add_practice_00042(writer)
        writer.ingest("referral", _referrals("00042"))
        writer.ingest("referral", _referrals("00042"))
        with pytest.raises(Exception, match="(?i)unique|duplicate"):
            writer.commit()
        writer.rollback()
    finally:
        writer.close()
    with isolated_db.connect() as conn:
        assert conn.execute(select(Practice.__table__.c.code)).all() == []
        assert conn.execute(select(Referral.__table__.c.id)).all() == []
