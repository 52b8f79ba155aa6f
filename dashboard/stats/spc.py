"""Statistical process control charts (XmR, p, u and Laney's p' and u') with the NHS "Making
Data Count" rules.

All charts return the same row shape, one row per point, in input order (a pandas Series keeps
its index, e.g. dates):

``value``, ``centre``, ``lower``, ``upper`` (3-sigma process limits), ``lower_2sigma``,
``upper_2sigma`` (two thirds of the way from centre to limit), ``segment`` (0, 1, ... counting
rebases), ``baseline`` (True where the point was used to compute its segment's limits),
``excluded`` (True for points left out of the limits and of the sequence rules),
``special_cause`` (rule names joined by ";" in a fixed order, "" for none), and the booleans
``special_cause_high`` / ``special_cause_low``: the direction of the point's special cause.
Whether high is improvement depends on the indicator: the pages map it with the indicator's
direction.

Rule names (as NHSRplotthedots 0.2 defines them, see :func:`special_causes`):
``outside_limits_high|low`` (beyond a process limit), ``shift_high|low`` (7 or more
consecutive points above / below the centre; a point on the centre breaks the run),
``trend_high|low`` (7 or more consecutive points each higher / lower than the one before; a
repeat value breaks the trend; a trend may cross the centre), ``two_of_three_high|low`` (2 or 3
out of 3 consecutive points close to the same-side limit: beyond the 2-sigma line but not beyond
the limit itself, with all three points on that side of the centre; the close points are
flagged). Every point of a run that fires is flagged, not only the last one. Rules look only
within one segment: a rebase starts a new process. A point can meet rules of both directions
(a falling trend that starts in a run above the centre); its direction is then that of the
first rule in NHSRplotthedots' order: outside the limits, trend, two of three, shift.

Edge cases, by design:

* missing values are refused (``ValueError`` with the position); fill or drop them first, since a
  gap changes what "consecutive" means; to leave a known special cause out of the limits, use
  ``exclude`` instead;
* a segment whose baseline has a single point has no moving range, so ``lower``/``upper`` are NaN
  and only rules that need no limits (shift, trend) can fire there;
* a constant series has moving range 0, so the limits equal the centre; points exactly on the
  centre or on a limit are on neither side (a tolerance of 1e-9 relative absorbs floating-point
  noise), so a constant series raises no special cause;
* a series shorter than a rule needs (e.g. fewer than 7 points) simply cannot fire that rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ._validate import as_array, as_counts, as_positive, check_not_above, index_of, same_length

# Making Data Count constants: 2.66 = 3 / d2 with d2 = 1.128 for moving ranges of two points;
# 3.267 = D4, the upper limit for a moving range, used to screen out extreme moving ranges.
XMR_SCALE = 2.66
D2 = 1.128
MR_SCREEN = 3.267
RUN_LENGTH = 7
RULE_ORDER = (
    "outside_limits_high",
    "outside_limits_low",
    "shift_high",
    "shift_low",
    "trend_high",
    "trend_low",
    "two_of_three_high",
    "two_of_three_low",
)
# NHSRplotthedots' ptd_special_cause_type: the first of these that a point meets gives its
# direction.
PRECEDENCE = ("outside_limits", "trend", "two_of_three", "shift")
_REL_TOL = 1e-9


def _segments(n: int, rebase_at: Iterable[int]) -> list[tuple[int, int]]:
    if isinstance(rebase_at, int | np.integer):
        rebase_at = [rebase_at]
    cuts = []
    for pos in rebase_at:
        if isinstance(pos, bool) or not isinstance(pos, int | np.integer):
            raise ValueError(f"rebase_at must contain integer positions; got {pos!r}")
        if not 0 < pos < n:
            raise ValueError(
                f"rebase_at positions must be between 1 and {n - 1} (number of points - 1); "
                f"got {pos}"
            )
        cuts.append(int(pos))
    bounds = [0, *sorted(set(cuts)), n]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _excluded(exclude: Iterable[int], n: int) -> np.ndarray:
    """Boolean mask of the positions in ``exclude`` (0-based row numbers)."""
    if isinstance(exclude, int | np.integer):
        exclude = [exclude]
    mask = np.zeros(n, dtype=bool)
    for pos in exclude:
        if isinstance(pos, bool) or not isinstance(pos, int | np.integer):
            raise ValueError(f"exclude must contain integer positions; got {pos!r}")
        if not 0 <= pos < n:
            raise ValueError(
                f"exclude positions must be between 0 and {n - 1} (number of points - 1); "
                f"got {pos}"
            )
        mask[int(pos)] = True
    return mask


def _baseline_length(baseline_points: int | None, length: int) -> int:
    if baseline_points is None:
        return length
    return min(baseline_points, length)


def _check_baseline(baseline_points: object) -> int | None:
    if baseline_points is None:
        return None
    if (
        isinstance(baseline_points, bool)
        or not isinstance(baseline_points, int | np.integer)
        or baseline_points < 1
    ):
        raise ValueError(
            f"baseline_points must be a whole number of 1 or more; got {baseline_points!r}"
        )
    return int(baseline_points)


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each run of True values."""
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2], edges[1::2], strict=True))


