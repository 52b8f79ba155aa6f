"""Referrals and consults are stored under a counted key; their hashed id gets a unique index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

The pseudonymised ids of referrals and consults are keyed hashes, random by design. As the
primary key (on SQLite the rowid itself) they made every load insert its rows all over the
table's B-tree. The new primary key ``seq`` is counted up by the database, so a load appends;
``id`` keeps its uniqueness in its own index (``ux_referral_id``, ``ux_consult_id``), which
the loader can build once after a first load instead of row by row. Measured with the
``sqlite3`` shell on 2 million referrals (cache 1.5 GB): 7.7 s as hash-keyed rows, 2.0 s as
appends with the region index, plus 0.8 s to build the id index.

Upgrade on SQLite copies each table into its new shape in (region, month) order, which is the
order a load writes and the aggregates read; on PostgreSQL, whose tables are heaps whatever
the key, the old primary key is dropped and ``seq`` added in place. Every column and every row
keeps its value; nothing is reloaded.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = sqlmodel.sql.sqltypes.AutoString()
_COUNTED = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_REFERRAL_COLUMNS = ("id, region, practice, referral_date, month, patient_pseudonym, age_band, "
                     "sex, icpc, condition, destination, urgent, rta_conform")
_CONSULT_COLUMNS = "id, referral_id, region, consult_date, month, setting, outcome, satisfaction"


def _referral_columns() -> list[sa.Column]:
    return [
        sa.Column("region", _TEXT, nullable=False),
        sa.Column("practice", _TEXT, nullable=False),
        sa.Column("referral_date", sa.Date(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("patient_pseudonym", sa.BigInteger(), nullable=False),
        sa.Column("age_band", _TEXT, nullable=False),
        sa.Column("sex", _TEXT, nullable=False),
        sa.Column("icpc", _TEXT, nullable=False),
        sa.Column("condition", _TEXT, nullable=False),
        sa.Column("destination", _TEXT, nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("rta_conform", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["practice"], ["practice.code"]),
    ]


def _consult_columns() -> list[sa.Column]:
    return [
        sa.Column("referral_id", sa.BigInteger(), nullable=False),
        sa.Column("region", _TEXT, nullable=False),
        sa.Column("consult_date", sa.Date(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("setting", _TEXT, nullable=False),
        sa.Column("outcome", _TEXT, nullable=False),
        sa.Column("satisfaction", sa.Float(), nullable=True),
    ]


def _key_columns(counted: bool) -> list[sa.Column]:
    if counted:
        return [sa.Column("seq", _COUNTED, autoincrement=True, nullable=False),
                sa.Column("id", sa.BigInteger(), nullable=False),
                sa.PrimaryKeyConstraint("seq")]
    return [sa.Column("id", _COUNTED, autoincrement=False, nullable=False),
            sa.PrimaryKeyConstraint("id")]


def _sqlite_rebuild(table: str, columns: list[sa.Column], copied: str, order: str,
                    counted: bool) -> None:
    """Copy ``table`` into a new table with the other key, then put it in its place."""
    op.create_table(f"{table}_new", *_key_columns(counted), *columns)
    op.execute(f"INSERT INTO {table}_new ({copied}) SELECT {copied} FROM {table} "
               f"ORDER BY {order}")
    op.drop_table(table)  # and its indexes, re-created below under their own names
    op.rename_table(f"{table}_new", table)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rebuild("referral", _referral_columns(), _REFERRAL_COLUMNS,
                        "region, month, referral_date", counted=True)
        op.create_index("ix_referral_region_month_date", "referral",
                        ["region", "month", "referral_date"])
        _sqlite_rebuild("consult", _consult_columns(), _CONSULT_COLUMNS, "region, month",
                        counted=True)
        op.create_index("ix_consult_region_month", "consult", ["region", "month"])
        op.create_index("ix_consult_referral_id", "consult", ["referral_id"])
    else:
        for table in ("referral", "consult"):
            op.drop_constraint(f"{table}_pkey", table, type_="primary")
            op.execute(f"ALTER TABLE {table} ADD COLUMN seq BIGSERIAL PRIMARY KEY")
    op.create_index("ux_referral_id", "referral", ["id"], unique=True)
    op.create_index("ux_consult_id", "consult", ["id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_referral_id", table_name="referral")
    op.drop_index("ux_consult_id", table_name="consult")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rebuild("referral", _referral_columns(), _REFERRAL_COLUMNS, "id",
                        counted=False)
        op.create_index("ix_referral_region_month_date", "referral",
                        ["region", "month", "referral_date"])
        _sqlite_rebuild("consult", _consult_columns(), _CONSULT_COLUMNS, "id", counted=False)
        op.create_index("ix_consult_region_month", "consult", ["region", "month"])
        op.create_index("ix_consult_referral_id", "consult", ["referral_id"])
    else:
        for table in ("referral", "consult"):
            op.drop_column(table, "seq")  # and the primary key on it
            op.create_primary_key(f"{table}_pkey", table, ["id"])
