"""Privacy rules for what leaves the query layer (DOMAIN.md section 6).

Pure functions, applied by the page-data builders before anything reaches a page:
- other practices appear under their stable pseudonym, the own practice under its name;
- counts from 1 to threshold-1 are replaced by "<threshold" outside the own-practice view, and
  rates built on them are hidden; where a total is shown, one more cell is hidden so the small
  count cannot be worked out by subtraction (``complementary_suppression``);
- practice-level rows pass through ``scoped_practices``, which applies the user's scope;
- exported spreadsheets cannot carry formulas (``neutralise_formulas``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from dashboard import formatting
from dashboard.export.tables import FORMULA_STARTS, neutralise  # noqa: F401
from dashboard.scope import Scope
from dashboard.settings import get_settings


def threshold() -> int:
    return get_settings().small_number_threshold


def is_small(counts: pd.Series, limit: int | None = None) -> pd.Series:
    """True where a count is suppressible: 1 <= count < threshold (zero is not disclosive)."""
    limit = threshold() if limit is None else limit
    # On the array: pandas' comparisons and fillna per call cost more than the test itself.
    values = pd.to_numeric(counts, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series((values >= 1) & (values < limit), index=counts.index, name=counts.name)


def _aligned_mask(mask: pd.Series | None, index: pd.Index) -> np.ndarray:
    """``mask`` (None: nowhere) as a boolean array in the order of ``index``."""
    if mask is None:
        return np.zeros(len(index), dtype=bool)
    if not mask.index.equals(index):
        mask = mask.reindex(index)
    return mask.fillna(False).astype(bool).to_numpy()


def _replaced(values: pd.Series, *rules: tuple[np.ndarray, object]) -> pd.Series:
    """``values`` as objects, with each rule's replacement where its mask is true (a later
    rule wins). Object dtype is kept, as ``astype(object).where(...)`` would."""
    cells = values.to_numpy(dtype=object, copy=True)
    for mask, replacement in rules:
        cells[mask] = replacement
    return pd.Series(cells, index=values.index, dtype=object)


def display_names(practices: pd.DataFrame, own_practice: str | None) -> pd.Series:
    """The name to show per practice row: own practice by name, others by pseudonym.

    ``practices`` needs the columns ``practice`` (code), ``pseudonym`` and ``name``.
    """
    own = practices["practice"] == own_practice if own_practice else pd.Series(
        False, index=practices.index)
    own_name = practices["name"].fillna(practices["pseudonym"]) if "name" in practices else (
        practices["pseudonym"])
    return practices["pseudonym"].where(~own, own_name)


def suppress_small_counts(
    frame: pd.DataFrame,
    count_columns: Iterable[str],
    dependent_columns: Iterable[str] = (),
    *,
    own_mask: pd.Series | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Copy of ``frame`` with small counts shown as "<limit" and their rates hidden.

    Rows where ``own_mask`` is true (the own practice) are left as they are. A row with any
    small count loses all ``dependent_columns`` (rates, ratios, intervals built on it).
    """
    limit = threshold() if limit is None else limit
    result = frame.copy()
    keep = _aligned_mask(own_mask, frame.index)
    any_small = np.zeros(len(frame), dtype=bool)
    for column in count_columns:
        small = is_small(frame[column], limit).to_numpy() & ~keep
        any_small |= small
        result[column] = _replaced(frame[column], (small, f"<{limit}"))
    for column in dependent_columns:
        result[column] = _replaced(frame[column], (any_small, np.nan))
    result["suppressed"] = any_small
    return result


