"""Interrupted time series (segmented regression) for the effect of a PDCA change."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm

from ._validate import as_array, check_level

MIN_POINTS_PER_SEGMENT = 3
RECOMMENDED_POINTS_PER_SEGMENT = 8
SEASONAL_MIN_MONTHS = 24
HARMONICS = 2


@dataclass
class ITSResult:
    """Outcome of :func:`its_effect`.

    ``level_change`` is the jump at the first point on or after the intervention date (fitted
    minus counterfactual there); ``slope_change`` the change in slope per time step (per
    observation, e.g. per month). Intervals are at ``level`` with HAC (Newey-West) standard
    errors. ``fitted`` has columns ``date``, ``value``, ``fitted``, ``counterfactual`` (the
    pre-intervention line, with seasonality, continued) and ``post``.
    """

    level_change: float
    level_change_ci: tuple[float, float]
    level_change_p: float
    slope_change: float
    slope_change_ci: tuple[float, float]
    slope_change_p: float
    pre_slope: float
    n_pre: int
    n_post: int
    seasonal: bool
    maxlags: int
    level: float
    fitted: pd.DataFrame
    interpretation: str
    notes: list[str] = field(default_factory=list)
    model: object = field(default=None, repr=False)


def newey_west_lags(n: int) -> int:
    """Newey & West (1994) rule of thumb for the HAC lag length: floor(4 (n/100)^(2/9)), >= 1."""
    return max(1, math.floor(4 * (n / 100) ** (2 / 9)))


def _dates(dates: object, n: int) -> pd.DatetimeIndex:
    try:
        with warnings.catch_warnings():
            # pandas warns when it falls back to per-element parsing; the error below is clearer
            warnings.simplefilter("ignore", UserWarning)
            idx = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(dates), dtype=object)))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"dates must be dates (e.g. '2024-03-01'); {exc}") from exc
    missing = np.flatnonzero(idx.isna())
    if missing.size:
        raise ValueError(f"dates has a missing value at position {int(missing[0])}")
    if len(idx) != n:
        raise ValueError(f"inputs must have the same length; values has {n}, dates has {len(idx)}")
    not_rising = np.flatnonzero(np.diff(idx.asi8) <= 0)
    if not_rising.size:
        i = int(not_rising[0]) + 1
        raise ValueError(
            f"dates must be strictly increasing; position {i} ({idx[i].date()}) is not"
        )
    return idx


def _months_covered(idx: pd.DatetimeIndex) -> int:
    return (idx[-1].year - idx[0].year) * 12 + idx[-1].month - idx[0].month + 1


def _fourier(idx: pd.DatetimeIndex) -> pd.DataFrame:
    # Position in the calendar year, so the terms mean the same for monthly and weekly data.
    frac = (idx.month - 1 + (idx.day - 1) / idx.days_in_month) / 12
    cols = {}
    for k in range(1, HARMONICS + 1):
        cols[f"sin{k}"] = np.sin(2 * np.pi * k * frac)
        cols[f"cos{k}"] = np.cos(2 * np.pi * k * frac)
    return pd.DataFrame(cols, index=range(len(idx)))


def _fmt(x: float, language: str = "en") -> str:
    text = f"{x:.3g}"
    return text.replace(".", ",") if language == "nl" else text


def _interpret(res: ITSResult, language: str) -> str:
    lo, hi = res.level_change_ci
    slo, shi = res.slope_change_ci
    pct = round(res.level * 100)
    if language == "en":
        level_word = "rose" if res.level_change > 0 else "fell"
        sig = "clearly" if res.level_change_p < 1 - res.level else "not clearly"
        text = (
            f"Right after the change the level {level_word} by {_fmt(abs(res.level_change))} "
            f"({pct}% interval {_fmt(lo)} to {_fmt(hi)}), {sig} different from no change. "
            f"The slope changed by {_fmt(res.slope_change)} per period ({pct}% interval "
            f"{_fmt(slo)} to {_fmt(shi)}). Based on {res.n_pre} points before and {res.n_post} "
            "after. This is an association in time, not proof that the change caused it: other "
            "events at the same time can explain a shift."
        )
    else:
        f = {
            "level": _fmt(abs(res.level_change), "nl"),
            "lo": _fmt(lo, "nl"),
            "hi": _fmt(hi, "nl"),
            "slope": _fmt(res.slope_change, "nl"),
            "slo": _fmt(slo, "nl"),
            "shi": _fmt(shi, "nl"),
        }
        level_word = "steeg" if res.level_change > 0 else "daalde"
        sig = "duidelijk" if res.level_change_p < 1 - res.level else "niet duidelijk"
        text = (
            f"Direct na de verandering {level_word} het niveau met {f['level']} "
            f"({pct}%-interval {f['lo']} tot {f['hi']}), {sig} verschillend van geen "
            f"verandering. De helling veranderde met {f['slope']} per periode "
            f"({pct}%-interval {f['slo']} tot {f['shi']}). Gebaseerd op {res.n_pre} punten "
            f"voor en {res.n_post} na. Dit is een samenhang in de tijd, geen bewijs dat de "
            "verandering de oorzaak is: andere gebeurtenissen in dezelfde periode kunnen een "
            "verschuiving verklaren."
        )
    if res.notes:
        text += " " + " ".join(res.notes)
    return text


def its_effect(
    values,
    dates,
    intervention_date,
    seasonal: bool = False,
    *,
    level: float = 0.95,
    maxlags: int | None = None,
    language: str = "nl",
) -> ITSResult:
    """Level and slope change at an intervention by segmented regression (interrupted time series).

    Method: ordinary least squares y = b0 + b1 time + b2 post + b3 time_since (+ seasonal terms)
    with Newey-West (HAC, Bartlett kernel, no small-sample correction) standard errors for
    autocorrelation, via statsmodels (``OLS(...).fit(cov_type="HAC")``); intervals and p-values
    use the normal distribution. ``time`` counts observations from 0 (the series must be
    equally spaced, e.g. monthly); ``post`` is 1 from the first date on or after
    ``intervention_date``; ``time_since`` is 0 at that point and counts up after it, so b2 is the
    immediate level change and b3 the slope change. With ``seasonal=True`` and at least 24
    calendar months covered, two Fourier harmonic pairs of the calendar year are added (as in
    Bernal et al.); with less data the seasonal terms are left out and a note says so.
    ``maxlags`` defaults to the Newey-West (1994) rule floor(4 (n/100)^(2/9)).
    Sources: Bernal JL, Cummins S, Gasparrini A. Interrupted time series regression for the
    evaluation of public health interventions: a tutorial. Int J Epidemiol 2017;46:348-355.
    Wagner AK, Soumerai SB, Zhang F, Ross-Degnan D. Segmented regression analysis of interrupted
    time series studies in medication use research. J Clin Pharm Ther 2002;27:299-309.
    Newey WK, West KD. Automatic lag selection in covariance matrix estimation. Rev Econ Stud
    1994;61:631-653.

    Needs at least 3 points on each side (8 or more per side are advised; a note says so when
    fewer). ``language`` picks the interpretation text: "nl" (default, for the dashboard) or
    "en". The interpretation always says that this is an association, not proof.
    """
    level = check_level(level)
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en'; got {language!r}")
    y = as_array(values, "values")
    idx = _dates(dates, len(y))
    try:
        cut = pd.Timestamp(intervention_date)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"intervention_date must be a date; got {intervention_date!r}") from exc
    if pd.isna(cut):
        raise ValueError("intervention_date must be a date; got a missing value")
    if maxlags is not None and (
        isinstance(maxlags, bool) or not isinstance(maxlags, int) or maxlags < 0
    ):
        raise ValueError(f"maxlags must be a whole number of 0 or more; got {maxlags!r}")

    post = np.asarray(idx >= cut)
    n_post = int(post.sum())
    n_pre = len(y) - n_post
    if n_pre < MIN_POINTS_PER_SEGMENT or n_post < MIN_POINTS_PER_SEGMENT:
        raise ValueError(
            f"need at least {MIN_POINTS_PER_SEGMENT} points before and after intervention_date "
            f"{cut.date()}; got {n_pre} before and {n_post} after"
        )
    notes: list[str] = []
    if min(n_pre, n_post) < RECOMMENDED_POINTS_PER_SEGMENT:
        notes.append(
            "Few points on one side (fewer than 8): treat the estimates with extra caution."
            if language == "en"
            else "Weinig punten aan een kant (minder dan 8): wees extra voorzichtig met de "
            "schattingen."
        )

    n = len(y)
    time = np.arange(n, dtype=float)
    start = int(np.argmax(post))
    design = pd.DataFrame(
        {
            "const": 1.0,
            "time": time,
            "post": post.astype(float),
            "time_since": np.where(post, time - start, 0.0),
        }
    )
    use_seasonal = False
    if seasonal:
        if _months_covered(idx) >= SEASONAL_MIN_MONTHS:
            design = pd.concat([design, _fourier(idx)], axis=1)
            use_seasonal = True
        else:
            notes.append(
                "Seasonality was not modelled: that needs at least 2 years of data."
                if language == "en"
                else "Seizoenseffect niet meegenomen: daarvoor is minimaal 2 jaar data nodig."
            )
    lags = newey_west_lags(n) if maxlags is None else maxlags
    model = sm.OLS(y, design).fit(cov_type="HAC", cov_kwds={"maxlags": lags})
    ci = model.conf_int(alpha=1 - level)
    params = model.params

    baseline_cols = [c for c in design.columns if c not in ("post", "time_since")]
    counterfactual = design[baseline_cols].to_numpy() @ params[baseline_cols].to_numpy()
    fitted = pd.DataFrame(
        {
            "date": idx,
            "value": y,
            "fitted": model.fittedvalues.to_numpy(),
            "counterfactual": counterfactual,
            "post": post,
        }
    )
    result = ITSResult(
        level_change=float(params["post"]),
        level_change_ci=(float(ci.loc["post", 0]), float(ci.loc["post", 1])),
        level_change_p=float(model.pvalues["post"]),
        slope_change=float(params["time_since"]),
        slope_change_ci=(float(ci.loc["time_since", 0]), float(ci.loc["time_since", 1])),
        slope_change_p=float(model.pvalues["time_since"]),
        pre_slope=float(params["time"]),
        n_pre=n_pre,
        n_post=n_post,
        seasonal=use_seasonal,
        maxlags=lags,
        level=level,
        fitted=fitted,
        interpretation="",
        notes=notes,
        model=model,
    )
    result.interpretation = _interpret(result, language)
    return result
