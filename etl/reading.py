"""Reading CSV and XLSX files into frames of text cells, remembering each row's line number.

Everything is read as text first so that every conversion problem can be reported with its
line and column, instead of a reader guessing types and failing on the first odd cell.

CSV files are streamed in batches of rows (``iter_batches``): Arrow's streaming CSV reader
parses one block while the loader validates and writes the previous batch, so a national file
never has to fit in memory. Each batch knows the physical line of each of its rows.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

ENCODINGS = ("utf-8", "cp1252")
# Rows per batch: large enough that per-batch overhead vanishes, small enough that a batch
# (text, typed and database form) stays at some tens of megabytes.
BATCH_ROWS = 250_000
_BLOCK_BYTES = 1 << 23
_HEAD_BYTES = 1 << 20


class ReadError(Exception):
    """The file cannot be read at all (unknown format, no header, broken CSV)."""


@dataclass
class RawTable:
    file_name: str
    frame: pd.DataFrame  # text cells, columns as in the file (stripped)
    line_numbers: pd.Series  # physical line (CSV) or sheet row (XLSX) per row
    encoding: str
    delimiter: str
    header_line: int = 1  # physical line of the header (problems with a column name)


def read_file(path: Path) -> RawTable:
    """The whole file as one table (small files, tests); the loader streams ``iter_batches``."""
    batches = list(iter_batches(path, batch_rows=None))
    if len(batches) == 1:
        return batches[0]
    first = batches[0]
    return RawTable(first.file_name, pd.concat([b.frame for b in batches]),
                    pd.concat([b.line_numbers for b in batches]), first.encoding,
                    first.delimiter, first.header_line)


def iter_batches(path: Path, batch_rows: int | None = BATCH_ROWS) -> Iterator[RawTable]:
    """The file in batches of at most ``batch_rows`` rows (``None``: one batch).

    Rows are indexed by their position in the file (0, 1, ... across batches), so a row keeps
    its index whatever batch it is in. A file with a header and no rows is one empty batch.
    Raises ``ReadError`` when the file cannot be read, possibly after earlier batches.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        yield from _iter_csv(path, batch_rows)
    else:
        raise ReadError(f"unsupported file type {suffix!r}; use .csv or .xlsx")


def _detect_encoding(head: bytes) -> str:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A cut multi-byte sequence at the very end of the sample is still UTF-8.
        if error.start < len(head) - 4:
            return "cp1252"
    return "utf-8"


def _is_utf8(path: Path, skip: int) -> bool:
    """The whole file decodes as UTF-8 (checked in blocks, never held in memory)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        handle.seek(skip)
        try:
            for block in iter(lambda: handle.read(1 << 24), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _iter_csv(path: Path, batch_rows: int | None) -> Iterator[RawTable]:
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    bom = head.startswith(b"\xef\xbb\xbf")
    if bom:
        head = head[3:]
        encoding = "utf-8"
    else:
        encoding = _detect_encoding(head)
        if encoding == "utf-8" and not _is_utf8(path, 0):
            encoding = "cp1252"

    lines = head.split(b"\n", 200)
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

    try:
        # Arrow skips a UTF-8 byte-order mark itself and transcodes cp1252 while it streams.
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(
                skip_rows=comment_lines, block_size=_BLOCK_BYTES,
                encoding="utf8" if encoding == "utf-8" else encoding),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types=_all_text(header, delimiter),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        raise ReadError(_explain_arrow_error(str(error), comment_lines)) from None

    # Header is on line comment_lines + 1; the first data row on the line after it.
    header_line = comment_lines + 1
    columns = [str(c).strip() for c in reader.schema.names]
    done = 0
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    exhausted = False
    while not exhausted:
        try:
            batch = reader.read_next_batch()
            pending.append(batch)
            pending_rows += batch.num_rows
        except StopIteration:
            exhausted = True
        except pa.ArrowInvalid as error:
            raise ReadError(_explain_arrow_error(str(error), comment_lines)) from None
        while pending_rows and (exhausted or (batch_rows and pending_rows >= batch_rows)):
            table = pa.Table.from_batches(pending, schema=reader.schema)
            take = pending_rows if not batch_rows else min(batch_rows, pending_rows)
            yield _raw_batch(path.name, table.slice(0, take), columns, done, header_line,
                             encoding, delimiter)
            done += take
            rest = table.slice(take)
            pending = rest.to_batches() if rest.num_rows else []
            pending_rows = rest.num_rows
    if done == 0:
        yield _raw_batch(path.name, reader.schema.empty_table(), columns, 0, header_line,
                         encoding, delimiter)


def _raw_batch(file_name: str, table: pa.Table, columns: list[str], start: int,
               header_line: int, encoding: str, delimiter: str) -> RawTable:
    frame = table.to_pandas(types_mapper=lambda _type: pd.StringDtype("pyarrow"))
    frame.columns = columns
    index = pd.RangeIndex(start, start + len(frame))
    frame.index = index
    first_data_line = header_line + 1 + start
    lines = pd.Series(range(first_data_line, first_data_line + len(frame)), index=index)
    return RawTable(file_name, frame, lines, encoding, delimiter, header_line)


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
