"""Turning a raw text table into typed, checked rows, collecting every problem at once.

Conversion (dates, decimal commas, code aliases) is vectorised pandas; the rules on the
converted values (ranges, dates in the future, referential integrity, duplicate keys) are a
pandera schema validated lazily, so all failures come back together with their row index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from dashboard import codes
from etl.privacy import bsn_like, is_personal_column_name
from etl.problems import ProblemList
from etl.reading import RawTable
from etl.tables import ColumnSpec, TableSpec, normalise_name

TRUE_WORDS = ("ja", "j", "yes", "y", "true", "waar", "1", "wel")
FALSE_WORDS = ("nee", "n", "no", "false", "onwaar", "0", "niet")


@dataclass
class References:
    """What other tables hold: the database's content plus files earlier in the same load."""

    regions: set[str] = field(default_factory=set)
    practice_region: dict[str, str] = field(default_factory=dict)
    # hashed referral id -> (region, referral date); filled per consult file on demand
    referral_lookup: object | None = None
    referrals_in_load: pd.DataFrame | None = None


@dataclass
class ParsedTable:
    spec: TableSpec
    raw: RawTable
    frame: pd.DataFrame  # canonical column names, typed values
    problems: ProblemList
    header_names: dict[str, str]  # canonical -> name as written in the file

    @property
    def ok(self) -> bool:
        return not self.problems


def parse(raw: RawTable, spec: TableSpec, today: date | None = None) -> ParsedTable:
    today = today or date.today()
    problems = ProblemList(raw.file_name, raw.line_numbers)
    header_line = int(raw.line_numbers.iloc[0]) - 1 if len(raw.line_numbers) else 1
    header_names = _match_columns(raw, spec, problems, header_line)
    _privacy_screen(raw, spec, header_names, problems)
    frame = pd.DataFrame(index=raw.frame.index)
    if problems:
        return ParsedTable(spec, raw, frame, problems, header_names)
    for column in spec.columns:
        if column.name not in header_names:
            frame[column.name] = pd.Series(pd.NA, index=raw.frame.index, dtype="object")
            continue
        source = raw.frame[header_names[column.name]].str.strip()
        shown = header_names[column.name]
        frame[column.name] = _convert(source, column, shown, problems, raw.delimiter)
    _check_rules(frame, spec, header_names, problems, today)
    return ParsedTable(spec, raw, frame, problems, header_names)


def _match_columns(raw: RawTable, spec: TableSpec, problems: ProblemList,
                   header_line: int) -> dict[str, str]:
    by_normalised: dict[str, list[str]] = {}
    for original in raw.frame.columns:
        by_normalised.setdefault(normalise_name(original), []).append(original)
    found: dict[str, str] = {}
    for column in spec.columns:
        names = list(dict.fromkeys(normalise_name(n) for n in (column.name, *column.aliases)))
        present = [original for n in names for original in by_normalised.get(n, [])]
        if len(present) > 1:
            problems.add(
                f"column given more than once ({', '.join(present)}); keep one",
                line=header_line, column=present[1],
            )
        elif present:
            found[column.name] = present[0]
        elif column.required:
            aliases = ", ".join(column.aliases)
            also = f" (also accepted: {aliases})" if aliases else ""
            problems.add(f"required column is missing{also}", line=header_line,
                         column=column.name)
    return found


def _privacy_screen(raw: RawTable, spec: TableSpec, header_names: dict[str, str],
                    problems: ProblemList) -> None:
    header_line = int(raw.line_numbers.iloc[0]) - 1 if len(raw.line_numbers) else 1
    allowed = {normalise_name(n) for n in spec.allowed_personal_names}
    for original in raw.frame.columns:
        normalised = normalise_name(original)
        if normalised not in allowed and is_personal_column_name(normalised):
            problems.add(
                "refused: this column looks like personal data (name, address, birth date or "
                "BSN); remove it, the dashboard stores pseudonymised data only",
                line=header_line, column=original,
            )
    for original in raw.frame.columns:
        suspicious = bsn_like(raw.frame[original])
        if suspicious.any():
            count = int(suspicious.sum())
            first = suspicious[suspicious].index[0]
            problems.add(
                f"refused: {count} value(s) in this column look like a BSN (9 digits passing "
                "the 11-check); the file may not contain citizen service numbers",
                line=int(raw.line_numbers.loc[first]), column=original,
            )


