"""CSV and XLSX exports: opened again and checked cell by cell, injection strings defused."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import openpyxl
import pandas as pd
import pytest

from dashboard.export import tables

INJECTIONS = ["=HYPERLINK(\"http://x\",\"klik\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_like_text_gets_an_apostrophe(text):
    assert tables.neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Praktijk A", "<10", "-1,5", "+12", "-€ 1.234,50", "12,3–15,0",
                                  "", "a=b"])
def test_ordinary_text_and_numbers_as_text_stay_as_they_are(text):
    assert tables.neutralise(text) == text


def test_non_text_is_left_alone():
    assert tables.neutralise(-3) == -3
    assert tables.neutralise(None) is None


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Praktijk": ["Praktijk A", "=HYPERLINK(\"http://x\",\"klik\")"],
            "Aandeel": [0.1234, None],
            "Kosten": [1234.5, -20.0],
            "Verwijzingen": [1234, 5],
            "Aantal": [12, "<10"],
            "Datum": [date(2025, 12, 31), date(2025, 1, 2)],
            "Geladen": [datetime(2025, 12, 2, 8, 5, tzinfo=UTC),
                        datetime(2025, 7, 1, 22, 30, tzinfo=UTC)],
            "Synthetisch": [True, False],
        }
    )


def test_dutch_csv_uses_semicolons_decimal_commas_and_dutch_dates():
    text = tables.csv_bytes(frame(), "nl").decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0] == "Praktijk;Aandeel;Kosten;Verwijzingen;Aantal;Datum;Geladen;Synthetisch"
    # 08:05 UTC in December is 09:05 in Amsterdam (CET), 22:30 UTC in July 00:30 (CEST).
    assert lines[1] == "Praktijk A;0,1234;1234,5;1234;12;31-12-2025;02-12-2025 09:05;ja"
    assert lines[2] == (
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";;-20,0;5;<10;02-01-2025;"
        "02-07-2025 00:30;nee"
    )


def test_english_csv_uses_commas_points_and_iso_dates():
    text = tables.csv_bytes(frame(), "en").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[1] == "Praktijk A,0.1234,1234.5,1234,12,2025-12-31,2025-12-02 09:05,yes"
    assert lines[2].startswith("\"'=HYPERLINK(")


def test_csv_header_is_neutralised_too():
    text = tables.csv_bytes(pd.DataFrame({"=cmd": [1]}), "nl").decode("utf-8-sig")
    assert text.splitlines()[0] == "'=cmd"


def test_xlsx_has_columns_values_number_formats_and_defused_formulas():
    kinds = {"Aandeel": "percent", "Kosten": "euro", "Verwijzingen": "integer",
             "Aantal": "count", "Datum": "date", "Geladen": "datetime",
             "Synthetisch": "yesno"}
    data = tables.xlsx_bytes(frame(), kinds, "nl", sheet_name="Spiegel")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Spiegel"]
    sheet = book["Spiegel"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(frame().columns)
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert row["Praktijk"].value == "Praktijk A"
    assert row["Aandeel"].value == pytest.approx(0.1234)
    assert row["Aandeel"].number_format == "0.0%"
    assert row["Kosten"].value == pytest.approx(1234.5)
    assert row["Kosten"].number_format.startswith('"€" #,##0.00')
    assert row["Verwijzingen"].value == 1234 and row["Verwijzingen"].number_format == "#,##0"
    assert row["Datum"].value == datetime(2025, 12, 31)
    assert row["Datum"].number_format == "dd-mm-yyyy"
    assert row["Geladen"].value == datetime(2025, 12, 2, 9, 5)  # Dutch time, no zone
    assert row["Synthetisch"].value == "ja"
    second = {name: cell for name, cell in zip(header, sheet[3], strict=True)}
    injected = second["Praktijk"]
    # Stored as text with Excel's quote prefix: shown as written, never evaluated.
    assert injected.value == "=HYPERLINK(\"http://x\",\"klik\")"
    assert injected.data_type == "s"
    assert injected.quotePrefix
    assert second["Aandeel"].value is None
    assert second["Aantal"].value == "<10"
    assert second["Kosten"].value == pytest.approx(-20.0)
    assert sheet.freeze_panes == "A2"


def test_xlsx_injection_in_header_and_workbook_of_several_sheets():
    data = tables.xlsx_workbook_bytes(
        {"Een": pd.DataFrame({"=1+1": [1]}), "Een": pd.DataFrame({"b": ["@x"]}),  # noqa: F601
         "Twee/drie": (pd.DataFrame({"c": [0.5]}), {"c": "percent"})},
        "en",
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Een", "Twee drie"]
    assert book["Een"]["A2"].value == "@x" and book["Een"]["A2"].data_type == "s"
    assert book["Twee drie"]["A2"].number_format == "0.0%"
