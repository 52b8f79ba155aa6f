"""Engine creation and schema set-up; the only place that turns settings into a connection."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, event, text
from sqlmodel import Session, SQLModel, create_engine

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


def init_db(engine: Engine) -> None:
    """Create missing tables and mirror the indicator catalogue into the database."""
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        for definition in CATALOGUE:
            session.merge(models.Indicator(**definition.as_row()))
        session.commit()


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM referral")).scalar_one() == 0
