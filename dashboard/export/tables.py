"""A table as CSV or XLSX, the way a Dutch (or English) spreadsheet user expects it.

CSV is text, so numbers and dates are written in the reader's convention: Dutch files use
``;`` between fields, a decimal comma and ``31-12-2025``; English files use ``,``, a decimal
point and ISO dates. Both start with a byte-order mark so Excel reads UTF-8 ("patiënten").
XLSX keeps numbers and dates as numbers and dates with a number format per column, so they
can be summed and sorted; Excel shows the separators of the reader's own locale.

Formula injection (OWASP "CSV injection"): a text cell that starts with ``= + - @`` (or a tab
or carriage return) would be run as a formula by a spreadsheet, e.g. a practice name
``=HYPERLINK(...)`` from an uploaded file. CSV cells like that get a leading apostrophe; XLSX
cells are stored as text with Excel's quote prefix (what typing an apostrophe does), so the
value reads as written and is never evaluated. Plain numbers written as text ("-1,5") are left
alone: they cannot be formulas.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard import formatting, i18n

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number as text, possibly negative, with separators, euro sign, percent or an interval dash.
_PLAIN_NUMBER = re.compile(r"[+-]?(€\s?)?\d[\d.,\s–]*%?")


def neutralise(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text a spreadsheet would run as formula."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def is_formula_like(value: Any) -> bool:
    return neutralise(value) is not value


# ---- CSV -----------------------------------------------------------------------------------


def _is_datetime(value: Any) -> bool:
    return isinstance(value, datetime) and not (
        value.hour == value.minute == value.second == value.microsecond == 0
        and value.tzinfo is None
    )


def _date_text(value: Any, lang: str) -> Any:
    if formatting.is_missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if not isinstance(value, date):
        return value
    if _is_datetime(value):
        if lang == "nl":
            return formatting.format_datetime(value, "nl")
        if value.utcoffset() is not None:
            value = value.astimezone(formatting._dutch_time())
        return value.strftime("%Y-%m-%d %H:%M")
    day = value.date() if isinstance(value, datetime) else value
    return formatting.format_date(day, "nl") if lang == "nl" else day.isoformat()


def _cell_text(value: Any, lang: str) -> Any:
    """One value of an object column as CSV text (numbers with the language's decimal mark)."""
    if isinstance(value, bool | np.bool_):
        return i18n.translate("yes" if value else "no", lang)
    if isinstance(value, date | pd.Timestamp):
        return _date_text(value, lang)
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        text = repr(float(value))
        return text.replace(".", ",") if lang == "nl" else text
    if isinstance(value, str):
        return neutralise(value)
    return value


def csv_frame(frame: pd.DataFrame, lang: str = i18n.DEFAULT_LANGUAGE) -> pd.DataFrame:
    """``frame`` with dates, booleans and texts already written as the CSV should show them."""
    out = frame.copy()
    out.columns = [neutralise(str(column)) for column in frame.columns]
    for position, column in enumerate(frame.columns):
        series = frame[column]
        if pd.api.types.is_bool_dtype(series):
            converted = series.map(lambda v: _cell_text(bool(v), lang))
        elif pd.api.types.is_datetime64_any_dtype(series):
            converted = series.map(lambda v: _date_text(v, lang))
        elif pd.api.types.is_numeric_dtype(series):
            continue  # written by pandas with the language's decimal mark
        else:  # object or string columns: texts, dates, mixed counts such as "<10"
            converted = series.map(lambda v: _cell_text(v, lang)).astype(object)
        out.isetitem(position, converted)
    return out


def csv_bytes(frame: pd.DataFrame, lang: str = i18n.DEFAULT_LANGUAGE) -> bytes:
    """``frame`` as a CSV file for ``lang`` (see the module docstring)."""
    prepared = csv_frame(frame, lang)
    if lang == "nl":
        text = prepared.to_csv(index=False, sep=";", decimal=",")
    else:
        text = prepared.to_csv(index=False)
    return text.encode("utf-8-sig")


# ---- XLSX ----------------------------------------------------------------------------------

# Excel number formats per display kind of dashboard.ui (separators follow the reader's Excel).
_NUMBER_FORMATS: dict[str, dict[str, str]] = {
    "integer": {"nl": "#,##0", "en": "#,##0"},
    "count": {"nl": "#,##0", "en": "#,##0"},
    "decimal": {"nl": "#,##0.0", "en": "#,##0.0"},
    "decimal2": {"nl": "#,##0.00", "en": "#,##0.00"},
    "percent": {"nl": "0.0%", "en": "0.0%"},
    "euro": {"nl": '"€" #,##0.00;-"€" #,##0.00', "en": '"€"#,##0.00;-"€"#,##0.00'},
    "euro0": {"nl": '"€" #,##0;-"€" #,##0', "en": '"€"#,##0;-"€"#,##0'},
    "date": {"nl": "dd-mm-yyyy", "en": "d mmm yyyy"},
    "datetime": {"nl": "dd-mm-yyyy hh:mm", "en": "d mmm yyyy hh:mm"},
    "month": {"nl": "mmmm yyyy", "en": "mmmm yyyy"},
    "month_short": {"nl": "mmm yyyy", "en": "mmm yyyy"},
    "year": {"nl": "0", "en": "0"},
}


def number_format(kind: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str | None:
    """The Excel number format for a display kind ("percent", "euro", ...), None for text."""
    formats = _NUMBER_FORMATS.get(kind)
    return formats[lang] if formats else None


def guess_kind(series: pd.Series) -> str:
    """The display kind of a column from its dtype (or its first value for object columns)."""
    if pd.api.types.is_bool_dtype(series):
        return "yesno"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "decimal"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    sample = series.dropna()
    if not sample.empty:
        first = sample.iloc[0]
        if isinstance(first, datetime):
            return "datetime"
        if isinstance(first, date):
            return "date"
    return "text"


def _excel_value(value: Any, kind: str, lang: str) -> Any:
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float | np.floating) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if kind == "yesno" or isinstance(value, bool):
        return i18n.translate("yes" if value else "no", lang)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Excel has no time zones; the networks read Dutch time.
        value = value.astimezone(formatting._dutch_time()).replace(tzinfo=None)
    if kind == "year" and isinstance(value, int | float):
        return int(value)
    return value


def _write_sheet(sheet, frame: pd.DataFrame, kinds: Mapping[str, str], lang: str) -> None:
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="E8EEF4")
    for col, column in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=col, value=str(column))
        _as_text_if_formula(cell)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, column in enumerate(frame.columns, start=1):
        kind = kinds.get(column) or guess_kind(frame[column])
        fmt = number_format(kind, lang)
        longest = len(str(column))
        for row, value in enumerate(frame[column].tolist(), start=2):
            cell = sheet.cell(row=row, column=col, value=_excel_value(value, kind, lang))
            if isinstance(cell.value, str):
                _as_text_if_formula(cell)
            elif fmt and cell.value is not None:
                cell.number_format = fmt
            if row <= 200:
                longest = max(longest, len(formatting.MISSING if cell.value is None
                                           else str(cell.value)))
        sheet.column_dimensions[get_column_letter(col)].width = min(60, max(8, longest + 2))
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = (
            f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"
        )


