"""Every page in the navigation runs without an exception, in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import sign_in
from tests.conftest import fill_tiny_dataset

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"


def navigation_pages() -> list[tuple[str, str, str, str]]:
    """``PAGES`` from app.py, read without running the app (it is a Streamlit script)."""
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "PAGES" for t in targets):
                return ast.literal_eval(node.value)
    raise AssertionError("no PAGES list in dashboard/app.py")


PAGES = navigation_pages()


def test_page_list_is_sound():
    assert PAGES[0][0] == "home.py"
    scripts = [script for script, *_ in PAGES]
    url_paths = [url_path for *_, url_path in PAGES]
    assert len(set(scripts)) == len(scripts) and len(set(url_paths)) == len(url_paths)
    for script in scripts:
        assert (ROOT / "pages" / script).is_file(), script


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("script", [script for script, *_ in PAGES])
@pytest.mark.parametrize("data", ["tiny", "empty"])
def test_page_runs(isolated_db, data, script, lang):
    # isolated_db is named here (not looked up by name) so it runs on every backend.
    if data == "tiny":
        fill_tiny_dataset(isolated_db)
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60), isolated_db)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"../pages/{script}").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page starts with a title (ui.page_header)"
