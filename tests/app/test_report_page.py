"""The Rapport page and the export buttons every chart and table gets (AppTest)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_support import sign_in

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"


def open_page(script: str, lang: str = "nl") -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=120))
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"../pages/{script}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_report_page_builds_the_chosen_report(tiny_db):
    at = open_page("rapport.py")
    region = at.selectbox(key="report_region")
    assert region.options == ["Regio Noord", "Regio Zuid"]
    assert at.selectbox(key="report_period").options == [
        "Laatste 12 maanden (dec 2024 – nov 2025)", "2025 (jan 2025 – nov 2025)", "2024"]
    assert not at.download_button  # nothing to download before a report is made
    at.multiselect(key="report_sections").set_value(["anderhalvelijn"]).run()
    at.button(key="report_build").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert re.fullmatch(r"Rapport gemaakt in \d+,\d s: 3 pagina's, 1 grafieken\.",
                        at.success[0].value)
    button = at.download_button(key="report_download")
    assert button.label == "Download rapport (PDF)"
    built = at.session_state["report_built"]
    assert re.fullmatch(r"regiorapport-NRD-rolling12-\d{4}-\d\d-\d\d\.pdf", built["file_name"])
    text = pdf_text(built["data"])
    assert "Regio Noord" in text and "3. Anderhalvelijn" not in text
    assert "(634 van 634; 95%-interval 99,4% tot 100,0%)" in text
    assert any("--region NRD --period rolling12 --sections anderhalvelijn --lang nl"
               in caption.value for caption in at.caption)


def test_changing_the_choices_marks_the_report_as_stale(tiny_db):
    at = open_page("rapport.py")
    at.multiselect(key="report_sections").set_value(["overview"]).run()
    at.button(key="report_build").click().run()
    at.selectbox(key="report_period").set_value("2024").run()
    assert any("opnieuw" in caption.value for caption in at.caption)


def test_no_sections_no_report(tiny_db):
    at = open_page("rapport.py")
    at.multiselect(key="report_sections").set_value([]).run()
    assert at.button(key="report_build").disabled
    assert at.info[0].value == "Kies minstens één onderdeel."


def test_report_page_in_english(tiny_db):
    at = open_page("rapport.py", lang="en")
    at.selectbox(key="report_region").set_value("ZD").run()
    at.multiselect(key="report_sections").set_value(["overview"]).run()
    at.button(key="report_build").click().run()
    assert not at.exception
    text = pdf_text(at.session_state["report_built"]["data"])
    assert "Region report" in text and "Regio Zuid" in text
    assert "SYNTHETIC SAMPLE DATA" in text  # Regio Zuid is marked synthetic
    assert "20 Feb 2023" in text  # its data date, English style


def test_report_page_without_data(isolated_db):
    at = open_page("rapport.py")
    assert "nog geen gegevens geladen" in at.info[0].value


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_charts_and_tables_offer_png_svg_csv_and_xlsx(tiny_db, lang):
    at = open_page("anderhalvelijn.py", lang)
    buttons = {button.key: button for button in at.download_button}
    png, svg = buttons["download-png-alv-share"], buttons["download-svg-alv-share"]
    assert (png.label, svg.label) == ("PNG", "SVG")
    # Images are rendered on click (deferred), not on every page view.
    assert png.proto.deferred_file_id and svg.proto.deferred_file_id
    assert buttons["download-alv-share-data"].label == (
        "Download als CSV" if lang == "nl" else "Download as CSV")
    xlsx = buttons["download-xlsx-alv-share-data"]
    assert xlsx.label == ("Download als Excel" if lang == "nl" else "Download as Excel")
    assert xlsx.proto.deferred_file_id
    # Every table on the page has both downloads, every chart both images.
    csv_keys = {k.removeprefix("download-") for k in buttons
                if k.startswith("download-") and not k.startswith(("download-png-",
                                                                 "download-svg-",
                                                                 "download-xlsx-"))}
    xlsx_keys = {k.removeprefix("download-xlsx-") for k in buttons
                 if k.startswith("download-xlsx-")}
    assert csv_keys == xlsx_keys and len(csv_keys) >= 3
    assert {k.removeprefix("download-png-") for k in buttons if k.startswith("download-png-")} \
        == {k.removeprefix("download-svg-") for k in buttons if k.startswith("download-svg-")}


def test_region_and_period_live_in_the_link(tiny_db):
    at = sign_in(AppTest.from_file(str(APP), default_timeout=120))
    at.query_params.update({"regio": "NRD", "periode": "2024"})
    at.run()
    at.switch_page("../pages/rapport.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="report_region").value == "NRD"
    assert at.selectbox(key="report_period").value == "2024"
    at.selectbox(key="report_region").set_value("ZD").run()
    assert at.query_params["regio"] in ("ZD", ["ZD"])
