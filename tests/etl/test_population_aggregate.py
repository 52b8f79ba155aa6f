"""``agg_population_region_year`` and ``agg_population_practice_year``: the loader keeps them
equal to the practice population summed per region (of the practice table), year, age band and
sex, and to the practice population's rows of each practice-year put in one row."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text

from dashboard.codes import AGE_BANDS, SEXES
from etl.loader import load_paths
from tests.etl.conftest import write_files

POPULATION_HEADER = "practice,year,age_band,sex,listed_patients\n"


def stored(engine) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(text(
            "SELECT region, year, age_band, sex, listed_patients "
            "FROM agg_population_region_year")).all())


def counted_from_raw_rows(engine) -> list[tuple]:
    """The same sums, independently: every raw population row added to its practice's region."""
    with engine.connect() as conn:
        population = pd.DataFrame(conn.execute(text(
            "SELECT practice, year, age_band, sex, listed_patients FROM practice_population"
        )).all(), columns=["practice", "year", "age_band", "sex", "listed"])
        regions = dict(conn.execute(text("SELECT code, region FROM practice")).all())
    totals: dict[tuple, int] = {}
    for practice, year, age_band, sex, listed in population.itertuples(index=False):
        key = (regions[practice], int(year), age_band, sex)
        totals[key] = totals.get(key, 0) + int(listed)
    return sorted((*key, value) for key, value in totals.items())


def practice_rows(engine) -> list[tuple]:
    """``agg_population_practice_year`` back as (region, year, practice, age band, sex, listed)
    for every stratum column that is not NULL."""
    columns = {f"{sex.lower()}_{band.replace('-', '_').replace('+', '_plus')}": (band, sex)
               for band in AGE_BANDS for sex in SEXES}
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT region, year, practice, " + ", ".join(columns)
            + " FROM agg_population_practice_year")).all()
    return sorted((region, year, practice, *stratum, value)
                  for region, year, practice, *values in rows
                  for stratum, value in zip(columns.values(), values, strict=True)
                  if value is not None)


def practice_rows_from_raw_rows(engine) -> list[tuple]:
    with engine.connect() as conn:
        regions = dict(conn.execute(text("SELECT code, region FROM practice")).all())
        return sorted((regions[practice], year, practice, band, sex, listed)
                      for practice, year, band, sex, listed in conn.execute(text(
                          "SELECT practice, year, age_band, sex, listed_patients "
                          "FROM practice_population")).all())


def test_a_load_fills_the_region_population(isolated_db, valid_dir):
    assert load_paths([valid_dir], isolated_db).ok
    # P1 (1000 men 18-44, 500 women 65-74) and P2 (800 men 18-44) are NRD, P3 is ZD.
    assert stored(isolated_db) == [
        ("NRD", 2024, "18-44", "M", 1800),
        ("NRD", 2024, "65-74", "V", 500),
        ("ZD", 2024, "75-84", "V", 300),
    ]
    assert stored(isolated_db) == counted_from_raw_rows(isolated_db)
    assert practice_rows(isolated_db) == [
        ("NRD", 2024, "P1", "18-44", "M", 1000),
        ("NRD", 2024, "P1", "65-74", "V", 500),
        ("NRD", 2024, "P2", "18-44", "M", 800),
        ("ZD", 2024, "P3", "75-84", "V", 300),
    ]
    with isolated_db.connect() as conn:
        # One row per practice-year: P1's two strata share a row.
        assert conn.execute(text(
            "SELECT COUNT(*) FROM agg_population_practice_year")).scalar_one() == 3


def test_a_population_file_replaces_only_its_region_years(isolated_db, valid_dir, tmp_path):
    assert load_paths([valid_dir], isolated_db).ok
    # NRD 2024 corrected (P2 gone, P1 changed) and NRD 2025 added; ZD 2024 is not in the file.
    corrected = POPULATION_HEADER + (
        "P1,2024,18-44,M,1100\n"
        "P1,2025,18-44,M,1200\n"
        "P2,2025,18-44,M,700\n"
        "P2,2025,85+,V,40\n"
    )
    write_files(tmp_path / "fix", {"population_2025.csv": corrected})
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    assert stored(isolated_db) == [
        ("NRD", 2024, "18-44", "M", 1100),
        ("NRD", 2025, "18-44", "M", 1900),
        ("NRD", 2025, "85+", "V", 40),
        ("ZD", 2024, "75-84", "V", 300),
    ]
    assert stored(isolated_db) == counted_from_raw_rows(isolated_db)
    # P2's 2024 row is gone, P1's 65-74 women of 2024 too; ZD untouched.
    assert practice_rows(isolated_db) == [
        ("NRD", 2024, "P1", "18-44", "M", 1100),
        ("NRD", 2025, "P1", "18-44", "M", 1200),
        ("NRD", 2025, "P2", "18-44", "M", 700),
        ("NRD", 2025, "P2", "85+", "V", 40),
        ("ZD", 2024, "P3", "75-84", "V", 300),
    ]
    assert practice_rows(isolated_db) == practice_rows_from_raw_rows(isolated_db)