def _convert(values: pd.Series, column: ColumnSpec, shown: str, problems: ProblemList,
             delimiter: str) -> pd.Series:
    """Typed values of one column; every unreadable cell becomes a problem naming its value.

    Columns of codes, dates, yes/no and numbers repeat a few distinct values over millions of
    rows, so each distinct text is converted once and spread back (``_per_distinct``); only
    free text (identifiers) is handled cell by cell, in Arrow.
    """
    values = values.astype("string[pyarrow]")
    empty = (values.isna() | (values == "")).to_numpy(dtype=bool, na_value=True)
    empty = pd.Series(empty, index=values.index)
    if column.required:
        problems.add_rows(empty, shown, "required value is empty")
    kind = column.kind
    if kind == "text":
        return values.where(~empty)
    converters = {
        "int": lambda d: _parse_number(d, integer=True, dutch=delimiter == ";"),
        "number": lambda d: _parse_number(d, integer=False, dutch=delimiter == ";"),
        "date": _parse_date,
        "bool": _parse_bool,
        "code": lambda d: _parse_code(d, column.vocabulary or {}),
        "icpc": _parse_icpc,
    }
    if kind not in converters:
        raise ValueError(f"unknown column kind {kind!r}")
    parsed = _per_distinct(values.where(~empty), converters[kind])
    bad = parsed.isna().to_numpy(dtype=bool) & ~empty.to_numpy()
    bad = pd.Series(bad, index=values.index)
    if not bad.any():
        return parsed
    quoted = "'" + values[bad].astype(str) + "'"
    if kind in ("int", "number"):
        problems.add_rows(bad, shown, quoted + " is not "
                          + ("a whole number" if kind == "int" else "a number"))
    elif kind == "date":
        problems.add_rows(bad, shown, quoted + " is not a date; write 31-12-2025 or 2025-12-31")
    elif kind == "bool":
        problems.add_rows(bad, shown, quoted + " is not yes/no; write ja or nee")
    elif kind == "code":
        allowed = ", ".join(column.vocabulary or {})
        problems.add_rows(bad, shown, quoted + f" is not a known code; allowed: {allowed}")
    else:
        problems.add_rows(bad, shown, quoted + " is not a cardiovascular ICPC code (K01-K99)")
    return parsed


