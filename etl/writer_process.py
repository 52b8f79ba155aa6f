"""The child process that runs a SQLite load's write transaction through ADBC.

Kept free of pandas and the rest of the project so it starts in a fraction of a second. It
owns one ADBC connection (Apache Arrow ADBC's SQLite driver, which binds Arrow columns in C)
and obeys (operation, arguments) messages from the loader until told to close. If the loader
dies, the pipe closes, this process exits, and SQLite discards the uncommitted transaction.

Why a separate process: the ADBC driver carries its own copy of SQLite. Two SQLite libraries in
one process each keep their own POSIX lock bookkeeping and can corrupt a database file
(SQLite, "How To Corrupt An SQLite Database File", section 2.2.1); across processes the
locks are shared correctly.
"""

from __future__ import annotations

import os
import sys
import time

# SQLite's page cache of the load's transaction. Rows land all over a B-tree keyed by random
# 64-bit hashes (the id indexes of a load into filled tables, and before migration 0007 the
# tables themselves); once those outgrow the cache, SQLite spills dirty pages to the WAL and
# rewrites them batch after batch. National first load (15M referrals, 23M consults), before
# 0007: 200 MB -> 8 min 55 s and 50 GB written; 1,500 MB -> 6 min 53 s and 28 GB
# (benchmarks/README.md). The cache is an upper bound: a small load uses what it touches.
DEFAULT_CACHE_MB = 1500


def cache_megabytes() -> int:
    """The writer's page cache in MB: ``HARTNETWERK_WRITER_CACHE_MB`` or the default.

    Defined here, beside the pragma it sets, rather than in ``dashboard.settings``: the loader
    reads it and passes it to this process, which imports nothing of the project."""
    value = os.environ.get("HARTNETWERK_WRITER_CACHE_MB", "").strip()
    if not value:
        return DEFAULT_CACHE_MB
    if not value.isdigit() or int(value) < 2:
        raise ValueError(f"HARTNETWERK_WRITER_CACHE_MB={value!r}: give a whole number of "
                         "megabytes, at least 2 (e.g. 1500)")
    return int(value)


def serve(connection, database_path: str, cache_mb: int) -> None:
    import adbc_driver_sqlite.dbapi as adbc

    timing = os.environ.get("HARTNETWERK_WRITER_TIMING") == "1"
    db = adbc.connect(database_path, autocommit=True)
    cursor = db.cursor()
    for pragma in ("busy_timeout=30000", "synchronous=NORMAL",
                   f"cache_size=-{cache_mb * 1000}", "foreign_keys=OFF"):
        cursor.execute(f"PRAGMA {pragma}")
    try:
        while True:
            try:
                operation, arguments = connection.recv()
            except EOFError:
                return
            if operation == "ingest":
                # The rows follow as an Arrow IPC stream of their own.
                arguments = (arguments[0], connection.recv_bytes())
            if operation == "close":
                connection.send(("ok", None))
                return
            try:
                started = time.perf_counter()
                answer = _run(cursor, operation, arguments)
                if timing:
                    detail = str(arguments[0])[:60] if arguments else ""
                    print(f"  child {operation} {time.perf_counter() - started:8.3f}s {detail}",
                          file=sys.stderr)
                connection.send(("ok", answer))
            except Exception as error:  # noqa: BLE001 - every failure goes back to the loader
                connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        cursor.close()
        db.close()


def _run(cursor, operation: str, arguments: tuple):
    if operation == "begin":
        cursor.execute("BEGIN IMMEDIATE")
    elif operation == "execute":
        sql, values = arguments
        cursor.execute(sql, values or None)
    elif operation == "executemany":
        sql, rows = arguments
        cursor.executemany(sql, rows)
    elif operation == "query":
        sql, values = arguments
        cursor.execute(sql, values or None)
        return cursor.fetch_arrow_table()
    elif operation == "ingest":
        import pyarrow as pa

        table, data = arguments
        rows = storable(pa.ipc.open_stream(pa.py_buffer(data)).read_all())
        cursor.adbc_ingest(table, rows, mode="append")
    elif operation == "commit":
        cursor.execute("COMMIT")
    elif operation == "rollback":
        cursor.execute("ROLLBACK")
    else:
        raise ValueError(f"unknown operation {operation!r}")
    return None


def storable(table):
    """Dates as ISO text, booleans as 0/1, categories as their text: what SQLAlchemy writes
    and reads back on SQLite (and what PostgreSQL's CSV COPY reads as date, boolean, text)."""
    import pyarrow as pa

    columns = []
    for column in table.columns:
        if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
            column = column.cast(pa.date32()).cast(pa.string())
        elif pa.types.is_boolean(column.type):
            column = column.cast(pa.int64())
        elif pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


if __name__ == "__main__":
    # argv: the file descriptor of the loader's socket, the database path, the page cache in MB.
    from multiprocessing.connection import Connection

    serve(Connection(int(sys.argv[1])), sys.argv[2], int(sys.argv[3]))