def test_a_practice_moving_to_another_region_takes_its_patients_along(
    isolated_db, valid_dir, tmp_path
):
    assert load_paths([valid_dir], isolated_db).ok
    moved = "code,region,practice_name,joined_on\nP2,ZD,,\n"
    write_files(tmp_path / "move", {"practices_update.csv": moved})
    assert load_paths([tmp_path / "move"], isolated_db).ok
    assert stored(isolated_db) == [
        ("NRD", 2024, "18-44", "M", 1000),
        ("NRD", 2024, "65-74", "V", 500),
        ("ZD", 2024, "18-44", "M", 800),
        ("ZD", 2024, "75-84", "V", 300),
    ]
    assert stored(isolated_db) == counted_from_raw_rows(isolated_db)
    assert ("ZD", 2024, "P2", "18-44", "M", 800) in practice_rows(isolated_db)
    assert practice_rows(isolated_db) == practice_rows_from_raw_rows(isolated_db)


# ---- agg_wait_days_year ---------------------------------------------------------------------


def stored_wait_years(engine) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(text(
            "SELECT region, year, wait_days, episodes FROM agg_wait_days_year")).all())


def wait_years_from_raw_rows(engine) -> list[tuple]:
    """Days from each referral to its first consult, counted per region, referral year and
    days, straight from the stored referral and consult rows."""
    with engine.connect() as conn:
        referrals = {rid: (region, pd.Timestamp(day)) for rid, region, day in conn.execute(text(
            "SELECT id, region, referral_date FROM referral")).all()}
        first: dict[int, pd.Timestamp] = {}
        for rid, day in conn.execute(text("SELECT referral_id, consult_date FROM consult")):
            day = pd.Timestamp(day)
            if rid in referrals and (rid not in first or day < first[rid]):
                first[rid] = day
    totals: dict[tuple, int] = {}
    for rid, consult_day in first.items():
        region, referral_day = referrals[rid]
        key = (region, referral_day.year, (consult_day - referral_day).days)
        totals[key] = totals.get(key, 0) + 1
    return sorted((*key, value) for key, value in totals.items())


def test_a_load_fills_the_yearly_waiting_times(isolated_db, valid_dir):
    assert load_paths([valid_dir], isolated_db).ok
    # R1 46 days, R2 10, R3 1 (NRD); R4 49 (ZD); R5 has no consult.
    assert stored_wait_years(isolated_db) == [
        ("NRD", 2024, 1, 1), ("NRD", 2024, 10, 1), ("NRD", 2024, 46, 1), ("ZD", 2024, 49, 1),
    ]
    assert stored_wait_years(isolated_db) == wait_years_from_raw_rows(isolated_db)


def test_yearly_waiting_times_follow_a_corrected_month_and_a_new_year(
    isolated_db, valid_dir, tmp_path
):
    assert load_paths([valid_dir], isolated_db).ok
    header = ("referral_id,referral_date,practice,patient_id,age_band,sex,icpc,destination,"
              "urgent,rta_conform\n")
    # January corrected (R2 withdrawn, R7 added); R8 opens 2025 for NRD.
    files = {
        "referrals_correctie.csv": header + (
            "R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
            "R7,2024-01-11,P2,PAT-7,18-44,M,K77,ziekenhuis,nee,ja\n"
            "R8,2025-01-03,P2,PAT-8,18-44,M,K77,anderhalvelijn,nee,ja\n"),
        "consults_extra.csv": "consult_id,referral_id,consult_date,setting,outcome,satisfaction\n"
            "C7,R7,2024-01-31,ziekenhuis,follow_up,\n"
            "C8,R8,2025-01-10,anderhalvelijn,terug_huisarts,\n"
            "C9,R8,2025-01-05,anderhalvelijn,follow_up,\n",
    }
    write_files(tmp_path / "fix", files)
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    assert stored_wait_years(isolated_db) == [
        ("NRD", 2024, 1, 1), ("NRD", 2024, 20, 1), ("NRD", 2024, 46, 1),
        ("NRD", 2025, 2, 1), ("ZD", 2024, 49, 1),
    ]
    assert stored_wait_years(isolated_db) == wait_years_from_raw_rows(isolated_db)
