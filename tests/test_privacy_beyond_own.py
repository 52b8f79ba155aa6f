"""Region cells next to the own practice's (privacy.suppress_beyond_own), cells hidden from the
start or known from elsewhere (suppress_with_complements' hidden / known), non-zero companions.
Every expectation is worked out by hand in the comments."""

from __future__ import annotations

import pandas as pd

from dashboard.privacy import (
    complementary_suppression,
    is_small,
    small_difference,
    suppress_beyond_own,
    suppress_with_complements,
)


def test_small_difference_is_the_others_small_part():
    # 53 - 50 = 3 (small), 100 - 50 = 50, 5 - 5 = 0 (nothing of others: not disclosive),
    # 9 - 0 = 9 (small), 10 - 0 = 10.
    assert small_difference([53, 100, 5, 9, 10], [50, 50, 5, 0, 0], limit=10).tolist() == [
        True, False, False, True, False]


def _months() -> tuple[pd.DataFrame, pd.DataFrame]:
    # A region's three months and the own practice's part of them (see
    # tests/pagedata/test_anderhalvelijn_beyond_own.py, Regio Dri).
    region = pd.DataFrame({"referrals": [100, 53, 100], "alv": [35, 20, 35],
                           "hospital": [65, 33, 65], "share": [0.35, 20 / 53, 0.35]})
    own = pd.DataFrame({"referrals": [50, 50, 50], "alv": [20, 20, 20],
                        "hospital": [30, 30, 30]})
    return region, own


def test_a_month_whose_others_count_is_small_is_hidden_with_a_companion():
    region, own = _months()
    shown = suppress_beyond_own(region, ["referrals", "alv", "hospital"], ["share"],
                                own_part=own, row_linked=True, limit=10)
    # Others: 50/15/35, 3/0/3, 50/15/35. February's 3 and 3 are hidden ("–": the region's 53
    # and 33 are not small themselves); the region total of referrals and of hospital would
    # give them back, so one more month goes in each: January (50 = 50, the first; 35 = 35,
    # the first and already hiding a count).
    assert shown["referrals"].tolist() == ["–", "–", 100]
    assert shown["hospital"].tolist() == ["–", "–", 65]
    assert shown["alv"].tolist() == [35, 20, 35]
    assert shown["suppressed"].tolist() == [True, True, False]
    assert shown["share"].isna().tolist() == [True, True, False]


def test_without_an_own_practice_the_usual_rules_apply():
    region, _ = _months()
    plain = suppress_with_complements(region, ["referrals", "alv", "hospital"], ["share"],
                                      row_linked=True, limit=10)
    shown = suppress_beyond_own(region, ["referrals", "alv", "hospital"], ["share"],
                                own_part=None, row_linked=True, limit=10)
    # 100, 53, 100 and their parts: no count 1-9, nothing hidden either way.
    assert not shown["suppressed"].any()
    pd.testing.assert_frame_equal(shown, plain)


def test_a_small_region_count_keeps_its_small_mark():
    # Region 4 (all of it others', own 0): "<10"; region 103 minus own 100 = 3: "–".
    region = pd.DataFrame({"referrals": [103, 4]})
    own = pd.DataFrame({"referrals": [100, 0]})
    shown = suppress_beyond_own(region, ["referrals"], own_part=own, limit=10)
    assert shown["referrals"].tolist() == ["–", "<10"]
    assert shown.attrs["undisclosable_totals"] == []


def test_cells_hidden_from_the_start_get_companions():
    # 40, 30, 20: nothing small, but the 40 is hidden for another reason; the total 90 would
    # give it back, so the smallest other (20) goes with it.
    frame = pd.DataFrame({"n": [40, 30, 20]})
    shown = suppress_with_complements(frame, ["n"], hidden={"n": pd.Series([True, False,
                                                                            False])}, limit=10)
    assert shown["n"].tolist() == ["–", 30, "–"]


def test_known_cells_are_no_companion():
    # Hidden 3; the 20 is known to the viewer from elsewhere (e.g. a region whose monthly
    # points add up to it): hiding it protects nothing, so the 30 goes.
    frame = pd.DataFrame({"n": [3, 30, 20]})
    shown = suppress_with_complements(frame, ["n"], known=pd.Series([False, False, True]),
                                      limit=10)
    assert shown["n"].tolist() == ["<10", "–", 20]
    # With every other cell known, no companion is left: the total must not be shown.
    shown = suppress_with_complements(frame, ["n"], known={"n": pd.Series([False, True, True])},
                                      limit=10)
    assert shown["n"].tolist() == ["<10", 30, 20]
    assert shown.attrs["undisclosable_totals"] == [["0", "n"]]


def test_a_non_zero_companion_goes_before_a_preferred_zero():
    # Hidden 5; a preferred 0 (its row already lost a count) and a 40: the 40, since a hidden
    # zero is easily guessed.
    counts = pd.Series([5, 0, 40])
    secondary, _ = complementary_suppression(counts, is_small(counts, limit=10),
                                             prefer=pd.Series([False, True, False]))
    assert secondary.tolist() == [False, False, True]
