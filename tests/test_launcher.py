"""The launcher: streamlit_config.toml -> Streamlit environment, database set-up, command."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from streamlit import config as streamlit_config

from dashboard import database, launcher


def test_env_var_names_follow_streamlit():
    # Streamlit's own name for every option it has, so a new option cannot be missed.
    for key, option in streamlit_config._config_options_template.items():
        assert launcher.env_var_name(key) == option.env_var, key


def test_config_file_options_exist_in_streamlit():
    options = launcher.flatten(launcher.read_config())
    unknown = sorted(set(options) - set(streamlit_config._config_options_template))
    assert not unknown, f"streamlit_config.toml has options Streamlit does not know: {unknown}"


def test_config_file_to_env():
    env = launcher.config_to_env(launcher.read_config())
    assert env["STREAMLIT_SERVER_HEADLESS"] == "true"
    assert env["STREAMLIT_SERVER_PORT"] == "8501"
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert env["STREAMLIT_THEME_PRIMARY_COLOR"] == "#C8102E"
    assert env["STREAMLIT_THEME_BASE"] == "light"
    assert env["STREAMLIT_THEME_SECONDARY_BACKGROUND_COLOR"].startswith("#")


def test_config_to_env_conversions():
    config = {
        "server": {"port": 9000, "headless": True, "runOnSave": False},
        "theme": {
            "baseRadius": 0.5,
            "chartCategoricalColors": ["#C8102E", "#1F77B4"],
            "sidebar": {"backgroundColor": "#FFF0F0"},
        },
    }
    assert launcher.config_to_env(config) == {
        "STREAMLIT_SERVER_PORT": "9000",
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_SERVER_RUN_ON_SAVE": "false",
        "STREAMLIT_THEME_BASE_RADIUS": "0.5",
        "STREAMLIT_THEME_CHART_CATEGORICAL_COLORS": "#C8102E #1F77B4",
        "STREAMLIT_THEME_SIDEBAR_BACKGROUND_COLOR": "#FFF0F0",
    }
    with pytest.raises(ValueError, match="spaces"):
        launcher.config_to_env({"theme": {"fontFaces": ["Source Sans"]}})


def test_environment_precedence():
    config = {"server": {"port": 8501}, "theme": {"primaryColor": "#C8102E"}}
    env = launcher.streamlit_environment({"STREAMLIT_THEME_PRIMARY_COLOR": "#000000"}, config)
    assert env["STREAMLIT_THEME_PRIMARY_COLOR"] == "#000000"  # the environment wins
    assert env["STREAMLIT_SERVER_PORT"] == "8501"
    env = launcher.streamlit_environment({"STREAMLIT_SERVER_PORT": "1"}, config, port=8600)
    assert env["STREAMLIT_SERVER_PORT"] == "8600"  # --port wins over everything


def test_main_execs_streamlit(isolated_db, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(launcher.os, "name", "posix")
    monkeypatch.setattr(launcher.os, "chdir", lambda path: None)
    monkeypatch.setattr(
        launcher.os, "execvpe", lambda file, args, env: calls.append((file, args, env))
    )
    config = tmp_path / "config.toml"
    config.write_text('[theme]\nprimaryColor = "#123456"\n', encoding="utf-8")

    launcher.main(
        ["--port", "8765", "--no-sample", "--config", str(config), "--server.address=127.0.0.1"]
    )

    ((file, args, env),) = calls
    assert file == sys.executable
    assert args == [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "--server.address=127.0.0.1",
        str(launcher.APP_SCRIPT),
    ]
    assert env["STREAMLIT_SERVER_PORT"] == "8765"
    assert env["STREAMLIT_THEME_PRIMARY_COLOR"] == "#123456"


def test_ensure_database_without_sample(isolated_db):
    message = launcher.ensure_database(load_sample=False)
    assert "--no-sample" in message
    assert database.is_empty(database.get_engine())


def test_ensure_database_with_missing_sample_dir(isolated_db, tmp_path):
    message = launcher.ensure_database(sample_dir=tmp_path / "nothing-here")
    assert "no sample data" in message


@pytest.mark.skipif(
    importlib.util.find_spec("etl.loader") is None,
    reason="etl/loader.py (load_paths) is not written yet",
)
def test_ensure_database_loads_the_sample(isolated_db):
    from dashboard.settings import SAMPLE_DATA_DIR

    if not any(SAMPLE_DATA_DIR.glob("*")):
        pytest.skip("data/sample/ holds no sample data yet")
    message = launcher.ensure_database()
    assert message.startswith("sample data loaded"), message
    assert not database.is_empty(database.get_engine())
    # A second start finds the data and loads nothing.
    assert launcher.ensure_database() == "database has data"
