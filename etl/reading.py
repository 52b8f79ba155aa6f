"""Reading CSV and XLSX files into a frame of text cells, remembering each row's line number.

Everything is read as text first so that every conversion problem can be reported with its
line and column, instead of a reader guessing types and failing on the first odd cell.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

ENCODINGS = ("utf-8", "cp1252")


class ReadError(Exception):
    """The file cannot be read at all (unknown format, no header, broken CSV)."""


@dataclass
class RawTable:
    file_name: str
    frame: pd.DataFrame  # text cells, columns as in the file (stripped)
    line_numbers: pd.Series  # physical line (CSV) or sheet row (XLSX) per row
    encoding: str
    delimiter: str


def read_file(path: Path) -> RawTable:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ReadError(f"unsupported file type {suffix!r}; use .csv or .xlsx")


def _detect_encoding(head: bytes) -> str:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A cut multi-byte sequence at the very end of the sample is still UTF-8.
        if error.start < len(head) - 4:
            return "cp1252"
    return "utf-8"


def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        encoding = "utf-8"
    else:
        encoding = _detect_encoding(data)
    if encoding == "utf-8":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1252"

    lines = data.split(b"\n", 200)
    comment_lines = 0
    for line in lines:
        if line.lstrip().startswith(b"#") or not line.strip():
            comment_lines += 1
        else:
            break
    if comment_lines >= len(lines):
        raise ReadError("the file has no header line")
    header = lines[comment_lines].decode(encoding, errors="replace")
    delimiter = ";" if header.count(";") > header.count(",") else ","

    if encoding != "utf-8":
        data = data.decode(encoding).encode("utf-8")
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(skip_rows=comment_lines, autogenerate_column_names=False,
                                           column_names=None, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types=_all_text(header, delimiter),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        raise ReadError(_explain_arrow_error(str(error), comment_lines)) from None

    frame = table.to_pandas(types_mapper=lambda _type: pd.StringDtype("pyarrow"))
    frame.columns = [str(c).strip() for c in frame.columns]
    # Header is on line comment_lines + 1; the first data row on the line after it.
    first_data_line = comment_lines + 2
    lines_series = pd.Series(
        range(first_data_line, first_data_line + len(frame)), index=frame.index
    )
    return RawTable(path.name, frame, lines_series, encoding, delimiter)


def _all_text(header: str, delimiter: str) -> dict[str, pa.DataType]:
    names = [name.strip().strip('"') for name in header.rstrip("\r").split(delimiter)]
    # Columns are addressed by their raw header text, surrounding spaces included.
    raw = [name.strip('"') for name in header.rstrip("\r").split(delimiter)]
    return {name: pa.string() for name in set(names) | set(raw)}


def _explain_arrow_error(message: str, comment_lines: int) -> str:
    # Arrow counts rows from the header; turn its wording into the file's own line number.
    import re

    match = re.search(r"Row #(\d+)", message)
    detail = message.split(":", 1)[-1].strip()
    if match:
        line = int(match.group(1)) + comment_lines
        return f"line {line}: cannot read this line as CSV ({detail})"
    return f"cannot read the file as CSV ({detail})"


def _read_xlsx(path: Path) -> RawTable:
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, engine="openpyxl",
                              keep_default_na=False)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise ReadError(f"cannot read the workbook ({error})") from None
    frame = frame.astype(pd.StringDtype("pyarrow"))
    frame.columns = [str(c).strip() for c in frame.columns]
    lines = pd.Series(range(2, 2 + len(frame)), index=frame.index)
    return RawTable(path.name, frame, lines, "xlsx", "")
