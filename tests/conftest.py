"""Shared fixtures: an isolated database per test, and a tiny hand-made dataset."""

from __future__ import annotations

import itertools
import os
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import create_engine, make_url, text

from dashboard import database, settings
from dashboard.models import (
    LoadLog,
    Practice,
    PracticePopulation,
    Referral,
    Region,
)
from tests.agg_support import ReferralCell, store_dataset


def _reset_caches() -> None:
    settings.reset_settings_cache()
    database.get_engine.cache_clear()


# A PostgreSQL server for the database tests (``scripts/with-postgres.sh`` starts a throwaway
# one and sets this; ``make test`` and .ci/run use it). Without it, only SQLite runs.
POSTGRES_URL = os.environ.get("HARTNETWERK_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


class PostgresDatabases:
    """Fresh PostgreSQL databases, one per test, copied from a migrated template.

    ``CREATE DATABASE ... TEMPLATE`` copies the migrated schema and the catalogue in a few
    milliseconds, much faster than migrating each database. Names carry the xdist worker and
    the process id, so parallel workers and runs never share one.
    """

    def __init__(self, server_url: str) -> None:
        self._server = make_url(server_url)
        self._admin = create_engine(self._server, isolation_level="AUTOCOMMIT")
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self._prefix = f"hn_test_{worker}_{os.getpid()}"
        self._numbers = itertools.count(1)
        self._template: str | None = None

    def url(self, name: str) -> str:
        return self._server.set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(sql))

    def _ensure_template(self) -> str:
        if self._template is None:
            name = f"{self._prefix}_template"
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{name}"')
            engine = database.make_engine(self.url(name))
            try:
                database.init_db(engine)
            finally:
                engine.dispose()
            self._template = name
        return self._template

    def create(self) -> str:
        name = f"{self._prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._ensure_template()}"')
        return self.url(name)

    def create_empty(self) -> str:
        """A database without any table (for migration tests)."""
        name = f"{self._prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop(self, url: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        if self._template is not None:
            self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres_databases():
    if not POSTGRES_URL:
        pytest.skip("HARTNETWERK_TEST_POSTGRES_URL is not set (no PostgreSQL server)")
    databases = PostgresDatabases(POSTGRES_URL)
    yield databases
    databases.close()


@pytest.fixture(params=BACKENDS)
def isolated_db(request, tmp_path, monkeypatch):
    """An empty database wired in through the environment: SQLite in ``tmp_path``, and a fresh
    PostgreSQL database when ``HARTNETWERK_TEST_POSTGRES_URL`` names a server."""
    postgres = None
    if request.param == "postgresql":
        postgres = request.getfixturevalue("postgres_databases")
        url = postgres.create()
    else:
        url = f"sqlite:///{tmp_path / 'hartnetwerk.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("HARTNETWERK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HARTNETWERK_SALT", "test-salt")
    _reset_caches()
    engine = database.get_engine()
    yield engine
    engine.dispose()
    _reset_caches()
    if postgres is not None:
        postgres.drop(url)


def fill_tiny_dataset(engine) -> None:
    """Two regions, small enough to compute every shown number by hand (see tests/app)."""
    rows = [
        Region(code="NRD", name="Regio Noord", anderhalvelijn_start=date(2021, 3, 1)),
        Region(code="ZD", name="Regio Zuid", synthetic=True),
        Practice(code="P1", region="NRD", pseudonym="Praktijk A"),
        Practice(code="P2", region="NRD", pseudonym="Praktijk B"),
        Practice(code="P3", region="NRD", pseudonym="Praktijk C"),
        Practice(code="P4", region="ZD", pseudonym="Praktijk D"),
    ]
    population = [
        ("P1", 2024, "18-44", "M", 1000),
        ("P1", 2024, "18-44", "V", 1100),
        ("P1", 2025, "18-44", "M", 1200),
        ("P1", 2025, "18-44", "V", 1300),
        ("P2", 2025, "75-84", "V", 834),
        ("P4", 2024, "65-74", "M", 5000),
        ("P4", 2024, "65-74", "V", 7000),
    ]
    rows += [
        PracticePopulation(practice=p, year=y, age_band=a, sex=s, listed_patients=n)
        for p, y, a, s, n in population
    ]
    aggregates = [
        ("NRD", "P1", date(2024, 1, 1), "hartfalen", "ziekenhuis", "18-44", "M", 600),
        ("NRD", "P1", date(2024, 6, 1), "af", "econsult", "18-44", "V", 1),
        ("NRD", "P2", date(2025, 11, 1), "af", "anderhalvelijn", "75-84", "V", 634),
        ("ZD", "P4", date(2023, 2, 1), "pob_acs", "ziekenhuis", "65-74", "M", 7),
    ]
    rows += [
        ReferralCell(
            region=r,
            practice=p,
            month=m,
            condition=c,
            destination=d,
            age_band=a,
            sex=s,
            referrals=n,
            urgent=0,
            rta_conform=n,
        )
        for r, p, m, c, d, a, s, n in aggregates
    ]
    referrals = [
        (1, "NRD", "P2", date(2025, 11, 3)),
        (2, "NRD", "P2", date(2025, 11, 17)),
        (3, "NRD", "P1", date(2024, 6, 28)),
        (4, "ZD", "P4", date(2023, 2, 20)),
    ]
    rows += [
        Referral(
            id=i,
            region=r,
            practice=p,
            referral_date=d,
            month=d.replace(day=1),
            patient_pseudonym=1000 + i,
            age_band="75-84",
            sex="V",
            icpc="K78",
            condition="af",
            destination="anderhalvelijn",
            urgent=False,
            rta_conform=True,
        )
        for i, r, p, d in referrals
    ]
    rows += [
        LoadLog(
            file_name="regios.csv",
            table_name="regions",
            sha256="a" * 64,
            rows=2,
            loaded_at=datetime(2025, 12, 1, 9, 15, tzinfo=UTC),
            outcome="loaded",
        ),
        LoadLog(
            file_name="verwijzingen_2025.csv",
            table_name="referrals",
            sha256="b" * 64,
            rows=1234,
            loaded_at=datetime(2025, 12, 2, 8, 5, tzinfo=UTC),
            outcome="loaded",
        ),
        LoadLog(
            file_name="verwijzingen_oud.csv",
            table_name="referrals",
            sha256="c" * 64,
            rows=0,
            loaded_at=datetime(2025, 12, 2, 8, 6, tzinfo=UTC),
            outcome="rejected",
            message="kolom lijkt op BSN",
        ),
    ]
    store_dataset(engine, rows)


@pytest.fixture
def tiny_db(isolated_db):
    fill_tiny_dataset(isolated_db)
    return isolated_db


@pytest.fixture(scope="session")
def tiny_dataset_filler():
    """``fill_tiny_dataset`` for tests that build a database outside the fixtures above."""
    return fill_tiny_dataset
