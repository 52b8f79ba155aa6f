"""Every Dutch and English text of the user interface, in one place.

Pages never hard-code a sentence: they ask ``translate(key, lang)`` (``ui.t(key)`` in a page),
so a wording change or a missing translation is fixed here and checked by ``tests/test_i18n.py``.
Numbers and dates are formatted by ``dashboard.formatting`` (re-exported below for convenience).
"""

from __future__ import annotations

from dashboard.formatting import (  # noqa: F401  (re-exported: one import for pages)
    format_date,
    format_datetime,
    format_euro,
    format_month,
    format_number,
    format_percent,
)

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

TEXTS: dict[str, dict[str, str]] = {
    # ---- application shell -------------------------------------------------------------
    "app.title": {"nl": "Hartnetwerk dashboard", "en": "Heart network dashboard"},
    "app.subtitle": {
        "nl": "Transmurale cardiologie: huisartsen, cardiologen, anderhalvelijnszorg en "
        "verzekeraars",
        "en": "Transmural cardiology: GPs, cardiologists, anderhalvelijn (1.5-line) care and "
        "insurers",
    },
    "app.language": {"nl": "Taal / Language", "en": "Language / Taal"},
    "app.synthetic_banner": {
        "nl": "Synthetische voorbeelddata — geen echte patiënten of praktijken",
        "en": "Synthetic sample data — no real patients or practices",
    },
    "app.database_error": {
        "nl": "De database kon niet worden gelezen: {error}",
        "en": "The database could not be read: {error}",
    },
    # ---- navigation: one title per page script in app.PAGES -----------------------------
    "nav.home": {"nl": "Overzicht", "en": "Overview"},
    # ---- shared table helper -----------------------------------------------------------
    "table.download_csv": {"nl": "Download als CSV", "en": "Download as CSV"},
    "table.about": {"nl": "Over deze gegevens", "en": "About this data"},
    "table.empty": {"nl": "Geen gegevens om te tonen.", "en": "No data to show."},
    # ---- home page (Overzicht) ---------------------------------------------------------
    "home.title": {"nl": "Overzicht", "en": "Overview"},
    "home.intro": {
        "nl": "Welke regio's en perioden zijn geladen, en wanneer de gegevens voor het laatst "
        "zijn bijgewerkt.",
        "en": "Which regions and periods are loaded, and when the data were last updated.",
    },
    "home.empty_title": {"nl": "Nog geen gegevens geladen", "en": "No data loaded yet"},
    "home.empty_body": {
        "nl": "De database is leeg. Laad de meegeleverde voorbeelddata met\n\n"
        "```\npython -m etl load data/sample\n```\n\n"
        "of laad de exportbestanden van uw eigen regio met `python -m etl load MAP`. "
        "Het bestandsformaat staat in `docs/data-format.md`. Ververs daarna deze pagina.",
        "en": "The database is empty. Load the bundled sample data with\n\n"
        "```\npython -m etl load data/sample\n```\n\n"
        "or load your own region's export files with `python -m etl load FOLDER`. "
        "The file format is described in `docs/data-format.md`. Then refresh this page.",
    },
    "home.no_referrals": {
        "nl": "Er zijn regio's geladen, maar nog geen verwijzingen.",
        "en": "Regions are loaded, but no referrals yet.",
    },
    "home.regions": {"nl": "Regio's", "en": "Regions"},
    "home.summary": {
        "nl": "{regions} regio's · {practices} praktijken · {referrals} verwijzingen",
        "en": "{regions} regions · {practices} practices · {referrals} referrals",
    },
    "home.anderhalvelijn_since": {
        "nl": "Anderhalvelijn sinds {date}",
        "en": "Anderhalvelijn since {date}",
    },
    "home.no_anderhalvelijn": {"nl": "Geen anderhalvelijn", "en": "No anderhalvelijn care"},
    "home.practices": {"nl": "Praktijken", "en": "Practices"},
    "home.listed_patients": {"nl": "Ingeschreven patiënten", "en": "Listed patients"},
    "home.listed_patients_help": {
        "nl": "Praktijkpopulatie in {year}, het laatste jaar waarvoor die is aangeleverd.",
        "en": "Practice population in {year}, the latest year supplied.",
    },
    "home.referrals": {"nl": "Verwijzingen", "en": "Referrals"},
    "home.period_value": {
        "nl": "verwijzingen {first} – {last}",
        "en": "referrals {first} – {last}",
    },
    "home.period_single": {"nl": "verwijzingen {month}", "en": "referrals {month}"},
    "home.data_date": {"nl": "Datadatum", "en": "Data date"},
    "home.data_date_help": {
        "nl": "Datum van de laatste geladen verwijzing.",
        "en": "Date of the last loaded referral.",
    },
    "home.table_title": {"nl": "Regio's in tabelvorm", "en": "Regions as a table"},
    "home.about_regions": {
        "nl": "Eén regel per regio. *Ingeschreven patiënten* is de praktijkpopulatie in het "
        "laatste jaar waarvoor die is aangeleverd. *Periode* loopt van de eerste tot de "
        "laatste maand met verwijzingen; *datadatum* is de datum van de laatste verwijzing. "
        "Bron: de geaggregeerde tabellen die na elke lading opnieuw worden opgebouwd.",
        "en": "One row per region. *Listed patients* is the practice population in the latest "
        "year supplied. *Period* runs from the first to the last month with referrals; "
        "*data date* is the date of the last referral. Source: the aggregate tables rebuilt "
        "after every load.",
    },
    "home.loads_title": {"nl": "Laatste ladingen", "en": "Latest loads"},
    "home.no_loads": {"nl": "Nog geen bestanden geladen.", "en": "No files loaded yet."},
    "home.about_loads": {
        "nl": "Het laadlogboek: elk bestand dat is aangeboden, met het aantal regels en de "
        "uitkomst (geladen, ongewijzigd of geweigerd).",
        "en": "The load log: every file offered, with its number of rows and the outcome "
        "(loaded, unchanged or rejected).",
    },
    # ---- column names ------------------------------------------------------------------
    "col.region_code": {"nl": "Code", "en": "Code"},
    "col.region": {"nl": "Regio", "en": "Region"},
    "col.anderhalvelijn_start": {"nl": "Start anderhalvelijn", "en": "Anderhalvelijn start"},
    "col.practices": {"nl": "Praktijken", "en": "Practices"},
    "col.listed_patients": {"nl": "Ingeschreven patiënten", "en": "Listed patients"},
    "col.population_year": {"nl": "Populatiejaar", "en": "Population year"},
    "col.first_month": {"nl": "Eerste maand", "en": "First month"},
    "col.last_month": {"nl": "Laatste maand", "en": "Last month"},
    "col.referrals": {"nl": "Verwijzingen", "en": "Referrals"},
    "col.data_date": {"nl": "Datadatum", "en": "Data date"},
    "col.synthetic": {"nl": "Synthetisch", "en": "Synthetic"},
    "col.practice": {"nl": "Praktijk", "en": "Practice"},
    "col.share": {"nl": "Aandeel", "en": "Share"},
    "col.cost": {"nl": "Kosten", "en": "Cost"},
    "col.file_name": {"nl": "Bestand", "en": "File"},
    "col.table_name": {"nl": "Tabel", "en": "Table"},
    "col.rows": {"nl": "Regels", "en": "Rows"},
    "col.loaded_at": {"nl": "Tijdstip", "en": "Time"},
    "col.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "col.message": {"nl": "Toelichting", "en": "Details"},
    # ---- coded values ------------------------------------------------------------------
    "outcome.loaded": {"nl": "geladen", "en": "loaded"},
    "outcome.unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "outcome.rejected": {"nl": "geweigerd", "en": "rejected"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "destination.ziekenhuis": {"nl": "Ziekenhuis", "en": "Hospital"},
    "destination.anderhalvelijn": {"nl": "Anderhalvelijn", "en": "Anderhalvelijn (1.5-line)"},
    "destination.econsult": {"nl": "E-consult", "en": "E-consult"},
    "condition.hartfalen": {"nl": "Hartfalen", "en": "Heart failure"},
    "condition.af": {"nl": "Atriumfibrilleren", "en": "Atrial fibrillation"},
    "condition.pob_acs": {
        "nl": "Pijn op de borst / ACS",
        "en": "Chest pain / ACS",
    },
    "condition.overig": {"nl": "Overig", "en": "Other"},
    "sex.M": {"nl": "Man", "en": "Male"},
    "sex.V": {"nl": "Vrouw", "en": "Female"},
}


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    An unknown key comes back as the key itself rather than raising, so a typo shows up as a
    visible oddity on the page instead of taking the whole page down; the i18n tests check
    that every key used in the code exists.
    """
    entry = TEXTS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def label(kind: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a coded value, e.g. ``label("destination", "econsult")``."""
    key = f"{kind}.{code}"
    return translate(key, lang) if key in TEXTS else code
