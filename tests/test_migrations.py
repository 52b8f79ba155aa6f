"""Alembic migrations: the models and the migrations agree, and databases upgrade in place.

Run on SQLite and, when ``HARTNETWERK_TEST_POSTGRES_URL`` names a server, on PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from dashboard import database
from dashboard.models import Region
from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path):
    """A database without any table."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    postgres = request.getfixturevalue("postgres_databases")
    url = postgres.create_empty()
    yield url
    postgres.drop(url)


def _diff(engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True}), SQLModel.metadata)


def test_models_and_migrations_agree(isolated_db):
    # isolated_db is migrated to head by init_db; autogenerate must find nothing to do. If this
    # fails after a change to dashboard/models.py, add a revision (dashboard/migrations/README).
    assert _diff(isolated_db) == []


def test_a_database_at_the_initial_revision_upgrades_with_its_data(empty_url):
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), database.BASELINE_REVISION)
            connection.commit()
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO region (code, name, anderhalvelijn_start, synthetic) "
                "VALUES ('NRD', 'Regio Noord', '2021-03-01', FALSE)"))
            connection.execute(text(
                "INSERT INTO practice (code, region, pseudonym) VALUES ('P1', 'NRD', 'Praktijk A')"
            ))
            connection.execute(text(
                "INSERT INTO agg_referral_month (region, practice, month, condition, "
                "destination, age_band, sex, referrals, urgent, rta_conform) VALUES "
                "('NRD', 'P1', '2024-01-01', 'af', 'ziekenhuis', '18-44', 'M', 17, 2, 15)"))

        database.init_db(engine)

        with engine.connect() as connection:
            assert database.current_revision(connection) == database.head_revision()
            region = Region.__table__
            assert connection.execute(
                select(region.c.code, region.c.name, region.c.anderhalvelijn_start)
            ).all() == [("NRD", "Regio Noord", date(2021, 3, 1))]
            assert connection.execute(text(
                "SELECT practice, referrals, urgent, rta_conform FROM agg_practice_month")
            ).one() == ("P1", 17, 2, 15)
            assert connection.execute(text("SELECT COUNT(*) FROM indicator")).scalar() > 0
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_a_database_from_before_migrations_is_stamped_not_recreated(empty_url):
    # Databases made by create_all (before migrations existed) have the tables and data but no
    # alembic_version; init_db stamps them at the baseline and keeps every row.
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), database.BASELINE_REVISION)
            connection.execute(text("DROP TABLE alembic_version"))
            connection.execute(text(
                "INSERT INTO region (code, name, synthetic) VALUES ('ZD', 'Regio Zuid', TRUE)"))
            connection.commit()
        assert "alembic_version" not in inspect(engine).get_table_names()

        database.init_db(engine)

        with engine.connect() as connection:
            assert database.current_revision(connection) == database.head_revision()
            assert connection.execute(text("SELECT code, name FROM region")).all() == [
                ("ZD", "Regio Zuid")]
    finally:
        engine.dispose()


