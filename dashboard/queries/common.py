"""Queries shared by all pages."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from dashboard.models import LoadLog, Region


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
