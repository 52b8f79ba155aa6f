"""Data assembly for the SROI page: quantities derived from the data, the model, and its results.

The flow is ``sroi_data`` (queries) -> :class:`Deriver` (numbers from the data, each with the
arithmetic that produced it) -> :func:`resolve` (put the derived numbers into the model
document) -> :func:`compute_view` (``dashboard.stats.sroi``: present values, sensitivity,
simulation, and the frames the charts draw). Nothing here imports Streamlit; texts come from
``dashboard.i18n`` in the language asked for.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from dashboard import formatting, i18n
from dashboard.queries.sroi import SroiData, sroi_data, sroi_regions
from dashboard.sroi_models import (
    FRACTIONS,
    SOURCES,
    STAKEHOLDERS,
    Problem,
    SroiModelError,
    StoredScenario,
    default_scenario,
    normalise_doc,
    source_kind,
    to_stats_model,
    write_xlsx,
)
from dashboard.stats.sroi import (
    SROIResult,
    SROISimulation,
    default_sroi_ranges,
    sroi,
    sroi_sensitivity,
    sroi_simulate,
)

FOLLOW_UP_DAYS = 182  # "within 6 months", as the ETL's resolved_6m
SIMULATIONS = 5_000
SIMULATION_SEED = 2026  # fixed, so the interval does not jitter between reruns
TORNADO_ROWS = 10

# Ratios reported in the seed documents: (code, ratio, label key, source key). Zorroo's
# "ruim twee euro" and PlusPunt MC's "bijna twee euro" are drawn at 2 and labelled in words, so
# the chart claims no more precision than the source.
REFERENCES: tuple[tuple[str, float, str, str], ...] = (
    ("zorroo", 2.0, "sroi.ref.zorroo", "sroi.ref.zin_source"),
    ("pluspunt", 2.0, "sroi.ref.pluspunt", "sroi.ref.zin_source"),
    ("business_case", 2.39, "sroi.ref.business_case", "sroi.ref.nivel_source"),
)


# ---- small date helpers --------------------------------------------------------------------


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def _month_end(month: date) -> date:
    return _add_months(month, 1) - timedelta(days=1)


def last_followed_month(data_date: date | None) -> date | None:
    """The last referral month whose every episode had FOLLOW_UP_DAYS of follow-up."""
    if data_date is None:
        return None
    month = data_date.replace(day=1)
    while _month_end(month) + timedelta(days=FOLLOW_UP_DAYS) > data_date:
        month = _add_months(month, -1)
    return month


# ---- derivations ---------------------------------------------------------------------------

# A line of explanation: an i18n key and its values as (value, format kind).
Line = tuple[str, dict[str, tuple[Any, str]]]


@dataclass(frozen=True)
class Derivation:
    """A number derived from the data (``value`` None: the data cannot give it) and the lines
    that explain how: the formula with the numbers filled in, then notes."""

    key: str
    value: float | None
    lines: tuple[Line, ...]


def _fmt(value: Any, kind: str, lang: str) -> str:
    if kind == "text":
        return str(value)
    if kind == "year":
        return str(int(value))
    if kind == "month":
        return formatting.format_month(value, lang=lang, short=True)
    if kind == "percent":
        return formatting.format_percent(value, decimals=1, lang=lang)
    if kind == "euro":
        return formatting.format_euro(value, decimals=0, lang=lang)
    if kind == "euro2":
        return formatting.format_euro(value, decimals=2, lang=lang)
    decimals = {"integer": 0, "decimal1": 1, "decimal2": 2}[kind]
    return formatting.format_number(value, decimals=decimals, lang=lang)


def explain(derivation: Derivation, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The derivation as markdown: the formula with the numbers, then any notes."""
    paragraphs = []
    for key, values in derivation.lines:
        shown = {name: _fmt(value, kind, lang) for name, (value, kind) in values.items()}
        paragraphs.append(i18n.translate(key, lang, **shown))
    return "\n\n".join(paragraphs)


