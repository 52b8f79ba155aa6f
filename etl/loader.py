"""Loading files: read, validate, pseudonymise, and write in one transaction.

A load is all or nothing: every file is read and validated first (all problems of all files
reported together); only when none has a problem is anything written, in one transaction, so
a failure at any point leaves the database exactly as it was. Loading a file whose content
was the last one loaded for its table is skipped, and a file replaces the rows earlier loaded
for exactly the regions and periods it contains, so loading twice changes nothing.
"""

from __future__ import annotations

import getpass
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Engine, text

from dashboard.codes import ICPC_CONDITION
from etl import aggregates
from etl.privacy import hash_key, pseudonymise
from etl.problems import Problem, ProblemList
from etl.reading import ReadError, read_file
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
from etl.validation import ParsedTable, check_known, parse
from etl.writer import Writer, open_writer

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt")
PROGRESS_MIN_ROWS = 100_000


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
    """A validated file turned into database rows."""

    result: FileResult
    spec: TableSpec
    sha256: str
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)  # region x month|year touched


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
    pending_referrals: list[pd.DataFrame] = field(default_factory=list)


def _references(engine: Engine) -> References:
    with engine.connect() as conn:
        regions = {row[0] for row in conn.execute(text("SELECT code FROM region"))}
        practices = dict(conn.execute(text("SELECT code, region FROM practice")).all())
    return References(regions, practices)


def _referrals_by_id(engine: Engine, ids: pd.Series, refs: References) -> pd.DataFrame:
    """Region and referral date of the referrals with the given hashed ids."""
    wanted = pd.unique(ids.dropna())
    parts = [frame[frame["id"].isin(wanted)] for frame in refs.pending_referrals]
    with engine.connect() as conn:
        for start in range(0, len(wanted), 20_000):
            chunk = ",".join(str(int(v)) for v in wanted[start:start + 20_000])
            result = conn.execute(text(
                f"SELECT id, region, referral_date, month FROM referral WHERE id IN ({chunk})"
            ))
            parts.append(pd.DataFrame(result.all(), columns=["id", "region", "referral_date",
                                                              "month"]))
    found = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(
        len(p) for p in parts) else pd.DataFrame(columns=["id", "region", "referral_date", "month"])
    found["referral_date"] = pd.to_datetime(found["referral_date"])
    # A referral in this load overrides the database's version of it.
    return found.drop_duplicates("id", keep="first").set_index("id")


# ---- preparing rows -------------------------------------------------------------------------


def _first_of_month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.to_timestamp()


