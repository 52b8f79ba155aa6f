"""Loading files: read, validate, pseudonymise, and write in one transaction.

A load is all or nothing: every statement runs in one transaction that is committed only when
every file of the load was read and validated without a problem, so a failure at any point
leaves the database exactly as it was. Big files stream: a file is read in batches of rows
(``etl.reading.iter_batches``), and batch k of a referral or consult file is written (inside
the load's transaction, by the writer process) while batch k+1 is parsed. The first problem in
any file stops the writing; validation carries on so that every problem of every file is
reported, and the transaction is rolled back at the end. Loading a file whose content was the
last one loaded for its table is skipped, and a file replaces the rows earlier loaded for
exactly the regions and periods it contains, so loading twice changes nothing.
"""

from __future__ import annotations

import getpass
import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals
from sqlalchemy import Engine, text

from dashboard.codes import ICPC_CONDITION
from etl import aggregates
from etl.privacy import hash_key, pseudonymise
from etl.problems import Problem, ProblemList
from etl.reading import BATCH_ROWS, ReadError, iter_batches
from etl.tables import (
    CONSULTS,
    COSTS,
    HF_ADMISSIONS,
    POPULATION,
    PRACTICES,
    REFERRALS,
    REGION_POPULATION,
    REGIONS,
    SURVEY,
    TABLES,
    TableSpec,
    table_for_file,
)
from etl.validation import FileCheck, ParsedTable, check_known, parse
from etl.writer import Writer, open_writer

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt")
PROGRESS_MIN_BYTES = 5_000_000
# Referral columns kept in memory until the aggregates are computed at the end of the file:
# those the aggregates read (the columns they would select from ``referral``), as
# categoricals, integers and dates.
_KEPT_REFERRAL_COLUMNS = [name.strip() for name in aggregates.REFERRAL_COLUMNS.split(",")]


@dataclass
class FileResult:
    path: Path
    table: str | None
    rows: int = 0
    outcome: str = "valid"  # valid | loaded | unchanged | rejected | not loaded
    problems: list[Problem] = field(default_factory=list)
    scope: str = ""
    seconds: float = 0.0


@dataclass
class LoadReport:
    files: list[FileResult]

    @property
    def problems(self) -> list[Problem]:
        return [problem for result in self.files for problem in result.problems]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_loaded(self) -> int:
        return sum(r.rows for r in self.files if r.outcome == "loaded")


@dataclass
class Prepared:
    """A validated batch (or file) turned into database rows."""

    spec: TableSpec
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)  # region x month|year touched
    key_hashes: np.ndarray | None = None  # pseudonymised key, when the key is pseudonymised
    # Consults: the region x month cells of the referrals they belong to.
    referral_cells: pd.DataFrame | None = None


# ---- discovery ------------------------------------------------------------------------------


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, TableSpec]], list[FileResult]]:
    found: list[tuple[Path, TableSpec]] = []
    rejected: list[FileResult] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            rejected.append(FileResult(path, None, outcome="rejected", problems=[
                Problem(str(path), None, None, "no such file or directory")]))
            continue
        candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            if candidate.name.startswith(".") or candidate.suffix.lower() not in SUPPORTED_SUFFIXES:
                if not path.is_dir():
                    rejected.append(_unknown_file(candidate))
                continue
            spec = table_for_file(candidate.name)
            if spec is None:
                rejected.append(_unknown_file(candidate))
            else:
                found.append((candidate, spec))
    order = {spec.name: index for index, spec in enumerate(TABLES)}
    found.sort(key=lambda item: (order[item[1].name], item[0].name))
    return found, rejected


def _unknown_file(path: Path) -> FileResult:
    names = ", ".join(prefix for spec in TABLES for prefix in spec.prefixes[:2])
    return FileResult(path, None, outcome="rejected", problems=[Problem(
        path.name, None, None,
        f"cannot tell which table this file holds; its name must start with one of: {names}",
    )])


# ---- references -----------------------------------------------------------------------------


@dataclass
class References:
    regions: set[str]
    practice_region: dict[str, str]
    # id, region, referral_date, month of the referrals read in this load (batch by batch)
    # (file of the load, frame): the parts of one file are its batches.
    pending_referrals: list[tuple[int, pd.DataFrame]] = field(default_factory=list)
    current_file: int = 0
    _pending_index: pd.DataFrame | None = None
    _indexed_parts: int = 0

    def add_pending(self, frame: pd.DataFrame) -> None:
        self.pending_referrals.append((self.current_file, frame))

    def pending(self) -> pd.DataFrame:
        """This load's referrals by id, built once rather than searched part by part."""
        if self._pending_index is None or self._indexed_parts != len(self.pending_referrals):
            frame = _latest_versions(self.pending_referrals)
            self._pending_index = frame.set_index("id")
            self._indexed_parts = len(self.pending_referrals)
        return self._pending_index