class Deriver:
    """Derives model numbers for one region and reference year from :class:`SroiData`.

    ``baseline_year`` is the "before" year for admissions and the professionals' survey; by
    default the year before the anderhalvelijn start, or the first year with data when the data
    do not reach back that far (noted in the explanation: the effect is then underestimated).
    """

    def __init__(
        self,
        data: SroiData,
        reference_year: int | None,
        baseline_year: int | None = None,
        anderhalvelijn_start: date | None = None,
    ):
        self.data = data
        self.year = reference_year
        self.baseline_year = baseline_year
        self.start = anderhalvelijn_start
        self._cache: dict[str, Derivation] = {}
        referrals = data.referrals
        self._ref_year = (
            referrals.assign(year=[m.year for m in referrals["month"]])
            .groupby(["year", "destination"])["referrals"].sum()
            if not referrals.empty else pd.Series(dtype=float)
        )
        episodes = data.episodes
        self._epi_year = (
            episodes.assign(year=[m.year for m in episodes["month"]])
            .groupby(["year", "destination"])[["with_consult", "wait_days_sum"]].sum()
            if not episodes.empty else pd.DataFrame()
        )

    # -- building blocks --

    def referrals(self, destination: str, year: int | None = None) -> int:
        year = self.year if year is None else year
        return int(self._ref_year.get((year, destination), 0))

    def has_referrals(self, year: int | None = None) -> bool:
        year = self.year if year is None else year
        return year is not None and any(y == year for y, _ in self._ref_year.index)

    def cost_rows(self, year: int | None = None) -> pd.DataFrame:
        costs = self.data.costs
        return costs[costs["year"] == (self.year if year is None else year)]

    def resolved_share(self, destination: str) -> dict[str, Any] | None:
        """Share of episodes without a hospital referral within six months, over the last 12
        referral months (up to the reference year's December) that had full follow-up."""
        last = last_followed_month(self.data.data_date)
        if last is None or self.year is None:
            return None
        last = min(last, date(self.year, 12, 1))
        first = _add_months(last, -11)
        episodes = self.data.episodes
        window = episodes[
            (episodes["destination"] == destination)
            & np.array([first <= m <= last for m in episodes["month"]], dtype=bool)
        ] if not episodes.empty else episodes
        total = int(window["episodes"].sum()) if not window.empty else 0
        if total == 0:
            return None
        resolved = int(window["resolved_6m"].sum())
        return {"share": resolved / total, "resolved": resolved, "episodes": total,
                "first": first, "last": last}

    def mean_wait(self, destination: str) -> tuple[float, int] | None:
        if self._epi_year.empty or (self.year, destination) not in self._epi_year.index:
            return None
        row = self._epi_year.loc[(self.year, destination)]
        consults = int(row["with_consult"])
        if consults == 0:
            return None
        return float(row["wait_days_sum"]) / consults, consults

    def _baseline(self, years: list[int]) -> tuple[int | None, bool]:
        """(baseline year, True when it had to fall back to the first year with data)."""
        if not years:
            return None, False
        if self.baseline_year is not None:
            return (self.baseline_year, False) if self.baseline_year in years else (None, False)
        wanted = self.start.year - 1 if self.start is not None else None
        if wanted is not None and wanted in years:
            return wanted, False
        return min(years), wanted is not None

    # -- public --

    def get(self, key: str) -> Derivation:
        """The derivation of ``key``; euros rounded to cents and quantities to one decimal, so
        the editor, the explanation and an export show the same number."""
        if key not in self._cache:
            derivation = self._derive(key)
            if derivation.value is not None:
                money = source_kind(key) in ("cost", *SOURCES["proxy"])
                value = round(float(derivation.value), 2 if money else 1)
                derivation = Derivation(key, value, derivation.lines)
            self._cache[key] = derivation
        return self._cache[key]

    def _derive(self, key: str) -> Derivation:
        kind = source_kind(key)
        if self.year is None:
            return Derivation(key, None, (("sroi.how.no_year", {}),))
        if kind == "cost":
            return self._cost(key)
        if kind == "satisfaction_gain":
            return self._satisfaction(key)
        method = {
            "alv_referrals": self._alv_referrals,
            "alv_resolved": self._alv_resolved,
            "hospital_cost_per_patient": self._hospital_cost,
            "wait_days_saved": self._wait_days,
            "hf_admissions_avoided": self._admissions,
            "cost_per_admission": self._admission_cost,
        }.get(kind or "")
        if method is None:
            return Derivation(key, None, (("sroi.how.unknown", {"key": (key, "text")}),))
        return method(key)

    def _no_referrals(self, key: str) -> Derivation:
        return Derivation(key, None, (("sroi.how.no_referrals", {"year": (self.year, "year")}),))

    def _cost(self, key: str) -> Derivation:
        setting, cost_type, payer = key.split(":")[1:]
        rows = self.cost_rows()
        if rows.empty:
            return Derivation(key, None, (("sroi.how.no_costs", {"year": (self.year, "year")}),))
        mask = pd.Series(True, index=rows.index)
        for column, wanted in (("setting", setting), ("cost_type", cost_type), ("payer", payer)):
            if wanted != "*":
                mask &= rows[column] == wanted
        value = float(rows.loc[mask, "amount"].sum())
        return Derivation(key, value, ((
            "sroi.how.cost",
            {
                "result": (value, "euro"),
                "year": (self.year, "year"),
                "setting": (_code_label("destination", setting), "text"),
                "cost_type": (_code_label("sroi.cost_type", cost_type), "text"),
                "payer": (_code_label("sroi.stakeholder", payer), "text"),
            },
        ),))

    def _alv_referrals(self, key: str) -> Derivation:
        if not self.has_referrals():
            return self._no_referrals(key)
        value = self.referrals("anderhalvelijn")
        return Derivation(key, float(value), ((
            "sroi.how.alv_referrals", {"result": (value, "integer"), "year": (self.year, "year")}
        ),))

    def _alv_resolved(self, key: str) -> Derivation:
        if not self.has_referrals():
            return self._no_referrals(key)
        referrals = self.referrals("anderhalvelijn")
        if referrals == 0:
            # No anderhalvelijn care that year (e.g. before the start): truly nothing avoided.
            return self._alv_referrals(key)
        share = self.resolved_share("anderhalvelijn")
        if share is None:
            return Derivation(key, None, (("sroi.how.no_follow_up", {}),))
        value = referrals * share["share"]
        return Derivation(key, value, ((
            "sroi.how.alv_resolved",
            {
                "result": (value, "decimal1"),
                "referrals": (referrals, "integer"),
                "year": (self.year, "year"),
                "share": (share["share"], "percent"),
                "first": (share["first"], "month"),
                "last": (share["last"], "month"),
                "resolved": (share["resolved"], "integer"),
                "episodes": (share["episodes"], "integer"),
            },
        ),))

    def _care_cost(self, setting: str) -> float | None:
        rows = self.cost_rows()
        rows = rows[(rows["setting"] == setting) & (rows["cost_type"] == "zorg")]
        return float(rows["amount"].sum()) if not rows.empty else None

    def _hospital_cost(self, key: str) -> Derivation:
        cost = self._care_cost("ziekenhuis")
        if cost is None or cost <= 0:
            return Derivation(key, None, (
                ("sroi.how.no_care_costs", {"year": (self.year, "year")}),
            ))
        direct = self.referrals("ziekenhuis")
        onward = {}
        notes: list[Line] = []
        for destination in ("anderhalvelijn", "econsult"):
            referrals = self.referrals(destination)
            share = self.resolved_share(destination)
            if referrals and share is None:
                notes.append(("sroi.how.onward_unknown", {
                    "destination": (_code_label("destination", destination), "text"),
                }))
            onward[destination] = referrals * (1 - share["share"]) if share else 0.0
        patients = direct + onward["anderhalvelijn"] + onward["econsult"]
        if patients <= 0:
            return self._no_referrals(key)
        value = cost / patients
        lines: list[Line] = [(
            "sroi.how.hospital_cost",
            {
                "result": (value, "euro"),
                "year": (self.year, "year"),
                "cost": (cost, "euro"),
                "patients": (patients, "integer"),
                "direct": (direct, "integer"),
                "via_alv": (onward["anderhalvelijn"], "integer"),
                "via_ec": (onward["econsult"], "integer"),
            },
        )]
        alv_cost = self._care_cost("anderhalvelijn")
        alv_patients = self.referrals("anderhalvelijn")
        if alv_cost and alv_patients:
            per_patient = alv_cost / alv_patients
            lines.append((
                "sroi.how.hospital_cost_compare",
                {
                    "alv_cost": (per_patient, "euro"),
                    "alv_total": (alv_cost, "euro"),
                    "alv_patients": (alv_patients, "integer"),
                    "difference": (value - per_patient, "euro"),
                },
            ))
        return Derivation(key, value, tuple(lines + notes))

    def _wait_days(self, key: str) -> Derivation:
        hospital, alv = self.mean_wait("ziekenhuis"), self.mean_wait("anderhalvelijn")
        if alv is None and self.has_referrals() and self.referrals("anderhalvelijn") == 0:
            return self._alv_referrals(key)  # no anderhalvelijn patients: no days saved
        if hospital is None or alv is None:
            return Derivation(key, None, (("sroi.how.no_waits", {"year": (self.year, "year")}),))
        saved_per_patient = hospital[0] - alv[0]
        value = alv[1] * max(0.0, saved_per_patient)
        lines: list[Line] = [(
            "sroi.how.wait_days",
            {
                "result": (value, "decimal1"),
                "patients": (alv[1], "integer"),
                "year": (self.year, "year"),
                "wait_zh": (hospital[0], "decimal1"),
                "wait_alv": (alv[0], "decimal1"),
            },
        )]
        if saved_per_patient <= 0:
            lines.append(("sroi.how.not_negative", {}))
        return Derivation(key, value, tuple(lines))

    def _annual(self, table: pd.DataFrame, year: int) -> tuple[float, int] | None:
        row = table[table["year"] == year]
        if row.empty or int(row["months"].iloc[0]) == 0:
            return None
        months = int(row["months"].iloc[0])
        return float(row["admissions"].iloc[0]) * 12 / months, months

    def _adults(self, year: int) -> int | None:
        population = self.data.population
        row = population[population["year"] == year]
        return int(row["inhabitants_18plus"].iloc[0]) if not row.empty else None

    def _admissions(self, key: str) -> Derivation:
        admissions = self.data.admissions
        years = [int(y) for y in admissions["year"]] if not admissions.empty else []
        base, fell_back = self._baseline([y for y in years if y < self.year])
        current = self._annual(admissions, self.year) if self.year in years else None
        if base is None or current is None:
            return Derivation(key, None, (("sroi.how.no_admissions", {
                "year": (self.year, "year"),
            }),))
        before = self._annual(admissions, base)
        adults_base, adults_year = self._adults(base), self._adults(self.year)
        if before is None or not adults_base or not adults_year:
            return Derivation(key, None, (("sroi.how.no_population", {
                "year": (self.year, "year"), "base_year": (base, "year"),
            }),))
        rate_base = before[0] / adults_base * 1000
        rate_year = current[0] / adults_year * 1000
        value = max(0.0, rate_base - rate_year) * adults_year / 1000
        lines: list[Line] = [(
            "sroi.how.admissions",
            {
                "result": (value, "decimal1"),
                "rate_base": (rate_base, "decimal2"),
                "rate_year": (rate_year, "decimal2"),
                "base_year": (base, "year"),
                "year": (self.year, "year"),
                "adults": (adults_year, "integer"),
                "adm_base": (before[0], "integer"),
                "adm_year": (current[0], "integer"),
            },
        )]
        if before[1] < 12 or current[1] < 12:
            lines.append(("sroi.how.annualised", {}))
        if fell_back:
            lines.append(("sroi.how.baseline_fallback", {
                "start_year": (self.start.year, "year"), "base_year": (base, "year"),
            }))
        if rate_year >= rate_base:
            lines.append(("sroi.how.not_negative", {}))
        return Derivation(key, value, tuple(lines))

    def _admission_cost(self, key: str) -> Derivation:
        rows = self.cost_rows()
        cost = float(rows.loc[rows["cost_type"] == "opname", "amount"].sum()) if len(rows) else 0
        current = self._annual(self.data.admissions, self.year)
        if cost <= 0 or current is None or current[0] <= 0:
            return Derivation(key, None, (("sroi.how.no_admission_costs", {
                "year": (self.year, "year"),
            }),))
        admissions = current[0] * current[1] / 12  # the admissions the cost rows cover
        value = cost / admissions
        return Derivation(key, value, ((
            "sroi.how.admission_cost",
            {
                "result": (value, "euro"),
                "cost": (cost, "euro"),
                "admissions": (admissions, "integer"),
                "year": (self.year, "year"),
            },
        ),))

    def _satisfaction(self, key: str) -> Derivation:
        professions = [p.strip() for p in key.removeprefix("satisfaction_gain:").split(",")]
        survey = self.data.survey
        rows = survey[survey["profession"].isin(professions)] if not survey.empty else survey
        by_year = rows.groupby("year")[["respondents", "score_sum"]].sum() if len(rows) else None
        years = [int(y) for y in by_year.index] if by_year is not None else []
        base, fell_back = self._baseline([y for y in years if y < self.year])
        labels = ", ".join(_code_label("sroi.profession", p) for p in professions)
        if base is None or self.year not in years:
            return Derivation(key, None, (("sroi.how.no_survey", {
                "year": (self.year, "year"), "professions": (labels, "text"),
            }),))
        mean_base = by_year.loc[base, "score_sum"] / by_year.loc[base, "respondents"]
        mean_year = by_year.loc[self.year, "score_sum"] / by_year.loc[self.year, "respondents"]
        respondents = int(by_year.loc[self.year, "respondents"])
        value = respondents * max(0.0, float(mean_year - mean_base))
        lines: list[Line] = [(
            "sroi.how.satisfaction",
            {
                "result": (value, "decimal1"),
                "respondents": (respondents, "integer"),
                "professions": (labels, "text"),
                "year": (self.year, "year"),
                "mean_year": (float(mean_year), "decimal2"),
                "mean_base": (float(mean_base), "decimal2"),
                "base_year": (base, "year"),
            },
        )]
        if fell_back:
            lines.append(("sroi.how.baseline_fallback", {
                "start_year": (self.start.year, "year"), "base_year": (base, "year"),
            }))
        if mean_year <= mean_base:
            lines.append(("sroi.how.not_negative", {}))
        return Derivation(key, value, tuple(lines))


