"""One write transaction for a load, with bulk inserts.

Every statement of a load runs in one transaction that is committed only when everything
succeeded. For a SQLite file the transaction runs in a child process on Apache Arrow's ADBC
SQLite driver (see ``etl.writer_process``), whose bulk ingest binds Arrow columns in C: about
four times faster than ``executemany`` from Python. Other databases, and SQLite when the
driver is missing, use a SQLAlchemy connection with DBAPI ``executemany``. PostgreSQL (with
the psycopg 3 driver) writes rows with ``COPY ... FROM STDIN`` on the load's own connection and
upserts with PostgreSQL's ``INSERT ... ON CONFLICT`` (``PostgresCopyWriter``).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from sqlalchemy import Engine, text

_TIMING = os.environ.get("HARTNETWERK_WRITER_TIMING") == "1"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Statements sent without waiting for their answer; far below what the socket buffers hold.
_MAX_PENDING = 256
_NAMED = re.compile(r"(?<!:):([A-Za-z_][A-Za-z0-9_]*)")


class Writer:
    # Whether a load may drop indexes and build them again before it commits: only where other
    # connections keep reading the committed schema meanwhile, without waiting (SQLite in WAL).
    defers_index_builds = False

    def execute(self, sql: str, params: dict | None = None) -> None: ...
    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame: ...
    def ingest(self, table: str, frame: pd.DataFrame) -> None: ...
    def upsert(self, table: str, frame: pd.DataFrame, key: list[str]) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


class WriterError(RuntimeError):
    """A statement failed in the writer process; the transaction is rolled back."""


def open_writer(engine: Engine) -> Writer:
    database = engine.url.database
    if engine.dialect.name == "postgresql" and engine.dialect.driver == "psycopg":
        return PostgresCopyWriter(engine)
    on_file = bool(database) and database != ":memory:"
    if engine.dialect.name == "sqlite" and on_file and os.name == "posix":
        try:
            import adbc_driver_sqlite  # noqa: F401
        except ImportError:
            return SqlAlchemyWriter(engine)
        return ProcessAdbcWriter(database)
    return SqlAlchemyWriter(engine)


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    from etl.writer_process import storable

    return storable(pa.Table.from_pandas(frame, preserve_index=False))


class ProcessAdbcWriter(Writer):
    """The write transaction in a child process (``python -m etl.writer_process``).

    A plain subprocess rather than ``multiprocessing``: a spawned multiprocessing child re-runs
    the caller's main script, which breaks any script that calls the loader without an
    ``if __name__ == "__main__"`` guard. Bulk ingests are sent without waiting for the child,
    so the loader computes the next thing (e.g. the aggregates) while the child writes; so are
    ``execute`` calls (the deletes of a replaced region x month), whose answers are collected
    by the next ``query`` or ``commit``: a failure raises there, and the loader rolls back.
    Rows travel as an Arrow IPC stream, not a pickle, and the child turns dates, booleans and
    categories into what SQLite stores (off the loader's critical path).
    """

    defers_index_builds = True

    def __init__(self, database_path: str) -> None:
        from etl.writer_process import cache_megabytes

        # Read here, so that a bad setting is refused with its message, not by a dying child.
        cache = cache_megabytes()
        parent_end, child_end = socket.socketpair()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(_PROJECT_ROOT), environment.get("PYTHONPATH")]))
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "etl.writer_process", str(child_end.fileno()),
                 database_path, str(cache)],
                pass_fds=(child_end.fileno(),), env=environment,
            )
        finally:
            child_end.close()
        self._pipe = Connection(parent_end.detach())
        self._pending: deque[tuple[str, float, str]] = deque()
        self._call("begin")

    def _receive(self, operation: str, started: float, detail: str):
        status, payload = self._pipe.recv()
        if _TIMING:
            print(f"writer {operation} {time.perf_counter() - started:8.3f}s {detail}",
                  file=sys.stderr)
        if status == "error":
            raise WriterError(payload)
        return payload

    def _collect_pending(self) -> None:
        while self._pending:
            self._receive(*self._pending.popleft())

    def _send(self, operation: str, arguments: tuple, payload=None) -> tuple[float, str]:
        if len(self._pending) >= _MAX_PENDING:
            # Answers wait in the socket; collect the oldest before the buffers fill up.
            self._receive(*self._pending.popleft())
        started = time.perf_counter()
        self._pipe.send((operation, arguments))
        if payload is not None:
            self._pipe.send_bytes(payload)
        return started, (str(arguments[0])[:70] if arguments else "")

    def _call(self, operation: str, *arguments):
        self._collect_pending()
        started, detail = self._send(operation, arguments)
        return self._receive(operation, started, detail)

    def _call_later(self, operation: str, *arguments, payload=None) -> None:
        started, detail = self._send(operation, arguments, payload)
        self._pending.append((operation, started, detail))

    @staticmethod
    def _positional(sql: str, params: dict | None) -> tuple[str, tuple]:
        if not params:
            return sql, ()
        names = _NAMED.findall(sql)
        return _NAMED.sub("?", sql), tuple(params[name] for name in names)

    def execute(self, sql: str, params: dict | None = None) -> None:
        self._call_later("execute", *self._positional(sql, params))

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        return self._call("query", *self._positional(sql, params)).to_pandas()

    def ingest(self, table: str, frame: pd.DataFrame) -> None:
        if len(frame):
            data = pa.Table.from_pandas(frame, preserve_index=False)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, data.schema) as stream:
                stream.write_table(data)
            self._call_later("ingest", table, payload=sink.getvalue())

    def upsert(self, table: str, frame: pd.DataFrame, key: list[str]) -> None:
        if len(frame):
            statement = _upsert_statement(table, list(frame.columns), key, "?")
            rows = list(zip(*(_python_values(frame[c]) for c in frame.columns), strict=True))
            self._call("executemany", statement, rows)

    def commit(self) -> None:
        self._call("commit")

    def rollback(self) -> None:
        while self._pending:
            try:
                self._receive(*self._pending.popleft())
            except WriterError:
                pass  # a failed statement may be why we roll back: already reported
            except (OSError, EOFError):
                self._pending.clear()
        try:
            self._call("rollback")
        except (WriterError, OSError, EOFError):
            pass  # nothing to roll back, or the process is gone and took the transaction along

    def close(self) -> None:
        try:
            self._call("close")
        except (WriterError, OSError, EOFError):
            pass
        self._pipe.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _upsert_statement(table: str, columns: list[str], key: list[str], marker: str) -> str:
    others = [c for c in columns if c not in key]
    updates = ", ".join(f"{c} = excluded.{c}" for c in others)
    action = f"DO UPDATE SET {updates}" if others else "DO NOTHING"
    placeholders = ", ".join([marker] * len(columns))
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "
        f"ON CONFLICT ({', '.join(key)}) {action}"
    )


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
        self.defers_index_builds = engine.dialect.name == "sqlite"
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
        if len(frame):
            marker = "?" if self._qmark else "%s"
            statement = _upsert_statement(table, list(frame.columns), key, marker)
            self._executemany(statement, frame)

    def _insert(self, table: str, frame: pd.DataFrame, suffix: str) -> None:
        if not len(frame):
            return
        columns = list(frame.columns)
        marker = "?" if self._qmark else "%s"
        placeholders = ", ".join([marker] * len(columns))
        statement = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}){suffix}"
        )
        self._executemany(statement, frame)

    def _executemany(self, statement: str, frame: pd.DataFrame) -> None:
        rows = zip(*(_python_values(frame[name]) for name in frame.columns), strict=True)
        self._connection.exec_driver_sql(statement, list(rows))

    def commit(self) -> None:
        self._transaction.commit()

    def rollback(self) -> None:
        if self._transaction.is_active:
            self._transaction.rollback()

    def close(self) -> None:
        self._connection.close()


# ---- PostgreSQL -----------------------------------------------------------------------------

_COPY_CHUNK_BYTES = 8 << 20
# Copies a PostgreSQL load may have sent and not yet finished (see PostgresCopyWriter.ingest).
_COPIES_AHEAD = 2
# PostgreSQL type OIDs (pg_type.oid, fixed for built-in types) -> Arrow types for query().
_ARROW_TYPES = {
    16: pa.bool_(), 20: pa.int64(), 21: pa.int64(), 23: pa.int64(), 700: pa.float64(),
    701: pa.float64(), 1700: pa.float64(), 1082: pa.date32(), 1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"), 25: pa.string(), 1043: pa.string(),
}


def _copy_values(column: pd.Series) -> list:
    """A column as Python values psycopg binds to the right PostgreSQL type."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return [None if pd.isna(v) else v.date() for v in column]
    if pd.api.types.is_bool_dtype(column.dtype):
        return [None if pd.isna(v) else bool(v) for v in column.astype(object)]
    return _python_values(column)


class PostgresCopyWriter(Writer):
    """One PostgreSQL transaction; bulk rows through ``COPY ... FROM STDIN (FORMAT csv)``.

    COPY is PostgreSQL's own bulk path (one statement, rows parsed in the server, no per-row
    round trip); Arrow writes the CSV text in C. It runs on the psycopg connection underneath
    the load's SQLAlchemy connection, so the deletes, the copies and the upserts of a load
    commit or roll back together.

    The copies run on a thread of their own, so the loader validates the next batch while the
    server stores this one: on 2 million referrals the loader had waited for the server 11.8 s
    of 18.4. The thread releases the interpreter while Arrow writes CSV and while psycopg waits
    for the server. Every other call first waits for the copies sent before it (one connection,
    one order of statements), and a copy's error is raised there, as the SQLite writer
    process raises its errors at the next call.
    """

    def __init__(self, engine: Engine) -> None:
        from sqlmodel import SQLModel

        self._metadata = SQLModel.metadata
        self._connection = engine.connect()
        self._transaction = self._connection.begin()
        self._driver = self._connection.connection.driver_connection
        self.skips_foreign_key_checks = self._skip_foreign_key_checks()
        self._copier = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copy")
        self._copies: deque[Future] = deque()

    def _wait_for_copies(self, keep: int = 0) -> None:
        """Wait until at most ``keep`` copies are still to finish; a copy's error raises."""
        while len(self._copies) > keep:
            self._copies.popleft().result()

    def _abandon_copies(self) -> None:
        """Wait for every copy without raising: the transaction is rolled back anyway."""
        while self._copies:
            self._copies.popleft().exception()

    def _skip_foreign_key_checks(self) -> bool:
        """Skip PostgreSQL's per-row foreign-key triggers for this transaction, if allowed.

        The loader has already checked every reference (a referral's practice exists, ...),
        as it must for SQLite, whose writer switches foreign keys off too; the per-row trigger
        would double the time of a big COPY. Allowed for superusers and, from PostgreSQL 15,
        for a role granted ``SET ON PARAMETER session_replication_role``; otherwise the
        checks simply run.
        """
        savepoint = self._connection.begin_nested()
        try:
            self._connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        except Exception:  # noqa: BLE001 - permission denied: keep the checks
            savepoint.rollback()
            return False
        savepoint.commit()
        return True

    def execute(self, sql: str, params: dict | None = None) -> None:
        self._wait_for_copies()
        self._connection.execute(text(sql), params or {})

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        """Rows as a DataFrame, read with ``COPY (query) TO STDOUT`` and parsed by Arrow.

        The aggregates read millions of rows of the load's own transaction (rows it has just
        written); building Python tuples for them would take longer than the query. Dates
        come back as ``datetime.date``, booleans as bool.
        """
        import pyarrow.csv as pa_csv
        from psycopg import ClientCursor

        self._wait_for_copies()
        literal = ClientCursor(self._driver).mogrify(
            _NAMED.sub(r"%(\1)s", sql.replace("%", "%%")), params or {})
        chunks = []
        with self._driver.cursor() as cursor:
            # The result's column types, so Arrow does not guess them from the text (a
            # practice code "01234" must stay text).
            cursor.execute(f"SELECT * FROM ({literal}) AS q LIMIT 0")
            types = {column.name: _ARROW_TYPES.get(column.type_code, pa.string())
                     for column in cursor.description}
            with cursor.copy(f"COPY ({literal}) TO STDOUT (FORMAT csv, HEADER)") as copy:
                for chunk in copy:
                    chunks.append(bytes(chunk))
        data = pa_csv.read_csv(
            pa.py_buffer(b"".join(chunks)),
            convert_options=pa_csv.ConvertOptions(
                column_types=types, true_values=["t"], false_values=["f"],
                strings_can_be_null=True, quoted_strings_can_be_null=False),
        )
        return data.to_pandas()

    def ingest(self, table: str, frame: pd.DataFrame) -> None:
        if not len(frame):
            return
        # Converted here, so the caller may change or drop the frame once this returns.
        data = _to_arrow(frame)
        # One copy running and one waiting: the loader is then at most a batch ahead, and
        # holds at most two batches' rows for the writer.
        self._wait_for_copies(keep=_COPIES_AHEAD - 1)
        self._copies.append(self._copier.submit(self._copy, table, data))

    def _copy(self, table: str, data: pa.Table) -> None:
        import pyarrow.csv as pa_csv

        # Dates as ISO text, booleans as 0/1 and nulls as unquoted empty fields: all read back
        # by PostgreSQL's CSV COPY as date, boolean and NULL.
        columns = ", ".join(f'"{name}"' for name in data.column_names)
        statement = f'COPY "{table}" ({columns}) FROM STDIN (FORMAT csv)'
        with self._driver.cursor() as cursor, cursor.copy(statement) as copy:
            rows_per_batch = max(1, _COPY_CHUNK_BYTES // max(1, data.nbytes // data.num_rows))
            for start in range(0, data.num_rows, rows_per_batch):
                sink = pa.BufferOutputStream()
                pa_csv.write_csv(data.slice(start, rows_per_batch), sink,
                                 pa_csv.WriteOptions(include_header=False))
                copy.write(sink.getvalue().to_pybytes())

    def upsert(self, table: str, frame: pd.DataFrame, key: list[str]) -> None:
        """PostgreSQL's ``INSERT ... ON CONFLICT (key) DO UPDATE`` (rows others refer to stay)."""
        if not len(frame):
            return
        self._wait_for_copies()
        from sqlalchemy.dialects.postgresql import insert

        target = self._metadata.tables[table]
        columns = list(frame.columns)
        values = [_copy_values(frame[name]) for name in columns]
        rows = [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
        statement = insert(target)
        others = [c for c in columns if c not in key]
        if others:
            statement = statement.on_conflict_do_update(
                index_elements=key, set_={c: statement.excluded[c] for c in others})
        else:
            statement = statement.on_conflict_do_nothing(index_elements=key)
        self._connection.execute(statement, rows)

    def commit(self) -> None:
        self._wait_for_copies()
        self._transaction.commit()

    def rollback(self) -> None:
        self._abandon_copies()
        if self._transaction.is_active:
            self._transaction.rollback()

    def close(self) -> None:
        self._abandon_copies()
        self._copier.shutdown(wait=True)
        self._connection.close()
