"""queries.referrals_outside: referrals in a region's months by practices outside its list (or
among the practices named), over all conditions or one; hand-made aggregate rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from dashboard.queries import referrals as queries
from tests.agg_support import add_practice_destinations


@pytest.fixture
def engine(isolated_db):
    with isolated_db.begin() as conn:
        conn.execute(text("INSERT INTO region (code, name, synthetic) VALUES "
                          "('NRD', 'Noord', FALSE), ('ZD', 'Zuid', FALSE)"))
        conn.execute(text("INSERT INTO practice (code, region, pseudonym) VALUES "
                          "('P1', 'NRD', 'A'), ('P2', 'NRD', 'B'), ('P9', 'ZD', 'C')"))
        # P9 is ZD's practice but has rows in NRD (a data error); X1 is in no list at all.
        for month, practice, condition, destination, referrals in (
            ("2024-01-01", "P1", "hartfalen", "ziekenhuis", 40),
            ("2024-01-01", "P2", "af", "anderhalvelijn", 12),
            ("2024-01-01", "P9", "af", "ziekenhuis", 3),
            ("2024-02-01", "P9", "af", "econsult", 2),
            ("2024-02-01", "X1", "overig", "ziekenhuis", 5),
            ("2024-03-01", "X1", "hartfalen", "ziekenhuis", 7),  # after the window below
        ):
            conn.execute(text(
                "INSERT INTO agg_practice_month (region, month, practice, condition, "
                "destination, referrals, urgent, rta_conform, with_consult, wait_days_sum, "
                "within_4_weeks, resolved_6m) VALUES ('NRD', :m, :p, :c, :d, :n, 0, 0, 0, 0, 0, "
                "0)"), {"m": month, "p": practice, "c": condition, "d": destination,
                        "n": referrals})
        add_practice_destinations(conn)
    return isolated_db


JANUARY, FEBRUARY, MARCH = date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)


@pytest.mark.parametrize(("condition", "practices", "last", "expected"), [
    (None, [], FEBRUARY, 10),          # P9: 3 + 2, X1: 5
    (None, [], MARCH, 17),             # and X1's 7 in March
    ("af", [], FEBRUARY, 5),           # P9's 3 + 2
    ("overig", [], FEBRUARY, 5),       # X1's 5
    ("hartfalen", [], FEBRUARY, 0),    # outside referrals exist, none for this condition
    ("hartfalen", [], MARCH, 7),       # X1's March referrals
    ("hartfalen", ["P1"], FEBRUARY, 40),  # a listed practice named: its 40 count
    (None, ["P2"], JANUARY, 15),       # P2's 12 and P9's 3
])
def test_outside_referrals_per_condition(engine, condition, practices, last, expected):
    assert queries.referrals_outside(engine, "NRD", JANUARY, last, condition,
                                     practices) == expected


def test_no_outside_referrals_in_a_region_that_has_none(engine):
    # ZD's only practice P9 is listed there and ZD has no rows: nothing, for any condition.
    for condition in (None, "af", "hartfalen"):
        assert queries.referrals_outside(engine, "ZD", JANUARY, MARCH, condition) == 0
