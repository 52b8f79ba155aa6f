"""The PDCA register: create, edit, close and import improvement cycles (table ``pdca_cycle``).

Every write goes through :func:`validate_cycle`, which collects all problems at once as
:class:`FieldError` (field name + i18n key of the reason), so the page can name the field in the
user's language and the CSV import can report ``file:line:column: reason`` like the ETL.

Target values are stored in the unit people read: percentages as 0-100 (85 means 85%), rates
per 1,000 per year, days, euros or a score (see ``indicator_series.SPECS[...].display_scale``).

The CSV import (:func:`import_cycles_csv`) is all or nothing: one problem anywhere and nothing
is stored. A row whose region, indicator and title match an existing cycle updates that cycle,
so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlmodel import Session
from sqlmodel import select as select_model

from dashboard import i18n
from dashboard.indicators import BY_CODE
from dashboard.models import PdcaCycle, Region
from dashboard.queries.indicator_series import SPECS
from dashboard.scope import AccessDenied, Scope
from dashboard.settings import SAMPLE_DATA_DIR

STATUSES = ("open", "closed")
ACT_DECISIONS = ("adopt", "adapt", "abandon")
TEXT_FIELDS = ("title", "plan", "notes")
DATE_FIELDS = ("target_date", "do_start", "check_date")
FIELDS = (
    "region",
    "indicator_code",
    "title",
    "plan",
    "target_value",
    "target_date",
    "do_start",
    "check_date",
    "act_decision",
    "notes",
    "status",
)
CYCLE_COLUMNS = ["id", *FIELDS, "created_at", "updated_at"]
TITLE_MAX = 200
TEXT_MAX = 5000
SAMPLE_CYCLES = SAMPLE_DATA_DIR / "pdca" / "pdca_cycles.csv"

# Accepted spellings of coded values in forms and CSV files (lower case).
DECISION_ALIASES: dict[str, str] = {
    "adopt": "adopt",
    "invoeren": "adopt",
    "overnemen": "adopt",
    "borgen": "adopt",
    "adapt": "adapt",
    "aanpassen": "adapt",
    "bijstellen": "adapt",
    "abandon": "abandon",
    "stoppen": "abandon",
    "verwerpen": "abandon",
}
STATUS_ALIASES: dict[str, str] = {
    "open": "open",
    "lopend": "open",
    "closed": "closed",
    "gesloten": "closed",
    "afgesloten": "closed",
}
# CSV column names per field; Dutch aliases as in the ETL (case, accents, '-'/' ' ignored).
CSV_ALIASES: dict[str, tuple[str, ...]] = {
    "region": ("regio",),
    "indicator_code": ("indicator", "indicatorcode"),
    "title": ("titel",),
    "plan": ("hypothese",),
    "target_value": ("doelwaarde", "doel"),
    "target_date": ("doeldatum",),
    "do_start": ("start_do",),
    "check_date": ("checkdatum",),
    "act_decision": ("act", "besluit"),
    "notes": ("notities", "toelichting"),
    "status": (),
}
CSV_REQUIRED = ("region", "indicator_code", "title")


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``key`` is the i18n key of the reason, ``values`` fill it."""

    field: str
    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def reason(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return i18n.translate(self.key, lang, **self.values)

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return f"{i18n.translate(f'pdca.field.{self.field}', lang)}: {self.reason(lang)}"


class CycleError(ValueError):
    """A cycle was refused; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(error.message("en") for error in errors))

    def messages(self, lang: str = i18n.DEFAULT_LANGUAGE) -> list[str]:
        return [error.message(lang) for error in self.errors]


@dataclass
class ImportResult:
    """What an import did: problems as ``file:line:column: reason``; counts when stored."""

    file_name: str
    created: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# ---- validation ----------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


def parse_date(value: Any) -> date | None:
    """A date from a date, a datetime or text ``31-12-2025`` / ``2025-12-31``; None if empty.

    Raises ``ValueError`` for anything else.
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def parse_number(value: Any) -> float | None:
    """A number from a number or text with a decimal point or comma; None if empty."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if pd.isna(value):
            return None
        value = str(value)
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        # Decimal comma: dots group thousands (1.234,5), as in the ETL.
        text = text.replace(".", "").replace(",", ".")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {text!r}")
    return number


def _display_scale(indicator_code: str) -> float:
    return SPECS[indicator_code].display_scale if indicator_code in SPECS else 1.0


def validate_cycle(
    values: Mapping[str, Any], known_regions: set[str] | None = None
) -> tuple[dict[str, Any], list[FieldError]]:
    """Normalise and check the fields of a cycle; returns ``(clean values, problems)``.

    Only the keys in ``FIELDS`` are read; missing keys count as empty. ``known_regions``
    (None: not checked) is the set of region codes a cycle may belong to.
    """
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}

    region = _text(values.get("region"))
    if not region:
        errors.append(FieldError("region", "pdca.err.required"))
    elif known_regions is not None and region not in known_regions:
        errors.append(FieldError("region", "pdca.err.unknown_region", {"value": region}))
    clean["region"] = region

    code = _text(values.get("indicator_code")).upper()
    if not code:
        errors.append(FieldError("indicator_code", "pdca.err.required"))
    elif code not in BY_CODE:
        errors.append(
            FieldError(
                "indicator_code",
                "pdca.err.unknown_indicator",
                {"value": code, "allowed": ", ".join(BY_CODE)},
            )
        )
    clean["indicator_code"] = code

    for name in TEXT_FIELDS:
        clean[name] = _text(values.get(name))
    if not clean["title"]:
        errors.append(FieldError("title", "pdca.err.required"))
    elif len(clean["title"]) > TITLE_MAX:
        errors.append(FieldError("title", "pdca.err.too_long", {"max": TITLE_MAX}))
    for name in ("plan", "notes"):
        if len(clean[name]) > TEXT_MAX:
            errors.append(FieldError(name, "pdca.err.too_long", {"max": TEXT_MAX}))

    try:
        target = parse_number(values.get("target_value"))
    except ValueError:
        errors.append(
            FieldError(
                "target_value", "pdca.err.not_a_number", {"value": _text(values["target_value"])}
            )
        )
        target = None
    if target is not None:
        if _display_scale(code) == 100 and not 0 <= target <= 100:
            errors.append(FieldError("target_value", "pdca.err.percent_range"))
        elif target < 0:
            errors.append(FieldError("target_value", "pdca.err.negative"))
    clean["target_value"] = target

    for name in DATE_FIELDS:
        try:
            clean[name] = parse_date(values.get(name))
        except ValueError:
            errors.append(FieldError(name, "pdca.err.not_a_date", {"value": _text(values[name])}))
            clean[name] = None
    do_start = clean["do_start"]
    for name in ("check_date", "target_date"):
        if do_start and clean[name] and clean[name] < do_start:
            errors.append(FieldError(name, "pdca.err.before_do"))

    status = _text(values.get("status")).lower() or "open"
    clean["status"] = STATUS_ALIASES.get(status, status)
    if clean["status"] not in STATUSES:
        errors.append(
            FieldError(
                "status", "pdca.err.unknown_code", {"value": status, "allowed": "open, closed"}
            )
        )
    decision = _text(values.get("act_decision")).lower()
    clean["act_decision"] = DECISION_ALIASES.get(decision, decision) or None
    if clean["act_decision"] and clean["act_decision"] not in ACT_DECISIONS:
        errors.append(
            FieldError(
                "act_decision",
                "pdca.err.unknown_code",
                {"value": decision, "allowed": ", ".join(ACT_DECISIONS)},
            )
        )
    elif clean["status"] == "closed" and not clean["act_decision"]:
        errors.append(FieldError("act_decision", "pdca.err.decision_required"))
    return clean, errors


# ---- reading -------------------------------------------------------------------------------


def region_names(engine: Engine) -> dict[str, str]:
    """Region code -> name, ordered by name (the page's region choice)."""
    table = Region.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.code, table.c.name).order_by(table.c.name, table.c.code))
        return {code: name for code, name in rows}


