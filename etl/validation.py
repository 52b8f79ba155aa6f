"""Turning raw text batches into typed, checked rows, collecting every problem at once.

Conversion (dates, decimal commas, code aliases) is vectorised pandas on each batch; the rules
on the converted values (ranges, dates in the future, referential integrity) are vectorised
masks, one problem per failing cell. A file arrives in batches (``etl.reading.iter_batches``);
``FileCheck`` carries what spans the batches: the header, the BSN screen's counts and the keys
seen so far, so a key repeated in batch 1 and batch 7 is reported exactly as in one piece.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from dashboard import codes
from etl.privacy import bsn_like, is_personal_column_name
from etl.problems import Problem, ProblemList
from etl.reading import RawTable
from etl.tables import ColumnSpec, TableSpec, normalise_name

TRUE_WORDS = ("ja", "j", "yes", "y", "true", "waar", "1", "wel")
FALSE_WORDS = ("nee", "n", "no", "false", "onwaar", "0", "niet")


@dataclass
class ParsedTable:
    spec: TableSpec
    raw: RawTable
    frame: pd.DataFrame  # canonical column names, typed values (no columns: refused)
    problems: ProblemList  # of this batch
    header_names: dict[str, str]  # canonical -> name as written in the file
    refused: bool = False  # the file is refused as a whole (header, personal data)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.refused


def hash_keys(frame: pd.DataFrame, spec: TableSpec) -> np.ndarray:
    """A 64-bit hash of each row's key (equal keys, equal hashes; NA equals NA)."""
    return pd.util.hash_pandas_object(frame[list(spec.key)], index=False).to_numpy().view(
        np.int64)


class KeySet:
    """The key hashes seen so far in a file, sorted, to find a repeated key on arrival."""

    def __init__(self) -> None:
        self._seen = np.empty(0, dtype=np.int64)
        self.repeated = np.empty(0, dtype=np.int64)

    def add(self, hashes: np.ndarray) -> bool:
        """Add a batch's hashes; True when one of them was seen before (or twice in it)."""
        batch = np.sort(np.asarray(hashes, dtype=np.int64))
        within = batch[1:][batch[1:] == batch[:-1]]
        if len(self._seen) and len(batch):
            position = np.minimum(np.searchsorted(self._seen, batch), len(self._seen) - 1)
            earlier = batch[self._seen[position] == batch]
        else:
            earlier = batch[:0]
        found = np.concatenate([within, earlier])
        if len(found):
            self.repeated = np.union1d(self.repeated, found)
        # Two sorted runs: the stable (merge) sort joins them in linear time.
        self._seen = np.sort(np.concatenate([self._seen, batch]), kind="stable")
        return bool(len(found))


@dataclass
class FileCheck:
    """What the batches of one file share, and the problems found so far."""

    spec: TableSpec
    file_name: str
    today: date
    header_names: dict[str, str] | None = None
    header_problems: list[Problem] = field(default_factory=list)
    row_problems: list[Problem] = field(default_factory=list)
    bsn: dict[str, list[int]] = field(default_factory=dict)  # column -> [count, first line]
    keys: KeySet = field(default_factory=KeySet)
    # Hash of each row's key; the loader hashes a pseudonymised key with the pseudonym itself.
    key_hash: Callable[[pd.DataFrame], np.ndarray] | None = None
    rows: int = 0

    @property
    def refused(self) -> bool:
        """Refused on its header or on personal data: no value is converted or written."""
        return bool(self.header_problems) or bool(self.bsn)

    @property
    def ok(self) -> bool:
        return not (self.header_problems or self.bsn or self.row_problems or
                    len(self.keys.repeated))

    def add(self, problems: Iterable[Problem]) -> None:
        self.row_problems.extend(problems)

    def track_keys(self, parsed: ParsedTable, hashes: np.ndarray | None = None) -> bool:
        """Remember the batch's keys; True when a key repeats (the file will be refused)."""
        if not len(parsed.frame.columns) or not set(self.spec.key) <= set(parsed.header_names):
            return False
        if hashes is None:
            hashes = (self.key_hash or (lambda f: hash_keys(f, self.spec)))(parsed.frame)
        return self.keys.add(hashes)

    def problems(self, batches: Callable[[], Iterable[ParsedTable]] | None = None
                 ) -> list[Problem]:
        """Every problem of the file, in line order, as if it had been checked in one piece.

        A repeated key is known only by its hash; ``batches`` reads the file again so the
        rows with a repeated hash can be named with their values and lines.
        """
        found = ProblemList(self.file_name)
        if self.refused:
            found.extend(self.header_problems)
            for column, (count, line) in self.bsn.items():
                found.add(
                    f"refused: {count} value(s) in this column look like a BSN (9 digits passing "
                    "the 11-check); the file may not contain citizen service numbers",
                    line=line, column=column,
                )
            return list(found)
        found.extend(self.row_problems)
        if len(self.keys.repeated) and batches is not None:
            found.extend(self._duplicates(batches()))
        return list(found)

    def _duplicates(self, batches: Iterable[ParsedTable]) -> list[Problem]:
        key = list(self.spec.key)
        frames, lines = [], []
        for parsed in batches:
            hashes = (self.key_hash or (lambda f: hash_keys(f, self.spec)))(parsed.frame)
            hit = np.isin(hashes, self.keys.repeated)
            frames.append(parsed.frame.loc[hit, key].assign(_hash=hashes[hit]))
            lines.append(parsed.raw.line_numbers[hit])
        frame = pd.concat(frames)
        problems = ProblemList(self.file_name, pd.concat(lines))
        header_names = self.header_names or {}
        if frame.duplicated(key).any():
            _report_duplicates(frame[key], self.spec, header_names, problems)
        elif frame["_hash"].duplicated().any() and self.key_hash is not None:
            # Distinct source ids with the same 64-bit hash are astronomically rare, but a
            # silent merge of two referrals would be worse than refusing the file.
            problems.add(f"two different {key[0]} values share a pseudonym; "
                         "change the salt or report this", column=key[0])
        return list(problems)


