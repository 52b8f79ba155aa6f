"""Secondary (complementary) suppression: no hidden count follows from a shown total."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.privacy import complementary_suppression, is_small


def _run(counts, groups=None, known=None):
    counts = pd.Series(counts)
    primary = is_small(counts, limit=10)
    secondary, no_complement = complementary_suppression(
        counts, primary,
        None if groups is None else pd.Series(groups),
        None if known is None else pd.Series(known),
    )
    return primary, secondary, no_complement


def test_one_hidden_cell_gets_the_smallest_other_cell_as_its_complement():
    # Total 500 shown; 5 hidden; 300 + 195 visible would give 5 away. Hiding 195 (the smallest
    # other cell) leaves only "the two hidden cells add up to 200".
    primary, secondary, no_complement = _run([300, 195, 5])
    assert primary.tolist() == [False, False, True]
    assert secondary.tolist() == [False, True, False]
    assert no_complement == set()


def test_two_hidden_cells_need_no_complement():
    _, secondary, _ = _run([300, 4, 7])
    assert not secondary.any()


def test_zero_cells_and_the_viewers_own_cell_are_no_complement():
    # The own practice (known) is visible to the viewer anyway; a zero is not a count to hide.
    _, secondary, _ = _run([12, 0, 40, 3], known=[True, False, False, False])
    assert secondary.tolist() == [False, False, True, False]


def test_a_group_without_a_possible_complement_is_reported():
    # Own 50 (known), other practice 3: total - own = 3. Only hiding the total helps.
    _, secondary, no_complement = _run([50, 3], groups=["R", "R"], known=[True, False])
    assert not secondary.any()
    assert no_complement == {"R"}


def test_groups_are_handled_separately():
    _, secondary, no_complement = _run(
        [100, 20, 2, 100, 20, 30], groups=["a", "a", "a", "b", "b", "b"])
    assert secondary.tolist() == [False, True, False, False, False, False]
    assert no_complement == set()


# ---- a practice table: linked counts in a row, totals per region ------------------------------

from dashboard.privacy import suppress_with_complements  # noqa: E402


def _table():
    # referrals = hospital + alv in every row; the region's totals are shown on the page.
    return pd.DataFrame({
        "practice": ["A", "B", "C", "D"],
        "region": ["R", "R", "R", "R"],
        "referrals": [50, 30, 80, 200],
        "hospital": [45, 18, 60, 150],
        "alv": [5, 12, 20, 50],
        "share": [0.1, 0.4, 0.25, 0.25],
    })


def test_a_small_count_hides_its_row_partner_and_a_complement_in_each_column():
    table = _table()
    shown = suppress_with_complements(
        table, ["referrals", "hospital", "alv"], ["share"], groups=table["region"],
        row_linked=True, limit=10)
    # A: alv 5 is small; hospital 45 would give it away (50 - 45), so it goes too.
    assert shown.loc[0, ["referrals", "hospital", "alv"]].tolist() == [50, "–", "<10"]
    # Column hospital then had one hidden cell (its total is shown): the smallest other (B, 18)
    # is hidden, and B's row then needs a second hidden count: its smallest other, alv 12.
    assert shown.loc[1, ["referrals", "hospital", "alv"]].tolist() == [30, "–", "–"]
    assert shown.loc[0, "suppressed"] and shown.loc[1, "suppressed"]
    assert shown.loc[[2, 3], "suppressed"].tolist() == [False, False]
    assert pd.isna(shown.loc[0, "share"]) and pd.isna(shown.loc[1, "share"])
    # What a reader can still work out: per column, no hidden cell is alone.
    for column in ("referrals", "hospital", "alv"):
        assert (shown[column].isin(["–", "<10"])).sum() != 1


def test_own_practice_stays_visible_and_is_no_complement():
    table = _table()
    own = table["practice"] == "B"
    shown = suppress_with_complements(
        table, ["referrals", "hospital", "alv"], ["share"], own_mask=own,
        groups=table["region"], row_linked=True, limit=10)
    assert shown.loc[1, ["referrals", "hospital", "alv"]].tolist() == [30, 18, 12]
    # Column hospital's complement is now C (60), the smallest other not-own cell; in C's row
    # the smallest other count (alv 20) follows.
    assert shown.loc[0, ["referrals", "hospital", "alv"]].tolist() == [50, "–", "<10"]
    assert shown.loc[2, ["referrals", "hospital", "alv"]].tolist() == [80, "–", "–"]


def _determined_cells(shown: pd.DataFrame, columns, undisclosable=()) -> list:
    """Hidden cells a reader can compute from the visible ones, the row sums and the column
    totals, by linear algebra (a cell is determined iff its unit vector lies in the row space
    of the equations over the hidden cells)."""
    hidden = [(i, c) for i in shown.index for c in columns
              if shown.loc[i, c] in ("–", "<10")]
    if not hidden:
        return []
    position = {cell: k for k, cell in enumerate(hidden)}
    equations = []
    for i in shown.index:  # referrals - hospital - alv = 0
        row = np.zeros(len(hidden))
        for c, sign in zip(columns, (1, -1, -1), strict=True):
            if (i, c) in position:
                row[position[(i, c)]] = sign
        equations.append(row)
    for c in columns:  # the column total is shown, unless the function said it must not be
        if ("R", c) in undisclosable:
            continue
        row = np.zeros(len(hidden))
        for i in shown.index:
            if (i, c) in position:
                row[position[(i, c)]] = 1
        equations.append(row)
    matrix = np.array(equations)
    rank = np.linalg.matrix_rank(matrix)
    determined = []
    for cell, k in position.items():
        unit = np.zeros(len(hidden))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            determined.append(cell)
    return determined


def test_no_hidden_count_can_be_worked_out_in_random_tables():
    rng = np.random.default_rng(7)
    columns = ["referrals", "hospital", "alv"]
    checked_without_total = 0
    for _ in range(300):
        n = int(rng.integers(2, 9))
        hospital = rng.integers(0, 60, n) * (rng.random(n) < 0.9)
        alv = rng.integers(0, 25, n) * (rng.random(n) < 0.8)
        table = pd.DataFrame({"practice": range(n), "region": "R", "hospital": hospital,
                              "alv": alv})
        table["referrals"] = table["hospital"] + table["alv"]
        own = pd.Series(rng.random(n) < 0.2, index=table.index)
        shown = suppress_with_complements(table, columns, own_mask=own, groups=table["region"],
                                          row_linked=True, limit=10)
        # Cells of the own practice are never hidden: the reader knows them.
        undisclosable = {tuple(pair) for pair in shown.attrs["undisclosable_totals"]}
        assert _determined_cells(shown, columns, undisclosable) == [], (table, shown)
        if undisclosable:
            checked_without_total += 1
    # Both kinds of table occurred: the check is not vacuous.
    assert 0 < checked_without_total < 300


# ---- rules the array implementation must keep (hand-worked) -----------------------------------


def test_equal_candidates_the_first_row_is_the_complement():
    # One hidden cell (4); the other cells 30, 12, 12: the smallest is 12, twice; the first of
    # them in row order (position 1) is hidden, as Series.idxmin would pick.
    _, secondary, _ = _run([30, 12, 12, 4])
    assert secondary.tolist() == [False, True, False, False]


def test_a_row_without_a_group_is_left_out():
    # Group "a": 40, 3 (hidden), 25 -> complement 25. The rows without a group (None) have no
    # shown total to protect, so their 2 is no primary cell of any group and 1 no complement.
    _, secondary, no_complement = _run(
        [40, 3, 25, 2, 1], groups=["a", "a", "a", None, None])
    assert secondary.tolist() == [False, False, True, False, False]
    assert no_complement == set()


def test_preferred_cells_are_taken_first_when_one_qualifies():
    counts = pd.Series([40, 3, 25, 60])
    primary = is_small(counts, limit=10)
    # 25 is the smallest other cell, but 60 is preferred (its row already lost a count).
    prefer = pd.Series([False, False, False, True])
    secondary, _ = complementary_suppression(counts, primary, prefer=prefer)
    assert secondary.tolist() == [False, False, False, True]
    # A preferred cell that is the hidden one itself does not count: 25 again.
    secondary, _ = complementary_suppression(counts, primary,
                                             prefer=pd.Series([False, True, False, False]))
    assert secondary.tolist() == [False, False, True, False]


def test_a_zero_is_a_complement_only_when_nothing_else_is_left():
    # Hidden 5; others 0 and 0 (known: none): no non-zero cell, so the first zero goes.
    _, secondary, no_complement = _run([0, 5, 0])
    assert secondary.tolist() == [True, False, False]
    assert no_complement == set()


def test_cells_must_have_unique_labels():
    counts = pd.Series([40, 3, 25], index=[0, 1, 1])
    with pytest.raises(ValueError, match="unique index"):
        complementary_suppression(counts, is_small(counts, limit=10))
    table = _table().set_axis([0, 1, 1, 2])
    with pytest.raises(ValueError, match="unique index"):
        suppress_with_complements(table, ["referrals", "hospital", "alv"], limit=10)
