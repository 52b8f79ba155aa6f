"""The dashboard's page script: ``python -m dashboard`` serves it through ``dashboard/server.py``
(``streamlit run dashboard/server.py``), which puts the download guard in front of it.

Runs on every page view: page config, language switch, who is looking (a signed-in session,
or the demo role picker while only synthetic data is loaded; otherwise only the sign-in page),
the synthetic-data and demo banners, then the selected page script from ``pages/``. The
navigation lists only the pages the user's role may open (``dashboard.scope.PAGE_ROLES``).
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Streamlit puts only this script's folder on sys.path; the pages import the `dashboard` package
# from the project root, which must work without an installed package too.
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import streamlit as st  # noqa: E402

from dashboard import ui  # noqa: E402

PAGES_DIR = PROJECT_ROOT / "pages"

# The navigation, in menu order; the first page is the start page. A new page is one line:
# (script in pages/, i18n key of its title, Material icon, URL path).
PAGES: list[tuple[str, str, str, str]] = [
    ("home.py", "nav.home", ":material/monitor_heart:", "overzicht"),
    ("spiegelinformatie.py", "nav.spiegelinformatie", ":material/compare:", "spiegelinformatie"),
    ("anderhalvelijn.py", "nav.anderhalvelijn", ":material/diversity_1:", "anderhalvelijn"),
    ("pdca.py", "nav.pdca", ":material/autorenew:", "pdca"),
    ("sroi.py", "nav.sroi", ":material/savings:", "sroi"),
    ("regiovergelijking.py", "nav.regiovergelijking", ":material/leaderboard:",
     "regiovergelijking"),
    ("indicatoren.py", "nav.indicatoren", ":material/menu_book:", "indicatoren"),
    ("rapport.py", "nav.rapport", ":material/picture_as_pdf:", "rapport"),
    ("vergadering.py", "nav.vergadering", ":material/co_present:", "vergadering"),
    ("beheer.py", "nav.beheer", ":material/admin_panel_settings:", "beheer"),
]
# Shown instead of all pages to someone not signed in (outside demo mode).
SIGN_IN_PAGE = ("aanmelden.py", "nav.sign_in", ":material/login:", "aanmelden")

st.set_page_config(
    page_title="Hartnetwerk dashboard",
    # A file, not ":material/cardiology:": for a Material icon the browser fetches the favicon
    # from fonts.gstatic.com; an SVG file is sent inline as a data URL.
    page_icon=str(PROJECT_ROOT / "dashboard" / "static" / "favicon.svg"),
    layout="wide",
    initial_sidebar_state="expanded",
)

with st.sidebar:
    st.markdown(f"### :material/cardiology: {ui.t('app.title')}")
    st.caption(ui.t("app.subtitle"))
ui.language_switch()
scope = ui.resolve_scope()
ui.scope_sidebar(scope)

visible = [page for page in PAGES if scope.may_open(page[3])] if scope else [SIGN_IN_PAGE]
navigation = st.navigation(
    [
        st.Page(
            PAGES_DIR / script,
            title=ui.t(title_key),
            icon=icon,
            url_path=url_path,
            default=index == 0,
        )
        for index, (script, title_key, icon, url_path) in enumerate(visible)
    ]
)
ui.url_page(navigation.url_path)
ui.presentation_switch()
ui.synthetic_banner()
ui.demo_banner(scope)
navigation.run()
