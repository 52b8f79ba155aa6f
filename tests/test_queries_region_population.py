"""queries.region_population: the long frame it builds from the practice-year rows of
``agg_population_practice_year`` against the listed patients of the hand-made Spiegelinformatie
dataset."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.queries import referrals as queries
from tests.spiegel_dataset import LISTED, A, B, fill_spiegel_dataset


@pytest.fixture
def engine(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


def _expected(years, practices) -> pd.DataFrame:
    rows = [(practice, year, band, sex, listed)
            for practice, strata in LISTED.items() if practice in practices
            for year in years for (band, sex), listed in strata.items()]
    return pd.DataFrame.from_records(rows, columns=queries.POPULATION_COLUMNS).astype(
        {"year": "int64", "listed_patients": "int64"})


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["practice", "year", "age_band", "sex"]).reset_index(drop=True)


@pytest.mark.parametrize(("args", "years", "practices"), [
    (("TST",), (2024, 2025), ("P1", "P2", "P3", "P4", "P5")),
    (("TST", 2025, 2025), (2025,), ("P1", "P2", "P3", "P4", "P5")),
    (("TST", None, None, ["P4", "P5"]), (2024, 2025), ("P4", "P5")),
])
def test_the_frame_holds_the_dataset_rows_with_their_types(engine, args, years, practices):
    frame = queries.region_population(engine, *args)
    # The frame DataFrame.from_records makes of the same rows: same columns, types, values.
    pd.testing.assert_frame_equal(_sorted(frame), _sorted(_expected(years, practices)))


def test_listed_patients_by_stratum(engine):
    frame = queries.region_population(engine, "TST", 2025, 2025)
    # Nine practice x stratum rows (P4 lists nobody in B); 10,500 in A and 2,000 in B.
    assert len(frame) == 9
    by_stratum = frame.groupby(["age_band", "sex"])["listed_patients"].sum()
    assert (by_stratum[A], by_stratum[B]) == (10_500, 2_000)


def test_an_empty_result_keeps_its_columns_and_integer_types(engine):
    frame = queries.region_population(engine, "TST", 2030, 2031)
    assert frame.empty
    assert list(frame.columns) == queries.POPULATION_COLUMNS
    assert (frame["year"].dtype, frame["listed_patients"].dtype) == ("int64", "int64")


def test_the_table_has_a_column_for_every_age_band_and_sex():
    # The model's columns are written out by hand; the vocabularies may grow (with a migration).
    from dashboard.codes import AGE_BANDS, SEXES
    from dashboard.models import POPULATION_STRATA, AggPopulationPracticeYear

    columns = [c.name for c in AggPopulationPracticeYear.__table__.columns]
    assert columns[:3] == ["region", "year", "practice"]
    assert columns[3:] == list(POPULATION_STRATA)
    assert sorted(POPULATION_STRATA.values()) == sorted(
        (band, sex) for band in AGE_BANDS for sex in SEXES)
