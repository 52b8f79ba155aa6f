"""Time the region report (PDF) on the sample data: what a coordinator waits for.

    .venv/bin/python benchmarks/report.py [--region NKU ...] [--runs 2]

Per region and run: the data and statistics of every section (``report.assemble``), the charts
rendered by vl-convert, the PDF layout, and the total, each as wall-clock and CPU time of this
process (vl-convert renders in its own threads, so its CPU time shows only partly). The first
run of the process includes starting vl-convert's JavaScript engine (about a second); later
runs of the same charts would hit its cache, so every run clears it to time real work.

The database: as in benchmarks/pages.py (``DATABASE_URL`` with data, else the sample loaded
into a temporary SQLite database).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from dashboard import database  # noqa: E402
from dashboard.export import images, pdf, report  # noqa: E402


def _pages_benchmark():
    spec = importlib.util.spec_from_file_location("bench_pages", Path(__file__).with_name(
        "pages.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        result = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return result


def time_report(engine, options: report.ReportOptions) -> dict[str, float]:
    images._png.cache_clear()
    images._svg.cache_clear()
    clock = _Clock()
    content = report.assemble(engine, options)
    data_wall, data_cpu = clock.lap()
    figures = [figure for section in content.sections for figure in section.figures]
    for figure in figures:  # the same conversion pdf.render asks for, now timed on its own
        spec = images.export_spec(figure.chart)
        spec.pop("title", None)
        images.png_bytes(spec)
    chart_wall, chart_cpu = clock.lap()
    document, pages = pdf.render_document(content)  # charts now come from the cache
    pdf_wall, pdf_cpu = clock.lap()
    return {
        "data": data_wall, "data_cpu": data_cpu, "charts": chart_wall, "charts_cpu": chart_cpu,
        "pdf": pdf_wall, "pdf_cpu": pdf_cpu, "total": data_wall + chart_wall + pdf_wall,
        "total_cpu": data_cpu + chart_cpu + pdf_cpu, "pages": pages, "figures": len(figures),
        "bytes": len(document),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", action="append", help="region code (default: all)")
    parser.add_argument("--runs", type=int, default=2, help="runs per region")
    parser.add_argument("--lang", default="nl")
    args = parser.parse_args(argv)

    url, folder = _pages_benchmark()._database_url()
    engine = database.make_engine(url)
    try:
        regions = args.region or list(report.regions(engine)["region"])
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"load average {load:.1f} on {os.cpu_count()} CPUs; seconds, wall (cpu)")
        print(f"{'region':<7}{'run':>4} {'data+stats':>14} {'charts':>14} {'pdf':>13} "
              f"{'total':>14} {'pages':>6} {'charts':>7} {'KB':>6}")
        for region in regions:
            options = report.ReportOptions(region, lang=args.lang)
            for run in range(1, args.runs + 1):
                t = time_report(engine, options)
                print(
                    f"{region:<7}{run:>4} {t['data']:>7.2f} ({t['data_cpu']:>4.2f})"
                    f" {t['charts']:>7.2f} ({t['charts_cpu']:>4.2f})"
                    f" {t['pdf']:>6.2f} ({t['pdf_cpu']:>4.2f})"
                    f" {t['total']:>7.2f} ({t['total_cpu']:>4.2f})"
                    f" {t['pages']:>6} {t['figures']:>7} {t['bytes'] / 1024:>6.0f}",
                    flush=True,
                )
    finally:
        engine.dispose()
        if folder is not None:
            folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
