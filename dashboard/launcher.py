"""Start the dashboard: ``python -m dashboard [--port N] [--no-sample] [streamlit options]``.

1. Reads ``streamlit_config.toml`` (Streamlit's config.toml format) and passes every option to
   Streamlit as a ``STREAMLIT_<SECTION>_<OPTION>`` environment variable. Streamlit itself only
   reads ``.streamlit/config.toml`` in the working directory and the home folder, so a file at
   the project root would otherwise be ignored when the app is started from elsewhere.
   Variables already set in the environment win over the file, as they do in Streamlit;
   ``--port`` wins over both.
2. Makes sure the database exists, and loads the bundled sample data when it holds no
   referrals (unless ``--no-sample``), so a fresh checkout shows a working dashboard.
3. Replaces itself with ``python -m streamlit run dashboard/server.py`` (app.py behind the
   download guard). Any option this launcher
   does not know (e.g. ``--server.address=127.0.0.1``) is handed to ``streamlit run``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dashboard.settings import PROJECT_ROOT, SAMPLE_DATA_DIR

CONFIG_FILE = PROJECT_ROOT / "streamlit_config.toml"
# The app with the download guard in front of /media (dashboard/server.py wraps app.py).
APP_SCRIPT = PROJECT_ROOT / "dashboard" / "server.py"


def _snake_case(name: str) -> str:
    # Mirrors streamlit.string_util.to_snake_case, which Streamlit uses to name the variables;
    # copied because nothing outside the UI modules may import streamlit.
    words = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()


def env_var_name(option: str) -> str:
    """``theme.primaryColor`` -> ``STREAMLIT_THEME_PRIMARY_COLOR``."""
    return "STREAMLIT_" + _snake_case(option.replace(".", "_")).upper()


def _env_value(option: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, list):
        # Streamlit reads list options from the environment split on whitespace (click's rule).
        items = [str(item) for item in value]
        if any(not item or re.search(r"\s", item) for item in items):
            raise ValueError(f"{option}: list items with spaces cannot be passed to Streamlit")
        return " ".join(items)
    raise ValueError(f"{option}: unsupported value {value!r} in {CONFIG_FILE.name}")


def flatten(config: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested TOML tables to dotted option names: ``{"theme": {"sidebar": {...}}}`` ->
    ``{"theme.sidebar.backgroundColor": ...}``."""
    options: dict[str, Any] = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            options.update(flatten(value, prefix=f"{name}."))
        else:
            options[name] = value
    return options


def config_to_env(config: Mapping[str, Any]) -> dict[str, str]:
    """Streamlit environment variables for a parsed config.toml."""
    return {
        env_var_name(option): _env_value(option, value) for option, value in flatten(config).items()
    }


def read_config(path: Path = CONFIG_FILE) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def streamlit_environment(
    base: Mapping[str, str], config: Mapping[str, Any], port: int | None = None
) -> dict[str, str]:
    env = dict(base)
    for name, value in config_to_env(config).items():
        env.setdefault(name, value)
    if port is not None:
        env["STREAMLIT_SERVER_PORT"] = str(port)
    return env


def streamlit_command(extra_options: Sequence[str] = ()) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", *extra_options, str(APP_SCRIPT)]


def ensure_database(load_sample: bool = True, sample_dir: Path = SAMPLE_DATA_DIR) -> str:
    """Create the database if needed and fill an empty one with the sample data.

    Returns what happened, for the start-up message. A missing loader or sample folder is not
    fatal: the dashboard then starts empty and tells the user how to load data.
    """
    from dashboard.database import get_engine, is_empty

    engine = get_engine()
    try:
        if not is_empty(engine):
            return "database has data"
        if not load_sample:
            return "database is empty; sample not loaded (--no-sample)"
        if not sample_dir.is_dir() or not any(sample_dir.iterdir()):
            return f"database is empty; no sample data in {sample_dir}"
        try:
            from etl.loader import load_paths
        except ImportError as error:
            return f"database is empty; cannot load the sample data ({error})"
        print(f"Database is empty: loading sample data from {sample_dir} ...", flush=True)
        report = load_paths([sample_dir], engine, progress=True)
        problems = list(getattr(report, "problems", []))
        if problems:
            shown = "\n".join(f"  {problem}" for problem in problems[:10])
            return (
                f"database is empty; the sample data was NOT loaded ({len(problems)} problems, "
                f"first ones below; see `python -m etl load {sample_dir}`):\n{shown}"
            )
        rows = getattr(report, "rows_loaded", None)
        return "sample data loaded" + (f" ({rows} rows)" if rows is not None else "")
    finally:
        # The server opens its own connections; SQLite handles must not leak across exec.
        engine.dispose()


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Start the Hartnetwerk dashboard (Streamlit). Options not listed here "
        "are passed to `streamlit run`, e.g. --server.address=127.0.0.1.",
    )
    parser.add_argument("--port", type=int, help="port to serve on (default from the config)")
    parser.add_argument(
        "--no-sample",
        action="store_true",
        help="do not load the bundled sample data into an empty database",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=CONFIG_FILE,
        help=f"Streamlit settings file (default: {CONFIG_FILE.name} in the project root)",
    )
    return parser.parse_known_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args, extra = parse_args(sys.argv[1:] if argv is None else argv)
    env = streamlit_environment(os.environ, read_config(args.config), port=args.port)
    print(ensure_database(load_sample=not args.no_sample), flush=True)
    command = streamlit_command(extra)
    if os.name == "nt":
        # Windows has no real exec: the child would outlive a parent that exits at once.
        return subprocess.call(command, env=env, cwd=PROJECT_ROOT)
    os.chdir(PROJECT_ROOT)
    os.execvpe(command[0], command, env)
    return 0  # not reached: exec replaces this process


if __name__ == "__main__":
    sys.exit(main())