def test_an_empty_database_is_created_by_the_migrations(empty_url):
    engine = database.make_engine(empty_url)
    try:
        database.init_db(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(SQLModel.metadata.tables) <= tables
        assert "alembic_version" in tables
        # A second start does nothing (and is fast): the revision is already the head.
        database.init_db(engine)
        with engine.connect() as connection:
            assert database.current_revision(connection) == database.head_revision()
    finally:
        engine.dispose()


def test_downgrade_to_nothing_and_back(empty_url):
    # Every revision's downgrade runs, so a release can be rolled back.
    engine = database.make_engine(empty_url)
    try:
        database.init_db(engine)
        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "base")
            connection.commit()
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        database.init_db(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_0004_fills_the_region_level_aggregates_from_the_practice_level_ones(empty_url):
    # A database loaded before 0004 has only practice-level aggregates; the upgrade sums them
    # per region so the region-level pages show the same figures without a reload.
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0003")
            connection.commit()
        referral_rows = [
            # practice, month, condition, destination, age band, sex, referrals, urgent, rta
            ("P1", "2024-01-01", "af", "ziekenhuis", "18-44", "M", 17, 2, 15),
            ("P2", "2024-01-01", "af", "ziekenhuis", "18-44", "M", 4, 1, 3),
            ("P2", "2024-01-01", "af", "ziekenhuis", "18-44", "V", 5, 0, 5),
            ("P1", "2024-02-01", "af", "ziekenhuis", "18-44", "M", 1, 0, 1),
        ]
        episode_rows = [
            # practice, month, destination, condition, episodes, with consult, wait days,
            # within 4 weeks, resolved
            ("P1", "2024-01-01", "anderhalvelijn", "af", 6, 5, 70, 4, 5),
            ("P2", "2024-01-01", "anderhalvelijn", "af", 3, 3, 30, 2, 1),
        ]
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO region (code, name, synthetic) VALUES ('NRD', 'Regio Noord', FALSE)"))
            for code in ("P1", "P2"):
                connection.execute(text(
                    "INSERT INTO practice (code, region, pseudonym) VALUES (:c, 'NRD', :c)"),
                    {"c": code})
            for row in referral_rows:
                connection.execute(text(
                    "INSERT INTO agg_referral_month (region, practice, month, condition, "
                    "destination, age_band, sex, referrals, urgent, rta_conform) VALUES "
                    "('NRD', :p, :m, :c, :d, :a, :s, :n, :u, :r)"),
                    dict(zip("pmcdasnur", row, strict=True)))
            for row in episode_rows:
                connection.execute(text(
                    "INSERT INTO agg_episode_month (region, practice, month, destination, "
                    "condition, episodes, with_consult, wait_days_sum, within_4_weeks, "
                    "resolved_6m) VALUES ('NRD', :p, :m, :d, :c, :e, :w, :s, :f, :r)"),
                    dict(zip("pmdcewsfr", row, strict=True)))

        database.init_db(engine)

        with engine.connect() as connection:
            referrals = sorted(
                (str(month)[:10], sex, n, urgent, rta)
                for month, sex, n, urgent, rta in connection.execute(text(
                    "SELECT month, sex, referrals, urgent, rta_conform "
                    "FROM agg_referral_region_month")).all())
            episodes = connection.execute(text(
                "SELECT region, destination, condition, episodes, with_consult, wait_days_sum, "
                "within_4_weeks, resolved_6m FROM agg_episode_region_month")).all()
        assert referrals == [
            ("2024-01-01", "M", 21, 3, 18),  # 17 + 4, 2 + 1, 15 + 3
            ("2024-01-01", "V", 5, 0, 5),
            ("2024-02-01", "M", 1, 0, 1),
        ]
        assert [tuple(row) for row in episodes] == [
            ("NRD", "anderhalvelijn", "af", 9, 8, 100, 6, 6)]
    finally:
        engine.dispose()


def test_0005_merges_the_practice_level_aggregates_and_downgrade_restores_them(empty_url):
    # A database at 0004 has referral counts per practice x age band x sex and episode sums per
    # practice; 0005 keeps one practice-level row per region, month, practice, condition and
    # destination with both, and the region level as it was.
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0004")
            connection.commit()
        referral_rows = [
            # practice, month, condition, destination, age band, sex, referrals, urgent, rta
            ("P1", "2024-01-01", "af", "anderhalvelijn", "18-44", "M", 4, 1, 3),
            ("P1", "2024-01-01", "af", "anderhalvelijn", "75-84", "V", 2, 0, 2),
            ("P1", "2024-01-01", "af", "ziekenhuis", "18-44", "M", 1, 1, 0),
            ("P2", "2024-02-01", "hartfalen", "anderhalvelijn", "65-74", "V", 3, 0, 3),
        ]
        episode_rows = [
            # practice, month, destination, condition, episodes, with consult, wait days,
            # within 4 weeks, resolved
            ("P1", "2024-01-01", "anderhalvelijn", "af", 6, 5, 70, 4, 5),
            ("P1", "2024-01-01", "ziekenhuis", "af", 1, 1, 40, 0, 0),
            ("P2", "2024-02-01", "anderhalvelijn", "hartfalen", 3, 2, 20, 2, 3),
        ]
        raw_rows = [
            # id, practice, day, age band, sex, condition, destination, urgent, rta
            (1, "P1", "2024-01-03", "18-44", "M", "af", "anderhalvelijn", True, False),
            (2, "P1", "2024-01-09", "18-44", "M", "af", "anderhalvelijn", False, True),
            (3, "P2", "2024-02-11", "65-74", "V", "hartfalen", "anderhalvelijn", False, True),
        ]
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO region (code, name, synthetic) VALUES ('NRD', 'Regio Noord', FALSE)"))
            for code in ("P1", "P2"):
                connection.execute(text(
                    "INSERT INTO practice (code, region, pseudonym) VALUES (:c, 'NRD', :c)"),
                    {"c": code})
            for row in referral_rows:
                connection.execute(text(
                    "INSERT INTO agg_referral_month (region, practice, month, condition, "
                    "destination, age_band, sex, referrals, urgent, rta_conform) VALUES "
                    "('NRD', :p, :m, :c, :d, :a, :s, :n, :u, :r)"),
                    dict(zip("pmcdasnur", row, strict=True)))
            for row in episode_rows:
                connection.execute(text(
                    "INSERT INTO agg_episode_month (region, practice, month, destination, "
                    "condition, episodes, with_consult, wait_days_sum, within_4_weeks, "
                    "resolved_6m) VALUES ('NRD', :p, :m, :d, :c, :e, :w, :s, :f, :r)"),
                    dict(zip("pmdcewsfr", row, strict=True)))
            for row in raw_rows:
                connection.execute(text(
                    "INSERT INTO referral (id, region, practice, referral_date, month, "
                    "patient_pseudonym, age_band, sex, icpc, condition, destination, urgent, "
                    "rta_conform) VALUES (:i, 'NRD', :p, :d, :m, :i, :a, :s, 'K78', :c, :t, "
                    ":u, :r)"),
                    dict(zip("ipdasctur", row, strict=True), m=row[2][:8] + "01"))

        database.init_db(engine)

        with engine.connect() as connection:
            practice_rows = sorted(
                (practice, str(month)[:10], condition, destination, *sums)
                for practice, month, condition, destination, *sums in connection.execute(text(
                    "SELECT practice, month, condition, destination, referrals, urgent, "
                    "rta_conform, with_consult, wait_days_sum, within_4_weeks, resolved_6m "
                    "FROM agg_practice_month")).all())
            tables = set(inspect(connection).get_table_names())
        assert practice_rows == [
            # 4 + 2 referrals over both strata, with the episode sums of the same key
            ("P1", "2024-01-01", "af", "anderhalvelijn", 6, 1, 5, 5, 70, 4, 5),
            ("P1", "2024-01-01", "af", "ziekenhuis", 1, 1, 0, 1, 40, 0, 0),
            ("P2", "2024-02-01", "hartfalen", "anderhalvelijn", 3, 0, 3, 2, 20, 2, 3),
        ]
        assert not {"agg_referral_month", "agg_episode_month"} & tables
        assert _diff(engine) == []

        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "0004")
            connection.commit()
        with engine.connect() as connection:
            episodes = sorted(tuple(row) for row in connection.execute(text(
                "SELECT practice, destination, episodes, with_consult, wait_days_sum, "
                "within_4_weeks, resolved_6m FROM agg_episode_month")).all())
            strata = sorted(tuple(row) for row in connection.execute(text(
                "SELECT practice, age_band, sex, referrals, urgent, rta_conform "
                "FROM agg_referral_month")).all())
        assert episodes == [
            ("P1", "anderhalvelijn", 6, 5, 70, 4, 5),
            ("P1", "ziekenhuis", 1, 1, 40, 0, 0),
            ("P2", "anderhalvelijn", 3, 2, 20, 2, 3),
        ]
        # Age band x sex per practice only from the raw rows: the three referrals loaded.
        assert strata == [("P1", "18-44", "M", 2, 1, 1), ("P2", "65-74", "V", 1, 0, 1)]
    finally:
        engine.dispose()