def parse(raw: RawTable, spec: TableSpec, today: date | None = None,
          check: FileCheck | None = None) -> ParsedTable:
    """One batch of a file (or a whole file) converted and checked.

    ``check`` carries the file's state across batches; without it the batch is the whole file
    and its duplicate keys are reported here.
    """
    whole = check is None
    if check is None:
        check = FileCheck(spec, raw.file_name, today or date.today())
    problems = ProblemList(raw.file_name, raw.line_numbers)
    first = check.header_names is None
    if first:
        header = ProblemList(raw.file_name)
        check.header_names = _match_columns(raw, spec, header, raw.header_line)
        _privacy_names(raw, spec, header, raw.header_line)
        check.header_problems.extend(header)
    header_names = check.header_names
    _privacy_values(raw, check)
    frame = pd.DataFrame(index=raw.frame.index)
    if check.refused:
        # Refused as a whole: the problems are the header's and the BSN screen's, reported
        # once for the file by ``FileCheck.problems``; the values are not even converted.
        if whole:
            problems.extend(check.problems())
        return ParsedTable(spec, raw, frame, problems, header_names, refused=True)
    for column in spec.columns:
        if column.name not in header_names:
            frame[column.name] = pd.Series(pd.NA, index=raw.frame.index, dtype="object")
            continue
        source = raw.frame[header_names[column.name]].str.strip()
        shown = header_names[column.name]
        frame[column.name] = _convert(source, column, shown, problems, raw.delimiter)
    _check_rules(frame, spec, header_names, problems, check.today)
    parsed = ParsedTable(spec, raw, frame, problems, header_names)
    if whole and check.track_keys(parsed):
        _report_duplicates(frame, spec, header_names, problems)
    return parsed


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


def _privacy_names(raw: RawTable, spec: TableSpec, problems: ProblemList,
                   header_line: int) -> None:
    allowed = {normalise_name(n) for n in spec.allowed_personal_names}
    for original in raw.frame.columns:
        normalised = normalise_name(original)
        if normalised not in allowed and is_personal_column_name(normalised):
            problems.add(
                "refused: this column looks like personal data (name, address, birth date or "
                "BSN); remove it, the dashboard stores pseudonymised data only",
                line=header_line, column=original,
            )


def _privacy_values(raw: RawTable, check: FileCheck) -> None:
    """Count the cells that look like a BSN, per column, with the first one's line."""
    for original in raw.frame.columns:
        suspicious = bsn_like(raw.frame[original])
        if suspicious.any():
            count = int(suspicious.sum())
            first = int(raw.line_numbers.loc[suspicious[suspicious].index[0]])
            if original in check.bsn:
                check.bsn[original][0] += count
            else:
                check.bsn[original] = [count, first]


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
    if converted.dtype == object:
        # Codes: a categorical (a few categories, one small integer per row), which the
        # loader and the aggregates use as it is.
        category_codes, categories = pd.factorize(converted, use_na_sentinel=True)
        per_row = np.append(category_codes, -1)[codes]
        return pd.Series(pd.Categorical.from_codes(per_row, pd.Index(categories, dtype=object)),
                         index=values.index)
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
    """Ranges, the future and cross-column rules; one problem per failing cell, naming it."""
    for column in spec.columns:
        if column.name not in header_names:
            continue
        values = frame[column.name]
        shown = header_names[column.name]
        checks = []
        if column.minimum is not None:
            checks.append((values < column.minimum, f"must be at least {_num(column.minimum)}"))
        if column.maximum is not None:
            checks.append((values > column.maximum, f"must be at most {_num(column.maximum)}"))
        if column.name == "year":
            checks.append((values > today.year, f"year lies in the future (after {today.year})"))
        if column.kind == "date":
            checks.append((values > pd.Timestamp(today),
                           f"date lies in the future (after {today:%d-%m-%Y})"))
        for failing, reason in checks:
            _add_failures(problems, values, failing, shown, reason)
    if {"inhabitants", "inhabitants_18plus"} <= set(header_names):
        failing = frame["inhabitants_18plus"] > frame["inhabitants"]
        _add_failures(problems, frame["inhabitants_18plus"], failing,
                      header_names["inhabitants_18plus"], "cannot exceed inhabitants")


def _add_failures(problems: ProblemList, values: pd.Series, failing: pd.Series, shown: str,
                  reason: str) -> None:
    # Missing values pass every rule: an empty required cell is reported on its own.
    mask = pd.Series(failing.to_numpy(dtype=bool, na_value=False), index=values.index)
    if mask.any():
        problems.add_rows(mask, shown, values[mask].map(_show).astype(str) + ": " + reason)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


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
    unknown = values.notna() & ~values.isin(list(known))
    mask = pd.Series(unknown.to_numpy(dtype=bool, na_value=False), index=values.index)
    if mask.any():
        shown = parsed.header_names.get(column, column)
        parsed.problems.add_rows(
            mask, shown, values[mask].map(_show).astype(str)
            + f": unknown {what}; load or list it first")
