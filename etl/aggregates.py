"""Rebuilding the aggregate tables the pages read, for exactly the scope a load touched.

Aggregates are grouped with numpy from the rows at hand (far faster than GROUP BY on SQLite
for millions of rows) and replace the aggregate rows of the touched region x month cells.
They are written sorted in primary-key order, so SQLite appends to its index instead of
inserting at random places.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.codes import DESTINATIONS
from dashboard.models import POPULATION_STRATA
from etl.writer import Writer

TREEKNORM_DAYS = 28
RESOLVED_WINDOW_DAYS = 182  # "within 6 months"

# In the key order of the aggregate tables, so rows arrive sorted and SQLite appends them.
PRACTICE_DIMENSIONS = ["region", "month", "practice", "condition", "destination"]
REGION_REFERRAL_DIMENSIONS = ["region", "month", "condition", "destination", "age_band", "sex"]
REGION_EPISODE_DIMENSIONS = ["region", "month", "destination", "condition"]
EPISODE_SUMS = ["with_consult", "wait_days_sum", "within_4_weeks", "resolved_6m"]
REFERRAL_COLUMNS = ("id, region, practice, month, referral_date, condition, destination, "
                    "age_band, sex, urgent, rta_conform")


def group_sums(frame: pd.DataFrame, keys: list[str], sums: dict[str, str],
               count: str | None = None) -> pd.DataFrame:
    """Sum columns per group (``sums``: output name -> input column), plus a row count.

    Each key is factorised in sorted order and the codes are combined into one integer, so the
    grouping is a numpy ``unique`` and ``bincount``; groups come back sorted by ``keys``, the
    primary-key order of the aggregate tables.
    """
    if not len(frame):
        return pd.DataFrame(columns=keys + ([count] if count else []) + list(sums))
    combined = np.zeros(len(frame), dtype=np.int64)
    uniques = []
    for key in keys:
        codes, values = pd.factorize(frame[key], sort=True, use_na_sentinel=False)
        combined = combined * len(values) + codes
        uniques.append(values)
    groups, inverse = np.unique(combined, return_inverse=True)
    result = {}
    remainder = groups
    for key, values in zip(reversed(keys), reversed(uniques), strict=True):
        remainder, position = np.divmod(remainder, len(values))
        result[key] = np.asarray(values)[position]
    result = pd.DataFrame({key: result[key] for key in keys})
    if count:
        result[count] = np.bincount(inverse, minlength=len(groups)).astype(np.int64)
    for output, column in sums.items():
        weights = frame[column].to_numpy(dtype=np.float64, na_value=0.0)
        result[output] = np.rint(np.bincount(inverse, weights=weights, minlength=len(groups))
                                 ).astype(np.int64)
    return result


def _flags(referrals: pd.DataFrame) -> dict[str, np.ndarray]:
    return {"urgent_flag": referrals["urgent"].to_numpy().astype("int64"),
            "rta_flag": referrals["rta_conform"].to_numpy().astype("int64")}


def region_referral_counts(referrals: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``agg_referral_region_month``: referrals per region x month x condition x
    destination x age band x sex, with the urgent and RTA-conform counts."""
    flags = referrals[REGION_REFERRAL_DIMENSIONS].assign(**_flags(referrals))
    return group_sums(flags, REGION_REFERRAL_DIMENSIONS,
                      {"urgent": "urgent_flag", "rta_conform": "rta_flag"}, count="referrals")


