"""Shared fixtures: an isolated database per test, and a tiny hand-made dataset."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from dashboard import database, settings
from dashboard.models import (
    AggReferralMonth,
    LoadLog,
    Practice,
    PracticePopulation,
    Referral,
    Region,
)

_PYTEST_MAIN = sys.modules["__main__"]


@pytest.fixture(autouse=True)
def _restore_main_module():
    """Put pytest's own ``__main__`` back after every test.

    Streamlit's AppTest installs the app script as ``sys.modules["__main__"]`` and leaves it
    there; a later test in the same worker that starts a "spawn" child process (the ETL's
    writer) would make the child re-run that script, e.g. ``NameError: __args`` for a script
    from ``AppTest.from_function``.
    """
    yield
    sys.modules["__main__"] = _PYTEST_MAIN


def _reset_caches() -> None:
    settings.reset_settings_cache()
    database.get_engine.cache_clear()


@pytest.fixture
def isolated_db(tmp_path, monkeypatch):
    """An empty SQLite database in ``tmp_path``, wired in through the environment."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'hartnetwerk.db'}")
    monkeypatch.setenv("HARTNETWERK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HARTNETWERK_SALT", "test-salt")
    _reset_caches()
    engine = database.get_engine()
    yield engine
    engine.dispose()
    _reset_caches()


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
        AggReferralMonth(
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
    with Session(engine) as session:
        # Parents first: SQLite enforces the foreign keys (see database._sqlite_pragmas).
        for row in rows:
            session.add(row)
            session.flush()
        session.commit()


@pytest.fixture
def tiny_db(isolated_db):
    fill_tiny_dataset(isolated_db)
    return isolated_db


@pytest.fixture(scope="session")
def tiny_dataset_filler():
    """``fill_tiny_dataset`` for tests that build a database outside the fixtures above."""
    return fill_tiny_dataset