def _latest_versions(parts: list[tuple[int, pd.DataFrame]]) -> pd.DataFrame:
    """One row per referral id: within a file its first row (a repeated id refuses that file,
    whose report names the first line), across files the last file's row (a later referral
    file replaces an earlier one's version, as it does in the database)."""
    by_file: dict[int, list[pd.DataFrame]] = {}
    for file, part in parts:
        if len(part):
            by_file.setdefault(file, []).append(part)
    firsts = [pd.concat(frames, ignore_index=True).drop_duplicates("id", keep="first")
              for _, frames in sorted(by_file.items())]
    if not firsts:
        return pd.DataFrame(columns=["id", "region", "referral_date", "month"])
    if len(firsts) == 1:
        return firsts[0]
    return pd.concat(firsts, ignore_index=True).drop_duplicates("id", keep="last")


def _references(engine: Engine) -> References:
    with engine.connect() as conn:
        regions = {row[0] for row in conn.execute(text("SELECT code FROM region"))}
        practices = dict(conn.execute(text("SELECT code, region FROM practice")).all())
    return References(regions, practices)


def _referrals_by_id(engine: Engine, ids: pd.Series, refs: References) -> pd.DataFrame:
    """Region, referral date and month of the referrals with the given hashed ids."""
    wanted = pd.unique(ids.dropna())
    pending = refs.pending()
    # get_indexer hashes the load's referral ids once and reuses that table for every batch of
    # consults; isin would scan all of them (15 million at national scale) per batch.
    position = pending.index.get_indexer(wanted)
    in_load = pending.iloc[position[position >= 0]]
    # A referral in this load overrides the database's version of it.
    from_database = wanted[position < 0]
    parts = [in_load.reset_index()]
    with engine.connect() as conn:
        for start in range(0, len(from_database), 20_000):
            chunk = ",".join(str(int(v)) for v in from_database[start:start + 20_000])
            result = conn.execute(text(
                f"SELECT id, region, referral_date, month FROM referral WHERE id IN ({chunk})"
            ))
            parts.append(pd.DataFrame(result.all(), columns=["id", "region", "referral_date",
                                                              "month"]))
    parts = [p.astype({"region": object}) for p in parts if len(p)]
    found = (pd.concat(parts, ignore_index=True) if parts else
             pd.DataFrame(columns=["id", "region", "referral_date", "month"]))
    found["referral_date"] = pd.to_datetime(found["referral_date"])
    found["month"] = pd.to_datetime(found["month"])
    return found.drop_duplicates("id", keep="first").set_index("id")


# ---- preparing rows -------------------------------------------------------------------------


def _first_of_month(dates: pd.Series) -> pd.Series:
    # datetime64 arithmetic rather than to_period: the same first days, without Period objects.
    return pd.Series(dates.to_numpy(dtype="datetime64[M]").astype("datetime64[ns]"),
                     index=dates.index)


