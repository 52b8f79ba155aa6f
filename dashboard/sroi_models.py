"""SROI model documents: validation, TOML/JSON/XLSX input and output, and stored scenarios.

A *model document* is a plain dict that :func:`dashboard.stats.sroi.sroi` accepts once the
extra keys are removed (see :func:`to_stats_model`). On top of the statistics model it says
where a number comes from: ``amount_from``, ``quantity_from`` and ``proxy_from`` name a
derivation from the loaded data (``docs/data-format.md``, section "SROI models"); the number
next to it is the value used when the data cannot provide one. ``reference_year`` and
``baseline_year`` fix the years the derivations use (None: chosen from the data).

Every problem in a document is reported at once, naming the table, the row and the field,
in Dutch or English (``SroiModelError.messages(lang)``).
"""

from __future__ import annotations

import io
import json
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from numbers import Real
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from dashboard import codes, i18n
from dashboard.formatting import format_number
from dashboard.models import SroiScenario
from dashboard.privacy import neutralise_formulas
from dashboard.scope import Scope
from dashboard.settings import PROJECT_ROOT, SAMPLE_DATA_DIR
from dashboard.stats.sroi import DEFAULT_DISCOUNT_RATE

TEMPLATE_DIR = PROJECT_ROOT / "data" / "sroi"
SAMPLE_MODEL_DIR = SAMPLE_DATA_DIR / "sroi"
REGION_TEMPLATE = "regiomodel.toml"
EXPLORATION_TEMPLATE = "verkenning.toml"
JSON_FORMAT = "hartnetwerk-sroi"
JSON_VERSION = 1

# Who invests and who benefits; the payer codes of the cost table, so cost rows map directly.
STAKEHOLDERS: tuple[str, ...] = tuple(codes.PAYERS)
FRACTIONS = ("deadweight", "displacement", "attribution", "drop_off")
MODEL_KEYS = (
    "name", "description", "synthetic", "discount_rate", "reference_year", "baseline_year",
    "investments", "outcomes",
)
INVESTMENT_KEYS = ("stakeholder", "description", "year", "amount", "amount_from")
OUTCOME_KEYS = (
    "name", "stakeholder", "unit", "description", "quantity", "quantity_from", "proxy",
    "proxy_from", *FRACTIONS, "duration",
)

# Derivations by the field they may fill; "cost:<setting>:<cost_type>:<payer>" sums the cost
# table (each part a code or "*"), "satisfaction_gain:<profession>[,<profession>...]" uses the
# professionals' survey.
SOURCES: dict[str, tuple[str, ...]] = {
    "amount": ("cost",),
    "quantity": (
        "alv_referrals", "alv_resolved", "wait_days_saved", "hf_admissions_avoided",
        "satisfaction_gain",
    ),
    "proxy": ("hospital_cost_per_patient", "cost_per_admission"),
}
YEAR_FIELDS = ("year", "reference_year", "baseline_year")
_SOURCE_FIELD = {"amount_from": "amount", "quantity_from": "quantity", "proxy_from": "proxy"}


# ---- problems ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a model document; ``row`` counts from 1 as a user reads a table."""

    key: str
    table: str = ""
    row: int | None = None
    field: str = ""
    name: str = ""
    value: Any = None
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        shown = _show_value(self.value, lang)
        number = _number(self.value)
        if self.field in YEAR_FIELDS and number is not None and number.is_integer():
            shown = str(int(number))  # "1999", not "1.999"
        text = i18n.translate(self.key, lang, value=shown, **dict(self.params))
        if not self.table:
            if self.field:
                field_label = i18n.translate(f"sroi.field.{self.field}", lang)
                return f"{field_label[:1].upper()}{field_label[1:]}: {text}"
            return text
        where = i18n.translate(f"sroi.table.{self.table}", lang)
        if self.row is not None:
            where = i18n.translate("sroi.err.row", lang, table=where, row=self.row)
        if self.name:
            where = f"{where} ({self.name})"
        if self.field:
            field_label = i18n.translate(f"sroi.field.{self.field}", lang)
            where = i18n.translate("sroi.err.field", lang, where=where, field=field_label)
        return f"{where}: {text}"