def _prepare(parsed: ParsedTable, engine: Engine, refs: References, salt: str,
             result: FileResult, sha: str) -> Prepared:
    spec, frame = parsed.spec, parsed.frame
    prepared = Prepared(result, spec, sha)
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
    if parsed.problems:
        return prepared
    if spec is POPULATION:
        prepared.rows = frame[["practice", "year", "age_band", "sex", "listed_patients"]].rename(
            columns={})
        prepared.cells = pd.DataFrame({
            "region": frame["practice"].map(refs.practice_region), "year": frame["year"]
        }).drop_duplicates()
        return prepared
    if spec is REFERRALS:
        month = _first_of_month(frame["referral_date"])
        # Categoricals: the dimensions repeat a handful of values over millions of rows, and
        # the aggregates group on their integer codes.
        practice = frame["practice"].astype("category")
        icpc = frame["icpc"].astype("category")
        rows = pd.DataFrame({
            "id": pseudonymise(frame["referral_id"], salt),
            "region": _recode(practice, refs.practice_region),
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
        _check_unique_hash(parsed, rows["id"], "referral_id")
        prepared.rows = rows.sort_values("id", kind="stable")
        prepared.cells = rows[["region", "month"]].drop_duplicates().astype({"region": object})
        refs.pending_referrals.append(rows[["id", "region", "referral_date", "month"]])
        return prepared
    if spec is CONSULTS:
        referral_ids = pd.Series(pseudonymise(frame["referral_id"], salt), index=frame.index)
        known = _referrals_by_id(engine, referral_ids, refs)
        missing = ~referral_ids.isin(known.index)
        shown = parsed.header_names.get("referral_id", "referral_id")
        parsed.problems.add_rows(
            missing, shown,
            "'" + frame["referral_id"].astype(str) + "': unknown referral; load its referral first",
        )
        referral_date = _lookup(referral_ids, known["referral_date"])
        before = frame["consult_date"] < referral_date
        parsed.problems.add_rows(
            before.fillna(False).astype(bool), parsed.header_names["consult_date"],
            "consult date " + frame["consult_date"].dt.strftime("%d-%m-%Y")
            + " lies before its referral date " + referral_date.dt.strftime("%d-%m-%Y"),
        )
        if parsed.problems:
            return prepared
        rows = pd.DataFrame({
            "id": pseudonymise(frame["consult_id"], salt),
            "referral_id": referral_ids.to_numpy(),
            "region": _lookup(referral_ids, known["region"]).to_numpy(),
            "consult_date": frame["consult_date"],
            "month": _first_of_month(frame["consult_date"]),
            "setting": frame["setting"],
            "outcome": frame["outcome"],
            "satisfaction": frame["satisfaction"].astype("float64"),
        })
        _check_unique_hash(parsed, rows["id"], "consult_id")
        prepared.rows = rows.sort_values("id", kind="stable")
        prepared.cells = rows[["region", "month"]].drop_duplicates()
        return prepared
    if spec is COSTS:
        rows = frame[["region", "year", "month", "setting", "cost_type", "payer",
                      "amount"]].copy()
        rows["month"] = rows["month"].fillna(0).astype(int)
        prepared.rows = rows
    elif spec is SURVEY:
        prepared.rows = pd.DataFrame({
            "id": pseudonymise(frame["response_id"], salt), "region": frame["region"],
            "year": frame["year"], "profession": frame["profession"],
            "score": frame["score"].astype("float64"),
        })
    elif spec is HF_ADMISSIONS:
        prepared.rows = frame[["region", "year", "month", "admissions"]].copy()
    prepared.cells = prepared.rows[["region", "year"]].drop_duplicates()
    return prepared


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


def _check_unique_hash(parsed: ParsedTable, hashed: pd.Series, column: str) -> None:
    # Distinct source ids with the same 64-bit hash are astronomically rare, but a silent
    # merge of two referrals would be worse than refusing the file.
    if hashed.duplicated().any() and not parsed.frame[column].duplicated().any():
        parsed.problems.add(f"two different {column} values share a pseudonym; "
                            "change the salt or report this", column=column)


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
    spec, rows = prepared.spec, prepared.rows
    if spec is REGIONS:
        writer.upsert("region", rows, ["code"])
    elif spec is PRACTICES:
        rows = rows.assign(pseudonym=_practice_pseudonyms(engine, rows["code"], salt))
        writer.upsert("practice", rows, ["code"])
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
    elif spec is REFERRALS:
        _write_referrals(writer, prepared)
    elif spec is CONSULTS:
        _write_consults(writer, prepared)
    else:
        for region, year in prepared.cells.itertuples(index=False):
            writer.execute(f"DELETE FROM {spec.db_table} WHERE region = :region AND year = :year",
                           {"region": region, "year": int(year)})
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


def _write_referrals(writer: Writer, prepared: Prepared) -> None:
    rows, cells = prepared.rows, prepared.cells
    aggregates.delete_cells(writer, "referral", cells)
    moved = _delete_ids(writer, "referral", rows["id"], "region, month")
    moved = _outside(moved, cells)
    writer.ingest("referral", rows)
    aggregates.refresh_referrals(writer, cells, rows, extra_cells=moved)
    aggregates.refresh_episodes(writer, cells, referrals=rows)
    if len(moved):
        aggregates.refresh_episodes(writer, moved)


def _write_consults(writer: Writer, prepared: Prepared) -> None:
    rows, cells = prepared.rows, prepared.cells
    # Referral months whose episodes change: those of the consults replaced and of the new ones.
    affected = []
    for region, month in cells.itertuples(index=False):
        affected.append(writer.query(
            "SELECT DISTINCT r.region AS region, r.month AS month FROM consult c "
            "JOIN referral r ON r.id = c.referral_id WHERE c.region = :region AND c.month = :month",
            {"region": region, "month": aggregates._sql_value(month)},
        ))
    aggregates.delete_cells(writer, "consult", cells)
    moved = _outside(_delete_ids(writer, "consult", rows["id"], "region, month"), cells)
    writer.ingest("consult", rows)
    aggregates.refresh_satisfaction(writer, cells, rows)
    for region, month in moved.itertuples(index=False):
        params = {"region": region, "month": aggregates._sql_value(month)}
        scored = writer.query(
            "SELECT region, month, setting, satisfaction FROM consult "
            "WHERE region = :region AND month = :month", params)
        writer.execute("DELETE FROM agg_satisfaction WHERE region = :region AND month = :month",
                       params)
        writer.ingest("agg_satisfaction", aggregates.satisfaction_counts(scored))
    new_months = writer.query(
        "SELECT DISTINCT region, month FROM referral WHERE id IN ("
        + ",".join(str(int(v)) for v in pd.unique(rows["referral_id"])) + ")"
    ) if len(rows) else pd.DataFrame(columns=["region", "month"])
    affected.append(new_months)
    cells_to_refresh = pd.concat(affected, ignore_index=True).drop_duplicates()
    aggregates.refresh_episodes(writer, cells_to_refresh)


def _outside(moved: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    if not len(moved):
        return moved
    moved = moved.assign(month=pd.to_datetime(moved["month"]))
    keys = set(zip(cells["region"], pd.to_datetime(cells["month"]), strict=True))
    mask = [key not in keys for key in zip(moved["region"], moved["month"], strict=True)]
    return moved[mask]


def _describe_scope(prepared: Prepared) -> str:
    cells = prepared.cells
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


# ---- the public entry points ----------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _prepare_all(paths: Iterable[Path], engine: Engine, salt: str, today: date | None,
                 skip_unchanged: bool, progress: bool) -> tuple[list[Prepared], LoadReport]:
    found, rejected = discover(paths)
    report = LoadReport(list(rejected))
    refs = _references(engine)
    prepared_files: list[Prepared] = []
    for path, spec in found:
        started = time.perf_counter()
        result = FileResult(path, spec.name)
        report.files.append(result)
        sha = _sha256(path)
        if skip_unchanged and _last_loaded_sha(engine, spec.name) == sha:
            result.outcome = "unchanged"
            continue
        bar = _progress_bar(progress, path)
        try:
            raw = read_file(path)
        except ReadError as error:
            result.outcome = "rejected"
            result.problems.append(Problem(path.name, None, None, str(error)))
            continue
        result.rows = len(raw.frame)
        _advance(bar, "gelezen")
        parsed = parse(raw, spec, today=today)
        _advance(bar, "gevalideerd")
        prepared = _prepare(parsed, engine, refs, salt, result, sha) if parsed.ok else None
        _remember_keys(parsed, refs, salt)
        _advance(bar, "gepseudonimiseerd")
        if bar is not None:
            bar.close()
        if parsed.problems:
            result.outcome = "rejected"
            result.problems.extend(parsed.problems)
        elif prepared is not None:
            result.scope = _describe_scope(prepared)
            prepared_files.append(prepared)
        result.seconds = time.perf_counter() - started
    return prepared_files, report


def _remember_keys(parsed: ParsedTable, refs: References, salt: str) -> None:
    # Keys of a rejected regions or practices file still count as known, so one bad cell
    # there does not drown the report in "unknown region" lines for every other file.
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
    elif parsed.spec is REFERRALS and not parsed.ok and "referral_id" in frame:
        known = frame.dropna(subset=["referral_id"])
        refs.pending_referrals.append(pd.DataFrame({
            "id": pseudonymise(known["referral_id"], salt),
            "region": known["practice"].map(refs.practice_region) if "practice" in known
            else None,
            "referral_date": known["referral_date"] if "referral_date" in known else pd.NaT,
            "month": pd.NaT,
        }))


def _progress_bar(progress: bool, path: Path):
    if not progress or path.stat().st_size < 5_000_000:
        return None
    from tqdm import tqdm

    return tqdm(total=4, desc=path.name, unit="stap", leave=False)


def _advance(bar, label: str) -> None:
    if bar is not None:
        bar.set_postfix_str(label)
        bar.update(1)


def validate_paths(paths: Iterable[Path], engine: Engine | None = None,
                   today: date | None = None) -> LoadReport:
    """Dry run: read and check every file against the database, write nothing."""
    engine, salt = _engine_and_salt(engine)
    _, report = _prepare_all(paths, engine, salt, today, skip_unchanged=False, progress=False)
    return report


def load_paths(paths: Iterable[Path], engine: Engine | None = None, progress: bool = False,
               today: date | None = None, actor: str | None = None) -> LoadReport:
    """Load files or directories in one transaction; nothing is written if any file fails.

    Every load, also a refused one, is written to the audit log (``dashboard.audit``) with
    ``actor`` (by default the operating-system user), the files, their outcome and row counts.
    """
    engine, _salt = _engine_and_salt(engine)
    paths = list(paths)
    report = _load_paths(paths, engine, progress, today)
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


def _load_paths(paths: list[Path], engine: Engine, progress: bool,
                today: date | None) -> LoadReport:
    engine, salt = _engine_and_salt(engine)
    prepared_files, report = _prepare_all(paths, engine, salt, today, skip_unchanged=True,
                                          progress=progress)
    if not report.ok:
        for result in report.files:
            if result.outcome == "valid":
                result.outcome = "not loaded"
        return report
    if not prepared_files:
        return report
    writer = open_writer(engine)
    try:
        for prepared in prepared_files:
            started = time.perf_counter()
            _write(writer, engine, prepared, salt)
            prepared.result.outcome = "loaded"
            prepared.result.seconds += time.perf_counter() - started
            writer.execute(
                "INSERT INTO load_log (file_name, table_name, sha256, rows, loaded_at, outcome, "
                "scope, message) VALUES (:file_name, :table_name, :sha256, :rows, :loaded_at, "
                "'loaded', :scope, '')",
                {"file_name": prepared.result.path.name, "table_name": prepared.spec.name,
                 "sha256": prepared.sha256, "rows": prepared.result.rows,
                 "loaded_at": datetime.now(UTC).replace(tzinfo=None).isoformat(
                     sep=" ", timespec="seconds"),
                 "scope": prepared.result.scope},
            )
        writer.commit()
    except BaseException:
        writer.rollback()
        for prepared in prepared_files:
            prepared.result.outcome = "not loaded"
        raise
    finally:
        writer.close()
    return report


def _engine_and_salt(engine: Engine | None) -> tuple[Engine, str]:
    from dashboard.database import get_engine
    from dashboard.settings import get_settings

    return (engine or get_engine()), get_settings().salt


__all__ = ["FileResult", "LoadReport", "ProblemList", "discover", "load_paths", "validate_paths"]
