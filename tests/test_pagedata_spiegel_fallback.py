"""Spiegelinformatie on the aggregates and on exact practice x stratum counts give the same page.

The page standardises from practice totals and region stratum counts; only data with errors
(referrals of a practice without population, referrals in a stratum the region lists nobody in)
make it read exact counts from the raw rows. Both paths must agree: on clean data when the
exact path is forced, and on data with errors, where the result must be that of the same data
without the erroneous referrals (which the page leaves out and names in a note).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from dashboard import database, settings
from dashboard.models import Practice
from dashboard.pagedata import spiegelinformatie as spiegel
from dashboard.queries import referrals as queries
from tests.agg_support import ReferralCell, add_aggregates
from tests.spiegel_dataset import OWN_NAME, A, fill_spiegel_dataset, raw_referrals

VIEWS = [
    {"period": "year", "year": 2024, "practice": "P1"},
    {"period": "year", "year": 2024, "practice": "P1", "measure": "crude"},
    {"period": "rolling", "practice": "P1", "destination": "ziekenhuis"},
    {"period": "year", "year": 2024, "condition": "hartfalen", "practice": "P1"},
]
# The errors: Praktijk Zulu (no population figures) made 4 hospital referrals in January 2024,
# and P1 referred 3 men of 85+ in March 2024, a stratum no practice lists anyone in.
ERRORS = [
    ReferralCell(region="TST", practice="P6", month=date(2024, 1, 1), condition="pob_acs",
                 destination="ziekenhuis", age_band=A[0], sex=A[1], referrals=4, urgent=0,
                 rta_conform=4),
    ReferralCell(region="TST", practice="P1", month=date(2024, 3, 1), condition="pob_acs",
                 destination="ziekenhuis", age_band="85+", sex="M", referrals=3, urgent=0,
                 rta_conform=3),
]


def _database(folder, errors: bool):
    engine = database.make_engine(f"sqlite:///{folder / 'hartnetwerk.db'}")
    database.init_db(engine)
    fill_spiegel_dataset(engine, raw=True)
    if errors:
        with Session(engine) as session:
            session.add(Practice(code="P6", region="TST", pseudonym="Praktijk Zulu",
                                 name="Huisartsen Nieuw"))
            session.flush()
            for row in raw_referrals(ERRORS, first_id=10_000):
                session.add(row)
            session.commit()
        add_aggregates(engine, ERRORS)
    return engine


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HARTNETWERK_SALT", "test-salt")
        settings.reset_settings_cache()
        clean = _database(tmp_path_factory.mktemp("clean"), errors=False)
        broken = _database(tmp_path_factory.mktemp("broken"), errors=True)
        yield clean, broken
        clean.dispose()
        broken.dispose()
    settings.reset_settings_cache()


@pytest.fixture
def exact_reads(monkeypatch):
    calls = []
    original = queries.referral_counts

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(queries, "referral_counts", counting)
    return calls


def _page(engine, **choices):
    return spiegel.spiegelinformatie(engine, spiegel.SpiegelFilters(region="TST", **choices))


def _same(left, right) -> None:
    """The statistics of two page results are equal (numbers to 1e-9, texts exactly)."""
    for name in ("table", "funnel_points", "funnel_lines", "trend"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), rtol=1e-9,
                                      obj=name)
    assert left.region_rate == pytest.approx(right.region_rate, rel=1e-12)
    assert left.total_referrals == right.total_referrals
    assert left.conclusion == right.conclusion
    assert (left.own is None) == (right.own is None)
    for key, value in (left.own or {}).items():
        if isinstance(value, str):
            assert value == right.own[key], key
        else:
            assert value == pytest.approx(right.own[key], rel=1e-12), key
    if left.opportunity is None:
        assert right.opportunity is None
    else:
        assert left.opportunity.text == right.opportunity.text
        assert left.opportunity.fewer == pytest.approx(right.opportunity.fewer, rel=1e-12)


@pytest.mark.parametrize("choices", VIEWS)
def test_clean_data_never_read_raw_rows_and_the_exact_path_agrees(engines, exact_reads,
                                                                  monkeypatch, choices):
    clean, _ = engines
    fast = _page(clean, **choices)
    assert exact_reads == []
    if choices.get("condition") is None and choices["period"] == "year":
        # Hand-checked in test_pagedata_spiegelinformatie: P2 55 observed against 40 expected.
        assert spiegel.formatting.format_number(
            fast.table.set_index("practice_name").loc["Praktijk Bravo", "expected"], 1) == "40,0"
    monkeypatch.setattr(spiegel, "_units_fast", lambda *args: None)
    monkeypatch.setattr(spiegel._Counts, "_window_errors", lambda self, practices: 1)
    exact = _page(clean, **choices)
    assert len(exact_reads) == 1
    _same(fast, exact)
    pd.testing.assert_frame_equal(fast.destinations, exact.destinations)
    assert fast.notes == exact.notes


@pytest.mark.parametrize("choices", VIEWS)
def test_errors_are_left_out_exactly_through_the_raw_rows(engines, exact_reads, choices):
    clean, broken = engines
    expected = _page(clean, **choices)
    exact_reads.clear()
    result = _page(broken, **choices)
    # Read once, for the funnel, the trend and the opportunity; not at all when the selection
    # (heart failure) holds no error.
    assert len(exact_reads) == (0 if choices.get("condition") == "hartfalen" else 1)
    _same(result, expected)
    extra = [note for note in result.notes if note not in expected.notes]
    if choices.get("condition") == "hartfalen" or choices["period"] == "rolling":
        # Both errors are chest pain in early 2024: the heart-failure view has none, and the
        # rolling 12 months to June 2025 meet them only in the trend; no note then.
        assert extra == []
        return
    assert any("Praktijk Zulu" in note for note in extra)
    assert any("3 verwijzingen" in note for note in extra)


def test_the_own_practice_sees_its_left_out_referrals_in_the_destinations(engines):
    # The destinations count every referral of the region's practices, errors included (as
    # before): 4 + 3 hospital referrals more in 2024.
    clean, broken = engines
    choices = {"period": "year", "year": 2024, "practice": "P1"}
    before = _page(clean, **choices).destinations.set_index(["group", "destination"])
    after = _page(broken, **choices).destinations.set_index(["group", "destination"])
    assert after.loc[("region", "ziekenhuis"), "referrals"] == (
        before.loc[("region", "ziekenhuis"), "referrals"] + 7)
    assert after.loc[("own", "ziekenhuis"), "referrals"] == (
        before.loc[("own", "ziekenhuis"), "referrals"] + 3)
    assert OWN_NAME in after.loc[("own", "ziekenhuis"), "group_label"]
