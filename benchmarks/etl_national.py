"""A whole data directory (national scale) loaded by the ETL, against the database's own bulk
loader of its referral and consult files, in one run.

    .venv/bin/python -m etl generate-sample --national --out DIR     # 15 M referrals, 23 M consults
    .venv/bin/python benchmarks/etl_national.py --data DIR                      # SQLite
    scripts/with-postgres.sh --durable .venv/bin/python benchmarks/etl_national.py --data DIR \\
        --postgres                                                              # PostgreSQL

SQLite: a fresh database file in a work folder (``--keep DIR`` keeps it, e.g. to benchmark the
pages on it afterwards). PostgreSQL (``--postgres``): a fresh database ``hn_bench_national`` in
the server of ``--url`` or ``HARTNETWERK_TEST_POSTGRES_URL``, dropped afterwards unless
``--keep`` is given.

Times

1. ``etl.loader.load_paths([DIR])``: every file of the directory (read, validate, pseudonymise,
   write, refresh the aggregates), as ``python -m etl load DIR`` does, into the empty database;
2. the database's bulk loader of ``referrals.csv`` and of ``consults.csv``, each into a bare
   table of text columns without an index: ``sqlite3 .import`` or psql's ``\\copy``.

Prints rows per second, the peak memory of the loader (and of its SQLite writer process), and
the ratio of (1) to the sum of (2). The other files are a few thousand rows; they are in (1)
and not in (2). Target (issues 2 and 8): ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.etl_load import PeakMemory, sqlite_import_seconds  # noqa: E402
from benchmarks.etl_load_postgres import (  # noqa: E402
    copy_seconds,
    drop_database,
    fresh_database,
)

BULK_FILES = ("referrals.csv", "consults.csv")
TARGET_RATIO = 1.5
DATABASE = "hn_bench_national"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a data directory, e.g. from generate-sample --national")
    parser.add_argument("--postgres", action="store_true", help="load into PostgreSQL")
    parser.add_argument("--url", default=os.environ.get("HARTNETWERK_TEST_POSTGRES_URL"),
                        help="PostgreSQL server URL (postgresql+psycopg://...)")
    parser.add_argument("--keep", type=Path,
                        help="work in this folder and keep it (and the PostgreSQL database)")
    args = parser.parse_args(argv)
    missing = [name for name in BULK_FILES if not (args.data / name).is_file()]
    if missing:
        parser.error(f"{args.data} has no {', '.join(missing)}: pass the folder that "
                     "generate-sample --national wrote")
    tool = "psql" if args.postgres else "sqlite3"
    if shutil.which(tool) is None:
        print(f"{tool} not found; install Debian's "
              f"{'postgresql-client' if args.postgres else 'sqlite3'}", file=sys.stderr)
        return 2
    if args.postgres and not args.url:
        parser.error("no PostgreSQL: pass --url or run under scripts/with-postgres.sh")

    work = args.keep or Path(tempfile.mkdtemp(prefix="hartnetwerk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "db" / "national.db").unlink(missing_ok=True)
    url = (fresh_database(args.url, DATABASE) if args.postgres
           else f"sqlite:///{work / 'db' / 'national.db'}")
    os.environ["HARTNETWERK_DATA_DIR"] = str(work / "db")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HARTNETWERK_SALT", "benchmark-salt")

    from dashboard.database import get_engine
    from etl.loader import load_paths

    try:
        engine = get_engine()
        load_average = os.getloadavg()[0]
        with PeakMemory() as memory:
            started = time.perf_counter()
            report = load_paths([args.data], engine)
            etl_seconds = time.perf_counter() - started
        engine.dispose()
        if not report.ok:
            print("\n".join(map(str, report.problems[:20])), file=sys.stderr)
            return 1
        rows = sum(file.rows for file in report.files)
        bulk_rows = sum(file.rows for file in report.files if file.path.name in BULK_FILES)

        bulk = {}
        for name in BULK_FILES:
            path = args.data / name
            bulk[name] = (copy_seconds(path, url) if args.postgres
                          else sqlite_import_seconds(path, work))
        bulk_seconds = sum(bulk.values())
        loader = "psql \\copy" if args.postgres else "sqlite3 .import"
        mib = 1 << 20
        print(f"{'PostgreSQL' if args.postgres else 'SQLite'}; load average {load_average:.1f} "
              f"at the start, {os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} CPUs")
        lines = [(f"ETL load, {len(report.files)} files, {rows:,} rows", etl_seconds, rows)]
        lines += [(f"{loader} of {name}", seconds, None) for name, seconds in bulk.items()]
        lines.append((f"{loader}, both, {bulk_rows:,} rows", bulk_seconds, bulk_rows))
        width = max(len(label) for label, _, _ in lines)
        for label, seconds, count in lines:
            speed = f"{count / seconds:12,.0f} rows/s" if count else ""
            print(f"{label:<{width}} {seconds:8.1f} s {speed}")
        # PostgreSQL's loader writes on its own connection: no writer process to report.
        writer = "" if args.postgres else f", writer process {memory.child / mib:,.0f} MiB"
        print(f"peak RSS during the ETL load: loader {memory.parent / mib:,.0f} MiB{writer}")
        ratio = etl_seconds / bulk_seconds
        verdict = "meets" if ratio <= TARGET_RATIO else "misses"
        print(f"ratio ETL / {loader}: {ratio:.2f} ({verdict} the target <= {TARGET_RATIO})")
    finally:
        get_engine.cache_clear()
        if args.postgres and args.keep is None:
            drop_database(args.url, DATABASE)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
