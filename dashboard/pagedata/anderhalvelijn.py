"""Everything the Anderhalvelijn page shows, assembled without Streamlit.

``anderhalvelijn(engine, region, period, condition, lang)`` runs the queries, the statistics
(Wilson intervals, proportion funnel, medians, t-intervals) and the privacy rules (pseudonyms,
small-number suppression) and returns an :class:`AnderhalvelijnData`. Frames whose name ends in
``_chart`` hold exactly what a chart draws (also the CSV behind it); the others are tables in
which suppressed counts read "<10" and the rates built on them are empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import i18n
from dashboard.formatting import MISSING
from dashboard.pagedata.measures import group_sums, mean_ci_from_sums, medians_from_histograms
from dashboard.pagedata.periods import (
    ROLLING,
    Period,
    add_months,
    months_between,
    period_keys,
    resolve_period,
)
from dashboard.privacy import (
    scoped_practices,
    suppress_beyond_own,
    suppress_small_counts,
    suppress_with_complements,
    threshold,
    undisclosable_totals,
)
from dashboard.queries import anderhalvelijn as queries
from dashboard.queries import referrals as referral_queries
from dashboard.scope import AccessDenied, Scope
from dashboard.stats import funnel_classify, funnel_grid, funnel_limits, proportion_ci

SETTINGS = ("ziekenhuis", "anderhalvelijn", "econsult")
ALV_DESTINATIONS = ("anderhalvelijn", "econsult")
FLOW_OUTCOMES = ("resolved", "to_hospital", "open")
# Must match the ETL's window for resolved_6m (etl.aggregates.RESOLVED_WINDOW_DAYS).
FOLLOW_UP_DAYS = 182
TREEKNORM_DAYS = 28


@dataclass
class AnderhalvelijnData:
    region: str | None
    condition: str | None
    period: Period | None
    regions: pd.DataFrame  # the regions in scope, with data date and follow-up cut-off
    period_keys: list[str] = field(default_factory=list)
    headline: dict[str, float | None] = field(default_factory=dict)
    share_chart: pd.DataFrame = field(default_factory=pd.DataFrame)
    share_hidden_points: int = 0
    share_by_region: pd.DataFrame = field(default_factory=pd.DataFrame)
    practices: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_chart: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_lines: pd.DataFrame = field(default_factory=pd.DataFrame)
    funnel_hidden: int = 0
    funnel_skipped: list[str] = field(default_factory=list)  # region names without a funnel
    # Regions where one practice's count is hidden and no other practice's could be hidden
    # with it (privacy.undisclosable_totals: only that practice, or it and the own practice):
    # their region totals and funnel are withheld (names).
    withheld_regions: list[str] = field(default_factory=list)
    # Of those, the own practice's region: its monthly points are left out too (names).
    withheld_points: list[str] = field(default_factory=list)
    # Region code -> count columns whose region total is not shown (monthly and practice tables).
    withheld_totals: dict[str, set[str]] = field(default_factory=dict)
    # Monthly points of the own region left out because they minus the own practice's month
    # give the other practices' small count (privacy.suppress_beyond_own; GP view only).
    share_beyond_own_points: int = 0
    # Regions without a funnel because a total of theirs is hidden (names); includes
    # withheld_regions.
    funnel_withheld: list[str] = field(default_factory=list)
    # Whether a region total in share_by_region reads "–" (hidden to protect another count).
    totals_hidden: bool = False
    # Why the practice-level part is empty for this scope (i18n key), e.g. for insurers.
    practices_denied: str | None = None
    resolved: pd.DataFrame = field(default_factory=pd.DataFrame)
    resolved_pooled: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            columns=["destination", "followed_episodes", "resolved", "to_hospital", "open"]
        )
    )
    flow_chart: pd.DataFrame = field(default_factory=pd.DataFrame)
    flow_hidden: list[str] = field(default_factory=list)  # destination labels not drawn
    # Destinations whose totals over the regions would give a hidden count away (codes).
    resolved_withheld: list[str] = field(default_factory=list)
    open_episodes: int = 0
    waits: pd.DataFrame = field(default_factory=pd.DataFrame)
    waits_chart: pd.DataFrame = field(default_factory=pd.DataFrame)
    waits_pooled: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["setting", "suppressed"])
    )
    satisfaction: pd.DataFrame = field(default_factory=pd.DataFrame)
    satisfaction_chart: pd.DataFrame = field(default_factory=pd.DataFrame)
    costs: pd.DataFrame = field(default_factory=pd.DataFrame)
    costs_chart: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def has_data(self) -> bool:
        return self.period is not None and not self.share_by_region.empty

    @property
    def without_anderhalvelijn(self) -> list[str]:
        """Names of the regions in scope that have no anderhalvelijn care (at all)."""
        if self.regions.empty:
            return []
        return list(self.regions.loc[self.regions["anderhalvelijn_start"].isna(), "name"])

    @property
    def not_started(self) -> pd.DataFrame:
        """Regions in scope whose anderhalvelijn started after the period (name, start)."""
        if self.period is None or self.regions.empty:
            return self.regions.iloc[0:0]
        starts = self.regions["anderhalvelijn_start"]
        later = starts.notna() & (starts.map(lambda d: d is not None and d > _month_end(
            self.period.end)))
        return self.regions.loc[later, ["name", "anderhalvelijn_start"]]

    @property
    def anderhalvelijn_in_scope(self) -> bool:
        """Whether any region in scope had anderhalvelijn care during the period."""
        if self.regions.empty or self.period is None:
            return False
        starts = self.regions["anderhalvelijn_start"].dropna()
        return any(start <= _month_end(self.period.end) for start in starts)


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def follow_up_until(data_date: date | None) -> date | None:
    """The last referral month whose every episode has FOLLOW_UP_DAYS of follow-up by
    ``data_date`` (None when no month qualifies or the date is unknown)."""
    if data_date is None or pd.isna(data_date):
        return None
    month = data_date.replace(day=1)
    while _month_end(month) + timedelta(days=FOLLOW_UP_DAYS) > data_date:
        month = add_months(month, -1)
    return month


def _labels(codes: pd.Series, kind: str, lang: str) -> pd.Series:
    # One lookup per distinct code, not per row (5,000 practices' signals at national scale).
    return codes.map({code: i18n.label(kind, code, lang) for code in codes.unique()})


def _with_proportion(frame: pd.DataFrame, numerator: str, denominator: str,
                     prefix: str = "share") -> pd.DataFrame:
    """Add ``<prefix>``, ``<prefix>_low``, ``<prefix>_high`` (Wilson); NaN where n = 0."""
    # On arrays: masked .loc assignments cost ten times the intervals on these small frames.
    den = frame[denominator].to_numpy()
    positive = den > 0
    share, low, high = (np.full(len(frame), np.nan) for _ in range(3))
    if positive.any():
        num, den = frame[numerator].to_numpy()[positive], den[positive]
        share[positive] = num / den
        low[positive], high[positive] = proportion_ci(num, den)
    frame = frame.copy()
    frame[prefix] = share
    frame[f"{prefix}_low"] = low
    frame[f"{prefix}_high"] = high
    return frame


def _pivot_destinations(frame: pd.DataFrame, index: list[str], value: str) -> pd.DataFrame:
    """Long rows per destination -> one row per ``index`` with a column per destination."""
    if frame.empty:
        wide = pd.DataFrame(columns=[*index, *SETTINGS])
    else:
        # What pivot_table(aggfunc="sum", fill_value=0) does, without its general machinery
        # (half the time): sums per key sorted, destinations as sorted columns, gaps 0.
        wide = (frame.groupby([*index, "destination"])[value].sum()
                .unstack("destination", fill_value=0).reset_index())
        wide.columns.name = None
    for destination in SETTINGS:
        if destination not in wide:
            wide[destination] = 0
    wide[list(SETTINGS)] = wide[list(SETTINGS)].astype(int)
    return wide


def _uptake_columns(wide: pd.DataFrame) -> pd.DataFrame:
    wide = wide.assign(
        referrals=wide[list(SETTINGS)].sum(axis=1),
        hospital=wide["ziekenhuis"],
        alv=wide["anderhalvelijn"] + wide["econsult"],
    )
    return _with_proportion(wide, "alv", "referrals")


SHARE_DEPENDENT = ["share", "share_low", "share_high"]


def _suppressed(frame: pd.DataFrame, counts: list[str], dependent: list[str],
                totals_by: str | None = None, linked: bool = False,
                one_total: bool = False) -> pd.DataFrame:
    """Small counts hidden; with ``linked`` (the counts of a row add up) and ``totals_by`` /
    ``one_total`` (column totals per group / over all rows are on the page) also the counts
    that would give them away (``privacy.suppress_with_complements``)."""
    if frame.empty:
        return frame.assign(suppressed=pd.Series(dtype=bool))
    if not (linked or totals_by or one_total):
        return suppress_small_counts(frame, counts, dependent)
    groups = frame[totals_by] if totals_by else (
        pd.Series(0, index=frame.index) if one_total else None)
    return suppress_with_complements(frame, counts, dependent, groups=groups,
                                     row_linked=linked)


def _own_region(scope: Scope, names: dict) -> str | None:
    """The region of a GP's own practice when it is on the page (None otherwise)."""
    if scope.practice is None:
        return None
    regions = [code for code in scope.regions if code in names]
    return regions[0] if regions else None