def complementary_suppression(
    counts: pd.Series,
    suppressed: pd.Series,
    groups: pd.Series | None = None,
    known: pd.Series | None = None,
    prefer: pd.Series | None = None,
) -> tuple[pd.Series, set]:
    """Secondary suppression: cells to hide as well, so no hidden count follows from a total.

    A table that shows a total next to its cells (the region's referrals next to its practices,
    a region's referrals next to their destinations) gives a single hidden cell away: the total
    minus the visible cells. Method (secondary or complementary cell suppression, e.g. Hundepool
    et al., Statistical Disclosure Control, Wiley 2012, section 4.5; CBS/ONS practice): within
    each group of cells that add up to a shown total, when exactly one cell is hidden, hide also
    the smallest other cell not already known to the viewer (``known``: the own practice, whose
    count the viewer sees anyway), preferring cells above zero; the viewer then learns only the
    sum of two hidden cells.

    ``counts``: the cells; ``suppressed``: the primary suppression (small counts); ``groups``:
    the group of each cell (``None``: one group); ``prefer``: cells to pick first among the
    non-zero ones when they qualify (e.g. rows that already have a hidden count, so fewer rows
    lose numbers; a hidden zero, which a viewer may guess, protects less). Returns
    the extra cells to hide, and the groups where no such cell exists (their total must not be
    shown). Cells are told apart by their labels, so ``counts`` needs a unique index.
    """
    counts = pd.to_numeric(counts, errors="coerce").fillna(0)
    if not counts.index.is_unique:
        raise ValueError("counts needs a unique index: its cells are told apart by their labels")
    suppressed = suppressed.reindex(counts.index).fillna(False).astype(bool)
    known = (pd.Series(False, index=counts.index) if known is None
             else known.reindex(counts.index).fillna(False).astype(bool))
    groups = pd.Series(0, index=counts.index) if groups is None else groups
    codes, labels = _group_codes(groups, counts.index)
    if prefer is not None:
        prefer = prefer if prefer.index.equals(counts.index) else prefer.loc[counts.index]
        prefer = prefer.to_numpy(dtype=bool)
    secondary, no_complement = _complements(
        counts.to_numpy(), suppressed.to_numpy() & ~known.to_numpy(), known.to_numpy(), codes,
        len(labels), prefer)
    return (pd.Series(secondary, index=counts.index),
            {labels[group] for group in no_complement})


def _group_codes(groups: pd.Series, index: pd.Index) -> tuple[np.ndarray, list]:
    """Group number per row of ``index`` (-1: no group, a missing value, which groupby leaves
    out too) and the group labels."""
    if not groups.index.equals(index):
        groups = groups.reindex(index)
    codes, labels = pd.factorize(groups, sort=False)
    return codes, list(labels)


def _per_group(codes: np.ndarray, mask: np.ndarray, n_groups: int) -> np.ndarray:
    """How many rows of each group are in ``mask`` (rows without a group not counted)."""
    return np.bincount(codes[mask & (codes >= 0)], minlength=n_groups)