def _per_distinct(values: pd.Series, convert) -> pd.Series:
    """``convert`` applied to the distinct values only, spread back to every row."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    converted = convert(pd.Series(np.asarray(distinct, dtype=object), dtype="string"))
    converted = converted.reset_index(drop=True)
    # Missing cells have code -1, which picks the appended missing value.
    padded = pd.concat([converted, pd.Series([pd.NA], dtype=converted.dtype)],
                       ignore_index=True)
    result = padded.iloc[codes] if len(codes) else padded.iloc[:0]
    return pd.Series(result.to_numpy(), index=values.index, dtype=converted.dtype)


def _parse_bool(distinct: pd.Series) -> pd.Series:
    lowered = distinct.str.lower()
    parsed = pd.Series(pd.NA, index=distinct.index, dtype="boolean")
    parsed[lowered.isin(TRUE_WORDS).fillna(False).astype(bool)] = True
    parsed[lowered.isin(FALSE_WORDS).fillna(False).astype(bool)] = False
    return parsed


def _parse_code(distinct: pd.Series, vocabulary: dict) -> pd.Series:
    mapping = codes.alias_map(vocabulary)
    return distinct.str.lower().map(mapping).astype("object")


def _parse_icpc(distinct: pd.Series) -> pd.Series:
    upper = distinct.str.upper().str.replace(".", "", regex=False)
    known = upper.isin(sorted(codes.KNOWN_ICPC)).fillna(False).astype(bool)
    return upper.where(known, None).astype("object")


def _parse_number(distinct: pd.Series, *, integer: bool, dutch: bool) -> pd.Series:
    text = distinct.str.replace(r"[\s\u00a0€]", "", regex=True)
    uses_comma = bool(text.str.contains(",", regex=False).fillna(False).any())
    if uses_comma or (integer and dutch):
        # Decimal comma: dots group thousands (1.234,50).
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text.astype("object"), errors="coerce").astype("Float64")
    if not integer:
        return parsed
    whole = parsed.notna() & (parsed == np.floor(parsed.fillna(0)))
    return parsed.where(whole).astype("Int64")


def _parse_date(values: pd.Series) -> pd.Series:
    text = values.astype("object")
    result = pd.to_datetime(text, format="%d-%m-%Y", errors="coerce")
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y"):
        missing = result.isna()
        if not missing.any():
            break
        result = result.where(~missing, pd.to_datetime(text, format=fmt, errors="coerce"))
    return result


def _check_rules(frame: pd.DataFrame, spec: TableSpec, header_names: dict[str, str],
                 problems: ProblemList, today: date) -> None:
    columns: dict[str, pa.Column] = {}
    for column in spec.columns:
        if column.name not in header_names:
            continue
        checks = []
        if column.minimum is not None:
            checks.append(pa.Check.ge(column.minimum, error=f"must be at least "
                                      f"{_num(column.minimum)}"))
        if column.maximum is not None:
            checks.append(pa.Check.le(column.maximum, error=f"must be at most "
                                      f"{_num(column.maximum)}"))
        if column.name == "year":
            checks.append(pa.Check.le(today.year, error=f"year lies in the future (after "
                                      f"{today.year})"))
        if column.kind == "date":
            checks.append(pa.Check.le(pd.Timestamp(today), error="date lies in the future "
                                      f"(after {today:%d-%m-%Y})"))
        columns[column.name] = pa.Column(checks=checks, nullable=True, coerce=False)
    schema_checks = []
    if {"inhabitants", "inhabitants_18plus"} <= set(header_names):
        schema_checks.append(pa.Check(
            lambda df: (df["inhabitants_18plus"] <= df["inhabitants"]).fillna(True),
            error="inhabitants_18plus: cannot exceed inhabitants",
        ))
    schema = pa.DataFrameSchema(
        columns,
        checks=schema_checks,
        unique=list(spec.key) if set(spec.key) <= set(header_names) else None,
        report_duplicates="all",
    )
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        _report_failures(errors.failure_cases, frame, spec, header_names, problems)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _report_failures(failures: pd.DataFrame, frame: pd.DataFrame, spec: TableSpec,
                     header_names: dict[str, str], problems: ProblemList) -> None:
    failures = failures[failures["index"].notna()]
    duplicates = failures[failures["check"].astype(str).str.contains("uniqueness")]
    if len(duplicates):
        _report_duplicates(frame, spec, header_names, problems)
    for row in failures.drop(duplicates.index).itertuples():
        check = str(row.check)
        column = str(row.column)
        if row.schema_context == "DataFrameSchema":
            # A check across columns names its column in the message ("col: reason"); pandera
            # reports the row once per column, so keep only the named one.
            named, _, reason = check.partition(": ")
            if column != named:
                continue
            check = reason
        value = row.failure_case
        shown = header_names.get(column, column)
        lines = problems.lines_of([int(row.index)])
        text = check if value is None or pd.isna(value) else f"{_show(value)}: {check}"
        problems.add(text, line=lines[0], column=shown)


def _report_duplicates(frame: pd.DataFrame, spec: TableSpec, header_names: dict[str, str],
                       problems: ProblemList) -> None:
    key = list(spec.key)
    duplicated = frame.duplicated(key, keep="first")
    if not duplicated.any():
        return
    lines = problems.line_numbers
    first_line = lines.groupby([frame[k] for k in key], dropna=False).transform("min")
    reasons = (
        "duplicate key (" + ", ".join(key) + ") "
        + frame[key].astype(str).agg(" / ".join, axis=1).map(repr)
        + ", first on line " + first_line.astype(str)
    )
    problems.add_rows(duplicated, header_names.get(key[0], key[0]), reasons)


def _show(value) -> str:
    if isinstance(value, pd.Timestamp):
        return f"'{value:%d-%m-%Y}'"
    if isinstance(value, float) and value.is_integer():
        return f"'{int(value)}'"
    return f"'{value}'"


def check_known(parsed: ParsedTable, column: str, known: set[str], what: str) -> None:
    """Referential integrity: every value of ``column`` must be among ``known``."""
    if column not in parsed.frame or not len(parsed.frame):
        return
    values = parsed.frame[column]
    schema = pa.DataFrameSchema({column: pa.Column(
        checks=pa.Check.isin(sorted(known), error=f"unknown {what}; load or list it first"),
        nullable=True,
    )})
    try:
        schema.validate(parsed.frame[[column]], lazy=True)
    except SchemaErrors as errors:
        shown = parsed.header_names.get(column, column)
        for row in errors.failure_cases.itertuples():
            if row.index is None or pd.isna(row.index):
                continue
            line = parsed.problems.lines_of([int(row.index)])[0]
            parsed.problems.add(f"{_show(row.failure_case)}: {row.check}", line=line,
                                column=shown)
    del values
