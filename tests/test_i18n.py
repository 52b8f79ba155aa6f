"""Number/date formatting in both languages, and completeness of the UI texts."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard import i18n
from dashboard.formatting import (
    MISSING,
    format_date,
    format_datetime,
    format_euro,
    format_month,
    format_number,
    format_percent,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "decimals", "nl", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (999, 0, "999", "999"),
        (0, 2, "0,00", "0.00"),
        (-1234.56, 1, "-1.234,6", "-1,234.6"),
        (0.125, 2, "0,13", "0.13"),  # half away from zero, not banker's rounding
        (2.5, 0, "3", "3"),
        (-0.04, 1, "0,0", "0.0"),  # no "-0,0"
        (Decimal("1234.5"), 2, "1.234,50", "1,234.50"),
        (np.int64(12000), 0, "12.000", "12,000"),
        (np.float64(3.14159), 3, "3,142", "3.142"),
    ],
)
def test_format_number(value, decimals, nl, en):
    assert format_number(value, decimals=decimals, lang="nl") == nl
    assert format_number(value, decimals=decimals, lang="en") == en


def test_format_number_defaults_to_dutch_integers():
    assert format_number(1234.4) == "1.234"


@pytest.mark.parametrize("missing", [None, math.nan, np.nan, pd.NA, pd.NaT])
def test_missing_values_show_a_dash(missing):
    assert format_number(missing) == MISSING
    assert format_percent(missing) == MISSING
    assert format_euro(missing) == MISSING
    assert format_date(missing) == MISSING
    assert format_month(missing) == MISSING


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language"):
        format_number(1, lang="de")


def test_format_percent_takes_a_fraction():
    assert format_percent(0.1234) == "12,3%"
    assert format_percent(0.1234, lang="en") == "12.3%"
    assert format_percent(0.8, decimals=0) == "80%"
    assert format_percent(1) == "100,0%"


def test_format_euro():
    assert format_euro(1234.5) == "€ 1.234,50"
    assert format_euro(1234.5, lang="en") == "€1,234.50"
    assert format_euro(2_390_000, decimals=0) == "€ 2.390.000"
    assert format_euro(-12.5) == "-€ 12,50"
    assert format_euro(-0.001) == "€ 0,00"


def test_format_date_and_month():
    day = date(2025, 12, 31)
    assert format_date(day) == "31-12-2025"
    assert format_date(day, lang="en") == "31 Dec 2025"
    assert format_date(date(2025, 3, 5)) == "05-03-2025"
    assert format_date(pd.Timestamp("2025-03-05")) == "05-03-2025"
    assert format_date("2025-03-05") == "05-03-2025"
    assert format_month(date(2025, 3, 1)) == "maart 2025"
    assert format_month(date(2025, 3, 1), short=True) == "mrt 2025"
    assert format_month(date(2025, 3, 1), lang="en") == "March 2025"
    assert format_month(date(2025, 10, 1), lang="en", short=True) == "Oct 2025"


def test_format_datetime_shows_dutch_time():
    winter = datetime(2025, 12, 1, 9, 15, tzinfo=UTC)  # CET = UTC+1
    summer = datetime(2025, 7, 1, 9, 15, tzinfo=UTC)  # CEST = UTC+2
    assert format_datetime(winter) == "01-12-2025 10:15"
    assert format_datetime(summer, lang="en") == "1 Jul 2025 11:15"
    assert format_datetime(datetime(2025, 7, 1, 9, 15)) == "01-07-2025 09:15"
    assert format_datetime(pd.Timestamp(winter)) == "01-12-2025 10:15"


def test_every_text_has_both_languages():
    for key, entry in i18n.TEXTS.items():
        assert set(entry) == set(i18n.LANGUAGES), key
        assert all(text.strip() for text in entry.values()), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in entry.items()}
        assert placeholders["nl"] == placeholders["en"], key


def test_translate():
    assert i18n.translate("nav.home") == "Overzicht"
    assert i18n.translate("nav.home", "en") == "Overview"
    assert i18n.translate("home.summary", "nl", regions=2, practices=4, referrals="1.242") == (
        "2 regio's · 4 praktijken · 1.242 verwijzingen"
    )
    assert i18n.translate("no.such.key") == "no.such.key"
    assert i18n.label("destination", "econsult", "en") == "E-consult"
    assert i18n.label("destination", "onbekend") == "onbekend"


def test_codes_have_labels():
    from dashboard import codes

    for kind, values in (
        ("destination", codes.DESTINATIONS),
        ("condition", codes.CONDITIONS),
        ("sex", codes.SEXES),
    ):
        for code in values:
            assert f"{kind}.{code}" in i18n.TEXTS


def _keys_used_in_code() -> set[str]:
    pattern = re.compile(r"""\b(?:t|translate)\(\s*["']([\w.]+)["']""")
    header = re.compile(r"""page_header\(\s*["']([\w.]+)["'](?:,\s*["']([\w.]+)["'])?""")
    keys_in_lists = re.compile(r"""["']((?:nav|col)\.\w+)["']""")
    found: set[str] = set()
    files = [*ROOT.glob("pages/*.py"), *ROOT.glob("dashboard/**/*.py")]
    for path in files:
        source = path.read_text(encoding="utf-8")
        found.update(pattern.findall(source))
        for match in header.findall(source):
            found.update(key for key in match if key)
        found.update(keys_in_lists.findall(source))
    return found


def test_every_key_used_in_the_code_exists():
    used = _keys_used_in_code()
    assert "home.title" in used  # the scan itself works
    missing = sorted(key for key in used if key not in i18n.TEXTS)
    assert not missing, f"i18n keys used but not defined in dashboard/i18n.py: {missing}"