def _code_label(kind: str, code: str) -> str:
    if code == "*":
        return i18n.translate("sroi.all")
    return i18n.label(kind, code)


def available_years(data: SroiData) -> list[int]:
    """Years with referrals or costs, newest first: the choices for the reference year."""
    years = {m.year for m in data.referrals["month"]} | {int(y) for y in data.costs["year"]}
    return sorted(years, reverse=True)


def default_reference_year(data: SroiData) -> int | None:
    """The last calendar year the referral data cover to December; else the last year with
    referrals; else the last year with costs."""
    if not data.referrals.empty:
        last = max(data.referrals["month"])
        return last.year if last.month == 12 else max(last.year - 1, min(
            m.year for m in data.referrals["month"]
        ))
    if not data.costs.empty:
        return int(data.costs["year"].max())
    return None


# ---- the model with derived numbers --------------------------------------------------------


@dataclass
class Resolved:
    """A model document with the derived numbers filled in.

    ``sources`` maps ``(table, row index, field)`` to "data" (derived), "fallback" (a
    derivation was asked for but the data could not give it, so the document's own number is
    used) or "fixed" (an assumption typed in the model). ``derivations`` has one entry per
    derivation key used.
    """

    doc: dict[str, Any]
    reference_year: int | None
    baseline_year: int | None
    sources: dict[tuple[str, int, str], str]
    derivations: dict[str, Derivation]

    @property
    def fallbacks(self) -> int:
        return sum(1 for status in self.sources.values() if status == "fallback")