def region_codes(engine: Engine) -> set[str]:
    table = Region.__table__
    with engine.connect() as conn:
        return set(conn.execute(select(table.c.code)).scalars())


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _as_row(cycle: PdcaCycle) -> dict[str, Any]:
    row = {name: getattr(cycle, name) for name in CYCLE_COLUMNS}
    for name in ("created_at", "updated_at"):
        if row[name] is not None and row[name].tzinfo is None:
            row[name] = row[name].replace(tzinfo=UTC)
    return row


def list_cycles(
    engine: Engine, region: str | None = None, status: str | None = None
) -> pd.DataFrame:
    """Cycles (columns ``CYCLE_COLUMNS``), open ones first, then by region and newest Do.

    ``region`` / ``status`` filter when given. Times are aware UTC datetimes.
    """
    statement = select_model(PdcaCycle)
    if region is not None:
        statement = statement.where(PdcaCycle.region == region)
    if status is not None:
        statement = statement.where(PdcaCycle.status == status)
    with Session(engine) as session:
        rows = [_as_row(cycle) for cycle in session.exec(statement).all()]
    frame = pd.DataFrame(rows, columns=CYCLE_COLUMNS)
    if frame.empty:
        return frame
    frame["_open"] = frame["status"] != "open"
    # Cycles without a Do date first, then the latest Do first.
    frame["_do"] = pd.to_datetime(frame["do_start"])
    frame["_has_do"] = frame["_do"].notna()
    frame = frame.sort_values(["_open", "region", "_has_do", "_do", "id"],
                              ascending=[True, True, True, False, True])
    return frame.drop(columns=["_open", "_has_do", "_do"]).reset_index(drop=True)


