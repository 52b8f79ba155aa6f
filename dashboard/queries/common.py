"""Queries shared by all pages."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.models import LoadLog, Practice, Region


def data_version(engine: Engine) -> tuple[int, int]:
    """A value that changes whenever a load has run, used to invalidate cached query results.

    Every load writes to the load log, so its row count and highest id change with each load
    and nothing cached survives new data.
    """
    table = LoadLog.__table__
    with engine.connect() as conn:
        count, last_id = conn.execute(select(func.count(), func.max(table.c.id))).one()
    return int(count), int(last_id or 0)


def has_synthetic_data(engine: Engine) -> bool:
    table = Region.__table__
    with engine.connect() as conn:
        found = conn.execute(
            select(table.c.code).where(table.c.synthetic.is_(True)).limit(1)
        ).first()
    return found is not None


def has_real_data(engine: Engine) -> bool:
    """Whether any loaded region is not synthetic: from then on everyone signs in."""
    table = Region.__table__
    with engine.connect() as conn:
        found = conn.execute(
            select(table.c.code).where(table.c.synthetic.is_(False)).limit(1)
        ).first()
    return found is not None


def region_directory(engine: Engine) -> pd.DataFrame:
    """Every region: ``region``, ``name``, ``synthetic`` (for binding accounts and the demo)."""
    table = Region.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.code, table.c.name, table.c.synthetic).order_by(table.c.name)
        ).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["region", "name", "synthetic"])


def practice_directory(engine: Engine) -> pd.DataFrame:
    """Every practice with its name: ``practice``, ``region``, ``pseudonym``, ``name``.

    Not scoped, so never shown on a data page: only for binding a huisarts account (beheer
    page, CLI) and for the demo role picker, which exists only while all data is synthetic.
    """
    table = Practice.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.code, table.c.region, table.c.pseudonym, table.c.name)
            .order_by(table.c.region, table.c.code)
        ).all()
    return pd.DataFrame([tuple(r) for r in rows],
                        columns=["practice", "region", "pseudonym", "name"])