def _own_months(engine, own_region, practice, monthly: pd.DataFrame, start, end,
                condition) -> pd.DataFrame:
    """The own practice's referrals, alv and hospital in each row of ``monthly`` (region x
    month), 0 in other regions' rows: what the GP knows of each monthly point."""
    columns = ["referrals", "alv", "hospital"]
    months = referral_queries.practice_months(engine, own_region, practice, start, end,
                                              condition)
    own = _uptake_columns(_pivot_destinations(
        months.assign(month=pd.to_datetime(months["month"])), ["month"], "referrals"))
    own = own.assign(region=own_region, month=pd.to_datetime(own["month"]))
    part = monthly[["region", "month"]].merge(own[["region", "month", *columns]],
                                              on=["region", "month"], how="left")
    return part[columns].fillna(0).astype("int64").set_axis(monthly.index)


def _derivable_totals(per_region: pd.DataFrame, month_regions: pd.Series,
                      hidden_points: np.ndarray, practices: pd.DataFrame, names: dict,
                      columns: list[str]) -> dict[str, pd.Series]:
    """Per count column, the regions whose total the viewer can add up from the page: all of
    the region's monthly points are drawn, or its practice rows are listed and none of them
    hides that count. Hiding such a total as a companion protects nothing."""
    with_hidden_month = set(month_regions[hidden_points])
    by_months = ~per_region["region"].isin(with_hidden_month)
    result = {}
    listed = (set(practices["region_name"]) if not practices.empty else set())
    for column in columns:
        derivable = by_months.copy()
        if listed:
            # A hidden count reads "<10" or "–"; shown counts are numbers (never missing).
            marked = pd.to_numeric(practices[column], errors="coerce").isna().to_numpy()
            hiding = set(practices.loc[marked, "region_name"])
            region_names = per_region["region"].map(names)
            derivable |= region_names.isin(listed - hiding)
        result[column] = derivable
    return result


