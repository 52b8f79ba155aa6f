"""Time each page's "data plus statistics" on the sample data, cold and warm.

    .venv/bin/python benchmarks/pages.py [--runs 7] [--page NAME ...] [--check] [--data DIR]

Runs the page-data functions of ``dashboard.pagedata`` (queries, statistics, privacy: all a
page computes before drawing) without Streamlit and prints per page

* cold: the first call on a freshly opened engine (new connections, nothing cached in Python;
  the operating system's file cache may still hold the database), and
* warm: the median of ``--runs`` further calls,

each as wall-clock time and as the CPU time of this process (a fairer figure when other work
competes for the machine).

Target (issues 4 and 5): warm under 300 ms; at national scale (issue 8) also cold under 2 s.
``--check`` exits with status 1 when a page misses the warm target.

The database: ``DATABASE_URL`` (SQLite or PostgreSQL) when it is set and holds referrals;
otherwise the files of ``--data DIR`` (default: the bundled sample ``data/sample``; e.g. a
national-scale set from ``python -m etl generate-sample --practices 5000 --years 10 --out DIR``)
are loaded into a temporary SQLite database first.

A page joins the benchmark with one line in ``PAGES``: its name and a function that takes an
Engine and makes one representative call (typical filters on the sample data).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from sqlalchemy import Engine  # noqa: E402

from dashboard.pagedata import anderhalvelijn as alv  # noqa: E402
from dashboard.pagedata import beheer, overview_tiles, pdca, sroi  # noqa: E402
from dashboard.pagedata import regiovergelijking as regio  # noqa: E402
from dashboard.pagedata import spiegelinformatie as spiegel  # noqa: E402
from dashboard.scope import Scope  # noqa: E402
from dashboard.slides import load_slide  # noqa: E402

# The scopes pages pass in (dashboard.scope): a GP of NKU-P001, an insurer of HVO, a beheerder.
GP = Scope("huisarts", regions=frozenset({"NKU"}), practice="NKU-P001")
INSURER = Scope("verzekeraar", regions=frozenset({"HVO"}))
ADMIN = Scope("beheerder", all_regions=True)

TARGET_MS = 300.0
COLD_TARGET_MS = 2000.0  # national scale (issue 8)

# (page name, one representative call on the sample data). One line per page, and one per
# filter that changes which tables a page reads.
PAGES: list[tuple[str, Callable[[Engine], Any]]] = [
    (
        "spiegelinformatie",
        lambda engine: spiegel.spiegelinformatie(
            engine, spiegel.SpiegelFilters(region="NKU", practice="NKU-P001")
        ),
    ),
    ("anderhalvelijn", lambda engine: alv.anderhalvelijn(engine, "HVO", "rolling12")),
    ("anderhalvelijn alle", lambda engine: alv.anderhalvelijn(engine, None, "rolling12")),
    ("overzicht tegels", overview_tiles.overview_tiles),
    ("sroi", lambda engine: sroi.sroi_page(engine, "HVO")),
    ("pdca", lambda engine: pdca.pdca(engine, "NKU")),
    ("pdca runchart", lambda engine: pdca.pdca(engine, "NKU", view="run")),
    (
        "regiovergelijking",
        lambda engine: regio.indicator_detail(regio.regiovergelijking(engine), "VERW_ZH"),
    ),
    # Vergadering: one slide per page run; the PDCA and SROI kinds are never cached.
    ("vergadering dia pdca", lambda engine: load_slide(engine, "pdca_spc", "NKU")),
    ("vergadering dia sroi", lambda engine: load_slide(engine, "sroi_waterfall", "NKU")),
    ("vergadering dia trechter", lambda engine: load_slide(engine, "spiegel_funnel", "NKU")),
    (
        "spiegelinformatie huisarts",
        lambda engine: spiegel.spiegelinformatie_for(
            engine, GP, spiegel.SpiegelFilters(region="NKU")
        ),
    ),
    ("anderhalvelijn verzekeraar",
     lambda engine: alv.anderhalvelijn_for(engine, INSURER, None, "rolling12")),
    # A GP's view: the region's figures are checked against the own practice's months.
    ("anderhalvelijn huisarts",
     lambda engine: alv.anderhalvelijn_for(engine, GP, "NKU", "rolling12")),
    # One programme line chosen: these pages then read agg_practice_month, not the
    # all-conditions table, so the filter is a page variant of its own.
    (
        "spiegelinformatie hartfalen",
        lambda engine: spiegel.spiegelinformatie(
            engine, spiegel.SpiegelFilters(region="NKU", practice="NKU-P001",
                                           condition="hartfalen")
        ),
    ),
    ("anderhalvelijn alle hartfalen",
     lambda engine: alv.anderhalvelijn(engine, None, "rolling12", "hartfalen")),
    ("beheer", lambda engine: (beheer.users(engine, ADMIN), beheer.audit_log(engine, ADMIN))),
]


def _database_url(data_dir: Path | None = None) -> tuple[str, tempfile.TemporaryDirectory | None]:
    """A database with data: the configured one if it has referrals, else a loaded sample."""
    from dashboard import database, settings

    url = os.environ.get("DATABASE_URL")
    if url:
        engine = database.make_engine(url)
        database.init_db(engine)
        empty = database.is_empty(engine)
        engine.dispose()
        if not empty:
            return url, None
    folder = tempfile.TemporaryDirectory(prefix="hartnetwerk-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'hartnetwerk.db'}"
    os.environ["HARTNETWERK_DATA_DIR"] = folder.name
    os.environ.setdefault("HARTNETWERK_SALT", "benchmark-salt")
    settings.reset_settings_cache()
    from etl.loader import load_paths

    engine = database.make_engine(os.environ["DATABASE_URL"])
    database.init_db(engine)
    source = data_dir or settings.SAMPLE_DATA_DIR
    print(f"Loading {source} into a temporary database ...", flush=True)
    report = load_paths([source], engine)
    engine.dispose()
    if not report.ok:
        raise SystemExit(f"the sample data did not load: {report.problems[:5]}")
    return os.environ["DATABASE_URL"], folder


def _timed(call: Callable[[Engine], Any], engine: Engine) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call(engine)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def time_page(url: str, call: Callable[[Engine], Any], runs: int) -> dict[str, float]:
    """Cold and warm (median) milliseconds of ``call`` on a fresh engine for ``url``.

    Wall-clock time is what a user waits; CPU time (this process) hardly changes when other
    work competes for the machine, so it is the fairer figure on a busy computer.
    """
    from dashboard import database

    engine = database.make_engine(url)
    try:
        cold_wall, cold_cpu = _timed(call, engine)
        warm = [_timed(call, engine) for _ in range(runs)]
    finally:
        engine.dispose()
    return {
        "cold": cold_wall,
        "cold_cpu": cold_cpu,
        "warm": statistics.median(w for w, _ in warm),
        "warm_cpu": statistics.median(c for _, c in warm),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="warm runs per page (median)")
    parser.add_argument("--page", action="append", help="only this page (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a page is too slow")
    parser.add_argument("--data", type=Path, help="files to load when DATABASE_URL is empty "
                        "(default: data/sample)")
    args = parser.parse_args(argv)

    chosen = [(name, call) for name, call in PAGES if not args.page or name in args.page]
    unknown = set(args.page or ()) - {name for name, _ in PAGES}
    if unknown:
        parser.error(f"unknown page(s): {sorted(unknown)}; known: {[n for n, _ in PAGES]}")
    url, folder = _database_url(args.data)
    try:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        from sqlalchemy import make_url

        print(f"database {make_url(url).get_backend_name()}; load average {load:.1f} on "
              f"{os.cpu_count()} CPUs; target: warm under {TARGET_MS:.0f} ms")
        width = max(len(name) for name, _ in chosen)
        print(f"{'page':<{width}} {'cold ms':>9} {'(cpu)':>7} {'warm ms':>9} {'(cpu)':>7}")
        slow = []
        for name, call in chosen:
            t = time_page(url, call, args.runs)
            verdict = "ok" if t["warm"] < TARGET_MS else "TOO SLOW"
            if t["cold"] >= COLD_TARGET_MS:
                verdict += f" (cold over {COLD_TARGET_MS / 1000:.0f} s)"
            if t["warm"] >= TARGET_MS:
                slow.append(name)
            print(
                f"{name:<{width}} {t['cold']:>9.0f} {t['cold_cpu']:>7.0f} {t['warm']:>9.0f} "
                f"{t['warm_cpu']:>7.0f}  {verdict}",
                flush=True,
            )
    finally:
        if folder is not None:
            folder.cleanup()
    return 1 if args.check and slow else 0


if __name__ == "__main__":
    sys.exit(main())
