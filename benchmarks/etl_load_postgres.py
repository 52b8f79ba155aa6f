"""ETL load speed on PostgreSQL against PostgreSQL's own COPY of the same file, in one run.

    scripts/with-postgres.sh --durable .venv/bin/python benchmarks/etl_load_postgres.py \
        [--rows 2000000] [--keep DIR]

The server: ``--url``, else ``HARTNETWERK_TEST_POSTGRES_URL`` (which
``scripts/with-postgres.sh`` sets for a throwaway cluster); the role needs CREATEDB. A fresh
database ``hn_bench_etl`` is made (and dropped afterwards) in that server.

Generates a referrals CSV of ``--rows`` rows with the seeded sample generator (plus the regions,
practices and population it refers to), loads the reference files, then times

1. the full ETL load of the referrals file (read, validate, pseudonymise, COPY into the indexed
   ``referral`` table, refresh the aggregates) into that database, and
2. ``psql -c "\\copy referral_raw FROM PROGRAM 'tail -n +N referrals.csv' (FORMAT csv)"`` into a
   bare table with the same columns as text and no index (the database's own bulk loader),

and prints rows per second for both and their ratio. Target (issue 8): ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

REFERENCE_FILES = ("regions.csv", "region_population.csv", "practices.csv", "population.csv")
TARGET_RATIO = 1.5
DATABASE = "hn_bench_etl"


def _comment_lines(path: Path) -> int:
    with path.open("rb") as handle:
        count = 0
        for line in handle:
            if not line.startswith(b"#"):
                return count
            count += 1
    return count


def libpq_url(url: str) -> str:
    """An SQLAlchemy URL as a libpq connection string (for psql and pg_dump)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def fresh_database(server_url: str, name: str) -> str:
    """An empty database ``name`` in that server (an earlier one of that name dropped); its
    URL."""
    drop_database(server_url, name)
    admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def copy_seconds(csv_path: Path, url: str) -> float:
    """Seconds for psql's ``\\copy`` of ``csv_path`` into a fresh bare text table."""
    header = next(
        line for line in csv_path.open(encoding="utf-8") if not line.startswith("#")
    ).strip().split(",")
    columns = ", ".join(f'"{c}" text' for c in header)
    target = libpq_url(url)
    # Without the NOTICE that the table to drop does not exist yet.
    quiet = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", target, "-c",
                    f"DROP TABLE IF EXISTS referral_raw; CREATE TABLE referral_raw ({columns})"],
                   check=True, env=quiet)
    first_data_line = _comment_lines(csv_path) + 2
    started = time.perf_counter()
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", target, "-c",
                    f"\\copy referral_raw FROM PROGRAM 'tail -n +{first_data_line} {csv_path}' "
                    "(FORMAT csv)"], check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--url", default=os.environ.get("HARTNETWERK_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server URL (postgresql+psycopg://...)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("no PostgreSQL: pass --url or run under scripts/with-postgres.sh")
    if shutil.which("psql") is None:
        print("psql not found; install Debian's postgresql-client", file=sys.stderr)
        return 2

    url = fresh_database(args.url, DATABASE)

    work = args.keep or Path(tempfile.mkdtemp(prefix="hartnetwerk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["HARTNETWERK_DATA_DIR"] = str(work / "var")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HARTNETWERK_SALT", "benchmark-salt")

    from dashboard.database import get_engine
    from etl.loader import load_paths
    from etl.sample_data import generate_referrals_csv

    try:
        source = work / "source"
        source.mkdir(exist_ok=True)
        started = time.perf_counter()
        counts = generate_referrals_csv(source, args.rows)
        print(f"generated {counts['referrals']:,} referrals for {counts['practices']:,} "
              f"practices in {time.perf_counter() - started:.1f} s")

        engine = get_engine()
        version = engine.connect().execute(text("SHOW server_version")).scalar()
        report = load_paths([source / name for name in REFERENCE_FILES], engine)
        if not report.ok:
            print("\n".join(map(str, report.problems[:20])), file=sys.stderr)
            return 1

        referrals = source / "referrals.csv"
        started = time.perf_counter()
        report = load_paths([referrals], engine)
        etl_seconds = time.perf_counter() - started
        if not report.ok:
            print("\n".join(map(str, report.problems[:20])), file=sys.stderr)
            return 1
        rows = report.files[0].rows
        engine.dispose()

        import_seconds = copy_seconds(referrals, url)
        ratio = etl_seconds / import_seconds
        print(f"PostgreSQL {version}")
        print(f"ETL load (validation, pseudonymisation, aggregates): {etl_seconds:7.2f} s "
              f"{rows / etl_seconds:12,.0f} rows/s")
        print(f"psql \\copy into a bare text table:                  {import_seconds:7.2f} s "
              f"{rows / import_seconds:12,.0f} rows/s")
        verdict = "meets" if ratio <= TARGET_RATIO else "misses"
        print(f"ratio ETL / COPY: {ratio:.2f} ({verdict} the target <= {TARGET_RATIO})")
    finally:
        from dashboard.database import get_engine as cached

        cached.cache_clear()
        drop_database(args.url, DATABASE)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