_FROM = {"investments": (("amount", "amount_from"),),
         "outcomes": (("quantity", "quantity_from"), ("proxy", "proxy_from"))}


def resolve(doc: Mapping[str, Any], data: SroiData, anderhalvelijn_start: date | None) -> Resolved:
    """Fill every ``*_from`` number of ``doc`` from the data (see :class:`Deriver`)."""
    doc = copy.deepcopy(dict(doc))
    year = doc.get("reference_year") or default_reference_year(data)
    deriver = Deriver(data, year, doc.get("baseline_year"), anderhalvelijn_start)
    sources: dict[tuple[str, int, str], str] = {}
    derivations: dict[str, Derivation] = {}
    for table, pairs in _FROM.items():
        for index, row in enumerate(doc[table]):
            for number_field, from_field in pairs:
                key = row.get(from_field)
                if not key:
                    sources[(table, index, number_field)] = "fixed"
                    continue
                derivation = deriver.get(key)
                derivations[key] = derivation
                if derivation.value is None:
                    sources[(table, index, number_field)] = "fallback"
                else:
                    row[number_field] = float(derivation.value)
                    sources[(table, index, number_field)] = "data"
    uses_baseline = any(
        source_kind(key) in ("hf_admissions_avoided", "satisfaction_gain") for key in derivations
    )
    base = deriver._baseline(_years_before(data, year))[0] if year and uses_baseline else None
    return Resolved(doc, year, doc.get("baseline_year") or base, sources, derivations)


