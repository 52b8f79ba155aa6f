"""Confidence intervals for proportions, rates and standardised ratios.

Scalars in give floats out; sequences in give numpy arrays out (one interval per element).
"""

from __future__ import annotations

import numpy as np
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.rates import confint_poisson

from ._validate import as_counts, as_positive, check_level, check_not_above, same_length


def _scalar_or_array(*args: object) -> bool:
    return all(np.ndim(a) == 0 for a in args)


def proportion_ci(successes, trials, level: float = 0.95):
    """Wilson score interval for a proportion ``successes / trials``.

    Method: Wilson score interval without continuity correction, computed by
    ``statsmodels.stats.proportion.proportion_confint(method="wilson")``.
    Sources: Wilson EB. Probable inference, the law of succession, and statistical inference.
    J Am Stat Assoc 1927;22:209-212. Newcombe RG. Two-sided confidence intervals for the single
    proportion: comparison of seven methods. Stat Med 1998;17:857-872 (method 3).

    Returns ``(low, high)``. With 0 successes the lower limit is exactly 0 and with
    ``successes == trials`` the upper limit is exactly 1.
    """
    level = check_level(level)
    scalar = _scalar_or_array(successes, trials)
    x = as_counts(successes, "successes")
    n = as_positive(trials, "trials")
    same_length(successes=x, trials=n)
    check_not_above(x, n, ("successes", "trials"), ("successes", "trials"))
    low, high = proportion_confint(x, n, alpha=1 - level, method="wilson")
    # The closed form is exact at the boundaries; rounding noise of 1e-17 would read as "> 0".
    low = np.where(x == 0, 0.0, np.clip(low, 0.0, 1.0))
    high = np.where(x == n, 1.0, np.clip(high, 0.0, 1.0))
    if scalar:
        return float(low[0]), float(high[0])
    return low, high


def rate_ci(events, exposure, level: float = 0.95):
    """Exact Poisson interval for a rate ``events / exposure``.

    Method: the exact (central) Poisson interval of Garwood, obtained from the chi-square
    relation ``[chi2(a/2, 2x) / 2, chi2(1 - a/2, 2x + 2) / 2] / exposure``; computed by
    ``statsmodels.stats.rates.confint_poisson(method="exact-c")``.
    Source: Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437-442.

    ``exposure`` is the person-time (or expected count); the rate is in events per unit of
    exposure, so multiply by 1,000 for "per 1,000 per year" yourself. Returns ``(low, high)``;
    with 0 events the lower limit is 0 and the 95% upper limit is 3.689 / exposure.
    """
    level = check_level(level)
    scalar = _scalar_or_array(events, exposure)
    x = as_counts(events, "events", integer=True)
    e = as_positive(exposure, "exposure")
    same_length(events=x, exposure=e)
    low, high = confint_poisson(x, e, method="exact-c", alpha=1 - level)
    low = np.where(x == 0, 0.0, np.asarray(low, dtype=float))
    high = np.asarray(high, dtype=float)
    if scalar:
        return float(low[0]), float(high[0])
    return low, high


def standardised_ratio(observed, expected, level: float = 0.95):
    """Standardised ratio O/E with an exact Poisson interval.

    Method: the observed count is treated as Poisson; its exact (Garwood) interval is divided by
    the expected count, which is taken as known (as for an indirectly standardised ratio such as
    an SMR). Sources: Garwood 1936 (see :func:`rate_ci`); Breslow NE, Day NE. Statistical methods
    in cancer research, vol. II. IARC 1987, ch. 2.

    Returns ``(ratio, low, high)``; multiply by 100 for the usual display (100 = as expected).
    """
    level = check_level(level)
    scalar = _scalar_or_array(observed, expected)
    o = as_counts(observed, "observed", integer=True)
    e = as_positive(expected, "expected")
    same_length(observed=o, expected=e)
    low, high = rate_ci(o, e, level)
    ratio = o / e
    if scalar:
        return float(ratio[0]), float(low[0]), float(high[0])
    return ratio, low, high