def _prepare(parsed: ParsedTable, engine: Engine, refs: References, salt: str) -> Prepared:
    """Database rows of one batch; referential problems are added to ``parsed.problems``."""
    spec, frame = parsed.spec, parsed.frame
    prepared = Prepared(spec)
    if spec is REGIONS:
        prepared.rows = pd.DataFrame({
            "code": frame["code"], "name": frame["region_name"],
            "anderhalvelijn_start": frame["anderhalvelijn_start"],
            "synthetic": frame["synthetic"].fillna(False).astype(bool),
        })
        refs.regions |= set(frame["code"].dropna())
        return prepared
    if spec in (REGION_POPULATION, COSTS, SURVEY, HF_ADMISSIONS, PRACTICES):
        check_known(parsed, "region", refs.regions, "region")
    if spec is PRACTICES:
        prepared.rows = pd.DataFrame({
            "code": frame["code"], "region": frame["region"], "name": frame["practice_name"],
            "joined_on": frame["joined_on"],
        })
        refs.practice_region.update(zip(frame["code"], frame["region"], strict=True))
        return prepared
    if spec is REGION_POPULATION:
        prepared.rows = frame[["region", "year", "inhabitants", "inhabitants_18plus"]].copy()
        return prepared
    if spec in (POPULATION, REFERRALS):
        check_known(parsed, "practice", set(refs.practice_region), "practice")
    if spec in (REFERRALS, SURVEY):
        key = spec.key[0]
        prepared.key_hashes = pseudonymise(frame[key], salt)
    if parsed.problems:
        return prepared
    if spec is POPULATION:
        prepared.rows = frame[["practice", "year", "age_band", "sex", "listed_patients"]].copy()
        prepared.cells = pd.DataFrame({
            "region": frame["practice"].map(refs.practice_region), "year": frame["year"]
        }).drop_duplicates()
        return prepared
    if spec is REFERRALS:
        # Categoricals: the dimensions repeat a handful of values over millions of rows, and
        # the aggregates group on their integer codes.
        practice = frame["practice"].astype("category")
        icpc = frame["icpc"].astype("category")
        month = _first_of_month(frame["referral_date"])
        region = _recode(practice, refs.practice_region)
        rows = pd.DataFrame({
            "id": prepared.key_hashes,
            "region": region,
            "practice": practice,
            "referral_date": frame["referral_date"],
            "month": month,
            "patient_pseudonym": pseudonymise(frame["patient_id"], salt),
            "age_band": frame["age_band"].astype("category"),
            "sex": frame["sex"].astype("category"),
            "icpc": icpc,
            "condition": _recode(icpc, ICPC_CONDITION, default="overig"),
            "destination": frame["destination"].astype("category"),
            "urgent": frame["urgent"].astype(bool),
            "rta_conform": frame["rta_conform"].astype(bool),
        })
        prepared.rows = rows
        prepared.cells = _cells(region, month)
        return prepared
    if spec is CONSULTS:
        referral_ids = pd.Series(pseudonymise(frame["referral_id"], salt), index=frame.index)
        known = _referrals_by_id(engine, referral_ids, refs)
        missing = ~referral_ids.isin(known.index)
        shown = parsed.header_names.get("referral_id", "referral_id")
        parsed.problems.add_rows(
            missing, shown,
            lambda rows: "'" + frame.loc[rows, "referral_id"].astype(str)
            + "': unknown referral; load its referral first",
        )
        referral_date = _lookup(referral_ids, known["referral_date"])
        before = frame["consult_date"] < referral_date
        parsed.problems.add_rows(
            before.fillna(False).astype(bool), parsed.header_names["consult_date"],
            lambda rows: "consult date " + frame.loc[rows, "consult_date"].dt.strftime("%d-%m-%Y")
            + " lies before its referral date " + referral_date.loc[rows].dt.strftime("%d-%m-%Y"),
        )
        prepared.key_hashes = pseudonymise(frame["consult_id"], salt)
        if parsed.problems:
            return prepared
        region = _lookup(referral_ids, known["region"]).astype("category")
        month = _first_of_month(frame["consult_date"])
        rows = pd.DataFrame({
            "id": prepared.key_hashes,
            "referral_id": referral_ids.to_numpy(),
            "region": region,
            "consult_date": frame["consult_date"],
            "month": month,
            "setting": frame["setting"],
            "outcome": frame["outcome"],
            "satisfaction": frame["satisfaction"].astype("float64"),
        })
        prepared.rows = rows
        prepared.cells = _cells(region, month)
        prepared.referral_cells = pd.DataFrame({
            "region": _lookup(referral_ids, known["region"]),
            "month": _lookup(referral_ids, known["month"]),
        }).drop_duplicates()
        return prepared
    if spec is COSTS:
        rows = frame[["region", "year", "month", "setting", "cost_type", "payer",
                      "amount"]].copy()
        rows["month"] = rows["month"].fillna(0).astype(int)
        prepared.rows = rows
    elif spec is SURVEY:
        prepared.rows = pd.DataFrame({
            "id": prepared.key_hashes, "region": frame["region"],
            "year": frame["year"], "profession": frame["profession"],
            "score": frame["score"].astype("float64"),
        })
    elif spec is HF_ADMISSIONS:
        prepared.rows = frame[["region", "year", "month", "admissions"]].copy()
    prepared.cells = prepared.rows[["region", "year"]].drop_duplicates()
    return prepared


def _cells(region: pd.Series, month: pd.Series) -> pd.DataFrame:
    """The distinct region x month pairs, from integer codes rather than a frame-wide
    drop_duplicates over millions of rows."""
    codes = region.cat.codes.to_numpy().astype(np.int64)
    months = month.to_numpy(dtype="datetime64[M]").astype(np.int64)
    pairs = np.unique(codes * 1_000_000 + (months - months.min() if len(months) else months))
    if not len(pairs):
        return pd.DataFrame({"region": pd.Series(dtype=object),
                             "month": pd.Series(dtype="datetime64[ns]")})
    code, offset = np.divmod(pairs, 1_000_000)
    categories = np.append(np.asarray(region.cat.categories, dtype=object), None)
    first = (offset + months.min()).astype("datetime64[M]").astype("datetime64[ns]")
    return pd.DataFrame({"region": categories[code], "month": first}).dropna(subset=["region"])


def _recode(values: pd.Series, mapping: dict, default: str | None = None) -> pd.Series:
    """A categorical mapped through ``mapping`` category by category, not row by row."""
    target = pd.Index([mapping.get(c, default) for c in values.cat.categories], dtype=object)
    categories = pd.Index(target.dropna().unique(), dtype=object)
    per_category = categories.get_indexer(target)
    old = values.cat.codes.to_numpy()
    new = np.where(old >= 0, per_category[np.maximum(old, 0)], -1)
    return pd.Series(pd.Categorical.from_codes(new, categories), index=values.index)


def _lookup(keys: pd.Series, values: pd.Series) -> pd.Series:
    # reindex rather than Series.map: map on an empty datetime lookup fails in pandas 3.
    found = values[~values.index.duplicated()].reindex(keys.to_numpy())
    return pd.Series(found.to_numpy(), index=keys.index)


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Batches joined, categorical columns kept categorical (their categories united)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame()
    if len(parts) == 1:
        return parts[0]
    columns = {}
    for name in parts[0].columns:
        pieces = [p[name] for p in parts]
        if all(isinstance(p.dtype, pd.CategoricalDtype) for p in pieces):
            columns[name] = pd.Series(union_categoricals(pieces, ignore_order=True))
        else:
            columns[name] = pd.concat(pieces, ignore_index=True)
    return pd.DataFrame(columns)