def _withhold_funnels(data, codes: pd.Series, names: dict) -> None:
    """No funnel (points, lines, signals) for the regions ``codes``: their target line is the
    region's share, which with the region's shown totals gives a hidden one."""
    # Only regions whose practices are on the page have a funnel.
    listed = set(data.practices["region_name"]) if not data.practices.empty else set()
    withheld = {names[code] for code in codes} & listed
    if not withheld:
        return
    data.funnel_withheld = sorted(set(data.funnel_withheld) | withheld)
    if not data.funnel_chart.empty:
        data.funnel_chart = data.funnel_chart[
            ~data.funnel_chart["region_name"].isin(withheld)].reset_index(drop=True)
    if not data.funnel_lines.empty:
        data.funnel_lines = data.funnel_lines[
            ~data.funnel_lines["region_name"].isin(withheld)].reset_index(drop=True)
    if not data.practices.empty:
        in_withheld = data.practices["region_name"].isin(withheld).to_numpy()
        data.practices.loc[in_withheld, "signal_label"] = None


def _empty(region, condition, period, regions, keys) -> AnderhalvelijnData:
    return AnderhalvelijnData(region, condition, period, regions, period_keys=keys)


def anderhalvelijn(
    engine: Engine,
    region: str | None = None,
    period: str = ROLLING,
    condition: str | None = None,
    lang: str = i18n.DEFAULT_LANGUAGE,
    *,
    scope: Scope | None = None,
) -> AnderhalvelijnData:
    """All figures of the Anderhalvelijn page for one region (None: all) and period key.

    Without ``scope`` (tests, benchmarks): every region, every practice under its pseudonym.
    The page calls :func:`anderhalvelijn_for`, which passes the user's scope: only the regions
    it may see, practice rows only of its own regions, none at all for insurers.

    ``period`` is a key from :func:`dashboard.pagedata.periods.period_keys` ("rolling12",
    a year such as "2025", or "all"); ``condition`` one of ``dashboard.codes.CONDITIONS``
    or None for all. Waiting times, satisfaction and cost are not recorded per condition and
    always cover all conditions.
    """
    scope = scope or Scope("beheerder", all_regions=True)
    regions = queries.regions(engine).merge(queries.data_dates(engine), on="region", how="left")
    scope.check_region(region)
    regions = regions[regions["region"].isin(scope.visible_regions(regions["region"]))]
    if region is not None and region not in set(regions["region"]):
        known = ", ".join(regions["region"]) or "(none loaded)"
        raise ValueError(f"unknown region {region!r}; loaded regions: {known}")
    scope_regions = regions if region is None else regions[regions["region"] == region]
    scope_regions = scope_regions.reset_index(drop=True)
    scope_regions["anderhalvelijn_start"] = scope_regions["anderhalvelijn_start"].astype(object)
    scope_regions["follow_up_until"] = scope_regions["data_date"].map(follow_up_until).astype(
        object)
    with_data = scope_regions.dropna(subset=["last_month"])
    if with_data.empty:
        return _empty(region, condition, None, scope_regions, [])
    first, last = min(with_data["first_month"]), max(with_data["last_month"])
    keys = period_keys(first, last)
    try:
        resolved_period = resolve_period(period, first, last)
    except ValueError:
        # A year that exists for other regions but not for this one: nothing to show.
        return _empty(region, condition, None, scope_regions, keys)
    start, end = resolved_period.start, resolved_period.end
    names = dict(zip(scope_regions["region"], scope_regions["name"], strict=True))

    data = _empty(region, condition, resolved_period, scope_regions, keys)
    allowed = set(scope_regions["region"])

    def within(frame: pd.DataFrame) -> pd.DataFrame:
        # "All regions" means all regions this user may see.
        return frame[frame["region"].isin(allowed)].reset_index(drop=True)

    # ---- uptake per month and per region ------------------------------------------------
    monthly = _uptake_columns(
        _pivot_destinations(
            within(queries.referrals_by_month(engine, start, end, region, condition)),
            ["region", "month"], "referrals",
        )
    )
    monthly["region_name"] = monthly["region"].map(names)
    monthly["month"] = pd.to_datetime(monthly["month"])
    uptake = ["referrals", "alv", "hospital"]
    # A GP sees the own practice's figures; the own region's months minus them are the other
    # practices' months (privacy.suppress_beyond_own). Only read for a GP's own region.
    own_region = _own_region(scope, names)
    own_months = (_own_months(engine, own_region, scope.practice, monthly, start, end,
                              condition) if own_region is not None and len(monthly) else None)
    plain = _suppressed(monthly, uptake, SHARE_DEPENDENT, totals_by="region", linked=True)
    shown = plain if own_months is None else suppress_beyond_own(
        monthly, uptake, SHARE_DEPENDENT, own_part=own_months, groups=monthly["region"],
        row_linked=True)
    beyond_own = shown["suppressed"].to_numpy() & ~plain["suppressed"].to_numpy()

    # ---- per practice and the funnel ------------------------------------------------------
    # Before the region totals: the practice table says which of them the page must withhold.
    practice_withheld: dict[str, set[str]] = {}
    try:
        practice_withheld = _practices_and_funnel(
            data, engine, start, end, region, condition, names, lang, scope)
    except AccessDenied as error:
        data.practices_denied = error.reason

    # The own practice's region among those: each monthly point minus the own practice's month
    # is the other practice's month, and the points add up to the region's total, so none is
    # drawn. (Without an own practice such a region is that one practice, whose months are
    # suppressed as its own numbers would be.)
    differenced = np.zeros(len(monthly), dtype=bool)
    if own_region in practice_withheld:
        differenced = (monthly["region"] == own_region).to_numpy()
        data.withheld_points = [names[own_region]]
    hidden_points = shown["suppressed"].to_numpy() | differenced
    data.share_chart = monthly.loc[
        ~hidden_points,
        ["region_name", "month", "referrals", "alv", "share", "share_low", "share_high"],
    ].reset_index(drop=True)
    data.share_hidden_points = int(
        (shown["suppressed"].to_numpy() & ~differenced & ~beyond_own).sum())
    data.share_beyond_own_points = int((beyond_own & ~differenced).sum())

    per_region = monthly.groupby("region", as_index=False)[
        [*SETTINGS, "referrals", "alv", "hospital"]
    ].sum()
    per_region = _with_proportion(per_region, "alv", "referrals")
    per_region["region_name"] = per_region["region"].map(names)
    # The rows of per_region are the region totals of the monthly and the practice tables:
    # where either says a total would give a hidden count away, it is hidden here from the
    # start. (For the monthly table that is a region with a single month, whose row here is
    # that month's; the practice table's are a region of the own practice and one other with a
    # hidden count.) So are the own region's totals whose others' part is small. With more than
    # one region the headline is their sum, so a hidden total takes another region's with it;
    # a region whose totals follow from its visible monthly points (or practice rows) is no
    # companion, as hiding it protects nothing. Where none is left the headline is withheld
    # (_headline reads undisclosable_totals).
    withheld = undisclosable_totals(shown)
    for code, columns in practice_withheld.items():
        withheld.setdefault(code, set()).update(columns)
    data.withheld_totals = withheld
    region_codes = per_region["region"].astype(str)
    start_hidden = {c: region_codes.map(lambda code, c=c: c in withheld.get(code, ()))
                    .astype(bool) for c in uptake}
    own_totals = None
    if own_months is not None:
        own_totals = (own_months.groupby(monthly["region"].to_numpy())[uptake].sum()
                      .reindex(per_region["region"]).fillna(0).set_axis(per_region.index))
    data.share_by_region = suppress_beyond_own(
        per_region, uptake, SHARE_DEPENDENT, own_part=own_totals,
        groups=pd.Series(0, index=per_region.index), row_linked=True,
        hidden=start_hidden,
        known=_derivable_totals(per_region, monthly["region"], hidden_points, data.practices,
                                names, uptake),
    ) if len(per_region) else per_region.assign(suppressed=pd.Series(dtype=bool))
    # Totals hidden only to protect another count ("–"; "<10" explains itself).
    data.totals_hidden = bool(
        (data.share_by_region[uptake].to_numpy(dtype=object) == MISSING).any())
    # A region's funnel is drawn around its share (the target line): with any of its totals
    # hidden, the share and the shown totals would give the hidden one.
    _withhold_funnels(data, per_region["region"][data.share_by_region["suppressed"].to_numpy()],
                      names)

    # ---- resolved within 6 months and the flow -------------------------------------------
    episodes = within(queries.episodes_by_month(engine, start, end, region, condition))
    _resolved_and_flow(data, episodes, scope_regions, names, lang)

    # ---- waiting time, satisfaction, cost per setting ------------------------------------
    _waits(data, within(queries.wait_histogram(engine, start, end, region)), names, lang)
    _satisfaction(data, within(queries.satisfaction_sums(engine, start, end, region)), names,
                  lang)
    all_conditions = (
        episodes if condition is None
        else within(queries.episodes_by_month(engine, start, end, region, None))
    )
    _costs(data, within(queries.care_costs(engine, start, end, region)), all_conditions, start,
           end, names, lang)

    data.headline = _headline(data, monthly)
    return data