def _complements(values: np.ndarray, hidden: np.ndarray, known: np.ndarray, codes: np.ndarray,
                 n_groups: int, prefer: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The rule of :func:`complementary_suppression` on arrays, all groups at once: a group
    with exactly one ``hidden`` cell gets its smallest other cell not ``known`` (from the
    cells above zero when any is; among those the ``prefer`` cells when any qualifies), the
    first in row order among equals. Returns the extra cells and the groups that have no such
    cell."""
    # Per row via the group number; the appended False is what a row without a group (-1)
    # looks up.
    single_group = _per_group(codes, hidden, n_groups) == 1
    eligible = np.append(single_group, False)[codes] & ~hidden & ~known
    # Non-zero first: a hidden zero protects little (a viewer may well guess it), whereas
    # ``prefer`` only spares other rows.
    for narrower in [values > 0] + ([] if prefer is None else [prefer]):
        subset = eligible & narrower
        has = np.append(_per_group(codes, subset, n_groups) > 0, False)[codes]
        eligible = np.where(has, subset, eligible)
    with_candidate = _per_group(codes, eligible, n_groups) > 0
    rows = np.flatnonzero(eligible)
    # Smallest count per group, the earliest row among equal counts (as Series.idxmin).
    rows = rows[np.lexsort((rows, values[rows], codes[rows]))]
    first = np.unique(codes[rows], return_index=True)[1]
    secondary = np.zeros(len(values), dtype=bool)
    secondary[rows[first]] = True
    return secondary, np.flatnonzero(single_group & ~with_candidate)


def _cell_masks(masks: Mapping[str, pd.Series] | pd.Series | None, columns: list[str],
                index: pd.Index) -> np.ndarray:
    """``masks`` (None: no cell; a row mask: every count of those rows; or count column ->
    mask) as a boolean array, a column per count column in ``columns`` order."""
    cells = np.zeros((len(index), len(columns)), dtype=bool)
    if masks is None:
        return cells
    if isinstance(masks, pd.Series):
        cells[:] = _aligned_mask(masks, index)[:, None]
        return cells
    for position, column in enumerate(columns):
        if column in masks:
            cells[:, position] = _aligned_mask(masks[column], index)
    return cells


# ---- the one gate for practice-level rows (dashboard.scope) ----------------------------------


def suppress_with_complements(
    frame: pd.DataFrame,
    count_columns: Iterable[str],
    dependent_columns: Iterable[str] = (),
    *,
    own_mask: pd.Series | None = None,
    groups: pd.Series | None = None,
    row_linked: bool = False,
    limit: int | None = None,
    hidden: Mapping[str, pd.Series] | None = None,
    known: Mapping[str, pd.Series] | pd.Series | None = None,
) -> pd.DataFrame:
    """``suppress_small_counts`` plus the cells that would give a small count away.

    Column totals per ``groups`` are taken to be shown (e.g. the region's referrals), so each
    column gets ``complementary_suppression`` per group. ``row_linked``: the counts of a row
    are bound by one sum (referrals = to hospital + to anderhalvelijn), so a row with one hidden
    count gets a second one, its smallest other non-zero count. Both rules are applied until
    nothing changes (each can create a new single hidden cell for the other). Small counts read
    "<limit"; counts hidden only to protect another read "–"; ``suppressed`` marks every row
    with a hidden count, whose ``dependent_columns`` are emptied. Rows in ``own_mask`` are never
    hidden.

    ``hidden`` (count column -> mask): cells to hide as well from the start, for a reason the
    small-number rule cannot see (e.g. a region's count minus the own practice's is small,
    :func:`suppress_beyond_own`); they read "–" and get companions like a small count.
    ``known`` (a row mask, or count column -> mask): cells the viewer can work out from
    elsewhere on the page (e.g. a region's total from its visible monthly points). Hiding such
    a cell protects nothing, so it is never taken as a companion; the small-number rule still
    applies to it.
    """
    limit = threshold() if limit is None else limit
    columns = list(count_columns)
    if not frame.index.is_unique:
        raise ValueError("frame needs a unique index: its cells are told apart by their labels")
    # Arrays, one column per count: the rules below ran on a Series per column and cell test,
    # which at national scale (5,000 practices) cost more than the rules themselves.
    own = _aligned_mask(own_mask, frame.index)
    values = [pd.to_numeric(frame[c], errors="coerce").fillna(0).to_numpy() for c in columns]
    numbers = np.column_stack([v.astype(float) for v in values]) if columns else None
    # is_small on the filled values: a missing count (0 here) is not small either.
    small = ((numbers >= 1) & (numbers < limit) & ~own[:, None] if columns
             else np.zeros((len(frame), 0), dtype=bool))
    codes, labels = _group_codes(
        pd.Series(0, index=frame.index) if groups is None else groups, frame.index)
    extra = _cell_masks(hidden, columns, frame.index) & ~own[:, None]
    derivable = _cell_masks(known, columns, frame.index)
    hidden = small | extra
    undisclosable: set = set()
    changed = True
    while changed:
        changed = False
        if row_linked:
            # One equation per row: a row with exactly one hidden count needs a second one,
            # the smallest other non-zero count of that row.
            pick = (hidden.sum(axis=1) == 1) & (~hidden).any(axis=1)
            if pick.any():
                # The smallest non-zero count; a zero only when the row has no other.
                # A cell the viewer can work out elsewhere only when the row has no other.
                rank = np.where(numbers > 0, numbers, 1e300) + np.where(derivable, 1e301, 0.0)
                choice = np.where(~hidden, rank, np.inf).argmin(axis=1)
                hidden[pick, choice[pick]] = True
                changed = True
        undisclosable = set()
        for position, c in enumerate(columns):
            # In linked rows, a complement in a row that already lost a count costs no more.
            prefer = hidden.any(axis=1) if row_linked else None
            secondary, lonely = _complements(values[position], hidden[:, position] & ~own,
                                             own | derivable[:, position], codes, len(labels),
                                             prefer)
            undisclosable |= {(labels[group], c) for group in lonely}
            if secondary.any():
                hidden[:, position] |= secondary
                changed = True
    result = frame.copy()
    any_hidden = hidden.any(axis=1)
    for position, c in enumerate(columns):
        result[c] = _replaced(frame[c], (hidden[:, position], formatting.MISSING),
                              (small[:, position], f"<{limit}"))
    for column in dependent_columns:
        result[column] = _replaced(frame[column], (any_hidden, np.nan))
    result["suppressed"] = any_hidden
    # (group, column) pairs whose total would give a hidden count away: no other cell could
    # be hidden with it (e.g. only the own practice and one other referred). The page must not
    # show those totals.
    result.attrs["undisclosable_totals"] = sorted([str(g), c] for g, c in undisclosable)
    return result


def small_difference(totals, own, limit: int | None = None) -> np.ndarray:
    """True where ``totals`` minus the viewer's ``own`` part of them (what the others
    contributed) is a small count, 1 to limit-1: the part a viewer who knows their own counts
    would work out by subtraction. Arrays or Series of equal length; missing counts as 0."""
    limit = threshold() if limit is None else limit
    totals = pd.to_numeric(pd.Series(np.asarray(totals)), errors="coerce").fillna(0).to_numpy()
    own = pd.to_numeric(pd.Series(np.asarray(own)), errors="coerce").fillna(0).to_numpy()
    others = totals - own
    return (others >= 1) & (others < limit)


def suppress_beyond_own(
    frame: pd.DataFrame,
    count_columns: Iterable[str],
    dependent_columns: Iterable[str] = (),
    *,
    own_part: pd.DataFrame | None = None,
    groups: pd.Series | None = None,
    row_linked: bool = False,
    limit: int | None = None,
    hidden: Mapping[str, pd.Series] | None = None,
    known: Mapping[str, pd.Series] | pd.Series | None = None,
) -> pd.DataFrame:
    """Region-level counts (a region per month, per quarter, per destination or in total) for
    a viewer who also sees the own practice's part of each of them.

    A GP sees the region's counts next to the own practice's; each region count minus the own
    practice's is what the other practices contributed, which can be 1 to limit-1 even when
    every other practice's period total is large. The rule: a region cell is hidden when its
    count is small (as everywhere) or when it minus the own practice's part is small
    (:func:`small_difference`); where a total of the cells is shown (``groups``, and the row
    sum with ``row_linked``), companions are hidden as in :func:`suppress_with_complements`,
    chosen by the others' counts (so a companion whose others' count is 0, which protects
    nothing, only when no other is left). ``own_part``: the own practice's count per cell (same
    index and count columns; 0 where it has none, e.g. another region's rows); None: no own
    practice, which is :func:`suppress_with_complements` itself. Marks: "<limit" where the
    region's count itself is small, "–" for every other hidden cell.
    """
    limit = threshold() if limit is None else limit
    columns = list(count_columns)
    if own_part is None:
        return suppress_with_complements(frame, columns, dependent_columns, groups=groups,
                                         row_linked=row_linked, limit=limit, hidden=hidden,
                                         known=known)
    # The rules run on the others' counts, with the region's own small counts added as cells
    # hidden from the start: the others' small counts are then the small ones, and companions
    # are ranked by what they hide.
    others = frame.copy()
    primary: dict[str, pd.Series] = {}
    for column in columns:
        region = pd.to_numeric(frame[column], errors="coerce").fillna(0)
        part = pd.to_numeric(own_part[column].reindex(frame.index), errors="coerce").fillna(0)
        others[column] = region - part
        primary[column] = is_small(region, limit) | (
            hidden[column].reindex(frame.index).fillna(False).astype(bool)
            if hidden is not None and column in hidden else False)
    result = suppress_with_complements(others, columns, dependent_columns, groups=groups,
                                       row_linked=row_linked, limit=limit, hidden=primary,
                                       known=known)
    for column in columns:
        # Hidden cells read "<limit" or "–"; the others are the (numeric) others' counts.
        cells = pd.to_numeric(result[column], errors="coerce").isna().to_numpy()
        small = is_small(frame[column], limit).to_numpy()
        result[column] = _replaced(frame[column], (cells, formatting.MISSING),
                                   (cells & small, f"<{limit}"))
    return result


def undisclosable_totals(frame: pd.DataFrame) -> dict[str, set[str]]:
    """The totals a page must not show, from ``suppress_with_complements``' result: group
    label (as text) -> the count columns whose total over that group would give a hidden count
    away. Empty for frames that did not pass through it."""
    withheld: dict[str, set[str]] = {}
    for group, column in frame.attrs.get("undisclosable_totals", []):
        withheld.setdefault(str(group), set()).add(column)
    return withheld


def scoped_practices(
    frame: pd.DataFrame,
    scope: Scope,
    count_columns: Iterable[str] = (),
    dependent_columns: Iterable[str] = (),
    *,
    limit: int | None = None,
    totals_by: str | None = None,
    row_linked: bool = False,
) -> pd.DataFrame:
    """Practice-level rows as ``scope`` may see them; the one place identities are replaced.

    ``frame`` has ``practice`` (code), ``region``, ``pseudonym`` and optionally ``name``.
    Raises :class:`~dashboard.scope.AccessDenied` for a scope without practice-level access
    (insurers); drops the rows of regions whose practices the scope may not see; adds
    ``display_name`` (the own practice by name, every other by pseudonym) and ``own``; removes
    ``name``; and suppresses small counts (``suppress_small_counts``) except in the own row.
    ``totals_by`` (a column, e.g. "region", whose totals the page shows) and ``row_linked``
    (the counts of a row add up) switch to ``suppress_with_complements``.
    """
    scope.check_practices()
    allowed = set(scope.practice_regions(frame["region"].dropna().unique()))
    rows = frame[frame["region"].isin(allowed)].reset_index(drop=True)
    own = rows["practice"] == scope.practice if scope.practice else pd.Series(
        False, index=rows.index)
    rows = rows.assign(display_name=display_names(rows, scope.practice), own=own)
    rows = rows.drop(columns=[c for c in ("name",) if c in rows])
    counts, dependent = list(count_columns), list(dependent_columns)
    if not counts:
        return rows
    if totals_by is not None or row_linked:
        return suppress_with_complements(
            rows, counts, dependent, own_mask=own,
            groups=None if totals_by is None else rows[totals_by], row_linked=row_linked,
            limit=limit)
    return suppress_small_counts(rows, counts, dependent, own_mask=own, limit=limit)


def suppress_region_counts(
    frame: pd.DataFrame,
    count_columns: Iterable[str],
    dependent_columns: Iterable[str] = (),
    *,
    limit: int | None = None,
) -> pd.DataFrame:
    """Region-level aggregates: nobody's own practice, so every small count is suppressed."""
    return suppress_small_counts(frame, count_columns, dependent_columns, limit=limit)


# ---- spreadsheet formula injection ------------------------------------------------------------

# One rule for every export (OWASP "CSV Injection"), kept with the table exports: a text cell
# starting with = + - @ (or tab / carriage return) gets a leading apostrophe; numbers stay.
neutralise_formula = neutralise


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` safe to open in a spreadsheet: text cells and column names that would
    run as formulas are prefixed with ``'``. Numeric columns are untouched."""
    result = frame.copy()
    for column in result.columns:
        if result[column].dtype == object or pd.api.types.is_string_dtype(result[column]):
            result[column] = result[column].map(neutralise_formula)
    result.columns = [neutralise_formula(column) for column in result.columns]
    return result
