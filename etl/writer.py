"""One write transaction for a load, with bulk inserts.

Every statement of a load runs on one SQLAlchemy connection inside one transaction that is
committed only when everything succeeded. Bulk rows go through the DBAPI's ``executemany``
with plain Python values, which is several times faster than ``DataFrame.to_sql``.

(An earlier version used the ADBC SQLite driver for faster ingest. It links its own copy of
SQLite; two SQLite libraries opening one file in one process break each other's POSIX locks,
which SQLite's "How To Corrupt" page warns against, and it did give "disk I/O error" here.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text


class Writer:
    def execute(self, sql: str, params: dict | None = None) -> None: ...
    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame: ...
    def ingest(self, table: str, frame: pd.DataFrame) -> None: ...
    def upsert(self, table: str, frame: pd.DataFrame, key: list[str]) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def open_writer(engine: Engine) -> Writer:
    return SqlAlchemyWriter(engine)


def _python_values(column: pd.Series) -> list:
    """A column as a list of plain Python values the DBAPI binds directly."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        text_dates = column.dt.strftime("%Y-%m-%d")
        return text_dates.astype(object).where(column.notna(), None).tolist()
    if pd.api.types.is_bool_dtype(column.dtype):
        return column.astype("Int64").astype(object).where(column.notna(), None).tolist()
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iu":
        return column.to_numpy().tolist()
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "f":
        values = column.to_numpy()
        return np.where(np.isnan(values), None, values).tolist()
    return column.astype(object).where(column.notna(), None).tolist()


class SqlAlchemyWriter(Writer):
    def __init__(self, engine: Engine) -> None:
        self._connection = engine.connect()
        self._qmark = engine.dialect.paramstyle == "qmark"
        self._transaction = self._connection.begin()
        if engine.dialect.name == "sqlite":
            # A larger page cache keeps index inserts of big files in memory.
            self._connection.exec_driver_sql("PRAGMA cache_size=-200000")

    def execute(self, sql: str, params: dict | None = None) -> None:
        self._connection.execute(text(sql), params or {})

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        result = self._connection.execute(text(sql), params or {})
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))

    def ingest(self, table: str, frame: pd.DataFrame) -> None:
        self._insert(table, frame, "")

    def upsert(self, table: str, frame: pd.DataFrame, key: list[str]) -> None:
        """Insert rows, updating those whose key exists (rows others refer to stay put)."""
        others = [c for c in frame.columns if c not in key]
        updates = ", ".join(f"{c} = excluded.{c}" for c in others)
        action = f"DO UPDATE SET {updates}" if others else "DO NOTHING"
        self._insert(table, frame, f" ON CONFLICT ({', '.join(key)}) {action}")

    def _insert(self, table: str, frame: pd.DataFrame, suffix: str) -> None:
        if not len(frame):
            return
        columns = list(frame.columns)
        marker = "?" if self._qmark else "%s"
        placeholders = ", ".join([marker] * len(columns))
        statement = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}){suffix}"
        )
        rows = zip(*(_python_values(frame[name]) for name in columns), strict=True)
        self._connection.exec_driver_sql(statement, list(rows))

    def commit(self) -> None:
        self._transaction.commit()

    def rollback(self) -> None:
        if self._transaction.is_active:
            self._transaction.rollback()

    def close(self) -> None:
        self._connection.close()