def _region_names(codes, names: dict) -> list[str]:
    return [names[code] for code in sorted(codes, key=lambda code: names[code])]


def _practices_and_funnel(data, engine, start, end, region, condition, names, lang,
                          scope: Scope) -> dict[str, set[str]]:
    """Fill the practice table and funnel; returns the practice table's undisclosable totals
    (region code -> count columns whose region total the page must not show)."""
    scope.check_practices(region)
    practices = queries.practices(engine, region)
    # Only the regions whose practices this scope may see, and only those shown on the page.
    practices = practices[practices["region"].isin(
        set(scope.practice_regions(practices["region"].unique())) & set(names))]
    counts = queries.referrals_by_practice(engine, start, end, region, condition, wide=True)
    table = practices.merge(counts.drop(columns="region"), on="practice", how="left")
    table[list(SETTINGS)] = table[list(SETTINGS)].fillna(0).astype(int)
    table = _uptake_columns(table)
    table["region_name"] = table["region"].map(names)
    table["signal"] = None
    table["signal_label"] = None
    # Filled per region below and set once: a .loc assignment per region cost more.
    signal = np.full(len(table), None, dtype=object)

    limit = threshold()
    shown_counts = ["referrals", "alv", "hospital"]
    lines, points = [], []
    for code, rows in table[table["referrals"] > 0].groupby("region", sort=False):
        region_name = names[code]
        target = rows["alv"].sum() / rows["referrals"].sum()
        if not 0 < target < 1:
            data.funnel_skipped.append(region_name)
            continue
        classified = funnel_classify(
            rows["alv"], rows["referrals"], statistic="proportion", target=target
        )
        signal[table.index.get_indexer(rows.index)] = classified["signal"].to_numpy()
        grid = funnel_grid(float(rows["referrals"].max()) * 1.05, statistic="proportion")
        limits = funnel_limits(grid, statistic="proportion", target=target)
        limits.insert(0, "region_name", region_name)
        lines.append(limits)
    table["signal"] = pd.Series(signal, index=table.index, dtype=object)
    table["signal_label"] = _labels(table["signal"].fillna("none"), "signal", lang).where(
        table["signal"].notna(), None
    )

    # The one gate (privacy.scoped_practices): pseudonyms, the own practice by name for a
    # huisarts, small counts as "<10" with their shares and signals hidden. The region's totals
    # are on this page and referrals = hospital + anderhalvelijn in every row, so a hidden count
    # gets companions ("–") that keep it from being worked out by subtraction.
    shown = scoped_practices(
        table, scope, shown_counts, [*SHARE_DEPENDENT, "signal", "signal_label"], limit=limit,
        totals_by="region", row_linked=True,
    )
    table = table.assign(display_name=shown["display_name"].to_numpy())
    withheld = undisclosable_totals(shown)
    visible = ~shown["suppressed"] & table["signal"].notna()
    if withheld:
        # The funnel's target is the region's share, which with the region's referrals (or that
        # practice's own, shown) gives the hidden count; the signals are measured against it.
        # No funnel for such a region.
        in_withheld = table["region"].isin(set(withheld)).to_numpy()
        visible &= ~in_withheld
        shown.loc[in_withheld, ["signal", "signal_label"]] = None
        data.withheld_regions = _region_names(withheld, names)
        data.funnel_withheld = list(data.withheld_regions)
        lines = [frame for frame in lines
                 if frame["region_name"].iloc[0] not in set(data.withheld_regions)]
    points = table.loc[
        visible, ["region_name", "display_name", "referrals", "alv", "share", "share_low",
                  "share_high", "signal", "signal_label"],
    ]
    data.funnel_chart = points.reset_index(drop=True)
    data.funnel_lines = (
        pd.concat(lines, ignore_index=True) if lines else pd.DataFrame(
            columns=["region_name", "precision", "target", "lower_95", "upper_95",
                     "lower_998", "upper_998"])
    )
    # Every practice with a hidden count, also one without referrals taken as a companion:
    # leaving those out of the count would tell which hidden row is the zero.
    data.funnel_hidden = int(shown["suppressed"].sum())
    data.practices = shown[
        ["region_name", "display_name", "referrals", "hospital", "alv", "share", "share_low",
         "share_high", "signal_label", "suppressed"]
    ].reset_index(drop=True)
    return withheld


