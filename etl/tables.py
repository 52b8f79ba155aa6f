"""What each input table looks like: columns, aliases, types, keys and replacement scope.

The single description the reader, the validator and ``docs/data-format.md`` agree on.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from dashboard import codes


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # text | int | number | date | bool | code | icpc
    aliases: tuple[str, ...] = ()
    required: bool = True
    vocabulary: dict[str, tuple[str, ...]] | None = None
    minimum: float | None = None
    maximum: float | None = None
    # Values are replaced by a keyed hash before storage (see etl.privacy).
    pseudonymise: bool = False


@dataclass(frozen=True)
class TableSpec:
    name: str
    prefixes: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    # "upsert": rows replace rows with the same key; "month"/"year": a file replaces everything
    # earlier loaded for the regions and months (years) it contains.
    replace: str
    db_table: str
    allowed_personal_names: tuple[str, ...] = field(default=())

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


YEAR = dict(minimum=2000)

REGIONS = TableSpec(
    name="regions",
    prefixes=("regions", "regios", "regio's"),
    columns=(
        ColumnSpec("code", "text", ("regio", "regiocode", "region")),
        ColumnSpec("region_name", "text", ("regionaam", "region name")),
        ColumnSpec("anderhalvelijn_start", "date", ("start_anderhalvelijn",), required=False),
        ColumnSpec("synthetic", "bool", ("synthetisch",), required=False),
    ),
    key=("code",),
    replace="upsert",
    db_table="region",
    allowed_personal_names=("region_name", "regionaam"),
)

REGION_POPULATION = TableSpec(
    name="region_population",
    prefixes=("region_population", "inwoners"),
    columns=(
        ColumnSpec("region", "text", ("regio",)),
        ColumnSpec("year", "int", ("jaar",), **YEAR),
        ColumnSpec("inhabitants", "int", ("inwoners",), minimum=0),
        ColumnSpec("inhabitants_18plus", "int", ("inwoners_18plus",), minimum=0),
    ),
    key=("region", "year"),
    replace="upsert",
    db_table="region_population",
)

PRACTICES = TableSpec(
    name="practices",
    prefixes=("practices", "praktijken"),
    columns=(
        ColumnSpec("code", "text", ("praktijk", "praktijkcode", "practice")),
        ColumnSpec("region", "text", ("regio",)),
        ColumnSpec("practice_name", "text", ("praktijknaam",), required=False),
        ColumnSpec("joined_on", "date", ("lid_sinds",), required=False),
    ),
    key=("code",),
    replace="upsert",
    db_table="practice",
    allowed_personal_names=("practice_name", "praktijknaam"),
)

POPULATION = TableSpec(
    name="population",
    prefixes=("population", "populatie", "praktijkpopulatie"),
    columns=(
        ColumnSpec("practice", "text", ("praktijk",)),
        ColumnSpec("year", "int", ("jaar",), **YEAR),
        ColumnSpec("age_band", "code", ("leeftijdsgroep",),
                   vocabulary={band: () for band in codes.AGE_BANDS}),
        ColumnSpec("sex", "code", ("geslacht",), vocabulary=codes.SEXES),
        ColumnSpec("listed_patients", "int", ("ingeschreven", "aantal_patienten"), minimum=0),
    ),
    key=("practice", "year", "age_band", "sex"),
    replace="year",
    db_table="practice_population",
)

REFERRALS = TableSpec(
    name="referrals",
    prefixes=("referrals", "verwijzingen"),
    columns=(
        ColumnSpec("referral_id", "text", ("verwijzing_id",), pseudonymise=True),
        ColumnSpec("referral_date", "date", ("verwijsdatum",)),
        ColumnSpec("practice", "text", ("praktijk",)),
        ColumnSpec("patient_id", "text", ("patientnummer", "patient"), pseudonymise=True),
        ColumnSpec("age_band", "code", ("leeftijdsgroep",),
                   vocabulary={band: () for band in codes.AGE_BANDS}),
        ColumnSpec("sex", "code", ("geslacht",), vocabulary=codes.SEXES),
        ColumnSpec("icpc", "icpc", ("icpc_code",)),
        ColumnSpec("destination", "code", ("bestemming",), vocabulary=codes.DESTINATIONS),
        ColumnSpec("urgent", "bool", ("spoed",)),
        ColumnSpec("rta_conform", "bool", ("rta",)),
    ),
    key=("referral_id",),
    replace="month",
    db_table="referral",
)

CONSULTS = TableSpec(
    name="consults",
    prefixes=("consults", "consulten"),
    columns=(
        ColumnSpec("consult_id", "text", ("consult",), pseudonymise=True),
        ColumnSpec("referral_id", "text", ("verwijzing_id",), pseudonymise=True),
        ColumnSpec("consult_date", "date", ("consultdatum",)),
        ColumnSpec("setting", "code", ("locatie",), vocabulary=codes.SETTINGS),
        ColumnSpec("outcome", "code", ("uitkomst",), vocabulary=codes.OUTCOMES),
        ColumnSpec("satisfaction", "number", ("tevredenheid",), required=False,
                   minimum=1, maximum=10),
    ),
    key=("consult_id",),
    replace="month",
    db_table="consult",
)

COSTS = TableSpec(
    name="costs",
    prefixes=("costs", "kosten"),
    columns=(
        ColumnSpec("region", "text", ("regio",)),
        ColumnSpec("year", "int", ("jaar",), **YEAR),
        ColumnSpec("month", "int", ("maand",), required=False, minimum=0, maximum=12),
        ColumnSpec("setting", "code", ("locatie",), vocabulary=codes.SETTINGS),
        ColumnSpec("cost_type", "code", ("kostensoort",), vocabulary=codes.COST_TYPES),
        ColumnSpec("payer", "code", ("betaler",), vocabulary=codes.PAYERS),
        ColumnSpec("amount", "number", ("bedrag",), minimum=0),
    ),
    key=("region", "year", "month", "setting", "cost_type", "payer"),
    replace="year",
    db_table="cost",
)

SURVEY = TableSpec(
    name="survey",
    prefixes=("survey", "enquete", "werkplezier"),
    columns=(
        ColumnSpec("response_id", "text", ("respondent",), pseudonymise=True),
        ColumnSpec("region", "text", ("regio",)),
        ColumnSpec("year", "int", ("jaar",), **YEAR),
        ColumnSpec("profession", "code", ("beroep",), vocabulary=codes.PROFESSIONS),
        ColumnSpec("score", "number", ("cijfer",), minimum=1, maximum=10),
    ),
    key=("response_id",),
    replace="year",
    db_table="survey_response",
)

HF_ADMISSIONS = TableSpec(
    name="hf_admissions",
    prefixes=("hf_admissions", "opnames_hartfalen"),
    columns=(
        ColumnSpec("region", "text", ("regio",)),
        ColumnSpec("year", "int", ("jaar",), **YEAR),
        ColumnSpec("month", "int", ("maand",), minimum=1, maximum=12),
        ColumnSpec("admissions", "int", ("opnames",), minimum=0),
    ),
    key=("region", "year", "month"),
    replace="year",
    db_table="hf_admission",
)

# Load order: every table after the tables it refers to.
TABLES: tuple[TableSpec, ...] = (
    REGIONS, REGION_POPULATION, PRACTICES, POPULATION, REFERRALS, CONSULTS, COSTS, SURVEY,
    HF_ADMISSIONS,
)


def normalise_name(name: str) -> str:
    """Lower case, accents dropped, spaces and hyphens as underscores: "Patiënt-nummer" ->
    "patient_nummer"."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "_".join(plain.strip().lower().replace("-", " ").split())


def table_for_file(file_name: str) -> TableSpec | None:
    """The table a file holds, from the start of its name; longest prefix wins."""
    stem = normalise_name(file_name.rsplit(".", 1)[0])
    matches = [
        (len(prefix), spec)
        for spec in TABLES
        for prefix in spec.prefixes
        if stem.startswith(normalise_name(prefix))
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None
