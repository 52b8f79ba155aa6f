"""The region report: the PDF is opened again and its pages, outline and text checked.

The full report runs on the committed sample data (loaded once for this module); the numbers
in a reading are checked on the tiny hand-made dataset of tests/conftest.py.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from dashboard import database, settings
from dashboard.export import cli, pdf, report
from etl.loader import load_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"


def _text(page) -> str:
    # Justified lines come back with doubled spaces; compare on single spaces.
    return re.sub(r"\s+", " ", page.extract_text())


@pytest.fixture(scope="module")
def sample_engine(tmp_path_factory):
    if not (SAMPLE / "referrals.csv").is_file():
        pytest.skip("data/sample holds no sample data")
    folder = tmp_path_factory.mktemp("report-sample")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", f"sqlite:///{folder / 'hartnetwerk.db'}")
        patch.setenv("HARTNETWERK_DATA_DIR", str(folder))
        patch.setenv("HARTNETWERK_SALT", "report-test")
        settings.reset_settings_cache()
        database.get_engine.cache_clear()
        engine = database.get_engine()
        assert load_paths([SAMPLE], engine).ok
        yield engine
        engine.dispose()
        settings.reset_settings_cache()
        database.get_engine.cache_clear()


@pytest.fixture(scope="module")
def dutch_report(sample_engine):
    content = report.assemble(sample_engine, report.ReportOptions("NKU"))
    data, pages = pdf.render_document(content)
    return content, pypdf.PdfReader(io.BytesIO(data)), pages


def test_title_page_names_region_period_data_date_and_synthetic_data(dutch_report):
    content, reader, _ = dutch_report
    first = _text(reader.pages[0])
    assert "Regiorapport" in first
    assert "Regio Noordkust (synthetisch)" in first
    assert "Laatste 12 maanden (jan 2025 – dec 2025)" in first
    # Label and value are separate cells: the text layer may join them without a space.
    assert re.search(r"Gegevens tot en met ?31-12-2025", first)
    assert "SYNTHETISCHE VOORBEELDDATA" in first
    assert reader.metadata.title == "Regiorapport Regio Noordkust (synthetisch)"
    for number, title in enumerate(
        ["Quadruple Aim", "Spiegelinformatie: verwijzingen per praktijk",
         "Anderhalvelijn en e-consult", "Verbetercycli (PDCA)",
         "Maatschappelijk rendement (SROI)", "Methoden"], start=1):
        assert f"{number}. {title}" in first


def test_every_section_starts_a_page_in_order_with_a_bookmark(dutch_report):
    content, reader, pages = dutch_report
    assert len(reader.pages) == pages
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [title for title, _ in outline] == [s.title for s in content.sections]
    starts = [page for _, page in outline]
    assert starts[0] == 1 and starts == sorted(starts) and len(set(starts)) == len(starts)
    for (title, page), number in zip(outline, range(1, 7), strict=True):
        assert _text(reader.pages[page]).split("Synthetische voorbeelddata ", 1)[-1].startswith(
            f"{number}. {title}")


def test_every_page_has_the_footer_and_synthetic_header(dutch_report):
    _, reader, pages = dutch_report
    for number, page in enumerate(reader.pages, start=1):
        text = _text(page)
        assert f"pagina {number} van {pages}" in text
        assert "gegevens t/m 31-12-2025" in text
        if number > 1:
            assert text.startswith("Synthetische voorbeelddata")


def test_each_chart_is_an_image_with_its_title_and_reading_as_text(dutch_report):
    content, reader, _ = dutch_report
    figures = [figure for section in content.sections for figure in section.figures]
    assert len(figures) >= 10
    assert sum(len(page.images) for page in reader.pages) == len(figures)
    text = " ".join(_text(page) for page in reader.pages)
    for figure in figures:
        assert re.sub(r"\s+", " ", figure.title) in text
        assert re.sub(r"\s+", " ", figure.reading)[:60] in text


def test_numbers_are_in_dutch_format(dutch_report):
    _, reader, _ = dutch_report
    overview = _text(reader.pages[1])
    assert re.search(r"€ \d{1,3},\d\d", overview), overview  # cost per inhabitant
    assert re.search(r"\d,\d\d–\d,\d\d", overview)  # an interval with decimal commas
    assert not re.search(r"\d\.\d\d–", overview)


def test_english_report_with_chosen_sections(sample_engine):
    options = report.ReportOptions("HVO", "2024", ("sroi", "overview"), "en")
    content = report.assemble(sample_engine, options)
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(content)))
    assert [item.title for item in reader.outline] == [
        "Quadruple Aim", "Social return on investment (SROI)", "Methods"]
    first = _text(reader.pages[0])
    assert "Region report" in first and re.search(r"Data up to ?31 Dec 2025", first)
    assert re.search(r"Period ?2024", first)
    text = " ".join(_text(page) for page in reader.pages)
    assert "Methoden" not in text and "Every euro invested" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (report.ReportOptions("XXX"), "unknown region 'XXX'"),
        (report.ReportOptions("NKU", "1999"), "unknown period '1999'"),
        (report.ReportOptions("NKU", sections=("kosten",)), "unknown section"),
        (report.ReportOptions("NKU", lang="de"), "unknown language"),
    ],
)
def test_bad_choices_are_refused_with_a_reason(sample_engine, options, message):
    with pytest.raises(report.ReportError, match=re.escape(message)):
        report.assemble(sample_engine, options)


def test_cli_writes_a_report_and_lists_periods(sample_engine, tmp_path, capsys):
    out = tmp_path / "rapport.pdf"
    assert cli.main(["report", "--region", "PLD", "--sections", "overview", "--out", str(out),
                     "--time"]) == 0
    printed = capsys.readouterr().out
    assert f"{out}: 3 pages, 0 charts" in printed and "total" in printed
    reader = pypdf.PdfReader(out)
    assert [item.title for item in reader.outline] == ["Quadruple Aim", "Methoden"]
    assert cli.main(["periods", "--region", "PLD"]) == 0
    assert capsys.readouterr().out.split() == ["rolling12", "2025", "2024", "2023", "2022", "2021"]
    assert cli.main(["report", "--region", "NOPE"]) == 2
    assert "unknown region 'NOPE'" in capsys.readouterr().err


def test_cli_converts_a_vega_lite_file(tmp_path):
    spec = {"data": {"values": [{"a": 1, "b": 2}]}, "mark": "point", "title": "Proef",
            "autosize": {"type": "fit-x", "contains": "padding"},
            "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    source = tmp_path / "chart.vl.json"
    source.write_text(json.dumps(spec))
    assert cli.main(["image", str(source), "--out", str(tmp_path / "c.svg")]) == 0
    assert ">Proef</text>" in (tmp_path / "c.svg").read_text()
    assert cli.main(["image", str(source), "--out", str(tmp_path / "c.png"), "--width", "300",
                     "--scale", "1"]) == 0
    assert (tmp_path / "c.png").read_bytes()[16:20] == (300).to_bytes(4, "big")


def test_reading_on_the_hand_made_dataset(tiny_db):
    # Regio Noord, last 12 loaded months (dec 2024 - nov 2025): 634 referrals, all to
    # anderhalvelijn. Wilson lower limit for 634/634: 634 / (634 + 1.959964^2) = 0.99398.
    options = report.ReportOptions("NRD", "rolling12", ("anderhalvelijn",))
    reader = pypdf.PdfReader(io.BytesIO(report.build_report(tiny_db, options)))
    text = " ".join(_text(page) for page in reader.pages)
    assert ("In deze periode ging 100,0% van de cardiologische verwijzingen naar anderhalvelijn "
            "of e-consult (634 van 634; 95%-interval 99,4% tot 100,0%).") in text
    assert "SYNTHETISCH" not in text  # Regio Noord is not sample data


def test_small_counts_are_not_reported(tiny_db):
    # In 2024 Regio Noord sent 1 of its 601 referrals to e-consult: a count below 10.
    options = report.ReportOptions("NRD", "2024", ("anderhalvelijn",))
    content = report.assemble(tiny_db, options)
    text = " ".join([f.reading for s in content.sections for f in s.figures]
                    + [p for s in content.sections for p in s.paragraphs])
    # Both of its months go: the one with the e-consult, and the other as its companion (the
    # year's total would give the small month away).
    assert "Geen maanden om te tonen: alle aantallen in deze selectie zijn te klein" in text
    assert "1 van 601" not in text


def test_dutch_letters_survive_in_the_text_layer(dutch_report):
    _, reader, _ = dutch_report
    text = " ".join(_text(page) for page in reader.pages)
    assert "patiënten" in text and "enquêtes" in text and "€" in text


def test_without_dejavu_the_report_falls_back_to_helvetica(tiny_db, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIRS", ())
    monkeypatch.setenv("HARTNETWERK_PDF_FONT_DIR", str(tmp_path))  # a folder without the fonts
    options = report.ReportOptions("NRD", "rolling12", ("anderhalvelijn",))
    reader = pypdf.PdfReader(io.BytesIO(report.build_report(tiny_db, options)))
    text = " ".join(_text(page) for page in reader.pages)
    assert "Regio Noord" in text and "Gegevens: verwijzingen, consulten" in text
    assert "enquêtes" in text  # é and ê are in Latin-1; the euro sign would become "EUR"
