"""The database schema (SQLModel tables).

Raw tables hold pseudonymised rows exactly as loaded; ``agg_*`` tables are rebuilt by the ETL
after every load and are what the pages read, so no page scans raw referral rows.
Identifiers of patients, referrals, consults and survey responses are keyed 64-bit hashes
(see ``etl.privacy``); no direct identifier is ever stored.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dashboard.codes import AGE_BANDS, SEXES


def _bigint_pk() -> Column:
    # On SQLite "INTEGER PRIMARY KEY" makes the key the rowid itself (64-bit), so the table
    # needs no separate key index: one B-tree less to write on every load.
    return Column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                  autoincrement=False)


def _storage_key() -> Column:
    """``seq``, the primary key of the big raw tables: a number the database counts up itself.

    Their pseudonymised ``id`` is a keyed hash, random by design; as the rowid it put every
    batch of a load's rows all over the table's B-tree (SQLite, "ROWID tables"). Counted keys
    append instead, and ``id`` keeps its uniqueness in its own index, which a first load of an
    empty table builds once at the end (``etl.loader``) rather than row by row: on 2 million
    referrals, 7.7 s of hash-keyed inserts against 2.0 s of appends plus 0.8 s for the index
    (migration 0007).
    """
    return Column("seq", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                  autoincrement=True)


class Region(SQLModel, table=True):
    __tablename__ = "region"
    code: str = Field(primary_key=True, max_length=32)
    name: str
    anderhalvelijn_start: date | None = None
    synthetic: bool = False


class RegionPopulation(SQLModel, table=True):
    __tablename__ = "region_population"
    region: str = Field(primary_key=True, foreign_key="region.code")
    year: int = Field(primary_key=True)
    inhabitants: int
    inhabitants_18plus: int


class Practice(SQLModel, table=True):
    __tablename__ = "practice"
    code: str = Field(primary_key=True, max_length=32)
    region: str = Field(foreign_key="region.code", index=True)
    # Stable display pseudonym, shown to everyone but the practice itself.
    pseudonym: str = Field(unique=True)
    # The practice's own name, only ever shown in the own-practice view.
    name: str | None = None
    joined_on: date | None = None


class PracticePopulation(SQLModel, table=True):
    __tablename__ = "practice_population"
    practice: str = Field(primary_key=True, foreign_key="practice.code")
    year: int = Field(primary_key=True)
    age_band: str = Field(primary_key=True)
    sex: str = Field(primary_key=True)
    listed_patients: int


class Referral(SQLModel, table=True):
    __tablename__ = "referral"
    # referral_date in the index: a region's data date (its last referral date) is then the
    # last entry of its last month's range, not a read of that month's rows (migration 0006).
    __table_args__ = (
        Index("ix_referral_region_month_date", "region", "month", "referral_date"),
        Index("ux_referral_id", "id", unique=True),
    )
    seq: int | None = Field(default=None, sa_column=_storage_key())
    id: int = Field(sa_type=BigInteger)  # the pseudonymised referral id (etl.privacy)
    region: str
    practice: str = Field(foreign_key="practice.code")
    referral_date: date
    month: date  # first day of the referral's month; the unit of replacement and aggregation
    patient_pseudonym: int = Field(sa_type=BigInteger)
    age_band: str
    sex: str
    icpc: str
    condition: str
    destination: str
    urgent: bool
    rta_conform: bool


class Consult(SQLModel, table=True):
    __tablename__ = "consult"
    __table_args__ = (
        Index("ix_consult_region_month", "region", "month"),
        Index("ux_consult_id", "id", unique=True),
        Index("ix_consult_referral_id", "referral_id"),
    )
    seq: int | None = Field(default=None, sa_column=_storage_key())
    id: int = Field(sa_type=BigInteger)  # the pseudonymised consult id
    referral_id: int = Field(sa_type=BigInteger)
    region: str
    consult_date: date
    month: date
    setting: str
    outcome: str
    satisfaction: float | None = None


class Cost(SQLModel, table=True):
    __tablename__ = "cost"
    region: str = Field(primary_key=True, foreign_key="region.code")
    year: int = Field(primary_key=True)
    month: int = Field(primary_key=True)  # 0 = the whole year
    setting: str = Field(primary_key=True)
    cost_type: str = Field(primary_key=True)
    payer: str = Field(primary_key=True)
    amount: float


class SurveyResponse(SQLModel, table=True):
    __tablename__ = "survey_response"
    __table_args__ = (Index("ix_survey_region_year", "region", "year"),)
    id: int = Field(sa_column=_bigint_pk())
    region: str = Field(foreign_key="region.code")
    year: int
    profession: str
    score: float


class HeartFailureAdmission(SQLModel, table=True):
    __tablename__ = "hf_admission"
    region: str = Field(primary_key=True, foreign_key="region.code")
    year: int = Field(primary_key=True)
    month: int = Field(primary_key=True)
    admissions: int


class LoadLog(SQLModel, table=True):
    __tablename__ = "load_log"
    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    table_name: str
    sha256: str = Field(index=True)
    rows: int
    loaded_at: datetime
    outcome: str  # loaded | unchanged | rejected
    scope: str = ""  # regions and months the file replaced
    message: str = ""


class Indicator(SQLModel, table=True):
    __tablename__ = "indicator"
    code: str = Field(primary_key=True)
    name_nl: str
    name_en: str
    numerator: str
    denominator: str
    unit: str
    direction: str  # higher | lower | neutral
    source: str
    method: str
    chart: str  # the SPC chart that suits it: xmr | p | u
    caveats: str = ""


class PdcaCycle(SQLModel, table=True):
    __tablename__ = "pdca_cycle"
    id: int | None = Field(default=None, primary_key=True)
    region: str = Field(foreign_key="region.code", index=True)
    indicator_code: str = Field(foreign_key="indicator.code")
    title: str
    plan: str = ""
    target_value: float | None = None
    target_date: date | None = None
    do_start: date | None = None
    check_date: date | None = None
    act_decision: str | None = None  # adopt | adapt | abandon
    notes: str = ""
    status: str = "open"  # open | closed
    created_at: datetime
    updated_at: datetime


# ---- aggregates the pages read -------------------------------------------------------------


# The aggregate tables are clustered on their key, region and month first: the pages and the
# loader's replacement both select a region and a range of months, so the key serves them
# without a second index, and on SQLite (WITHOUT ROWID) the table is that one B-tree.
_CLUSTERED = {"sqlite_with_rowid": False}


class AggPracticeMonth(SQLModel, table=True):
    """One row per region x referral month x practice x condition x destination.

    Referral counts and the episode sums of those referrals in one row (every referral is one
    episode, so ``referrals`` counts the episodes too). An episode is a referral with what
    followed it: waiting time to the first consult, and whether it stayed free of a hospital
    referral within 182 days. Months less than 6 months before the data date are still open;
    queries leave them out of the resolved share.

    No age band or sex here: practices make a few referrals a month, so those dimensions would
    make the table almost as long as ``referral``. Indirect standardisation needs per practice
    only its total; the stratum rates come from ``agg_referral_region_month``.
    """

    __tablename__ = "agg_practice_month"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    practice: str = Field(primary_key=True)
    condition: str = Field(primary_key=True)
    destination: str = Field(primary_key=True)
    referrals: int
    urgent: int
    rta_conform: int
    with_consult: int
    wait_days_sum: int
    within_4_weeks: int
    resolved_6m: int


class AggPracticeMonthDestinations(SQLModel, table=True):
    """Referrals per region x referral month x practice, all conditions together, one column
    per destination (``dashboard.codes.DESTINATIONS``).

    ``agg_practice_month`` summed over condition and destination: about ten times fewer rows.
    The pages comparing practices over all conditions (spiegelinformatie, anderhalvelijn) read
    a year of every practice here; with a condition chosen they read ``agg_practice_month``.
    The loader writes both from the same counts.
    """

    __tablename__ = "agg_practice_month_destinations"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    practice: str = Field(primary_key=True)
    ziekenhuis: int
    anderhalvelijn: int
    econsult: int


class AggReferralRegionMonth(SQLModel, table=True):
    """Referral counts per region, month, condition, destination, age band and sex.

    What region-level and all-region pages read, and the reference strata of indirect
    standardisation; a few thousand rows per region however many practices it has.
    """

    __tablename__ = "agg_referral_region_month"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    condition: str = Field(primary_key=True)
    destination: str = Field(primary_key=True)
    age_band: str = Field(primary_key=True)
    sex: str = Field(primary_key=True)
    referrals: int
    urgent: int
    rta_conform: int


class AggEpisodeRegionMonth(SQLModel, table=True):
    """The episode sums of ``agg_practice_month`` without practice, for the region series."""

    __tablename__ = "agg_episode_region_month"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    destination: str = Field(primary_key=True)
    condition: str = Field(primary_key=True)
    episodes: int
    with_consult: int
    wait_days_sum: int
    within_4_weeks: int
    resolved_6m: int


class AggPopulationRegionYear(SQLModel, table=True):
    """Listed patients per region, year, age band and sex: ``practice_population`` summed over
    the practices the ``practice`` table puts in the region.

    The region series (PDCA rates, regiovergelijking, overview) read a region's listed patients
    from a few dozen rows here instead of summing 20,000 practice rows a year. The loader
    rebuilds a region x year cell when it loads that cell's population, and every cell when it
    loads practices (a practice may move to another region).
    """

    __tablename__ = "agg_population_region_year"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    age_band: str = Field(primary_key=True)
    sex: str = Field(primary_key=True)
    listed_patients: int


def population_stratum_column(age_band: str, sex: str) -> str:
    """The ``agg_population_practice_year`` column of an age band and sex: ``m_18_44``,
    ``v_85_plus``."""
    return f"{sex.lower()}_{age_band.replace('-', '_').replace('+', '_plus')}"


class AggPopulationPracticeYear(SQLModel, table=True):
    """Listed patients per region, year and practice: a practice-year's ``practice_population``
    rows as one row, a column per age band x sex (``population_stratum_column``; NULL where the
    population file has no row for that stratum).

    Indirect standardisation needs every stratum of every practice of a region: at national
    scale 84,000 rows for a region's four years, whose conversion to Python values cost the
    spiegelinformatie page about 70 ms a view. Here they are 6,000 rows. The region is the
    practice's region in the ``practice`` table; the loader rebuilds the rows with
    ``agg_population_region_year``.
    """

    __tablename__ = "agg_population_practice_year"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    practice: str = Field(primary_key=True)
    m_0_17: int | None = None
    v_0_17: int | None = None
    m_18_44: int | None = None
    v_18_44: int | None = None
    m_45_54: int | None = None
    v_45_54: int | None = None
    m_55_64: int | None = None
    v_55_64: int | None = None
    m_65_74: int | None = None
    v_65_74: int | None = None
    m_75_84: int | None = None
    v_75_84: int | None = None
    m_85_plus: int | None = None
    v_85_plus: int | None = None


# The columns above for the vocabularies of dashboard.codes, in key order (age band, then sex):
# a new age band or sex needs a column there and a migration.
POPULATION_STRATA: dict[str, tuple[str, str]] = {
    population_stratum_column(age_band, sex): (age_band, sex)
    for age_band in AGE_BANDS for sex in SEXES
}


class AggWaitDays(SQLModel, table=True):
    """Histogram of days from referral to first consult, so medians stay exact."""

    __tablename__ = "agg_wait_days"
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    setting: str = Field(primary_key=True)
    wait_days: int = Field(primary_key=True)
    episodes: int


class AggWaitDaysYear(SQLModel, table=True):
    """``agg_wait_days`` summed per region, referral year and days (all settings together).

    The yearly medians of the regiovergelijking read a region's complete years here (about
    2,600 rows a region at national scale instead of 26,000 monthly ones) and only the months
    of its last, incomplete year from ``agg_wait_days``. The loader rebuilds a region x year
    whenever it refreshes one of that year's months in ``agg_wait_days``.
    """

    __tablename__ = "agg_wait_days_year"
    __table_args__ = _CLUSTERED
    region: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    wait_days: int = Field(primary_key=True)
    episodes: int


class AggSatisfaction(SQLModel, table=True):
    __tablename__ = "agg_satisfaction"
    region: str = Field(primary_key=True)
    month: date = Field(primary_key=True)
    setting: str = Field(primary_key=True)
    responses: int
    score_sum: float
    score_sq_sum: float


# ---- SROI scenarios (SROI page) --------------------------------------------------------------


class SroiScenario(SQLModel, table=True):
    """A named SROI model of one region, stored as the JSON document of ``dashboard.sroi_models``.

    ``is_default`` marks the region's own model, seeded on first use from a TOML file; the
    other rows are scenarios users saved to compare assumptions.
    """

    __tablename__ = "sroi_scenario"
    __table_args__ = (UniqueConstraint("region", "name", name="uq_sroi_scenario_region_name"),)
    id: int | None = Field(default=None, primary_key=True)
    region: str = Field(foreign_key="region.code", index=True)
    name: str
    model_json: str = Field(sa_type=Text)
    created_at: datetime
    updated_at: datetime
    is_default: bool = False


# ---- meeting packs (Vergadering page) --------------------------------------------------------


class MeetingPack(SQLModel, table=True):
    """A named, ordered list of slides for a meeting of one region's network.

    ``slides_json`` is a JSON list of ``{"kind": ..., "filters": {...}}``: the slide kinds of
    ``dashboard.slides`` and their filters as the same codes a page's link carries.
    """

    __tablename__ = "meeting_pack"
    __table_args__ = (UniqueConstraint("region", "name", name="uq_meeting_pack_region_name"),)
    id: int | None = Field(default=None, primary_key=True)
    region: str = Field(foreign_key="region.code", index=True)
    name: str
    slides_json: str = Field(sa_type=Text)
    created_at: datetime
    updated_at: datetime


# ---- users, regions they may see, and the audit log (sign-in and roles) ----------------------


class AppUser(SQLModel, table=True):
    """A person who signs in; ``role`` is one of ``dashboard.scope.ROLES``.

    A ``huisarts`` is bound to one practice (``practice``, its pseudonymised code); the
    region-bound roles list their regions in ``app_user_region``. ``password_hash`` is an
    argon2id hash (empty for accounts that only sign in through OIDC). The table is not called
    ``user``: that word is reserved in PostgreSQL.
    """

    __tablename__ = "app_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=254)
    display_name: str = ""
    role: str = Field(max_length=32)
    practice: str | None = Field(default=None, max_length=32)
    password_hash: str = ""
    active: bool = True
    created_at: datetime
    updated_at: datetime


class UserRegion(SQLModel, table=True):
    __tablename__ = "app_user_region"
    user_id: int = Field(primary_key=True, foreign_key="app_user.id")
    region: str = Field(primary_key=True, max_length=32)


class AuditLog(SQLModel, table=True):
    """Who did what when: sign-ins (also failed ones, which the rate limit counts), data loads,
    exports and user management. ``detail`` is a short JSON text."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_event_user_at", "event", "username", "at"),
        Index("ix_audit_event_client_at", "event", "client", "at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    event: str = Field(max_length=32)
    username: str | None = Field(default=None, max_length=254)
    role: str | None = Field(default=None, max_length=32)
    client: str | None = Field(default=None, max_length=128)
    detail: str = Field(default="", sa_type=Text)
