"""Tests of the synthetic sample-data generator (etl/sample_data.py) and the committed sample."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard import codes
from etl import sample_data

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
DOC = ROOT / "docs" / "data-format.md"
TABLES = ("regions", "region_population", "practices", "population", "referrals", "consults",
          "costs", "survey", "hf_admissions")
COMMENT = re.compile(r"^# SYNTHETISCHE DATA - gegenereerd door etl/sample_data.py \(seed=\d+\), "
                     r"geen echte patiënten, praktijken of organisaties$")


def documented_columns() -> dict[str, list[str]]:
    """Column names per table, parsed from docs/data-format.md (independent of the generator)."""
    columns: dict[str, list[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### (\w+)", line)
        if heading:
            current = heading.group(1)
            columns[current] = []
            continue
        if line.startswith("## "):
            current = None
        cell = re.match(r"^\| (\w+) \|", line)
        if current and cell and cell.group(1) != "column":
            columns[current].append(cell.group(1))
    return columns


def read(directory: Path, table: str, **kwargs) -> pd.DataFrame:
    sep = ";" if table == "costs" else ","
    return pd.read_csv(directory / f"{table}.csv", comment="#", sep=sep, dtype=str,
                       keep_default_na=False, **kwargs)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("small")
    counts = sample_data.generate(out, seed=7, practices=12, years=2)
    return out, counts


# ---------------------------------------------------------------------------------------------
# generator on a small sample
# ---------------------------------------------------------------------------------------------


def test_counts_match_files(small):
    out, counts = small
    assert list(counts) == list(TABLES)
    for table in TABLES:
        assert len(read(out, table)) == counts[table], table
    assert counts["referrals"] > 300 and counts["consults"] > counts["referrals"]


def test_deterministic_per_seed(small, tmp_path):
    out, _ = small
    again = tmp_path / "again"
    other = tmp_path / "other"
    sample_data.generate(again, seed=7, practices=12, years=2)
    sample_data.generate(other, seed=8, practices=12, years=2)
    for table in TABLES:
        assert (out / f"{table}.csv").read_bytes() == (again / f"{table}.csv").read_bytes()
    assert (out / "referrals.csv").read_bytes() != (other / "referrals.csv").read_bytes()
    assert (out / "population.csv").read_bytes() != (other / "population.csv").read_bytes()


def test_pandas_fallback_writes_identical_files(small, tmp_path, monkeypatch):
    out, _ = small
    monkeypatch.setattr(sample_data, "_HAVE_ARROW", False)
    sample_data.generate(tmp_path, seed=7, practices=12, years=2)
    for table in ("referrals", "consults"):
        assert (tmp_path / f"{table}.csv").read_bytes() == (out / f"{table}.csv").read_bytes()


def test_comment_line_and_columns_match_the_format_doc(small):
    out, _ = small
    documented = documented_columns()
    assert set(documented) == set(TABLES)
    for table in TABLES:
        lines = (out / f"{table}.csv").read_text(encoding="utf-8").splitlines()
        assert COMMENT.match(lines[0]), table
        sep = ";" if table == "costs" else ","
        assert lines[1].split(sep) == documented[table], table


def test_codes_are_in_the_vocabularies(small):
    out, _ = small
    ref = read(out, "referrals")
    con = read(out, "consults")
    pop = read(out, "population")
    costs = read(out, "costs")
    survey = read(out, "survey")
    assert set(ref.age_band) <= set(codes.AGE_BANDS)
    assert set(pop.age_band) == set(codes.AGE_BANDS)
    assert set(ref.sex) <= set(codes.SEXES) and set(pop.sex) == set(codes.SEXES)
    assert set(ref.icpc) <= codes.KNOWN_ICPC
    assert set(ref.destination) <= set(codes.DESTINATIONS)
    assert set(ref.urgent) | set(ref.rta_conform) <= {"ja", "nee"}
    assert set(con.setting) <= set(codes.SETTINGS)
    assert set(con.outcome) <= set(codes.OUTCOMES)
    assert set(costs.setting) <= set(codes.SETTINGS)
    assert set(costs.cost_type) <= set(codes.COST_TYPES)
    assert set(costs.payer) <= set(codes.PAYERS)
    assert set(survey.profession) <= set(codes.PROFESSIONS)
    sat = pd.to_numeric(con.satisfaction[con.satisfaction != ""])
    assert sat.between(1, 10).all()
    assert pd.to_numeric(survey.score).between(1, 10).all()
    assert set(read(out, "regions").synthetic) == {"ja"}


def test_integrity_dates_and_ids(small):
    out, _ = small
    regions = read(out, "regions")
    practices = read(out, "practices")
    pop = read(out, "population")
    ref = read(out, "referrals")
    con = read(out, "consults")
    survey = read(out, "survey")
    for df, key in ((regions, "code"), (practices, "code"), (ref, "referral_id"),
                    (con, "consult_id"), (survey, "response_id")):
        assert df[key].is_unique, key
    assert set(practices.region) <= set(regions.code)
    assert set(pop.practice) == set(practices.code)
    assert set(ref.practice) <= set(practices.code)
    assert set(con.referral_id) <= set(ref.referral_id)
    for table in ("region_population", "costs", "survey", "hf_admissions"):
        assert set(read(out, table).region) <= set(regions.code), table
    assert not pop.duplicated(["practice", "year", "age_band", "sex"]).any()

    iso = r"^\d{4}-\d{2}-\d{2}$"
    assert ref.referral_date.str.match(iso).all() and con.consult_date.str.match(iso).all()
    ref_date = pd.to_datetime(ref.set_index("referral_id").referral_date)
    con_date = pd.to_datetime(con.consult_date)
    assert (con_date.to_numpy() >= ref_date.loc[con.referral_id].to_numpy()).all()
    assert ref_date.min() >= pd.Timestamp("2024-01-01")
    assert max(ref_date.max(), con_date.max()) <= pd.Timestamp("2025-12-31")
    assert pd.to_datetime(practices.joined_on).max() < pd.Timestamp("2024-01-01")


def test_no_bsn_like_or_nine_digit_values(small):
    out, _ = small
    for table in TABLES:
        df = read(out, table)
        for column in df.columns:
            assert not df[column].str.fullmatch(r"\d{9}").any(), (table, column)
    assert read(out, "referrals").patient_id.str.fullmatch(r"PAT-\d{8}").all()


def test_pld_has_no_anderhalvelijn(small):
    out, _ = small
    ref = read(out, "referrals")
    con = read(out, "consults")
    costs = read(out, "costs")
    assert read(out, "regions").set_index("code").anderhalvelijn_start["PLD"] == ""
    assert not (ref.practice.str.startswith("PLD") & (ref.destination == "anderhalvelijn")).any()
    assert not (con.referral_id.str.startswith("PLD") & (con.setting == "anderhalvelijn")).any()
    pld = costs[costs.region == "PLD"]
    assert set(pld.cost_type) == {"zorg"} and "anderhalvelijn" not in set(pld.setting)


def test_costs_use_semicolon_and_decimal_comma(small):
    out, _ = small
    text = (out / "costs.csv").read_text(encoding="utf-8").splitlines()
    assert text[1] == "region;year;month;setting;cost_type;payer;amount"
    amounts = read(out, "costs").amount
    assert amounts.str.fullmatch(r"\d+,\d{2}").all()
    month = pd.to_numeric(read(out, "costs").month)
    assert month.between(0, 12).all() and (month == 0).any()


def test_referrals_csv_has_exactly_n_rows(tmp_path):
    counts = sample_data.generate_referrals_csv(tmp_path, 2345, seed=3)
    ref = read(tmp_path, "referrals")
    assert len(ref) == counts["referrals"] == 2345
    assert ref.referral_id.is_unique
    assert set(ref.practice) <= set(read(tmp_path, "practices").code)
    assert {"regions", "region_population", "practices", "population"} <= set(counts)
    assert not (tmp_path / "consults.csv").exists()


def test_main_cli_and_xlsx(tmp_path, capsys):
    assert sample_data.main(["--out", str(tmp_path / "x"), "--practices", "4", "--years", "1",
                             "--format", "xlsx", "--seed", "5"]) == 0
    referrals = pd.read_excel(tmp_path / "x" / "referrals.xlsx", dtype=str)
    assert list(referrals.columns) == documented_columns()["referrals"]
    assert "referrals" in capsys.readouterr().out
    assert sample_data.main(["--out", str(tmp_path / "y"), "--end-year", "2999"]) == 2


def test_practice_profile_has_outliers():
    profile = sample_data.practice_profile()
    assert len(profile) == 150
    assert 4 <= (profile.outlier != 1.0).sum() <= 6
    assert profile.groupby("region").size().to_dict() == {"NKU": 45, "HVO": 40, "RVW": 35,
                                                          "PLD": 30}


# ---------------------------------------------------------------------------------------------
# the committed sample in data/sample
# ---------------------------------------------------------------------------------------------

committed = pytest.mark.skipif(not (SAMPLE / "referrals.csv").exists(),
                               reason="data/sample not generated")


@pytest.fixture(scope="module")
def sample() -> dict[str, pd.DataFrame]:
    frames = {t: read(SAMPLE, t) for t in TABLES}
    frames["referrals"]["referral_date"] = pd.to_datetime(frames["referrals"].referral_date)
    frames["consults"]["consult_date"] = pd.to_datetime(frames["consults"].consult_date)
    return frames


@committed
def test_committed_sample_is_current_and_small(tmp_path):
    sample_data.generate(tmp_path)
    for table in TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (SAMPLE / f"{table}.csv").read_bytes(), (
            f"data/sample/{table}.csv is stale: regenerate with "
            "python -m etl.sample_data --out data/sample")
    assert sum((SAMPLE / f"{t}.csv").stat().st_size for t in TABLES) < 20_000_000


@committed
def test_committed_crude_referral_rate(sample):
    listed = pd.to_numeric(sample["population"].listed_patients).sum()
    rate = len(sample["referrals"]) / listed * 1000
    assert 10 <= rate <= 20


@committed
def test_committed_anderhalvelijn_resolved_share(sample):
    ref, con = sample["referrals"], sample["consults"]
    end = pd.Timestamp("2025-12-31")
    alv = ref[(ref.destination == "anderhalvelijn")
              & (ref.referral_date <= end - pd.DateOffset(months=6))]
    episodes = con.merge(alv[["referral_id", "referral_date"]], on="referral_id")
    within = episodes[episodes.consult_date <= episodes.referral_date + pd.DateOffset(months=6)]
    to_hospital = within[(within.outcome == "verwezen_ziekenhuis")
                         | (within.setting == "ziekenhuis")].referral_id.unique()
    resolved = 1 - alv.referral_id.isin(to_hospital).mean()
    assert 0.75 <= resolved <= 0.90


@committed
def test_committed_nku_hospital_referrals_drop(sample):
    ref, pop = sample["referrals"], sample["population"]
    listed = pd.to_numeric(pop[pop.practice.str.startswith("NKU")].listed_patients)
    per_year = listed.groupby(pop.year.astype(int)).sum()
    nku = ref[ref.practice.str.startswith("NKU") & (ref.destination == "ziekenhuis")]
    counts = nku.groupby(nku.referral_date.dt.year).size()
    rate = counts / per_year
    before = rate.loc[[2022, 2023]].mean()
    after = rate.loc[[2024, 2025]].mean()
    assert after <= 0.92 * before
    # the PDCA step itself: 2024-2025 well below 2023 Q2-Q4, after the anderhalvelijn ramp began
    monthly = nku.groupby(nku.referral_date.dt.to_period("M")).size()
    assert (monthly["2024-01":"2025-12"] < monthly["2021-01":"2023-12"].mean()).mean() > 0.9


@committed
def test_committed_magnitudes(sample):
    ref, con = sample["referrals"], sample["consults"]
    assert 0.05 <= (ref.urgent == "ja").mean() <= 0.11
    assert 0.80 <= (ref.rta_conform == "ja").mean() <= 0.90
    first = con.sort_values("consult_date").drop_duplicates("referral_id")
    first = first.merge(ref[["referral_id", "referral_date", "destination"]], on="referral_id")
    wait = (first.consult_date - first.referral_date).dt.days
    hospital = wait[first.destination == "ziekenhuis"]
    assert 0.40 <= (hospital <= 28).mean() <= 0.55
    assert 8 <= wait[first.destination == "anderhalvelijn"].median() <= 16
    sat = pd.to_numeric(con.satisfaction.replace("", np.nan))
    by_setting = sat.groupby(con.setting).mean()
    assert by_setting["anderhalvelijn"] > by_setting["ziekenhuis"] + 0.4
    regions = sample["regions"].set_index("code")
    assert regions.loc["HVO", "anderhalvelijn_start"] < "2021-01-01"
    assert dt.date.fromisoformat(regions.loc["NKU", "anderhalvelijn_start"]) < (
        sample_data.PDCA_DO_DATE)
