"""Queries shared by all pages."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, case, func, select

from dashboard.codes import DESTINATIONS
from dashboard.models import (
    AggPracticeMonth,
    AggPracticeMonthDestinations,
    LoadLog,
    Practice,
    Region,
)


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


def practice_destination_sums(conn, first_month: date, last_month: date, regions: list[str],
                              condition: str | None = None, with_region: bool = False,
                              wide: bool = False) -> pd.DataFrame:
    """Referrals per practice (and region, ``with_region``) and destination in ``regions`` over
    the months ``first_month`` to ``last_month`` (first days, inclusive), of one ``condition``
    or all (``None``): columns [``region``,] ``practice``, ``destination``, ``referrals``, one
    row per practice and destination it referred to; with ``wide``, one row per practice with
    a column of referrals per destination (in ``dashboard.codes.DESTINATIONS``), sorted by
    [region and] practice.

    All conditions come from ``agg_practice_month_destinations``, already one row per region,
    month and practice (a year of every practice at national scale: 60,000 rows, where
    ``agg_practice_month`` has 490,000). One condition is summed from ``agg_practice_month``
    per region, month and practice first, a prefix of its key, so SQLite groups the rows in
    the order it reads them; only those sums are then sorted by practice. The regions are named
    one by one: both keys start with the region, and a month range alone scans the table.
    """
    destinations = list(DESTINATIONS)
    if condition is None:
        table = AggPracticeMonthDestinations.__table__
        per_month = (
            select(table.c.region, table.c.practice,
                   *[table.c[destination].label(f"n{i}")
                     for i, destination in enumerate(destinations)])
            .where(*month_window(table, first_month, last_month, regions))
            .subquery()
        )  # already one row per region, month and practice
    else:
        agg = AggPracticeMonth.__table__
        per_month = (
            select(agg.c.region, agg.c.practice, *[
                func.sum(case((agg.c.destination == destination, agg.c.referrals), else_=0))
                .label(f"n{i}") for i, destination in enumerate(destinations)])
            .where(*month_window(agg, first_month, last_month, regions, condition))
            .group_by(agg.c.region, agg.c.month, agg.c.practice)
            .subquery()
        )
    keys = [per_month.c.region, per_month.c.practice] if with_region else [per_month.c.practice]
    rows = conn.execute(
        select(*keys, *[func.sum(per_month.c[f"n{i}"]) for i in range(len(destinations))])
        .group_by(*keys)
    ).cursor.fetchall()  # plain rows: thousands of practices at national scale
    key_names = ["region", "practice"] if with_region else ["practice"]
    frame = pd.DataFrame.from_records(rows, columns=[*key_names, *destinations])
    if wide:
        frame[destinations] = frame[destinations].astype("int64")
        referred = frame[destinations].to_numpy().sum(axis=1) > 0
        return frame[referred].sort_values(key_names).reset_index(drop=True)
    long = frame.melt(id_vars=key_names, value_vars=destinations, var_name="destination",
                     value_name="referrals")
    long["referrals"] = long["referrals"].astype("int64")
    long = long[long["referrals"] > 0]
    # In the order a GROUP BY practice, destination gives.
    return long.sort_values([*key_names, "destination"]).reset_index(drop=True)


def month_window(table, first_month: date, last_month: date, regions: list[str],
                 condition: str | None = None) -> list:
    """WHERE terms for the rows of ``table`` in ``regions`` over the months ``first_month`` to
    ``last_month`` (first days, inclusive), of one ``condition`` or all (``None``)."""
    # One region as an equality: the query planner sees a plain key prefix.
    terms = [table.c.region == regions[0] if len(regions) == 1
             else table.c.region.in_(list(regions)),
             table.c.month >= first_month, table.c.month <= last_month]
    if condition is not None:
        terms.append(table.c.condition == condition)
    return terms