def _show_value(value: Any, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return i18n.translate("sroi.err.empty", lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Real):
        x = float(value)
        if math.isfinite(x):
            decimals = 0 if x == int(x) else min(4, len(repr(x).split(".")[-1]))
            return format_number(x, decimals=decimals, lang=lang)
    return repr(value) if not isinstance(value, str) else f"'{value}'"


class SroiModelError(ValueError):
    """A model document with one or more problems; ``messages(lang)`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(self.messages()))

    def messages(self, lang: str = i18n.DEFAULT_LANGUAGE) -> list[str]:
        return [problem.message(lang) for problem in self.problems]


# ---- validation --------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value: Any) -> float | None:
    """A finite number, or None (missing, text, bool, infinite)."""
    if isinstance(value, bool) or not isinstance(value, Real | np.number):
        return None
    x = float(value)
    return x if math.isfinite(x) else None


def _text(value: Any) -> str:
    return "" if _is_missing(value) else str(value).strip()


def source_kind(key: str) -> str | None:
    """The derivation a ``*_from`` key names ("cost", "alv_resolved", ...) or None if unknown."""
    if not isinstance(key, str):
        return None
    if key.startswith("cost:"):
        parts = key.split(":")[1:]
        known = (codes.SETTINGS, codes.COST_TYPES, codes.PAYERS)
        if len(parts) == 3 and all(p == "*" or p in k for p, k in zip(parts, known, strict=True)):
            return "cost"
        return None
    if key.startswith("satisfaction_gain:"):
        professions = key.removeprefix("satisfaction_gain:").split(",")
        if professions and all(p.strip() in codes.PROFESSIONS for p in professions):
            return "satisfaction_gain"
        return None
    return key if any(key in kinds for kinds in SOURCES.values()) else None


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, key: str, **where: Any) -> None:
        self.problems.append(Problem(key, **where))

    def unknown_keys(self, item: Mapping, allowed: tuple[str, ...], **where: Any) -> None:
        for key in item:
            if key not in allowed:
                self.add(
                    "sroi.err.unknown_key",
                    value=str(key),
                    params=(("allowed", ", ".join(allowed)),),
                    **where,
                )

    def number(self, item: Mapping, key: str, default: float | None, **where: Any) -> float:
        value = item.get(key, default)
        if _is_missing(value):
            if default is not None:
                return default
            self.add("sroi.err.missing", field=key, value=None, **where)
            return 0.0
        x = _number(value)
        if x is None:
            self.add("sroi.err.not_number", field=key, value=value, **where)
            return 0.0
        return x

    def non_negative(self, item: Mapping, key: str, default: float | None, **where) -> float:
        x = self.number(item, key, default, **where)
        if x < 0:
            self.add("sroi.err.negative", field=key, value=x, **where)
        return x

    def fraction(self, item: Mapping, key: str, **where: Any) -> float:
        x = self.number(item, key, 0.0, **where)
        if not 0 <= x <= 1:
            self.add("sroi.err.fraction", field=key, value=x, **where)
        return x

    def whole(self, item: Mapping, key: str, default: int, minimum: int, **where) -> int:
        x = self.number(item, key, float(default), **where)
        if x != int(x) or x < minimum:
            self.add(
                "sroi.err.whole", field=key, value=x, params=(("minimum", minimum),), **where
            )
            return max(minimum, int(x))
        return int(x)

    def source(self, item: Mapping, key: str, **where: Any) -> str | None:
        value = item.get(key)
        if _is_missing(value) or value == "":
            return None
        kind = source_kind(value)
        if kind is None or kind not in SOURCES[_SOURCE_FIELD[key]]:
            allowed = ", ".join(
                k + (":…" if k in ("cost", "satisfaction_gain") else "")
                for k in SOURCES[_SOURCE_FIELD[key]]
            )
            self.add(
                "sroi.err.source", field=key, value=value, params=(("allowed", allowed),), **where
            )
            return None
        return str(value)


def _year(checker: _Checker, data: Mapping, key: str) -> int | None:
    value = data.get(key)
    if _is_missing(value):
        return None
    x = _number(value)
    if x is None or x != int(x) or not 2000 <= x <= 2100:
        checker.add("sroi.err.year", field=key, value=value)
        return None
    return int(x)


def normalise_doc(data: Any) -> dict[str, Any]:
    """Check a model document and return it with every key present and numbers as numbers.

    Raises :class:`SroiModelError` listing every problem (unknown keys, missing or negative
    numbers, fractions outside 0-1, durations below 1, unknown derivations, duplicate outcome
    names). Whether the total investment is above 0 is checked after the derivations
    (:func:`to_stats_model`), because derived amounts are only known then.
    """
    checker = _Checker()
    if not isinstance(data, Mapping):
        raise SroiModelError([Problem("sroi.err.not_a_model", value=type(data).__name__)])
    checker.unknown_keys(data, MODEL_KEYS)
    rate = checker.number(data, "discount_rate", DEFAULT_DISCOUNT_RATE)
    if not 0 <= rate < 1:
        checker.add("sroi.err.discount_rate", field="discount_rate", value=rate)
    doc: dict[str, Any] = {
        "name": _text(data.get("name")),
        "description": _text(data.get("description")),
        "synthetic": bool(data.get("synthetic", False)),
        "discount_rate": rate,
        "reference_year": _year(checker, data, "reference_year"),
        "baseline_year": _year(checker, data, "baseline_year"),
        "investments": [],
        "outcomes": [],
    }
    for table, keys, convert in (
        ("investments", INVESTMENT_KEYS, _investment),
        ("outcomes", OUTCOME_KEYS, _outcome),
    ):
        rows = data.get(table)
        if rows is None or isinstance(rows, str | Mapping) or not hasattr(rows, "__iter__"):
            checker.add(f"sroi.err.no_{table}", value=None)
            continue
        rows = list(rows)
        if not rows:
            checker.add(f"sroi.err.no_{table}", value=None)
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                checker.add("sroi.err.not_a_row", table=table, row=number, value=row)
                continue
            doc[table].append(convert(checker, row, table, number, keys))
    seen: set[str] = set()
    for number, outcome in enumerate(doc["outcomes"], start=1):
        if outcome["name"] in seen:
            checker.add(
                "sroi.err.duplicate", table="outcomes", row=number, field="name",
                name=outcome["name"], value=outcome["name"],
            )
        if outcome["name"]:
            seen.add(outcome["name"])
    if checker.problems:
        raise SroiModelError(checker.problems)
    return doc


def _investment(checker: _Checker, row: Mapping, table: str, number: int, keys) -> dict:
    name = _text(row.get("stakeholder"))
    where = {"table": table, "row": number, "name": _text(row.get("description")) or name}
    checker.unknown_keys(row, keys, **where)
    if not name:
        checker.add("sroi.err.missing", field="stakeholder", value=None, **where)
    source = checker.source(row, "amount_from", **where)
    return {
        "stakeholder": name,
        "description": _text(row.get("description")),
        "year": checker.whole(row, "year", 0, 0, **where),
        "amount": checker.non_negative(row, "amount", 0.0 if source else None, **where),
        "amount_from": source,
    }


def _outcome(checker: _Checker, row: Mapping, table: str, number: int, keys) -> dict:
    name = _text(row.get("name"))
    where = {"table": table, "row": number, "name": name}
    checker.unknown_keys(row, keys, **where)
    if not name:
        checker.add("sroi.err.missing", field="name", value=None, **where)
    if not _text(row.get("stakeholder")):
        checker.add("sroi.err.missing", field="stakeholder", value=None, **where)
    quantity_from = checker.source(row, "quantity_from", **where)
    proxy_from = checker.source(row, "proxy_from", **where)
    return {
        "name": name,
        "stakeholder": _text(row.get("stakeholder")),
        "unit": _text(row.get("unit")),
        "description": _text(row.get("description")),
        "quantity": checker.non_negative(
            row, "quantity", 0.0 if quantity_from else None, **where
        ),
        "quantity_from": quantity_from,
        "proxy": checker.non_negative(row, "proxy", 0.0 if proxy_from else None, **where),
        "proxy_from": proxy_from,
        **{key: checker.fraction(row, key, **where) for key in FRACTIONS},
        "duration": checker.whole(row, "duration", 1, 1, **where),
    }


def to_stats_model(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The dict :func:`dashboard.stats.sroi.sroi` takes: the document without its extra keys.

    Raises :class:`SroiModelError` when the total investment is not above 0 (no ratio exists).
    """
    investments = [
        {k: inv[k] for k in ("stakeholder", "amount", "year", "description")}
        for inv in doc["investments"]
    ]
    if sum(inv["amount"] for inv in investments) <= 0:
        raise SroiModelError([Problem("sroi.err.no_investment")])
    outcomes = [
        {
            k: out[k]
            for k in ("name", "stakeholder", "quantity", "proxy", *FRACTIONS, "duration",
                      "description")
        }
        for out in doc["outcomes"]
    ]
    return {
        "name": doc["name"],
        "discount_rate": doc["discount_rate"],
        "investments": investments,
        "outcomes": outcomes,
    }


# ---- files -------------------------------------------------------------------------------


def parse_toml(text: str) -> dict[str, Any]:
    """A model document from TOML text (checked; :class:`SroiModelError` on any problem)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SroiModelError([Problem("sroi.err.toml", value=str(error))]) from error
    return normalise_doc(data)


def load_toml(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SroiModelError([Problem("sroi.err.file", value=f"{path.name}: {error}")]) from error
    try:
        return parse_toml(text)
    except SroiModelError as error:
        # Name the file first: an administrator fixing a sample model needs to know which.
        raise SroiModelError(
            [Problem("sroi.err.in_file", value=path.name), *error.problems]
        ) from error


def to_json(doc: Mapping[str, Any], *, region: str = "", scenario: str = "") -> str:
    """The JSON export: the model document wrapped with a format marker (see :func:`from_json`)."""
    wrapper = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "region": region,
        "scenario": scenario or doc.get("name", ""),
        "model": dict(doc),
    }
    return json.dumps(wrapper, ensure_ascii=False, indent=2)


def from_json(text: str | bytes) -> dict[str, Any]:
    """A model document from a JSON export (or a bare model document), checked."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SroiModelError([Problem("sroi.err.json", value=str(error))]) from error
    if isinstance(data, Mapping) and "model" in data and "format" in data:
        if data.get("format") != JSON_FORMAT:
            raise SroiModelError([Problem("sroi.err.json_format", value=data.get("format"))])
        data = data["model"]
    return normalise_doc(data)


def read_upload(name: str, content: bytes) -> dict[str, Any]:
    """A model document from an uploaded ``.json`` or ``.toml`` file."""
    suffix = Path(name).suffix.lower()
    if suffix == ".toml":
        try:
            return parse_toml(content.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise SroiModelError([Problem("sroi.err.file", value=str(error))]) from error
    if suffix == ".json":
        return from_json(content)
    raise SroiModelError([Problem("sroi.err.file_type", value=name)])


def write_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per frame (sheet names cut to Excel's 31 characters)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            # openpyxl writes a text starting with "=" as a live formula: neutralise user texts
            # (an imported scenario may name an outcome =HYPERLINK(...)).
            frame = neutralise_formulas(frame)
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(frame.columns, start=1):
                width = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
                sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(
                    60, width + 2
                )
    return buffer.getvalue()


def seed_document(region: str, *, synthetic: bool, has_anderhalvelijn: bool) -> dict[str, Any]:
    """The model a region starts with: its synthetic sample model when it is sample data and a
    file ``data/sample/sroi/<REGION>.toml`` exists, else the general template (a region model
    with derived quantities, or an exploration for a region without anderhalvelijn care)."""
    sample = SAMPLE_MODEL_DIR / f"{region}.toml"
    if synthetic and sample.is_file():
        return load_toml(sample)
    template = REGION_TEMPLATE if has_anderhalvelijn else EXPLORATION_TEMPLATE
    return load_toml(TEMPLATE_DIR / template)


# ---- stored scenarios --------------------------------------------------------------------


@dataclass
class StoredScenario:
    name: str
    doc: dict[str, Any]
    is_default: bool
    updated_at: datetime | None = None
    problems: list[str] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def list_scenarios(engine: Engine, region: str) -> pd.DataFrame:
    """Saved scenarios of ``region``: ``name``, ``is_default``, ``created_at``, ``updated_at``;
    the region's own model first, then by name."""
    table = SroiScenario.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.name, table.c.is_default, table.c.created_at, table.c.updated_at)
            .where(table.c.region == region)
            .order_by(table.c.is_default.desc(), table.c.name)
        ).all()
    frame = pd.DataFrame(
        [tuple(r) for r in rows], columns=["name", "is_default", "created_at", "updated_at"]
    )
    frame["is_default"] = frame["is_default"].astype(bool)
    return frame


def load_scenario(engine: Engine, region: str, name: str) -> dict[str, Any] | None:
    """The stored document, checked again (a hand-edited row is refused with its problems)."""
    table = SroiScenario.__table__
    with engine.connect() as conn:
        text = conn.execute(
            select(table.c.model_json).where(
                (table.c.region == region) & (table.c.name == name)
            )
        ).scalar()
    if text is None:
        return None
    return from_json(text)


def save_scenario(
    engine: Engine, region: str, name: str, doc: Mapping[str, Any], *, scope: Scope,
    is_default: bool = False,
) -> str:
    """Store ``doc`` under ``name`` for ``region``; returns "created" or "updated".

    Only an editing role of the region may write (``scope.check_edit``; AccessDenied
    otherwise, before anything is read or written): the region's own model and its saved
    scenarios are shared by everyone who sees the region. The document is checked first, so
    the table never holds a model the page cannot open.
    """
    scope.check_edit(region)
    return _store_scenario(engine, region, name, doc, is_default=is_default)


def _store_scenario(engine: Engine, region: str, name: str, doc: Mapping[str, Any], *,
                    is_default: bool = False) -> str:
    name = name.strip()
    if not name:
        raise SroiModelError([Problem("sroi.err.scenario_name", value=name)])
    doc = normalise_doc(doc)
    doc["name"] = name
    text = to_json(doc, region=region, scenario=name)
    now = _now()
    table = SroiScenario.__table__
    with engine.begin() as conn:
        existing = conn.execute(
            select(table.c.id, table.c.is_default).where(
                (table.c.region == region) & (table.c.name == name)
            )
        ).first()
        if existing is None:
            conn.execute(
                table.insert().values(
                    region=region, name=name, model_json=text, created_at=now, updated_at=now,
                    is_default=is_default,
                )
            )
            outcome = "created"
        else:
            conn.execute(
                table.update()
                .where(table.c.id == existing.id)
                .values(
                    model_json=text, updated_at=now,
                    is_default=bool(existing.is_default) or is_default,
                )
            )
            outcome = "updated"
    return outcome


def delete_scenario(engine: Engine, region: str, name: str, *, scope: Scope) -> bool:
    """Delete a saved scenario; the region's own model cannot be deleted (returns False).
    Editing roles of the region only (AccessDenied otherwise)."""
    scope.check_edit(region)
    table = SroiScenario.__table__
    with engine.begin() as conn:
        result = conn.execute(
            table.delete().where(
                (table.c.region == region) & (table.c.name == name) & table.c.is_default.is_(False)
            )
        )
    return result.rowcount > 0


def default_scenario(
    engine: Engine, region: str, *, synthetic: bool, has_anderhalvelijn: bool
) -> StoredScenario:
    """The region's own model, seeded into the database on first use (see
    :func:`seed_document`). Two sessions seeding at once: the second finds the first's row."""
    table = SroiScenario.__table__
    with engine.connect() as conn:
        row = conn.execute(
            select(table.c.name, table.c.model_json, table.c.updated_at).where(
                (table.c.region == region) & table.c.is_default.is_(True)
            )
        ).first()
    if row is None:
        doc = seed_document(region, synthetic=synthetic, has_anderhalvelijn=has_anderhalvelijn)
        name = doc["name"] or i18n.translate("sroi.default_name")
        try:
            # The seed is the shipped model, not anyone's edit: written for whoever opens
            # the region first, whatever their role.
            _store_scenario(engine, region, name, doc, is_default=True)
        except IntegrityError:
            pass
        return default_scenario(
            engine, region, synthetic=synthetic, has_anderhalvelijn=has_anderhalvelijn
        )
    name, text, updated_at = row
    try:
        return StoredScenario(name, from_json(text), True, updated_at)
    except SroiModelError as error:
        # A broken stored row must not lock the page: fall back to the seed and say why.
        doc = seed_document(region, synthetic=synthetic, has_anderhalvelijn=has_anderhalvelijn)
        return StoredScenario(name, doc, True, updated_at, problems=error.messages())


def scenario_names(frame: pd.DataFrame) -> list[str]:
    return [str(n) for n in frame["name"]] if not frame.empty else []


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_stem(*parts: str) -> str:
    """A file name stem from free text (scenario names may hold spaces and accents)."""
    text = "_".join(p for p in parts if p)
    return _SAFE.sub("-", text).strip("-") or "sroi"


# ---- the same, within the user's scope (what the SROI page calls) ---------------------------
# A region's SROI model and scenarios are region-level: whoever may see the region's aggregates
# may read them (insurers are the main users); writing them is for the region's editing roles
# (checked again in save_scenario and delete_scenario themselves).


def list_scenarios_for(engine: Engine, scope: Scope, region: str) -> pd.DataFrame:
    scope.check_region(region)
    return list_scenarios(engine, region)


def load_scenario_for(engine: Engine, scope: Scope, region: str,
                      name: str) -> dict[str, Any] | None:
    scope.check_region(region)
    return load_scenario(engine, region, name)


def save_scenario_for(engine: Engine, scope: Scope, region: str, name: str,
                      doc: Mapping[str, Any]) -> str:
    return save_scenario(engine, region, name, doc, scope=scope)


def delete_scenario_for(engine: Engine, scope: Scope, region: str, name: str) -> bool:
    return delete_scenario(engine, region, name, scope=scope)


def default_scenario_for(engine: Engine, scope: Scope, region: str, *, synthetic: bool,
                         has_anderhalvelijn: bool) -> StoredScenario:
    scope.check_region(region)
    return default_scenario(engine, region, synthetic=synthetic,
                            has_anderhalvelijn=has_anderhalvelijn)