def delete_cells(writer: Writer, table: str, cells: pd.DataFrame, period: str = "month") -> None:
    """Delete the rows of ``table`` in the given region x period cells.

    One statement per region (its periods in an ``IN`` list, each still an index seek), not
    one per cell: a national load touches 6,000 cells per table, and every statement is a
    message the writer answers; with hundreds outstanding the loader has to wait for it.
    """
    cells = cells[["region", period]].drop_duplicates()
    for region, periods in cells.groupby("region", sort=True, observed=True)[period]:
        values = [_sql_value(value) for value in periods]
        for start in range(0, len(values), _PERIODS_PER_DELETE):
            chunk = values[start:start + _PERIODS_PER_DELETE]
            names = [f"p{number}" for number in range(len(chunk))]
            writer.execute(
                f"DELETE FROM {table} WHERE region = :region AND {period} IN "
                f"({', '.join(':' + name for name in names)})",
                {"region": region, **dict(zip(names, chunk, strict=True))},
            )


# Bound parameters per statement stay far below SQLite's limit (32,766) and PostgreSQL's.
_PERIODS_PER_DELETE = 500


def _sql_value(value):
    if isinstance(value, np.integer):
        return int(value)  # a year from a frame: the drivers bind Python ints
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def refresh_referrals(writer: Writer, cells: pd.DataFrame, new_rows: pd.DataFrame,
                      extra_cells: pd.DataFrame | None = None) -> None:
    """Replace ``agg_referral_region_month`` in ``cells`` with counts of ``new_rows``.

    ``extra_cells`` are cells outside the file's scope that lost rows (a referral id moved
    to another month); they are recounted from the database. The practice-level counts are
    written by :func:`refresh_episodes`, with the episode sums of the same referrals.
    """
    delete_cells(writer, "agg_referral_region_month", cells)
    writer.ingest("agg_referral_region_month", region_referral_counts(new_rows))
    if extra_cells is not None and len(extra_cells):
        for region, month in extra_cells[["region", "month"]].drop_duplicates().itertuples(
            index=False
        ):
            params = {"region": region, "month": _sql_value(month)}
            rows = writer.query(
                "SELECT region, month, condition, destination, age_band, sex, urgent, "
                "rta_conform FROM referral WHERE region = :region AND month = :month",
                params,
            )
            writer.execute(
                "DELETE FROM agg_referral_region_month WHERE region = :region AND month = :month",
                params,
            )
            writer.ingest("agg_referral_region_month", region_referral_counts(rows))