def test_0007_keeps_every_referral_and_consult_under_a_counted_key_and_back(empty_url):
    # 0007 moves the hashed ids of referrals and consults out of the primary key into unique
    # indexes and numbers the rows in a new key, seq; the downgrade puts the ids back.
    engine = database.make_engine(empty_url)
    referral_columns = ("id, region, practice, referral_date, month, patient_pseudonym, "
                        "age_band, sex, icpc, condition, destination, urgent, rta_conform")
    consult_columns = "id, referral_id, region, consult_date, month, setting, outcome"
    referrals = [  # hashed ids are any 64-bit numbers, negative ones included
        (-9_000_000_000_000_000_000, "NRD", "P1", "2024-02-11", "2024-02-01", 11, "65-74", "V",
         "K77", "hartfalen", "anderhalvelijn", False, True),
        (42, "NRD", "P1", "2024-01-03", "2024-01-01", 12, "18-44", "M", "K78", "af",
         "ziekenhuis", True, False),
    ]
    consults = [(7, 42, "NRD", "2024-01-20", "2024-01-01", "ziekenhuis", "follow_up"),
                (-7, -9_000_000_000_000_000_000, "NRD", "2024-02-20", "2024-02-01",
                 "anderhalvelijn", "terug_huisarts")]

    def stored(connection) -> tuple[list, list]:
        return (sorted(tuple(str(v)[:10] if i in (3, 4) else v for i, v in enumerate(row))
                       for row in connection.execute(text(
                           f"SELECT {referral_columns} FROM referral")).all()),
                sorted(tuple(str(v)[:10] if i in (3, 4) else v for i, v in enumerate(row))
                       for row in connection.execute(text(
                           f"SELECT {consult_columns} FROM consult")).all()))

    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0006")
            connection.commit()
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO region (code, name, synthetic) VALUES ('NRD', 'Regio Noord', FALSE)"))
            connection.execute(text(
                "INSERT INTO practice (code, region, pseudonym) VALUES ('P1', 'NRD', 'P1')"))
            for row in referrals:
                connection.execute(text(
                    f"INSERT INTO referral ({referral_columns}) VALUES "
                    "(:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m)"),
                    dict(zip("abcdefghijklm", row, strict=True)))
            for row in consults:
                connection.execute(text(
                    f"INSERT INTO consult ({consult_columns}) VALUES "
                    "(:a, :b, :c, :d, :e, :f, :g)"), dict(zip("abcdefg", row, strict=True)))
        with engine.connect() as connection:
            before = stored(connection)

        database.init_db(engine)

        with engine.connect() as connection:
            assert stored(connection) == before
            # Numbered by the database, in (region, month) order on SQLite's copy.
            assert sorted(connection.execute(text("SELECT seq FROM referral")).scalars()) == [
                1, 2]
            assert inspect(engine).get_pk_constraint("referral")["constrained_columns"] == [
                "seq"]
            for table in ("referral", "consult"):
                assert {i["name"]: bool(i["unique"]) for i in inspect(engine).get_indexes(table)
                        }[f"ux_{table}_id"] is True
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text(
                f"INSERT INTO consult ({consult_columns}) VALUES "
                "(7, 42, 'NRD', '2024-01-21', '2024-01-01', 'ziekenhuis', 'follow_up')"))
        assert _diff(engine) == []

        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "0006")
            connection.commit()
        with engine.connect() as connection:
            assert stored(connection) == before
        for table in ("referral", "consult"):
            assert inspect(engine).get_pk_constraint(table)["constrained_columns"] == ["id"]
    finally:
        engine.dispose()


