"""The indexes the pages rely on at national scale are the ones the database uses.

A page that falls back to reading raw rows still gives the right numbers, so the result tests
cannot see it; these tests ask SQLite's query planner instead (PostgreSQL plans by its
statistics, which an almost empty test database does not have).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from dashboard.queries.anderhalvelijn import data_dates


def _plan(engine, sql: str) -> str:
    with engine.connect() as conn:
        return " ".join(str(row[-1]) for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))


def test_the_data_date_is_read_from_the_referral_index_alone(tiny_db):
    if tiny_db.dialect.name != "sqlite":
        pytest.skip("query plans are checked on SQLite")
    plan = _plan(tiny_db, "SELECT max(referral_date) FROM referral "
                          "WHERE region = 'NKU' AND month = '2025-01-01'")
    assert "COVERING INDEX ix_referral_region_month_date" in plan


def test_the_data_date_is_the_last_referral_date_of_the_last_month(isolated_db):
    with isolated_db.begin() as conn:
        conn.execute(text("INSERT INTO region (code, name, synthetic) VALUES ('R1', 'R', 0)"))
        conn.execute(text("INSERT INTO practice (code, region, pseudonym) "
                          "VALUES ('P1', 'R1', 'Praktijk A')"))
        for i, (day, month) in enumerate([("2024-02-27", "2024-02-01"),
                                          ("2024-03-05", "2024-03-01"),
                                          ("2024-03-19", "2024-03-01"),
                                          ("2024-03-11", "2024-03-01")]):
            conn.execute(text(
                "INSERT INTO referral (id, region, practice, referral_date, month, "
                "patient_pseudonym, age_band, sex, icpc, condition, destination, urgent, "
                "rta_conform) VALUES (:id, 'R1', 'P1', :day, :month, 1, '45-64', 'V', 'K77', "
                "'hf', 'ziekenhuis', FALSE, TRUE)"), {"id": i + 1, "day": day, "month": month})
        for month in ("2024-02-01", "2024-03-01"):
            conn.execute(text(
                "INSERT INTO agg_referral_region_month (region, month, condition, destination, "
                "age_band, sex, referrals, urgent, rta_conform) "
                "VALUES ('R1', :month, 'hf', 'ziekenhuis', '45-64', 'V', 1, 0, 1)"),
                {"month": month})
    dates = data_dates(isolated_db)
    assert dates["data_date"].tolist() == [date(2024, 3, 19)]