def _as_text_if_formula(cell) -> None:
    # openpyxl stores a string starting with "=" as a formula; force text and mark it the way
    # Excel marks a typed leading apostrophe, so editing the cell does not revive the formula.
    if isinstance(cell.value, str) and is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _sheet_title(name: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Blad"
    base, number = title, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title


def xlsx_workbook_bytes(
    sheets: Mapping[str, tuple[pd.DataFrame, Mapping[str, str]] | pd.DataFrame],
    lang: str = i18n.DEFAULT_LANGUAGE,
) -> bytes:
    """A workbook with one sheet per entry: name -> frame or (frame, {column: display kind}).

    Display kinds are those of ``dashboard.ui`` ("integer", "percent", "euro", "date", ...;
    guessed from the dtype when absent). Column names are written as given (translate them
    first).
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, entry in sheets.items():
        frame, kinds = entry if isinstance(entry, tuple) else (entry, {})
        sheet = workbook.create_sheet(_sheet_title(str(name), used))
        _write_sheet(sheet, frame, kinds, lang)
    if not workbook.sheetnames:
        workbook.create_sheet("Blad")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(
    frame: pd.DataFrame,
    kinds: Mapping[str, str] | None = None,
    lang: str = i18n.DEFAULT_LANGUAGE,
    sheet_name: str | None = None,
) -> bytes:
    """``frame`` as a one-sheet XLSX workbook (see :func:`xlsx_workbook_bytes`)."""
    name = sheet_name or i18n.translate("export.sheet_data", lang)
    return xlsx_workbook_bytes({name: (frame, dict(kinds or {}))}, lang)