def _resolved_and_flow(data, episodes, scope, names, lang) -> None:
    cut_offs = dict(zip(scope["region"], scope["follow_up_until"], strict=True))
    frame = episodes[episodes["destination"].isin(ALV_DESTINATIONS)].copy()
    frame["followed"] = [
        cut_offs.get(code) is not None and month <= cut_offs[code]
        for code, month in zip(frame["region"], frame["month"], strict=True)
    ]
    frame["followed_episodes"] = frame["episodes"].where(frame["followed"], 0)
    frame["resolved"] = frame["resolved_6m"].where(frame["followed"], 0)
    frame["open"] = frame["episodes"].where(~frame["followed"], 0)
    per_region = frame.groupby(["region", "destination"], as_index=False)[
        ["episodes", "followed_episodes", "resolved", "open"]
    ].sum()
    per_region["to_hospital"] = per_region["followed_episodes"] - per_region["resolved"]
    per_region = _with_proportion(per_region, "resolved", "followed_episodes")
    per_region["region_name"] = per_region["region"].map(names)
    per_region["destination_label"] = _labels(per_region["destination"], "destination", lang)
    per_region["follow_up_until"] = per_region["region"].map(cut_offs)
    order = {code: i for i, code in enumerate(ALV_DESTINATIONS)}
    per_region = per_region.sort_values(
        ["region_name", "destination"], key=lambda s: s.map(order) if s.name == "destination"
        else s
    ).reset_index(drop=True)
    # followed = resolved + to hospital; the pooled flow per destination shows the totals.
    data.resolved = _suppressed(
        per_region, ["followed_episodes", "resolved", "to_hospital"], SHARE_DEPENDENT,
        totals_by="destination", linked=True,
    )
    # The flow and the headline show each destination's totals over the regions. A destination
    # listed here (one region only, one of its counts hidden) must not show them; its pooled
    # counts equal that region's, so the small-count checks below catch it as well.
    withheld = set(undisclosable_totals(data.resolved))
    data.open_episodes = int(frame["open"].sum())

    pooled = per_region.groupby("destination", as_index=False)[
        ["followed_episodes", "resolved", "to_hospital", "open"]
    ].sum()
    data.resolved_pooled = pooled.copy()
    pooled["total"] = pooled[list(FLOW_OUTCOMES)].sum(axis=1)
    pooled = pooled[pooled["total"] > 0]
    flagged = _suppressed(pooled, list(FLOW_OUTCOMES), [])
    hidden_flows = flagged["suppressed"].to_numpy() | pooled["destination"].isin(
        withheld).to_numpy()
    data.resolved_withheld = sorted(withheld)
    rows = []
    for (_, counts), hidden in zip(pooled.iterrows(), hidden_flows, strict=True):
        label = i18n.label("destination", counts["destination"], lang)
        if hidden:
            data.flow_hidden.append(label)
            continue
        for outcome in FLOW_OUTCOMES:
            rows.append(
                {
                    "destination": counts["destination"],
                    "destination_label": label,
                    "outcome": outcome,
                    "outcome_label": i18n.label("flow", outcome, lang),
                    "order": FLOW_OUTCOMES.index(outcome),
                    "episodes": int(counts[outcome]),
                    "share": counts[outcome] / counts["total"],
                }
            )
    data.flow_chart = pd.DataFrame(
        rows, columns=["destination", "destination_label", "outcome", "outcome_label", "order",
                       "episodes", "share"]
    )