def _sequence_rules(x, side, close) -> dict[str, np.ndarray]:
    """Shift, trend and two-in-three on consecutive points (NHSRplotthedots 0.2.2,
    R/ptd_calculate_point_type.R): ``side`` is +1/-1/0 against the centre, ``close`` marks
    points beyond the 2-sigma line but within the limits."""
    n = len(x)
    tol = _REL_TOL * max(1.0, float(np.max(np.abs(x))) if n else 1.0)
    hits = {}
    for sign, name in ((1, "shift_high"), (-1, "shift_low")):
        flags = np.zeros(n, dtype=bool)
        for start, stop in _runs(side == sign):
            if stop - start >= RUN_LENGTH:
                flags[start:stop] = True
        hits[name] = flags

    step = np.diff(x)
    for moving, name in ((step > tol, "trend_high"), (step < -tol, "trend_low")):
        flags = np.zeros(n, dtype=bool)
        for start, stop in _runs(moving):
            # stop - start steps join stop - start + 1 points
            if stop - start + 1 >= RUN_LENGTH:
                flags[start : stop + 1] = True
        hits[name] = flags

    # ptd_two_in_three: a window of three points with at least two close to a limit, all three
    # on the same side of the centre (abs(sum(side)) == 3); ptd_part_of_two_in_three flags the
    # close points of such a window.
    for sign, name in ((1, "two_of_three_high"), (-1, "two_of_three_low")):
        flags = np.zeros(n, dtype=bool)
        for i in range(n - 2):
            window = slice(i, i + 3)
            if close[window].sum() >= 2 and (side[window] == sign).all():
                flags[window] |= close[window]
        hits[name] = flags
    return hits


