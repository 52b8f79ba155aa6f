"""One audited export path (issue 21, item 7): no chart offers Vega's own action menu, and
Streamlit's chart toolbar export buttons are hidden, on every page (AppTest; the browser test
in test_browser_security.py checks what is visible)."""

from __future__ import annotations

import json

import pytest

from dashboard.scope import PAGE_ROLES, ROLES
from tests.auth.test_access_pages import BINDINGS, PAGES
from tests.auth_support import open_signed_in
from tests.spiegel_dataset import fill_spiegel_dataset


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


def charts_and_styles(at):
    charts, styles = [], []

    def walk(node):
        proto = getattr(node, "proto", None)
        name = type(proto).__name__ if proto is not None else ""
        if name in ("VegaLiteChart", "ArrowVegaLiteChart"):
            charts.append(json.loads(proto.spec))
        elif name == "Html":
            styles.append(proto.body)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return charts, "\n".join(styles)


@pytest.mark.parametrize("role", ["coordinator", "huisarts"])
def test_every_chart_has_vegas_action_menu_off_and_toolbar_exports_hidden(db, role):
    counted = 0
    for url_path, script in PAGES.items():
        if role not in PAGE_ROLES.get(url_path, ROLES):
            continue
        at = open_signed_in(db, script.removesuffix(".py"), role, **BINDINGS[role])
        charts, styles = charts_and_styles(at)
        for spec in charts:
            assert spec.get("usermeta", {}).get("embedOptions", {}).get("actions") is False, (
                url_path, spec.get("title"))
        if charts:
            assert 'aria-label="Download as PNG"' in styles, url_path
            assert 'aria-label="Copy Vega-Lite spec"' in styles, url_path
        counted += len(charts)
    assert counted >= 5
