"""Reference: the pages' aggregates computed by DuckDB directly on the source CSV files.

    DATABASE_URL=... .venv/bin/python benchmarks/duckdb_reference.py --data DIR [--runs 3]

``DIR`` holds the files the database was loaded from (``python -m etl generate-sample``). For
each page, DuckDB (an in-process analytical engine, no load step, no indexes) computes the same
aggregates the page's queries read from the database: the spiegelinformatie counts per practice
x age band x sex for a region and year with the listed patients; the anderhalvelijn shares per
month and per practice; the PDCA monthly series; the overview's yearly region figures. The
page-data time on ``DATABASE_URL`` (``benchmarks/pages.py``, warm median) is printed next to it
with the ratio page / DuckDB. DuckDB's figure includes parsing the CSV text every time, which the
dashboard never does at page time, so the ratio says how far the database-backed page is from
a brute-force scan of the raw data, not a target.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))


def _csv(directory: Path, name: str, sep: str = ",", decimal: str = ".") -> str:
    # The generator's files start with one "# SYNTHETISCHE DATA" line before the header.
    path = directory / f"{name}.csv"
    skip = 1 if path.open(encoding="utf-8").readline().startswith("#") else 0
    return (f"read_csv('{path}', skip={skip}, header=true, delim='{sep}', "
            f"decimal_separator='{decimal}', auto_detect=true)")


def reference_queries(directory: Path) -> dict[str, list[str]]:
    """Per page of benchmarks/pages.py, the DuckDB statements that give its aggregates."""
    referrals = _csv(directory, "referrals")
    practices = _csv(directory, "practices")
    population = _csv(directory, "population")
    consults = _csv(directory, "consults")
    with_region = (f"(SELECT r.*, p.region, date_trunc('month', r.referral_date) AS month "
                   f"FROM {referrals} r JOIN {practices} p ON p.code = r.practice)")
    last_year = (f"(SELECT max(referral_date) - INTERVAL 12 MONTH FROM {referrals})")
    spiegel = [
        f"""SELECT practice, age_band, sex, count(*) AS referrals FROM {with_region}
            WHERE region = 'NKU' AND referral_date > {last_year}
            GROUP BY ALL""",
        f"""SELECT pop.practice, age_band, sex, sum(listed_patients) FROM {population} pop
            JOIN {practices} p ON p.code = pop.practice
            WHERE p.region = 'NKU' AND year = (SELECT max(year) FROM {population})
            GROUP BY ALL""",
    ]
    alv = [
        f"""SELECT month, destination, count(*) FROM {with_region}
            WHERE region = 'HVO' AND referral_date > {last_year} GROUP BY ALL""",
        f"""SELECT practice, destination, count(*) FROM {with_region}
            WHERE region = 'HVO' AND referral_date > {last_year} GROUP BY ALL""",
        f"""SELECT c.setting, count(*), median(c.consult_date - r.referral_date)
            FROM {consults} c JOIN {with_region} r ON r.referral_id = c.referral_id
            WHERE r.region = 'HVO' AND r.referral_date > {last_year} GROUP BY ALL""",
    ]
    return {
        "spiegelinformatie": spiegel,
        "anderhalvelijn": alv,
        "anderhalvelijn alle": [re.sub(r"(r\.)?region = 'HVO' AND ", "", q) for q in alv],
        "overzicht tegels": [
            f"""SELECT region, year, sum(admissions) FROM {_csv(directory, 'hf_admissions')}
                GROUP BY ALL""",
            f"""SELECT region, year, sum(amount) FROM {_csv(directory, 'costs', ';', ',')}
                GROUP BY ALL""",
            f"""SELECT region, year, avg(score) FROM {_csv(directory, 'survey')} GROUP BY ALL""",
        ],
        "pdca": [
            f"""SELECT month, destination, count(*), sum((rta_conform = 'ja')::int)
                FROM {with_region} WHERE region = 'NKU' GROUP BY ALL""",
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the source CSV files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)

    import duckdb

    import pages  # benchmarks/pages.py

    queries = reference_queries(args.data)
    url = os.environ.get("DATABASE_URL")
    connection = duckdb.connect()
    connection.execute(f"SET threads = {args.threads}")
    print(f"DuckDB {duckdb.__version__} on {args.data} ({args.threads} threads); "
          f"page data on {url.split('://')[0] if url else '(none: DuckDB only)'}")
    print(f"{'page':<22} {'DuckDB ms':>10} {'page warm ms':>13} {'page / DuckDB':>14}")
    calls = dict(pages.PAGES)
    for name, statements in queries.items():
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            for statement in statements:
                connection.execute(statement).fetchall()
            times.append((time.perf_counter() - started) * 1000)
        duck = statistics.median(times)
        page = pages.time_page(url, calls[name], args.runs)["warm"] if url else float("nan")
        print(f"{name:<22} {duck:>10.0f} {page:>13.0f} {page / duck:>14.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
