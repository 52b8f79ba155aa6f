"""The controlled vocabularies of the data model, in one place.

Input files may use the Dutch or English spelling listed as aliases; the ETL normalises them to
the canonical code (the dictionary key) before anything is stored.
"""

from __future__ import annotations

AGE_BANDS: tuple[str, ...] = ("0-17", "18-44", "45-54", "55-64", "65-74", "75-84", "85+")

SEXES: dict[str, tuple[str, ...]] = {
    "M": ("m", "man", "male"),
    "V": ("v", "vrouw", "f", "female", "w"),
}

# Programme lines of a Connect region; ICPC codes decide which line a referral belongs to.
CONDITIONS: dict[str, tuple[str, ...]] = {
    "hartfalen": ("hartfalen", "heart failure", "hf"),
    "af": ("af", "atriumfibrilleren", "atrial fibrillation", "boezemfibrilleren"),
    "pob_acs": ("pob_acs", "pijn op de borst", "chest pain", "acs"),
    "overig": ("overig", "other", "anders"),
}

ICPC_CONDITION: dict[str, str] = {
    "K77": "hartfalen",
    "K78": "af",
    "K74": "pob_acs",
    "K75": "pob_acs",
    "K76": "pob_acs",
    "K01": "pob_acs",
    "K02": "pob_acs",
}
# Other cardiovascular ICPC codes accepted for a referral; they count as "overig".
ICPC_OTHER: tuple[str, ...] = (
    "K04", "K05", "K07", "K24", "K71", "K73", "K79", "K80", "K81", "K82", "K83", "K84",
    "K85", "K86", "K87", "K89", "K90", "K92", "K93", "K94", "K99",
)

DESTINATIONS: dict[str, tuple[str, ...]] = {
    "ziekenhuis": ("ziekenhuis", "hospital", "zh", "tweedelijn"),
    "anderhalvelijn": ("anderhalvelijn", "anderhalvelijnszorg", "1.5", "1,5", "1.5-line"),
    "econsult": ("econsult", "e-consult", "e consult"),
}

# Where a consult took place uses the same three settings as referral destinations.
SETTINGS: dict[str, tuple[str, ...]] = DESTINATIONS

OUTCOMES: dict[str, tuple[str, ...]] = {
    "terug_huisarts": ("terug_huisarts", "terug naar huisarts", "back to gp", "terug"),
    "verwezen_ziekenhuis": (
        "verwezen_ziekenhuis", "verwezen naar ziekenhuis", "referred to hospital", "verwezen",
    ),
    "follow_up": ("follow_up", "follow-up", "vervolg", "controle"),
}

PAYERS: dict[str, tuple[str, ...]] = {
    "verzekeraar": ("verzekeraar", "zorgverzekeraar", "insurer"),
    "gemeente": ("gemeente", "municipality"),
    "ziekenhuis": ("ziekenhuis", "hospital"),
    "huisartsen": ("huisartsen", "huisarts", "zorggroep", "gp", "gps"),
    "patient": ("patient", "patiënt", "patienten", "patiënten"),
    "overig": ("overig", "other"),
}

COST_TYPES: dict[str, tuple[str, ...]] = {
    "zorg": ("zorg", "care", "consulten", "dbc"),
    "diagnostiek": ("diagnostiek", "diagnostics"),
    "coordinatie": ("coordinatie", "coördinatie", "programmabureau", "coordination"),
    "ict": ("ict", "it"),
    "scholing": ("scholing", "training", "onderwijs"),
    "opname": ("opname", "opnames", "admissions"),
}

PROFESSIONS: dict[str, tuple[str, ...]] = {
    "huisarts": ("huisarts", "gp"),
    "cardioloog": ("cardioloog", "cardiologist"),
    "poh": ("poh", "praktijkondersteuner"),
    "verpleegkundige": ("verpleegkundige", "nurse", "hartfalenverpleegkundige"),
    "overig": ("overig", "other"),
}


def alias_map(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Lower-cased spelling -> canonical code, including the code itself."""
    mapping: dict[str, str] = {}
    for code, aliases in vocabulary.items():
        mapping[code.lower()] = code
        for alias in aliases:
            mapping[alias.lower()] = code
    return mapping


def condition_for_icpc(icpc: str) -> str:
    return ICPC_CONDITION.get(icpc.upper(), "overig")


KNOWN_ICPC: frozenset[str] = frozenset(ICPC_CONDITION) | frozenset(ICPC_OTHER)
