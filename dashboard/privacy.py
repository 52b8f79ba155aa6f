"""Privacy rules for what leaves the query layer (DOMAIN.md section 6).

Pure functions, applied by the page-data builders before anything reaches a page:
- other practices appear under their stable pseudonym, the own practice under its name;
- counts from 1 to threshold-1 are replaced by "<threshold" outside the own-practice view, and
  rates built on them are hidden;
- practice-level rows pass through ``scoped_practices``, which applies the user's scope;
- exported spreadsheets cannot carry formulas (``neutralise_formulas``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from dashboard.export.tables import FORMULA_STARTS, neutralise  # noqa: F401
from dashboard.scope import Scope
from dashboard.settings import get_settings


def threshold() -> int:
    return get_settings().small_number_threshold


def is_small(counts: pd.Series, limit: int | None = None) -> pd.Series:
    """True where a count is suppressible: 1 <= count < threshold (zero is not disclosive)."""
    limit = threshold() if limit is None else limit
    values = pd.to_numeric(counts, errors="coerce").astype("float64")
    return ((values >= 1) & (values < limit)).fillna(False).astype(bool)


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
    keep = own_mask if own_mask is not None else pd.Series(False, index=frame.index)
    any_small = pd.Series(False, index=frame.index)
    for column in count_columns:
        small = is_small(frame[column], limit) & ~keep
        any_small |= small
        result[column] = frame[column].astype(object).where(~small, f"<{limit}")
    for column in dependent_columns:
        result[column] = frame[column].astype(object).where(~any_small, np.nan)
    result["suppressed"] = any_small
    return result


# ---- the one gate for practice-level rows (dashboard.scope) ----------------------------------


def scoped_practices(
    frame: pd.DataFrame,
    scope: Scope,
    count_columns: Iterable[str] = (),
    dependent_columns: Iterable[str] = (),
    *,
    limit: int | None = None,
) -> pd.DataFrame:
    """Practice-level rows as ``scope`` may see them; the one place identities are replaced.

    ``frame`` has ``practice`` (code), ``region``, ``pseudonym`` and optionally ``name``.
    Raises :class:`~dashboard.scope.AccessDenied` for a scope without practice-level access
    (insurers); drops the rows of regions whose practices the scope may not see; adds
    ``display_name`` (the own practice by name, every other by pseudonym) and ``own``; removes
    ``name``; and suppresses small counts (``suppress_small_counts``) except in the own row.
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
