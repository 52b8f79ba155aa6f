"""One write transaction for a load, with fast bulk inserts.

On SQLite the load runs on an ADBC connection (Apache Arrow ADBC's SQLite driver), whose bulk
ingest binds Arrow columns in C; other databases use a SQLAlchemy connection. Either way every
statement of a load is in one transaction that is committed only when everything succeeded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
from sqlalchemy import Engine, text

_NAMED = re.compile(r":([A-Za-z_][A-Za-z0-9_]*)")


class Writer:
    def execute(self, sql: str, params: dict | None = None) -> None: ...
    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame: ...
    def ingest(self, table: str, frame: pd.DataFrame) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def open_writer(engine: Engine) -> Writer:
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:":
            return AdbcSqliteWriter(Path(database))
    return SqlAlchemyWriter(engine)


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    # Dates go in as ISO text, the format SQLAlchemy reads back for SQLite DATE columns.
    columns = []
    for column in table.columns:
        if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
            column = column.cast(pa.date32()).cast(pa.string())
        elif pa.types.is_boolean(column.type):
            column = column.cast(pa.int64())
        columns.append(column)
    return pa.table(columns, names=table.column_names)


class AdbcSqliteWriter(Writer):
    def __init__(self, path: Path) -> None:
        import adbc_driver_sqlite.dbapi as adbc

        self._connection = adbc.connect(str(path), autocommit=True)
        cursor = self._connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-200000")
        cursor.execute("BEGIN IMMEDIATE")
        self._cursor = cursor

    @staticmethod
    def _positional(sql: str, params: dict | None) -> tuple[str, tuple]:
        if not params:
            return sql, ()
        names = _NAMED.findall(sql)
        return _NAMED.sub("?", sql), tuple(params[name] for name in names)

    def execute(self, sql: str, params: dict | None = None) -> None:
        statement, values = self._positional(sql, params)
        self._cursor.execute(statement, values or None)

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        statement, values = self._positional(sql, params)
        self._cursor.execute(statement, values or None)
        return self._cursor.fetch_arrow_table().to_pandas()

    def ingest(self, table: str, frame: pd.DataFrame) -> None:
        if len(frame):
            self._cursor.adbc_ingest(table, _to_arrow(frame), mode="append")

    def commit(self) -> None:
        self._cursor.execute("COMMIT")

    def rollback(self) -> None:
        try:
            self._cursor.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - nothing to roll back when BEGIN itself failed
            pass

    def close(self) -> None:
        self._cursor.close()
        self._connection.close()


class SqlAlchemyWriter(Writer):
    def __init__(self, engine: Engine) -> None:
        self._connection = engine.connect()
        self._transaction = self._connection.begin()

    def execute(self, sql: str, params: dict | None = None) -> None:
        self._connection.execute(text(sql), params or {})

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        result = self._connection.execute(text(sql), params or {})
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))

    def ingest(self, table: str, frame: pd.DataFrame) -> None:
        if len(frame):
            frame.to_sql(table, self._connection, if_exists="append", index=False,
                         chunksize=10_000, method="multi")

    def commit(self) -> None:
        self._transaction.commit()

    def rollback(self) -> None:
        if self._transaction.is_active:
            self._transaction.rollback()

    def close(self) -> None:
        self._connection.close()
