"""Run charts with the Anhoej rules (unusually long runs, unusually few crossings)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ._validate import as_array, as_number, index_of
from .spc import _check_baseline, _excluded


@dataclass(frozen=True)
class RunChartSummary:
    """What a run chart found. ``signal`` is True when either Anhoej rule fires.

    ``longest_run_max`` and ``n_crossings_min`` are the thresholds: a signal needs a run longer
    than ``longest_run_max`` or fewer crossings than ``n_crossings_min``. With no useful points
    they are None and nothing can fire.
    """

    n: int
    n_useful: int
    median: float
    longest_run: int
    longest_run_max: int | None
    n_crossings: int
    n_crossings_min: int | None
    runs_signal: bool
    crossings_signal: bool
    signal: bool

    def as_dict(self) -> dict:
        return asdict(self)


def run_chart(
    values,
    exclude: Sequence[int] = (),
    baseline_points: int | None = None,
    centre: float | None = None,
) -> tuple[pd.DataFrame, RunChartSummary]:
    """Run chart around the median with the Anhoej rules for non-random variation.

    Method: Anhoej J, Olesen AV. Run charts revisited: a simulation study of run chart rules for
    detection of non-random variation in health care processes. PLoS ONE 2014;9:e113825; Anhoej
    J. Diagnostic value of run chart analysis. PLoS ONE 2015;10:e0121349; implemented as in the R
    package qicharts2 (Anhoej 2018; ``runs.analysis`` and ``qic.run`` in R/helper.functions.R).
    Points on the centre line are not useful and are ignored; n is the number of useful points.
    A run is a sequence of useful points on the same side of the centre; a crossing is a change
    of side between consecutive useful points.

    * unusually long run: longest run > round(log2(n) + 3);
    * unusually few crossings: crossings < the 5% quantile of Binomial(n - 1, 0.5)
      (``scipy.stats.binom.ppf(0.05, n - 1, 0.5)``, R's ``qbinom``).

    Parameters
    ----------
    values: the series, oldest first; no missing values.
    exclude: 0-based positions of points left out of the median and of the runs analysis
        (qicharts2's ``exclude``): e.g. a month with a known special cause.
    baseline_points: the median of the first n points only (qicharts2's ``freeze``, e.g. a
        baseline median of the first 24 months); later points are judged against it.
    centre: a given centre line instead of the median, e.g. the mean of a control chart:
        qicharts2 runs the same analysis around a control chart's centre line.

    Returns ``(frame, summary)``. The frame has one row per point (a Series keeps its index):
    ``value``, ``median`` (the centre line), ``side`` (+1 above, -1 below, 0 on the centre or
    excluded), ``run`` (run number, counting from 1, <NA> where not useful), ``run_length``
    (length of the point's run, 0 where not useful), ``longest_run`` (True for points in a run
    that is longer than the threshold), ``baseline`` (the point fixed the median) and
    ``excluded``. Missing values are refused with their position.
    """
    index = index_of(values)
    x = as_array(values, "values")
    excluded = _excluded(exclude, len(x))
    baseline_points = _check_baseline(baseline_points)
    baseline = np.zeros(len(x), dtype=bool)
    baseline[: len(x) if baseline_points is None else baseline_points] = True
    if centre is None:
        used = x[baseline & ~excluded]
        if used.size == 0:
            raise ValueError("exclude leaves no baseline point to take the median of")
        median = float(np.median(used))
    else:
        median = as_number(centre, "centre")
    # Exact comparison on purpose: qicharts2 also treats only points equal to the median as
    # not useful, and the median of the data is one of the data (or the mean of two of them).
    side = np.where(excluded, 0, np.sign(x - median)).astype(int)
    useful = side != 0
    useful_sides = side[useful]
    n_useful = int(useful.sum())

    run_id = np.zeros(len(x), dtype=int)
    if n_useful:
        changes = np.concatenate(([True], useful_sides[1:] != useful_sides[:-1]))
        run_id[useful] = np.cumsum(changes)
        lengths = np.bincount(run_id[useful])
        longest = int(lengths.max())
        crossings = int(changes.sum() - 1)
        longest_max = int(round(math.log2(n_useful) + 3))
        crossings_min = int(stats.binom.ppf(0.05, n_useful - 1, 0.5))
    else:
        lengths = np.zeros(1, dtype=int)
        longest, crossings, longest_max, crossings_min = 0, 0, None, None
    runs_signal = longest_max is not None and longest > longest_max
    crossings_signal = crossings_min is not None and crossings < crossings_min

    run_length = np.where(useful, lengths[run_id], 0)
    run = pd.array(run_id, dtype="Int64")
    run[~useful] = pd.NA
    frame = pd.DataFrame(
        {
            "value": x,
            "median": median,
            "side": side,
            "run": run,
            "run_length": run_length,
            "longest_run": runs_signal & (run_length > (longest_max or 0)),
            "baseline": baseline,
            "excluded": excluded,
        },
        index=index,
    )
    summary = RunChartSummary(
        n=len(x),
        n_useful=n_useful,
        median=median,
        longest_run=longest,
        longest_run_max=longest_max,
        n_crossings=crossings,
        n_crossings_min=crossings_min,
        runs_signal=bool(runs_signal),
        crossings_signal=bool(crossings_signal),
        signal=bool(runs_signal or crossings_signal),
    )
    return frame, summary


def describe_run_chart(summary: RunChartSummary, language: str = "nl") -> str:
    """One sentence on what a run chart found (Anhoej rules, see :func:`run_chart`)."""
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en'; got {language!r}")
    if not isinstance(summary, RunChartSummary):
        raise ValueError("summary must be the RunChartSummary returned by run_chart")
    found = []
    if summary.runs_signal:
        found.append(
            f"een ongewoon lange reeks ({summary.longest_run} punten aan één kant van de mediaan, "
            f"verwacht hoogstens {summary.longest_run_max})"
            if language == "nl"
            else f"an unusually long run ({summary.longest_run} points on one side of the median, "
            f"at most {summary.longest_run_max} expected)"
        )
    if summary.crossings_signal:
        found.append(
            f"ongewoon weinig kruisingen van de mediaan ({summary.n_crossings}, verwacht minstens "
            f"{summary.n_crossings_min})"
            if language == "nl"
            else f"unusually few crossings of the median ({summary.n_crossings}, at least "
            f"{summary.n_crossings_min} expected)"
        )
    if not found:
        return (
            "Geen niet-toevallige variatie: de punten schommelen willekeurig rond de mediaan."
            if language == "nl"
            else "No non-random variation: the points vary randomly around the median."
        )
    joined = " en ".join(found) if language == "nl" else " and ".join(found)
    if language == "nl":
        return f"Niet-toevallige variatie: {joined}."
    return f"Non-random variation: {joined}."