def test_0008_fills_the_region_population_and_the_yearly_waiting_times(empty_url):
    # An existing database upgrades without reloading: the new table is summed from the
    # practice population rows already there (P1 and P2 in NRD, P3 in ZD).
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0007")
            connection.commit()
        with engine.begin() as connection:
            for code in ("NRD", "ZD"):
                connection.execute(text(
                    "INSERT INTO region (code, name, synthetic) VALUES (:c, :c, FALSE)"),
                    {"c": code})
            for code, region in (("P1", "NRD"), ("P2", "NRD"), ("P3", "ZD")):
                connection.execute(text(
                    "INSERT INTO practice (code, region, pseudonym) VALUES (:c, :r, :c)"),
                    {"c": code, "r": region})
            for row in (("P1", 2024, "18-44", "M", 1000), ("P2", 2024, "18-44", "M", 800),
                        ("P2", 2023, "85+", "V", 20), ("P3", 2024, "18-44", "M", 300)):
                connection.execute(text(
                    "INSERT INTO practice_population (practice, year, age_band, sex, "
                    "listed_patients) VALUES (:p, :y, :a, :s, :n)"),
                    dict(zip("pyasn", row, strict=True)))
            for row in (("NRD", "2023-12-01", "ziekenhuis", 5, 2),
                        ("NRD", "2024-01-01", "ziekenhuis", 5, 3),
                        ("NRD", "2024-01-01", "econsult", 5, 4),
                        ("NRD", "2024-02-01", "econsult", 0, 1)):
                connection.execute(text(
                    "INSERT INTO agg_wait_days (region, month, setting, wait_days, episodes) "
                    "VALUES (:r, :m, :s, :w, :n)"), dict(zip("rmswn", row, strict=True)))

        database.init_db(engine)

        with engine.connect() as connection:
            rows = sorted(tuple(row) for row in connection.execute(text(
                "SELECT region, year, age_band, sex, listed_patients "
                "FROM agg_population_region_year")).all())
        assert rows == [
            ("NRD", 2023, "85+", "V", 20),
            ("NRD", 2024, "18-44", "M", 1800),
            ("ZD", 2024, "18-44", "M", 300),
        ]
        with engine.connect() as connection:
            waits = sorted(tuple(row) for row in connection.execute(text(
                "SELECT region, year, wait_days, episodes FROM agg_wait_days_year")).all())
        # 2024: 3 + 4 episodes of 5 days over both settings, 1 of 0 days.
        assert waits == [("NRD", 2023, 5, 2), ("NRD", 2024, 0, 1), ("NRD", 2024, 5, 7)]
        assert _diff(engine) == []

        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "0007")
            connection.commit()
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
        assert not {"agg_population_region_year", "agg_wait_days_year"} & tables
    finally:
        engine.dispose()


