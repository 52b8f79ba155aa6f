"""Statistical process control charts (XmR, p and u) with the NHS "Making Data Count" rules.

All three charts return the same row shape, one row per point, in input order (a pandas Series
keeps its index, e.g. dates):

``value``, ``centre``, ``lower``, ``upper`` (3-sigma process limits), ``lower_2sigma``,
``upper_2sigma`` (two thirds of the way from centre to limit), ``segment`` (0, 1, ... counting
rebases), ``baseline`` (True where the point was used to compute its segment's limits),
``special_cause`` (rule names joined by ";" in a fixed order, "" for none), and the booleans
``special_cause_high`` / ``special_cause_low`` (a rule fired in that direction). Whether high
is improvement depends on the indicator: the pages map it with the indicator's direction.

Rule names: ``outside_limits_high|low`` (beyond a process limit), ``shift_high|low`` (7 or more
consecutive points above / below the centre; a point on the centre breaks the run),
``trend_high|low`` (7 or more consecutive points each higher / lower than the one before; a
repeat value breaks the trend), ``two_of_three_high|low`` (2 or 3 out of 3 consecutive points
beyond the same-side 2-sigma line; the points beyond it are flagged). Every point of a run that
fires is flagged, not only the last one. Rules look only within one segment: a rebase starts a
new process.

Edge cases, by design:

* missing values are refused (``ValueError`` with the position); fill or drop them first, since a
  gap changes what "consecutive" means;
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


def _rules(x: np.ndarray, centre, lower, upper, lower2, upper2) -> dict[str, np.ndarray]:
    """Making Data Count rules for one segment; returns a boolean array per rule name."""
    n = len(x)
    tol = _REL_TOL * max(1.0, float(np.max(np.abs(x))), float(np.nanmax(np.abs(centre))))
    hits = {name: np.zeros(n, dtype=bool) for name in RULE_ORDER}
    with np.errstate(invalid="ignore"):
        hits["outside_limits_high"] = x > upper + tol
        hits["outside_limits_low"] = x < lower - tol
        above, below = x > centre + tol, x < centre - tol
        beyond_hi, beyond_lo = x > upper2 + tol, x < lower2 - tol

    for side, name in ((above, "shift_high"), (below, "shift_low")):
        for start, stop in _runs(side):
            if stop - start >= RUN_LENGTH:
                hits[name][start:stop] = True

    step = np.diff(x)
    for moving, name in ((step > tol, "trend_high"), (step < -tol, "trend_low")):
        for start, stop in _runs(moving):
            # stop - start steps join stop - start + 1 points
            if stop - start + 1 >= RUN_LENGTH:
                hits[name][start : stop + 1] = True

    for beyond, name in ((beyond_hi, "two_of_three_high"), (beyond_lo, "two_of_three_low")):
        for i in range(n - 2):
            window = beyond[i : i + 3]
            if window.sum() >= 2:
                hits[name][i : i + 3] |= window
    return hits


def _assemble(
    values: np.ndarray,
    centre: np.ndarray,
    sigma: np.ndarray,
    segments: list[tuple[int, int]],
    baseline: np.ndarray,
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
    for k, (start, stop) in enumerate(segments):
        segment[start:stop] = k
        sl = slice(start, stop)
        seg_hits = _rules(values[sl], centre[sl], lower[sl], upper[sl], lower2[sl], upper2[sl])
        for name, flags in seg_hits.items():
            hits[name][sl] = flags

    labels = np.array(
        [";".join(name for name in RULE_ORDER if hits[name][i]) for i in range(n)], dtype=object
    )
    high = np.any([hits[r] for r in RULE_ORDER if r.endswith("_high")], axis=0)
    low = np.any([hits[r] for r in RULE_ORDER if r.endswith("_low")], axis=0)
    out = pd.DataFrame(extra, index=index)
    out["value"] = values
    out["centre"] = centre
    out["lower"] = lower
    out["upper"] = upper
    out["lower_2sigma"] = lower2
    out["upper_2sigma"] = upper2
    out["segment"] = segment
    out["baseline"] = baseline
    out["special_cause"] = labels
    out["special_cause_high"] = high
    out["special_cause_low"] = low
    return out


def xmr(
    values,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
    screen_outliers: bool = True,
) -> pd.DataFrame:
    """XmR (individuals and moving range) chart with the Making Data Count special-cause rules.

    Method: NHS England & NHS Improvement, "Making Data Count" (2019, and the "Making Data Count:
    strengthening your decisions" guide): centre = mean of the baseline points of the segment;
    process limits = centre +/- 2.66 x mean moving range (Wheeler DJ, Understanding Variation,
    1993). With ``screen_outliers`` the moving ranges above 3.267 x the mean moving range are
    left out and the mean moving range is recomputed once, so one freak jump does not widen
    the limits. Rules: see the module docstring (7-point shift and trend as in DOMAIN.md).

    Parameters
    ----------
    values: the series, oldest first; no missing values.
    baseline_points: compute each segment's centre and limits from its first n points and keep
        them fixed for the rest of the segment (None: all points of the segment). A segment
        shorter than n uses all its points.
    rebase_at: positions (0-based row numbers, not dates) where a new segment starts, e.g. the
        first month after a registered change; ``series.index.get_loc(date)`` gives one.
        Moving ranges do not cross a segment boundary.
    screen_outliers: screen moving ranges above 3.267 x mean moving range (default True).

    Returns the common SPC row shape (module docstring) plus ``moving_range`` (NaN at the start
    of each segment), ``mr_excluded`` (moving range left out by the screening) and
    ``mean_moving_range`` (of the point's segment baseline, after screening).
    """
    index = index_of(values)
    x = as_array(values, "values")
    baseline_points = _check_baseline(baseline_points)
    segments = _segments(len(x), rebase_at)
    n = len(x)
    centre = np.empty(n)
    sigma = np.full(n, np.nan)
    moving_range = np.full(n, np.nan)
    mr_excluded = np.zeros(n, dtype=bool)
    mr_bar_col = np.full(n, np.nan)
    baseline = np.zeros(n, dtype=bool)
    for start, stop in segments:
        seg = x[start:stop]
        b = _baseline_length(baseline_points, len(seg))
        baseline[start : start + b] = True
        moving_range[start + 1 : stop] = np.abs(np.diff(seg))
        centre[start:stop] = seg[:b].mean()
        mr = moving_range[start + 1 : start + b]
        if mr.size == 0:
            continue
        mr_bar = mr.mean()
        if screen_outliers:
            excluded = mr > MR_SCREEN * mr_bar
            mr_excluded[start + 1 : start + b] = excluded
            mr_bar = mr[~excluded].mean()
        mr_bar_col[start:stop] = mr_bar
        sigma[start:stop] = XMR_SCALE * mr_bar / 3
    extra = {}
    out = _assemble(x, centre, sigma, segments, baseline, index, (-np.inf, np.inf), extra)
    out["moving_range"] = moving_range
    out["mr_excluded"] = mr_excluded
    out["mean_moving_range"] = mr_bar_col
    out.attrs.update({"chart": "xmr", "rebase_at": [s for s, _ in segments[1:]]})
    return out


def _attribute_chart(
    kind: str,
    numerators: np.ndarray,
    denominators: np.ndarray,
    baseline_points: int | None,
    rebase_at: Sequence[int],
    index: pd.Index | None,
) -> pd.DataFrame:
    segments = _segments(len(numerators), rebase_at)
    values = numerators / denominators
    n = len(values)
    centre = np.empty(n)
    baseline = np.zeros(n, dtype=bool)
    for start, stop in segments:
        b = _baseline_length(baseline_points, stop - start)
        baseline[start : start + b] = True
        sl = slice(start, start + b)
        centre[start:stop] = numerators[sl].sum() / denominators[sl].sum()
    if kind == "p":
        sigma = np.sqrt(centre * (1 - centre) / denominators)
        bounds = (0.0, 1.0)
        extra = {"numerator": numerators, "denominator": denominators}
    else:
        sigma = np.sqrt(centre / denominators)
        bounds = (0.0, np.inf)
        extra = {"count": numerators, "exposure": denominators}
    out = _assemble(values, centre, sigma, segments, baseline, index, bounds, extra)
    out.attrs.update({"chart": kind, "rebase_at": [s for s, _ in segments[1:]]})
    return out


def p_chart(
    numerators,
    denominators,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
) -> pd.DataFrame:
    """p-chart for a proportion per period, limits varying with each point's denominator.

    Method: Shewhart p-chart as used in NHS England "Making Data Count": centre p-bar =
    sum of baseline numerators / sum of baseline denominators; limits p-bar +/- 3 sqrt(p-bar
    (1 - p-bar) / n_i), clipped to [0, 1]; the 2-sigma lines likewise. Sources: Montgomery DC,
    Introduction to Statistical Quality Control, 7th ed., ch. 7; Provost LP, Murray SK, The
    Health Care Data Guide, 2011, ch. 8.

    ``baseline_points`` and ``rebase_at`` as in :func:`xmr`. Returns the common SPC row shape
    plus ``numerator`` and ``denominator``; ``value`` is the proportion (0-1).
    """
    index = index_of(numerators)
    y = as_counts(numerators, "numerators")
    n = as_positive(denominators, "denominators")
    same_length(numerators=y, denominators=n)
    check_not_above(y, n, ("numerators", "denominators"), ("numerator", "denominator"))
    return _attribute_chart("p", y, n, _check_baseline(baseline_points), rebase_at, index)


def u_chart(
    counts,
    exposures,
    baseline_points: int | None = None,
    rebase_at: Sequence[int] = (),
) -> pd.DataFrame:
    """u-chart for a rate per period (events per unit of exposure), limits varying with exposure.

    Method: Shewhart u-chart (Poisson) as used in NHS England "Making Data Count": centre
    u-bar = sum of baseline counts / sum of baseline exposures; limits u-bar +/- 3 sqrt(u-bar /
    e_i), the lower clipped at 0. Sources: Montgomery DC, Introduction to Statistical Quality
    Control, 7th ed., ch. 7; Provost LP, Murray SK, The Health Care Data Guide, 2011, ch. 8.

    ``value`` is in events per unit of exposure: give exposure in thousands of patient-years for
    "per 1,000". Returns the common SPC row shape plus ``count`` and ``exposure``.
    """
    index = index_of(counts)
    c = as_counts(counts, "counts")
    e = as_positive(exposures, "exposures")
    same_length(counts=c, exposures=e)
    return _attribute_chart("u", c, e, _check_baseline(baseline_points), rebase_at, index)


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
