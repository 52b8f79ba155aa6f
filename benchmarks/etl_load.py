"""ETL load speed against SQLite's own CSV import, measured in the same run.

    .venv/bin/python benchmarks/etl_load.py [--rows 2000000] [--keep DIR]

Generates a referrals CSV of ``--rows`` rows with the seeded sample generator (plus the
regions, practices and population it refers to), loads the reference files into a fresh
database, then times

1. the full ETL load of the referrals file (read, validate, pseudonymise, write, refresh the
   aggregates) into that database, and
2. ``sqlite3 bare.db ".import --csv --skip N referrals.csv referral_raw"`` into a bare table
   with the same columns and no index (the database's own bulk loader),

and prints rows per second for both and their ratio. Target (issue 2): ratio <= 1.5. During the
ETL load it samples the resident memory of the loader and of its writer process every 20 ms and
prints their peaks (issue 8: a load must not hold a whole file in memory).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

REFERENCE_FILES = ("regions.csv", "region_population.csv", "practices.csv", "population.csv")
TARGET_RATIO = 1.5


def _comment_lines(path: Path) -> int:
    with path.open("rb") as handle:
        count = 0
        for line in handle:
            if line.startswith(b"#"):
                count += 1
            else:
                return count
    return count


def sqlite_import_seconds(csv_path: Path, work: Path) -> float:
    database = work / "bare.db"
    database.unlink(missing_ok=True)
    header = next(
        line for line in csv_path.open(encoding="utf-8") if not line.startswith("#")
    ).strip().split(",")
    create = "CREATE TABLE referral_raw (" + ", ".join(f'"{c}" TEXT' for c in header) + ");"
    skip = _comment_lines(csv_path) + 1
    started = time.perf_counter()
    subprocess.run(
        ["sqlite3", str(database), create, f".import --csv --skip {skip} {csv_path} referral_raw"],
        check=True,
    )
    return time.perf_counter() - started


class PeakMemory:
    """Peak RSS of this process (sampled) and of its largest child process (the SQLite writer).

    The loader is sampled every 50 ms from its own ``/proc`` entry. The writer's peak is the
    kernel's own figure: ``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the largest peak of the
    children waited for (each load's writer exits when its load ends). Scanning the process
    table for children every 20 ms, as this did before, took 5.4% of a CPU, with the GIL, in
    the process being measured; this sampler takes 0.3%.
    """

    def __init__(self) -> None:
        import psutil

        self._process = psutil.Process()
        self.parent = self.child = 0
        self.before = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.parent = max(self.parent, self._process.memory_info().rss)
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        import resource

        self._stop.set()
        self._thread.join()
        self.child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if shutil.which("sqlite3") is None:
        print("sqlite3 command not found; install Debian's sqlite3 package", file=sys.stderr)
        return 2

    work = args.keep or Path(tempfile.mkdtemp(prefix="hartnetwerk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["HARTNETWERK_DATA_DIR"] = str(work / "db")
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db' / 'bench.db'}"
    os.environ.setdefault("HARTNETWERK_SALT", "benchmark-salt")
    (work / "db" / "bench.db").unlink(missing_ok=True)

    from dashboard.database import get_engine
    from etl.loader import load_paths
    from etl.sample_data import generate_referrals_csv

    source = work / "source"
    source.mkdir(exist_ok=True)
    started = time.perf_counter()
    counts = generate_referrals_csv(source, args.rows)
    print(f"generated {counts['referrals']:,} referrals for {counts['practices']:,} practices "
          f"in {time.perf_counter() - started:.1f} s")

    engine = get_engine()
    reference = [source / name for name in REFERENCE_FILES]
    started = time.perf_counter()
    report = load_paths(reference, engine)
    if not report.ok:
        print("\n".join(map(str, report.problems[:20])), file=sys.stderr)
        return 1
    print(f"reference files ({sum(r.rows for r in report.files):,} rows) loaded in "
          f"{time.perf_counter() - started:.1f} s (not part of the comparison)")

    referrals = source / "referrals.csv"
    with PeakMemory() as memory:
        started = time.perf_counter()
        report = load_paths([referrals], engine)
        etl_seconds = time.perf_counter() - started
    if not report.ok:
        print("\n".join(map(str, report.problems[:20])), file=sys.stderr)
        return 1
    rows = report.files[0].rows

    import_seconds = sqlite_import_seconds(referrals, work)
    ratio = etl_seconds / import_seconds
    print(f"ETL load (validation, pseudonymisation, aggregates): {etl_seconds:7.2f} s "
          f"{rows / etl_seconds:12,.0f} rows/s")
    print(f"sqlite3 .import into a bare table:                   {import_seconds:7.2f} s "
          f"{rows / import_seconds:12,.0f} rows/s")
    mib = 1 << 20
    print(f"peak RSS during the ETL load: loader {memory.parent / mib:,.0f} MiB (before the load "
          f"{memory.before / mib:,.0f} MiB), writer process {memory.child / mib:,.0f} MiB")
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"ratio ETL / sqlite3 .import: {ratio:.2f} ({verdict} the target <= {TARGET_RATIO})")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
