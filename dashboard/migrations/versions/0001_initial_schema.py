"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The schema of dashboard/models.py when migrations were introduced. A database made by
    # create_all before then has the same tables and columns and is stamped at this revision.
    op.create_table(
        "agg_episode_month",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("practice", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("destination", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("condition", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.Column("with_consult", sa.Integer(), nullable=False),
        sa.Column("wait_days_sum", sa.Integer(), nullable=False),
        sa.Column("within_4_weeks", sa.Integer(), nullable=False),
        sa.Column("resolved_6m", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("region", "month", "practice", "destination", "condition"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "agg_referral_month",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("practice", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("condition", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("destination", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("age_band", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sex", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("urgent", sa.Integer(), nullable=False),
        sa.Column("rta_conform", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "region", "month", "practice", "condition", "destination", "age_band", "sex"
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "agg_satisfaction",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("setting", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("score_sq_sum", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("region", "month", "setting"),
    )
    op.create_table(
        "agg_wait_days",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("setting", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("wait_days", sa.Integer(), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("region", "month", "setting", "wait_days"),
    )
    op.create_table(
        "consult",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("referral_id", sa.BigInteger(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("consult_date", sa.Date(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("setting", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("satisfaction", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consult", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consult_referral_id"), ["referral_id"], unique=False)
        batch_op.create_index("ix_consult_region_month", ["region", "month"], unique=False)

    op.create_table(
        "indicator",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name_nl", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("numerator", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("denominator", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("direction", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("chart", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("caveats", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "load_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("message", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("load_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_load_log_sha256"), ["sha256"], unique=False)

    op.create_table(
        "region",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("anderhalvelijn_start", sa.Date(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "cost",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("setting", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cost_type", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("payer", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("region", "year", "month", "setting", "cost_type", "payer"),
    )
    op.create_table(
        "hf_admission",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("admissions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("region", "year", "month"),
    )
    op.create_table(
        "pdca_cycle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("indicator_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("plan", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("do_start", sa.Date(), nullable=True),
        sa.Column("check_date", sa.Date(), nullable=True),
        sa.Column("act_decision", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_code"],
            ["indicator.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pdca_cycle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pdca_cycle_region"), ["region"], unique=False)

    op.create_table(
        "practice",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pseudonym", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("pseudonym"),
    )
    with op.batch_alter_table("practice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_region"), ["region"], unique=False)

    op.create_table(
        "region_population",
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("inhabitants", sa.Integer(), nullable=False),
        sa.Column("inhabitants_18plus", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("region", "year"),
    )
    op.create_table(
        "sroi_scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("model_json", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region", "name", name="uq_sroi_scenario_region_name"),
    )
    with op.batch_alter_table("sroi_scenario", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sroi_scenario_region"), ["region"], unique=False)

    op.create_table(
        "survey_response",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("profession", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region"],
            ["region.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.create_index("ix_survey_region_year", ["region", "year"], unique=False)

    op.create_table(
        "practice_population",
        sa.Column("practice", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("age_band", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sex", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("listed_patients", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice"],
            ["practice.code"],
        ),
        sa.PrimaryKeyConstraint("practice", "year", "age_band", "sex"),
    )
    op.create_table(
        "referral",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("practice", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("referral_date", sa.Date(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("patient_pseudonym", sa.BigInteger(), nullable=False),
        sa.Column("age_band", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sex", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("icpc", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("condition", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("destination", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("rta_conform", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice"],
            ["practice.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index("ix_referral_region_month", ["region", "month"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_region_month")

    op.drop_table("referral")
    op.drop_table("practice_population")
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_region_year")

    op.drop_table("survey_response")
    with op.batch_alter_table("sroi_scenario", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sroi_scenario_region"))

    op.drop_table("sroi_scenario")
    op.drop_table("region_population")
    with op.batch_alter_table("practice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_region"))

    op.drop_table("practice")
    with op.batch_alter_table("pdca_cycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pdca_cycle_region"))

    op.drop_table("pdca_cycle")
    op.drop_table("hf_admission")
    op.drop_table("cost")
    op.drop_table("region")
    with op.batch_alter_table("load_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_load_log_sha256"))

    op.drop_table("load_log")
    op.drop_table("indicator")
    with op.batch_alter_table("consult", schema=None) as batch_op:
        batch_op.drop_index("ix_consult_region_month")
        batch_op.drop_index(batch_op.f("ix_consult_referral_id"))

    op.drop_table("consult")
    op.drop_table("agg_wait_days")
    op.drop_table("agg_satisfaction")
    op.drop_table("agg_referral_month")
    op.drop_table("agg_episode_month")