# ---- writing --------------------------------------------------------------------------------


def _last_loaded_sha(engine: Engine, table: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT sha256 FROM load_log WHERE table_name = :table AND outcome = 'loaded' "
            "ORDER BY id DESC LIMIT 1"), {"table": table}).scalar()


def _practice_pseudonyms(engine: Engine, codes: pd.Series, salt: str) -> pd.Series:
    with engine.connect() as conn:
        existing = dict(conn.execute(text("SELECT code, pseudonym FROM practice")).all())
    taken = set(existing.values())
    pseudonyms = {}
    for code in codes:
        if code in existing:
            pseudonyms[code] = existing[code]
            continue
        digest = hashlib.sha256(f"{hash_key(salt)}:{code}".encode()).hexdigest().upper()
        for length in (4, 6, 8, 12):
            candidate = f"Praktijk {digest[:length]}"
            if candidate not in taken:
                break
        taken.add(candidate)
        pseudonyms[code] = candidate
    return codes.map(pseudonyms)


def _write(writer: Writer, engine: Engine, prepared: Prepared, salt: str) -> None:
    """A whole small file (not referrals or consults, which stream)."""
    spec, rows = prepared.spec, prepared.rows
    if spec is REGIONS:
        writer.upsert("region", rows, ["code"])
    elif spec is PRACTICES:
        rows = rows.assign(pseudonym=_practice_pseudonyms(engine, rows["code"], salt))
        writer.upsert("practice", rows, ["code"])
        aggregates.refresh_population(writer)
    elif spec is REGION_POPULATION:
        writer.upsert("region_population", rows, ["region", "year"])
    elif spec is POPULATION:
        for region, year in prepared.cells.itertuples(index=False):
            writer.execute(
                "DELETE FROM practice_population WHERE year = :year AND practice IN "
                "(SELECT code FROM practice WHERE region = :region)",
                {"year": int(year), "region": region},
            )
        writer.ingest("practice_population", rows)
        aggregates.refresh_population(writer, prepared.cells)
    else:
        aggregates.delete_cells(writer, spec.db_table, prepared.cells, period="year")
        if spec is SURVEY:
            _delete_ids(writer, "survey_response", rows["id"])
        writer.ingest(spec.db_table, rows)


def _table_has_rows(writer: Writer, table: str) -> bool:
    return len(writer.query(f"SELECT 1 AS x FROM {table} LIMIT 1")) > 0


def _delete_ids(writer: Writer, table: str, ids: pd.Series,
                cell_columns: str | None = None) -> pd.DataFrame:
    """Delete rows whose id is in ``ids``; return the cells they were in (ids moved)."""
    if not _table_has_rows(writer, table):
        return pd.DataFrame(columns=["region", "month"])
    moved = []
    for start in range(0, len(ids), 20_000):
        chunk = ",".join(str(int(v)) for v in ids.iloc[start:start + 20_000])
        if cell_columns:
            moved.append(writer.query(
                f"SELECT DISTINCT {cell_columns} FROM {table} WHERE id IN ({chunk})"))
        writer.execute(f"DELETE FROM {table} WHERE id IN ({chunk})")
    if not moved:
        return pd.DataFrame(columns=["region", "month"])
    return pd.concat(moved, ignore_index=True).drop_duplicates()


# Indexes of the big raw tables that a first load into an empty table builds once, at the end
# of the file, instead of inserting every row into them: keyed hashes arrive in random order,
# and on 2 million referrals the unique id index costs 3.6 s row by row against 0.8 s built
# afterwards (migration 0007). The (region, month) indexes stay: the load deletes and reads
# by cell, and rows arrive sorted on them.
_INDEXES_BUILT_LATER = {"referral": ("ux_referral_id",),
                        "consult": ("ux_consult_id", "ix_consult_referral_id")}
_CELL_INDEX_ORDER = {"referral": ["region", "month", "referral_date"],
                     "consult": ["region", "month"]}


def _drop_indexes_built_later(writer: Writer, engine: Engine, table: str) -> list[str]:
    """Drop ``table``'s indexes in ``_INDEXES_BUILT_LATER``; return the statements that build
    them again. Only for a writer whose database keeps showing readers the committed indexes
    meanwhile (SQLite's WAL): on PostgreSQL a DROP INDEX would lock the table for the load."""
    from sqlalchemy.schema import CreateIndex
    from sqlmodel import SQLModel

    indexes = [index for index in SQLModel.metadata.tables[table].indexes
               if index.name in _INDEXES_BUILT_LATER[table]]
    for index in indexes:
        writer.execute(f"DROP INDEX {index.name}")
    return [str(CreateIndex(index).compile(dialect=engine.dialect)) for index in indexes]


