"""The region-level aggregates of a hand-made dataset, derived from its practice-level rows.

Datasets write ``agg_referral_month`` and ``agg_episode_month`` by hand, as the ETL would;
the ETL also writes the same sums without the practice (``etl.aggregates.without_practice``).
Call :func:`fill_region_aggregates` after writing the practice-level rows so both levels agree.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

_REFERRAL_KEYS = "region, month, condition, destination, age_band, sex"
_REFERRAL_SUMS = ("referrals", "urgent", "rta_conform")
_EPISODE_KEYS = "region, month, destination, condition"
_EPISODE_SUMS = ("episodes", "with_consult", "wait_days_sum", "within_4_weeks", "resolved_6m")


def _refill(connection: Connection, target: str, source: str, keys: str,
            sums: tuple[str, ...]) -> None:
    connection.execute(text(f"DELETE FROM {target}"))
    connection.execute(text(
        f"INSERT INTO {target} ({keys}, {', '.join(sums)}) "
        f"SELECT {keys}, {', '.join(f'SUM({column})' for column in sums)} FROM {source} "
        f"GROUP BY {keys}"
    ))


def fill_region_aggregates(bind: Engine | Connection) -> None:
    """Replace the region-level aggregate tables by the sums of the practice-level ones."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            fill_region_aggregates(connection)
        return
    _refill(bind, "agg_referral_region_month", "agg_referral_month", _REFERRAL_KEYS,
            _REFERRAL_SUMS)
    _refill(bind, "agg_episode_region_month", "agg_episode_month", _EPISODE_KEYS, _EPISODE_SUMS)
