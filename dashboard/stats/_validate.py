"""Input checks shared by the statistics modules.

Every public function validates its input up front so that a page or an analyst gets a
``ValueError`` that names the argument and what is allowed, instead of a NaN deep in a chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import numpy as np
import pandas as pd


def check_level(level: object, name: str = "level") -> float:
    if isinstance(level, bool) or not isinstance(level, Real) or not 0 < float(level) < 1:
        raise ValueError(
            f"{name} must be a number strictly between 0 and 1 (e.g. 0.95); got {level!r}"
        )
    return float(level)


def check_fraction(value: object, name: str) -> float:
    """A percentage given as a fraction; 25 instead of 0.25 is the usual mistake, so say so."""
    x = as_number(value, name)
    if not 0 <= x <= 1:
        raise ValueError(
            f"{name} must be a fraction between 0 and 1 (e.g. 0.25 for 25%); got {value!r}"
        )
    return x


def as_number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real | np.number):
        raise ValueError(f"{name} must be a number; got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    return x


def as_array(values: object, name: str, *, allow_empty: bool = False) -> np.ndarray:
    """A 1-d float array with no missing or infinite values.

    Missing values are refused with their position rather than skipped: a gap in a monthly series
    changes what "consecutive" means for the SPC rules, so the caller must decide how to fill it.
    """
    if isinstance(values, str | bytes) or values is None:
        raise ValueError(f"{name} must be a number or a sequence of numbers; got {values!r}")
    if np.isscalar(values):
        values = [values]
    dtype = getattr(values, "dtype", None)
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf" and np.ndim(values) == 1:
        # Plain numeric arrays and Series (the usual case, often thousands of values): the
        # same checks, vectorised; anything else goes through the element-wise path below.
        out = np.array(values, dtype=float, copy=True)  # never a view of the caller's data
        if out.size == 0 and not allow_empty:
            raise ValueError(f"{name} must not be empty")
        bad = np.flatnonzero(~np.isfinite(out))
        if bad.size:
            i = int(bad[0])
            if np.isnan(out[i]):
                raise ValueError(f"{name} has a missing value (NaN) at position {i}")
            raise ValueError(f"{name} has an infinite value at position {i}")
        return out
    try:
        raw = np.asarray(values if hasattr(values, "__len__") else list(values), dtype=object)
    except TypeError as exc:
        raise ValueError(f"{name} must be a sequence of numbers; got {values!r}") from exc
    if raw.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional; got shape {raw.shape}")
    if raw.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    out = np.empty(raw.size, dtype=float)
    for i, v in enumerate(raw):
        if v is None or v is pd.NA or v is pd.NaT:
            raise ValueError(f"{name} has a missing value at position {i}")
        if isinstance(v, bool | np.bool_) or not isinstance(v, Real | np.number):
            raise ValueError(f"{name} must contain only numbers; got {v!r} at position {i}")
        x = float(v)
        if math.isnan(x):
            raise ValueError(f"{name} has a missing value (NaN) at position {i}")
        if math.isinf(x):
            raise ValueError(f"{name} has an infinite value at position {i}")
        out[i] = x
    return out


def as_counts(values: object, name: str, *, integer: bool = False) -> np.ndarray:
    arr = as_array(values, name)
    bad = np.flatnonzero(arr < 0)
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"{name} must be zero or more; got {arr[i]:g} at position {i}")
    if integer:
        bad = np.flatnonzero(arr != np.round(arr))
        if bad.size:
            i = int(bad[0])
            raise ValueError(f"{name} must be whole numbers; got {arr[i]:g} at position {i}")
    return arr


def as_positive(values: object, name: str) -> np.ndarray:
    arr = as_array(values, name)
    bad = np.flatnonzero(arr <= 0)
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"{name} must be greater than 0; got {arr[i]:g} at position {i}")
    return arr


def check_not_above(
    numerator: np.ndarray,
    denominator: np.ndarray,
    names: tuple[str, str],
    labels: tuple[str, str],
) -> None:
    """Refuse numerators above their denominators, naming the first offending pair."""
    above = np.flatnonzero(numerator > denominator)
    if above.size:
        i = int(above[0])
        where = f" at position {i}" if len(numerator) > 1 else ""
        raise ValueError(
            f"{names[0]} must be between 0 and {names[1]}; "
            f"got {labels[0]}={numerator[i]:g}, {labels[1]}={denominator[i]:g}{where}"
        )


def same_length(**arrays: np.ndarray) -> None:
    lengths = {k: len(v) for k, v in arrays.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{k} has {n}" for k, n in lengths.items())
        raise ValueError(f"inputs must have the same length; {described}")


def check_columns(df: object, columns: Iterable[str], name: str) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {missing}; it has {list(map(str, df.columns))}"
        )
    return df


def index_of(values: object) -> pd.Index | None:
    """Keep a Series' index (e.g. dates) so the result lines up with the caller's data."""
    return values.index if isinstance(values, pd.Series) else None
