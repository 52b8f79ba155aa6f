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
from tests.agg_support import add_practice_destinations


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
        conn.execute(text("INSERT INTO region (code, name, synthetic) VALUES ('R1', 'R', FALSE)"))
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


def _add_practice_months(engine, rows):
    with engine.begin() as conn:
        for region, month, practice, destination, referrals in rows:
            conn.execute(text(
                "INSERT INTO agg_practice_month (region, month, practice, condition, "
                "destination, referrals, urgent, rta_conform, with_consult, wait_days_sum, "
                "within_4_weeks, resolved_6m) VALUES (:r, :m, :p, 'hf', :d, :n, 0, 0, 0, 0, 0, 0)"),
                {"r": region, "m": month, "p": practice, "d": destination, "n": referrals})
        add_practice_destinations(conn)  # as the loader writes it with agg_practice_month


def test_key_regions_lists_each_region_of_the_key_once_in_order(isolated_db):
    from dashboard.models import AggPracticeMonth
    from dashboard.queries.anderhalvelijn import key_regions

    column = AggPracticeMonth.__table__.c.region
    with isolated_db.connect() as conn:
        assert key_regions(conn, column) == []
    _add_practice_months(isolated_db, [
        ("RVW", "2024-01-01", "P3", "ziekenhuis", 4),
        ("HVO", "2024-01-01", "P1", "ziekenhuis", 2),
        ("HVO", "2024-02-01", "P1", "ziekenhuis", 3),
        ("NKU", "2024-01-01", "P2", "econsult", 1),
    ])
    with isolated_db.connect() as conn:
        assert key_regions(conn, column) == ["HVO", "NKU", "RVW"]


def test_referrals_of_all_regions_per_practice_are_read_from_the_key(isolated_db):
    from dashboard.queries.anderhalvelijn import referrals_by_practice

    _add_practice_months(isolated_db, [
        ("HVO", "2023-12-01", "P1", "ziekenhuis", 50),  # before the period
        ("HVO", "2024-01-01", "P1", "ziekenhuis", 2),
        ("HVO", "2024-02-01", "P1", "ziekenhuis", 3),
        ("HVO", "2024-02-01", "P1", "anderhalvelijn", 7),
        ("NKU", "2024-02-01", "P2", "econsult", 1),
        ("RVW", "2024-03-01", "P3", "ziekenhuis", 4),  # after the period
    ])
    expected = [("HVO", "P1", "anderhalvelijn", 7), ("HVO", "P1", "ziekenhuis", 5),
                ("NKU", "P2", "econsult", 1)]
    # All conditions (agg_practice_month_destinations) and the one condition of these rows
    # (agg_practice_month) give the same sums; another condition has none.
    for condition in (None, "hf"):
        frame = referrals_by_practice(isolated_db, date(2024, 1, 1), date(2024, 2, 1),
                                      condition=condition)
        got = sorted(map(tuple, frame.astype({"referrals": int}).to_numpy().tolist()))
        assert got == expected, condition
    assert referrals_by_practice(isolated_db, date(2024, 1, 1), date(2024, 2, 1),
                                 condition="af").empty
    if isolated_db.dialect.name == "sqlite":
        for table in ("agg_practice_month", "agg_practice_month_destinations"):
            plan = _plan(isolated_db, f"SELECT region, practice, COUNT(*) FROM {table} "
                                      "WHERE region IN ('HVO', 'NKU') AND "
                                      "month >= '2024-01-01' AND month <= '2024-02-01' "
                                      "GROUP BY region, practice")
            assert f"SEARCH {table}" in plan


def test_a_regions_practice_population_is_read_from_the_key(isolated_db):
    if isolated_db.dialect.name != "sqlite":
        pytest.skip("query plans are checked on SQLite")
    # The region's years of agg_population_practice_year are one range of its clustered key
    # (region, year, practice): no scan of the other regions' practices.
    plan = _plan(isolated_db, "SELECT practice, year, m_18_44 FROM agg_population_practice_year "
                              "WHERE region = 'NKU' AND year >= 2022 AND year <= 2025 "
                              "ORDER BY practice, year")
    assert ("SEARCH agg_population_practice_year USING PRIMARY KEY "
            "(region=? AND year>? AND year<?)") in plan
