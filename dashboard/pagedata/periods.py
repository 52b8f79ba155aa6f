"""Report periods as month ranges: a calendar year, the last 12 months, or everything loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROLLING = "rolling12"
WHOLE_RANGE = "all"


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    """Number of months from ``start`` to ``end``, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


@dataclass(frozen=True)
class Period:
    """Months ``start``..``end`` (first days, both included); ``key`` is how a filter names it.

    ``complete`` is False for a calendar year the data do not cover fully.
    """

    key: str
    start: date
    end: date
    complete: bool = True

    @property
    def months(self) -> int:
        return months_between(self.start, self.end)

    @property
    def year(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None


def period_keys(first_month: date | None, last_month: date | None) -> list[str]:
    """The choices for a period filter: last 12 months, the years (newest first), everything."""
    if first_month is None or last_month is None:
        return []
    years = [str(year) for year in range(last_month.year, first_month.year - 1, -1)]
    return [ROLLING, *years, WHOLE_RANGE]


def resolve_period(key: str, first_month: date, last_month: date) -> Period:
    """The month range a period key stands for, clipped to the loaded months.

    ``rolling12`` ends at the last loaded month; a year outside the data is an error that
    names the range that is loaded.
    """
    first_month, last_month = first_month.replace(day=1), last_month.replace(day=1)
    if key == ROLLING:
        start = max(first_month, add_months(last_month, -11))
        return Period(key, start, last_month, complete=months_between(start, last_month) == 12)
    if key == WHOLE_RANGE:
        return Period(key, first_month, last_month)
    if key.isdigit() and first_month.year <= int(key) <= last_month.year:
        year = int(key)
        start = max(first_month, date(year, 1, 1))
        end = min(last_month, date(year, 12, 1))
        return Period(key, start, end, complete=months_between(start, end) == 12)
    raise ValueError(
        f"unknown period {key!r}; use {ROLLING!r}, {WHOLE_RANGE!r} or a year from "
        f"{first_month.year} to {last_month.year}"
    )
