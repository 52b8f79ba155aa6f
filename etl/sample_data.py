"""Seeded synthetic sample data for the dashboard (SYNTHETISCHE DATA, geen echte patiënten).

Writes the input files of ``docs/data-format.md`` (regions, region_population, practices,
population, referrals, consults, costs, survey, hf_admissions) for four invented Connect-style
regions. Nothing refers to a real patient, practice or organisation; every region and practice
name carries "(synthetisch)" and every file starts with a ``#`` comment line saying so.

The story the data tells (calibrated on docs/DOMAIN.md section 3):

* ``HVO`` Regio Heuvelland-Oost: mature anderhalvelijn since 2019-01-01 (before the data
  starts), about 85% of new anderhalvelijn patients need no hospital referral within 6 months.
* ``RVW`` Regio Rivierenland-West: anderhalvelijn from 2021-06-01, ramp-up over 12 months.
* ``NKU`` Regio Noordkust: anderhalvelijn from 2023-03-01, ramp-up over 12 months, and a
  **PDCA intervention**: from **2024-01-01** (Do date) a structured spiegelinformatie/feedback
  cycle removes 15% of the non-urgent hospital referrals (two thirds are no longer referred,
  one third goes to anderhalvelijn or e-consult instead). On top of the anderhalvelijn ramp this
  gives a step down of the monthly hospital referral rate that an XmR/p-chart flags as a special
  cause (a long run below the centre line after 2024-01). RTA-conformity also rises a little.
* ``PLD`` Regio Polderstad: the contrast region, no anderhalvelijn at all; e-consults at a low
  level (about 4%, as in every region before its anderhalvelijn start).

Referral rates per 1,000 listed patients per year depend on age band (0.5 for 0-17 up to 60 for
85+), sex (men x1.18, women x0.84), a gamma practice effect (shape 60, CV 13%: modest
overdispersion, phi about 3-6 on five-year O/E ratios) and a few genuine outlier practices
(x0.5 .. x2.0, about one practice in 30; see :func:`practice_profile`). The crude rate is about
15-16 per 1,000 per year, so 150 practices x 5 years give about 58,000 referrals and 88,000
consults; 5,000 practices x 10 years give about 4 million referrals and 6 million consults.
``rate_scale`` multiplies all referral rates, for load tests only (it breaks the calibration;
``rate_scale=3.75`` with 5,000 practices x 10 years gives 15 million referrals).

Consults are censored at ``end_year``-12-31: a referral late in the last year whose first
consult would fall after that date has no consult yet (as in real extracts); every other
referral has a first consult in the setting of its destination.

Everything is vectorised with numpy and written per region x year chunk, so memory stays small
whatever the size; each chunk has its own random stream (``SeedSequence([seed, stream, region,
year])``), which makes the output independent of chunk order and identical for the same seed.

Entry points (also see ``python -m etl.sample_data --help``):

* :func:`generate` - the full sample.
* :func:`generate_referrals_csv` - a referrals file of exactly ``rows`` rows plus the regions,
  region_population, practices and population files it needs (for benchmarks).
* :func:`main` - command line, ``main(["--out", "data/sample"])``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.codes import AGE_BANDS, ICPC_CONDITION, ICPC_OTHER

try:  # pyarrow writes the big files several times faster; pandas is the fallback.
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    _HAVE_ARROW = True
except ImportError:  # pragma: no cover - exercised by a test that switches the flag off
    _HAVE_ARROW = False

__all__ = [
    "FILES",
    "PDCA_DO_DATE",
    "PDCA_REGION",
    "REGIONS",
    "generate",
    "generate_referrals_csv",
    "main",
    "practice_profile",
]

# --------------------------------------------------------------------------------------------
# Parameters of the synthetic world
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionSpec:
    code: str
    name: str
    anderhalvelijn_start: dt.date | None
    practice_share: float
    age_tilt: float  # > 0: older listed population
    hospital_wait_median: float  # days, non-urgent first hospital consult
    alv_share: float  # steady-state share of non-urgent referrals to anderhalvelijn
    econsult_share: float  # steady-state e-consult share after the anderhalvelijn start
    alv_outcome: tuple[float, float, float]  # first alv consult: terug, follow_up, verwezen
    alv_followup_referred: float  # P(verwezen_ziekenhuis) at the alv follow-up consult
    hospital_unit_cost: float  # EUR per new hospital patient at end_year prices
    alv_unit_cost: float
    hf_rate: float  # heart-failure admissions per 1,000 inhabitants 18+ per year (baseline)


REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec("NKU", "Regio Noordkust (synthetisch)", dt.date(2023, 3, 1), 0.30, 0.10, 33.0,
               0.34, 0.12, (0.57, 0.30, 0.13), 0.18, 1240.0, 590.0, 2.6),
    RegionSpec("HVO", "Regio Heuvelland-Oost (synthetisch)", dt.date(2019, 1, 1), 0.267, 0.20,
               29.0, 0.40, 0.10, (0.60, 0.29, 0.11), 0.15, 1360.0, 480.0, 2.5),
    RegionSpec("RVW", "Regio Rivierenland-West (synthetisch)", dt.date(2021, 6, 1), 0.233, 0.0,
               32.0, 0.36, 0.11, (0.57, 0.30, 0.13), 0.18, 1290.0, 540.0, 2.6),
    RegionSpec("PLD", "Regio Polderstad (synthetisch)", None, 0.20, -0.15, 36.0,
               0.0, 0.04, (0.57, 0.30, 0.13), 0.18, 1200.0, 0.0, 2.7),
)

PDCA_REGION = "NKU"
PDCA_DO_DATE = dt.date(2024, 1, 1)
PDCA_AFFECTED = 0.15  # share of non-urgent hospital referrals affected from the Do date
PDCA_REMOVED = 2 / 3  # of the affected: no longer referred (rest: anderhalvelijn/e-consult)

BASE_ECONSULT = 0.04  # e-consult share before (or without) anderhalvelijn
RAMP_DAYS = 365.0

# Dutch-like listed population (share per age band) and share of men per band.
AGE_SHARE = np.array([0.20, 0.35, 0.14, 0.13, 0.10, 0.06, 0.02])
MALE_SHARE = np.array([0.512, 0.505, 0.502, 0.500, 0.490, 0.455, 0.360])
# Cardiology referrals per 1,000 listed patients per year by age band; sex factor M, V.
REFERRAL_RATE = np.array([0.5, 4.0, 12.0, 22.0, 38.0, 55.0, 60.0])
SEX_FACTOR = np.array([1.18, 0.84])
SEXES = ("M", "V")
SECULAR_TREND = 1.01  # per year

# ICPC mix: per age band the share of hartfalen / AF / chest pain-ACS / other.
_GROUP_MIX = np.array([
    [0.01, 0.04, 0.30, 0.65],
    [0.03, 0.12, 0.45, 0.40],
    [0.07, 0.17, 0.45, 0.31],
    [0.11, 0.20, 0.40, 0.29],
    [0.16, 0.23, 0.33, 0.28],
    [0.23, 0.23, 0.27, 0.27],
    [0.30, 0.22, 0.22, 0.26],
])
_POB_CODES = {"K74": 0.20, "K75": 0.08, "K76": 0.12, "K01": 0.30, "K02": 0.30}
_OTHER_WEIGHTS = {
    "K04": 14, "K05": 6, "K07": 3, "K24": 3, "K71": 0.5, "K73": 1, "K79": 6, "K80": 10,
    "K81": 9, "K82": 1, "K83": 8, "K84": 5, "K85": 4, "K86": 10, "K87": 7, "K89": 1.5,
    "K90": 1, "K92": 3, "K93": 2, "K94": 1, "K99": 4,
}
_URGENT = {"K75": 0.60, "K74": 0.15, "K76": 0.10, "K01": 0.08, "K02": 0.08, "K77": 0.08,
           "K78": 0.07}
_URGENT_OTHER = 0.03


def _icpc_tables() -> tuple[list[str], np.ndarray, np.ndarray]:
    codes: list[str] = ["K77", "K78", *_POB_CODES, *ICPC_OTHER]
    other = np.array([_OTHER_WEIGHTS.get(c, 1.0) for c in ICPC_OTHER], dtype=float)
    other /= other.sum()
    pob = np.array(list(_POB_CODES.values()))
    probs = np.zeros((len(AGE_BANDS), len(codes)))
    for b in range(len(AGE_BANDS)):
        hf, af, ch, ot = _GROUP_MIX[b] / _GROUP_MIX[b].sum()
        probs[b] = np.concatenate([[hf, af], ch * pob, ot * other])
    urgent = np.array([_URGENT.get(c, _URGENT_OTHER) for c in codes])
    assert set(codes) == set(ICPC_CONDITION) | set(ICPC_OTHER)
    return codes, probs, urgent


ICPC_CODES, _ICPC_PROBS, _ICPC_URGENT = _icpc_tables()
SETTING_CODES = ("ziekenhuis", "anderhalvelijn", "econsult")
ZH, ALV, EC = 0, 1, 2
OUTCOME_CODES = ("terug_huisarts", "verwezen_ziekenhuis", "follow_up")
TERUG, VERWEZEN, FOLLOW_UP = 0, 1, 2
PROFESSION_CODES = ("huisarts", "cardioloog", "poh", "verpleegkundige", "overig")
_PROFESSION_P = np.array([0.45, 0.12, 0.23, 0.17, 0.03])
_PROFESSION_EFFECT = np.array([0.0, -0.15, 0.2, 0.1, 0.0])

_NAME_PREFIX = ("Huisartsenpraktijk", "Huisartsenpraktijk", "Gezondheidscentrum", "Huisartsen")
_NAME_WORDS = (
    "De Linde", "De Eik", "De Beuk", "Het Anker", "De Vuurtoren", "De Molen", "De Brug",
    "Het Kompas", "De Horst", "De Wieken", "Het Baken", "De Kastanje", "De Esch", "De Meerpaal",
    "Het Veld", "De Duinen", "De Akker", "De Boomgaard", "De Terp", "De Dijk", "De Haven",
    "De Waard", "De Uiterwaard", "Het Hof", "De Kruidentuin", "De Bron", "De Vlinder",
    "De Zwaluw", "De Reiger", "De Wilgen", "De Populier", "Het Gemaal", "De Schans", "De Vaart",
    "Het Ven", "De Heuvel", "De Beek", "Het Dal", "De Kade", "De Sluis",
)

FILES = ("regions", "region_population", "practices", "population", "referrals", "consults",
         "costs", "survey", "hf_admissions")
COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("code", "region_name", "anderhalvelijn_start", "synthetic"),
    "region_population": ("region", "year", "inhabitants", "inhabitants_18plus"),
    "practices": ("code", "region", "practice_name", "joined_on"),
    "population": ("practice", "year", "age_band", "sex", "listed_patients"),
    "referrals": ("referral_id", "referral_date", "practice", "patient_id", "age_band", "sex",
                  "icpc", "destination", "urgent", "rta_conform"),
    "consults": ("consult_id", "referral_id", "consult_date", "setting", "outcome",
                 "satisfaction"),
    "costs": ("region", "year", "month", "setting", "cost_type", "payer", "amount"),
    "survey": ("response_id", "region", "year", "profession", "score"),
    "hf_admissions": ("region", "year", "month", "admissions"),
}

_STREAM_SETUP, _STREAM_REF, _STREAM_CONS, _STREAM_TRIM, _STREAM_SMALL = 0, 1, 2, 3, 4
_EPOCH = dt.date(1970, 1, 1)


def _day(d: dt.date) -> int:
    return (d - _EPOCH).days


def _comment(seed: int) -> str:
    return (f"# SYNTHETISCHE DATA - gegenereerd door etl/sample_data.py (seed={seed}), "
            "geen echte patiënten, praktijken of organisaties\n")


# --------------------------------------------------------------------------------------------
# The world: regions, practices and their listed populations
# --------------------------------------------------------------------------------------------


@dataclass
class _World:
    seed: int
    years: np.ndarray  # calendar years
    end_day: int
    rate_scale: float
    practice_region: np.ndarray  # (P,) region index, practices sorted by region
    region_slices: list[tuple[int, int]]
    practice_codes: list[str]
    practice_names: list[str]
    joined_on: list[dt.date]
    listed: np.ndarray  # (P, Y, 7, 2) int
    effect: np.ndarray  # (P,) referral rate multiplier (incl. outliers)
    outlier: np.ndarray  # (P,) outlier multiplier, 1.0 for ordinary practices
    rta_logit: np.ndarray  # (P,)
    uptake: np.ndarray  # (P,) anderhalvelijn uptake multiplier
    pool_offset: np.ndarray  # (P, 7, 2) first patient number of the cell
    pool_size: np.ndarray  # (P, 7, 2)
    patient_width: int
    patient_mult: int
    patient_add: int

    @property
    def first_year(self) -> int:
        return int(self.years[0])

    def rng(self, stream: int, region: int = 0, year: int = 0) -> np.random.Generator:
        return np.random.default_rng(np.random.SeedSequence([self.seed, stream, region, year]))

    def expected_referrals(self) -> float:
        base = REFERRAL_RATE[None, None, :, None] * SEX_FACTOR[None, None, None, :] / 1000.0
        trend = SECULAR_TREND ** (self.years - self.years[0])
        lam = self.listed * base * trend[None, :, None, None] * self.effect[:, None, None, None]
        return float(lam.sum() * self.rate_scale)


def _allocate(total: int, shares: Sequence[float]) -> np.ndarray:
    raw = np.asarray(shares) / np.sum(shares) * total
    counts = np.floor(raw).astype(int)
    rest = total - counts.sum()
    order = np.argsort(-(raw - counts), kind="stable")
    counts[order[:rest]] += 1
    return counts


def _build_world(seed: int, practices: int, years: int, end_year: int,
                 rate_scale: float = 1.0) -> _World:
    if practices < len(REGIONS):
        raise ValueError(f"practices must be at least {len(REGIONS)} (one per region)")
    if years < 1:
        raise ValueError("years must be at least 1")
    if end_year >= dt.date.today().year:
        raise ValueError(f"end_year {end_year} would put dates in the future; "
                         f"use {dt.date.today().year - 1} or earlier")
    if rate_scale <= 0:
        raise ValueError("rate_scale must be positive")
    rng = np.random.default_rng(np.random.SeedSequence([seed, _STREAM_SETUP]))
    year_arr = np.arange(end_year - years + 1, end_year + 1)
    first_year = int(year_arr[0])
    n_region = _allocate(practices, [r.practice_share for r in REGIONS])
    region_of = np.repeat(np.arange(len(REGIONS)), n_region)
    bounds = np.concatenate([[0], np.cumsum(n_region)])
    slices = [(int(bounds[i]), int(bounds[i + 1])) for i in range(len(REGIONS))]
    p = practices

    size0 = np.clip(rng.lognormal(np.log(4300.0), 0.42, p), 2000, 12000)
    growth = rng.normal(0.005, 0.012, p)
    tilt = np.array([REGIONS[r].age_tilt for r in region_of]) + rng.normal(0.0, 0.22, p)
    k = (np.arange(len(AGE_BANDS)) - 3) / 3.0
    yi = np.arange(years)
    size = np.clip(size0[:, None] * np.exp(growth[:, None] * yi[None, :]), 2000, 12000)
    tilt_y = tilt[:, None] + 0.02 * yi[None, :]
    shares = AGE_SHARE[None, None, :] * np.exp(tilt_y[:, :, None] * k[None, None, :])
    shares /= shares.sum(axis=2, keepdims=True)
    sex_split = np.stack([MALE_SHARE, 1 - MALE_SHARE], axis=-1)  # (7, 2)
    listed = np.rint(size[:, :, None, None] * shares[:, :, :, None] * sex_split[None, None])
    listed = listed.astype(np.int64)

    effect = rng.gamma(60.0, 1 / 60.0, p)
    outlier = np.ones(p)
    n_out = max(1, round(p / 30))
    candidates = np.flatnonzero(size0 >= 3000)
    if candidates.size < n_out:
        candidates = np.arange(p)
    chosen = rng.choice(candidates, size=min(n_out, candidates.size), replace=False)
    mults = np.resize(np.array([1.8, 0.5, 2.0, 0.55, 1.65, 1.7]), chosen.size)
    outlier[chosen] = mults
    effect[chosen] = 1.0
    effect = effect * outlier

    rta_logit = np.log(0.85 / 0.15) + rng.normal(0.0, 0.55, p)
    uptake = np.exp(rng.normal(0.0, 0.3, p))

    pool_size = np.maximum(listed.max(axis=1), 1)  # (P, 7, 2)
    flat = pool_size.ravel()
    offsets = (np.cumsum(flat) - flat).reshape(pool_size.shape)
    total_pool = int(flat.sum())
    width = max(8, len(str(total_pool)))
    modulus = 10**width
    mult = 7_368_787  # coprime with 10: x -> (a*x + b) mod 10^width is a permutation
    add = int(rng.integers(0, modulus))

    codes: list[str] = []
    names: list[str] = []
    seen: dict[str, int] = {}
    for r, (lo, hi) in enumerate(slices):
        for j in range(hi - lo):
            codes.append(f"{REGIONS[r].code}-P{j + 1:03d}")
    prefix_idx = rng.integers(0, len(_NAME_PREFIX), p)
    word_idx = rng.integers(0, len(_NAME_WORDS), p)
    for i in range(p):
        base = f"{_NAME_PREFIX[prefix_idx[i]]} {_NAME_WORDS[word_idx[i]]}"
        seen[base] = seen.get(base, 0) + 1
        suffix = f" {seen[base]}" if seen[base] > 1 else ""
        names.append(f"{base}{suffix} (synthetisch)")
    join_lo = _day(dt.date(first_year - 8, 1, 1))
    join_hi = _day(dt.date(first_year - 1, 12, 31))
    join_days = rng.integers(join_lo, join_hi + 1, p)
    joined = [_EPOCH + dt.timedelta(days=int(d)) for d in join_days]

    return _World(
        seed=seed, years=year_arr, end_day=_day(dt.date(end_year, 12, 31)),
        rate_scale=rate_scale, practice_region=region_of, region_slices=slices,
        practice_codes=codes, practice_names=names, joined_on=joined, listed=listed,
        effect=effect, outlier=outlier, rta_logit=rta_logit, uptake=uptake,
        pool_offset=offsets, pool_size=pool_size, patient_width=width, patient_mult=mult,
        patient_add=add,
    )


def practice_profile(*, seed: int = 2026, practices: int = 150, years: int = 5,
                     end_year: int = 2025) -> pd.DataFrame:
    """The hidden truth per practice (for checking funnel plots and standardisation).

    Columns: code, region, rate_multiplier (gamma effect x outlier), outlier (multiplier, 1.0
    for ordinary practices), rta_probability, anderhalvelijn_uptake, listed_patients (last year).
    """
    w = _build_world(seed, practices, years, end_year)
    return pd.DataFrame({
        "code": w.practice_codes,
        "region": [REGIONS[r].code for r in w.practice_region],
        "rate_multiplier": w.effect,
        "outlier": w.outlier,
        "rta_probability": 1 / (1 + np.exp(-w.rta_logit)),
        "anderhalvelijn_uptake": w.uptake,
        "listed_patients": w.listed[:, -1].sum(axis=(1, 2)),
    })


# --------------------------------------------------------------------------------------------
# Referrals and consults, one region x year chunk at a time
# --------------------------------------------------------------------------------------------


def _day_weights(year: int) -> tuple[np.ndarray, np.ndarray]:
    start = _day(dt.date(year, 1, 1))
    days = np.arange(start, _day(dt.date(year, 12, 31)) + 1)
    weekday = (days + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    w = np.array([1.15, 1.0, 1.0, 1.0, 0.85, 0.05, 0.03])[weekday]
    doy = days - start
    w = w * (1 + 0.07 * np.cos(2 * np.pi * (doy - 15) / 365.25))
    w = np.where((doy >= 196) & (doy < 231), w * 0.85, w)  # summer holidays
    w = np.where(doy >= 355, w * 0.7, w)  # Christmas
    w[0] *= 0.05  # New Year's Day
    return days, w / w.sum()


def _ramp(days: np.ndarray, start: dt.date | None) -> np.ndarray:
    if start is None:
        return np.zeros(days.shape)
    return np.clip((days - _day(start)) / RAMP_DAYS, 0.0, 1.0) * (days >= _day(start))


@dataclass
class _Referrals:
    day: np.ndarray
    practice: np.ndarray
    band: np.ndarray
    sex: np.ndarray
    icpc: np.ndarray
    dest: np.ndarray
    urgent: np.ndarray
    rta: np.ndarray
    patient: np.ndarray

    def __len__(self) -> int:
        return int(self.day.size)

    def take(self, idx: np.ndarray) -> _Referrals:
        return _Referrals(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))


def _referral_chunk(w: _World, r: int, yi: int) -> _Referrals:
    spec = REGIONS[r]
    year = int(w.years[yi])
    rng = w.rng(_STREAM_REF, r, year)
    lo, hi = w.region_slices[r]
    base = REFERRAL_RATE[None, :, None] * SEX_FACTOR[None, None, :] / 1000.0
    lam = (w.listed[lo:hi, yi] * base * w.effect[lo:hi, None, None]
           * SECULAR_TREND**yi * w.rate_scale)
    counts = rng.poisson(lam.ravel())
    cell = np.repeat(np.arange(counts.size), counts)
    n = cell.size
    days, dw = _day_weights(year)
    day = days[np.searchsorted(np.cumsum(dw), rng.random(n) * (1 - 1e-12), side="right")]
    practice = lo + cell // 14
    band = (cell // 2) % 7
    sex = cell % 2

    icpc = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for b in range(len(AGE_BANDS)):
        sel = band == b
        cdf = np.cumsum(_ICPC_PROBS[b])
        icpc[sel] = np.minimum(np.searchsorted(cdf / cdf[-1], u[sel], side="right"),
                               len(ICPC_CODES) - 1)
    urgent = rng.random(n) < _ICPC_URGENT[icpc]

    ramp = _ramp(day, spec.anderhalvelijn_start)
    alv = np.minimum(spec.alv_share * ramp * w.uptake[practice], 0.75)
    ec = BASE_ECONSULT + (spec.econsult_share - BASE_ECONSULT) * ramp
    ud = rng.random(n)
    dest = np.where(ud < alv, ALV, np.where(ud < alv + ec, EC, ZH))
    dest[urgent] = ZH

    rta_logit = w.rta_logit[practice]
    keep = np.ones(n, dtype=bool)
    v = rng.random(n)
    if spec.code == PDCA_REGION:
        after = day >= _day(PDCA_DO_DATE)
        hit = after & (dest == ZH) & ~urgent & (v < PDCA_AFFECTED)
        removed = hit & (v < PDCA_AFFECTED * PDCA_REMOVED)
        shifted = hit & ~removed
        can_alv = ramp > 0
        dest[shifted] = np.where(can_alv[shifted] & (v[shifted] > 0.125), ALV, EC)
        keep = ~removed
        rta_logit = rta_logit + 0.3 * after
    rta = rng.random(n) < 1 / (1 + np.exp(-rta_logit))

    pool = w.pool_size[practice, band, sex]
    idx = w.pool_offset[practice, band, sex] + np.floor(rng.random(n) * pool).astype(np.int64)
    patient = (idx * w.patient_mult + w.patient_add) % (10**w.patient_width)

    refs = _Referrals(day, practice, band, sex, icpc, dest, urgent, rta, patient)
    refs = refs.take(np.flatnonzero(keep))
    order = np.argsort(refs.day, kind="stable")
    return refs.take(order)


# consult kinds: 0 first e-consult, 1 first anderhalvelijn, 2 anderhalvelijn follow-up,
# 3 first hospital (direct referral), 4 hospital after verwezen, 5/6 hospital follow-ups
_KIND_SETTING = np.array([EC, ALV, ALV, ZH, ZH, ZH, ZH])
_NEW_IN_SETTING = np.array([True, True, False, True, True, False, False])


def _lognormal_days(rng: np.random.Generator, median: np.ndarray | float, sigma: float,
                    n: int, minimum: int) -> np.ndarray:
    d = np.rint(np.exp(rng.normal(np.log(median), sigma, n)))
    return np.maximum(d, minimum).astype(np.int64)


def _to_weekday(day: np.ndarray) -> np.ndarray:
    wd = (day + 3) % 7
    return day + np.where(wd == 5, 2, np.where(wd == 6, 1, 0))


@dataclass
class _Consults:
    ref: np.ndarray  # index into the chunk's referrals
    day: np.ndarray
    setting: np.ndarray
    outcome: np.ndarray
    satisfaction: np.ndarray  # 0 = empty
    new_in_setting: np.ndarray

    def __len__(self) -> int:
        return int(self.day.size)


def _consult_chunk(w: _World, r: int, yi: int, refs: _Referrals) -> _Consults:
    spec = REGIONS[r]
    rng = w.rng(_STREAM_CONS, r, int(w.years[yi]))
    n = len(refs)
    kind = np.select([refs.dest == EC, refs.dest == ALV], [0, 1], 3)
    wait = np.empty(n, dtype=np.int64)
    wait_zh = _lognormal_days(rng, spec.hospital_wait_median, 0.55, n, 1)
    wait_urg = _lognormal_days(rng, 2.0, 0.7, n, 0)
    wait_alv = _lognormal_days(rng, 12.0, 0.5, n, 1)
    wait_ec = rng.choice(5, size=n, p=[0.45, 0.30, 0.15, 0.07, 0.03])
    wait[:] = np.where(refs.urgent, wait_urg, wait_zh)
    wait = np.select([kind == 0, kind == 1], [wait_ec, wait_alv], wait)
    day = refs.day + wait
    day = np.where(refs.urgent, day, _to_weekday(day))
    ref = np.arange(n)
    urgent = refs.urgent.copy()

    out_ref, out_day, out_set, out_out, out_new = [], [], [], [], []
    t, f, v = spec.alv_outcome
    q = spec.alv_followup_referred
    # outcome probabilities (terug, verwezen, follow_up) per kind
    probs = np.array([
        [0.85, 0.15, 0.0],
        [t, v, f],
        [1 - q, q, 0.0],
        [0.55, 0.0, 0.45],
        [0.50, 0.0, 0.50],
        [0.75, 0.0, 0.25],
        [1.0, 0.0, 0.0],
    ])
    while ref.size:
        inside = day <= w.end_day
        ref, day, kind, urgent = ref[inside], day[inside], kind[inside], urgent[inside]
        m = ref.size
        if not m:
            break
        p = probs[kind].copy()
        p[(kind == 3) & urgent] = [0.30, 0.0, 0.70]
        u = rng.random(m)
        outcome = np.where(u < p[:, 0], TERUG, np.where(u < p[:, 0] + p[:, 1], VERWEZEN,
                                                        FOLLOW_UP))
        out_ref.append(ref)
        out_day.append(day)
        out_set.append(_KIND_SETTING[kind])
        out_out.append(outcome)
        out_new.append(_NEW_IN_SETTING[kind])
        # next consult of the episode
        nxt = outcome != TERUG
        ref, prev, pk, urgent = ref[nxt], day[nxt], kind[nxt], np.zeros(int(nxt.sum()), bool)
        oc = outcome[nxt]
        nk = np.select([oc == VERWEZEN, pk == 1, pk == 5], [4, 2, 6], 5)
        k = ref.size
        gap = np.select(
            [nk == 4, nk == 2, nk == 5],
            [_lognormal_days(rng, spec.hospital_wait_median, 0.55, k, 1),
             _lognormal_days(rng, 42.0, 0.4, k, 14),
             _lognormal_days(rng, 90.0, 0.35, k, 21)],
            _lognormal_days(rng, 150.0, 0.3, k, 30),
        )
        day = _to_weekday(prev + gap)
        kind = nk

    if out_ref:
        cref = np.concatenate(out_ref)
        cday = np.concatenate(out_day)
        cset = np.concatenate(out_set)
        cout = np.concatenate(out_out)
        cnew = np.concatenate(out_new)
    else:
        cref = cday = cset = cout = np.zeros(0, dtype=np.int64)
        cnew = np.zeros(0, dtype=bool)
    c = cref.size
    mean = np.array([7.5, 8.2, 7.8])[cset]
    sd = np.array([1.1, 0.85, 0.9])[cset]
    score = np.clip(np.rint(rng.normal(mean, sd, c)), 1, 10).astype(np.int64)
    filled = (rng.random(c) < 0.6) & (cset != EC)
    score = np.where(filled, score, 0)
    order = np.lexsort((cref, cday))
    return _Consults(cref[order], cday[order], cset[order], cout[order], score[order],
                     cnew[order])


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class _Sink:
    """Append chunks of columns to one CSV file (pyarrow when available, else pandas)."""

    def __init__(self, path: Path, columns: Sequence[str], seed: int, sep: str = ","):
        self.path = path
        self.columns = list(columns)
        self.sep = sep
        self.rows = 0
        self._fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._fh.write(_comment(seed).encode("utf-8"))
        self._fh.write((sep.join(self.columns) + "\n").encode("utf-8"))

    def write(self, cols: dict[str, object]) -> None:
        n = len(next(iter(cols.values())))
        if not n:
            return
        if _HAVE_ARROW:
            table = pa.table({c: cols[c] for c in self.columns})
            opts = pa_csv.WriteOptions(include_header=False, delimiter=self.sep,
                                       quoting_style="none")
            pa_csv.write_csv(table, self._fh, write_options=opts)
        else:
            df = pd.DataFrame({c: cols[c] for c in self.columns})
            self._fh.write(df.to_csv(header=False, index=False, sep=self.sep,
                                     lineterminator="\n").encode("utf-8"))
        self.rows += n

    def close(self) -> None:
        self._fh.close()


def _col_ids(prefix: str, numbers: np.ndarray, width: int) -> object:
    numbers = np.asarray(numbers, dtype=np.int64)
    if _HAVE_ARROW:
        digits = pc.utf8_lpad(pc.cast(pa.array(numbers), pa.string()), width=width, padding="0")
        return pc.binary_join_element_wise(prefix, digits, "")
    return pd.Series(numbers).astype(str).str.zfill(width).radd(prefix).to_numpy(object)


def _col_codes(labels: Sequence[str], idx: np.ndarray) -> object:
    if _HAVE_ARROW:
        return pc.take(pa.array(list(labels), pa.string()), pa.array(np.asarray(idx)))
    return np.asarray(list(labels), dtype=object)[np.asarray(idx)]


def _col_dates(days: np.ndarray) -> object:
    d = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    if _HAVE_ARROW:
        return pa.array(d)
    return np.datetime_as_string(d, unit="D").astype(object)


def _col_int(values: np.ndarray, empty: np.ndarray | None = None) -> object:
    values = np.asarray(values, dtype=np.int64)
    if _HAVE_ARROW:
        return pa.array(values, mask=empty)
    if empty is None:
        return values
    return pd.Series(values).astype("Int64").mask(np.asarray(empty)).to_numpy(object)


_YESNO = ("nee", "ja")


def _write_referrals(sink: _Sink, w: _World, r: int, refs: _Referrals, first_number: int) -> None:
    n = len(refs)
    sink.write({
        "referral_id": _col_ids(f"{REGIONS[r].code}-R", np.arange(first_number,
                                                                    first_number + n), 7),
        "referral_date": _col_dates(refs.day),
        "practice": _col_codes(w.practice_codes, refs.practice),
        "patient_id": _col_ids("PAT-", refs.patient, w.patient_width),
        "age_band": _col_codes(AGE_BANDS, refs.band),
        "sex": _col_codes(SEXES, refs.sex),
        "icpc": _col_codes(ICPC_CODES, refs.icpc),
        "destination": _col_codes(SETTING_CODES, refs.dest),
        "urgent": _col_codes(_YESNO, refs.urgent.astype(np.int64)),
        "rta_conform": _col_codes(_YESNO, refs.rta.astype(np.int64)),
    })


def _write_consults(sink: _Sink, r: int, cons: _Consults, first_ref: int,
                    first_number: int) -> None:
    n = len(cons)
    code = REGIONS[r].code
    sink.write({
        "consult_id": _col_ids(f"{code}-C", np.arange(first_number, first_number + n), 8),
        "referral_id": _col_ids(f"{code}-R", first_ref + cons.ref, 7),
        "consult_date": _col_dates(cons.day),
        "setting": _col_codes(SETTING_CODES, cons.setting),
        "outcome": _col_codes(OUTCOME_CODES, cons.outcome),
        "satisfaction": _col_int(cons.satisfaction, cons.satisfaction == 0),
    })


def _write_frame(path: Path, df: pd.DataFrame, seed: int, **kwargs: object) -> int:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(_comment(seed))
        df.to_csv(fh, index=False, lineterminator="\n", **kwargs)
    return len(df)


def _write_static(out: Path, w: _World) -> dict[str, int]:
    counts: dict[str, int] = {}
    regions = pd.DataFrame({
        "code": [r.code for r in REGIONS],
        "region_name": [r.name for r in REGIONS],
        "anderhalvelijn_start": [r.anderhalvelijn_start.isoformat()
                                 if r.anderhalvelijn_start else "" for r in REGIONS],
        "synthetic": "ja",
    })
    counts["regions"] = _write_frame(out / "regions.csv", regions, w.seed)

    rng = w.rng(_STREAM_SMALL, 99, 0)
    rows = []
    for r, (lo, hi) in enumerate(w.region_slices):
        listed = w.listed[lo:hi]
        unlisted = rng.uniform(0.005, 0.02)  # inhabitants not listed with a network practice
        for yi, year in enumerate(w.years):
            total = int(listed[:, yi].sum())
            adults = int(listed[:, yi, 1:].sum())
            factor = 1 + unlisted + rng.normal(0.0, 0.001)
            inhabitants = round(total * factor)
            rows.append((REGIONS[r].code, int(year), inhabitants,
                         min(inhabitants, round(adults * factor))))
    popdf = pd.DataFrame(rows, columns=list(COLUMNS["region_population"]))
    counts["region_population"] = _write_frame(out / "region_population.csv", popdf, w.seed)

    practices = pd.DataFrame({
        "code": w.practice_codes,
        "region": [REGIONS[r].code for r in w.practice_region],
        "practice_name": w.practice_names,
        "joined_on": [d.isoformat() for d in w.joined_on],
    })
    counts["practices"] = _write_frame(out / "practices.csv", practices, w.seed)

    p, y = w.listed.shape[:2]
    grid = np.indices(w.listed.shape).reshape(4, -1)
    population = pd.DataFrame({
        "practice": np.asarray(w.practice_codes, dtype=object)[grid[0]],
        "year": w.years[grid[1]],
        "age_band": np.asarray(AGE_BANDS, dtype=object)[grid[2]],
        "sex": np.asarray(SEXES, dtype=object)[grid[3]],
        "listed_patients": w.listed.ravel(),
    })
    counts["population"] = _write_frame(out / "population.csv", population, w.seed)
    return counts


def _year_month(day: np.ndarray, first_year: int) -> tuple[np.ndarray, np.ndarray]:
    d = np.asarray(day, dtype=np.int64).astype("datetime64[D]")
    year = d.astype("datetime64[Y]").astype(np.int64) + 1970 - first_year
    month = d.astype("datetime64[M]").astype(np.int64) % 12
    return year, month


def _count_new_patients(acc: np.ndarray, w: _World, refs: _Referrals, cons: _Consults) -> None:
    """Patients entering a setting: referrals by referral month and destination, plus
    hospital episodes after a verwezen_ziekenhuis outcome by month of that hospital consult."""
    y, m = _year_month(refs.day, w.first_year)
    np.add.at(acc, (y, m, refs.dest), 1)
    later = cons.new_in_setting & (cons.setting != refs.dest[cons.ref])
    y, m = _year_month(cons.day[later], w.first_year)
    np.add.at(acc, (y, m, cons.setting[later]), 1)


def _costs(w: _World, new_patients: np.ndarray, end_year: int) -> pd.DataFrame:
    """new_patients: (R, Y, 12, 3) patients entering each setting per month."""
    rng = w.rng(_STREAM_SMALL, 98, 0)
    rows = []
    unit_ec = 75.0
    for r, spec in enumerate(REGIONS):
        n_prac = w.region_slices[r][1] - w.region_slices[r][0]
        scale = n_prac / 40.0
        for yi, year in enumerate(w.years):
            index = 1.03 ** (int(year) - end_year)
            units = (spec.hospital_unit_cost, spec.alv_unit_cost, unit_ec)
            for month in range(1, 13):
                for s in (ZH, ALV, EC):
                    count = int(new_patients[r, yi, month - 1, s])
                    if count == 0:
                        continue
                    amount = count * units[s] * index * rng.lognormal(0.0, 0.04)
                    rows.append((spec.code, int(year), month, SETTING_CODES[s], "zorg",
                                 "verzekeraar", amount))
            start = spec.anderhalvelijn_start
            if start is None or year < start.year - 1:
                continue
            prep = 0.5 if year < start.year else 1.0
            setup = 1.8 if year == start.year else 1.0
            for cost_type, payer, amount in (
                ("coordinatie", "verzekeraar", 120_000 * prep),
                ("coordinatie", "gemeente", 20_000 * prep),
                ("ict", "verzekeraar", 35_000 * setup * prep),
                ("scholing", "verzekeraar", 15_000 * setup * prep),
                ("scholing", "huisartsen", 8_000 * prep),
            ):
                value = amount * scale * index * rng.lognormal(0.0, 0.05)
                rows.append((spec.code, int(year), 0, "anderhalvelijn", cost_type, payer, value))
    df = pd.DataFrame(rows, columns=list(COLUMNS["costs"]))
    df["amount"] = df["amount"].round(2)
    return df


def _survey(w: _World) -> pd.DataFrame:
    rng = w.rng(_STREAM_SMALL, 97, 0)
    frames = []
    for spec in REGIONS:
        for year in w.years:
            n = int(rng.integers(30, 81))
            prof = rng.choice(len(PROFESSION_CODES), size=n, p=_PROFESSION_P)
            mid = np.array([_day(dt.date(int(year), 7, 1))])
            maturity = float(_ramp(mid, spec.anderhalvelijn_start)[0])
            if spec.anderhalvelijn_start is not None:
                maturity = min(1.0, maturity + 0.1 * max(
                    0, int(year) - spec.anderhalvelijn_start.year - 1))
            mean = 6.8 + 0.5 * maturity + _PROFESSION_EFFECT[prof]
            score = np.clip(np.rint(rng.normal(mean, 1.1)), 1, 10).astype(int)
            frames.append(pd.DataFrame({
                "response_id": [f"{spec.code}-W{int(year)}-{i + 1:03d}" for i in range(n)],
                "region": spec.code,
                "year": int(year),
                "profession": np.asarray(PROFESSION_CODES, dtype=object)[prof],
                "score": score,
            }))
    return pd.concat(frames, ignore_index=True)


def _hf_admissions(w: _World, inhabitants_18: np.ndarray) -> pd.DataFrame:
    rng = w.rng(_STREAM_SMALL, 96, 0)
    rows = []
    season = 1 + 0.18 * np.cos(2 * np.pi * np.arange(12) / 12)
    season /= season.mean()
    for r, spec in enumerate(REGIONS):
        for yi, year in enumerate(w.years):
            if spec.anderhalvelijn_start is None:
                rate = spec.hf_rate * 1.01 ** yi
            else:
                mature = max(0.0, int(year) + 0.5 - (spec.anderhalvelijn_start.year
                                                     + spec.anderhalvelijn_start.month / 12))
                rate = spec.hf_rate * (1 - min(0.2, 0.035 * mature))
            lam = inhabitants_18[r, yi] * rate / 1000.0 / 12.0 * season
            adm = rng.poisson(lam)
            for m in range(12):
                rows.append((spec.code, int(year), m + 1, int(adm[m])))
    return pd.DataFrame(rows, columns=list(COLUMNS["hf_admissions"]))


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def generate(out_dir: Path | str, *, seed: int = 2026, practices: int = 150, years: int = 5,
             end_year: int = 2025, fmt: str = "csv", rate_scale: float = 1.0) -> dict[str, int]:
    """Write the full synthetic sample to ``out_dir``; return the row count per file.

    ``fmt`` is ``"csv"`` (files ``<table>.csv``; ``costs.csv`` is semicolon-separated with
    decimal-comma amounts) or ``"xlsx"`` (one workbook per table, first sheet the data, a
    second sheet ``toelichting`` with the synthetic-data note; at most 1,048,575 rows per table).
    ``rate_scale`` multiplies every referral rate (load tests only; 1.0 is calibrated).
    """
    if fmt not in ("csv", "xlsx"):
        raise ValueError("fmt must be 'csv' or 'xlsx'")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        tmp = out / ".csv-tmp"
        counts = generate(tmp, seed=seed, practices=practices, years=years, end_year=end_year,
                          rate_scale=rate_scale)
        try:
            _csv_dir_to_xlsx(tmp, out, seed, counts)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return counts

    w = _build_world(seed, practices, years, end_year, rate_scale)
    counts = _write_static(out, w)
    new_patients = np.zeros((len(REGIONS), len(w.years), 12, 3), dtype=np.int64)
    ref_sink = _Sink(out / "referrals.csv", COLUMNS["referrals"], seed)
    con_sink = _Sink(out / "consults.csv", COLUMNS["consults"], seed)
    try:
        for r in range(len(REGIONS)):
            n_ref = n_con = 1
            for yi in range(len(w.years)):
                refs = _referral_chunk(w, r, yi)
                _write_referrals(ref_sink, w, r, refs, n_ref)
                cons = _consult_chunk(w, r, yi, refs)
                _write_consults(con_sink, r, cons, n_ref, n_con)
                n_ref += len(refs)
                n_con += len(cons)
                _count_new_patients(new_patients[r], w, refs, cons)
    finally:
        ref_sink.close()
        con_sink.close()
    counts["referrals"] = ref_sink.rows
    counts["consults"] = con_sink.rows

    costs = _costs(w, new_patients, end_year)
    counts["costs"] = _write_frame(out / "costs.csv", costs, seed, sep=";", decimal=",",
                                   float_format="%.2f")
    counts["survey"] = _write_frame(out / "survey.csv", _survey(w), seed)
    regpop = pd.read_csv(out / "region_population.csv", comment="#")
    inh18 = regpop["inhabitants_18plus"].to_numpy().reshape(len(REGIONS), len(w.years))
    counts["hf_admissions"] = _write_frame(out / "hf_admissions.csv", _hf_admissions(w, inh18),
                                           seed)
    return {name: counts[name] for name in FILES}


def generate_referrals_csv(out_dir: Path | str, rows: int, *, seed: int = 2026, years: int = 5,
                           end_year: int = 2025) -> dict[str, int]:
    """Write exactly ``rows`` referrals plus the files they depend on; return row counts.

    Files: regions.csv, region_population.csv, practices.csv, population.csv and
    referrals.csv in ``out_dir``. The number of practices is chosen so that the referral rates
    stay realistic (about 70 referrals per practice per year); a tiny rate adjustment and a
    random thinning make the count exact. No consults, costs or survey files are written.
    """
    if rows < 0:
        raise ValueError("rows must be >= 0")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n_practices = max(len(REGIONS), math.ceil(rows / (70.0 * years)))
    w = _build_world(seed, n_practices, years, end_year)
    scale = 1.0 if rows == 0 else rows / w.expected_referrals() * 1.02
    n_chunks = len(REGIONS) * len(w.years)
    while True:
        w.rate_scale = scale
        sizes = np.array([len(_referral_chunk(w, r, yi)) for r in range(len(REGIONS))
                          for yi in range(len(w.years))], dtype=np.int64)
        if sizes.sum() >= rows:
            break
        scale *= 1.05
    surplus = int(sizes.sum()) - rows
    drop = (w.rng(_STREAM_TRIM).multivariate_hypergeometric(sizes, surplus)
            if surplus else np.zeros(n_chunks, dtype=np.int64))
    counts = _write_static(out, w)
    sink = _Sink(out / "referrals.csv", COLUMNS["referrals"], seed)
    try:
        c = 0
        for r in range(len(REGIONS)):
            n_ref = 1
            for yi in range(len(w.years)):
                refs = _referral_chunk(w, r, yi)
                if drop[c]:
                    gone = w.rng(_STREAM_TRIM, r, int(w.years[yi])).choice(
                        len(refs), size=int(drop[c]), replace=False)
                    keep = np.ones(len(refs), dtype=bool)
                    keep[gone] = False
                    refs = refs.take(np.flatnonzero(keep))
                _write_referrals(sink, w, r, refs, n_ref)
                n_ref += len(refs)
                c += 1
    finally:
        sink.close()
    counts["referrals"] = sink.rows
    assert sink.rows == rows, (sink.rows, rows)
    return counts


def _csv_dir_to_xlsx(src: Path, out: Path, seed: int, counts: dict[str, int]) -> None:
    too_big = [f for f, n in counts.items() if n > 1_048_575]
    if too_big:
        raise ValueError(f"too many rows for xlsx in {', '.join(too_big)}; use --format csv")
    note = pd.DataFrame({"toelichting": [_comment(seed).lstrip("# ").strip()]})
    for name in FILES:
        kwargs: dict[str, object] = {"sep": ";", "decimal": ","} if name == "costs" else {}
        df = pd.read_csv(src / f"{name}.csv", skiprows=1, dtype=str, keep_default_na=False,
                         **kwargs)
        for col in df.columns:  # keep numbers numeric in the workbook
            if col in ("year", "month", "listed_patients", "inhabitants", "inhabitants_18plus",
                       "admissions", "score", "amount", "satisfaction"):
                df[col] = pd.to_numeric(df[col].str.replace(",", ".", regex=False))
        with pd.ExcelWriter(out / f"{name}.xlsx", engine="openpyxl") as xw:
            df.to_excel(xw, sheet_name="data", index=False)
            note.to_excel(xw, sheet_name="toelichting", index=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="generate-sample",
        description="Genereer synthetische voorbeelddata (geen echte patiënten of praktijken).",
    )
    parser.add_argument("--out", type=Path, default=Path("data/sample"), help="output directory")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--practices", type=int, default=150)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--end-year", type=int, default=2025)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv", dest="fmt")
    parser.add_argument("--rate-scale", type=float, default=1.0,
                        help="multiply referral rates (load tests only; default 1.0)")
    parser.add_argument("--referral-rows", type=int, default=None,
                        help="write only a referrals file of exactly this many rows "
                             "(plus regions/practices/population), for benchmarks")
    parser.add_argument("--national", action="store_true",
                        help="national scale: 5,000 practices, 10 years and rate scale 3.75, "
                             "about 15 million referrals and 23 million consults (about 2.3 GB "
                             "of CSV; written in chunks, under 0.5 GB of memory)")
    args = parser.parse_args(argv)
    if args.national:
        args.practices, args.years, args.rate_scale = 5000, 10, 3.75
    t0 = time.perf_counter()
    try:
        if args.referral_rows is not None:
            counts = generate_referrals_csv(args.out, args.referral_rows, seed=args.seed,
                                            years=args.years, end_year=args.end_year)
        else:
            counts = generate(args.out, seed=args.seed, practices=args.practices,
                              years=args.years, end_year=args.end_year, fmt=args.fmt,
                              rate_scale=args.rate_scale)
    except ValueError as exc:
        print(f"generate-sample: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - t0
    for name, n in counts.items():
        print(f"{name:18s} {n:>12,d} rows")
    print(f"synthetische data geschreven naar {args.out} in {elapsed:.1f} s (seed={args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
