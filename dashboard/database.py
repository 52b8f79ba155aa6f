"""Engine creation and schema set-up; the only place that turns settings into a connection."""

from __future__ import annotations

import contextlib
import fcntl
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlmodel import Session, create_engine

from dashboard import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from dashboard.indicators import CATALOGUE
from dashboard.settings import get_settings


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the pages) carry on while a load writes; foreign keys are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            from pathlib import Path

            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so a load is one
        # transaction from its first statement (SQLAlchemy's documented recipe).
        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_connection, _record):
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    engine = make_engine(url or get_settings().database_url)
    init_db(engine)
    return engine


MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The revision that matches the schema create_all made before migrations existed.
BASELINE_REVISION = "0001"
# Any constant shared by every process of the application (pg_advisory_lock takes a bigint).
_MIGRATION_LOCK_KEY = 0x4A7C_2026_0008


def alembic_config(connection: Connection | None = None):
    """Alembic's configuration for ``dashboard/migrations``, bound to ``connection`` if given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


@contextlib.contextmanager
def _migration_lock(engine: Engine):
    """One migrating process at a time, however many replicas start together.

    PostgreSQL: a session advisory lock on the connection the migration runs on. SQLite: an
    exclusive ``flock`` on a file next to the database (SQLite's own locks are taken per
    statement, too late to stop two processes from both deciding to migrate).
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            connection.commit()
            try:
                yield connection
            finally:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": _MIGRATION_LOCK_KEY})
                connection.commit()
        return
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        with open(f"{database}.migrate-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            with engine.connect() as connection:
                yield connection
        return
    with engine.connect() as connection:
        yield connection


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (``alembic upgrade head``).

    A database made by ``create_all`` before migrations existed has the tables but no
    ``alembic_version``: it is stamped at the baseline revision first, so its data stays and
    only later revisions run.
    """
    from alembic import command

    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return
    with _migration_lock(engine) as connection:
        revision = current_revision(connection)
        if revision == head:
            return
        config = alembic_config(connection)
        if revision is None and inspect(connection).has_table("referral"):
            command.stamp(config, BASELINE_REVISION)
            connection.commit()
        command.upgrade(config, "head")
        connection.commit()


def init_db(engine: Engine) -> None:
    """Migrate the schema to the newest revision and mirror the indicator catalogue into it."""
    migrate(engine)
    with Session(engine) as session:
        for definition in CATALOGUE:
            session.merge(models.Indicator(**definition.as_row()))
        session.commit()


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        # EXISTS, not COUNT(*): PostgreSQL counts 15 million rows in seconds.
        return conn.execute(text("SELECT 1 FROM referral LIMIT 1")).first() is None
