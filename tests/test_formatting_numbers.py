"""Dutch and English number texts: hand-written examples, and the fast float path against
the rule it implements (the shortest decimal form of the float, rounded half away from zero)."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from dashboard.formatting import MISSING, format_number, format_numbers


@pytest.mark.parametrize(("value", "decimals", "lang", "text"), [
    (1234.5, 1, "nl", "1.234,5"),
    (1234.5, 1, "en", "1,234.5"),
    (0.125, 2, "nl", "0,13"),  # half up on the value as written, not half-even on the binary
    (2.675, 2, "nl", "2,68"),  # the binary value is 2.67499999...; written 2.675
    (-2.5, 0, "nl", "-3"),  # half away from zero
    (-0.04, 1, "nl", "0,0"),  # never "-0,0"
    (-0.0, 0, "nl", "0"),
    (137.49999999999997, 1, "nl", "137,5"),
    (1_234_567.891, 2, "nl", "1.234.567,89"),
    (1e16, 0, "nl", "10.000.000.000.000.000"),
    (1.5e-7, 7, "nl", "0,0000002"),
    (np.float64(9.995), 2, "nl", "10,00"),
    (42, 1, "nl", "42,0"),
    (float("nan"), 1, "nl", MISSING),
    (None, 0, "nl", MISSING),
])
def test_hand_written_examples(value, decimals, lang, text):
    assert format_number(value, decimals, lang) == text
    assert format_numbers([value], decimals, lang) == [text]


def test_format_numbers_takes_arrays_and_series_and_keeps_the_order():
    values = np.array([1.5, 2.5, np.nan, -0.0001, 1000.0])
    expected = ["2", "3", MISSING, "0", "1.000"]
    assert format_numbers(values) == expected
    assert format_numbers(pd.Series(values)) == expected
    assert format_numbers(pd.Series([1, 22_222, 3], dtype="int64"), 1, "en") == [
        "1.0", "22,222.0", "3.0"]
    assert format_numbers([], 2) == []


def test_infinity_and_unknown_language_are_refused():
    with pytest.raises(ValueError):
        format_number(float("inf"))
    with pytest.raises(ValueError):
        format_numbers([1.0], lang="de")


def _rule(value: float, decimals: int) -> str:
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:,.{decimals}f}".translate(str.maketrans({",": ".", ".": ","}))


def test_the_float_path_follows_the_rule_on_ties_and_random_values():
    generator = random.Random(8)
    values = [k / 1000 for k in range(-3000, 3000)]  # every tie at 0, 1 and 2 decimals
    values += [k / 8 for k in range(-400, 400)]  # exact binary ties
    values += [generator.uniform(-1e6, 1e6) for _ in range(3000)]
    values += [round(generator.uniform(0, 500), generator.randint(0, 4)) for _ in range(3000)]
    for decimals in (0, 1, 2, 3):
        assert format_numbers(values, decimals) == [_rule(v, decimals) for v in values]
