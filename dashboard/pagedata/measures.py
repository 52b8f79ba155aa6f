"""Summaries of pre-aggregated data: medians from histograms, means from sums.

The aggregate tables keep a waiting-time histogram and score sums instead of raw rows, so these
two summaries are computed from what is stored. They are small on purpose and belong with
``dashboard.stats`` (which this page helper may not change); see the report of the page work.
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def median_from_histogram(values, counts) -> float:
    """Exact median of the data a histogram stands for (NaN when it is empty).

    ``values`` are the distinct observed values and ``counts`` how often each occurred; the
    result equals ``numpy.median(numpy.repeat(values, counts))``: the middle value, or the mean
    of the two middle values for an even number of observations.
    """
    values = np.asarray(values, dtype=float)
    counts = np.asarray(counts, dtype=np.int64)
    if values.shape != counts.shape:
        raise ValueError(
            f"values and counts must have the same length; got {values.size} and {counts.size}"
        )
    if (counts < 0).any():
        raise ValueError("counts must not be negative")
    keep = counts > 0
    values, counts = values[keep], counts[keep]
    total = int(counts.sum())
    if total == 0:
        return float("nan")
    order = np.argsort(values, kind="stable")
    values, cumulative = values[order], np.cumsum(counts[order])
    # 0-based positions of the middle observation(s) in the sorted, expanded data.
    lower = values[np.searchsorted(cumulative, (total - 1) // 2, side="right")]
    upper = values[np.searchsorted(cumulative, total // 2, side="right")]
    return float((lower + upper) / 2)


def group_sums(group, counts, n_groups: int) -> np.ndarray:
    """Whole-number sum of ``counts`` per group number 0..n_groups-1 (np.bincount would add
    in floating point)."""
    sums = np.zeros(n_groups, dtype=np.int64)
    np.add.at(sums, np.asarray(group), np.asarray(counts, dtype=np.int64))
    return sums


def medians_from_histograms(group, values, counts, n_groups: int) -> np.ndarray:
    """:func:`median_from_histogram` for many histograms at once: row i of the long table
    (``values``, ``counts``) belongs to histogram ``group[i]`` (0..n_groups-1); one median per
    group, NaN for a group without observations. One sort for all groups instead of a
    function call per group (a page has one per region and setting)."""
    group = np.asarray(group)
    values = np.asarray(values, dtype=float)
    counts = np.asarray(counts, dtype=np.int64)
    if not group.shape == values.shape == counts.shape:
        raise ValueError("group, values and counts must have the same length")
    if (counts < 0).any():
        raise ValueError("counts must not be negative")
    keep = counts > 0
    order = np.lexsort((values[keep], group[keep]))
    group, values, counts = group[keep][order], values[keep][order], counts[keep][order]
    cumulative = np.cumsum(counts)
    total = group_sums(group, counts, n_groups)
    # Observations of the groups before each group in the sorted, expanded data; within a
    # group the 0-based positions of the middle observation(s) as in median_from_histogram.
    before = np.cumsum(total) - total
    has = total > 0
    lower = values[np.searchsorted(cumulative, before[has] + (total[has] - 1) // 2, "right")]
    upper = values[np.searchsorted(cumulative, before[has] + total[has] // 2, "right")]
    medians = np.full(n_groups, np.nan)
    medians[has] = (lower + upper) / 2
    return medians


def mean_ci_from_sums(n, total, total_sq, level: float = 0.95):
    """Mean with a Student t-interval from the count, sum and sum of squares.

    Method: sample variance s^2 = (sum x^2 - (sum x)^2 / n) / (n - 1); interval
    mean +/- t(1 - a/2; n - 1) x s / sqrt(n) (the usual one-sample t-interval; with scores on a
    1-10 scale and tens of responses the t-approximation is adequate). Returns
    ``(mean, low, high)`` as arrays (floats for scalar input); the interval is NaN for n < 2.
    """
    scalar = np.ndim(n) == 0
    n = np.atleast_1d(np.asarray(n, dtype=float))
    total = np.atleast_1d(np.asarray(total, dtype=float))
    total_sq = np.atleast_1d(np.asarray(total_sq, dtype=float))
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1; got {level}")
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(n > 0, total / n, np.nan)
        # Float sums of squares can dip a hair below the squared sum for constant scores.
        variance = np.clip((total_sq - total**2 / n) / (n - 1), 0.0, None)
        half = stats.t.ppf(1 - (1 - level) / 2, n - 1) * np.sqrt(variance / n)
    half = np.where(n >= 2, half, np.nan)
    low, high = mean - half, mean + half
    if scalar:
        return float(mean[0]), float(low[0]), float(high[0])
    return mean, low, high