def get_cycle(engine: Engine, cycle_id: int) -> dict[str, Any] | None:
    with Session(engine) as session:
        cycle = session.get(PdcaCycle, cycle_id)
        return None if cycle is None else _as_row(cycle)


def count_cycles(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(PdcaCycle.__table__)).scalar())


# ---- writing -------------------------------------------------------------------------------


def create_cycle(engine: Engine, values: Mapping[str, Any], now: datetime | None = None, *,
                 scope: Scope) -> int:
    """Store a new cycle; returns its id. Raises :class:`CycleError` with every problem, and
    AccessDenied unless ``scope`` is an editing role of the cycle's region."""
    scope.check_edit(str(values.get("region")))
    clean, errors = validate_cycle(values, region_codes(engine))
    if errors:
        raise CycleError(errors)
    stamp = _now(now)
    with Session(engine) as session:
        cycle = PdcaCycle(**clean, created_at=stamp, updated_at=stamp)
        session.add(cycle)
        session.commit()
        return int(cycle.id)


def update_cycle(
    engine: Engine, cycle_id: int, values: Mapping[str, Any], now: datetime | None = None, *,
    scope: Scope,
) -> None:
    """Change the given fields of a cycle (others keep their value), after validation.

    ``scope`` must be an editing role of the cycle's region, and of the new one when the
    cycle moves (AccessDenied otherwise, before anything changes)."""
    with Session(engine) as session:
        cycle = session.get(PdcaCycle, cycle_id)
        if cycle is None:
            raise CycleError([FieldError("id", "pdca.err.not_found", {"value": cycle_id})])
        scope.check_edit(cycle.region)
        if "region" in values:
            scope.check_edit(str(values["region"]))
        merged = {name: getattr(cycle, name) for name in FIELDS}
        merged.update({k: v for k, v in values.items() if k in FIELDS})
        clean, errors = validate_cycle(merged, region_codes(engine))
        if errors:
            raise CycleError(errors)
        for name, value in clean.items():
            setattr(cycle, name, value)
        cycle.updated_at = _now(now)
        session.add(cycle)
        session.commit()


def close_cycle(
    engine: Engine,
    cycle_id: int,
    act_decision: str | None,
    notes: str | None = None,
    now: datetime | None = None,
    *,
    scope: Scope,
) -> None:
    """Close a cycle with its Act decision (adopt, adapt or abandon); ``notes`` replace the
    notes when given. Editing roles of the cycle's region only (see :func:`update_cycle`)."""
    values: dict[str, Any] = {"status": "closed", "act_decision": act_decision}
    if notes is not None:
        values["notes"] = notes
    update_cycle(engine, cycle_id, values, now=now, scope=scope)