def _outside(moved: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    if not len(moved):
        return moved
    moved = moved.assign(month=pd.to_datetime(moved["month"]))
    keys = set(zip(cells["region"], pd.to_datetime(cells["month"]), strict=True))
    mask = [key not in keys for key in zip(moved["region"], moved["month"], strict=True)]
    return moved[mask]


def _month_cells(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    parts = [f[["region", "month"]].astype({"region": object}) for f in frames if len(f)]
    if not parts:
        return pd.DataFrame({"region": pd.Series(dtype=object),
                             "month": pd.Series(dtype="datetime64[ns]")})
    cells = pd.concat(parts, ignore_index=True)
    cells["month"] = pd.to_datetime(cells["month"])
    return cells.dropna().drop_duplicates().reset_index(drop=True)


class _Sink:
    """Where the batches of one file go once they are valid: written now, or kept for the
    end of the file. ``cells`` are the region x period cells the file touched."""

    def __init__(self, load: _Load, spec: TableSpec) -> None:
        self.load = load
        self.spec = spec
        self.cells: list[pd.DataFrame] = []

    def write(self, prepared: Prepared) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def scope(self) -> pd.DataFrame:
        cells = [c for c in self.cells if len(c)]
        return pd.concat(cells, ignore_index=True).drop_duplicates() if cells else pd.DataFrame()


class _WholeFile(_Sink):
    """Small tables (regions, practices, populations, costs, survey, admissions): kept until
    the file is complete, then written as one (practice pseudonyms and upserts need all
    rows)."""

    def __init__(self, load: _Load, spec: TableSpec) -> None:
        super().__init__(load, spec)
        self.rows: list[pd.DataFrame] = []

    def write(self, prepared: Prepared) -> None:
        self.rows.append(prepared.rows)
        self.cells.append(prepared.cells)

    def finish(self) -> None:
        rows = [r for r in self.rows if len(r)]
        cells = [c for c in self.cells if len(c)]
        prepared = Prepared(
            self.spec,
            rows=pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(),
            cells=pd.concat(cells, ignore_index=True).drop_duplicates() if cells
            else pd.DataFrame(),
        )
        if len(prepared.rows):
            _write(self.load.writer(), self.load.engine, prepared, self.load.salt)


class _MonthCells(_Sink):
    """Referral and consult rows, written batch by batch.

    A file replaces the earlier rows of the region x month cells it contains: a cell is
    emptied the first time a batch touches it, never again (that would delete rows an earlier
    batch of this file wrote). Rows whose id exists elsewhere (a referral moved to another
    month) are deleted by id; the cells they left are refreshed at the end.
    """

    def __init__(self, load: _Load, spec: TableSpec) -> None:
        super().__init__(load, spec)
        self.table = spec.db_table
        self.seen: set[tuple] = set()
        self.table_had_rows: bool | None = None
        self.moved: list[pd.DataFrame] = []
        self.kept: list[pd.DataFrame] = []
        self.index_builds: list[str] = []

    def write(self, prepared: Prepared) -> None:
        if not len(prepared.rows):
            return
        writer = self.load.writer()
        if self.table_had_rows is None:
            # Asked once: a first load of an empty table has nothing to replace by id.
            self.table_had_rows = _table_has_rows(writer, self.table)
            if not self.table_had_rows and writer.defers_index_builds:
                self.index_builds = _drop_indexes_built_later(writer, self.load.engine,
                                                              self.table)
        cells = _month_cells([prepared.cells])
        new = cells[[key not in self.seen for key in cells.itertuples(index=False)]]
        self.seen.update(new.itertuples(index=False))
        self.cells.append(new)
        self.before_delete(writer, new)
        if self.table_had_rows:
            aggregates.delete_cells(writer, self.table, new)
            self.moved.append(_delete_ids(writer, self.table, prepared.rows["id"],
                                          "region, month"))
        # In the order of an index the rows go into, so SQLite fills it page by page: the id
        # index while it is there, otherwise the (region, month) one.
        order = ["id"] if not self.index_builds else _CELL_INDEX_ORDER[self.table]
        writer.ingest(self.table, prepared.rows.sort_values(order, kind="stable"))
        self.keep(prepared)

    def build_indexes(self) -> None:
        """Build the indexes a first load dropped, before anything looks rows up by id."""
        for statement in self.index_builds:
            self.load.writer().execute(statement)
        self.index_builds = []

    def before_delete(self, writer: Writer, new_cells: pd.DataFrame) -> None:
        pass

    def keep(self, prepared: Prepared) -> None:
        raise NotImplementedError

    def all_cells(self) -> pd.DataFrame:
        return _month_cells(self.cells)

    def scope(self) -> pd.DataFrame:
        return self.all_cells()


class _Referrals(_MonthCells):
    def keep(self, prepared: Prepared) -> None:
        self.kept.append(prepared.rows[_KEPT_REFERRAL_COLUMNS])

    def finish(self) -> None:
        if not self.kept:
            return  # a file without rows replaces nothing
        self.build_indexes()
        writer = self.load.writer()
        cells = self.all_cells()
        rows = _concat(self.kept)
        self.kept = []
        moved = _outside(_month_cells(self.moved), cells)
        aggregates.refresh_referrals(writer, cells, rows, extra_cells=moved)
        self.load.defer_episodes(cells, referrals=rows)
        self.load.defer_episodes(moved)


class _Consults(_MonthCells):
    def __init__(self, load: _Load, spec: TableSpec) -> None:
        super().__init__(load, spec)
        self.affected: list[pd.DataFrame] = []
        self.episode_consults: list[pd.DataFrame] = []

    def before_delete(self, writer: Writer, new_cells: pd.DataFrame) -> None:
        if not self.table_had_rows:
            return
        # Referral months whose episodes change: those of the consults replaced ...
        for region, month in new_cells.itertuples(index=False):
            self.affected.append(writer.query(
                "SELECT DISTINCT r.region AS region, r.month AS month FROM consult c JOIN "
                "referral r ON r.id = c.referral_id WHERE c.region = :region "
                "AND c.month = :month",
                {"region": region, "month": aggregates._sql_value(month)},
            ))

    def keep(self, prepared: Prepared) -> None:
        rows = prepared.rows
        self.kept.append(rows[["region", "month", "setting", "satisfaction"]])
        if not self.table_had_rows:
            # The first consults of an empty table are all there is: the episodes are computed
            # from these instead of being read back from the database.
            self.episode_consults.append(pd.DataFrame({
                "region": rows["region"], "referral_id": rows["referral_id"],
                "consult_date": rows["consult_date"],
                "setting": rows["setting"].astype("category"),
                "outcome": rows["outcome"].astype("category"),
            }))
        # ... and those of the new consults.
        self.affected.append(prepared.referral_cells)

    def finish(self) -> None:
        if not self.kept:
            return  # a file without rows replaces nothing
        self.build_indexes()
        writer = self.load.writer()
        cells = self.all_cells()
        scored = _concat(self.kept)
        self.kept = []
        aggregates.refresh_satisfaction(writer, cells, scored)
        moved = _outside(_month_cells(self.moved), cells)
        for region, month in moved.itertuples(index=False):
            params = {"region": region, "month": aggregates._sql_value(month)}
            scored = writer.query(
                "SELECT region, month, setting, satisfaction FROM consult "
                "WHERE region = :region AND month = :month", params)
            writer.execute("DELETE FROM agg_satisfaction WHERE region = :region "
                           "AND month = :month", params)
            writer.ingest("agg_satisfaction", aggregates.satisfaction_counts(scored))
        complete = _concat(self.episode_consults) if not self.table_had_rows else None
        self.episode_consults = []
        self.load.defer_consult_episodes(_month_cells(self.affected), complete)


def _sink(load: _Load, spec: TableSpec) -> _Sink:
    if spec is REFERRALS:
        return _Referrals(load, spec)
    if spec is CONSULTS:
        return _Consults(load, spec)
    return _WholeFile(load, spec)


def _describe_scope(cells: pd.DataFrame) -> str:
    if not len(cells):
        return ""
    period = "month" if "month" in cells else "year"
    parts = []
    for region, group in cells.groupby("region"):
        values = sorted(group[period])
        if period == "month":
            first, last = values[0], values[-1]
            parts.append(f"{region} {first:%m-%Y}..{last:%m-%Y}")
        else:
            parts.append(f"{region} {int(values[0])}..{int(values[-1])}")
    return "; ".join(parts)


# ---- the load -------------------------------------------------------------------------------


class _Load:
    """The write side of one load: one writer, opened at the first write, and whether the
    load still writes (no problem so far and not a dry run)."""

    def __init__(self, engine: Engine, salt: str, writing: bool) -> None:
        self.engine = engine
        self.salt = salt
        self.writing = writing
        self._writer: Writer | None = None
        self._episode_cells: list[pd.DataFrame] = []
        self._episode_referrals: pd.DataFrame | None = None
        self._episode_covered: pd.DataFrame | None = None
        self._referral_files = 0
        self._consult_files = 0
        self._consults_at_start = True
        self._episode_consults: pd.DataFrame | None = None

    def defer_episodes(self, cells: pd.DataFrame, referrals: pd.DataFrame | None = None
                       ) -> None:
        """Mark referral-month cells whose episode aggregates must be recomputed.

        They are recomputed once, at the end of the load (``refresh_episodes``): a referral
        file and its consult file would otherwise each recompute the same months, and the
        second would read back from the database everything the first had in memory.
        ``referrals``, all rows of a referral file's ``cells``, are used for those cells when
        they are the load's only referral file; with a second one, rows may have moved
        between the files, so the cells are read back from the transaction instead.
        """
        if len(cells):
            self._episode_cells.append(cells[["region", "month"]])
        if referrals is None:
            return
        self._referral_files += 1
        if self._referral_files == 1:
            self._episode_referrals, self._episode_covered = referrals, cells
        else:
            self._episode_referrals = self._episode_covered = None

    def defer_consult_episodes(self, cells: pd.DataFrame, complete: pd.DataFrame | None
                               ) -> None:
        """As ``defer_episodes``, for the referral months a consult file touched.

        ``complete``, given by a consult file loaded into an empty table, are every consult
        there is, unless another consult file follows in the same load; then all are read
        back from the transaction.
        """
        self.defer_episodes(cells)
        self._consult_files += 1
        self._episode_consults = complete if self._consult_files == 1 else None

    def refresh_episodes(self) -> None:
        cells = _month_cells(self._episode_cells)
        consults = self._episode_consults
        if consults is None and not self._consult_files and not self._consults_at_start:
            # No consult anywhere: nothing to read back, month by month.
            consults = pd.DataFrame(columns=["region", "referral_id", "consult_date",
                                             "setting", "outcome"])
        if len(cells):
            aggregates.refresh_episodes(self.writer(), cells, referrals=self._episode_referrals,
                                        covered=self._episode_covered, consults=consults)
        self._episode_cells = []
        self._episode_referrals = self._episode_covered = self._episode_consults = None

    def writer(self) -> Writer:
        if self._writer is None:
            self._writer = open_writer(self.engine)
            # Asked now, while the writer has nothing queued (a later question waits for it).
            self._consults_at_start = _table_has_rows(self._writer, "consult")
        return self._writer

    @property
    def opened(self) -> bool:
        return self._writer is not None

    def stop(self) -> None:
        self.writing = False

    def log(self, result: FileResult, sha: str) -> None:
        self.writer().execute(
            "INSERT INTO load_log (file_name, table_name, sha256, rows, loaded_at, outcome, "
            "scope, message) VALUES (:file_name, :table_name, :sha256, :rows, :loaded_at, "
            "'loaded', :scope, '')",
            {"file_name": result.path.name, "table_name": result.table, "sha256": sha,
             "rows": result.rows,
             "loaded_at": datetime.now(UTC).replace(tzinfo=None).isoformat(
                 sep=" ", timespec="seconds"),
             "scope": result.scope},
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_check(spec: TableSpec, path: Path, today: date, salt: str) -> FileCheck:
    check = FileCheck(spec, path.name, today)
    key = spec.column(spec.key[0])
    if len(spec.key) == 1 and key.pseudonymise:
        # The pseudonym is the key's hash: equal ids, equal pseudonyms; a repeated pseudonym
        # of different ids is a collision, refused as well.
        check.key_hash = lambda frame: pseudonymise(frame[key.name], salt)
    return check


def _run(paths: Iterable[Path], load: _Load, today: date | None, skip_unchanged: bool,
         progress: bool, batch_rows: int | None) -> LoadReport:
    engine, salt = load.engine, load.salt
    today = today or date.today()
    found, rejected = discover(paths)
    report = LoadReport(list(rejected))
    if not report.ok:
        load.stop()
    refs = _references(engine)
    for path, spec in found:
        started = time.perf_counter()
        result = FileResult(path, spec.name)
        report.files.append(result)
        sha = _sha256(path)
        if skip_unchanged and _last_loaded_sha(engine, spec.name) == sha:
            result.outcome = "unchanged"
            continue
        _run_file(path, spec, sha, result, load, refs, engine, salt, today, progress,
                  batch_rows)
        result.seconds = time.perf_counter() - started
    return report


def _run_file(path: Path, spec: TableSpec, sha: str, result: FileResult, load: _Load,
              refs: References, engine: Engine, salt: str, today: date, progress: bool,
              batch_rows: int | None) -> None:
    refs.current_file += 1
    check = _file_check(spec, path, today, salt)
    sink = _sink(load, spec)
    bar = _progress_bar(progress, path)
    try:
        for parsed in _parsed_batches(path, spec, check, batch_rows):
            result.rows += len(parsed.raw.frame)
            prepared = _prepare(parsed, engine, refs, salt) if parsed.ok else None
            check.track_keys(parsed, prepared.key_hashes if prepared is not None else None)
            _remember_keys(parsed, refs, salt, prepared)
            check.add(parsed.problems)
            if not check.ok:
                load.stop()
            elif load.writing:
                sink.write(prepared)
            if bar is not None:
                bar.update(len(parsed.raw.frame))
    except ReadError as error:
        result.outcome = "rejected"
        result.problems.append(Problem(path.name, None, None, str(error)))
        load.stop()
        return
    finally:
        if bar is not None:
            bar.close()
    # Rows with a repeated key are named by reading the file again (only then).
    problems = check.problems(
        lambda: _parsed_batches(path, spec, _file_check(spec, path, today, salt), batch_rows,
                                header_names=check.header_names))
    if problems:
        result.outcome = "rejected"
        result.problems.extend(problems)
        load.stop()
        return
    result.scope = _describe_scope(sink.scope())
    if load.writing:
        sink.finish()
        load.log(result, sha)


def _parsed_batches(path: Path, spec: TableSpec, check: FileCheck, batch_rows: int | None,
                    header_names: dict[str, str] | None = None) -> Iterator[ParsedTable]:
    if header_names is not None:
        check.header_names = header_names
    for raw in iter_batches(path, batch_rows):
        yield parse(raw, spec, check.today, check)


def _remember_keys(parsed: ParsedTable, refs: References, salt: str,
                   prepared: Prepared | None) -> None:
    # Keys of a rejected regions or practices file still count as known, so one bad cell
    # there does not drown the report in "unknown region" lines for every other file.
    if parsed.spec is REFERRALS and prepared is not None and len(prepared.rows):
        refs.add_pending(
            prepared.rows[["id", "region", "referral_date", "month"]])
        return
    frame = parsed.frame
    if not len(frame.columns):
        # Refused before conversion (a missing or personal-data column): use the raw text.
        frame = pd.DataFrame({
            canonical: parsed.raw.frame[original].str.strip()
            for canonical, original in parsed.header_names.items()
        })
        if "referral_date" in frame:
            frame["referral_date"] = pd.NaT
    if parsed.spec is REGIONS and "code" in frame:
        refs.regions |= set(frame["code"].dropna())
    elif parsed.spec is PRACTICES and {"code", "region"} <= set(frame):
        known = frame.dropna(subset=["code"])
        refs.practice_region.update(zip(known["code"], known["region"], strict=True))
    elif parsed.spec is REFERRALS and "referral_id" in frame:
        known = frame.dropna(subset=["referral_id"])
        refs.add_pending(pd.DataFrame({
            "id": pseudonymise(known["referral_id"], salt),
            "region": known["practice"].map(refs.practice_region) if "practice" in known
            else None,
            "referral_date": known["referral_date"] if "referral_date" in known else pd.NaT,
            "month": pd.NaT,
        }))


def _progress_bar(progress: bool, path: Path):
    if not progress or path.stat().st_size < PROGRESS_MIN_BYTES:
        return None
    from tqdm import tqdm

    return tqdm(desc=path.name, unit=" rijen", unit_scale=True, leave=False)


# ---- the public entry points ----------------------------------------------------------------


def validate_paths(paths: Iterable[Path], engine: Engine | None = None,
                   today: date | None = None, batch_rows: int | None = BATCH_ROWS
                   ) -> LoadReport:
    """Dry run: read and check every file against the database, write nothing."""
    engine, salt = _engine_and_salt(engine)
    return _run(paths, _Load(engine, salt, writing=False), today, skip_unchanged=False,
                progress=False, batch_rows=batch_rows)


def load_paths(paths: Iterable[Path], engine: Engine | None = None, progress: bool = False,
               today: date | None = None, actor: str | None = None,
               batch_rows: int | None = BATCH_ROWS) -> LoadReport:
    """Load files or directories in one transaction; nothing is written if any file fails.

    Files are read in batches of ``batch_rows`` rows (``None``: each file in one piece).
    Every load, also a refused one, is written to the audit log (``dashboard.audit``) with
    ``actor`` (by default the operating-system user), the files, their outcome and row counts.
    """
    engine, _salt = _engine_and_salt(engine)
    paths = list(paths)
    report = _load_paths(paths, engine, progress, today, batch_rows)
    _audit_load(engine, report, actor)
    return report


def _audit_load(engine: Engine, report: LoadReport, actor: str | None) -> None:
    from dashboard import audit

    if actor is None:
        try:
            actor = f"cli:{getpass.getuser()}"
        except (KeyError, OSError):
            actor = "cli"
    audit.record(
        engine, "data_load", username=actor, ok=report.ok, rows=report.rows_loaded,
        problems=len(report.problems),
        files=[f"{r.path.name}: {r.outcome} ({r.rows})" for r in report.files],
    )


def _load_paths(paths: list[Path], engine: Engine, progress: bool, today: date | None,
                batch_rows: int | None = BATCH_ROWS) -> LoadReport:
    engine, salt = _engine_and_salt(engine)
    load = _Load(engine, salt, writing=True)
    try:
        report = _run(paths, load, today, skip_unchanged=True, progress=progress,
                      batch_rows=batch_rows)
        written = [r for r in report.files if r.outcome == "valid"]
        if not report.ok:
            if load.opened:
                load.writer().rollback()
            for result in written:
                result.outcome = "not loaded"
            return report
        if load.opened:
            started = time.perf_counter()
            load.refresh_episodes()
            load.writer().commit()
            if written:
                written[-1].seconds += time.perf_counter() - started
        for result in written:
            result.outcome = "loaded"
        return report
    except BaseException:
        if load.opened:
            load.writer().rollback()
        raise
    finally:
        if load.opened:
            load.writer().close()


def _engine_and_salt(engine: Engine | None) -> tuple[Engine, str]:
    from dashboard.database import get_engine
    from dashboard.settings import get_settings

    return (engine or get_engine()), get_settings().salt


__all__ = ["FileResult", "LoadReport", "ProblemList", "discover", "load_paths", "validate_paths"]
