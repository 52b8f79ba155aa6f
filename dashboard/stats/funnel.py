"""Funnel plots for comparing units (practices, hospitals, regions) on one indicator.

Two kinds of indicator:

* ``statistic="ratio"``: an indirectly standardised ratio O/E; the precision is the expected
  count E and the target is 1 (as expected) unless given.
* ``statistic="proportion"``: y/n; the precision is the denominator n and the target defaults
  to the pooled proportion sum(y) / sum(n) of the units shown (the regional average).

Limit columns are wide, one pair per level: ``lower_95``, ``upper_95``, ``lower_998``,
``upper_998`` (the suffix is the level in percent without the decimal point).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from ._validate import (
    as_counts,
    as_number,
    as_positive,
    check_level,
    check_not_above,
    index_of,
    same_length,
)

STATISTICS = ("ratio", "proportion")
OVERDISPERSION = (None, "multiplicative", "additive")
SIGNAL_LEVELS = (0.95, 0.998)
WINSOR = 0.10


def level_suffix(level: float) -> str:
    """Column suffix for a level: 0.95 -> "95", 0.998 -> "998"."""
    return f"{level * 100:g}".replace(".", "")


def _check_statistic(statistic: str) -> str:
    if statistic not in STATISTICS:
        raise ValueError(f"statistic must be one of {STATISTICS}; got {statistic!r}")
    return statistic


def _check_levels(levels: Sequence[float]) -> tuple[float, ...]:
    if np.ndim(levels) == 0:
        levels = (levels,)
    out = tuple(check_level(lv, "levels") for lv in levels)
    if not out:
        raise ValueError("levels must contain at least one level, e.g. (0.95, 0.998)")
    return out


def _check_target(target: object, statistic: str) -> float:
    t = as_number(target, "target")
    if statistic == "proportion" and not 0 < t < 1:
        raise ValueError(f"target must be strictly between 0 and 1 for proportions; got {target}")
    if statistic == "ratio" and t <= 0:
        raise ValueError(f"target must be greater than 0 for ratios; got {target}")
    return t


def _precision(precision: object, statistic: str) -> np.ndarray:
    if statistic == "proportion":
        rho = as_counts(precision, "precision", integer=True)
        if (rho == 0).any():
            i = int(np.flatnonzero(rho == 0)[0])
            raise ValueError(f"precision (denominator) must be at least 1; got 0 at position {i}")
        return rho
    return as_positive(precision, "precision")


def _exact_limits(ps: Sequence[float], precision: np.ndarray, statistic: str,
                  target: float) -> list[np.ndarray]:
    """The interpolated exact limit for each tail probability in ``ps``, per precision.

    Spiegelhalter (2005) appendix A.1.1: interpolate between the discrete quantiles so the
    limits are smooth curves rather than staircases. r_p is the smallest count with
    P(Y <= r_p) >= p and alpha = (P(Y <= r_p) - p) / P(Y = r_p). The lower limit is
    (r_p - alpha) / precision and the upper (r_p + 1 - alpha) / precision, as in Spiegelhalter's
    own qbinom.interp: then a count lies below the lower (above the upper) limit exactly when
    its one-sided exact tail probability is below p (above 1 - p).
    """
    # Every step is element-wise, so each limit is computed once per distinct precision (many
    # practices share a denominator) and for all tail probabilities in one call of each
    # distribution method: scipy's per-call overhead, not the quantiles, was most of the time.
    # The distributions' own methods with their parameters, not frozen distributions: freezing
    # builds a docstring each time, which cost more than the quantiles themselves.
    distinct, position = np.unique(precision, return_inverse=True)
    probability = np.repeat(np.asarray(ps, dtype=float), len(distinct))
    tiled = np.tile(distinct, len(ps))
    if statistic == "ratio":
        dist, parameters = stats.poisson, (target * tiled,)
    else:
        dist, parameters = stats.binom, (tiled.astype(np.int64), target)
    r = dist.ppf(probability, *parameters)
    alpha = (dist.cdf(r, *parameters) - probability) / dist.pmf(r, *parameters)
    # Below r_p = 0 the interpolation would give a negative limit, which no unit can fall under.
    upper_bound = 1.0 if statistic == "proportion" else np.inf
    limits = []
    for i, p in enumerate(ps):
        part = slice(i * len(distinct), (i + 1) * len(distinct))
        count = r[part] - alpha[part] if p < 0.5 else r[part] + 1 - alpha[part]
        limits.append(np.clip(count[position] / precision, 0.0, upper_bound))
    return limits


def _exact_limit(p: float, precision: np.ndarray, statistic: str, target: float) -> np.ndarray:
    """:func:`_exact_limits` for one tail probability."""
    return _exact_limits([p], precision, statistic, target)[0]


def _level_limits(levels: Sequence[float], precision: np.ndarray, statistic: str,
                  target: float) -> dict[str, np.ndarray]:
    """``lower_<lvl>`` and ``upper_<lvl>`` per level, in that order (exact limits)."""
    tails = [(1 - level) / 2 for level in levels]
    ps = [p for tail in tails for p in (tail, 1 - tail)]
    limits = iter(_exact_limits(ps, precision, statistic, target))
    out = {}
    for level in levels:
        sfx = level_suffix(level)
        out[f"lower_{sfx}"] = next(limits)
        out[f"upper_{sfx}"] = next(limits)
    return out


def funnel_limits(
    precision,
    statistic: str = "ratio",
    target: float | None = None,
    levels: Sequence[float] = (0.95, 0.998),
) -> pd.DataFrame:
    """Exact funnel-plot control limits around a target, per precision.

    Method: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med
    2005;24:1185-1202, appendix A.1.1: the limits are the (1 - level)/2 and 1 - (1 - level)/2
    quantiles of the exact distribution under the target (Poisson with mean target x E for
    ratios, binomial(n, target) for proportions), divided by the precision, with the linear
    interpolation between discrete quantiles given there: with r_p the p-quantile and
    alpha = (P(Y <= r_p) - p) / P(Y = r_p), the lower limit is (r_p - alpha) / precision and the
    upper limit (r_p + 1 - alpha) / precision (the form of Spiegelhalter's ``qbinom.interp``; also
    used by the R package funnelR). So a whole count lies outside a limit exactly when its
    one-sided exact tail probability is below (1 - level) / 2, and the curves are smooth and
    monotone: the funnel narrows as the precision grows. Lower limits are clipped at 0 and
    proportion limits at 1.

    Parameters
    ----------
    precision: expected counts (ratios, > 0) or whole-number denominators (proportions, >= 1).
    statistic: "ratio" or "proportion".
    target: 1.0 by default for ratios; required for proportions (use the regional proportion).
    levels: limit levels, default 95% and 99.8%.

    Returns a DataFrame with ``precision``, ``target`` and ``lower_<lvl>``/``upper_<lvl>`` per
    level (e.g. ``lower_95``, ``upper_998``), one row per precision, in the order given.
    Use :func:`funnel_grid` for a smooth set of precisions to draw.
    """
    statistic = _check_statistic(statistic)
    levels = _check_levels(levels)
    if target is None:
        if statistic == "proportion":
            raise ValueError(
                "target is required for statistic='proportion' (e.g. the regional proportion)"
            )
        target = 1.0
    t = _check_target(target, statistic)
    rho = _precision(precision, statistic)
    return pd.DataFrame(
        {"precision": rho, "target": t, **_level_limits(levels, rho, statistic, t)})


def funnel_grid(max_precision: float, statistic: str = "ratio", points: int = 200) -> np.ndarray:
    """Precisions from small to ``max_precision`` on a log scale, for drawing funnel curves.

    Whole numbers (denominators) for proportions; not a statistical method, a plotting helper.
    """
    statistic = _check_statistic(statistic)
    top = as_positive([max_precision], "max_precision")[0]
    if statistic == "proportion":
        grid = np.unique(np.round(np.geomspace(1, max(top, 1), points)))
        return grid
    return np.geomspace(min(0.5, top), top, points)


def _zscores(value: np.ndarray, rho: np.ndarray, statistic: str, t: float):
    """Unadjusted z-score, transformed value, transformed target and its standard error.

    Ratios use the square-root transform (Spiegelhalter 2005 QSHC; FunnelPlotR "CQC" method):
    sqrt(O/E) has standard error 1 / (2 sqrt(E)) under the target, so z = 2(sqrt(O) - sqrt(tE)).
    Proportions use z = (y - t) / sqrt(t(1 - t)/n) as in the same paper.
    """
    if statistic == "ratio":
        y = np.sqrt(value)
        centre = np.sqrt(t)
        s = 1 / (2 * np.sqrt(rho))
    else:
        y = value
        centre = t
        s = np.sqrt(t * (1 - t) / rho)
    return (y - centre) / s, y, centre, s


def _back_transform(x: np.ndarray, statistic: str) -> np.ndarray:
    if statistic == "ratio":
        return np.square(np.clip(x, 0.0, None))
    return np.clip(x, 0.0, 1.0)


def funnel_classify(
    numerator,
    precision,
    statistic: str,
    target: float | None = None,
    overdispersion: str | None = None,
    units=None,
    dispersion_units=None,
) -> pd.DataFrame:
    """Place each unit in the funnel and flag units outside the 95% and 99.8% limits.

    Methods:

    * no overdispersion: exact limits as in :func:`funnel_limits` (Spiegelhalter, Stat Med
      2005;24:1185);
    * z-scores: ratios on the square-root scale, z = 2(sqrt(O) - sqrt(target x E)); proportions
      z = (y - t) / sqrt(t(1 - t)/n) (Spiegelhalter DJ. Handling over-dispersion of performance
      indicators. Qual Saf Health Care 2005;14:347-351; the ratio transform is FunnelPlotR's
      "CQC" square-root option);
    * overdispersion (same QSHC paper): z-scores are winsorised at the 10th and 90th percentile;
      phi = mean of the squared winsorised z-scores. ``"multiplicative"``: limits on the
      (transformed) scale are target +/- z_level x sqrt(phi) x s. ``"additive"``
      (random effects, DerSimonian-Laird style): tau^2 = (I phi - (I - 1)) / (sum w - sum w^2 /
      sum w), with w = 1/s^2, and limits target +/- z_level x sqrt(s^2 + tau^2). When phi <= 1
      there is no overdispersion and nothing is widened: the exact limits stay, and tau^2 is 0
      even where I phi > I - 1 (phi between (I - 1)/I and 1), as FunnelPlotR draws the
      unadjusted limits when phi <= 1. Ratio limits are squared back from the square-root
      scale.

    Parameters
    ----------
    numerator: observed counts O (ratios) or numerators y (proportions).
    precision: expected counts E (ratios) or denominators n (proportions).
    target: 1.0 (ratios) / the pooled proportion sum(y)/sum(n) (proportions) when None.
    units: optional labels, returned in a ``unit`` column. A pandas Series as numerator keeps
        its index.
    dispersion_units: optional boolean mask of the units whose z-scores estimate phi and
        tau^2 (winsorising, mean and I among those units only; default all). The limits of
        every unit then use that estimate. E.g. units whose counts are not disclosed: phi of
        every unit would be one more equation in those counts.

    Returns
    -------
    DataFrame, one row per unit: ``unit`` (if given), ``numerator``, ``precision``, ``value``
    (O/E or y/n), ``target``, ``z`` (unadjusted), ``z_adjusted`` (z divided by the
    overdispersion inflation; equal to ``z`` without adjustment), ``lower_95``, ``upper_95``,
    ``lower_998``, ``upper_998`` (limits at the unit's precision), ``signal`` in
    {"high_998", "high_95", "within", "low_95", "low_998"}, and the dispersion estimates
    ``phi`` (always computed, from the winsorised z-scores, before flooring) and ``tau2``
    (additive only, else NaN). The same estimates and settings are in ``df.attrs``:
    ``statistic``, ``target``, ``overdispersion``, ``phi``, ``tau2``, ``inflated`` (bool).
    """
    statistic = _check_statistic(statistic)
    if overdispersion not in OVERDISPERSION:
        raise ValueError(f"overdispersion must be one of {OVERDISPERSION}; got {overdispersion!r}")
    index = index_of(numerator)
    y_count = as_counts(numerator, "numerator", integer=True)
    rho = _precision(precision, statistic)
    same_length(numerator=y_count, precision=rho)
    if statistic == "proportion":
        check_not_above(
            y_count, rho, ("numerator", "precision (denominator)"), ("numerator", "precision")
        )
    if target is None:
        if statistic == "ratio":
            target = 1.0
        else:
            target = y_count.sum() / rho.sum()
            if not 0 < target < 1:
                raise ValueError(
                    "the pooled proportion is 0 or 1, so no funnel can be drawn around it; "
                    "give target explicitly"
                )
    t = _check_target(target, statistic)

    value = y_count / rho
    z, _, centre_t, s = _zscores(value, rho, statistic, t)
    used = (np.ones(len(z), dtype=bool) if dispersion_units is None
            else np.asarray(dispersion_units, dtype=bool))
    same_length(dispersion_units=used, numerator=y_count)
    n_units = int(used.sum())
    phi = np.nan
    if n_units:
        lo_q, hi_q = np.quantile(z[used], [WINSOR, 1 - WINSOR])
        phi = float(np.mean(np.square(np.clip(z[used], lo_q, hi_q))))
    tau2 = np.nan
    inflation = np.ones_like(s)
    inflated = False
    # No unit to estimate phi from (phi NaN): the exact limits.
    if n_units and overdispersion == "multiplicative" and phi > 1:
        inflation = np.full_like(s, np.sqrt(phi))
        inflated = True
    elif n_units and overdispersion == "additive":
        w = 1 / s[used] ** 2
        denom = w.sum() - (w**2).sum() / w.sum()
        excess = n_units * phi - (n_units - 1)
        # No overdispersion (phi <= 1), no widening: FunnelPlotR then draws the unadjusted
        # limits although I phi - (I - 1) can still be positive (phi between (I - 1)/I and 1).
        tau2 = float(excess / denom) if phi > 1 and excess > 0 and denom > 0 else 0.0
        inflation = np.sqrt(s**2 + tau2) / s
        inflated = tau2 > 0

    # Built from one dict: a column at a time cost more than the statistics here.
    columns: dict[str, object] = {}
    if units is not None:
        labels = list(units)
        same_length(units=np.asarray(labels, dtype=object), numerator=y_count)
        columns["unit"] = labels
    columns.update(numerator=y_count, precision=rho, value=value, target=t, z=z,
                   z_adjusted=z / inflation)
    if inflated:
        for level in SIGNAL_LEVELS:
            sfx = level_suffix(level)
            half = stats.norm.ppf(1 - (1 - level) / 2) * s * inflation
            columns[f"lower_{sfx}"] = _back_transform(centre_t - half, statistic)
            columns[f"upper_{sfx}"] = _back_transform(centre_t + half, statistic)
    else:
        columns.update(_level_limits(SIGNAL_LEVELS, rho, statistic, t))

    signal = np.full(len(z), "within", dtype=object)
    signal[value < columns["lower_95"]] = "low_95"
    signal[value > columns["upper_95"]] = "high_95"
    signal[value < columns["lower_998"]] = "low_998"
    signal[value > columns["upper_998"]] = "high_998"
    out = pd.DataFrame({**columns, "signal": signal, "phi": phi, "tau2": tau2}, index=index)
    out.attrs.update(
        {
            "statistic": statistic,
            "target": float(t),
            "overdispersion": overdispersion,
            "phi": phi,
            "tau2": None if np.isnan(tau2) else tau2,
            "inflated": inflated,
        }
    )
    return out


def funnel_limits_normal(
    precision, target: float, sd: float, levels: Sequence[float] = (0.95, 0.998)
) -> pd.DataFrame:
    """Funnel-plot limits for a mean of ``precision`` observations (normal approximation).

    Method: Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med
    2005;24:1185-1202, table I ("normal" outcome): with a common standard deviation sd of the
    individual observations, the mean of n observations has standard error sd / sqrt(n)
    under the target, and the limits are target -/+ z x sd / sqrt(n), z the standard normal
    quantile of (1 + level) / 2 (1.960 for 95%, 3.090 for 99.8%).

    Returns the same shape as :func:`funnel_limits`: ``precision``, ``target`` and
    ``lower_<lvl>``/``upper_<lvl>`` per level.
    """
    levels = _check_levels(levels)
    t = as_number(target, "target")
    spread = as_positive([sd], "sd")[0]
    rho = as_positive(precision, "precision")
    out = pd.DataFrame({"precision": rho, "target": t})
    for level in levels:
        half = stats.norm.ppf(1 - (1 - level) / 2) * spread / np.sqrt(rho)
        sfx = level_suffix(level)
        out[f"lower_{sfx}"] = t - half
        out[f"upper_{sfx}"] = t + half
    return out
