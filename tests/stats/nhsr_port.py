"""An independent port of NHSRplotthedots' point classification, for comparing with xmr().

A line-by-line translation of NHSRplotthedots 0.2.2 (nhs-r-community/NHSRplotthedots, commit
050b07d7eacc011767532732f69b8fd7d6a28fd3, MIT licence): ``ptd_spc_standard`` (limits, from
R/ptd_spc_standard.R) and ``ptd_special_cause_type`` / ``ptd_point_type`` with their helpers
(R/ptd_calculate_point_type.R). It keeps the R code's shape (padding, 1-based windows written
as 0-based slices) and shares nothing with dashboard.stats, so a test that compares the two
compares two implementations.
"""

from __future__ import annotations

import numpy as np


def spc_standard(y, fix_after_n_points=None, screen_outliers=True):
    """mean_col, lpl, upl, relative_to_mean, close_to_limits, outside_limits (one group)."""
    y = np.asarray(y, dtype=float)
    fix_y = y if fix_after_n_points is None else y[:fix_after_n_points]
    mean_col = fix_y.mean()
    mr = np.abs(np.diff(fix_y))
    amr = np.nanmean(mr)
    if screen_outliers:
        mr = np.where(mr < 3.267 * amr, mr, np.nan)
        amr = np.nanmean(mr)
    limit = 2.66
    limitclose = 2 * (limit / 3)
    lpl, upl = mean_col - limit * amr, mean_col + limit * amr
    nlpl, nupl = mean_col - limitclose * amr, mean_col + limitclose * amr
    outside = (y > upl) | (y < lpl)
    relative_to_mean = np.sign(y - mean_col)
    close = ~outside & ((y < nlpl) | (y > nupl))
    return mean_col, lpl, upl, relative_to_mean, close, outside


def seven_point_one_side_mean(v):
    vp = np.r_[np.zeros(6), v]
    return np.array(
        [float(all(vp[i] == vp[i - k] for k in range(1, 7)) and vp[i] != 0)
         for i in range(6, len(vp))]
    )


def part_of_seven_trend(v):
    vp = np.r_[v, np.zeros(6)]
    return np.array([float(np.any(np.abs(vp[i : i + 7]) == 1)) for i in range(len(v))])


def seven_point_trend(y):
    y = np.asarray(y, dtype=float)
    if len(y) < 7:
        return np.zeros(len(y))
    out = [0.0] * 6
    for i in range(6, len(y)):
        d = np.sign(np.diff(y[i - 6 : i + 1][::-1])) * -1  # y[i - 0:6] in R, then diff
        out.append(1.0 if np.all(d == 1) else -1.0 if np.all(d == -1) else 0.0)
    return np.array(out)


def two_in_three(v, rtm):
    v = np.asarray(v, dtype=float)
    if len(v) == 0:
        return np.array([])
    vp = np.r_[0, 0, v, 0, 0]
    rtmp = np.r_[0, 0, rtm, 0, 0]
    out = []
    for i in range(len(v)):
        fired = any(
            vp[i + k : i + k + 3].sum() >= 2 and abs(rtmp[i + k : i + k + 3].sum()) == 3
            for k in range(3)
        )
        out.append(float(fired))
    return np.array(out)


def part_of_two_in_three(v, x):
    return ((np.asarray(v) == 1) & (np.abs(np.asarray(x, dtype=float)) == 1)).astype(float)


def special_cause_type(y, relative_to_mean, close_to_limits, outside_limits):
    y = np.asarray(y, dtype=float)
    close = np.asarray(close_to_limits, dtype=float)
    trend = part_of_seven_trend(seven_point_trend(y))
    two = part_of_two_in_three(two_in_three(close, relative_to_mean), close)
    one_side = part_of_seven_trend(seven_point_one_side_mean(relative_to_mean))
    sdy = np.sign(np.diff(y))
    next_in_trend = np.r_[trend[1:], 0]
    sdy = np.where((next_in_trend != 0) & (trend != 0), np.r_[sdy, sdy[-1:]], np.r_[0, sdy])
    out = []
    for i in range(len(y)):
        side = "Above" if relative_to_mean[i] > 0 else "Below"
        if outside_limits[i]:
            out.append("Above UCL" if relative_to_mean[i] == 1 else "Below LCL")
        elif trend[i] != 0:
            out.append(f"7 Point Trend ({'In' if sdy[i] == 1 else 'De'}creasing)")
        elif two[i] != 0:
            out.append(f"2 in 3 {side} CL")
        elif one_side[i] != 0:
            out.append(f"7 Points {side} CL")
        else:
            out.append("Common Cause")
    return out


def point_direction(special_cause_type_values):
    """ptd_point_type's v before orientation: +1 (Above/Increasing), -1, 0."""
    return np.array([
        1 if ("Above" in t or "Increasing" in t) else -1 if ("Below" in t or "Decreasing" in t)
        else 0
        for t in special_cause_type_values
    ])


def classify(y, fix_after_n_points=None, screen_outliers=True):
    """Direction per point as NHSRplotthedots gives it for one series without rebase."""
    _, _, _, rtm, close, outside = spc_standard(y, fix_after_n_points, screen_outliers)
    return point_direction(special_cause_type(y, rtm, close, outside))
