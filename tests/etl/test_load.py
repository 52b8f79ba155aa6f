"""Loading: counts, pseudonymisation, aggregates, atomicity and idempotency."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from etl import aggregates
from etl.loader import load_paths
from tests.etl.conftest import FILES, REFERRALS, write_files

DATA_TABLES = (
    "region", "region_population", "practice", "practice_population", "referral", "consult",
    "cost", "survey_response", "hf_admission", "load_log", "agg_practice_month",
    "agg_wait_days", "agg_satisfaction", "agg_referral_region_month",
    "agg_episode_region_month", "agg_population_region_year", "agg_wait_days_year",
    "agg_practice_month_destinations", "agg_population_practice_year",
)


def dump(engine) -> dict[str, list[tuple]]:
    """Every row of every data table, without ``seq``: the storage key counts the rows a
    database has ever held, so a reload in other batches or a replaced cell numbers them anew
    (dashboard/models.py)."""
    columns = {table: [c["name"] for c in inspect(engine).get_columns(table) if c["name"] != "seq"]
               for table in DATA_TABLES}
    with engine.connect() as conn:
        return {
            table: sorted(map(tuple, conn.execute(text(
                f"SELECT {', '.join(columns[table])} FROM {table}")).all()), key=repr)
            for table in DATA_TABLES
        }


def scalar(engine, sql: str):
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_load_puts_every_row_in_place(isolated_db, valid_dir):
    report = load_paths([valid_dir], isolated_db)
    assert report.ok, [str(p) for p in report.problems]
    counts = {t: len(rows) for t, rows in dump(isolated_db).items()}
    assert counts["region"] == 2
    assert counts["practice"] == 3
    assert counts["practice_population"] == 4
    assert counts["referral"] == 5
    assert counts["consult"] == 4
    assert counts["cost"] == 2
    assert counts["survey_response"] == 2
    assert counts["hf_admission"] == 2
    assert counts["load_log"] == 9
    # Semicolon file with decimal comma and thousands dot.
    assert scalar(isolated_db, "SELECT amount FROM cost WHERE month = 1") == 1234.5


def test_no_source_identifier_reaches_the_database(isolated_db, valid_dir):
    load_paths([valid_dir], isolated_db)
    everything = repr(dump(isolated_db))
    for source_id in ("PAT-1", "PAT-2", "'R1'", "'C1'", "'S1'"):
        assert source_id not in everything
    # The same patient (PAT-1, referred twice) keeps one pseudonym.
    assert scalar(isolated_db, "SELECT COUNT(DISTINCT patient_pseudonym) FROM referral") == 4


def test_aggregates_match_hand_counts(isolated_db, valid_dir):
    load_paths([valid_dir], isolated_db)
    with isolated_db.connect() as conn:
        agg = pd.DataFrame(conn.execute(text(
            "SELECT practice, month, condition, destination, referrals, urgent, rta_conform, "
            "with_consult, wait_days_sum, within_4_weeks, resolved_6m "
            "FROM agg_practice_month")).mappings().all())
        episodes = agg
        waits = dict(conn.execute(text(
            "SELECT setting || ':' || wait_days, episodes FROM agg_wait_days")).all())
        satisfaction = dict(conn.execute(text(
            "SELECT setting, SUM(score_sum) FROM agg_satisfaction GROUP BY setting")).all())
    assert agg["referrals"].sum() == 5
    assert agg.loc[agg["practice"] == "P1", "referrals"].sum() == 3
    assert agg["urgent"].sum() == 1  # R3
    assert agg["rta_conform"].sum() == 4
    p1_jan = agg[(agg["practice"] == "P1") & (pd.to_datetime(agg["month"]) == "2024-01-01")]
    assert sorted(p1_jan["condition"]) == ["af", "hartfalen"]
    # R1: 05-01 -> 20-02 = 46 days; R2: 20-01 -> 30-01 = 10 days; R3: 1 day; R4: 49 days.
    assert waits == {"ziekenhuis:46": 1, "anderhalvelijn:10": 1, "econsult:1": 1,
                     "ziekenhuis:49": 1}
    assert episodes["with_consult"].sum() == 4  # R5 has no consult yet
    assert episodes["within_4_weeks"].sum() == 2  # R2 and R3
    assert episodes["wait_days_sum"].sum() == 46 + 10 + 1 + 49
    # Hospital consults (R1, R4) count as a hospital referral; R2, R3, R5 stay resolved.
    assert episodes["resolved_6m"].sum() == 3
    assert satisfaction == {"ziekenhuis": 15.0, "anderhalvelijn": 9.0}


def test_loading_twice_changes_nothing(isolated_db, valid_dir):
    load_paths([valid_dir], isolated_db)
    first = dump(isolated_db)
    report = load_paths([valid_dir], isolated_db)
    assert report.ok
    assert {r.outcome for r in report.files} == {"unchanged"}
    assert dump(isolated_db) == first


def test_same_rows_under_another_file_name_add_nothing(isolated_db, valid_dir, tmp_path):
    load_paths([valid_dir], isolated_db)
    before = dump(isolated_db)
    copy = tmp_path / "again"
    header, *rows = REFERRALS.strip().split("\n")
    # The same rows in another order: other bytes, so the loader cannot skip it by checksum.
    write_files(copy, {"verwijzingen_kopie.csv": "\n".join([header, *reversed(rows)]) + "\n"})
    report = load_paths([copy], isolated_db)
    assert report.ok and report.files[0].outcome == "loaded"
    after = dump(isolated_db)
    for table in DATA_TABLES:
        if table != "load_log":
            assert after[table] == before[table], table


def test_corrected_file_replaces_its_region_and_month_only(isolated_db, valid_dir, tmp_path):
    load_paths([valid_dir], isolated_db)
    # A corrected January file for region NRD: R2 withdrawn, R6 added.
    corrected = (
        "referral_id,referral_date,practice,patient_id,age_band,sex,icpc,destination,urgent,"
        "rta_conform\n"
        "R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
        "R6,2024-01-25,P2,PAT-9,18-44,M,K02,econsult,nee,ja\n"
    )
    write_files(tmp_path / "fix", {"referrals_correctie.csv": corrected})
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    with isolated_db.connect() as conn:
        months = dict(conn.execute(text(
            "SELECT region || ' ' || month, SUM(referrals) FROM agg_practice_month "
            "GROUP BY region, month")).all())
    assert months == {
        "NRD 2024-01-01": 2,  # R1, R6 (R2 replaced away)
        "NRD 2024-02-01": 1,  # R3 untouched
        "NRD 2024-03-01": 1,  # R5 untouched
        "ZD 2024-02-01": 1,  # R4 untouched
    }
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 5


def test_region_level_aggregates_follow_a_correction_and_a_moved_referral(
    isolated_db, valid_dir, tmp_path
):
    load_paths([valid_dir], isolated_db)
    # A corrected January file for NRD: R2 withdrawn, R5 moved here from March (so March loses
    # its only row), R6 added at another practice in the same stratum as R1 and R5.
    corrected = (
        "referral_id,referral_date,practice,patient_id,age_band,sex,icpc,destination,urgent,"
        "rta_conform\n"
        "R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
        "R5,2024-01-28,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
        "R6,2024-01-25,P2,PAT-9,18-44,M,K77,ziekenhuis,ja,nee\n"
    )
    write_files(tmp_path / "fix", {"referrals_correctie.csv": corrected})
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    with isolated_db.connect() as conn:
        referrals = sorted(
            (region, str(month)[:10], destination, age_band, sex, n, urgent, rta)
            for region, month, destination, age_band, sex, n, urgent, rta in conn.execute(text(
                "SELECT region, month, destination, age_band, sex, referrals, urgent, "
                "rta_conform FROM agg_referral_region_month")).all()
        )
        episodes = sorted(
            (region, str(month)[:10], destination, n)
            for region, month, destination, n in conn.execute(text(
                "SELECT region, month, destination, episodes FROM agg_episode_region_month"
            )).all()
        )
        practice_rows = scalar(isolated_db, "SELECT COUNT(*) FROM agg_practice_month "
                               "WHERE region = 'NRD' AND month = '2024-01-01'")
    assert referrals == [
        ("NRD", "2024-01-01", "ziekenhuis", "18-44", "M", 3, 1, 2),  # R1, R5 (P1) and R6 (P2)
        ("NRD", "2024-02-01", "econsult", "18-44", "M", 1, 1, 0),  # R3 untouched
        ("ZD", "2024-02-01", "ziekenhuis", "75-84", "V", 1, 0, 1),  # R4 untouched
    ]
    assert practice_rows == 2  # P1 and P2: one region-level row
    assert episodes == [
        ("NRD", "2024-01-01", "ziekenhuis", 3),
        ("NRD", "2024-02-01", "econsult", 1),
        ("ZD", "2024-02-01", "ziekenhuis", 1),
    ]


def _destinations_from_raw_rows(engine) -> list[tuple]:
    """agg_practice_month_destinations as counted independently from the referral rows."""
    with engine.connect() as conn:
        rows = pd.DataFrame(conn.execute(text(
            "SELECT region, month, practice, destination FROM referral")).all(),
            columns=["region", "month", "practice", "destination"])
    rows["month"] = pd.to_datetime(rows["month"]).dt.strftime("%Y-%m-%d")
    wide = pd.crosstab([rows["region"], rows["month"], rows["practice"]], rows["destination"])
    wide = wide.reindex(columns=["ziekenhuis", "anderhalvelijn", "econsult"], fill_value=0)
    return sorted((*key, *map(int, counts)) for key, counts in zip(
        wide.index, wide.to_numpy(), strict=True))


def _stored_destinations(engine) -> list[tuple]:
    with engine.connect() as conn:
        return sorted((region, str(month)[:10], practice, *counts)
                      for region, month, practice, *counts in conn.execute(text(
                          "SELECT region, month, practice, ziekenhuis, anderhalvelijn, econsult "
                          "FROM agg_practice_month_destinations")).all())


def test_practice_destination_sums_follow_a_load_and_a_correction(isolated_db, valid_dir,
                                                                   tmp_path):
    load_paths([valid_dir], isolated_db)
    stored = _stored_destinations(isolated_db)
    # NRD January: R1 (P1, hospital) and R2 (P1, anderhalvelijn) in one row.
    assert ("NRD", "2024-01-01", "P1", 1, 1, 0) in stored
    assert stored == _destinations_from_raw_rows(isolated_db)
    # A corrected January for NRD: R2 withdrawn, R5 moved here from March (March loses its
    # only row), R6 added at P2.
    corrected = (
        "referral_id,referral_date,practice,patient_id,age_band,sex,icpc,destination,urgent,"
        "rta_conform\n"
        "R1,2024-01-05,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
        "R5,2024-01-28,P1,PAT-1,18-44,M,K77,ziekenhuis,nee,ja\n"
        "R6,2024-01-25,P2,PAT-9,18-44,M,K77,econsult,ja,nee\n"
    )
    write_files(tmp_path / "fix", {"referrals_correctie.csv": corrected})
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    stored = _stored_destinations(isolated_db)
    assert [row for row in stored if row[:2] == ("NRD", "2024-01-01")] == [
        ("NRD", "2024-01-01", "P1", 2, 0, 0), ("NRD", "2024-01-01", "P2", 0, 0, 1)]
    assert not [row for row in stored if row[:2] == ("NRD", "2024-03-01")]
    assert stored == _destinations_from_raw_rows(isolated_db)


def test_failure_in_the_middle_of_a_load_leaves_the_database_as_it_was(
    isolated_db, valid_dir, tmp_path, monkeypatch
):
    load_paths([valid_dir], isolated_db)
    before = dump(isolated_db)
    corrected = REFERRALS.replace("R5,2024-03-01", "R7,2024-03-02")
    write_files(tmp_path / "fix", {"referrals_fix.csv": corrected,
                                   "consults.csv": FILES["consults.csv"].replace("7\n", "6\n")})

    def explode(*_args, **_kwargs):
        raise RuntimeError("disk full (simulated)")

    # Referral rows are already written when the episode refresh fails.
    monkeypatch.setattr(aggregates, "refresh_episodes", explode)
    with pytest.raises(RuntimeError, match="simulated"):
        load_paths([tmp_path / "fix"], isolated_db)
    assert dump(isolated_db) == before


def _indexes(engine, table: str) -> dict[str, bool]:
    return {index["name"]: bool(index["unique"]) for index in inspect(engine).get_indexes(table)}


def test_a_first_load_ends_with_every_index_of_the_raw_tables(isolated_db, valid_dir):
    # On SQLite a first load writes referrals and consults without their id indexes and builds
    # them when the file is done (etl.loader._INDEXES_BUILT_LATER). They must be back, and the
    # id index must still refuse a second row with the same id.
    schema = {table: _indexes(isolated_db, table) for table in ("referral", "consult")}
    assert schema["referral"]["ux_referral_id"] and schema["consult"]["ux_consult_id"]
    report = load_paths([valid_dir], isolated_db)
    assert report.ok, [str(p) for p in report.problems]
    assert {table: _indexes(isolated_db, table) for table in schema} == schema
    with pytest.raises(IntegrityError), isolated_db.begin() as conn:
        conn.execute(text(
            "INSERT INTO referral (id, region, practice, referral_date, month, "
            "patient_pseudonym, age_band, sex, icpc, condition, destination, urgent, "
            "rta_conform) SELECT id, region, practice, referral_date, month, "
            "patient_pseudonym, age_band, sex, icpc, condition, destination, urgent, "
            "rta_conform FROM referral LIMIT 1"))


def test_a_refused_first_load_leaves_the_indexes_it_had_dropped(isolated_db, tmp_path):
    # The referral file is written (its indexes dropped and built again), then the consult
    # file's first batch is written without its id indexes before its second batch is refused.
    # The rollback must bring back the indexes along with the empty tables.
    schema = {table: _indexes(isolated_db, table) for table in ("referral", "consult")}
    consults = FILES["consults.csv"] + "C5,R4,2024-03-31,ziekenhuis,onbekend,8\n"
    write_files(tmp_path / "in", {**FILES, "consults.csv": consults})
    report = load_paths([tmp_path / "in"], isolated_db, batch_rows=2)
    assert [str(p) for p in report.problems] == [
        "consults.csv:6:outcome: 'onbekend' is not a known code; allowed: terug_huisarts, "
        "verwezen_ziekenhuis, follow_up"]
    assert {table: _indexes(isolated_db, table) for table in schema} == schema
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 0
    assert scalar(isolated_db, "SELECT COUNT(*) FROM consult") == 0


def test_a_bad_file_in_a_directory_loads_nothing_at_all(isolated_db, valid_dir):
    (valid_dir / "survey.csv").write_text(FILES["survey.csv"].replace("8.5", "11"))
    report = load_paths([valid_dir], isolated_db)
    assert not report.ok
    assert [str(p) for p in report.problems] == ["survey.csv:3:score: '11': must be at most 10"]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 0
    assert scalar(isolated_db, "SELECT COUNT(*) FROM load_log") == 0


def test_practice_pseudonyms_are_stable_and_unique(isolated_db, valid_dir):
    load_paths([valid_dir], isolated_db)
    with isolated_db.connect() as conn:
        first = dict(conn.execute(text("SELECT code, pseudonym FROM practice")).all())
    assert len(set(first.values())) == 3
    assert all(p.startswith("Praktijk ") and code not in p for code, p in first.items())
    (valid_dir / "practices.csv").write_text(FILES["practices.csv"] + "P9,ZD,,\n")
    assert load_paths([valid_dir], isolated_db).ok
    with isolated_db.connect() as conn:
        second = dict(conn.execute(text("SELECT code, pseudonym FROM practice")).all())
    assert {code: second[code] for code in first} == first


def test_a_consult_load_after_the_referrals_fills_the_episode_sums(isolated_db, tmp_path):
    first = {name: text for name, text in FILES.items() if name != "consults.csv"}
    write_files(tmp_path / "first", first)
    write_files(tmp_path / "later", {"consults.csv": FILES["consults.csv"]})
    sums = ("SELECT SUM(referrals), SUM(urgent), SUM(rta_conform), SUM(with_consult), "
            "SUM(wait_days_sum), SUM(within_4_weeks), SUM(resolved_6m) FROM agg_practice_month")
    assert load_paths([tmp_path / "first"], isolated_db).ok
    with isolated_db.connect() as conn:
        # No consults yet: every episode still open and (so far) resolved.
        assert tuple(conn.execute(text(sums)).one()) == (5, 1, 4, 0, 0, 0, 5)
    assert load_paths([tmp_path / "later"], isolated_db).ok
    with isolated_db.connect() as conn:
        # The referral counts stay; the episode sums are those of test_aggregates_match_hand_counts.
        assert tuple(conn.execute(text(sums)).one()) == (5, 1, 4, 4, 46 + 10 + 1 + 49, 2, 3)
        region = conn.execute(text(
            "SELECT SUM(episodes), SUM(with_consult), SUM(resolved_6m) "
            "FROM agg_episode_region_month")).one()
    assert tuple(region) == (5, 4, 3)


def _episode_sums_from_raw_rows(engine) -> pd.DataFrame:
    """``agg_practice_month`` computed independently from the stored referrals and consults
    (DOMAIN.md section 4: waiting time to the first consult, Treeknorm 4 weeks, resolved =
    no hospital consult or hospital outcome within 182 days)."""
    with engine.connect() as conn:
        referrals = pd.read_sql(text(
            "SELECT id, region, month, practice, condition, destination, referral_date, "
            "urgent, rta_conform FROM referral"), conn)
        consults = pd.read_sql(text(
            "SELECT referral_id, consult_date, setting, outcome FROM consult"), conn)
    referrals["referral_date"] = pd.to_datetime(referrals["referral_date"])
    consults["consult_date"] = pd.to_datetime(consults["consult_date"])
    rows = []
    for referral in referrals.itertuples(index=False):
        own = consults[consults["referral_id"] == referral.id]
        days = (own["consult_date"] - referral.referral_date).dt.days
        wait = int(days.min()) if len(own) else None
        hospital = ((own["setting"] == "ziekenhuis") | (own["outcome"] == "verwezen_ziekenhuis"))
        rows.append({
            "region": referral.region, "month": str(referral.month)[:10],
            "practice": referral.practice, "condition": referral.condition,
            "destination": referral.destination, "referrals": 1,
            "urgent": int(referral.urgent), "rta_conform": int(referral.rta_conform),
            "with_consult": int(wait is not None), "wait_days_sum": wait or 0,
            "within_4_weeks": int(wait is not None and wait <= 28),
            "resolved_6m": int(not (hospital & (days <= 182)).any()),
        })
    key = ["region", "month", "practice", "condition", "destination"]
    return pd.DataFrame(rows).groupby(key, as_index=False).sum().sort_values(key)


def _stored_episode_sums(engine) -> pd.DataFrame:
    with engine.connect() as conn:
        stored = pd.read_sql(text("SELECT * FROM agg_practice_month"), conn)
    stored["month"] = stored["month"].astype(str).str[:10]
    key = ["region", "month", "practice", "condition", "destination"]
    return stored.sort_values(key)


def test_two_referral_files_and_their_consults_in_one_load_give_the_right_episode_sums(
    isolated_db, tmp_path
):
    # The second referral file moves R4 from February to March in ZD; the consults follow in
    # the same load. The episode sums are computed once, at the end of the load, and must equal
    # an independent count from the stored rows.
    moved = REFERRALS.splitlines()[0] + "\nR4,2024-03-05,P3,PAT-4,75-84,V,K86,ziekenhuis,nee,ja\n"
    write_files(tmp_path / "all", {**FILES, "referrals_zd_maart.csv": moved})
    report = load_paths([tmp_path / "all"], isolated_db)
    assert report.ok, [str(p) for p in report.problems]
    stored = _stored_episode_sums(isolated_db)
    expected = _episode_sums_from_raw_rows(isolated_db)
    assert stored[expected.columns].to_dict("records") == expected.to_dict("records")
    zd = stored[stored["region"] == "ZD"]
    # R4 alone, now in March: first consult C4 on 30-03 after 25 days (within 4 weeks), in the
    # hospital, so not resolved; February is empty.
    assert zd[["month", "referrals", "wait_days_sum", "within_4_weeks", "resolved_6m"]
              ].to_dict("records") == [{"month": "2024-03-01", "referrals": 1,
                                        "wait_days_sum": 25, "within_4_weeks": 1,
                                        "resolved_6m": 0}]


def test_two_consult_files_in_a_first_load_both_count_in_the_episode_sums(
    isolated_db, tmp_path
):
    # Into an empty database: the first consult file's rows are all the consults there are
    # when it is done, but the second file adds more; the episodes must see both.
    lines = FILES["consults.csv"].splitlines(keepends=True)
    files = {key: value for key, value in FILES.items() if key != "consults.csv"}
    # Different consult months, so the second file replaces none of the first's rows.
    files["consults_a.csv"] = lines[0] + lines[2] + lines[4]  # C2 (January), C4 (March)
    files["consults_b.csv"] = lines[0] + lines[1] + lines[3]  # C1, C3 (February)
    write_files(tmp_path / "all", files)
    report = load_paths([tmp_path / "all"], isolated_db)
    assert report.ok, [str(p) for p in report.problems]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM consult") == 4
    stored = _stored_episode_sums(isolated_db)
    expected = _episode_sums_from_raw_rows(isolated_db)
    assert stored[expected.columns].to_dict("records") == expected.to_dict("records")
    assert stored["with_consult"].sum() == 4


def test_a_consult_load_for_some_months_keeps_the_other_months_episode_sums(
    isolated_db, valid_dir, tmp_path
):
    assert load_paths([valid_dir], isolated_db).ok
    # A corrected consult file for NRD January only: C2 withdrawn, C5 for R1 added.
    write_files(tmp_path / "fix", {"consults_jan.csv": (
        "consult_id,referral_id,consult_date,setting,outcome,satisfaction\n"
        "C5,R1,2024-01-09,anderhalvelijn,terug_huisarts,8\n")})
    assert load_paths([tmp_path / "fix"], isolated_db).ok
    stored = _stored_episode_sums(isolated_db)
    expected = _episode_sums_from_raw_rows(isolated_db)
    assert stored[expected.columns].to_dict("records") == expected.to_dict("records")


def test_consults_are_checked_against_the_last_version_of_a_referral_in_the_load(
    isolated_db, tmp_path
):
    # The second referral file moves R4 to 05-04-2024, after its consult C4 on 30-03-2024: the
    # stored referral would be the later one, so the consult is refused.
    moved = REFERRALS.splitlines()[0] + "\nR4,2024-04-05,P3,PAT-4,75-84,V,K86,ziekenhuis,nee,ja\n"
    write_files(tmp_path / "all", {**FILES, "referrals_zd_april.csv": moved})
    report = load_paths([tmp_path / "all"], isolated_db)
    assert [str(p) for p in report.problems] == [
        "consults.csv:5:consult_date: consult date 30-03-2024 lies before its referral date "
        "05-04-2024"
    ]
    assert scalar(isolated_db, "SELECT COUNT(*) FROM referral") == 0