def _years_before(data: SroiData, year: int | None) -> list[int]:
    years = {int(y) for y in data.admissions["year"]} | {int(y) for y in data.survey["year"]}
    return sorted(y for y in years if year is None or y < year)


# ---- the editor tables ---------------------------------------------------------------------

INVESTMENT_COLUMNS = ["stakeholder", "description", "year", "amount", "source", "amount_from"]
OUTCOME_COLUMNS = [
    "name", "stakeholder", "unit", "quantity", "proxy", *FRACTIONS, "duration", "source",
    "description", "quantity_from", "proxy_from",
]
HIDDEN_COLUMNS = ("amount_from", "quantity_from", "proxy_from")


def stakeholder_options(doc: Mapping[str, Any], lang: str) -> list[str]:
    """Stakeholder labels for the editor: the known ones, then any others the model names."""
    labels = [i18n.label("sroi.stakeholder", code, lang) for code in STAKEHOLDERS]
    for table in ("investments", "outcomes"):
        for row in doc[table]:
            label = i18n.label("sroi.stakeholder", row["stakeholder"], lang)
            if label not in labels:
                labels.append(label)
    return labels


def _source_label(statuses: list[tuple[str, str]], year: int | None, lang: str) -> str:
    parts = []
    for field_name, status in statuses:
        if status == "fixed":
            continue
        what = i18n.translate(f"sroi.field.{field_name}", lang)
        key = "sroi.source.data" if status == "data" else "sroi.source.fallback"
        parts.append(i18n.translate(key, lang, field=what, year=year or "–"))
    return "; ".join(parts) if parts else i18n.translate("sroi.source.fixed", lang)