def episodes(referrals: pd.DataFrame, consults: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Practice-month counts with their episode sums, and the waiting-time histogram.

    ``referrals``: id, region, practice, month, referral_date, condition, destination, urgent,
    rta_conform. ``consults``: referral_id, consult_date, setting, outcome (any subset; others
    ignored). Every referral is one episode, so the first frame (the rows of
    ``agg_practice_month``) counts both in ``referrals``.
    """
    referrals = referrals[["id", "referral_date", *PRACTICE_DIMENSIONS]].assign(
        referral_date=pd.to_datetime(referrals["referral_date"]), **_flags(referrals))
    # Each consult's row in ``referrals``, found through one hash table of the referral ids
    # (built once; a merge and two isin calls each built their own, 1.3 s on 2 million).
    ids = pd.Index(referrals["id"])
    if not ids.is_unique:
        raise ValueError("episodes: referral ids must be unique")
    position = ids.get_indexer(consults["referral_id"])
    found = position >= 0
    position = position[found]
    consult_date = pd.to_datetime(consults["consult_date"]).to_numpy()[found]
    setting = consults["setting"].to_numpy()[found]
    outcome = consults["outcome"].to_numpy()[found]
    referral_date = referrals["referral_date"].to_numpy()

    # The first consult of each referral: the earliest date, the file's order among equals.
    order = np.lexsort((consult_date, position))
    starts = order[np.r_[True, position[order][1:] != position[order][:-1]]] if len(order) \
        else order
    first_date = np.full(len(referrals), np.datetime64("NaT"), dtype="datetime64[ns]")
    first_date[position[starts]] = consult_date[starts]
    first_setting = np.full(len(referrals), None, dtype=object)
    first_setting[position[starts]] = setting[starts]

    # Referred on to the hospital within the window: not resolved.
    within = (consult_date - referral_date[position]) <= np.timedelta64(RESOLVED_WINDOW_DAYS,
                                                                        "D")
    to_hospital = (outcome == "verwezen_ziekenhuis") | (setting == "ziekenhuis")
    hospital = np.zeros(len(referrals), dtype=bool)
    hospital[position[within & to_hospital]] = True

    wait_days = pd.Series(first_date - referral_date, index=referrals.index).dt.days
    has_consult = wait_days.notna()
    referrals["first_setting"] = first_setting
    referrals["wait_days"] = wait_days
    referrals["with_consult_flag"] = has_consult.astype(int)
    referrals["within_flag"] = (has_consult & (wait_days <= TREEKNORM_DAYS)).astype(int)
    referrals["resolved_flag"] = (~hospital).astype(int)
    referrals["wait_days_filled"] = wait_days.fillna(0).astype(int)

    practice_counts = group_sums(
        referrals, PRACTICE_DIMENSIONS,
        {"urgent": "urgent_flag", "rta_conform": "rta_flag",
         "with_consult": "with_consult_flag", "wait_days_sum": "wait_days_filled",
         "within_4_weeks": "within_flag", "resolved_6m": "resolved_flag"},
        count="referrals",
    )
    consulted = referrals[has_consult.to_numpy()]
    waits = group_sums(
        consulted.assign(wait_days=consulted["wait_days"].astype("int64"),
                         setting=consulted["first_setting"]),
        ["region", "month", "setting", "wait_days"], {}, count="episodes",
    )
    return practice_counts, waits


def region_episode_counts(practice_counts: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``agg_episode_region_month``: the episode sums of ``agg_practice_month`` rows
    without the practice.

    Summing the practice-level rows (not the raw rows again) keeps both levels equal by
    construction.
    """
    return group_sums(
        practice_counts, REGION_EPISODE_DIMENSIONS,
        {"episodes": "referrals", **{column: column for column in EPISODE_SUMS}},
    )


def practice_destination_counts(practice_counts: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``agg_practice_month_destinations``: the ``agg_practice_month`` rows summed per
    region, month and practice over condition, a column of referrals per destination."""
    destination = practice_counts["destination"].to_numpy()
    referrals = practice_counts["referrals"].to_numpy()
    per_destination = {name: np.where(destination == name, referrals, 0)
                       for name in DESTINATIONS}
    return group_sums(practice_counts[PRACTICE_DIMENSIONS[:3]].assign(**per_destination),
                      PRACTICE_DIMENSIONS[:3], {name: name for name in DESTINATIONS})


def refresh_episodes(writer: Writer, cells: pd.DataFrame,
                     referrals: pd.DataFrame | None = None,
                     covered: pd.DataFrame | None = None,
                     consults: pd.DataFrame | None = None) -> None:
    """Recompute the practice-level counts and the episode aggregates for the region x
    referral-month ``cells``, one region at a time.

    ``referrals`` are referral rows the caller already has (a referral load), complete for the
    ``covered`` cells (default: all of ``cells``); the rows of other cells are read from the
    database (a consult load, or cells a referral moved out of). ``consults``, when given, are
    every consult in the database (region, referral_id, consult_date, setting, outcome);
    otherwise the consults of the cells' referrals are read. Working region by region keeps
    at most one region's referrals and consults in memory: a national load refreshes ten years
    of four regions at once.
    """
    cells = cells[["region", "month"]].drop_duplicates()
    if not len(cells):
        return
    cells = cells.assign(month=pd.to_datetime(cells["month"]))
    delete_cells(writer, "agg_practice_month", cells)
    delete_cells(writer, "agg_practice_month_destinations", cells)
    delete_cells(writer, "agg_episode_region_month", cells)
    delete_cells(writer, "agg_wait_days", cells)
    if referrals is not None and covered is None:
        covered = cells
    regions = _region_inputs(writer, cells, referrals, covered, consults)
    current = next(regions, None)
    while current is not None:
        rows, region_consults = current
        practice_counts, waits = episodes(rows, region_consults)
        # The next region is read before this one's rows are queued: a read waits for the
        # writer's queue, so the writer now stores this region while the next is computed.
        current = next(regions, None)
        writer.ingest("agg_practice_month", practice_counts)
        writer.ingest("agg_practice_month_destinations",
                      practice_destination_counts(practice_counts))
        writer.ingest("agg_episode_region_month", region_episode_counts(practice_counts))
        writer.ingest("agg_wait_days", waits)
    refresh_wait_years(writer, cells)


def _region_inputs(writer: Writer, cells: pd.DataFrame, referrals: pd.DataFrame | None,
                   covered: pd.DataFrame | None, consults: pd.DataFrame | None):
    """Each region's referral rows in ``cells`` and their consults, one region at a time."""
    for region in sorted(set(cells["region"])):
        months = cells.loc[cells["region"] == region, "month"]
        rows = _region_referrals(writer, region, months, referrals, covered)
        if not len(rows):
            continue
        if consults is not None:
            yield rows, consults[(consults["region"] == region).to_numpy()]
        else:
            yield rows, _consults_of(writer, region, months)


def refresh_wait_years(writer: Writer, cells: pd.DataFrame) -> None:
    """Rebuild ``agg_wait_days_year`` for the region x year of each region x month in
    ``cells`` from ``agg_wait_days`` as the transaction has it now: a few thousand rows a
    region-year, summed in SQL."""
    years = pd.DataFrame({"region": cells["region"],
                          "year": pd.to_datetime(cells["month"]).dt.year}).drop_duplicates()
    delete_cells(writer, "agg_wait_days_year", years, period="year")
    for region, year in years.sort_values(["region", "year"]).itertuples(index=False):
        params = {"region": region, "year": int(year), "first": f"{int(year):04d}-01-01",
                  "next": f"{int(year) + 1:04d}-01-01"}
        writer.execute(
            "INSERT INTO agg_wait_days_year (region, year, wait_days, episodes) "
            "SELECT region, CAST(:year AS INTEGER), wait_days, SUM(episodes) FROM agg_wait_days "
            "WHERE region = :region AND month >= :first AND month < :next "
            "GROUP BY region, wait_days ORDER BY wait_days", params)


def _read_months(writer: Writer, sql: str, region: str, months: pd.Series) -> list[pd.DataFrame]:
    """The non-empty results of ``sql`` (with ``:region`` and ``:month``) for each month: one
    indexed read per month, rather than a region's ten years at once."""
    parts = (writer.query(sql, {"region": region, "month": _sql_value(month)})
             for month in months)
    return [part for part in parts if len(part)]


def _consults_of(writer: Writer, region: str, months: pd.Series) -> pd.DataFrame:
    """The consults of the referrals of one region in ``months`` (through the consult's
    referral index, so a one-month correction does not read a region's ten years)."""
    parts = _read_months(
        writer,
        "SELECT c.referral_id, c.consult_date, c.setting, c.outcome FROM referral r "
        "JOIN consult c ON c.referral_id = r.id WHERE r.region = :region AND r.month = :month",
        region, months,
    )
    if not parts:
        return pd.DataFrame(columns=["referral_id", "consult_date", "setting", "outcome"])
    return pd.concat(parts, ignore_index=True)


def _region_referrals(writer: Writer, region: str, months: pd.Series,
                      referrals: pd.DataFrame | None,
                      covered: pd.DataFrame | None) -> pd.DataFrame:
    """The referral rows of one region in ``months``: from ``referrals`` for the covered
    months, from the database for the others."""
    parts = []
    from_database = months
    if referrals is not None and covered is not None:
        covered_months = pd.to_datetime(covered.loc[covered["region"] == region, "month"])
        in_memory = months[months.isin(covered_months)]
        from_database = months[~months.isin(covered_months)]
        if len(in_memory):
            mine = referrals[(referrals["region"] == region).to_numpy()]
            mine = mine[pd.to_datetime(mine["month"]).isin(in_memory).to_numpy()]
            if len(mine):
                parts.append(mine)
    parts += _read_months(
        writer,
        f"SELECT {REFERRAL_COLUMNS} FROM referral WHERE region = :region AND month = :month",
        region, from_database,
    )
    if not parts:
        return pd.DataFrame()
    rows = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    return rows.assign(month=pd.to_datetime(rows["month"]))


def satisfaction_counts(consults: pd.DataFrame) -> pd.DataFrame:
    scored = consults[consults["satisfaction"].notna()].assign(
        score=lambda df: df["satisfaction"].astype(float)
    )
    scored = scored.assign(score_sq=scored["score"] ** 2)
    return (
        scored.groupby(["region", "month", "setting"], observed=True, sort=False)
        .agg(responses=("score", "size"), score_sum=("score", "sum"),
             score_sq_sum=("score_sq", "sum"))
        .reset_index()
    )


_POPULATION_SUM = (
    "INSERT INTO agg_population_region_year (region, year, age_band, sex, listed_patients) "
    "SELECT practice.region, practice_population.year, practice_population.age_band, "
    "practice_population.sex, SUM(practice_population.listed_patients) "
    "FROM practice_population JOIN practice ON practice.code = practice_population.practice "
    "{where} GROUP BY practice.region, practice_population.year, practice_population.age_band, "
    "practice_population.sex "
    "ORDER BY practice.region, practice_population.year, practice_population.age_band, "
    "practice_population.sex"
)

# One row per practice-year; a stratum without a population row stays NULL (SUM of no value).
# The vocabularies are validated code constants, so they are written into the SQL as literals.
_PRACTICE_POPULATION_ROWS = (
    "INSERT INTO agg_population_practice_year (region, year, practice, "
    + ", ".join(POPULATION_STRATA) + ") "
    "SELECT practice.region, practice_population.year, practice_population.practice, "
    + ", ".join(
        f"SUM(CASE WHEN practice_population.age_band = '{age_band}' "
        f"AND practice_population.sex = '{sex}' THEN practice_population.listed_patients END)"
        for age_band, sex in POPULATION_STRATA.values())
    + " FROM practice_population JOIN practice ON practice.code = practice_population.practice "
    "{where} GROUP BY practice.region, practice_population.year, practice_population.practice "
    "ORDER BY practice.region, practice_population.year, practice_population.practice"
)

_POPULATION_TABLES = {
    "agg_population_region_year": _POPULATION_SUM,
    "agg_population_practice_year": _PRACTICE_POPULATION_ROWS,
}


def refresh_population(writer: Writer, cells: pd.DataFrame | None = None) -> None:
    """Rebuild ``agg_population_region_year`` and ``agg_population_practice_year`` for the
    region x year ``cells`` of a population file, or whole (``cells=None``) after a practice
    file, which may move practices between regions. Summed in SQL from the rows in the
    transaction: a region-year is some 20,000 rows, the whole national table 700,000 (a
    practice file is loaded rarely)."""
    for table, statement in _POPULATION_TABLES.items():
        if cells is None:
            writer.execute(f"DELETE FROM {table}")
            writer.execute(statement.format(where=""))
            continue
        delete_cells(writer, table, cells, period="year")
        for region, year in cells[["region", "year"]].drop_duplicates().itertuples(index=False):
            writer.execute(statement.format(
                where="WHERE practice.region = :region AND practice_population.year = :year"),
                {"region": region, "year": int(year)})


def refresh_satisfaction(writer: Writer, cells: pd.DataFrame, new_rows: pd.DataFrame) -> None:
    delete_cells(writer, "agg_satisfaction", cells)
    writer.ingest("agg_satisfaction", satisfaction_counts(new_rows))