def test_0009_sums_the_practice_months_per_destination_and_downgrade_drops_them(empty_url):
    # An existing database upgrades without reloading: the new table is summed from the
    # agg_practice_month rows already there, over condition, a column per destination.
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0008")
            connection.commit()
        with engine.begin() as connection:
            for row in (("NRD", "2024-01-01", "P1", "hf", "ziekenhuis", 3),
                        ("NRD", "2024-01-01", "P1", "af", "ziekenhuis", 2),
                        ("NRD", "2024-01-01", "P1", "af", "econsult", 4),
                        ("NRD", "2024-01-01", "P2", "hf", "anderhalvelijn", 1),
                        ("NRD", "2024-02-01", "P1", "hf", "anderhalvelijn", 6),
                        ("ZD", "2024-01-01", "P3", "overig", "ziekenhuis", 5)):
                connection.execute(text(
                    "INSERT INTO agg_practice_month (region, month, practice, condition, "
                    "destination, referrals, urgent, rta_conform, with_consult, wait_days_sum, "
                    "within_4_weeks, resolved_6m) VALUES (:r, :m, :p, :c, :d, :n, 0, 0, 0, 0, "
                    "0, 0)"), dict(zip("rmpcdn", row, strict=True)))

        database.init_db(engine)

        with engine.connect() as connection:
            rows = sorted((region, str(month)[:10], practice, *counts)
                          for region, month, practice, *counts in connection.execute(text(
                              "SELECT region, month, practice, ziekenhuis, anderhalvelijn, "
                              "econsult FROM agg_practice_month_destinations")).all())
        assert rows == [
            ("NRD", "2024-01-01", "P1", 5, 0, 4),  # 3 + 2 to the hospital over hf and af
            ("NRD", "2024-01-01", "P2", 0, 1, 0),
            ("NRD", "2024-02-01", "P1", 0, 6, 0),
            ("ZD", "2024-01-01", "P3", 5, 0, 0),
        ]
        assert _diff(engine) == []

        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "0008")
            connection.commit()
        with engine.connect() as connection:
            assert "agg_practice_month_destinations" not in inspect(connection).get_table_names()
    finally:
        engine.dispose()