def editor_tables(resolved: Resolved, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The investments and outcomes as the editor shows them (stakeholders as labels)."""
    doc = resolved.doc
    investments = pd.DataFrame(
        [
            {
                "stakeholder": i18n.label("sroi.stakeholder", row["stakeholder"], lang),
                "description": row["description"],
                "year": int(row["year"]),
                "amount": float(row["amount"]),
                "source": _source_label(
                    [("amount", resolved.sources[("investments", i, "amount")])],
                    resolved.reference_year, lang,
                ),
                "amount_from": row["amount_from"] or "",
            }
            for i, row in enumerate(doc["investments"])
        ],
        columns=INVESTMENT_COLUMNS,
    )
    outcomes = pd.DataFrame(
        [
            {
                "name": row["name"],
                "stakeholder": i18n.label("sroi.stakeholder", row["stakeholder"], lang),
                "unit": row["unit"],
                "quantity": float(row["quantity"]),
                "proxy": float(row["proxy"]),
                **{key: float(row[key]) for key in FRACTIONS},
                "duration": int(row["duration"]),
                "source": _source_label(
                    [(f, resolved.sources[("outcomes", i, f)]) for f in ("quantity", "proxy")],
                    resolved.reference_year, lang,
                ),
                "description": row["description"],
                "quantity_from": row["quantity_from"] or "",
                "proxy_from": row["proxy_from"] or "",
            }
            for i, row in enumerate(doc["outcomes"])
        ],
        columns=OUTCOME_COLUMNS,
    )
    investments["year"] = investments["year"].astype("int64")
    outcomes["duration"] = outcomes["duration"].astype("int64")
    return investments, outcomes


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """Editor cells to plain Python values (NaN/None -> None; numpy scalars -> numbers)."""
    if _blank(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def doc_from_tables(
    investments: pd.DataFrame,
    outcomes: pd.DataFrame,
    resolved: Resolved,
    lang: str,
) -> dict[str, Any]:
    """The model document after the user's edits; :class:`SroiModelError` names every bad cell.

    A derived number the user changed becomes a fixed assumption (its ``*_from`` is dropped);
    rows the user added and left completely empty are ignored.
    """
    codes_by_label = {
        i18n.label("sroi.stakeholder", code, lang): code for code in STAKEHOLDERS
    }
    base = resolved.doc
    doc = {k: v for k, v in base.items() if k not in ("investments", "outcomes")}
    for table, frame, editable in (
        ("investments", investments, ["stakeholder", "description", "year", "amount"]),
        ("outcomes", outcomes,
         ["name", "stakeholder", "unit", "quantity", "proxy", *FRACTIONS, "duration",
          "description"]),
    ):
        rows = []
        # The editor keeps each original row's index label through deletions and gives added
        # rows new labels, so the label finds the row's derivation in the base document.
        for label_index, record in zip(frame.index, frame.to_dict("records"), strict=True):
            if all(_blank(record.get(column)) for column in editable):
                continue
            position = label_index if isinstance(label_index, int | np.integer) else -1
            row = {column: _plain(record.get(column)) for column in editable}
            label = row.get("stakeholder")
            row["stakeholder"] = codes_by_label.get(label, label) if label else label
            for column in ("description", "unit", "name"):
                if column in row and row[column] is None:
                    row[column] = ""
            for number_field, from_field in _FROM[table]:
                key = _plain(record.get(from_field))
                original = base[table][position] if 0 <= position < len(base[table]) else None
                if (
                    key
                    and original is not None
                    and original.get(from_field) == key
                    and _same(row.get(number_field), original[number_field])
                ):
                    row[from_field] = key
            rows.append(row)
        doc[table] = rows
    return normalise_doc(doc)


# ---- results -------------------------------------------------------------------------------


@dataclass
class SroiView:
    """Everything the result part of the page shows for one model."""

    result: SROIResult
    simulation: SROISimulation
    sensitivity: pd.DataFrame
    ratio_chart: pd.DataFrame
    waterfall: pd.DataFrame
    stakeholders: pd.DataFrame
    stakeholder_chart: pd.DataFrame
    tornado: pd.DataFrame
    losers: list[str] = field(default_factory=list)


def _stakeholder(code: str, lang: str) -> str:
    return i18n.label("sroi.stakeholder", code, lang)


def _field_label(assumption: str, lang: str) -> tuple[str, str, str]:
    """(outcome or stakeholder, field label, field) of a sensitivity key."""
    if assumption == "discount_rate":
        return "", i18n.translate("sroi.field.discount_rate", lang), "discount_rate"
    if assumption.startswith("investment."):
        who = _stakeholder(assumption.removeprefix("investment."), lang)
        return who, i18n.translate("sroi.field.investment", lang), "investment"
    name, _, attr = assumption.rpartition(".")
    return name, i18n.translate(f"sroi.field.{attr}", lang), attr


def _value_text(value: float, attr: str, lang: str) -> str:
    if attr in FRACTIONS or attr == "discount_rate":
        return formatting.format_percent(value, decimals=1, lang=lang)
    if attr in ("proxy", "investment"):
        # Small proxies (a few euros per waiting day) need their cents to show the range.
        return formatting.format_euro(value, decimals=2 if abs(value) < 100 else 0, lang=lang)
    if attr == "duration":
        return formatting.format_number(value, decimals=0, lang=lang)
    return formatting.format_number(value, decimals=0, lang=lang)


def uncertainty_ranges(model: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """The statistics' default ranges, except that a one-year outcome stays one year.

    An outcome counted per year with a duration of 1 (an avoided hospital trajectory, a
    shorter wait) is a one-off event; letting its duration run to 2 years would double its
    value in half the simulations and make duration the top of every tornado.
    """
    ranges = default_sroi_ranges(model)
    for outcome in model["outcomes"]:
        if int(outcome["duration"]) == 1:
            ranges.pop(f"{outcome['name']}.duration", None)
    return ranges


def compute_view(
    doc: Mapping[str, Any],
    region_name: str,
    lang: str = i18n.DEFAULT_LANGUAGE,
    simulations: int = SIMULATIONS,
) -> SroiView:
    """Present values, ratio interval, sensitivity and the chart frames for a resolved model.

    Raises :class:`SroiModelError` when the model has no investment above 0.
    """
    model = to_stats_model(doc)
    try:
        ranges = uncertainty_ranges(model)
        result = sroi(model)
        simulation = sroi_simulate(model, n=simulations, seed=SIMULATION_SEED, ranges=ranges)
        sensitivity = sroi_sensitivity(model, ranges)
    except ValueError as error:
        # The document checks mirror the statistics' checks; this is the safety net.
        raise SroiModelError([Problem("sroi.err.stats", value=str(error))]) from error

    ratio_rows = [{
        "label": i18n.translate("sroi.ref.this_model", lang, region=region_name),
        "kind": "model",
        "ratio": result.ratio,
        "shown": formatting.format_number(result.ratio, decimals=2, lang=lang),
        "low": simulation.ratio_interval[0],
        "high": simulation.ratio_interval[1],
        "source": i18n.translate("sroi.ref.model_source", lang, n=formatting.format_number(
            simulations, lang=lang)),
    }]
    for _code, ratio, label_key, source_key in REFERENCES:
        ratio_rows.append({
            "label": i18n.translate(label_key, lang),
            "kind": "reference",
            "ratio": ratio,
            "shown": i18n.translate(f"{label_key}_value", lang),
            "low": np.nan,
            "high": np.nan,
            "source": i18n.translate(source_key, lang),
        })
    ratio_chart = pd.DataFrame(ratio_rows)

    outcomes = result.outcomes.sort_values("present_value", ascending=False, kind="stable")
    steps, level = [], 0.0
    for row in outcomes.itertuples(index=False):
        steps.append({
            "label": row.outcome, "kind": "outcome",
            "stakeholder": _stakeholder(row.stakeholder, lang),
            "start": level, "end": level + row.present_value, "value": row.present_value,
        })
        level += row.present_value
    steps.append({"label": i18n.translate("sroi.wf.total", lang), "kind": "total",
                  "stakeholder": "", "start": 0.0, "end": level, "value": level})
    steps.append({"label": i18n.translate("sroi.wf.investment", lang), "kind": "investment",
                  "stakeholder": "", "start": level, "end": level - result.investment,
                  "value": -result.investment})
    steps.append({"label": i18n.translate("sroi.wf.net", lang), "kind": "net",
                  "stakeholder": "", "start": 0.0, "end": result.net_present_value,
                  "value": result.net_present_value})
    waterfall = pd.DataFrame(steps)
    waterfall.insert(0, "step", range(1, len(waterfall) + 1))

    people = result.stakeholders.copy()
    total_invested, total_benefit = people["invested"].sum(), people["benefit"].sum()
    people["share_invested"] = people["invested"] / total_invested if total_invested else 0.0
    people["share_benefit"] = people["benefit"] / total_benefit if total_benefit else 0.0
    people.insert(0, "label", [_stakeholder(c, lang) for c in people["stakeholder"]])
    people = people.sort_values("invested", ascending=False, kind="stable").reset_index(drop=True)
    losers = [row.label for row in people.itertuples() if row.net < 0]
    invested_label = i18n.translate("sroi.sh.invested", lang)
    benefit_label = i18n.translate("sroi.sh.benefit", lang)
    stakeholder_chart = pd.concat(
        [
            pd.DataFrame({"stakeholder": people["label"], "measure": invested_label,
                          "amount": people["invested"], "order": range(len(people))}),
            pd.DataFrame({"stakeholder": people["label"], "measure": benefit_label,
                          "amount": people["benefit"], "order": range(len(people))}),
        ],
        ignore_index=True,
    ).sort_values(["order", "measure"], kind="stable").drop(columns="order")
    stakeholder_chart = stakeholder_chart.reset_index(drop=True)

    top = sensitivity.head(TORNADO_ROWS)
    rows = []
    for row in top.itertuples(index=False):
        who, field_label, attr = _field_label(row.assumption, lang)
        span = (f"{_value_text(row.low_value, attr, lang)} – "
                f"{_value_text(row.high_value, attr, lang)}")
        label = f"{who}: {field_label} ({span})" if who else f"{field_label} ({span})"
        rows.append({
            "label": label[:1].upper() + label[1:],
            "assumption": row.assumption,
            "ratio_low": row.ratio_low,
            "ratio_high": row.ratio_high,
            "base_ratio": sensitivity.attrs["base_ratio"],
            "swing": row.swing,
        })
    tornado = pd.DataFrame(rows, columns=["label", "assumption", "ratio_low", "ratio_high",
                                          "base_ratio", "swing"])
    return SroiView(
        result=result,
        simulation=simulation,
        sensitivity=sensitivity,
        ratio_chart=ratio_chart,
        waterfall=waterfall,
        stakeholders=people,
        stakeholder_chart=stakeholder_chart,
        tornado=tornado,
        losers=losers,
    )


# ---- comparing and exporting ----------------------------------------------------------------


def key_results(view: SroiView) -> dict[str, float]:
    return {
        "present_value": view.result.present_value,
        "investment": view.result.investment,
        "net_present_value": view.result.net_present_value,
        "ratio": view.result.ratio,
        "ratio_low": view.simulation.ratio_interval[0],
        "ratio_high": view.simulation.ratio_interval[1],
        "prob_above_1": view.simulation.prob_ratio_above_1,
    }


RESULT_KINDS = {
    "present_value": "euro", "investment": "euro", "net_present_value": "euro",
    "ratio": "decimal2", "ratio_low": "decimal2", "ratio_high": "decimal2",
    "prob_above_1": "percent",
}


def _assumptions(doc: Mapping[str, Any], lang: str) -> dict[str, tuple[float | str, str]]:
    """Every assumption of a document under a readable label, with its format kind."""
    values: dict[str, tuple[float | str, str]] = {
        i18n.translate("sroi.field.discount_rate", lang): (doc["discount_rate"], "percent"),
        i18n.translate("sroi.field.reference_year", lang): (
            doc.get("reference_year") or "", "text"
        ),
    }
    for row in doc["investments"]:
        who = _stakeholder(row["stakeholder"], lang)
        label = f"{who}: {row['description'] or i18n.translate('sroi.field.amount', lang)}"
        if row["year"]:
            label += f" ({i18n.translate('sroi.field.year', lang)} {row['year']})"
        previous = values.get(label, (0.0, "euro"))[0]
        values[label] = (float(previous) + row["amount"], "euro")
    for row in doc["outcomes"]:
        for key in ("quantity", "proxy", *FRACTIONS, "duration"):
            kind = {"quantity": "decimal1", "proxy": "euro2", "duration": "integer"}.get(
                key, "percent")
            label = f"{row['name']}: {i18n.translate(f'sroi.field.{key}', lang)}"
            values[label] = (row[key], kind)
    return values


def compare_scenarios(
    scenarios: Mapping[str, tuple[Mapping[str, Any], SroiView]], lang: str
) -> pd.DataFrame:
    """Key results of every scenario, then only the assumptions that differ between them.

    Columns: ``item`` (label), ``group`` (results | assumptions), one column per scenario with
    the value as text in ``lang``'s number format (so the table reads the same as the page).
    """
    names = list(scenarios)
    rows: list[dict[str, Any]] = []
    for key, kind in RESULT_KINDS.items():
        row = {"item": i18n.translate(f"sroi.result.{key}", lang),
               "group": i18n.translate("sroi.compare.results", lang)}
        for name in names:
            row[name] = _fmt(key_results(scenarios[name][1])[key], kind, lang)
        rows.append(row)
    assumptions = {name: _assumptions(scenarios[name][0], lang) for name in names}
    labels = list(dict.fromkeys(label for a in assumptions.values() for label in a))
    for label in labels:
        cells = [assumptions[name].get(label) for name in names]
        present = [c for c in cells if c is not None]
        if len(present) == len(cells) and all(
            _same(c[0], present[0][0]) if c[1] != "text" else c[0] == present[0][0]
            for c in present
        ):
            continue
        row = {"item": label, "group": i18n.translate("sroi.compare.assumptions", lang)}
        for name, cell in zip(names, cells, strict=True):
            row[name] = formatting.MISSING if cell is None or cell[0] == "" else _fmt(
                cell[0], cell[1], lang)
        rows.append(row)
    return pd.DataFrame(rows, columns=["item", "group", *names])


def workbook_sheets(
    resolved: Resolved, view: SroiView, region_name: str, lang: str
) -> dict[str, pd.DataFrame]:
    """The XLSX export: assumptions (investments, outcomes), results, stakeholders, tornado."""
    t = lambda key: i18n.translate(key, lang)  # noqa: E731
    investments, outcomes = editor_tables(resolved, lang)
    investments = investments.rename(columns={
        c: t(f"sroi.col.{c}") for c in INVESTMENT_COLUMNS
    })
    outcomes = outcomes.rename(columns={c: t(f"sroi.col.{c}") for c in OUTCOME_COLUMNS})
    results = pd.DataFrame(
        [(t(f"sroi.result.{k}"), v) for k, v in key_results(view).items()]
        + [(t("sroi.col.region"), region_name),
           (t("sroi.field.reference_year"), resolved.reference_year or ""),
           (t("sroi.field.discount_rate"), resolved.doc["discount_rate"])],
        columns=[t("sroi.col.item"), t("sroi.col.value")],
    )
    per_outcome = view.result.outcomes.assign(
        stakeholder=lambda f: [_stakeholder(c, lang) for c in f["stakeholder"]]
    ).rename(columns={
        "outcome": t("sroi.col.name"), "stakeholder": t("sroi.col.stakeholder"),
        "impact_per_year": t("sroi.col.impact_per_year"), "duration": t("sroi.col.duration"),
        "present_value": t("sroi.col.present_value"),
    })
    people = view.stakeholders[["label", "invested", "benefit", "net", "share_invested",
                                "share_benefit"]].rename(columns={
        "label": t("sroi.col.stakeholder"), "invested": t("sroi.sh.invested"),
        "benefit": t("sroi.sh.benefit"), "net": t("sroi.sh.net"),
        "share_invested": t("sroi.sh.share_invested"), "share_benefit": t("sroi.sh.share_benefit"),
    })
    tornado = view.sensitivity.rename(columns={
        "assumption": t("sroi.col.assumption"), "base_value": t("sroi.col.base_value"),
        "low_value": t("sroi.col.low_value"), "high_value": t("sroi.col.high_value"),
        "ratio_low": t("sroi.col.ratio_low"), "ratio_high": t("sroi.col.ratio_high"),
        "npv_low": t("sroi.col.npv_low"), "npv_high": t("sroi.col.npv_high"),
        "swing": t("sroi.col.swing"),
    })
    return {
        t("sroi.sheet.investments"): investments,
        t("sroi.sheet.outcomes"): outcomes,
        t("sroi.sheet.results"): results,
        t("sroi.sheet.per_outcome"): per_outcome,
        t("sroi.sheet.stakeholders"): people,
        t("sroi.sheet.sensitivity"): tornado,
    }


def workbook(resolved: Resolved, view: SroiView, region_name: str, lang: str) -> bytes:
    return write_xlsx(workbook_sheets(resolved, view, region_name, lang))


# ---- the page in one call (tests, benchmarks) ----------------------------------------------


@dataclass
class SroiPage:
    regions: pd.DataFrame
    region: str | None = None
    region_name: str = ""
    anderhalvelijn_start: date | None = None
    data: SroiData | None = None
    stored: StoredScenario | None = None
    resolved: Resolved | None = None
    view: SroiView | None = None
    problems: list[str] = field(default_factory=list)


def region_row(regions: pd.DataFrame, region: str) -> dict[str, Any]:
    row = regions[regions["region"] == region].iloc[0]
    start = row["anderhalvelijn_start"]
    return {
        "name": row["name"],
        "synthetic": bool(row["synthetic"]),
        "start": None if start is None or pd.isna(start) else pd.Timestamp(start).date(),
    }


def sroi_page(
    engine: Engine, region: str | None = None, lang: str = i18n.DEFAULT_LANGUAGE,
    simulations: int = SIMULATIONS,
) -> SroiPage:
    """What the page shows for ``region``'s own model (the first region when None)."""
    regions = sroi_regions(engine)
    page = SroiPage(regions=regions)
    if regions.empty:
        return page
    page.region = region if region in set(regions["region"]) else regions["region"].iloc[0]
    info = region_row(regions, page.region)
    page.region_name, page.anderhalvelijn_start = info["name"], info["start"]
    page.data = sroi_data(engine, page.region)
    page.stored = default_scenario(
        engine, page.region, synthetic=info["synthetic"],
        has_anderhalvelijn=info["start"] is not None,
    )
    page.resolved = resolve(page.stored.doc, page.data, page.anderhalvelijn_start)
    try:
        page.view = compute_view(page.resolved.doc, page.region_name, lang, simulations)
    except SroiModelError as error:
        page.problems = error.messages(lang)
    return page


def derivation_labels(doc: Mapping[str, Any], lang: str) -> dict[str, str]:
    """For each derivation key in ``doc``: which numbers it fills, as a reader names them."""
    labels: dict[str, list[str]] = {}
    for table, pairs in _FROM.items():
        for row in doc[table]:
            for number_field, from_field in pairs:
                key = row.get(from_field)
                if not key:
                    continue
                if table == "investments":
                    who = _stakeholder(row["stakeholder"], lang)
                    what = f"{who}: {row['description']}" if row["description"] else who
                else:
                    what = row["name"]
                field_label = i18n.translate(f"sroi.field.{number_field}", lang)
                labels.setdefault(key, []).append(f"{what} ({field_label.lower()})")
    return {key: "; ".join(values) for key, values in labels.items()}