def _direction(hits: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """+1 / -1 / 0 per point: the direction of the first rule in ``PRECEDENCE`` it meets.

    A point of a trend takes the direction of its step to the next point when that point is
    in a trend too, else of its step from the previous point (NHSRplotthedots' ``sdy``): the
    top of a rise that turns into a fall belongs to the fall.
    """
    n = len(x)
    direction = np.zeros(n, dtype=int)
    if n == 0:
        return direction
    decided = np.zeros(n, dtype=bool)
    in_trend = hits["trend_high"] | hits["trend_low"]
    step = np.sign(np.diff(x)).astype(int)
    after = np.r_[step, step[-1:]] if n > 1 else np.zeros(1, dtype=int)
    before = np.r_[0, step]
    next_in_trend = np.r_[in_trend[1:], False]
    trend_sign = np.where(next_in_trend & in_trend & (after != 0), after, before)
    for base in PRECEDENCE:
        high, low = hits[f"{base}_high"], hits[f"{base}_low"]
        if base == "trend":
            fired = (high | low) & ~decided
            direction[fired] = trend_sign[fired]
        else:
            fired_high, fired_low = high & ~decided, low & ~decided & ~high
            direction[fired_high] = 1
            direction[fired_low] = -1
            fired = fired_high | fired_low
        decided |= fired
    return direction


def special_causes(values, centre, lower, upper, lower_2sigma, upper_2sigma,
                   exclude: Iterable[int] = ()) -> pd.DataFrame:
    """The Making Data Count special-cause rules for one process (one segment).

    Method: NHS England "Making Data Count" rules as implemented by the NHS-R community's
    NHSRplotthedots 0.2.2 (R/ptd_spc_standard.R and R/ptd_calculate_point_type.R; its NEWS
    lists the fixes to two-in-three and to trends that cross the mean that this follows):

    * outside the limits: above ``upper`` or below ``lower``;
    * shift: 7 or more consecutive points on the same side of ``centre``;
    * trend: 7 or more consecutive points each strictly higher (lower) than the one before;
    * two of three: in 3 consecutive points, 2 or 3 lie *close to the limit* (beyond the
      2-sigma line but not beyond the limit) and all 3 lie on the same side of the centre; the
      close points are flagged. A point beyond the limit is not close: it is its own signal;
    * direction: the first of outside, trend, two of three, shift that the point meets.

    ``exclude`` (0-based positions) leaves points out of the sequence rules, which then run
    on the remaining points in order (as qicharts2 leaves excluded points out of its runs
    analysis); an excluded point can still lie outside the limits.

    Returns one row per point: a boolean column per name in ``RULE_ORDER`` and ``direction``
    (+1 high, -1 low, 0 none).
    """
    x = as_array(values, "values")
    lines = []
    for line, name in ((centre, "centre"), (lower, "lower"), (upper, "upper"),
                       (lower_2sigma, "lower_2sigma"), (upper_2sigma, "upper_2sigma")):
        array = np.asarray(line, dtype=float)
        if array.ndim and array.shape != x.shape:
            raise ValueError(f"{name} must be one number or one per value; got {array.size} "
                             f"for {x.size} values")
        lines.append(np.broadcast_to(array, x.shape))
    return _rule_frame(x, *lines, _excluded(exclude, len(x)))


def _rule_frame(x, centre, lower, upper, lower2, upper2, excluded) -> pd.DataFrame:
    n = len(x)
    scale = max(1.0, float(np.max(np.abs(x))) if n else 1.0,
                float(np.nanmax(np.abs(centre))) if n and not np.isnan(centre).all() else 1.0)
    tol = _REL_TOL * scale
    with np.errstate(invalid="ignore"):
        outside_high = x > upper + tol
        outside_low = x < lower - tol
        side = np.where(x > centre + tol, 1, np.where(x < centre - tol, -1, 0))
        close = ~(outside_high | outside_low) & ((x > upper2 + tol) | (x < lower2 - tol))
    hits = {"outside_limits_high": outside_high, "outside_limits_low": outside_low}
    kept = np.flatnonzero(~excluded)
    inner = _sequence_rules(x[kept], side[kept], close[kept])
    for name, flags in inner.items():
        full = np.zeros(n, dtype=bool)
        full[kept] = flags
        hits[name] = full
    out = pd.DataFrame({name: hits[name] for name in RULE_ORDER})
    direction = np.zeros(n, dtype=int)
    direction[kept] = _direction({k: v[kept] for k, v in hits.items()}, x[kept])
    # Excluded points can only be outside the limits.
    direction[excluded & outside_high] = 1
    direction[excluded & outside_low] = -1
    out["direction"] = direction
    return out


def _assemble(
    values: np.ndarray,
    centre: np.ndarray,
    sigma: np.ndarray,
    segments: list[tuple[int, int]],
    baseline: np.ndarray,
    excluded: np.ndarray,
    index: pd.Index | None,
    bounds: tuple[float, float],
    extra: dict[str, np.ndarray],
) -> pd.DataFrame:
    lo_b, hi_b = bounds
    lower = np.clip(centre - 3 * sigma, lo_b, hi_b)
    upper = np.clip(centre + 3 * sigma, lo_b, hi_b)
    lower2 = np.clip(centre - 2 * sigma, lo_b, hi_b)
    upper2 = np.clip(centre + 2 * sigma, lo_b, hi_b)
    n = len(values)
    segment = np.zeros(n, dtype=int)
    hits = {name: np.zeros(n, dtype=bool) for name in RULE_ORDER}
    direction = np.zeros(n, dtype=int)
    for k, (start, stop) in enumerate(segments):
        segment[start:stop] = k
        sl = slice(start, stop)
        rules = _rule_frame(values[sl], centre[sl], lower[sl], upper[sl], lower2[sl],
                            upper2[sl], excluded[sl])
        for name in RULE_ORDER:
            hits[name][sl] = rules[name].to_numpy()
        direction[sl] = rules["direction"].to_numpy()

    labels = np.array(
        [";".join(name for name in RULE_ORDER if hits[name][i]) for i in range(n)], dtype=object
    )
    out = pd.DataFrame(extra, index=index)
    out["value"] = values
    out["centre"] = centre
    out["lower"] = lower
    out["upper"] = upper
    out["lower_2sigma"] = lower2
    out["upper_2sigma"] = upper2
    out["segment"] = segment
    out["baseline"] = baseline
    out["excluded"] = excluded
    out["special_cause"] = labels
    out["special_cause_high"] = direction > 0
    out["special_cause_low"] = direction < 0
    return out


def _used(start: int, stop: int, b: int, excluded: np.ndarray) -> np.ndarray:
    """Positions of a segment's baseline points that are not excluded, in order."""
    return start + np.flatnonzero(~excluded[start : start + b])


def xmr(
    values,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    screen_outliers: bool = True,
    exclude: Sequence[int] = (),
) -> pd.DataFrame:
    """XmR (individuals and moving range) chart with the Making Data Count special-cause rules.

    Method: NHS England & NHS Improvement, "Making Data Count" (2019, and the "Making Data Count:
    strengthening your decisions" guide): centre = mean of the baseline points of the segment;
    process limits = centre +/- 2.66 x mean moving range (Wheeler DJ, Understanding Variation,
    1993). With ``screen_outliers`` (the default, as in NHSRplotthedots' ``screen_outliers =
    TRUE``) the moving ranges above 3.267 x the mean moving range are left out and the mean
    moving range is recomputed once, so one freak jump does not widen the limits (Nelson LS,
    J Qual Technol 1982;14:172). The Making Data Count Excel tool does not screen: pass
    ``screen_outliers=False`` for its limits. Rules: :func:`special_causes`.

    Parameters
    ----------
    values: the series, oldest first; no missing values.
    baseline_points: compute each segment's centre and limits from its first n points and keep
        them fixed for the rest of the segment (None: all points of the segment), as
        qicharts2's ``freeze`` and NHSRplotthedots' ``fix_after_n_points``. A segment shorter
        than n uses all its points.
    rebase_at: positions (0-based row numbers, not dates) where a new segment starts, e.g. the
        first month after a registered change; ``series.index.get_loc(date)`` gives one.
        Moving ranges do not cross a segment boundary.
    screen_outliers: screen moving ranges above 3.267 x mean moving range (default True).
    exclude: positions of points left out of the centre, the moving ranges and the sequence
        rules (qicharts2's ``exclude``), e.g. a month with a known special cause such as a
        coding change. The moving ranges join the points either side of an excluded point, as
        in qicharts2. Excluded points are still drawn and judged against the limits.

    Returns the common SPC row shape (module docstring) plus ``moving_range`` (between a point
    and the previous included point of its segment; NaN at the first one and at excluded
    points), ``mr_excluded`` (moving range left out by the screening) and ``mean_moving_range``
    (of the point's segment baseline, after screening).
    """
    index = index_of(values)
    x = as_array(values, "values")
    baseline_points = _check_baseline(baseline_points)
    segments = _segments(len(x), rebase_at)
    n = len(x)
    excluded = _excluded(exclude, n)
    centre = np.full(n, np.nan)
    sigma = np.full(n, np.nan)
    moving_range = np.full(n, np.nan)
    mr_excluded = np.zeros(n, dtype=bool)
    mr_bar_col = np.full(n, np.nan)
    baseline = np.zeros(n, dtype=bool)
    for start, stop in segments:
        kept = start + np.flatnonzero(~excluded[start:stop])
        moving_range[kept[1:]] = np.abs(np.diff(x[kept]))
        b = _baseline_length(baseline_points, stop - start)
        baseline[start : start + b] = True
        used = _used(start, stop, b, excluded)
        if used.size == 0:
            continue
        centre[start:stop] = x[used].mean()
        mr_positions = used[1:]
        mr = np.abs(np.diff(x[used]))
        if mr.size == 0:
            continue
        mr_bar = mr.mean()
        if screen_outliers:
            dropped = mr > MR_SCREEN * mr_bar
            mr_excluded[mr_positions] = dropped
            mr_bar = mr[~dropped].mean()
        mr_bar_col[start:stop] = mr_bar
        sigma[start:stop] = XMR_SCALE * mr_bar / 3
    out = _assemble(x, centre, sigma, segments, baseline, excluded, index,
                    (-np.inf, np.inf), {})
    out["moving_range"] = moving_range
    out["mr_excluded"] = mr_excluded
    out["mean_moving_range"] = mr_bar_col
    out.attrs.update({"chart": "xmr", "rebase_at": [s for s, _ in segments[1:]],
                      "screen_outliers": bool(screen_outliers)})
    return out


def _attribute_chart(
    kind: str,
    numerators: np.ndarray,
    denominators: np.ndarray,
    baseline_points: int | None,
    rebase_at: Sequence[int],
    index: pd.Index | None,
    exclude: Sequence[int] = (),
    screen_outliers: bool = False,
) -> pd.DataFrame:
    segments = _segments(len(numerators), rebase_at)
    values = numerators / denominators
    n = len(values)
    excluded = _excluded(exclude, n)
    centre = np.full(n, np.nan)
    baseline = np.zeros(n, dtype=bool)
    sigma_z = np.full(n, np.nan)
    laney = kind.endswith("_prime")
    for start, stop in segments:
        b = _baseline_length(baseline_points, stop - start)
        baseline[start : start + b] = True
        used = _used(start, stop, b, excluded)
        if used.size == 0 or denominators[used].sum() == 0:
            continue
        centre[start:stop] = numerators[used].sum() / denominators[used].sum()
    binomial = kind.startswith("p")
    if binomial:
        sigma = np.sqrt(centre * (1 - centre) / denominators)
        bounds = (0.0, 1.0)
        extra = {"numerator": numerators, "denominator": denominators}
    else:
        sigma = np.sqrt(centre / denominators)
        bounds = (0.0, np.inf)
        extra = {"count": numerators, "exposure": denominators}
    mr_excluded = np.zeros(n, dtype=bool)
    if laney:
        for start, stop in segments:
            used = _used(start, stop, _baseline_length(baseline_points, stop - start),
                         excluded)
            with np.errstate(divide="ignore", invalid="ignore"):
                z = (values[used] - centre[used]) / sigma[used]
            mr = np.abs(np.diff(z))
            if mr.size == 0 or not np.isfinite(mr).all():
                continue
            mr_bar = mr.mean()
            if screen_outliers:
                # qicharts2 (qic.screenedmr): keep the moving ranges below 3.267 x their mean.
                dropped = mr >= MR_SCREEN * mr_bar
                mr_excluded[used[1:]] = dropped
                if not dropped.all():
                    mr_bar = mr[~dropped].mean()
            sigma_z[start:stop] = mr_bar / D2
        sigma = sigma * sigma_z
    out = _assemble(values, centre, sigma, segments, baseline, excluded, index, bounds, extra)
    if laney:
        out["sigma_z"] = sigma_z
        out["mr_excluded"] = mr_excluded
    out.attrs.update({"chart": kind, "rebase_at": [s for s, _ in segments[1:]]})
    return out


def _proportion_input(numerators, denominators):
    y = as_counts(numerators, "numerators")
    n = as_positive(denominators, "denominators")
    same_length(numerators=y, denominators=n)
    check_not_above(y, n, ("numerators", "denominators"), ("numerator", "denominator"))
    return y, n


def _rate_input(counts, exposures):
    c = as_counts(counts, "counts")
    e = as_positive(exposures, "exposures")
    same_length(counts=c, exposures=e)
    return c, e


def p_chart(
    numerators,
    denominators,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    exclude: Sequence[int] = (),
) -> pd.DataFrame:
    """p-chart for a proportion per period, limits varying with each point's denominator.

    Method: Shewhart p-chart as used in NHS England "Making Data Count": centre p-bar =
    sum of baseline numerators / sum of baseline denominators; limits p-bar +/- 3 sqrt(p-bar
    (1 - p-bar) / n_i), clipped to [0, 1]; the 2-sigma lines likewise. Sources: Montgomery DC,
    Introduction to Statistical Quality Control, 7th ed., ch. 7; Provost LP, Murray SK, The
    Health Care Data Guide, 2011, ch. 8.

    ``baseline_points``, ``rebase_at`` and ``exclude`` as in :func:`xmr`. Returns the common
    SPC row shape plus ``numerator`` and ``denominator``; ``value`` is the proportion (0-1).
    """
    index = index_of(numerators)
    y, n = _proportion_input(numerators, denominators)
    return _attribute_chart("p", y, n, _check_baseline(baseline_points), rebase_at, index,
                            exclude)


def u_chart(
    counts,
    exposures,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    exclude: Sequence[int] = (),
) -> pd.DataFrame:
    """u-chart for a rate per period (events per unit of exposure), limits varying with exposure.

    Method: Shewhart u-chart (Poisson) as used in NHS England "Making Data Count": centre
    u-bar = sum of baseline counts / sum of baseline exposures; limits u-bar +/- 3 sqrt(u-bar /
    e_i), the lower clipped at 0. Sources: Montgomery DC, Introduction to Statistical Quality
    Control, 7th ed., ch. 7; Provost LP, Murray SK, The Health Care Data Guide, 2011, ch. 8.

    ``value`` is in events per unit of exposure: give exposure in thousands of patient-years for
    "per 1,000". ``baseline_points``, ``rebase_at`` and ``exclude`` as in :func:`xmr`. Returns
    the common SPC row shape plus ``count`` and ``exposure``.
    """
    index = index_of(counts)
    c, e = _rate_input(counts, exposures)
    return _attribute_chart("u", c, e, _check_baseline(baseline_points), rebase_at, index,
                            exclude)


def p_prime_chart(
    numerators,
    denominators,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    exclude: Sequence[int] = (),
    screen_outliers: bool = False,
) -> pd.DataFrame:
    """Laney's p'-chart: a p-chart whose limits also allow for variation between periods.

    With large denominators (a region's referrals per month) the p-chart's limits shrink
    around p-bar and nearly every point falls outside them, although the process is stable:
    the binomial model leaves out the real month-to-month variation (overdispersion).

    Method: Laney DB. Improved control charts for attributes. Quality Engineering
    2002;14:531-537, as in qicharts2 (``chart = "pp"``, R/helper.functions.R ``qic.pp``):
    sigma_i = sqrt(p-bar (1 - p-bar) / n_i) as in the p-chart; z_i = (p_i - p-bar) / sigma_i
    for the baseline points; sigma_z = mean moving range of the z_i / 1.128 (an XmR chart of
    the z-scores); limits p-bar +/- 3 sigma_i sigma_z, clipped to [0, 1]. Without
    overdispersion sigma_z is about 1 and the chart is the p-chart. ``screen_outliers`` leaves
    out moving ranges of 3.267 x their mean or more before sigma_z, as qicharts2 does since
    0.7.4 when attached (option ``qic.screenedmr``); Laney's paper does not (the default here).

    ``baseline_points``, ``rebase_at`` and ``exclude`` as in :func:`xmr`; the z-scores and their
    moving ranges use the baseline points that are not excluded, in order. Returns the
    common SPC row shape plus ``numerator``, ``denominator``, ``sigma_z`` (Laney's factor per
    segment) and ``mr_excluded``.
    """
    index = index_of(numerators)
    y, n = _proportion_input(numerators, denominators)
    return _attribute_chart("p_prime", y, n, _check_baseline(baseline_points), rebase_at,
                            index, exclude, screen_outliers)


def u_prime_chart(
    counts,
    exposures,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    exclude: Sequence[int] = (),
    screen_outliers: bool = False,
) -> pd.DataFrame:
    """Laney's u'-chart: a u-chart whose limits also allow for variation between periods.

    Method: Laney DB, Quality Engineering 2002;14:531-537, as in qicharts2 (``chart = "up"``,
    ``qic.up``): sigma_i = sqrt(u-bar / e_i); z_i = (u_i - u-bar) / sigma_i for the baseline
    points; sigma_z = mean moving range of the z_i / 1.128; limits u-bar +/- 3 sigma_i
    sigma_z, the lower clipped at 0. ``screen_outliers`` as in :func:`p_prime_chart`.

    Returns the common SPC row shape plus ``count``, ``exposure``, ``sigma_z`` and
    ``mr_excluded``.
    """
    index = index_of(counts)
    c, e = _rate_input(counts, exposures)
    return _attribute_chart("u_prime", c, e, _check_baseline(baseline_points), rebase_at,
                            index, exclude, screen_outliers)


_MONTHS_NL = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_RULE_TEXT = {
    "nl": {
        "outside_limits": "punt buiten de grenzen",
        "shift": "7 of meer punten aan één kant van het gemiddelde",
        "trend": "7 of meer punten op rij stijgend of dalend",
        "two_of_three": "2 van 3 punten dicht bij de grens",
    },
    "en": {
        "outside_limits": "point outside the limits",
        "shift": "7 or more points on one side of the mean",
        "trend": "7 or more points in a row rising or falling",
        "two_of_three": "2 of 3 points close to a limit",
    },
}


def _label(index: pd.Index, pos: int, language: str) -> str:
    value = index[pos]
    if isinstance(value, pd.Timestamp):
        if language == "nl":
            return f"{_MONTHS_NL[value.month - 1]} {value.year}"
        return value.strftime("%B %Y")
    return f"punt {pos + 1}" if language == "nl" else f"point {pos + 1}"


def describe_spc(chart: pd.DataFrame, improvement: str = "higher", language: str = "nl") -> str:
    """One sentence on what an SPC chart found, for under the chart and in reports.

    Reads the most recent special cause in ``chart`` (output of :func:`xmr`, :func:`p_chart` or
    :func:`u_chart`), walks back over the consecutive points flagged in the same direction and
    names where that stretch started (a month when the index holds dates). ``improvement`` is
    the indicator's direction: "higher", "lower" or "neutral" (then the text says higher/lower
    instead of improvement/deterioration). Wording follows NHS England "Making Data Count"
    ("special cause improvement / concern", "common cause variation").
    """
    if improvement not in ("higher", "lower", "neutral"):
        raise ValueError(f"improvement must be 'higher', 'lower' or 'neutral'; got {improvement!r}")
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en'; got {language!r}")
    needed = ["special_cause", "special_cause_high", "special_cause_low"]
    missing = [c for c in needed if c not in getattr(chart, "columns", [])]
    if missing:
        raise ValueError(f"chart must be the output of xmr, p_chart or u_chart; missing {missing}")
    high = chart["special_cause_high"].to_numpy(dtype=bool)
    low = chart["special_cause_low"].to_numpy(dtype=bool)
    flagged = np.flatnonzero(high | low)
    if flagged.size == 0:
        return (
            "Alleen gewone variatie (common cause): geen signaal van een echte verandering."
            if language == "nl"
            else "Common cause variation only: no signal of a real change."
        )
    last = int(flagged[-1])
    direction = high if high[last] else low
    start = last
    while start > 0 and direction[start - 1]:
        start -= 1
    is_high = direction is high
    rules = []
    for i in range(start, last + 1):
        for name in str(chart["special_cause"].iloc[i]).split(";"):
            base = name.rsplit("_", 1)[0]
            if name and name.endswith("_high" if is_high else "_low") and base not in rules:
                rules.append(base)
    rule_text = ", ".join(_RULE_TEXT[language][r] for r in rules)
    since = _label(chart.index, start, language)
    if improvement == "neutral":
        what = ("hoger" if is_high else "lager") if language == "nl" else (
            "higher" if is_high else "lower"
        )
        if language == "nl":
            return f"Speciale oorzaak: {what} sinds {since} ({rule_text})."
        return f"Special cause: {what} since {since} ({rule_text})."
    better = is_high == (improvement == "higher")
    if language == "nl":
        kind = "verbetering" if better else "verslechtering"
        return f"Speciale oorzaak van {kind} sinds {since} ({rule_text})."
    kind = "improvement" if better else "concern"
    return f"Special cause of {kind} since {since} ({rule_text})."
