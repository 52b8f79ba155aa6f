"""Command line: ``python -m etl load|validate|status|generate-sample``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.loader import LoadReport, load_paths, validate_paths

MAX_PROBLEMS_SHOWN = 200


def _print_report(report: LoadReport, verb: str, max_problems: int) -> None:
    for result in report.files:
        label = result.table or "?"
        scope = f" [{result.scope}]" if result.scope else ""
        print(f"{result.outcome:>11}  {result.path.name} ({label}, {result.rows} rijen){scope}")
    problems = report.problems
    for problem in problems[:max_problems]:
        print(problem, file=sys.stderr)
    if len(problems) > max_problems:
        print(f"... and {len(problems) - max_problems} more problems", file=sys.stderr)
    files_with = sum(1 for result in report.files if result.problems)
    if problems:
        print(f"{len(problems)} problem(s) in {files_with} file(s); nothing was {verb}.",
              file=sys.stderr)
    else:
        print(f"{len(report.files)} file(s) checked, no problems.")


def _cmd_load(args: argparse.Namespace) -> int:
    report = load_paths([Path(p) for p in args.paths], progress=not args.quiet)
    _print_report(report, "loaded", args.max_problems)
    if report.ok:
        print(f"{report.rows_loaded} rows loaded.")
    return 0 if report.ok else 1


def _cmd_validate(args: argparse.Namespace) -> int:
    report = validate_paths([Path(p) for p in args.paths])
    _print_report(report, "written (dry run)", args.max_problems)
    return 0 if report.ok else 1


def _cmd_status(_args: argparse.Namespace) -> int:
    from etl.status import status_table

    frame = status_table()
    if frame.empty:
        print("The database holds no data yet. Load some with: python -m etl load data/sample")
        return 0
    print(frame.to_string(index=False))
    return 0


def _cmd_generate_sample(args: argparse.Namespace) -> int:
    from etl import sample_data

    return sample_data.main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Load referral, consult and cost data into the dashboard's database.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="load files or directories (all or nothing)")
    load.add_argument("paths", nargs="+")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.add_argument("--max-problems", type=int, default=MAX_PROBLEMS_SHOWN)
    load.set_defaults(handler=_cmd_load)
    validate = commands.add_parser("validate", help="check files without loading them")
    validate.add_argument("paths", nargs="+")
    validate.add_argument("--max-problems", type=int, default=MAX_PROBLEMS_SHOWN)
    validate.set_defaults(handler=_cmd_validate)
    status = commands.add_parser("status", help="what is loaded, per region and period")
    status.set_defaults(handler=_cmd_status)
    generate = commands.add_parser("generate-sample", help="write synthetic sample files",
                                   add_help=False)
    generate.add_argument("rest", nargs=argparse.REMAINDER)
    generate.set_defaults(handler=_cmd_generate_sample)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["generate-sample"]:
        # argparse's REMAINDER drops options that start with "--" after a sub-command
        # ("unrecognized arguments: --practices"), so the generator parses its own options.
        from etl import sample_data

        return sample_data.main(argv[1:])
    args = build_parser().parse_args(argv)
    return args.handler(args)