def test_0010_puts_each_practice_year_in_one_row_and_downgrade_drops_it(empty_url):
    # An existing database upgrades without reloading: each practice-year's population rows
    # become one row in its practice's region, a column per age band x sex, NULL where the
    # practice has no row for that stratum.
    engine = database.make_engine(empty_url)
    try:
        with engine.connect() as connection:
            command.upgrade(database.alembic_config(connection), "0009")
            connection.commit()
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO region (code, name, synthetic) VALUES "
                                    "('NRD', 'Noord', FALSE), ('ZD', 'Zuid', FALSE)"))
            connection.execute(text(
                "INSERT INTO practice (code, region, pseudonym) VALUES ('P1', 'NRD', 'A'), "
                "('P2', 'NRD', 'B'), ('P3', 'ZD', 'C')"))
            for row in (("P1", 2024, "18-44", "M", 1000), ("P1", 2024, "65-74", "V", 500),
                        ("P1", 2025, "85+", "M", 7), ("P2", 2024, "18-44", "M", 800),
                        ("P3", 2024, "0-17", "V", 300)):
                connection.execute(text(
                    "INSERT INTO practice_population (practice, year, age_band, sex, "
                    "listed_patients) VALUES (:p, :y, :a, :s, :n)"),
                    dict(zip("pyasn", row, strict=True)))

        database.init_db(engine)

        with engine.connect() as connection:
            rows = sorted(tuple(row) for row in connection.execute(text(
                "SELECT region, year, practice, m_18_44, v_65_74, m_85_plus, v_0_17, m_0_17 "
                "FROM agg_population_practice_year")).all())
            blank = connection.execute(text(
                "SELECT COUNT(*) FROM agg_population_practice_year WHERE COALESCE(v_18_44, "
                "m_45_54, v_45_54, m_55_64, v_55_64, m_65_74, m_75_84, v_75_84, v_85_plus) "
                "IS NOT NULL")).scalar_one()
        assert rows == [
            ("NRD", 2024, "P1", 1000, 500, None, None, None),
            ("NRD", 2024, "P2", 800, None, None, None, None),
            ("NRD", 2025, "P1", None, None, 7, None, None),
            ("ZD", 2024, "P3", None, None, None, 300, None),
        ]
        assert blank == 0  # no other stratum has a row
        assert _diff(engine) == []

        with engine.connect() as connection:
            command.downgrade(database.alembic_config(connection), "0009")
            connection.commit()
        with engine.connect() as connection:
            assert "agg_population_practice_year" not in inspect(connection).get_table_names()
    finally:
        engine.dispose()
