"""The privacy screen and pseudonymisation (DOMAIN.md section 6).

A file with direct identifiers is refused before anything is stored. Source identifiers of
patients, referrals, consults and survey responses are replaced by keyed hashes: SipHash-2-4
(Aumasson & Bernstein 2012), a pseudo-random function keyed with 16 bytes derived from the
secret salt, as implemented by ``pandas.util.hash_array``. Without the salt the hashes cannot
be linked back to the source values, and the same source value always gets the same pseudonym.
"""

from __future__ import annotations

import base64
import hashlib
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Column names (normalised) that indicate personal data of patients.
PERSONAL_NAME_PATTERNS: tuple[str, ...] = (
    r"(voor|achter|roep|familie|meisjes)?naam", r"(first_|last_|sur|full_|patient_)?name",
    r"voorletters?", r"tussenvoegsel", r"initials?",
    r"adres", r"address", r"straat(naam)?", r"street", r"huisnummer", r"house_?number",
    r"postcode", r"zip(_?code)?", r"postal_?code", r"woonplaats", r"city",
    r"geboortedatum", r"geb_?datum", r"birth_?date", r"date_of_birth", r"dob", r"birthday",
    r"bsn", r"burgerservicenummer", r"sofi(nummer)?", r"telefoon(nummer)?", r"phone",
    r"e_?mail",
)
_PERSONAL_NAME = re.compile("|".join(f"(?:{p})" for p in PERSONAL_NAME_PATTERNS))

_BSN_WEIGHTS = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1])


def is_personal_column_name(normalised_name: str) -> bool:
    return _PERSONAL_NAME.fullmatch(normalised_name) is not None


def bsn_like(values: pd.Series) -> pd.Series:
    """True where a cell is 9 digits passing the BSN 11-check (elfproef).

    Dots and spaces inside the number are ignored (123.456.782 counts).
    """
    result = pd.Series(False, index=values.index)
    # A cheap vectorised pre-screen in Arrow: only cells made of 9 digits with optional dots and
    # spaces go through the slower exact check.
    arrow = pa.array(values.astype("string[pyarrow]").array)
    # Codes, dates and flags are shorter than 9 characters: their column needs no regex.
    longest = pc.max(pc.binary_length(arrow)).as_py()
    if longest is None or longest < 9:
        return result
    maybe = pc.match_substring_regex(arrow, r"^\s*\d[\d.\s]{7,14}\d\s*$")
    maybe = np.asarray(pc.fill_null(maybe, False).to_numpy(zero_copy_only=False), dtype=bool)
    if not maybe.any():
        return result
    text = values[maybe].astype("string").str.strip().str.replace(r"[.\s]", "", regex=True)
    candidates = text.str.fullmatch(r"\d{9}").fillna(False).astype(bool)
    if not candidates.any():
        return result
    digits = np.frombuffer(
        "".join(text[candidates].tolist()).encode("ascii"), dtype=np.uint8
    ).reshape(-1, 9) - ord("0")
    checksum = digits.astype(np.int64) @ _BSN_WEIGHTS
    result.loc[candidates[candidates].index] = (checksum % 11 == 0) & (checksum != 0)
    return result


def hash_key(salt: str) -> str:
    """16 ASCII characters (96 bits) derived from the salt: the SipHash key pandas expects."""
    digest = hashlib.sha256(("hartnetwerk-pseudonym\0" + salt).encode("utf-8")).digest()
    return base64.b64encode(digest).decode("ascii")[:16]


def pseudonymise(values: pd.Series, salt: str) -> np.ndarray:
    """Keyed 64-bit hashes (as signed int64, the database's BIGINT) of the text values.

    The text is trimmed and dictionary-encoded in Arrow; only the distinct values are hashed
    and spread back, which keeps this fast on files where patients recur.
    """
    arrow = pa.array(values.astype("string[pyarrow]").array)
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    # A missing value hashes as the text "<NA>", as str(pd.NA) did before.
    arrow = pc.utf8_trim_whitespace(pc.fill_null(arrow, "<NA>"))
    encoded = pc.dictionary_encode(arrow)
    uniques = np.asarray(encoded.dictionary.to_numpy(zero_copy_only=False), dtype=object)
    hashed = pd.util.hash_array(uniques, hash_key=hash_key(salt), categorize=False).view(np.int64)
    return hashed[encoded.indices.to_numpy()]
