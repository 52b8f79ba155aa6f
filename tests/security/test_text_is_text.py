"""Text is text (issue 21, item 5): Markdown and HTML put into every free-text field and every
link parameter never show up as a live link, an image or HTML, on any page, in presentation
mode, or in the PDF report.

The dataset is tests/spiegel_dataset.py with :data:`INJECTED` written into practice and region
names, a PDCA cycle, a meeting pack, an SROI scenario and an account (injection_support.py).
"""

from __future__ import annotations

import io

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.safe_text import escape_markdown
from dashboard.scope import PAGE_ROLES, ROLES
from tests.auth.test_access_pages import BINDINGS, PAGES
from tests.auth_support import APP, sign_in
from tests.security.injection_support import (
    EVIL,
    INJECTED,
    LINK_VALUES,
    inject_everywhere,
    live_markup,
    page_markup,
)
from tests.spiegel_dataset import fill_spiegel_dataset


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    inject_everywhere(isolated_db)
    return isolated_db


def crawl(engine, role: str, **query) -> dict[str, list[str]]:
    """Every page ``role`` may open, with ``query`` in the link; the live markup per page."""
    at = sign_in(AppTest.from_file(str(APP), default_timeout=90), engine, role, **BINDINGS[role])
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    found = {}
    for url_path, script in PAGES.items():
        if role not in PAGE_ROLES.get(url_path, ROLES):
            continue
        if url_path != "overzicht":
            # Every page gets the link's parameters, as if the link led to it.
            for key, value in query.items():
                at.query_params[key] = value
            at.switch_page(f"../pages/{script}").run()
        assert not at.exception, (url_path, [e.value for e in at.exception])
        found[url_path] = page_markup(at)
    return found


def test_the_escaping_keeps_every_character_and_starts_nothing():
    for text in (INJECTED, *LINK_VALUES, "a\nb\r\n# kop", "1. lijst", "&lt;b&gt;"):
        assert live_markup(escape_markdown(text)) == []
        assert "\n" not in escape_markdown(text)
    assert live_markup(INJECTED)  # the check itself sees the injection when it is live
    # Ordinary names keep their text as typed; only what could start markup is escaped.
    for plain in ("Dr. A-B (NKU)", "Alle regio's", "VERW_ZH", "Jansen & Partners", "12,5%"):
        assert escape_markdown(plain) == plain
    assert escape_markdown(12) == "12"
    assert escape_markdown("[a](https://x.nl)") == r"\[a\](https\://x.nl)"
    assert escape_markdown("# kop") == r"\# kop" and escape_markdown("1. a") == r"1\. a"
    assert escape_markdown("www.x.nl a@x.nl") == r"www\.x.nl a\@x.nl"


@pytest.mark.parametrize("role", ["coordinator", "huisarts", "beheerder"])
def test_injected_text_is_never_a_link_or_image_on_any_page(db, role):
    found = crawl(db, role)
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_injected_text_is_never_a_link_or_image_in_presentation_mode(db):
    found = crawl(db, "coordinator", presentatie="1")
    assert {page: hits for page, hits in found.items() if hits} == {}


@pytest.mark.parametrize("value", LINK_VALUES)
def test_link_parameters_are_never_links_or_images(db, value):
    """Every link parameter a page reads, set to Markdown; the reported one is
    ``/indicatoren?indicator=[Opnieuw aanmelden](https://evil.example/login)``."""
    params = ("indicator", "regio", "periode", "jaar", "maat", "cyclus", "weergave", "pakket",
              "dia", "aandoening", "alleen_regio", "bestemming", "herbasis", "spreiding",
              "tweesigma", "lang", "presentatie")
    found = crawl(db, "coordinator", **{name: value for name in params})
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_the_pdf_report_has_no_link_or_image_from_the_data(db):
    from pypdf import PdfReader

    from dashboard.export import report
    from dashboard.scope import Scope

    scope = Scope("coordinator", regions=frozenset({"TST"}))
    content = report.assemble_for(db, scope, report.ReportOptions(
        region="TST", period="2024", sections=tuple(report.SECTIONS)))
    from dashboard.export.pdf import render

    reader = PdfReader(io.BytesIO(render(content)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Opnieuw aanmelden" in text  # the injected name is there, as text
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert EVIL not in str(action.get("/URI", "")), action
        resources = page.get("/Resources") or {}
        assert EVIL not in str(resources)