# ---- CSV import ----------------------------------------------------------------------------


def _normalise_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "_".join(plain.strip().lower().replace("-", " ").split())


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _records(text: str) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """(header line number, header cells, [(line number, cells)]), skipping ``#`` comments."""
    lines = text.splitlines(keepends=True)
    skipped = 0
    while skipped < len(lines) and (
        not lines[skipped].strip() or lines[skipped].lstrip().startswith("#")
    ):
        skipped += 1
    if skipped == len(lines):
        return skipped, [], []
    header_text = lines[skipped]
    delimiter = ";" if header_text.count(";") > header_text.count(",") else ","
    reader = csv.reader(io.StringIO("".join(lines[skipped:])), delimiter=delimiter)
    header = next(reader)
    records = []
    previous_end = reader.line_num
    for cells in reader:
        start = skipped + previous_end + 1
        previous_end = reader.line_num
        if any(cell.strip() for cell in cells):
            records.append((start, cells))
    return skipped + 1, header, records


def read_cycles_csv(
    data: bytes, file_name: str, known_regions: set[str] | None, lang: str = "nl"
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """Parse and validate a PDCA CSV: ``([(line, clean values)], problems)``.

    Problems are ``file:line:column: reason`` with the column as written in the file.
    """
    problems: list[str] = []

    def problem(line: int | None, column: str, key: str, **values: Any) -> None:
        where = "" if line is None else str(line)
        problems.append(f"{file_name}:{where}:{column}: {i18n.translate(key, lang, **values)}")

    header_line, header, records = _records(_decode(data))
    if not header:
        problem(None, "", "pdca.err.no_header")
        return [], problems
    by_alias = {
        _normalise_name(alias): name
        for name, aliases in CSV_ALIASES.items()
        for alias in (name, *aliases)
    }
    columns: dict[str, int] = {}
    shown: dict[str, str] = {}
    for position, raw_name in enumerate(header):
        name = by_alias.get(_normalise_name(raw_name))
        if name is None:
            problem(
                header_line,
                raw_name.strip(),
                "pdca.err.unknown_column",
                allowed=", ".join(CSV_ALIASES),
            )
        elif name in columns:
            problem(header_line, raw_name.strip(), "pdca.err.duplicate_column")
        else:
            columns[name] = position
            shown[name] = raw_name.strip()
    for name in CSV_REQUIRED:
        if name not in columns:
            problem(header_line, name, "pdca.err.missing_column")
    if problems:
        return [], problems

    rows: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in records:
        if len(cells) > len(header):
            problem(line, "", "pdca.err.too_many_cells", expected=len(header), found=len(cells))
            continue
        values = {
            name: cells[position] if position < len(cells) else ""
            for name, position in columns.items()
        }
        clean, errors = validate_cycle(values, known_regions)
        for error in errors:
            problem(line, shown.get(error.field, error.field), error.key, **error.values)
        key = (clean["region"], clean["indicator_code"], clean["title"].casefold())
        if not errors and key in seen:
            problem(line, shown["title"], "pdca.err.duplicate_row", first=seen[key])
        seen.setdefault(key, line)
        rows.append((line, clean))
    return rows, problems


def import_cycles_csv(
    engine: Engine,
    data: bytes,
    file_name: str,
    lang: str = "nl",
    now: datetime | None = None,
    *,
    scope: Scope,
) -> ImportResult:
    """Import cycles from CSV bytes (format in docs/data-format.md, "PDCA cycles").

    Nothing is stored when any row has a problem. A row matching an existing cycle on region,
    indicator and title (case-insensitive) updates it; other rows become new cycles. A row may
    only name a region ``scope`` may edit; any other region is a problem like an unknown one.
    """
    editable = {code for code in region_codes(engine) if scope.may_edit(code)}
    if not editable:
        raise AccessDenied("access.edit_denied", region=", ".join(sorted(scope.regions)))
    return _import_rows(engine, data, file_name, lang, now, editable)


def _import_rows(engine: Engine, data: bytes, file_name: str, lang: str,
                 now: datetime | None, known: set[str]) -> ImportResult:
    result = ImportResult(file_name)
    rows, result.problems = read_cycles_csv(data, file_name, known, lang)
    if result.problems:
        return result
    stamp = _now(now)
    with Session(engine) as session:
        existing = {
            (cycle.region, cycle.indicator_code, cycle.title.casefold()): cycle
            for cycle in session.exec(select_model(PdcaCycle)).all()
        }
        for _line, clean in rows:
            cycle = existing.get(
                (clean["region"], clean["indicator_code"], clean["title"].casefold())
            )
            if cycle is None:
                session.add(PdcaCycle(**clean, created_at=stamp, updated_at=stamp))
                result.created += 1
                continue
            if any(getattr(cycle, name) != value for name, value in clean.items()):
                for name, value in clean.items():
                    setattr(cycle, name, value)
                cycle.updated_at = stamp
                session.add(cycle)
                result.updated += 1
        session.commit()
    return result


def load_sample_cycles(engine: Engine, path: Path = SAMPLE_CYCLES) -> ImportResult | None:
    """Fill an empty register with the sample cycles, only on the synthetic sample regions.

    Does nothing (returns None) when the register has cycles, the file is missing, or any
    region in it is not loaded as synthetic data, so a real deployment never gets made-up
    cycles.
    """
    if not path.is_file() or count_cycles(engine) > 0:
        return None
    data = path.read_bytes()
    rows, problems = read_cycles_csv(data, path.name, None)
    table = Region.__table__
    with engine.connect() as conn:
        synthetic = set(
            conn.execute(select(table.c.code).where(table.c.synthetic.is_(True))).scalars()
        )
    if problems or not rows or any(clean["region"] not in synthetic for _, clean in rows):
        return None
    # The shipped sample, not anyone's edit: loaded for whoever opens the page first.
    return _import_rows(engine, data, path.name, "nl", None, synthetic)


# ---- within the user's scope (what the PDCA page calls) -------------------------------------
# Reading a region's register needs sight of that region's aggregates; changing it needs an
# editing role bound to the region (dashboard.scope.Scope.may_edit).


def region_names_for(engine: Engine, scope: Scope) -> dict[str, str]:
    return {code: name for code, name in region_names(engine).items() if scope.sees_region(code)}


def list_cycles_for(engine: Engine, scope: Scope, region: str | None = None,
                    status: str | None = None) -> pd.DataFrame:
    scope.check_region(region)
    frame = list_cycles(engine, region=region, status=status)
    return frame[frame["region"].isin(scope.visible_regions(frame["region"]))].reset_index(
        drop=True)


def get_cycle_for(engine: Engine, scope: Scope, cycle_id: int) -> dict[str, Any] | None:
    cycle = get_cycle(engine, cycle_id)
    return cycle if cycle is not None and scope.sees_region(cycle["region"]) else None


def create_cycle_for(engine: Engine, scope: Scope, values: Mapping[str, Any]) -> int:
    return create_cycle(engine, values, scope=scope)


def update_cycle_for(engine: Engine, scope: Scope, cycle_id: int,
                     values: Mapping[str, Any]) -> None:
    update_cycle(engine, cycle_id, values, scope=scope)


def close_cycle_for(engine: Engine, scope: Scope, cycle_id: int, act_decision: str | None,
                    notes: str | None = None) -> None:
    close_cycle(engine, cycle_id, act_decision, notes=notes, scope=scope)


def import_cycles_csv_for(engine: Engine, scope: Scope, data: bytes, file_name: str,
                          lang: str = "nl") -> ImportResult:
    """Import only into regions the scope may edit; a row for any other region is refused
    (as an unknown region) and then nothing is stored."""
    return import_cycles_csv(engine, data, file_name, lang, scope=scope)


def load_sample_cycles_for(engine: Engine, scope: Scope) -> ImportResult | None:
    """The synthetic sample cycles, into an empty register and on synthetic regions only (see
    :func:`load_sample_cycles`), so whoever opens the page first may trigger it."""
    return load_sample_cycles(engine)
