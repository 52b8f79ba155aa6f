"""Privacy rules for what leaves the query layer (DOMAIN.md section 6).

Pure functions, applied by the page-data builders before anything reaches a page:
- other practices appear under their stable pseudonym, the own practice under its name;
- counts from 1 to threshold-1 are replaced by "<threshold" outside the own-practice view, and
  rates built on them are hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from dashboard.settings import get_settings


def threshold() -> int:
    return get_settings().small_number_threshold


def is_small(counts: pd.Series, limit: int | None = None) -> pd.Series:
    """True where a count is suppressible: 1 <= count < threshold (zero is not disclosive)."""
    limit = threshold() if limit is None else limit
    values = pd.to_numeric(counts, errors="coerce")
    return (values >= 1) & (values < limit)


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
