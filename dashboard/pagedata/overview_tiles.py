"""The Quadruple Aim tiles of the Overzicht page, assembled without Streamlit.

Per region and indicator: the value of the latest complete calendar year, its change against
the year before, whether that change is an improvement (by the catalogue's direction), and
the yearly series for a sparkline. A year counts when its source covers all 12 months (the
survey is yearly by nature); rates built on counts from 1 to 9 are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import indicators
from dashboard.pagedata.measures import mean_ci_from_sums, median_from_histogram
from dashboard.privacy import is_small
from dashboard.queries import anderhalvelijn as region_queries
from dashboard.queries import quadruple_aim as queries
from dashboard.scope import Scope
from dashboard.stats import rate_ci

# (aim, indicator code) in the order the tiles are shown.
TILES: tuple[tuple[str, str], ...] = (
    ("health", "OPNAME_HF"),
    ("quality", "TEVREDENHEID"),
    ("quality", "WACHTTIJD"),
    ("cost", "KOSTEN_INW"),
    ("professionals", "WERKPLEZIER"),
)

SERIES_COLUMNS = ["region", "indicator", "year", "value", "low", "high", "n"]
TILE_COLUMNS = [
    "region", "region_name", "aim", "indicator", "direction", "year", "value", "low", "high",
    "n", "previous_year", "previous_value", "change", "assessment",
]


@dataclass
class OverviewTiles:
    regions: pd.DataFrame  # region, name, data_date
    tiles: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TILE_COLUMNS))
    series: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SERIES_COLUMNS))

    @property
    def has_data(self) -> bool:
        return bool(self.tiles["value"].notna().any()) if not self.tiles.empty else False


def _series(frame: pd.DataFrame, code: str, value, low=None, high=None, n=None) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "region": frame["region"].to_numpy(),
            "indicator": code,
            "year": frame["year"].to_numpy(dtype=int),
            "value": np.asarray(value, dtype=float),
            "low": np.asarray(low, dtype=float) if low is not None else np.nan,
            "high": np.asarray(high, dtype=float) if high is not None else np.nan,
            "n": np.asarray(n, dtype=float) if n is not None else np.nan,
        }
    )
    return out


def _complete(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["months"] >= 12].reset_index(drop=True)


def _hf_series(engine: Engine, population: pd.DataFrame) -> pd.DataFrame:
    frame = _complete(queries.hf_admissions(engine)).merge(
        population, on=["region", "year"], how="inner"
    )
    frame = frame[frame["inhabitants_18plus"] > 0].reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    admissions = frame["admissions"].to_numpy(dtype=int)
    exposure = frame["inhabitants_18plus"].to_numpy(dtype=float)
    low, high = rate_ci(admissions, exposure)
    return _series(frame, "OPNAME_HF", admissions / exposure * 1000, np.asarray(low) * 1000,
                   np.asarray(high) * 1000, admissions)


def _mean_series(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    frame = frame[frame["responses"] > 0].reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    mean, low, high = mean_ci_from_sums(
        frame["responses"].to_numpy(), frame["score_sum"].to_numpy(),
        frame["score_sq_sum"].to_numpy(),
    )
    return _series(frame, code, mean, low, high, frame["responses"])


def _wait_series(engine: Engine) -> pd.DataFrame:
    histogram = _complete(queries.wait_histogram(engine))
    rows = [
        {
            "region": region,
            "year": year,
            "value": median_from_histogram(group["wait_days"], group["episodes"]),
            "n": int(group["episodes"].sum()),
        }
        for (region, year), group in histogram.groupby(["region", "year"], sort=True)
    ]
    if not rows:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    frame = pd.DataFrame(rows)
    return _series(frame, "WACHTTIJD", frame["value"], n=frame["n"])


def _cost_series(engine: Engine, population: pd.DataFrame) -> pd.DataFrame:
    frame = _complete(queries.costs(engine)).merge(population, on=["region", "year"], how="inner")
    frame = frame[frame["inhabitants"] > 0].reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    return _series(frame, "KOSTEN_INW", frame["amount"] / frame["inhabitants"])


def _assessment(change: float, direction: str) -> str | None:
    if pd.isna(change):
        return None
    if change == 0 or direction == "neutral":
        return "neutral"
    better = change > 0 if direction == "higher" else change < 0
    return "better" if better else "worse"


def overview_tiles(engine: Engine) -> OverviewTiles:
    """Tiles for every region: see the module docstring; ``tiles`` has ``TILE_COLUMNS``.

    ``assessment`` is "better", "worse" or "neutral" (no change, or an indicator without a
    preferred direction), None without a previous year. ``series`` holds the complete years
    behind each sparkline (``SERIES_COLUMNS``), with suppressed years left out.
    """
    regions = region_queries.regions(engine).merge(
        region_queries.data_dates(engine)[["region", "data_date"]], on="region", how="left"
    )[["region", "name", "data_date"]]
    result = OverviewTiles(regions=regions)
    if regions.empty:
        return result

    population = queries.population(engine)
    parts = [
        _hf_series(engine, population),
        _mean_series(_complete(queries.satisfaction(engine)), "TEVREDENHEID"),
        _wait_series(engine),
        _cost_series(engine, population),
        _mean_series(queries.survey(engine), "WERKPLEZIER"),
    ]
    series = pd.concat([p for p in parts if not p.empty], ignore_index=True) if any(
        not p.empty for p in parts) else pd.DataFrame(columns=SERIES_COLUMNS)
    # Privacy: a rate or mean built on 1 to 9 admissions or responses is not shown.
    series = series[~is_small(series["n"])].sort_values(["region", "indicator", "year"])
    result.series = series.reset_index(drop=True)

    names = dict(zip(regions["region"], regions["name"], strict=True))
    rows = []
    for region in regions["region"]:
        for aim, code in TILES:
            direction = indicators.get(code).direction
            own = series[(series["region"] == region) & (series["indicator"] == code)]
            row = dict.fromkeys(TILE_COLUMNS)
            row.update(region=region, region_name=names[region], aim=aim, indicator=code,
                       direction=direction)
            if not own.empty:
                latest = own.iloc[-1]
                row.update(year=int(latest["year"]), value=latest["value"], low=latest["low"],
                           high=latest["high"], n=latest["n"])
                before = own[own["year"] == latest["year"] - 1]
                if not before.empty:
                    previous = before.iloc[0]["value"]
                    row.update(previous_year=int(latest["year"]) - 1, previous_value=previous,
                               change=latest["value"] - previous)
                    row["assessment"] = _assessment(row["change"], direction)
            rows.append(row)
    result.tiles = pd.DataFrame(rows, columns=TILE_COLUMNS)
    return result


def overview_tiles_for(engine: Engine, scope: Scope) -> OverviewTiles:
    """The tiles of the regions ``scope`` may see (region-level aggregates only)."""
    result = overview_tiles(engine)
    keep = set(scope.visible_regions(result.regions["region"]))
    result.regions = result.regions[result.regions["region"].isin(keep)].reset_index(drop=True)
    result.tiles = result.tiles[result.tiles["region"].isin(keep)].reset_index(drop=True)
    result.series = result.series[result.series["region"].isin(keep)].reset_index(drop=True)
    return result
