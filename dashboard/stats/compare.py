"""Comparing an area with a benchmark, intervals for medians, and tests of a year-on-year change.

These serve a Fingertips-style profile table: each region's value with its interval, marked as
better, similar or worse than the all-regions benchmark, with an arrow for the recent change.
"""

from __future__ import annotations

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep
from statsmodels.stats.rates import test_poisson_2indep

from ._validate import as_counts, as_positive, check_level, check_not_above

DIRECTIONS = ("higher", "lower", "neutral")
NOT_COMPARED = "not_compared"


def compare_with_benchmark(value, low, high, benchmark, direction: str) -> np.ndarray:
    """Classify areas against a benchmark value by their confidence interval.

    Method: the confidence-interval comparison used by Public Health England's Fingertips
    profiles: an area differs significantly from the benchmark when the benchmark value lies
    outside the area's (95%) interval; otherwise it is "similar". The region is part of the
    all-regions benchmark, which makes the comparison slightly conservative, as PHE notes.
    Sources: Public Health England. Fingertips technical guidance, "Comparing with a
    benchmark" (confidence interval overlap method); Eayres D. Technical briefing 3: commonly
    used public health statistics and their confidence intervals. APHO, 2008.

    ``direction`` is the indicator's direction of improvement: "higher" or "lower" give
    "better"/"similar"/"worse"; "neutral" (no preferred direction) gives "higher"/"similar"/
    "lower". Where the value, an interval limit or the benchmark is missing the result is
    ``"not_compared"``. Returns an object array of these labels, one per area.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}; got {direction!r}")
    value, low, high = (np.atleast_1d(np.asarray(a, dtype=float)) for a in (value, low, high))
    if not value.shape == low.shape == high.shape:
        raise ValueError("value, low and high must have the same length")
    if np.any(low > high):
        raise ValueError("every lower limit must be at most its upper limit")
    benchmark = float(benchmark) if benchmark is not None else np.nan
    above = low > benchmark
    below = high < benchmark
    if direction == "neutral":
        up, down = "higher", "lower"
    elif direction == "higher":
        up, down = "better", "worse"
    else:
        up, down = "worse", "better"
    out = np.full(value.shape, "similar", dtype=object)
    out[above] = up
    out[below] = down
    missing = np.isnan(value) | np.isnan(low) | np.isnan(high) | np.isnan(benchmark)
    out[missing] = NOT_COMPARED
    return out


def median_ci(values, counts, level: float = 0.95) -> tuple[float, float, float]:
    """Median of a frequency table with its distribution-free (order-statistic) interval.

    Method: the exact binomial interval for a median: with n observations in order
    x(1) <= ... <= x(n), the interval is x(r) to x(n - r + 1), where r - 1 is the largest
    count k with P(B <= k) <= (1 - level) / 2 for B ~ Binomial(n, 1/2). Its coverage is at
    least ``level``. Sources: Conover WJ. Practical nonparametric statistics, 3rd ed. Wiley
    1999, section 3.2; Campbell MJ, Gardner MJ. Calculating confidence intervals for some
    non-parametric analyses. BMJ 1988;296:1454-1456 (table of r, e.g. r = 2 for n = 10).

    ``values`` are the distinct observed values, ``counts`` how often each occurred (a
    histogram, as the waiting-time aggregate stores). Returns ``(median, low, high)``; the
    interval is NaN when n is too small for the level (n < 6 at 95%), all NaN when n = 0.
    """
    level = check_level(level)
    values = np.atleast_1d(np.asarray(values, dtype=float))
    if values.size == 0 and np.size(counts) == 0:
        return np.nan, np.nan, np.nan
    counts = as_counts(np.atleast_1d(counts), "counts", integer=True)
    if values.shape != counts.shape:
        raise ValueError(
            f"values and counts must have the same length; got {values.size} and {counts.size}"
        )
    keep = counts > 0
    values, counts = values[keep], counts[keep]
    n = int(counts.sum())
    if n == 0:
        return np.nan, np.nan, np.nan
    order = np.argsort(values, kind="stable")
    values, cumulative = values[order], np.cumsum(counts[order])

    def at_rank(rank: int) -> float:  # the rank-th smallest observation, 1-based
        return float(values[np.searchsorted(cumulative, rank - 1, side="right")])

    median = (at_rank((n + 1) // 2) + at_rank(n // 2 + 1)) / 2
    tail = (1 - level) / 2
    k = int(stats.binom.ppf(tail, n, 0.5))
    if stats.binom.cdf(k, n, 0.5) > tail:
        k -= 1
    rank = k + 1
    if rank < 1:
        return median, np.nan, np.nan
    return median, at_rank(rank), at_rank(n - rank + 1)


# ---- change between two periods ------------------------------------------------------------


def proportion_change(x1, n1, x0, n0, level: float = 0.95) -> tuple[float, float, float]:
    """Difference of two independent proportions x1/n1 - x0/n0 with Newcombe's interval.

    Method: Newcombe's hybrid score interval (method 10), built from the Wilson intervals of
    the two proportions; computed by ``statsmodels.stats.proportion.
    confint_proportions_2indep(method="newcomb")``. The change is significant at ``level``
    when the interval excludes 0. Source: Newcombe RG. Interval estimation for the difference
    between independent proportions: comparison of eleven methods. Stat Med 1998;17:873-890
    (worked example 56/70 - 48/80 = 0.2000, 95% interval 0.0524 to 0.3339).

    Returns ``(difference, low, high)``.
    """
    level = check_level(level)
    counts = as_counts(np.array([x1, x0]), "successes", integer=True)
    trials = as_positive(np.array([n1, n0]), "trials")
    check_not_above(counts, trials, ("successes", "trials"), ("successes", "trials"))
    low, high = confint_proportions_2indep(
        counts[0], trials[0], counts[1], trials[1], method="newcomb", compare="diff",
        alpha=1 - level,
    )
    return float(counts[0] / trials[0] - counts[1] / trials[1]), float(low), float(high)


def rate_change(x1, e1, x0, e0) -> tuple[float, float]:
    """Ratio of two Poisson rates (x1/e1) / (x0/e0) with the exact conditional test.

    Method: conditional on the total x1 + x0, x1 is binomial with probability e1 / (e1 + e0)
    when the rates are equal (Przyborowski J, Wilenski H. Homogeneity of results in testing
    samples from Poisson series. Biometrika 1940;31:313-323); the two-sided p-value is that of
    the exact binomial test, computed by ``statsmodels.stats.rates.test_poisson_2indep(
    method="exact-cond")`` (Gu K, Ng HKT, Tang ML, Schucany WR. Testing the ratio of two
    Poisson rates. Biom J 2008;50:283-298).

    Returns ``(ratio, p_value)``; the ratio is NaN when x0 is 0, the p-value 1 when both
    counts are 0.
    """
    counts = as_counts(np.array([x1, x0]), "events", integer=True)
    exposure = as_positive(np.array([e1, e0]), "exposure")
    if counts.sum() == 0:
        return np.nan, 1.0
    result = test_poisson_2indep(
        int(counts[0]), float(exposure[0]), int(counts[1]), float(exposure[1]),
        method="exact-cond",
    )
    rate1, rate0 = counts[0] / exposure[0], counts[1] / exposure[1]
    ratio = float(rate1 / rate0) if rate0 > 0 else np.nan
    return ratio, float(min(1.0, result.pvalue))


def mean_change(n1, mean1, sd1, n0, mean0, sd0) -> tuple[float, float]:
    """Difference of two independent means with Welch's unequal-variance t-test.

    Method: t = (mean1 - mean0) / sqrt(sd1^2/n1 + sd0^2/n0) with the Welch-Satterthwaite
    degrees of freedom; computed by ``scipy.stats.ttest_ind_from_stats(equal_var=False)``.
    Source: Welch BL. The generalization of "Student's" problem when several different
    population variances are involved. Biometrika 1947;34:28-35.

    Returns ``(difference, p_value)``; the p-value is NaN when a group has fewer than 2
    observations or both standard deviations are 0.
    """
    n1, n0 = float(n1), float(n0)
    difference = float(mean1) - float(mean0)
    if n1 < 2 or n0 < 2 or (sd1 == 0 and sd0 == 0):
        return difference, np.nan
    result = stats.ttest_ind_from_stats(mean1, sd1, n1, mean0, sd0, n0, equal_var=False)
    return difference, float(result.pvalue)


def median_change(values1, counts1, values0, counts0) -> tuple[float, float]:
    """Difference of two medians (from frequency tables) with Mood's median test.

    Method: the observations of both periods are split at their pooled median (values equal
    to it count as "not above") and the 2 x 2 table of period by above/not-above is tested
    with Pearson's chi-square test without continuity correction, as
    ``scipy.stats.median_test(ties="below", correction=False)`` does; the medians and the
    table are read from the frequency tables (cumulative counts) rather than from the
    expanded observations, which at national scale number hundreds of thousands, and the
    table is tested by ``scipy.stats.chi2_contingency(correction=False)``. Source: Mood AM.
    Introduction to the theory of statistics. McGraw-Hill 1950; Conover 1999, section 4.3.

    Returns ``(median1 - median0, p_value)``; the p-value is NaN when a period is empty or
    every observation equals the pooled median.
    """
    first, second = (_frequencies(values, counts, name)
                     for values, counts, name in ((values1, counts1, "counts1"),
                                                  (values0, counts0, "counts0")))
    if first[1].size == 0 or second[1].size == 0:
        return np.nan, np.nan
    difference = _table_median(*first) - _table_median(*second)
    pooled = _table_median(np.concatenate([first[0], second[0]]),
                           np.concatenate([first[1], second[1]]))
    above = [int(counts[values > pooled].sum()) for values, counts in (first, second)]
    if sum(above) == 0:
        return difference, np.nan
    table = np.array([above, [int(first[1].sum()) - above[0], int(second[1].sum()) - above[1]]])
    _, p_value, _, _ = stats.chi2_contingency(table, correction=False)
    return difference, float(p_value)


def _frequencies(values, counts, name: str) -> tuple[np.ndarray, np.ndarray]:
    """The values with a positive count and those counts (whole numbers, checked)."""
    if not np.size(counts):
        return np.array([], dtype=float), np.array([], dtype=np.int64)
    counts = as_counts(np.atleast_1d(counts), name, integer=True).astype(np.int64)
    values = np.atleast_1d(np.asarray(values, dtype=float))
    if values.shape != counts.shape:
        raise ValueError(
            f"values and counts must have the same length; got {values.size} and {counts.size}"
        )
    keep = counts > 0
    return values[keep], counts[keep]


def _table_median(values: np.ndarray, counts: np.ndarray) -> float:
    """``np.median`` of the observations the frequency table stands for."""
    order = np.argsort(values, kind="stable")
    values, cumulative = values[order], np.cumsum(counts[order])
    n = int(cumulative[-1])

    def at_rank(rank: int) -> float:  # the rank-th smallest observation, 1-based
        return float(values[np.searchsorted(cumulative, rank - 1, side="right")])

    return (at_rank((n + 1) // 2) + at_rank(n // 2 + 1)) / 2
