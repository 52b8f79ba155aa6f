"""Command line for the exports: ``python -m dashboard.export COMMAND``.

    python -m dashboard.export regions
    python -m dashboard.export periods --region NKU
    python -m dashboard.export report --region NKU [--period 2024] [--sections overview,pdca]
                                      [--lang en] [--out rapport.pdf]
    python -m dashboard.export image chart.vl.json --out chart.png   (or .svg)

The database is the dashboard's (``DATABASE_URL``, see dashboard/settings.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dashboard import i18n


def _engine():
    from dashboard.database import get_engine

    return get_engine()


def _cmd_regions(_args: argparse.Namespace) -> int:
    from dashboard.export import report
    from dashboard.formatting import format_date

    frame = report.regions(_engine())
    if frame.empty:
        print("no regions with data; load data first (python -m etl load DIR)", file=sys.stderr)
        return 1
    for row in frame.itertuples(index=False):
        print(f"{row.region}\t{row.name}\t{format_date(row.data_date)}")
    return 0


def _cmd_periods(args: argparse.Namespace) -> int:
    from dashboard.export import report

    try:
        keys = report.periods(_engine(), args.region)
    except report.ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(keys))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from dashboard.export import pdf, report

    options = report.ReportOptions(
        region=args.region,
        period=args.period,
        sections=report.parse_sections(args.sections),
        lang=args.lang,
    )
    started = time.perf_counter()
    engine = _engine()
    try:
        content = report.assemble(engine, options)
    except report.ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    assembled = time.perf_counter()
    data, pages = pdf.render_document(content)
    rendered = time.perf_counter()
    out = Path(args.out or report.file_name(options))
    out.write_bytes(data)
    figures = sum(len(section.figures) for section in content.sections)
    print(f"{out}: {pages} pages, {figures} charts, {len(data):,} bytes")
    if args.time:
        print(f"data and statistics {assembled - started:.2f} s, "
              f"charts and PDF {rendered - assembled:.2f} s, "
              f"total {rendered - started:.2f} s")
    return 0


def _cmd_image(args: argparse.Namespace) -> int:
    from dashboard.export import images

    spec = json.loads(Path(args.spec).read_text(encoding="utf-8"))
    out = Path(args.out)
    if out.suffix.lower() == ".svg":
        out.write_text(images.svg_text(spec, width=args.width), encoding="utf-8")
    elif out.suffix.lower() == ".png":
        out.write_bytes(images.png_bytes(spec, width=args.width, scale=args.scale))
    else:
        print("error: --out must end in .png or .svg", file=sys.stderr)
        return 2
    print(out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Exports of the Hartnetwerk dashboard: region report (PDF), chart images.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("regions", help="regions with data: code, name, data date")

    periods = commands.add_parser("periods", help="periods a region report can cover")
    periods.add_argument("--region", required=True, help="region code, e.g. NKU")

    make = commands.add_parser("report", help="the region report as PDF")
    make.add_argument("--region", required=True, help="region code, e.g. NKU")
    make.add_argument("--period", default="rolling12",
                      help="rolling12 (default: the last 12 months) or a year, e.g. 2024")
    make.add_argument("--sections", action="append",
                      help="comma-separated, from: overview, spiegelinformatie, "
                           "anderhalvelijn, pdca, sroi (default: all)")
    make.add_argument("--lang", default=i18n.DEFAULT_LANGUAGE, choices=list(i18n.LANGUAGES))
    make.add_argument("--out", help="PDF file to write (default: a name with region and date)")
    make.add_argument("--time", action="store_true", help="print how long each part took")

    image = commands.add_parser("image", help="a Vega-Lite spec (JSON file) as PNG or SVG")
    image.add_argument("spec", help="Vega-Lite JSON file")
    image.add_argument("--out", required=True, help="file ending in .png or .svg")
    image.add_argument("--width", type=int, default=800, help="width in CSS pixels")
    image.add_argument("--scale", type=float, default=2.0, help="PNG pixels per CSS pixel")
    return parser


COMMANDS = {
    "regions": _cmd_regions,
    "periods": _cmd_periods,
    "report": _cmd_report,
    "image": _cmd_image,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)
