"""Number, percentage, money and date formatting for the two UI languages.

Dutch (``nl``, the default): ``1.234,5``, ``12,3%``, ``€ 1.234,50``, ``31-12-2025``.
English (``en``): ``1,234.5``, ``12.3%``, ``€1,234.50``, ``31 Dec 2025``. English dates spell
the month so that a reader used to month-first dates cannot misread them.

Rounding is half away from zero on the value as written (``0.125`` -> ``0,13``), which is what
readers check against a calculator; Python's own ``format`` rounds the binary value
half-to-even and would show ``0,12``. Missing values (``None``, NaN, ``pd.NA``, ``NaT``) are
shown as an en dash.

This module deliberately avoids the ``locale`` module: locales are process-global and often
not installed on servers, and the UI switches language per session.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from numbers import Number
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

MISSING = "–"

_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}

MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTHS_SHORT = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _lang(lang: str) -> str:
    if lang not in _SEPARATORS:
        raise ValueError(f"unknown language {lang!r}; use 'nl' or 'en'")
    return lang


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    result = pd.isna(value)
    # pd.isna answers element-wise for containers; only a scalar answer means "missing".
    return isinstance(result, bool | np.bool_) and bool(result)


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        if math.isinf(value):
            raise ValueError("cannot format an infinite number")
        # repr gives the shortest string that round-trips, i.e. the number as the user wrote it.
        return Decimal(repr(value))
    if isinstance(value, Number):
        return Decimal(str(value))
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise TypeError(f"not a number: {value!r}") from None


_TRANSLATIONS = {
    lang: str.maketrans({",": thousands, ".": mark})
    for lang, (thousands, mark) in _SEPARATORS.items()
}


def format_number(value: Any, decimals: int = 0, lang: str = "nl") -> str:
    """``1234.5`` -> ``1.234,5`` (nl) or ``1,234.5`` (en), rounded to ``decimals`` places."""
    return _format_one(value, decimals, _TRANSLATIONS[_lang(lang)])


def format_numbers(values: Any, decimals: int = 0, lang: str = "nl") -> list[str]:
    """:func:`format_number` of every value of ``values`` (a list, array or Series), in
    order: for the thousands of tooltip texts of a national funnel plot."""
    table = _TRANSLATIONS[_lang(lang)]
    if isinstance(values, pd.Series | pd.Index):
        values = values.to_numpy()
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        values = values.tolist()  # Python floats: cheaper to format than numpy scalars
    return [_format_one(value, decimals, table) for value in values]


def _format_one(value: Any, decimals: int, table: dict) -> str:
    if isinstance(value, float):  # also numpy's float64: the common case, kept cheap
        return _format_float(value, decimals, table)
    if is_missing(value):
        return MISSING
    return _format_decimal(_to_decimal(value), decimals, table)


def _format_decimal(number: Decimal, decimals: int, table: dict) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # "-0,0" reads as an error
    return f"{rounded:,.{decimals}f}".translate(table)


def _format_float(value: float, decimals: int, table: dict) -> str:
    """:func:`_format_decimal` of ``Decimal(repr(value))``, without Decimal where it agrees.

    Python's float formatting rounds the binary value to nearest; that equals rounding its
    shortest decimal form (``repr``) half up except when that form lies exactly halfway, i.e.
    has ``decimals + 1`` decimals ending in 5 (any other rounding boundary between the two
    would be a shorter or closer decimal form of the same float, which ``repr`` would have
    chosen). Those ties and exponent forms take the Decimal path.
    """
    if value != value:
        return MISSING
    if math.isinf(value):
        raise ValueError("cannot format an infinite number")
    value = float(value)
    shortest = repr(value)
    fraction = shortest.partition(".")[2]
    if "e" in shortest or (len(fraction) == decimals + 1 and fraction[-1] == "5"):
        return _format_decimal(Decimal(shortest), decimals, table)
    text = f"{value:,.{decimals}f}"
    if text[0] == "-" and not text.strip("-0.,"):
        text = text[1:]  # "-0,0" reads as an error
    return text.translate(table)


def format_percent(value: Any, decimals: int = 1, lang: str = "nl") -> str:
    """A fraction as a percentage: ``0.1234`` -> ``12,3%`` (nl) or ``12.3%`` (en).

    Takes a fraction (0..1), like Python's ``{:%}`` format, because the statistics modules
    return proportions; Dutch writes the percent sign without a space.
    """
    if is_missing(value):
        return MISSING
    return format_number(_to_decimal(value) * 100, decimals=decimals, lang=lang) + "%"


def format_euro(value: Any, decimals: int = 2, lang: str = "nl") -> str:
    """``1234.5`` -> ``€ 1.234,50`` (nl) or ``€1,234.50`` (en); negative: ``-€ 1.234,50``."""
    if is_missing(value):
        return MISSING
    number = _to_decimal(value)
    body = format_number(abs(number), decimals=decimals, lang=lang)
    sign = "-" if number < 0 and body.strip("0.,") else ""
    return f"{sign}€ {body}" if lang == "nl" else f"{sign}€{body}"


def _as_date(value: Any) -> date:
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if not isinstance(value, date):
        raise TypeError(f"not a date: {value!r}")
    return value


def format_date(value: Any, lang: str = "nl") -> str:
    """``2025-12-31`` -> ``31-12-2025`` (nl) or ``31 Dec 2025`` (en)."""
    lang = _lang(lang)
    if is_missing(value):
        return MISSING
    day = _as_date(value)
    if lang == "nl":
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
    return f"{day.day} {MONTHS_SHORT['en'][day.month - 1]} {day.year}"


def format_datetime(value: Any, lang: str = "nl") -> str:
    """``2025-12-31 14:05`` -> ``31-12-2025 14:05`` (nl) or ``31 Dec 2025 14:05`` (en).

    Aware times (the database returns UTC) are shown in Dutch time, in both languages: the
    networks and their users are in the Netherlands. Naive times are shown as they are.
    """
    if is_missing(value):
        return MISSING
    moment = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if not isinstance(moment, datetime):
        return format_date(moment, lang=lang)
    if moment.utcoffset() is not None:
        moment = moment.astimezone(_dutch_time())
    return f"{format_date(moment, lang=lang)} {moment:%H:%M}"


@lru_cache(maxsize=1)
def _dutch_time() -> tzinfo:
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # a system without time-zone data: better UTC than a crash
        return UTC


def format_month(value: Any, lang: str = "nl", short: bool = False) -> str:
    """The month of a date: ``maart 2025`` / ``March 2025``; short: ``mrt 2025`` / ``Mar 2025``."""
    lang = _lang(lang)
    if is_missing(value):
        return MISSING
    day = _as_date(value)
    names = MONTHS_SHORT if short else MONTHS
    return f"{names[lang][day.month - 1]} {day.year}"