def _setting_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows by region name, then setting in SETTINGS order; missing names or other settings
    last, ties in their order (as a stable sort_values)."""
    names = pd.factorize(frame["region_name"], sort=True)[0]
    rank = frame["setting"].map({code: i for i, code in enumerate(SETTINGS)}).to_numpy(
        dtype=float, na_value=np.inf)
    order = np.lexsort((rank, np.where(names < 0, len(frame), names)))
    return frame.take(order).reset_index(drop=True)


def _wait_summary(histogram: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    # All groups at once, numbered in order of appearance as groupby(sort=False) iterates them
    # (rows with a missing key, -1, left out as there); a loop over the groups cost a dozen
    # pandas calls per region and setting.
    group = histogram.groupby(by, sort=False).ngroup().to_numpy()
    histogram, group = histogram[group >= 0], group[group >= 0]
    if not len(group):
        frame = pd.DataFrame([], columns=[*by, "episodes", "within_4_weeks", "median_days"])
        return _with_proportion(frame, "within_4_weeks", "episodes")
    n_groups = int(group.max()) + 1
    days = histogram["wait_days"].to_numpy()
    counts = histogram["episodes"].to_numpy()
    frame = histogram[by].iloc[np.unique(group, return_index=True)[1]].reset_index(drop=True)
    frame["episodes"] = group_sums(group, counts, n_groups)
    frame["within_4_weeks"] = group_sums(group, np.where(days <= TREEKNORM_DAYS, counts, 0),
                                         n_groups)
    frame["median_days"] = medians_from_histograms(group, days, counts, n_groups)
    return _with_proportion(frame, "within_4_weeks", "episodes")


def _waits(data, histogram, names, lang) -> None:
    frame = _wait_summary(histogram, ["region", "setting"])
    frame["region_name"] = frame["region"].map(names)
    frame["setting_label"] = _labels(frame["setting"], "destination", lang)
    frame = _setting_order(frame)
    dependent = ["median_days", *SHARE_DEPENDENT]
    # The headline pools the regions' anderhalvelijn waits (episodes, and within 4 weeks as
    # its share): one region's hidden count would be the pooled one minus the others', so a
    # second region's is hidden with it. The other settings have no total on the page.
    data.waits = suppress_with_complements(
        frame, ["episodes", "within_4_weeks"], dependent,
        groups=frame["setting"].where(frame["setting"] == "anderhalvelijn"),
    ) if len(frame) else frame.assign(suppressed=pd.Series(dtype=bool))
    data.waits_chart = frame.loc[
        ~data.waits["suppressed"].to_numpy(),
        ["region_name", "setting", "setting_label", "episodes", "median_days", "within_4_weeks",
         "share", "share_low", "share_high"],
    ].reset_index(drop=True)
    pooled = _wait_summary(histogram, ["setting"])
    flagged = _suppressed(pooled, ["episodes", "within_4_weeks"], [])
    data.waits_pooled = pooled.assign(suppressed=flagged["suppressed"].astype(bool))


def _satisfaction(data, sums, names, lang) -> None:
    frame = sums.copy()
    mean, low, high = mean_ci_from_sums(
        frame["responses"].to_numpy(), frame["score_sum"].to_numpy(),
        frame["score_sq_sum"].to_numpy(),
    ) if not frame.empty else ([], [], [])
    frame["mean"], frame["mean_low"], frame["mean_high"] = mean, low, high
    frame["responses"] = frame["responses"].astype(int)
    frame["region_name"] = frame["region"].map(names)
    frame["setting_label"] = _labels(frame["setting"], "destination", lang)
    frame = _setting_order(frame)
    data.satisfaction = _suppressed(frame, ["responses"], ["mean", "mean_low", "mean_high"])
    data.satisfaction_chart = frame.loc[
        ~data.satisfaction["suppressed"].to_numpy(),
        ["region_name", "setting", "setting_label", "responses", "mean", "mean_low",
         "mean_high"],
    ].reset_index(drop=True)


def _costs(data, costs, episodes, start, end, names, lang) -> None:
    """Care cost per referred patient: cost of the period / episodes referred in the period.

    Monthly amounts count when their month lies in the period; a whole-year amount (month 0)
    counts for the share of its year's months that lie in the period.
    """
    costs = costs.copy()
    month_dates = [
        date(int(y), int(m), 1) if m else None
        for y, m in zip(costs["year"], costs["month"], strict=True)
    ]
    in_period = [
        d is not None and start <= d <= end for d in month_dates
    ]
    year_share = [
        months_between(max(start, date(int(y), 1, 1)), min(end, date(int(y), 12, 1))) / 12
        for y in costs["year"]
    ]
    costs["counted"] = np.where(
        costs["month"] == 0, costs["amount"] * np.asarray(year_share, dtype=float),
        np.where(in_period, costs["amount"], 0.0),
    ) if not costs.empty else []
    amount = costs.groupby(["region", "setting"], as_index=False)["counted"].sum().rename(
        columns={"counted": "amount"}
    )
    patients = (
        episodes.rename(columns={"destination": "setting"})
        .groupby(["region", "setting"], as_index=False)["episodes"].sum()
    )
    frame = amount.merge(patients, on=["region", "setting"], how="outer")
    frame["amount"] = frame["amount"].fillna(0.0)
    frame["episodes"] = frame["episodes"].fillna(0).astype(int)
    frame = frame[(frame["amount"] > 0) | (frame["episodes"] > 0)]
    frame["per_patient"] = np.where(
        (frame["episodes"] > 0) & (frame["amount"] > 0),
        frame["amount"] / frame["episodes"].where(frame["episodes"] > 0, 1), np.nan,
    )
    frame["region_name"] = frame["region"].map(names)
    frame["setting_label"] = _labels(frame["setting"], "destination", lang)
    frame = _setting_order(frame)
    data.costs = _suppressed(frame, ["episodes"], ["per_patient"])
    data.costs_chart = frame.loc[
        ~data.costs["suppressed"].to_numpy() & frame["per_patient"].notna().to_numpy(),
        ["region_name", "setting", "setting_label", "amount", "episodes", "per_patient"],
    ].reset_index(drop=True)


def _pooled_proportion(numerator: int, denominator: int, counts: list[int]):
    """Share with Wilson interval, or Nones when there is nothing or a count is small."""
    limit = threshold()
    if denominator <= 0 or any(1 <= c < limit for c in counts):
        return None, None, None
    low, high = proportion_ci(numerator, denominator)
    return numerator / denominator, low, high


def _headline(data, monthly) -> dict[str, float | None]:
    referrals = int(monthly["referrals"].sum())
    alv = int(monthly["alv"].sum())
    share, share_low, share_high = _pooled_proportion(
        alv, referrals, [referrals, alv, referrals - alv]
    )
    # The headline is the total of share_by_region. It is withheld where that table says its
    # total would give a hidden count away: a region's hidden total (small, withheld, or the
    # own region's minus the own practice's small) with no other region's total to hide with
    # it that the viewer cannot add up from its monthly points or practice rows; the headline
    # minus the other regions' totals would be that region's. The share goes with its counts:
    # referrals = alv + hospital, so any one of the three follows from the other two.
    withheld = set().union(*undisclosable_totals(data.share_by_region).values())
    if withheld:
        share = share_low = share_high = None
    pooled = data.resolved_pooled
    row = pooled[pooled["destination"] == "anderhalvelijn"]
    followed = int(row["followed_episodes"].sum())
    resolved = int(row["resolved"].sum())
    res_share, res_low, res_high = _pooled_proportion(
        resolved, followed, [followed, resolved, followed - resolved]
    )
    if "anderhalvelijn" in data.resolved_withheld:
        res_share = res_low = res_high = None
    waits = data.waits_pooled
    row = waits[(waits["setting"] == "anderhalvelijn") & ~waits["suppressed"]]
    median = within = within_low = within_high = None
    wait_n = 0
    if not row.empty:
        median = float(row["median_days"].iloc[0])
        within = float(row["share"].iloc[0])
        within_low = float(row["share_low"].iloc[0])
        within_high = float(row["share_high"].iloc[0])
        wait_n = int(row["episodes"].iloc[0])
    return {
        # The share's counts are withheld with it; None: not shown ("–").
        "withheld": bool(withheld),
        "referrals": None if "referrals" in withheld else referrals,
        "alv": alv,
        "share": share,
        "share_low": share_low,
        "share_high": share_high,
        "followed": followed,
        "resolved": resolved,
        "resolved_share": res_share,
        "resolved_low": res_low,
        "resolved_high": res_high,
        "wait_median": median,
        "wait_within": within,
        "wait_within_low": within_low,
        "wait_within_high": within_high,
        "wait_episodes": wait_n,
    }


# ---- within the user's scope (what the page calls) --------------------------------------------


def anderhalvelijn_for(
    engine: Engine,
    scope: Scope,
    region: str | None = None,
    period: str = ROLLING,
    condition: str | None = None,
    lang: str = i18n.DEFAULT_LANGUAGE,
) -> AnderhalvelijnData:
    """:func:`anderhalvelijn` as ``scope`` may see it (``practices_denied`` says why the
    practice-level part is empty, e.g. for insurers or another region's practices)."""
    return anderhalvelijn(engine, region, period, condition, lang, scope=scope)


def regions_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    """The regions whose aggregates ``scope`` may see, with their data dates."""
    regions = queries.regions(engine)
    regions = regions[regions["region"].isin(scope.visible_regions(regions["region"]))]
    return regions.reset_index(drop=True)


def data_dates_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    dates = queries.data_dates(engine)
    return dates[dates["region"].isin(scope.visible_regions(dates["region"]))].reset_index(
        drop=True)
