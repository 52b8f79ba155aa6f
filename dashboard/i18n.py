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
    # ---- chart helper (ui.show_chart) --------------------------------------------------
    "chart.data": {"nl": "Gegevens achter deze grafiek", "en": "Data behind this chart"},
    "chart.empty": {
        "nl": "Geen gegevens voor deze grafiek in deze selectie.",
        "en": "No data for this chart in this selection.",
    },
    # ---- anderhalvelijn ----------------------------------------------------------------
    "nav.anderhalvelijn": {"nl": "Anderhalvelijn", "en": "Anderhalvelijn (1.5-line)"},
    "alv.title": {"nl": "Anderhalvelijn en e-consult", "en": "Anderhalvelijn and e-consult"},
    "alv.intro": {
        "nl": "Hoeveel verwijzingen naar de anderhalvelijn of het e-consult gaan, hoeveel "
        "patiënten daarna zonder ziekenhuis verder kunnen, en wachttijd, tevredenheid en kosten "
        "per setting. Praktijken staan onder een pseudoniem.",
        "en": "How many referrals go to anderhalvelijn (1.5-line) care or e-consult, how many "
        "patients then stay out of hospital, and waiting time, satisfaction and cost per "
        "setting. Practices appear under a pseudonym.",
    },
    "alv.no_data": {
        "nl": "Nog geen verwijzingen geladen. Laad gegevens met `python -m etl load MAP`; "
        "zie het Overzicht.",
        "en": "No referrals loaded yet. Load data with `python -m etl load FOLDER`; see the "
        "Overview.",
    },
    "alv.no_referrals": {
        "nl": "Geen verwijzingen voor {scope} in deze periode en selectie. Kies een andere "
        "periode, regio of aandoening.",
        "en": "No referrals for {scope} in this period and selection. Choose another period, "
        "region or condition.",
    },
    "alv.filter_region": {"nl": "Regio", "en": "Region"},
    "alv.filter_period": {"nl": "Periode", "en": "Period"},
    "alv.filter_condition": {"nl": "Aandoening", "en": "Condition"},
    "alv.all_regions": {"nl": "Alle regio's", "en": "All regions"},
    "alv.all_conditions": {"nl": "Alle aandoeningen", "en": "All conditions"},
    "alv.period_rolling": {
        "nl": "Laatste 12 maanden ({first} – {last})",
        "en": "Last 12 months ({first} – {last})",
    },
    "alv.period_all": {
        "nl": "Hele periode ({first} – {last})",
        "en": "Whole range ({first} – {last})",
    },
    "alv.period_partial_year": {
        "nl": "{year} (onvolledig: {months})",
        "en": "{year} (incomplete: {months})",
    },
    "alv.period_span": {"nl": "{first} – {last}", "en": "{first} – {last}"},
    "alv.scope_caption": {
        "nl": "{scope} · verwijzingen van {first} tot en met {last} · datadatum {date}",
        "en": "{scope} · referrals from {first} up to and including {last} · data date {date}",
    },
    "alv.no_anderhalvelijn": {
        "nl": "Deze regio ({region}) heeft (nog) geen anderhalvelijnszorg. Daarom staan hier "
        "geen cijfers over de anderhalvelijn; wel het aandeel e-consulten en de wachttijd, "
        "tevredenheid en kosten van ziekenhuis en e-consult.",
        "en": "This region ({region}) has no anderhalvelijn (1.5-line) care (yet). So there are "
        "no anderhalvelijn figures here; the e-consult share and the waiting time, "
        "satisfaction and cost of hospital and e-consult are shown.",
    },
    "alv.not_started": {
        "nl": "In deze periode had {region} nog geen anderhalvelijnszorg (gestart op {date}). "
        "Het aandeel hieronder bestaat alleen uit e-consulten; kies een latere periode voor de "
        "anderhalvelijn.",
        "en": "In this period {region} had no anderhalvelijn care yet (started on {date}). The "
        "share below consists of e-consults only; choose a later period for anderhalvelijn.",
    },
    "alv.some_without": {
        "nl": "Zonder anderhalvelijn: {regions}. Daar telt alleen het e-consult mee.",
        "en": "Without anderhalvelijn care: {regions}. There only the e-consult counts.",
    },
    "alv.interval_help": {
        "nl": "95%-betrouwbaarheidsinterval {low} – {high} (Wilson). {detail}",
        "en": "95% confidence interval {low} – {high} (Wilson). {detail}",
    },
    "alv.metric_hidden": {
        "nl": "Niet getoond: gebaseerd op een aantal van 1 tot en met {max}, of geen gegevens.",
        "en": "Not shown: based on a count from 1 to {max}, or no data.",
    },
    "alv.metric_resolved_none": {
        "nl": "Niet te bepalen: geen anderhalvelijnepisodes met 6 maanden follow-up in deze "
        "selectie, of een aantal van 1 tot en met {max}.",
        "en": "Cannot be determined: no anderhalvelijn episodes with 6 months of follow-up in "
        "this selection, or a count from 1 to {max}.",
    },
    "alv.metric_share": {
        "nl": "Aandeel anderhalvelijn + e-consult",
        "en": "Share anderhalvelijn + e-consult",
    },
    "alv.metric_share_detail": {
        "nl": "{alv} van {referrals} cardiologische verwijzingen.",
        "en": "{alv} of {referrals} cardiology referrals.",
    },
    "alv.metric_resolved": {
        "nl": "Zonder ziekenhuis binnen 6 maanden",
        "en": "No hospital within 6 months",
    },
    "alv.metric_resolved_detail": {
        "nl": "{resolved} van {followed} anderhalvelijnepisodes met 6 maanden follow-up "
        "(verwezen tot en met {month}).",
        "en": "{resolved} of {followed} anderhalvelijn episodes with 6 months of follow-up "
        "(referred up to and including {month}).",
    },
    "alv.metric_wait": {
        "nl": "Mediane wachttijd anderhalvelijn",
        "en": "Median wait anderhalvelijn",
    },
    "alv.metric_wait_detail": {
        "nl": "Dagen van verwijzing tot eerste consult in de anderhalvelijn; {episodes} "
        "episodes.",
        "en": "Days from referral to first anderhalvelijn consult; {episodes} episodes.",
    },
    "alv.metric_treeknorm": {
        "nl": "Anderhalvelijn binnen 4 weken (treeknorm)",
        "en": "Anderhalvelijn within 4 weeks (norm)",
    },
    "alv.metric_referrals": {"nl": "Verwijzingen cardiologie", "en": "Cardiology referrals"},
    "alv.days": {"nl": "{days} dagen", "en": "{days} days"},
    "alv.share_title": {
        "nl": "Aandeel anderhalvelijn en e-consult",
        "en": "Share of anderhalvelijn and e-consult",
    },
    "alv.share_chart_title": {
        "nl": "Aandeel verwijzingen naar anderhalvelijn of e-consult per maand — {scope}",
        "en": "Share of referrals to anderhalvelijn or e-consult per month — {scope}",
    },
    "alv.share_chart_subtitle": {
        "nl": "Lijn: aandeel; band: 95%-betrouwbaarheidsinterval",
        "en": "Line: share; band: 95% confidence interval",
    },
    "alv.share_method": {
        "nl": "Aandeel = verwijzingen naar anderhalvelijn of e-consult ÷ alle cardiologische "
        "verwijzingen in de maand. De band is het 95%-betrouwbaarheidsinterval (Wilson).",
        "en": "Share = referrals to anderhalvelijn or e-consult ÷ all cardiology referrals in "
        "the month. The band is the 95% confidence interval (Wilson).",
    },
    "alv.hidden_points": {
        "nl": "{count} maandpunten met een aantal van 1 tot en met {max} zijn niet getoond.",
        "en": "{count} monthly points with a count from 1 to {max} are not shown.",
    },
    "alv.share_empty": {
        "nl": "Geen maanden om te tonen: alle aantallen in deze selectie zijn te klein "
        "(1 tot en met {max}) of verborgen omdat een klein aantal anders uit het totaal volgt, "
        "of er zijn geen verwijzingen.",
        "en": "No months to show: all counts in this selection are too small (1 to {max}) or "
        "hidden because a small count would otherwise follow from the total, or there are no "
        "referrals.",
    },
    "alv.share_region_title": {
        "nl": "Aandeel per regio over de hele periode",
        "en": "Share per region over the whole period",
    },
    "alv.practice_title": {"nl": "Per praktijk", "en": "Per practice"},
    "alv.funnel_chart_title": {
        "nl": "Trechterdiagram: aandeel anderhalvelijn + e-consult per praktijk — {scope}",
        "en": "Funnel plot: share anderhalvelijn + e-consult per practice — {scope}",
    },
    "alv.funnel_chart_subtitle": {
        "nl": "Elke stip is een praktijk (pseudoniem); lijnen: regionaal aandeel en de 95%- en "
        "99,8%-grenzen",
        "en": "Each dot is a practice (pseudonym); lines: regional share and the 95% and 99.8% "
        "limits",
    },
    "alv.funnel_target": {"nl": "Regionaal aandeel", "en": "Regional share"},
    "alv.funnel_95": {"nl": "95%-grens", "en": "95% limit"},
    "alv.funnel_998": {"nl": "99,8%-grens", "en": "99.8% limit"},
    "alv.funnel_method": {
        "nl": "Trechterdiagram (Spiegelhalter 2005): horizontaal het aantal verwijzingen van de "
        "praktijk, verticaal het aandeel. Doel = het gepoolde aandeel van de regio; grenzen uit "
        "de exacte binomiale verdeling. Een praktijk buiten de trechter wijkt meer af dan "
        "toeval verklaart: bespreek het verhaal erachter, het is geen rangorde.",
        "en": "Funnel plot (Spiegelhalter 2005): horizontally the practice's number of "
        "referrals, vertically the share. Target = the region's pooled share; limits from the "
        "exact binomial distribution. A practice outside the funnel differs more than chance "
        "explains: discuss the story behind it, it is not a ranking.",
    },
    "alv.funnel_hidden": {
        "nl": "{count} praktijken staan niet in de trechter: een aantal van 1 tot en met {max}, "
        "of een aantal dat verborgen is zodat zo'n klein aantal niet uit de totalen volgt.",
        "en": "{count} practices are not in the funnel: a count from 1 to {max}, or a count "
        "hidden so that such a small count cannot be worked out from the totals.",
    },
    "alv.funnel_skipped": {
        "nl": "Geen trechter voor {regions}: het regionale aandeel is 0% of 100%.",
        "en": "No funnel for {regions}: the regional share is 0% or 100%.",
    },
    # Totals withheld because a hidden count would follow from them
    # (privacy.undisclosable_totals).
    "alv.withheld_regions": {
        "nl": "In {regions} is het kleine aantal (1 tot en met {max}) van één praktijk "
        "verborgen, maar er is geen andere praktijk waarvan een aantal mee verborgen kan worden "
        "(de eigen praktijk kent u al). Dat aantal zou dan uit de regiocijfers volgen; daarom "
        "worden die voor deze regio niet getoond.",
        "en": "In {regions} one practice's small count (1 to {max}) is hidden, but there is no "
        "other practice whose count can be hidden with it (you already know your own). The "
        "count would then follow from the region's figures, so those are not shown for this "
        "region.",
    },
    "alv.metric_withheld": {
        "nl": "Niet getoond: uit dit totaal zou een verborgen klein aantal (1 tot en met {max}) "
        "te berekenen zijn.",
        "en": "Not shown: a hidden small count (1 to {max}) could be worked out from this "
        "total.",
    },
    "alv.withheld_points": {
        "nl": "Geen maandpunten voor {regions}: min die van uw praktijk zouden ze het verborgen "
        "aantal van de andere praktijk geven.",
        "en": "No monthly points for {regions}: minus your practice's they would give the "
        "other practice's hidden count.",
    },
    "alv.withheld_totals": {
        "nl": "Totalen van {regions} met ‘–’ zijn weggelaten: het verborgen kleine aantal van een "
        "praktijk zou eruit volgen.",
        "en": "Totals of {regions} shown as ‘–’ are left out: a practice's hidden small count "
        "would follow from them.",
    },
    "alv.funnel_withheld": {
        "nl": "Geen trechter voor {regions}: het regionale aandeel zou het verborgen aantal van "
        "een praktijk verraden.",
        "en": "No funnel for {regions}: the regional share would give a practice's hidden count "
        "away.",
    },
    # A GP's own region: its figures minus the own practice's are the other practices'
    # (privacy.suppress_beyond_own); and totals hidden so the headline gives nothing away.
    "alv.beyond_own_points": {
        "nl": "{count} maandpunten van uw regio zijn niet getoond: min die van uw eigen "
        "praktijk zouden ze een klein aantal (1 tot en met {max}) van de andere praktijken "
        "geven.",
        "en": "{count} monthly points of your region are not shown: minus your own practice's "
        "they would give a small count (1 to {max}) of the other practices.",
    },
    "alv.hidden_totals": {
        "nl": "Totalen met ‘–’ zijn weggelaten: met het totaal van alle regio's, de "
        "maandpunten of de cijfers van uw eigen praktijk zou er een klein aantal (1 tot en "
        "met {max}) uit volgen.",
        "en": "Totals shown as ‘–’ are left out: with the total over all regions, the monthly "
        "points or your own practice's figures they would give a small count (1 to {max}) "
        "away.",
    },
    "alv.funnel_empty": {
        "nl": "Geen praktijken om in de trechter te tonen.",
        "en": "No practices to show in the funnel.",
    },
    "alv.practice_about": {
        "nl": "Eén regel per praktijk in de regio, ook praktijken zonder verwijzingen in deze "
        "periode (aandeel leeg). Praktijken staan onder hun vaste pseudoniem. Aantallen van 1 "
        "tot en met {max} staan als \"<{threshold}\"; het aandeel, het interval en "
        "de trechterpositie zijn dan verborgen. Een \"–\" is een aantal dat ook verborgen is, "
        "omdat het verborgen aantal anders uit de totalen of de andere kolommen volgt. "
        "*Trechter*: de plek van de praktijk ten opzichte van de 95%- en 99,8%-grenzen rond "
        "het regionale aandeel.",
        "en": "One row per practice in the region, including practices without referrals in "
        "this period (share empty). Practices appear under their stable pseudonym. Counts from "
        "1 to {max} read \"<{threshold}\"; the share, interval and funnel "
        "position are then hidden. A \"–\" is a count hidden as well, because the hidden count "
        "would otherwise follow from the totals or the other columns. *Funnel*: where the "
        "practice lies relative to the 95% and 99.8% limits around the regional share.",
    },
    "alv.resolved_title": {
        "nl": "Afgehandeld zonder ziekenhuis",
        "en": "Resolved without hospital",
    },
    "alv.resolved_intro": {
        "nl": "Wat er binnen 6 maanden gebeurde na een verwijzing naar de anderhalvelijn of het "
        "e-consult: verder zonder ziekenhuis (terug naar de huisarts of vervolg in de "
        "anderhalvelijn), of toch naar het ziekenhuis.",
        "en": "What happened within 6 months after a referral to anderhalvelijn or e-consult: "
        "onward without hospital (back to the GP or follow-up in anderhalvelijn), or to "
        "hospital after all.",
    },
    "alv.open_note": {
        "nl": "{count} episodes zijn minder dan 6 maanden voor de datadatum verwezen: hun "
        "uitkomst is nog niet bekend. Ze tellen niet mee in het percentage en staan in de "
        "grafiek als 'nog geen 6 maanden follow-up'.",
        "en": "{count} episodes were referred less than 6 months before the data date: their "
        "outcome is not known yet. They do not count in the percentage and appear in the chart "
        "as 'less than 6 months of follow-up'.",
    },
    "alv.flow_chart_title": {
        "nl": "Uitkomst binnen 6 maanden na verwijzing — {scope}",
        "en": "Outcome within 6 months of referral — {scope}",
    },
    "alv.flow_chart_subtitle": {
        "nl": "Huisarts → anderhalvelijn of e-consult → zonder ziekenhuis of naar ziekenhuis "
        "(% van de episodes)",
        "en": "GP → anderhalvelijn or e-consult → without hospital or to hospital (% of "
        "episodes)",
    },
    "alv.flow_method": {
        "nl": "Een episode is een verwijzing. 'Naar ziekenhuis' = binnen 182 dagen een consult "
        "in het ziekenhuis of een verwijzing daarheen; de rest bleef buiten het ziekenhuis. "
        "Verwijzingen uit maanden met minder dan 6 maanden follow-up tot de datadatum tellen "
        "als 'nog geen 6 maanden follow-up'.",
        "en": "An episode is a referral. 'To hospital' = a hospital consult or a referral there "
        "within 182 days; the rest stayed out of hospital. Referrals from months with less "
        "than 6 months of follow-up up to the data date count as 'less than 6 months of "
        "follow-up'.",
    },
    "alv.flow_hidden": {
        "nl": "Niet getoond wegens kleine aantallen (1 tot en met {max}): {destinations}.",
        "en": "Not shown because of small numbers (1 to {max}): {destinations}.",
    },
    "alv.flow_empty": {
        "nl": "Geen episodes naar anderhalvelijn of e-consult in deze selectie.",
        "en": "No anderhalvelijn or e-consult episodes in this selection.",
    },
    "alv.resolved_about": {
        "nl": "Per regio en startpunt: episodes met 6 maanden follow-up (verwezen tot en met de "
        "maand in de laatste kolom), hoeveel daarvan zonder ziekenhuis bleven, en het aandeel "
        "met 95%-interval (Wilson). Indicator ALV_AFGEHANDELD; de bronnen melden meer dan 80%.",
        "en": "Per region and starting point: episodes with 6 months of follow-up (referred up "
        "to and including the month in the last column), how many stayed out of hospital, and "
        "the share with a 95% interval (Wilson). Indicator ALV_AFGEHANDELD; the sources report "
        "more than 80%.",
    },
    "alv.not_per_condition": {
        "nl": "Wachttijd, tevredenheid en kosten worden niet per aandoening vastgelegd: de "
        "cijfers hieronder gelden voor alle aandoeningen.",
        "en": "Waiting time, satisfaction and cost are not recorded per condition: the figures "
        "below cover all conditions.",
    },
    "alv.subtitle_scope": {"nl": "{scope}, per setting", "en": "{scope}, per setting"},
    "alv.setting_empty": {
        "nl": "Geen gegevens per setting in deze selectie (of alleen aantallen van 1 tot en met "
        "{max}).",
        "en": "No data per setting in this selection (or only counts from 1 to {max}).",
    },
    "alv.wait_title": {
        "nl": "Wachttijd tot het eerste consult",
        "en": "Waiting time to the first consult",
    },
    "alv.wait_median_chart_title": {
        "nl": "Mediane wachttijd per setting (dagen)",
        "en": "Median waiting time per setting (days)",
    },
    "alv.wait_median_method": {
        "nl": "Dagen van verwijzing tot het eerste consult, naar de setting van dat consult; "
        "exacte mediaan uit de verdeling van alle wachttijden.",
        "en": "Days from referral to the first consult, by the setting of that consult; exact "
        "median from the distribution of all waiting times.",
    },
    "alv.wait_norm_chart_title": {
        "nl": "Binnen de treeknorm (4 weken) per setting",
        "en": "Within the accepted waiting time (4 weeks) per setting",
    },
    "alv.wait_norm_method": {
        "nl": "Aandeel eerste consulten binnen 28 dagen na verwijzing (treeknorm), met 95%-"
        "betrouwbaarheidsinterval (Wilson).",
        "en": "Share of first consults within 28 days of referral (the Dutch 'treeknorm'), with "
        "95% confidence interval (Wilson).",
    },
    "alv.satisfaction_title": {"nl": "Patiënttevredenheid", "en": "Patient satisfaction"},
    "alv.satisfaction_chart_title": {
        "nl": "Gemiddeld rapportcijfer (1-10) per setting",
        "en": "Mean satisfaction score (1-10) per setting",
    },
    "alv.satisfaction_method": {
        "nl": "Gemiddelde van de rapportcijfers bij consulten in de periode, met 95%-"
        "betrouwbaarheidsinterval (t-verdeling).",
        "en": "Mean of the scores given at consults in the period, with 95% confidence interval "
        "(t distribution).",
    },
    "alv.cost_title": {"nl": "Kosten per patiënt", "en": "Cost per patient"},
    "alv.cost_chart_title": {
        "nl": "Zorgkosten per verwezen patiënt per setting (€)",
        "en": "Care cost per referred patient per setting (€)",
    },
    "alv.cost_method": {
        "nl": "Zorgkosten (kostensoort 'zorg', alle betalers) in de periode ÷ verwezen patiënten "
        "(episodes) naar die setting in dezelfde periode. Jaarbedragen tellen naar rato van de "
        "maanden in de periode; programmakosten (coördinatie, ICT, scholing) tellen niet mee.",
        "en": "Care cost (cost type 'care', all payers) in the period ÷ referred patients "
        "(episodes) to that setting in the same period. Whole-year amounts count pro rata for "
        "the months in the period; programme costs (coordination, ICT, training) are left out.",
    },
    "alv.axis_month": {"nl": "Maand van verwijzing", "en": "Month of referral"},
    "alv.axis_share": {
        "nl": "Aandeel anderhalvelijn + e-consult (%)",
        "en": "Share anderhalvelijn + e-consult (%)",
    },
    "alv.axis_referrals": {
        "nl": "Verwijzingen van de praktijk (aantal)",
        "en": "Practice's referrals (number)",
    },
    "alv.axis_episode_share": {
        "nl": "Aandeel van de episodes (%)",
        "en": "Share of episodes (%)",
    },
    "alv.axis_start": {"nl": "Verwezen naar", "en": "Referred to"},
    "alv.axis_median_days": {"nl": "Mediane wachttijd (dagen)", "en": "Median wait (days)"},
    "alv.axis_within_norm": {
        "nl": "Binnen 4 weken (% van de eerste consulten)",
        "en": "Within 4 weeks (% of first consults)",
    },
    "alv.axis_score": {"nl": "Gemiddeld rapportcijfer (1-10)", "en": "Mean score (1-10)"},
    "alv.axis_cost_per_patient": {
        "nl": "Kosten per verwezen patiënt (€)",
        "en": "Cost per referred patient (€)",
    },
    "signal.high_998": {"nl": "Boven de 99,8%-grens", "en": "Above the 99.8% limit"},
    "signal.high_95": {"nl": "Boven de 95%-grens", "en": "Above the 95% limit"},
    "signal.within": {"nl": "Binnen de grenzen", "en": "Within the limits"},
    "signal.low_95": {"nl": "Onder de 95%-grens", "en": "Below the 95% limit"},
    "signal.low_998": {"nl": "Onder de 99,8%-grens", "en": "Below the 99.8% limit"},
    "flow.resolved": {
        "nl": "Zonder ziekenhuis (terug naar huisarts of vervolg)",
        "en": "Without hospital (back to GP or follow-up)",
    },
    "flow.to_hospital": {"nl": "Naar ziekenhuis", "en": "To hospital"},
    "flow.open": {
        "nl": "Nog geen 6 maanden follow-up",
        "en": "Less than 6 months of follow-up",
    },
    "col.month": {"nl": "Maand", "en": "Month"},
    "col.alv_referrals": {
        "nl": "Naar anderhalvelijn of e-consult",
        "en": "To anderhalvelijn or e-consult",
    },
    "col.hospital_referrals": {"nl": "Naar ziekenhuis", "en": "To hospital"},
    "col.ci_low": {"nl": "95%-interval ondergrens", "en": "95% interval lower"},
    "col.ci_high": {"nl": "95%-interval bovengrens", "en": "95% interval upper"},
    "col.funnel_signal": {"nl": "Trechter", "en": "Funnel"},
    "col.destination": {"nl": "Verwezen naar", "en": "Referred to"},
    "col.flow_outcome": {"nl": "Binnen 6 maanden", "en": "Within 6 months"},
    "col.episodes": {"nl": "Episodes", "en": "Episodes"},
    "col.followed_episodes": {
        "nl": "Episodes met 6 mnd follow-up",
        "en": "Episodes with 6 months follow-up",
    },
    "col.resolved": {"nl": "Zonder ziekenhuis", "en": "Without hospital"},
    "col.to_hospital": {"nl": "Naar ziekenhuis", "en": "To hospital"},
    "col.resolved_share": {"nl": "Aandeel zonder ziekenhuis", "en": "Share without hospital"},
    "col.follow_up_until": {"nl": "Verwezen tot en met", "en": "Referred up to"},
    "col.setting": {"nl": "Setting", "en": "Setting"},
    "col.median_days": {"nl": "Mediane wachttijd (dagen)", "en": "Median wait (days)"},
    "col.within_4_weeks": {"nl": "Binnen 4 weken", "en": "Within 4 weeks"},
    "col.within_4_weeks_share": {"nl": "Aandeel binnen 4 weken", "en": "Share within 4 weeks"},
    "col.responses": {"nl": "Ingevulde cijfers", "en": "Scores given"},
    "col.mean_score": {"nl": "Gemiddeld cijfer", "en": "Mean score"},
    "col.care_cost": {"nl": "Zorgkosten", "en": "Care cost"},
    "col.cost_per_patient": {"nl": "Kosten per patiënt", "en": "Cost per patient"},
    # ---- end anderhalvelijn ------------------------------------------------------------
    # ---- spiegelinformatie -------------------------------------------------------------
    "nav.spiegelinformatie": {"nl": "Spiegelinformatie", "en": "Referral mirror"},
    "spiegel.title": {
        "nl": "Spiegelinformatie: verwijzingen naar de cardioloog",
        "en": "Mirror information: cardiology referrals",
    },
    "spiegel.intro": {
        "nl": "Uw verwijzingen naar de cardioloog naast die van de andere praktijken in de regio: "
        "eerlijk vergeleken (gecorrigeerd voor leeftijd en geslacht van uw patiënten) en met de "
        "onzekerheid erbij. Andere praktijken staan onder een vaste schuilnaam.",
        "en": "Your cardiology referrals next to those of the other practices in the region: "
        "compared fairly (adjusted for the age and sex of your patients) and with the "
        "uncertainty shown. Other practices appear under a stable pseudonym.",
    },
    "spiegel.filter_region": {"nl": "Regio", "en": "Region"},
    "spiegel.filter_period": {"nl": "Periode", "en": "Period"},
    "spiegel.period.rolling": {"nl": "Laatste 12 maanden", "en": "Last 12 months"},
    "spiegel.period.year": {"nl": "Kalenderjaar", "en": "Calendar year"},
    "spiegel.filter_year": {"nl": "Jaar", "en": "Year"},
    "spiegel.filter_condition": {"nl": "Aandoening", "en": "Condition"},
    "spiegel.condition_all": {"nl": "Alle aandoeningen", "en": "All conditions"},
    "spiegel.filter_destination": {"nl": "Verwijzingen", "en": "Referrals"},
    "spiegel.destination_all": {
        "nl": "Alle cardiologie (ziekenhuis, anderhalvelijn, e-consult)",
        "en": "All cardiology (hospital, anderhalvelijn, e-consult)",
    },
    "spiegel.destination_hospital": {"nl": "Alleen ziekenhuis", "en": "Hospital only"},
    "spiegel.filter_practice": {"nl": "Mijn praktijk", "en": "My practice"},
    "spiegel.period_caption": {
        "nl": "{region} · {period} · {selection} · datadatum {date}",
        "en": "{region} · {period} · {selection} · data date {date}",
    },
    "spiegel.period_rolling_label": {"nl": "{first} – {last}", "en": "{first} – {last}"},
    "spiegel.period_partial_label": {
        "nl": "{year} ({start} t/m {end})",
        "en": "{year} ({start} to {end})",
    },
    "spiegel.no_regions": {
        "nl": "Er zijn nog geen regio's geladen. Laad gegevens met `python -m etl load MAP` "
        "(zie de pagina Overzicht).",
        "en": "No regions are loaded yet. Load data with `python -m etl load FOLDER` (see the "
        "Overview page).",
    },
    "spiegel.no_referrals_region": {
        "nl": "{region} heeft nog geen verwijzingen in de database.",
        "en": "{region} has no referrals in the database yet.",
    },
    "spiegel.no_population": {
        "nl": "Voor {region} zijn geen praktijkpopulaties geladen; zonder ingeschreven patiënten "
        "kan geen verwijscijfer worden berekend.",
        "en": "No practice populations are loaded for {region}; without listed patients no "
        "referral rate can be computed.",
    },
    "spiegel.empty_selection": {
        "nl": "Geen verwijzingen in {region} voor deze selectie ({period}). Kies een andere "
        "aandoening, bestemming of periode.",
        "en": "No referrals in {region} for this selection ({period}). Choose another "
        "condition, destination or period.",
    },
    "spiegel.note_borrowed_year": {
        "nl": "Voor {year} zijn geen populatiecijfers aangeleverd; de cijfers van {used} zijn "
        "gebruikt.",
        "en": "No population figures were supplied for {year}; those of {used} are used.",
    },
    "spiegel.note_excluded": {
        "nl": "Niet in de vergelijking (geen ingeschreven patiënten in deze periode, of alleen in "
        "groepen zonder verwijzingen): {practices}.",
        "en": "Not in the comparison (no listed patients in this period, or only in groups "
        "without referrals): {practices}.",
    },
    "spiegel.note_dropped": {
        "nl": "{count} verwijzingen in leeftijd/geslacht-groepen zonder ingeschreven patiënten in "
        "de regio zijn weggelaten.",
        "en": "{count} referrals in age/sex groups without listed patients in the region are "
        "left out.",
    },
    "spiegel.signal.high_998": {"nl": "Boven 99,8%-grens", "en": "Above 99.8% limit"},
    "spiegel.signal.high_95": {"nl": "Boven 95%-grens", "en": "Above 95% limit"},
    "spiegel.signal.within": {"nl": "Binnen de grenzen", "en": "Within the limits"},
    "spiegel.signal.low_95": {"nl": "Onder 95%-grens", "en": "Below 95% limit"},
    "spiegel.signal.low_998": {"nl": "Onder 99,8%-grens", "en": "Below 99.8% limit"},
    "spiegel.reading.within": {
        "nl": "dat valt binnen de normale spreiding.",
        "en": "that is within the normal variation.",
    },
    "spiegel.reading.high_95": {
        "nl": "dat ligt boven de 95%-grens: waarschijnlijk geen toeval, de moeite waard om te "
        "bespreken.",
        "en": "that is above the 95% limit: probably not chance, worth discussing.",
    },
    "spiegel.reading.high_998": {
        "nl": "dat ligt boven de 99,8%-grens: vrijwel zeker geen toeval; bespreek wat erachter "
        "zit.",
        "en": "that is above the 99.8% limit: almost certainly not chance; discuss what lies "
        "behind it.",
    },
    "spiegel.reading.low_95": {
        "nl": "dat ligt onder de 95%-grens: waarschijnlijk geen toeval, de moeite waard om te "
        "bespreken.",
        "en": "that is below the 95% limit: probably not chance, worth discussing.",
    },
    "spiegel.reading.low_998": {
        "nl": "dat ligt onder de 99,8%-grens: vrijwel zeker geen toeval; bespreek wat erachter "
        "zit.",
        "en": "that is below the 99.8% limit: almost certainly not chance; discuss what lies "
        "behind it.",
    },
    "spiegel.reading_widened": {
        "nl": "(De grenzen zijn verbreed voor de extra spreiding tussen praktijken.)",
        "en": "(The limits are widened for the extra variation between practices.)",
    },
    "spiegel.reading_standardised": {
        "nl": "Uw praktijk verwijst {comparison} op basis van leeftijd en geslacht van uw "
        "patiënten",
        "en": "Your practice refers {comparison} given the age and sex of your patients",
    },
    "spiegel.reading_crude": {
        "nl": "Uw praktijk verwijst {rate} per 1.000 patiënten per jaar, {comparison} (niet "
        "gecorrigeerd voor leeftijd en geslacht)",
        "en": "Your practice refers {rate} per 1,000 patients per year, {comparison} (not "
        "adjusted for age and sex)",
    },
    "spiegel.more": {"nl": "{percent}% meer dan verwacht", "en": "{percent}% more than expected"},
    "spiegel.less": {
        "nl": "{percent}% minder dan verwacht",
        "en": "{percent}% less than expected",
    },
    "spiegel.as_many": {"nl": "evenveel als verwacht", "en": "as much as expected"},
    "spiegel.more_region": {
        "nl": "{percent}% meer dan het regiogemiddelde van {rate}",
        "en": "{percent}% more than the regional average of {rate}",
    },
    "spiegel.less_region": {
        "nl": "{percent}% minder dan het regiogemiddelde van {rate}",
        "en": "{percent}% less than the regional average of {rate}",
    },
    "spiegel.as_many_region": {
        "nl": "gelijk aan het regiogemiddelde van {rate}",
        "en": "the same as the regional average of {rate}",
    },
    "spiegel.reading_detail": {
        "nl": "({observed} verwijzingen waar {expected} werden verwacht; verwijsratio {ratio}, "
        "95%-betrouwbaarheidsinterval {low}–{high}.)",
        "en": "({observed} referrals where {expected} were expected; referral ratio {ratio}, "
        "95% confidence interval {low}–{high}.)",
    },
    "spiegel.reading_crude_detail": {
        "nl": "({observed} verwijzingen; 95%-betrouwbaarheidsinterval {low}–{high} per 1.000 per "
        "jaar.)",
        "en": "({observed} referrals; 95% confidence interval {low}–{high} per 1,000 per "
        "year.)",
    },
    "spiegel.reading_zero": {
        "nl": "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie, waar er "
        "{expected} werden verwacht",
        "en": "Your practice has no referrals in this selection and period, where {expected} "
        "were expected",
    },
    "spiegel.reading_note": {
        "nl": "Meer of minder verwijzen is niet vanzelf beter of slechter: bespreek de uitkomst "
        "met het verhaal erachter. ‘Normale spreiding’ is het gebied tussen de 95%-grenzen van "
        "het trechterdiagram; daarbuiten is toeval een minder waarschijnlijke verklaring.",
        "en": "Referring more or less is not in itself better or worse: discuss the result "
        "with the story behind it. ‘Normal variation’ is the area between the 95% limits of "
        "the funnel plot; outside them, chance is a less likely explanation.",
    },
    "spiegel.region_summary": {
        "nl": "In {region} verwijzen {high} van de {total} praktijken meer en {low} minder dan op "
        "grond van toeval te verwachten is (buiten de 95%-grenzen); {within} liggen binnen de "
        "normale spreiding.",
        "en": "In {region}, {high} of the {total} practices refer more and {low} fewer than "
        "chance would explain (outside the 95% limits); {within} are within the normal "
        "variation.",
    },
    "spiegel.region_summary_crude": {
        "nl": "Let op: ruwe cijfers, niet gecorrigeerd voor leeftijd en geslacht.",
        "en": "Note: crude rates, not adjusted for age and sex.",
    },
    "spiegel.choose_practice": {
        "nl": "Een huisarts ziet hier ook de eigen praktijk, bij naam en uitgelicht.",
        "en": "A GP also sees their own practice here, by name and highlighted.",
    },
    "spiegel.own_not_comparable": {
        "nl": "Voor uw praktijk zijn in deze periode geen bruikbare populatiegegevens, dus kan "
        "geen verwacht aantal worden berekend.",
        "en": "Your practice has no usable population figures for this period, so no expected "
        "number can be computed.",
    },
    "spiegel.metric_observed": {"nl": "Verwijzingen", "en": "Referrals"},
    "spiegel.metric_expected": {"nl": "Verwacht", "en": "Expected"},
    "spiegel.metric_expected_help": {
        "nl": "Zoveel verwijzingen zou uw praktijk hebben gedaan als uw patiënten werden "
        "verwezen zoals patiënten van dezelfde leeftijd en hetzelfde geslacht in de regio.",
        "en": "The referrals your practice would have made if your patients were referred like "
        "patients of the same age and sex in the region.",
    },
    "spiegel.metric_ratio": {"nl": "Verwijsratio (100 = verwacht)", "en": "Referral ratio "
                             "(100 = expected)"},
    "spiegel.metric_ratio_help": {
        "nl": "Waargenomen ÷ verwacht × 100; 95%-betrouwbaarheidsinterval {low}–{high}.",
        "en": "Observed ÷ expected × 100; 95% confidence interval {low}–{high}.",
    },
    "spiegel.metric_rate": {"nl": "Per 1.000 patiënten per jaar", "en": "Per 1,000 patients "
                            "per year"},
    "spiegel.metric_rate_help": {
        "nl": "Ruw cijfer; 95%-betrouwbaarheidsinterval {low}–{high}; regiogemiddelde {region}.",
        "en": "Crude rate; 95% confidence interval {low}–{high}; regional average {region}.",
    },
    "spiegel.metric_practices": {"nl": "Praktijken vergeleken", "en": "Practices compared"},
    "spiegel.metric_region_rate": {
        "nl": "Regiogemiddelde per 1.000 per jaar",
        "en": "Regional average per 1,000 per year",
    },
    "spiegel.metric_outside": {"nl": "Buiten de 95%-grenzen", "en": "Outside the 95% limits"},
    "spiegel.funnel_heading": {
        "nl": "Trechterdiagram: alle praktijken van de regio",
        "en": "Funnel plot: all practices in the region",
    },
    "spiegel.measure": {"nl": "Maat", "en": "Measure"},
    "spiegel.measure.standardised": {
        "nl": "Gestandaardiseerd (leeftijd en geslacht)",
        "en": "Standardised (age and sex)",
    },
    "spiegel.measure.crude": {"nl": "Ruw per 1.000 patiënten", "en": "Crude per 1,000 patients"},
    "spiegel.measure_help.standardised": {
        "nl": "Eerlijk vergelijken: gecorrigeerd voor leeftijd en geslacht van de patiënten; "
        "100 = zoveel als verwacht.",
        "en": "Fair comparison: adjusted for the patients' age and sex; 100 = as many as "
        "expected.",
    },
    "spiegel.measure_help.crude": {
        "nl": "Het werkelijke aantal per 1.000 patiënten per jaar, zonder correctie voor "
        "leeftijd en geslacht.",
        "en": "The actual number per 1,000 patients per year, without adjustment for age and "
        "sex.",
    },
    "spiegel.overdispersion": {
        "nl": "Extra spreiding tussen praktijken (overdispersie)",
        "en": "Extra variation between practices (overdispersion)",
    },
    "spiegel.od.none": {"nl": "Geen correctie", "en": "No adjustment"},
    "spiegel.od.multiplicative": {"nl": "Multiplicatief", "en": "Multiplicative"},
    "spiegel.od.additive": {"nl": "Additief", "en": "Additive"},
    "spiegel.od_help.none": {
        "nl": "De grenzen gaan uit van alleen toevalsvariatie (Poisson).",
        "en": "The limits assume chance variation only (Poisson).",
    },
    "spiegel.od_help.multiplicative": {
        "nl": "Verbreedt alle grenzen met één factor √φ (Spiegelhalter 2005).",
        "en": "Widens all limits by one factor √φ (Spiegelhalter 2005).",
    },
    "spiegel.od_help.additive": {
        "nl": "Telt een tussen-praktijkvariantie τ² op: verbreedt vooral bij grote praktijken "
        "(Spiegelhalter 2005).",
        "en": "Adds a between-practice variance τ²: widens most for large practices "
        "(Spiegelhalter 2005).",
    },
    "spiegel.funnel_title_standardised": {
        "nl": "Verwijsratio per praktijk, gecorrigeerd voor leeftijd en geslacht (100 = verwacht)",
        "en": "Referral ratio per practice, adjusted for age and sex (100 = expected)",
    },
    "spiegel.funnel_title_crude": {
        "nl": "Verwijzingen per 1.000 patiënten per jaar, per praktijk (ruw)",
        "en": "Referrals per 1,000 patients per year, per practice (crude)",
    },
    "spiegel.axis_expected": {
        "nl": "Verwacht aantal verwijzingen (aantal)",
        "en": "Expected number of referrals (count)",
    },
    "spiegel.axis_ratio": {
        "nl": "Verwijsratio (waargenomen ÷ verwacht × 100)",
        "en": "Referral ratio (observed ÷ expected × 100)",
    },
    "spiegel.axis_person_years": {
        "nl": "Ingeschreven patiënten (patiëntjaren)",
        "en": "Listed patients (person-years)",
    },
    "spiegel.axis_rate": {
        "nl": "Verwijzingen per 1.000 patiënten per jaar",
        "en": "Referrals per 1,000 patients per year",
    },
    "spiegel.legend_signal": {"nl": "Signaal", "en": "Signal"},
    "spiegel.legend_limits": {"nl": "Grenzen", "en": "Limits"},
    "spiegel.legend_series": {"nl": "Reeks", "en": "Series"},
    "spiegel.limit_95": {"nl": "95%-grens", "en": "95% limit"},
    "spiegel.limit_998": {"nl": "99,8%-grens", "en": "99.8% limit"},
    "spiegel.funnel_note_standardised": {
        "nl": "Methode: indirecte standaardisatie naar leeftijdsgroep × geslacht, met de "
        "verwijscijfers van de hele regio in dezelfde periode als referentie. Verwacht = "
        "patiëntjaren × regiocijfer, opgeteld over de groepen; ratio = waargenomen ÷ verwacht × "
        "100. Grenzen van 95% en 99,8% rond 100 uit de exacte Poissonverdeling (Spiegelhalter "
        "2005). Grote praktijken staan rechts, waar de trechter smaller is.",
        "en": "Method: indirect standardisation by age band × sex, with the whole region's "
        "referral rates in the same period as reference. Expected = person-years × regional "
        "rate, summed over the groups; ratio = observed ÷ expected × 100. 95% and 99.8% limits "
        "around 100 from the exact Poisson distribution (Spiegelhalter 2005). Large practices "
        "are on the right, where the funnel is narrower.",
    },
    "spiegel.funnel_note_crude": {
        "nl": "Methode: ruw cijfer = verwijzingen ÷ patiëntjaren × 1.000, niet gecorrigeerd voor "
        "leeftijd en geslacht. Middellijn: het regiogemiddelde ({rate}); grenzen van 95% en "
        "99,8% uit de exacte Poissonverdeling (Spiegelhalter 2005).",
        "en": "Method: crude rate = referrals ÷ person-years × 1,000, not adjusted for age and "
        "sex. Centre line: the regional average ({rate}); 95% and 99.8% limits from the exact "
        "Poisson distribution (Spiegelhalter 2005).",
    },
    "spiegel.dispersion_off": {
        "nl": "Overdispersie niet meegenomen (geschatte φ = {phi}; bij φ ruim boven 1 "
        "verschillen praktijken meer dan toeval verklaart).",
        "en": "Overdispersion not taken into account (estimated φ = {phi}; with φ well above 1 "
        "practices differ more than chance explains).",
    },
    "spiegel.dispersion_not_needed": {
        "nl": "Geschatte φ = {phi}: niet meer spreiding dan toeval verklaart, dus de grenzen "
        "blijven de exacte.",
        "en": "Estimated φ = {phi}: no more variation than chance explains, so the limits stay "
        "the exact ones.",
    },
    "spiegel.dispersion_multiplicative": {
        "nl": "Grenzen verbreed met √φ = {factor} (φ = {phi}, uit gewinsoriseerde z-scores; "
        "Spiegelhalter 2005). De lijnen lopen over het bereik van de praktijken.",
        "en": "Limits widened by √φ = {factor} (φ = {phi}, from winsorised z-scores; "
        "Spiegelhalter 2005). The lines span the range of the practices.",
    },
    "spiegel.dispersion_additive": {
        "nl": "Grenzen verbreed met een tussen-praktijkvariantie τ² = {tau2} (φ = {phi}; "
        "DerSimonian-Laird, Spiegelhalter 2005). De lijnen lopen over het bereik van de "
        "praktijken.",
        "en": "Limits widened by a between-practice variance τ² = {tau2} (φ = {phi}; "
        "DerSimonian-Laird, Spiegelhalter 2005). The lines span the range of the practices.",
    },
    "spiegel.tt_practice": {"nl": "Praktijk", "en": "Practice"},
    "spiegel.tt_observed": {"nl": "Verwijzingen", "en": "Referrals"},
    "spiegel.tt_expected": {"nl": "Verwacht", "en": "Expected"},
    "spiegel.tt_ratio": {"nl": "Ratio (100 = verwacht)", "en": "Ratio (100 = expected)"},
    "spiegel.tt_rate": {"nl": "Per 1.000 per jaar", "en": "Per 1,000 per year"},
    "spiegel.tt_interval": {"nl": "95%-interval", "en": "95% interval"},
    "spiegel.tt_person_years": {"nl": "Patiëntjaren", "en": "Person-years"},
    "spiegel.tt_signal": {"nl": "Signaal", "en": "Signal"},
    "spiegel.tt_quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "spiegel.tt_series": {"nl": "Reeks", "en": "Series"},
    "spiegel.tt_share": {"nl": "Aandeel", "en": "Share"},
    "spiegel.tt_destination": {"nl": "Bestemming", "en": "Destination"},
    "spiegel.points_caption": {
        "nl": "Punten (één per praktijk), zoals getekend.",
        "en": "Points (one per practice), as drawn.",
    },
    "spiegel.lines_caption": {
        "nl": "Grenslijnen, zoals getekend.",
        "en": "Limit lines, as drawn.",
    },
    "spiegel.col.practice": {"nl": "Praktijk", "en": "Practice"},
    "spiegel.col.listed_patients": {"nl": "Ingeschreven patiënten", "en": "Listed patients"},
    "spiegel.col.observed": {"nl": "Verwijzingen", "en": "Referrals"},
    "spiegel.col.expected": {"nl": "Verwacht", "en": "Expected"},
    "spiegel.col.ratio": {"nl": "Ratio (100 = verwacht)", "en": "Ratio (100 = expected)"},
    "spiegel.col.interval": {"nl": "95%-interval", "en": "95% interval"},
    "spiegel.col.crude_rate": {"nl": "Per 1.000 per jaar (ruw)", "en": "Per 1,000 per year "
                               "(crude)"},
    "spiegel.col.signal": {"nl": "Signaal", "en": "Signal"},
    "spiegel.col.x_expected": {"nl": "x: verwacht aantal", "en": "x: expected number"},
    "spiegel.col.x_person_years": {"nl": "x: patiëntjaren", "en": "x: person-years"},
    "spiegel.col.y_ratio": {"nl": "y: ratio (100 = verwacht)", "en": "y: ratio (100 = expected)"},
    "spiegel.col.y_rate": {"nl": "y: per 1.000 per jaar", "en": "y: per 1,000 per year"},
    "spiegel.col.level": {"nl": "Grens", "en": "Limit"},
    "spiegel.col.line": {"nl": "Lijn", "en": "Line"},
    "spiegel.col.quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "spiegel.col.series": {"nl": "Reeks", "en": "Series"},
    "spiegel.col.rate": {"nl": "Per 1.000 per jaar", "en": "Per 1,000 per year"},
    "spiegel.col.low": {"nl": "Ondergrens 95%", "en": "Lower 95%"},
    "spiegel.col.high": {"nl": "Bovengrens 95%", "en": "Upper 95%"},
    "spiegel.col.person_years": {"nl": "Patiëntjaren", "en": "Person-years"},
    "spiegel.col.destination": {"nl": "Bestemming", "en": "Destination"},
    "spiegel.col.group": {"nl": "Groep", "en": "Group"},
    "spiegel.col.share": {"nl": "Aandeel (%)", "en": "Share (%)"},
    "spiegel.col.total": {"nl": "Totaal verwijzingen", "en": "Total referrals"},
    "spiegel.table_heading": {"nl": "Alle praktijken in de regio", "en": "All practices in "
                              "the region"},
    "spiegel.table_about": {
        "nl": "- **Ingeschreven patiënten**: gemiddeld aantal over de periode (patiëntjaren ÷ "
        "lengte van de periode).\n"
        "- **Verwacht**: het aantal verwijzingen bij de verwijscijfers van de regio per "
        "leeftijdsgroep × geslacht.\n"
        "- **Ratio**: waargenomen ÷ verwacht × 100; 100 = zoals verwacht. **95%-interval**: "
        "exact Poisson (Garwood 1936).\n"
        "- **Per 1.000 per jaar**: ruw cijfer, niet gecorrigeerd.\n"
        "- **Signaal**: de plaats in het trechterdiagram met de gekozen instellingen.\n"
        "- Aantallen van 1 tot 10 van andere praktijken staan als ‘<10’; hun ratio en cijfers "
        "zijn dan verborgen (privacy).\n"
        "- Klik op een kolomkop om te sorteren.",
        "en": "- **Listed patients**: average over the period (person-years ÷ length of the "
        "period).\n"
        "- **Expected**: the referrals at the region's rates per age band × sex.\n"
        "- **Ratio**: observed ÷ expected × 100; 100 = as expected. **95% interval**: exact "
        "Poisson (Garwood 1936).\n"
        "- **Per 1,000 per year**: crude rate, not adjusted.\n"
        "- **Signal**: the position in the funnel plot with the chosen settings.\n"
        "- Counts from 1 to 10 of other practices show as ‘<10’; their ratio and rates are then "
        "hidden (privacy).\n"
        "- Click a column header to sort.",
    },
    "spiegel.trend_heading": {"nl": "Trend per kwartaal", "en": "Trend per quarter"},
    "spiegel.trend_title_standardised": {
        "nl": "Verwijzingen per 1.000 patiënten per jaar, per kwartaal (gecorrigeerd voor "
        "leeftijd en geslacht)",
        "en": "Referrals per 1,000 patients per year, per quarter (adjusted for age and sex)",
    },
    "spiegel.trend_title_crude": {
        "nl": "Verwijzingen per 1.000 patiënten per jaar, per kwartaal (ruw)",
        "en": "Referrals per 1,000 patients per year, per quarter (crude)",
    },
    "spiegel.axis_quarter": {"nl": "Kwartaal", "en": "Quarter"},
    "spiegel.quarter": {"nl": "K{quarter} {year}", "en": "Q{quarter} {year}"},
    "spiegel.series_region": {"nl": "Hele regio", "en": "Whole region"},
    "spiegel.series_own": {"nl": "{name}", "en": "{name}"},
    "spiegel.trend_note_standardised": {
        "nl": "Uw praktijk: indirect gestandaardiseerd cijfer (ratio ten opzichte van de regio in "
        "hetzelfde kwartaal × het regiocijfer), met 95%-interval als verticale streep. Regio: "
        "het regiocijfer met 95%-interval als band. Exact Poisson-interval (Garwood 1936).",
        "en": "Your practice: indirectly standardised rate (ratio to the region in the same "
        "quarter × the regional rate), with its 95% interval as a vertical bar. Region: the "
        "regional rate with its 95% interval as a band. Exact Poisson interval (Garwood 1936).",
    },
    "spiegel.trend_note_crude": {
        "nl": "Ruwe cijfers: verwijzingen per 1.000 patiëntjaren, niet gecorrigeerd voor leeftijd "
        "en geslacht; streep en band: 95%-interval (exact Poisson, Garwood 1936).",
        "en": "Crude rates: referrals per 1,000 person-years, not adjusted for age and sex; bar "
        "and band: 95% interval (exact Poisson, Garwood 1936).",
    },
    "spiegel.trend_partial": {
        "nl": "* Onvolledig kwartaal (tot de datadatum of vanaf de eerste maand met gegevens); "
        "het cijfer is omgerekend naar een heel jaar.",
        "en": "* Incomplete quarter (up to the data date or from the first month with data); "
        "the rate is converted to a full year.",
    },
    "spiegel.trend_empty": {
        "nl": "Geen trend te tonen voor deze selectie.",
        "en": "No trend to show for this selection.",
    },
    "spiegel.destinations_heading": {
        "nl": "Waar gingen de verwijzingen heen?",
        "en": "Where did the referrals go?",
    },
    "spiegel.destinations_title": {
        "nl": "Bestemming van de cardiologische verwijzingen, {period}",
        "en": "Destination of cardiology referrals, {period}",
    },
    "spiegel.axis_share": {
        "nl": "Aandeel van de verwijzingen (%)",
        "en": "Share of referrals (%)",
    },
    "spiegel.axis_destination": {"nl": "Bestemming", "en": "Destination"},
    "spiegel.destinations_note": {
        "nl": "Aandeel van alle cardiologische verwijzingen in de gekozen periode en aandoening "
        "(het filter ‘Verwijzingen’ geldt hier niet), met 95%-betrouwbaarheidsinterval (Wilson "
        "1927).",
        "en": "Share of all cardiology referrals in the chosen period and condition (the "
        "‘Referrals’ filter does not apply here), with 95% confidence interval (Wilson 1927).",
    },
    "spiegel.no_anderhalvelijn": {
        "nl": "{region} heeft geen anderhalvelijnszorg; verwijzingen gaan naar het ziekenhuis of "
        "via een e-consult.",
        "en": "{region} has no anderhalvelijn care; referrals go to the hospital or through an "
        "e-consult.",
    },
    "spiegel.own_no_referrals": {
        "nl": "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie.",
        "en": "Your practice has no referrals in this selection and period.",
    },
    "spiegel.destinations_empty": {
        "nl": "Geen verwijzingen om te verdelen.",
        "en": "No referrals to break down.",
    },
    "spiegel.opportunity_heading": {
        "nl": "Schatting: ruimte voor minder ziekenhuisverwijzingen",
        "en": "Estimate: room for fewer hospital referrals",
    },
    "spiegel.opportunity": {
        "nl": "Als elke praktijk die boven de regionale mediaan verwijst (gecorrigeerd voor "
        "leeftijd en geslacht) op de mediaan zou verwijzen, zouden er in deze periode ongeveer "
        "**{fewer}** ziekenhuisverwijzingen minder zijn: {share} van de {total}. Dat betreft "
        "{above} van de {practices} praktijken.",
        "en": "If every practice referring above the regional median (adjusted for age and sex) "
        "referred at the median, there would have been about **{fewer}** fewer hospital "
        "referrals in this period: {share} of {total}. This concerns {above} of the "
        "{practices} practices.",
    },
    "spiegel.opportunity_own": {
        "nl": "Voor uw praktijk gaat het om ongeveer {fewer} verwijzingen.",
        "en": "For your practice that is about {fewer} referrals.",
    },
    "spiegel.opportunity_own_none": {
        "nl": "Uw praktijk verwijst op of onder de mediaan en telt hier niet mee.",
        "en": "Your practice refers at or below the median and does not count here.",
    },
    "spiegel.less_than_one": {"nl": "minder dan 1", "en": "less than 1"},
    "spiegel.opportunity_caveat": {
        "nl": "Dit is een schatting en een bovengrens: ook als alle praktijken precies gelijk "
        "verwezen, lag door toeval de helft boven de mediaan; en niet elke verwijzing is te "
        "vermijden. Het gaat altijd om ziekenhuisverwijzingen (het filter ‘Verwijzingen’ geldt "
        "hier niet); periode en aandoening gelden wel.",
        "en": "This is an estimate and an upper bound: even if all practices referred exactly "
        "alike, chance would put half of them above the median; and not every referral can be "
        "avoided. It always concerns hospital referrals (the ‘Referrals’ filter does not apply "
        "here); period and condition do.",
    },
    "spiegel.opportunity_none": {
        "nl": "Geen ziekenhuisverwijzingen in deze selectie, dus geen schatting.",
        "en": "No hospital referrals in this selection, so no estimate.",
    },
    # Region figures withheld because a hidden practice count would follow from them
    # (privacy.undisclosable_totals).
    "spiegel.region_withheld_own": {
        "nl": "Naast uw praktijk is in deze regio maar één andere praktijk vergeleken, en die "
        "heeft een klein aantal verwijzingen (1 tot en met {max}). Elk regiocijfer min dat van "
        "uw praktijk zou dat aantal geven; daarom ontbreken hier het regiogemiddelde, het "
        "verwachte aantal van die praktijk, de spreiding (φ), de regio in trend en "
        "bestemmingen, en de schatting van minder ziekenhuisverwijzingen.",
        "en": "Besides your practice only one other practice in this region is compared, and it "
        "has a small number of referrals (1 to {max}). Every regional figure minus your "
        "practice's would give that number; so the regional average, that practice's expected "
        "count, the dispersion (φ), the region in the trend and destinations, and the estimate "
        "of fewer hospital referrals are left out.",
    },
    "spiegel.region_withheld": {
        "nl": "In deze regio is maar één praktijk vergeleken, en die heeft een klein aantal "
        "verwijzingen (1 tot en met {max}). Elk regiocijfer zou dat aantal geven; daarom "
        "ontbreken hier het regiogemiddelde, het totaal, het verwachte aantal, de spreiding "
        "(φ), de bestemmingen van de regio en de schatting van minder ziekenhuisverwijzingen.",
        "en": "Only one practice in this region is compared, and it has a small number of "
        "referrals (1 to {max}). Every regional figure would give that number; so the regional "
        "average, the total, the expected count, the dispersion (φ), the region's destinations "
        "and the estimate of fewer hospital referrals are left out.",
    },
    "spiegel.metric_withheld": {
        "nl": "Niet getoond: hieruit zou een verborgen klein aantal van een praktijk te "
        "berekenen zijn.",
        "en": "Not shown: a practice's hidden small count could be worked out from it.",
    },
    "spiegel.metric_rate_help_withheld": {
        "nl": "Ruw cijfer; 95%-betrouwbaarheidsinterval {low}–{high}. Het regiogemiddelde wordt "
        "hier niet getoond: het zou een verborgen klein aantal verraden.",
        "en": "Crude rate; 95% confidence interval {low}–{high}. The regional average is not "
        "shown here: it would give a hidden small count away.",
    },
    "spiegel.reading_crude_withheld": {
        "nl": "Uw praktijk verwijst {rate} per 1.000 patiënten per jaar (niet gecorrigeerd voor "
        "leeftijd en geslacht; het regiogemiddelde wordt hier niet getoond)",
        "en": "Your practice refers {rate} per 1,000 patients per year (not adjusted for age "
        "and sex; the regional average is not shown here)",
    },
    "spiegel.reading_zero_withheld": {
        "nl": "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie",
        "en": "Your practice has no referrals in this selection and period",
    },
    "spiegel.funnel_note_crude_withheld": {
        "nl": "Methode: ruw cijfer = verwijzingen ÷ patiëntjaren × 1.000, niet gecorrigeerd voor "
        "leeftijd en geslacht. Middellijn en grenzen liggen rond het regiogemiddelde en zijn "
        "weggelaten: ze zouden een verborgen klein aantal verraden.",
        "en": "Method: crude rate = referrals ÷ person-years × 1,000, not adjusted for age and "
        "sex. The centre line and limits lie around the regional average and are left out: "
        "they would give a hidden small count away.",
    },
    "spiegel.dispersion_withheld": {
        "nl": "Overdispersie niet geschat of meegenomen: φ volgt uit de aantallen van alle "
        "praktijken en zou hier een verborgen klein aantal verraden.",
        "en": "Overdispersion not estimated or used: φ follows from every practice's counts and "
        "would give a hidden small count away here.",
    },
    "spiegel.funnel_withheld": {
        "nl": "Geen trechter: de enige praktijk om te tekenen heeft een klein aantal "
        "verwijzingen (1 tot en met {max}).",
        "en": "No funnel: the only practice to draw has a small number of referrals (1 to "
        "{max}).",
    },
    "spiegel.trend_region_withheld": {
        "nl": "De regio ontbreekt: min uw praktijk zou elk kwartaal het aantal van de enige "
        "andere praktijk geven.",
        "en": "The region is left out: minus your practice, each quarter would give the count "
        "of the only other practice.",
    },
    "spiegel.destinations_withheld": {
        "nl": "De regio ontbreekt: de regiocijfers zouden een verborgen klein aantal van een "
        "praktijk verraden.",
        "en": "The region is left out: its figures would give a practice's hidden small count "
        "away.",
    },
    "spiegel.opportunity_withheld": {
        "nl": "Geen schatting: die noemt de ziekenhuisverwijzingen van de regio, waaruit hier "
        "een verborgen klein aantal van een praktijk zou volgen.",
        "en": "No estimate: it states the region's hospital referrals, from which a practice's "
        "hidden small count would follow here.",
    },
    # Region figures next to the own practice's (privacy.suppress_beyond_own), signal counts
    # over the shown practices, phi from the shown practices.
    "spiegel.region_withheld_others": {
        "nl": "De andere praktijken in deze regio hebben samen een klein aantal verwijzingen "
        "(1 tot en met {max}). Elk regiocijfer min dat van uw praktijk zou dat aantal geven; "
        "daarom ontbreken hier het regiogemiddelde, de verwachte aantallen van verborgen "
        "praktijken, de spreiding (φ), de regio in trend en bestemmingen, en de schatting van "
        "minder ziekenhuisverwijzingen.",
        "en": "The other practices in this region have a small number of referrals together "
        "(1 to {max}). Every regional figure minus your practice's would give that number; so "
        "the regional average, the expected counts of hidden practices, the spread (φ), the "
        "region in the trend and destinations, and the estimate of fewer hospital referrals "
        "are left out here.",
    },
    "spiegel.region_withheld_small": {
        "nl": "De praktijken in deze regio hebben samen een klein aantal verwijzingen (1 tot "
        "en met {max}). Elk regiocijfer zou dat aantal geven; daarom ontbreken hier het "
        "regiogemiddelde, het totaal, de verwachte aantallen van verborgen praktijken, de "
        "spreiding (φ), de bestemmingen van de regio en de schatting van minder "
        "ziekenhuisverwijzingen.",
        "en": "The practices in this region have a small number of referrals together (1 to "
        "{max}). Every regional figure would give that number; so the regional average, the "
        "total, the expected counts of hidden practices, the spread (φ), the region's "
        "destinations and the estimate of fewer hospital referrals are left out here.",
    },
    "spiegel.trend_region_withheld_others": {
        "nl": "De regio ontbreekt: min uw praktijk zou ze het kleine aantal van de andere "
        "praktijken samen geven.",
        "en": "The region is left out: minus your practice it would give the other practices' "
        "small number together.",
    },
    "spiegel.trend_beyond_own": {
        "nl": "Kwartalen van de regio met ‘–’ zijn niet getoond: min die van uw praktijk zouden "
        "ze een klein aantal (1 tot en met {max}) van de andere praktijken geven, of dat aantal "
        "uit het totaal van het jaar laten volgen.",
        "en": "Quarters of the region shown as ‘–’ are left out: minus your practice's they "
        "would give a small count (1 to {max}) of the other practices, or let it follow from "
        "the year's total.",
    },
    "spiegel.trend_companion": {
        "nl": "Kwartalen van de regio met ‘–’ zijn niet getoond: anders zou een klein aantal "
        "(1 tot en met {max}) uit het totaal van het jaar volgen.",
        "en": "Quarters of the region shown as ‘–’ are left out: otherwise a small count (1 to "
        "{max}) would follow from the year's total.",
    },
    "spiegel.destinations_beyond_own": {
        "nl": "Bestemmingen van de regio met ‘–’ zijn niet getoond: min die van uw praktijk "
        "zouden ze een klein aantal (1 tot en met {max}) van de andere praktijken geven, of dat "
        "aantal uit het regiototaal laten volgen.",
        "en": "Destinations of the region shown as ‘–’ are left out: minus your practice's "
        "they would give a small count (1 to {max}) of the other practices, or let it follow "
        "from the region's total.",
    },
    "spiegel.region_summary_hidden": {
        "nl": "In {region} zijn {total} praktijken vergeleken. Van de {shown} getoonde "
        "verwijzen er {high} meer en {low} minder dan op grond van toeval te verwachten is "
        "(buiten de 95%-grenzen); {within} liggen binnen de normale spreiding. Bij {hidden} "
        "praktijk(en) blijft het signaal verborgen, net als hun aantal verwijzingen.",
        "en": "In {region}, {total} practices are compared. Of the {shown} shown, {high} "
        "refer more and {low} fewer than chance would explain (outside the 95% limits); "
        "{within} are within the normal variation. For {hidden} practice(s) the signal stays "
        "hidden, as their number of referrals does.",
    },
    "spiegel.metric_outside_help": {
        "nl": "Van de {shown} getoonde praktijken. Bij {hidden} praktijk(en) blijft het signaal "
        "verborgen, net als hun aantal verwijzingen.",
        "en": "Of the {shown} practices shown. For {hidden} practice(s) the signal stays "
        "hidden, as their number of referrals does.",
    },
    "spiegel.dispersion_shown_only": {
        "nl": "φ is geschat uit de {shown} praktijken waarvan het aantal getoond wordt; de "
        "{hidden} verborgen aantallen tellen niet mee (φ zou er anders één vergelijking meer "
        "voor geven).",
        "en": "φ is estimated from the {shown} practices whose counts are shown; the {hidden} "
        "hidden counts are left out (φ would otherwise be one more equation in them).",
    },
    # ---- end spiegelinformatie ---------------------------------------------------------
    # ---- pdca ----------------------------------------------------------------------------
    "nav.pdca": {"nl": "PDCA-cycli", "en": "PDCA cycles"},
    "pdca.title": {"nl": "PDCA: verbetercycli", "en": "PDCA: improvement cycles"},
    "pdca.intro": {
        "nl": "Registreer Plan-Do-Check-Act-cycli per regio en zie in een SPC-kaart of de "
        "indicator sinds de start van Do is veranderd. Een signaal is een samenhang in de tijd, "
        "geen bewijs van oorzaak: bespreek het verhaal erachter.",
        "en": "Register Plan-Do-Check-Act cycles per region and see in an SPC chart whether the "
        "indicator has changed since Do started. A signal is an association in time, not proof "
        "of cause: discuss the story behind it.",
    },
    "pdca.no_regions": {
        "nl": "Nog geen regio's geladen. Laad eerst gegevens met `python -m etl load MAP` "
        "(zie `docs/data-format.md`).",
        "en": "No regions loaded yet. Load data first with `python -m etl load FOLDER` "
        "(see `docs/data-format.md`).",
    },
    "pdca.region": {"nl": "Regio", "en": "Region"},
    "pdca.tab.trend": {"nl": "Trend en Check", "en": "Trend and Check"},
    "pdca.tab.register": {"nl": "Register", "en": "Register"},
    "pdca.tab.active": {"nl": "Actieve cycli", "en": "Active cycles"},
    "pdca.cycle": {"nl": "Cyclus", "en": "Cycle"},
    "pdca.no_cycle": {"nl": "Geen cyclus (alleen de indicator)", "en": "No cycle (indicator only)"},
    "pdca.indicator": {"nl": "Indicator", "en": "Indicator"},
    "pdca.indicator_help": {
        "nl": "Standaard de indicator van de cyclus. Kies een andere indicator om een "
        "balansmaat te bekijken met dezelfde fasen (het doel hoort alleen bij de eigen "
        "indicator).",
        "en": "The cycle's own indicator by default. Pick another indicator to look at a "
        "balancing measure with the same phases (the target belongs to the cycle's own "
        "indicator only).",
    },
    "pdca.view": {"nl": "Weergave", "en": "View"},
    "pdca.view.spc": {"nl": "SPC-kaart", "en": "SPC chart"},
    "pdca.view.run": {"nl": "Runchart", "en": "Run chart"},
    "pdca.rebase": {
        "nl": "Grenzen herberekenen vanaf start Do",
        "en": "Recalculate limits from start of Do",
    },
    "pdca.rebase_help": {
        "nl": "Standaard gelden de grenzen van de periode vóór Do, zodat u ziet of het proces "
        "sindsdien is veranderd. Herberekenen (rebasen) past bij een verandering die u hebt "
        "overgenomen: het nieuwe proces krijgt eigen grenzen.",
        "en": "By default the limits of the period before Do apply, so you can see whether the "
        "process has changed since. Recalculating (rebasing) suits a change you have adopted: "
        "the new process gets its own limits.",
    },
    "pdca.show_2sigma": {"nl": "Toon 2-sigmalijnen", "en": "Show 2-sigma lines"},
    "pdca.show_2sigma_help": {
        "nl": "De lijnen op twee derde van de afstand tot de grenzen, gebruikt door de regel "
        "'2 van 3 punten dicht bij de grens'.",
        "en": "The lines two thirds of the way to the limits, used by the rule '2 of 3 points "
        "close to a limit'.",
    },
    "pdca.chart.title": {"nl": "{indicator} – {region}", "en": "{indicator} – {region}"},
    "pdca.axis.month": {"nl": "Maand", "en": "Month"},
    "pdca.axis.year": {"nl": "Jaar", "en": "Year"},
    "pdca.legend": {"nl": "Variatie", "en": "Variation"},
    "pdca.target_label": {"nl": "doel {value}", "en": "target {value}"},
    "pdca.unit.per_1000_py": {"nl": "per 1.000 per jaar", "en": "per 1,000 per year"},
    "pdca.unit.percent": {"nl": "%", "en": "%"},
    "pdca.unit.percent_points": {"nl": "procentpunt", "en": "percentage points"},
    "pdca.unit.days": {"nl": "dagen", "en": "days"},
    "pdca.unit.euro_per_patient": {"nl": "€ per verwezen patiënt", "en": "€ per referred patient"},
    "pdca.unit.euro_per_inhabitant": {
        "nl": "€ per inwoner per jaar",
        "en": "€ per inhabitant per year",
    },
    "pdca.unit.score": {"nl": "cijfer 1-10", "en": "score 1-10"},
    "pdca.col.id": {"nl": "Nr.", "en": "No."},
    "pdca.col.month": {"nl": "Maand", "en": "Month"},
    "pdca.col.phase": {"nl": "Fase", "en": "Phase"},
    "pdca.col.value": {"nl": "Waarde", "en": "Value"},
    "pdca.col.centre": {"nl": "Gemiddelde (centrumlijn)", "en": "Mean (centre line)"},
    "pdca.col.lower": {"nl": "Ondergrens", "en": "Lower limit"},
    "pdca.col.upper": {"nl": "Bovengrens", "en": "Upper limit"},
    "pdca.col.lower_2sigma": {"nl": "Onder 2-sigma", "en": "Lower 2-sigma"},
    "pdca.col.upper_2sigma": {"nl": "Boven 2-sigma", "en": "Upper 2-sigma"},
    "pdca.col.segment": {"nl": "Segment", "en": "Segment"},
    "pdca.col.median": {"nl": "Mediaan", "en": "Median"},
    "pdca.col.variation": {"nl": "Variatie", "en": "Variation"},
    "pdca.col.rule": {"nl": "Regel", "en": "Rule"},
    "pdca.col.target": {"nl": "Doel", "en": "Target"},
    "pdca.col.region": {"nl": "Regio", "en": "Region"},
    "pdca.col.latest_month": {"nl": "Laatste maand", "en": "Latest month"},
    "pdca.col.latest_value": {"nl": "Laatste waarde", "en": "Latest value"},
    "pdca.col.check": {"nl": "Check sinds Do", "en": "Check since Do"},
    "pdca.col.updated_at": {"nl": "Gewijzigd", "en": "Changed"},
    "pdca.variation": {"nl": "Variatie", "en": "Variation"},
    "pdca.variation.improvement": {
        "nl": "Speciale oorzaak: verbetering",
        "en": "Special cause: improvement",
    },
    "pdca.variation.deterioration": {
        "nl": "Speciale oorzaak: verslechtering",
        "en": "Special cause: concern",
    },
    "pdca.variation.higher": {"nl": "Speciale oorzaak: hoger", "en": "Special cause: higher"},
    "pdca.variation.lower": {"nl": "Speciale oorzaak: lager", "en": "Special cause: lower"},
    "pdca.variation.common": {"nl": "Gewone variatie", "en": "Common cause variation"},
    "pdca.kind.improvement": {"nl": "verbetering", "en": "improvement"},
    "pdca.kind.deterioration": {"nl": "verslechtering", "en": "concern"},
    "pdca.kind.higher": {"nl": "hoger", "en": "higher"},
    "pdca.kind.lower": {"nl": "lager", "en": "lower"},
    "pdca.assurance": {"nl": "Zekerheid doel", "en": "Target assurance"},
    "pdca.assurance.pass": {
        "nl": "Doel wordt steeds gehaald",
        "en": "Target met consistently",
    },
    "pdca.assurance.hit_and_miss": {
        "nl": "Doel wisselend gehaald (toeval)",
        "en": "Target hit and miss (chance)",
    },
    "pdca.assurance.fail": {
        "nl": "Doel niet haalbaar zonder verandering",
        "en": "Target not met without change",
    },
    "pdca.assurance.none": {
        "nl": "Geen oordeel (geen doel of grenzen)",
        "en": "No judgement (no target or limits)",
    },
    "pdca.rule.outside_limits_high": {
        "nl": "punt boven de bovengrens",
        "en": "point above the upper limit",
    },
    "pdca.rule.outside_limits_low": {
        "nl": "punt onder de ondergrens",
        "en": "point below the lower limit",
    },
    "pdca.rule.shift_high": {
        "nl": "7+ punten boven het gemiddelde",
        "en": "7+ points above the mean",
    },
    "pdca.rule.shift_low": {
        "nl": "7+ punten onder het gemiddelde",
        "en": "7+ points below the mean",
    },
    "pdca.rule.trend_high": {"nl": "7+ punten op rij stijgend", "en": "7+ points rising in a row"},
    "pdca.rule.trend_low": {"nl": "7+ punten op rij dalend", "en": "7+ points falling in a row"},
    "pdca.rule.two_of_three_high": {
        "nl": "2 van 3 punten dicht bij de bovengrens",
        "en": "2 of 3 points close to the upper limit",
    },
    "pdca.rule.two_of_three_low": {
        "nl": "2 van 3 punten dicht bij de ondergrens",
        "en": "2 of 3 points close to the lower limit",
    },
    "pdca.rule.long_run": {
        "nl": "ongewoon lange reeks aan één kant van de mediaan",
        "en": "unusually long run on one side of the median",
    },
    "pdca.phase.plan": {"nl": "Plan", "en": "Plan"},
    "pdca.phase.do": {"nl": "Do", "en": "Do"},
    "pdca.phase.check": {"nl": "Check", "en": "Check"},
    "pdca.limits.all": {
        "nl": "Grenzen berekend op alle punten",
        "en": "Limits calculated from all points",
    },
    "pdca.limits.baseline": {
        "nl": "Grenzen vastgelegd op de periode vóór Do ({first} – {last})",
        "en": "Limits fixed on the period before Do ({first} – {last})",
    },
    "pdca.limits.rebased": {
        "nl": "Grenzen opnieuw berekend vanaf de start van Do ({month})",
        "en": "Limits recalculated from the start of Do ({month})",
    },
    "pdca.limits.run": {
        "nl": "Runchart: mediaan van alle punten, regels van Anhøj",
        "en": "Run chart: median of all points, Anhøj rules",
    },
    "pdca.limits.frozen": {
        "nl": "Grenzen vastgezet op {first} – {last}",
        "en": "Limits frozen on {first} – {last}",
    },
    "pdca.limits.run_frozen": {
        "nl": "Runchart: mediaan vastgezet ({frozen}), regels van Anhøj",
        "en": "Run chart: median frozen ({frozen}), Anhøj rules",
    },
    "pdca.limits.unscreened": {
        "nl": " · zonder screening van grote sprongen (zoals de Making Data Count Excel-tool)",
        "en": " · large jumps not screened (as the Making Data Count Excel tool)",
    },
    "pdca.limits.excluded": {
        "nl": " · {n} punt(en) uitgesloten van de berekening",
        "en": " · {n} point(s) excluded from the calculation",
    },
    "pdca.rule.excluded": {
        "nl": "uitgesloten van de berekening",
        "en": "excluded from the calculation",
    },
    "pdca.col.excluded": {"nl": "Uitgesloten", "en": "Excluded"},
    "pdca.screen": {
        "nl": "Grote sprongen niet meetellen in de grenzen",
        "en": "Leave large jumps out of the limits",
    },
    "pdca.screen_help": {
        "nl": "Aan (standaard, zoals NHSRplotthedots): moving ranges groter dan 3,267 × het "
        "gemiddelde tellen niet mee, zodat één uitschieter de grenzen niet oprekt. Uit: alle "
        "moving ranges tellen mee, zoals in de Making Data Count Excel-tool van NHS England; "
        "na één grote sprong zijn de grenzen dan breder. Alleen voor XmR-kaarten.",
        "en": "On (default, as NHSRplotthedots): moving ranges above 3.267 × their mean do not "
        "count, so one freak value does not widen the limits. Off: every moving range counts, "
        "as in NHS England's Making Data Count Excel tool; after one big jump the limits are "
        "then wider. XmR charts only.",
    },
    "pdca.freeze": {"nl": "Grenzen vastzetten tot en met", "en": "Freeze limits up to"},
    "pdca.freeze.auto": {
        "nl": "Automatisch (periode vóór Do of alle punten)",
        "en": "Automatic (period before Do or all points)",
    },
    "pdca.freeze_help": {
        "nl": "Bereken het gemiddelde en de grenzen (of de mediaan van de runchart) alleen op "
        "de maanden tot en met deze maand, bijvoorbeeld een basisperiode van 24 maanden; "
        "latere punten worden daartegen beoordeeld. Niet samen met herberekenen vanaf Do.",
        "en": "Compute the mean and limits (or the run chart's median) from the months up to "
        "and including this one only, e.g. a 24-month baseline; later points are judged "
        "against them. Not together with recalculating from Do.",
    },
    "pdca.exclude": {"nl": "Punten uitsluiten", "en": "Exclude points"},
    "pdca.exclude_help": {
        "nl": "Maanden met een bekende bijzondere oorzaak (bijv. een codeerwijziging) tellen "
        "niet mee in het gemiddelde, de grenzen en de regels; ze blijven zichtbaar als open "
        "punt.",
        "en": "Months with a known special cause (e.g. a coding change) do not count in the "
        "mean, the limits and the rules; they stay visible as an open point.",
    },
    "pdca.msg.no_data": {
        "nl": "Voor deze indicator zijn in deze regio nog geen gegevens geladen. Kies een "
        "andere indicator of regio, of laad de gegevens (zie `docs/data-format.md`).",
        "en": "No data for this indicator in this region yet. Pick another indicator or "
        "region, or load the data (see `docs/data-format.md`).",
    },
    "pdca.msg.too_short": {
        "nl": "Te weinig maanden voor een trendkaart: {n} punten, minimaal {min} nodig voor "
        "betrouwbare grenzen. Wacht op meer maanden of kies een andere indicator.",
        "en": "Too few months for a trend chart: {n} points, at least {min} are needed for "
        "reliable limits. Wait for more months or pick another indicator.",
    },
    "pdca.msg.too_short_year": {
        "nl": "Deze indicator wordt één keer per jaar gemeten: {n} punten, minimaal {min} "
        "nodig voor een trendkaart. Bekijk de jaarcijfers op de overzichtspagina's.",
        "en": "This indicator is measured once a year: {n} points, at least {min} are needed "
        "for a trend chart. See the yearly figures on the overview pages.",
    },
    "pdca.hidden_points": {
        "nl": "{n} punt(en) op kleine aantallen (minder dan 10) zijn verborgen; ze tellen wel "
        "mee in de grenzen.",
        "en": "{n} point(s) based on small numbers (fewer than 10) are hidden; they still count "
        "in the limits.",
    },
    "pdca.rebase_hint": {
        "nl": "Er is een signaal sinds de start van Do. Blijft het zo, overweeg dan de grenzen "
        "te herberekenen om te beoordelen of het doel met het nieuwe proces gehaald wordt.",
        "en": "There is a signal since Do started. If it holds, consider recalculating the "
        "limits to judge whether the new process will meet the target.",
    },
    "pdca.method.xmr": {
        "nl": "Methode: XmR-kaart (NHS 'Making Data Count'): gemiddelde ± 2,66 × gemiddelde "
        "moving range; speciale oorzaken: punt buiten de grenzen, 7 punten aan één kant of op "
        "rij stijgend/dalend, 2 van 3 punten dicht bij een grens.",
        "en": "Method: XmR chart (NHS 'Making Data Count'): mean ± 2.66 × mean moving range; "
        "special causes: a point outside the limits, 7 points on one side or rising/falling in "
        "a row, 2 of 3 points close to a limit.",
    },
    "pdca.method.p": {
        "nl": "Methode: p-kaart (NHS 'Making Data Count'): grenzen p̄ ± 3 standaardfouten, per "
        "maand afhankelijk van het aantal; dezelfde regels voor speciale oorzaken als de "
        "XmR-kaart.",
        "en": "Method: p-chart (NHS 'Making Data Count'): limits p̄ ± 3 standard errors, per month "
        "depending on the number; the same special-cause rules as the XmR chart.",
    },
    "pdca.method.u": {
        "nl": "Methode: u-kaart (NHS 'Making Data Count'): grenzen ū ± 3 standaardfouten "
        "(Poisson), per maand afhankelijk van het aantal patiëntjaren; dezelfde regels voor "
        "speciale oorzaken als de XmR-kaart.",
        "en": "Method: u-chart (NHS 'Making Data Count'): limits ū ± 3 standard errors "
        "(Poisson), per month depending on the person-years; the same special-cause rules as "
        "the XmR chart.",
    },
    "pdca.method.run": {
        "nl": "Methode: runchart met de regels van Anhøj (2014): een ongewoon lange reeks aan "
        "één kant van de mediaan of ongewoon weinig kruisingen wijst op niet-toevallige "
        "variatie.",
        "en": "Method: run chart with the Anhøj rules (2014): an unusually long run on one side "
        "of the median or unusually few crossings points to non-random variation.",
    },
    "pdca.method.screening.on": {
        "nl": "Moving ranges boven 3,267 × het gemiddelde tellen niet mee (NHSRplotthedots).",
        "en": "Moving ranges above 3.267 × their mean do not count (NHSRplotthedots).",
    },
    "pdca.method.screening.off": {
        "nl": "Alle moving ranges tellen mee, zoals in de Making Data Count Excel-tool.",
        "en": "Every moving range counts, as in the Making Data Count Excel tool.",
    },
    "pdca.method.title": {"nl": "Hoe lees ik deze pagina?", "en": "How to read this page"},
    "pdca.method.body": {
        "nl": "- **Fasen**: Plan (vóór de start van Do), Do (vanaf de startdatum), Check (vanaf "
        "de checkdatum) zijn gearceerd.\n"
        "- **Kleuren** (NHS 'Making Data Count'): blauw = speciale oorzaak van verbetering, "
        "oranje = speciale oorzaak van verslechtering, paars = speciale oorzaak bij een "
        "indicator zonder goede richting, grijs = gewone variatie.\n"
        "- **Zekerheid doel**: ligt het doel buiten de grenzen aan de goede kant, dan wordt het "
        "steeds gehaald; binnen de grenzen wisselend, door toeval; buiten de grenzen aan de "
        "slechte kant niet, tenzij het proces verandert.\n"
        "- **Grenzen**: 'Grenzen vastzetten tot en met' rekent het gemiddelde en de grenzen "
        "op een basisperiode; 'Punten uitsluiten' laat maanden met een bekende bijzondere "
        "oorzaak buiten de berekening (open punt); 'Grote sprongen niet meetellen' (XmR) volgt "
        "NHSRplotthedots, uit volgt de Making Data Count Excel-tool.\n"
        "- **Check**: de punten sinds de start van Do worden vergeleken met de grenzen van de "
        "periode ervoor; de tijdreeksanalyse (gesegmenteerde regressie met Newey-West-"
        "standaardfouten en seizoenstermen) schat de sprong in niveau met een 95%-interval.\n"
        "- Dit is monitoring, geen bewijs: andere gebeurtenissen in dezelfde periode kunnen "
        "een verandering verklaren. Zie `docs/methods.md`, hoofdstuk 5 tot en met 7.",
        "en": "- **Phases**: Plan (before the start of Do), Do (from the start date), Check "
        "(from the check date) are shaded.\n"
        "- **Colours** (NHS 'Making Data Count'): blue = special cause improvement, orange = "
        "special cause concern, purple = special cause for an indicator without a good "
        "direction, grey = common cause variation.\n"
        "- **Target assurance**: a target beyond the limits on the good side is met "
        "consistently; within the limits hit and miss, by chance; beyond them on the bad side "
        "not, unless the process changes.\n"
        "- **Limits**: 'Freeze limits up to' computes the mean and limits on a baseline "
        "period; 'Exclude points' leaves months with a known special cause out of the "
        "calculation (open point); 'Leave large jumps out of the limits' (XmR) follows "
        "NHSRplotthedots, off follows the Making Data Count Excel tool.\n"
        "- **Check**: the points since the start of Do are compared with the limits of the "
        "period before; the time-series analysis (segmented regression with Newey-West "
        "standard errors and seasonal terms) estimates the jump in level with a 95% interval.\n"
        "- This is monitoring, not proof: other events in the same period can explain a "
        "change. See `docs/methods.md`, sections 5 to 7.",
    },
    "pdca.check.title": {
        "nl": "Check: wat laten de gegevens zien sinds de start van Do?",
        "en": "Check: what do the data show since Do started?",
    },
    "pdca.check.no_cycle": {
        "nl": "Kies een cyclus om de Check uit de gegevens te zien.",
        "en": "Pick a cycle to see the Check from the data.",
    },
    "pdca.check.no_do": {
        "nl": "Deze cyclus heeft nog geen startdatum van Do. Vul die in (Register, Cyclus "
        "bewerken) om de Check te doen.",
        "en": "This cycle has no Do start date yet. Fill it in (Register, Edit a cycle) to do "
        "the Check.",
    },
    "pdca.check.not_started": {
        "nl": "De Do-fase is in de gegevens nog niet begonnen (laatste maand met gegevens: "
        "{last}).",
        "en": "The Do phase has not started in the data yet (latest month with data: {last}).",
    },
    "pdca.check.short_baseline": {
        "nl": "Te weinig punten vóór de start van Do ({month}): {n}, minimaal {min} nodig om "
        "grenzen vast te leggen. Een signaal is daarom niet te beoordelen.",
        "en": "Too few points before the start of Do ({month}): {n}, at least {min} are needed "
        "to fix limits. A signal cannot be judged.",
    },
    "pdca.check.no_signal": {
        "nl": "**Geen signaal.** Sinds de start van Do ({month}) blijven de punten binnen de "
        "gewone variatie van de {n} maanden ervoor.",
        "en": "**No signal.** Since the start of Do ({month}) the points stay within the common "
        "cause variation of the {n} months before.",
    },
    "pdca.check.signal": {
        "nl": "**Signaal sinds de start van Do ({month})**, vergeleken met de grenzen van de {n} "
        "maanden ervoor: {finding}",
        "en": "**Signal since the start of Do ({month})**, compared with the limits of the {n} "
        "months before: {finding}",
    },
    "pdca.check.unstable_baseline": {
        "nl": "Let op: de periode vóór Do was zelf niet stabiel. {finding} De verandering kan "
        "dus al vóór de start van Do zijn ingezet, bijvoorbeeld door een andere ontwikkeling "
        "in de regio.",
        "en": "Note: the period before Do was not stable itself. {finding} The change may "
        "therefore have begun before Do started, for instance through another development in "
        "the region.",
    },
    "pdca.check.level_change": {
        "nl": "Niveauverandering bij de start van Do",
        "en": "Level change at the start of Do",
    },
    "pdca.check.level_change_help": {
        "nl": "Geschat met een onderbroken tijdreeks (gesegmenteerde regressie): de sprong ten "
        "opzichte van de doorgetrokken lijn van vóór Do. Een samenhang, geen bewijs.",
        "en": "Estimated with an interrupted time series (segmented regression): the jump "
        "against the line of before Do continued. An association, not proof.",
    },
    "pdca.check.its_summary": {
        "nl": "95%-interval {low} tot {high} {unit}; p = {p}.",
        "en": "95% interval {low} to {high} {unit}; p = {p}.",
    },
    "pdca.check.its_too_short": {
        "nl": "Geen tijdreeksanalyse: {pre} punten vóór en {post} na de start van Do, minimaal "
        "{min} aan elke kant nodig.",
        "en": "No time-series analysis: {pre} points before and {post} after the start of Do, "
        "at least {min} on each side are needed.",
    },
    "pdca.check.its_failed": {
        "nl": "De tijdreeksanalyse kon niet worden gedaan: {reason}",
        "en": "The time-series analysis could not be done: {reason}",
    },
    "pdca.overview.signal": {
        "nl": "Signaal: {kind} sinds {month}",
        "en": "Signal: {kind} since {month}",
    },
    "pdca.overview.no_signal": {"nl": "Geen signaal", "en": "No signal"},
    "pdca.overview.no_do": {"nl": "Nog geen start van Do", "en": "No Do start yet"},
    "pdca.overview.not_started": {
        "nl": "Do nog niet in de gegevens",
        "en": "Do not in the data yet",
    },
    "pdca.overview.short_baseline": {
        "nl": "Te weinig punten vóór Do",
        "en": "Too few points before Do",
    },
    "pdca.status.open": {"nl": "open", "en": "open"},
    "pdca.status.closed": {"nl": "afgesloten", "en": "closed"},
    "pdca.decision.adopt": {"nl": "adopt (overnemen)", "en": "adopt"},
    "pdca.decision.adapt": {"nl": "adapt (aanpassen)", "en": "adapt"},
    "pdca.decision.abandon": {"nl": "abandon (stoppen)", "en": "abandon"},
    "pdca.decision.adopt.long": {
        "nl": "Adopt – de verandering werkt: overnemen en borgen",
        "en": "Adopt – the change works: keep it and embed it",
    },
    "pdca.decision.adapt.long": {
        "nl": "Adapt – bijstellen en een nieuwe cyclus starten",
        "en": "Adapt – adjust it and start a new cycle",
    },
    "pdca.decision.abandon.long": {
        "nl": "Abandon – stoppen met deze verandering",
        "en": "Abandon – stop this change",
    },
    "pdca.field.id": {"nl": "Cyclus", "en": "Cycle"},
    "pdca.field.region": {"nl": "Regio", "en": "Region"},
    "pdca.field.indicator_code": {"nl": "Indicator", "en": "Indicator"},
    "pdca.field.title": {"nl": "Titel", "en": "Title"},
    "pdca.field.plan": {"nl": "Plan / hypothese", "en": "Plan / hypothesis"},
    "pdca.field.plan_help": {
        "nl": "Wat verandert u, en wat verwacht u dat er met de indicator gebeurt?",
        "en": "What do you change, and what do you expect to happen to the indicator?",
    },
    "pdca.field.target_value": {"nl": "Doelwaarde", "en": "Target value"},
    "pdca.field.target_value_help": {
        "nl": "In de eenheid van de indicator: per 1.000 per jaar, dagen, euro's of een cijfer; "
        "percentages als 0-100 (85 = 85%). Leeg laten mag.",
        "en": "In the indicator's unit: per 1,000 per year, days, euros or a score; percentages "
        "as 0-100 (85 = 85%). May be left empty.",
    },
    "pdca.field.target_date": {"nl": "Doeldatum", "en": "Target date"},
    "pdca.field.target_date_help": {
        "nl": "Wanneer het doel gehaald moet zijn.",
        "en": "When the target should be met.",
    },
    "pdca.field.do_start": {"nl": "Start Do", "en": "Start of Do"},
    "pdca.field.do_start_help": {
        "nl": "De dag waarop de verandering is ingevoerd; de Check vergelijkt de maanden vanaf "
        "hier met de maanden ervoor.",
        "en": "The day the change was introduced; the Check compares the months from here with "
        "the months before.",
    },
    "pdca.field.check_date": {"nl": "Checkdatum", "en": "Check date"},
    "pdca.field.check_date_help": {
        "nl": "Wanneer u het effect bespreekt (vaak na 8 weken tot enkele maanden).",
        "en": "When you review the effect (often after 8 weeks to a few months).",
    },
    "pdca.field.act_decision": {"nl": "Act-besluit", "en": "Act decision"},
    "pdca.field.notes": {"nl": "Notities", "en": "Notes"},
    "pdca.field.status": {"nl": "Status", "en": "Status"},
    "pdca.form.invalid": {
        "nl": "De cyclus is niet opgeslagen:",
        "en": "The cycle was not saved:",
    },
    "pdca.register.title": {"nl": "Cycli in {region}", "en": "Cycles in {region}"},
    "pdca.register.about": {
        "nl": "Alle PDCA-cycli van de regio, open cycli eerst. Doelwaarden staan in de eenheid "
        "van de indicator (percentages als 0-100). Een afgesloten cyclus heeft een Act-besluit.",
        "en": "All PDCA cycles of the region, open cycles first. Target values are in the "
        "indicator's unit (percentages as 0-100). A closed cycle has an Act decision.",
    },
    "pdca.new.title": {"nl": "Nieuwe cyclus", "en": "New cycle"},
    "pdca.new.submit": {"nl": "Cyclus opslaan", "en": "Save cycle"},
    "pdca.new.done": {"nl": "Cyclus '{title}' opgeslagen.", "en": "Cycle '{title}' saved."},
    "pdca.edit.title": {"nl": "Cyclus bewerken", "en": "Edit a cycle"},
    "pdca.edit.submit": {"nl": "Wijzigingen opslaan", "en": "Save changes"},
    "pdca.edit.done": {"nl": "Cyclus '{title}' bijgewerkt.", "en": "Cycle '{title}' updated."},
    "pdca.close.title": {"nl": "Cyclus afsluiten (Act)", "en": "Close a cycle (Act)"},
    "pdca.close.none": {
        "nl": "Geen open cycli in deze regio.",
        "en": "No open cycles in this region.",
    },
    "pdca.close.submit": {"nl": "Afsluiten", "en": "Close cycle"},
    "pdca.close.done": {
        "nl": "Cyclus '{title}' afgesloten met besluit {decision}.",
        "en": "Cycle '{title}' closed with decision {decision}.",
    },
    "pdca.import.title": {"nl": "Cycli importeren (CSV)", "en": "Import cycles (CSV)"},
    "pdca.import.help": {
        "nl": "Kolommen: region, indicator_code, title (verplicht), plan, target_value, "
        "target_date, do_start, check_date, act_decision, notes, status; zie "
        "`docs/data-format.md`, 'PDCA cycles'. Bij een fout wordt niets opgeslagen; een rij met "
        "dezelfde regio, indicator en titel werkt een bestaande cyclus bij.",
        "en": "Columns: region, indicator_code, title (required), plan, target_value, "
        "target_date, do_start, check_date, act_decision, notes, status; see "
        "`docs/data-format.md`, 'PDCA cycles'. On any error nothing is stored; a row with the "
        "same region, indicator and title updates an existing cycle.",
    },
    "pdca.import.file": {"nl": "CSV-bestand", "en": "CSV file"},
    "pdca.import.submit": {"nl": "Importeren", "en": "Import"},
    "pdca.import.done": {
        "nl": "Import klaar: {created} nieuwe en {updated} bijgewerkte cycli.",
        "en": "Import done: {created} new and {updated} updated cycles.",
    },
    "pdca.import.failed": {
        "nl": "Niets geïmporteerd: {n} probleem/problemen gevonden.",
        "en": "Nothing imported: {n} problem(s) found.",
    },
    "pdca.active.title": {"nl": "Open cycli en hun signaal", "en": "Open cycles and their signal"},
    "pdca.active.only_region": {"nl": "Alleen de gekozen regio", "en": "Only the chosen region"},
    "pdca.active.about": {
        "nl": "Eén regel per open cyclus, over alle regio's. Variatie en zekerheid komen uit de "
        "SPC-kaart met de grenzen van de periode vóór Do; 'Check sinds Do' zegt of er sinds de "
        "start van Do een speciale oorzaak is.",
        "en": "One row per open cycle, across all regions. Variation and assurance come from "
        "the SPC chart with the limits of the period before Do; 'Check since Do' says whether "
        "there is a special cause since Do started.",
    },
    "pdca.active.legend": {
        "nl": "🔵 verbetering · 🟠 verslechtering · 🟣 hoger/lager (geen goede richting) · ⚪ "
        "gewone variatie — ✅ doel steeds gehaald · 🔀 wisselend · ❌ niet zonder verandering · "
        "➖ geen oordeel",
        "en": "🔵 improvement · 🟠 concern · 🟣 higher/lower (no good direction) · ⚪ common "
        "cause — ✅ target met consistently · 🔀 hit and miss · ❌ not without change · ➖ no "
        "judgement",
    },
    "pdca.err.required": {"nl": "is verplicht", "en": "is required"},
    "pdca.err.unknown_region": {
        "nl": "'{value}' is geen geladen regio",
        "en": "'{value}' is not a loaded region",
    },
    "pdca.err.unknown_indicator": {
        "nl": "'{value}' is geen indicator uit de catalogus; toegestaan: {allowed}",
        "en": "'{value}' is not a catalogue indicator; allowed: {allowed}",
    },
    "pdca.err.too_long": {
        "nl": "is te lang (hoogstens {max} tekens)",
        "en": "is too long (at most {max} characters)",
    },
    "pdca.err.not_a_number": {"nl": "'{value}' is geen getal", "en": "'{value}' is not a number"},
    "pdca.err.percent_range": {
        "nl": "moet tussen 0 en 100 liggen (een percentage)",
        "en": "must be between 0 and 100 (a percentage)",
    },
    "pdca.err.negative": {"nl": "mag niet negatief zijn", "en": "cannot be negative"},
    "pdca.err.not_a_date": {
        "nl": "'{value}' is geen datum; schrijf 31-12-2025 of 2025-12-31",
        "en": "'{value}' is not a date; write 31-12-2025 or 2025-12-31",
    },
    "pdca.err.before_do": {
        "nl": "ligt vóór de start van Do",
        "en": "lies before the start of Do",
    },
    "pdca.err.unknown_code": {
        "nl": "'{value}' is geen bekende waarde; toegestaan: {allowed}",
        "en": "'{value}' is not a known value; allowed: {allowed}",
    },
    "pdca.err.decision_required": {
        "nl": "kies adopt, adapt of abandon om de cyclus af te sluiten",
        "en": "choose adopt, adapt or abandon to close the cycle",
    },
    "pdca.err.not_found": {
        "nl": "cyclus {value} bestaat niet (meer)",
        "en": "cycle {value} does not exist (any more)",
    },
    "pdca.err.no_header": {
        "nl": "het bestand heeft geen kopregel",
        "en": "the file has no header line",
    },
    "pdca.err.unknown_column": {
        "nl": "onbekende kolom; toegestaan: {allowed}",
        "en": "unknown column; allowed: {allowed}",
    },
    "pdca.err.duplicate_column": {
        "nl": "kolom komt twee keer voor",
        "en": "column given more than once",
    },
    "pdca.err.missing_column": {
        "nl": "verplichte kolom ontbreekt",
        "en": "required column is missing",
    },
    "pdca.err.too_many_cells": {
        "nl": "{found} cellen, de kopregel heeft er {expected}",
        "en": "{found} cells, the header has {expected}",
    },
    "pdca.err.duplicate_row": {
        "nl": "dezelfde regio, indicator en titel als regel {first}",
        "en": "same region, indicator and title as line {first}",
    },
    # ---- end pdca ------------------------------------------------------------------------
    # ---- sroi ----------------------------------------------------------------------------
    "nav.sroi": {"nl": "SROI", "en": "SROI"},
    "sroi.title": {"nl": "SROI: maatschappelijke waarde", "en": "SROI: social value"},
    "sroi.intro": {
        "nl": "Wat levert het netwerk op voor patiënten, huisartsen, ziekenhuis, verzekeraar en "
        "gemeente, tegenover wat zij erin steken? Pas de aannames aan en zie direct wat er "
        "verandert.",
        "en": "What does the network yield for patients, GPs, hospital, insurer and "
        "municipality, against what they put in? Change the assumptions and see what changes.",
    },
    "sroi.no_regions": {
        "nl": "Nog geen regio's geladen. Laad eerst gegevens met `python -m etl load MAP`.",
        "en": "No regions loaded yet. Load data first with `python -m etl load FOLDER`.",
    },
    "sroi.region": {"nl": "Regio", "en": "Region"},
    "sroi.reference_year": {"nl": "Referentiejaar", "en": "Reference year"},
    "sroi.reference_year_help": {
        "nl": "Het jaar waarvan de kosten en aantallen in het model komen. Standaard het laatste "
        "jaar dat de gegevens tot en met december dekken.",
        "en": "The year whose costs and counts go into the model. By default the last year the "
        "data cover up to December.",
    },
    "sroi.stored_broken": {
        "nl": "Het opgeslagen regiomodel is niet te gebruiken ({problem}); het startmodel is "
        "geladen.",
        "en": "The stored region model cannot be used ({problem}); the starting model is loaded.",
    },
    "sroi.no_anderhalvelijn": {
        "nl": "**{region} heeft geen anderhalvelijnszorg.** Er is dus niets geïnvesteerd en een "
        "SROI-ratio is hier niet van toepassing. Wel kunt u verkennen wat een eerste jaar "
        "anderhalvelijnszorg zou kunnen kosten en opleveren.",
        "en": "**{region} has no anderhalvelijn care.** Nothing has been invested, so an SROI "
        "ratio does not apply here. You can explore what a first year of anderhalvelijn care "
        "might cost and yield.",
    },
    "sroi.explore": {"nl": "Verken een scenario", "en": "Explore a scenario"},
    "sroi.explore_note": {
        "nl": "Verkenning: de hoeveelheden zijn aannames, geen metingen. Alleen de kosten van "
        "een ziekenhuistraject komen uit de gegevens van de regio.",
        "en": "Exploration: the quantities are assumptions, not measurements. Only the cost of a "
        "hospital trajectory comes from the region's data.",
    },
    "sroi.hypothetical": {
        "nl": "Hypothetisch: deze uitkomst beschrijft een verkenning, niet wat er gebeurd is.",
        "en": "Hypothetical: this result describes an exploration, not what happened.",
    },
    "sroi.model_name": {"nl": "Model: {name}", "en": "Model: {name}"},
    "sroi.year_caption": {"nl": "referentiejaar {year}", "en": "reference year {year}"},
    "sroi.baseline_caption": {"nl": "basisjaar {year}", "en": "baseline year {year}"},
    "sroi.data_date": {"nl": "gegevens t/m {date}", "en": "data up to {date}"},
    "sroi.synthetic_model": {
        "nl": "synthetisch voorbeeldmodel", "en": "synthetic example model",
    },
    "sroi.default_name": {"nl": "Regiomodel", "en": "Region model"},
    "sroi.metric.value": {"nl": "Maatschappelijke waarde", "en": "Social value"},
    "sroi.metric.value_help": {
        "nl": "Contante waarde van alle uitkomsten, verdisconteerd met de disconteringsvoet.",
        "en": "Present value of all outcomes, discounted at the discount rate.",
    },
    "sroi.metric.investment": {"nl": "Investering", "en": "Investment"},
    "sroi.metric.investment_help": {
        "nl": "Contante waarde van wat alle partijen investeren (jaar 0 niet verdisconteerd).",
        "en": "Present value of what all parties invest (year 0 not discounted).",
    },
    "sroi.metric.npv": {"nl": "Netto contante waarde", "en": "Net present value"},
    "sroi.metric.npv_help": {
        "nl": "Maatschappelijke waarde min investering.",
        "en": "Social value minus investment.",
    },
    "sroi.metric.ratio": {"nl": "SROI-ratio", "en": "SROI ratio"},
    "sroi.metric.ratio_help": {
        "nl": "Euro's maatschappelijke waarde per geïnvesteerde euro.",
        "en": "Euros of social value per euro invested.",
    },
    "sroi.interval": {
        "nl": "**Elke geïnvesteerde euro levert € {ratio} maatschappelijke waarde op.** "
        "95%-onzekerheidsinterval {low} – {high} ({n} simulaties); kans dat de ratio boven 1 "
        "ligt: {probability}.",
        "en": "**Every euro invested yields €{ratio} of social value.** 95% uncertainty "
        "interval {low} – {high} ({n} simulations); probability that the ratio is above 1: "
        "{probability}.",
    },
    "sroi.assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "sroi.assumptions_help": {
        "nl": "Pas een cel aan en de resultaten rekenen mee. Percentages zijn fracties: 0,25 is "
        "25%. Een getal uit de gegevens dat u wijzigt, wordt een vaste aanname. Rijen kunt u "
        "toevoegen en verwijderen.",
        "en": "Change a cell and the results follow. Percentages are fractions: 0.25 is 25%. A "
        "number from the data that you change becomes a fixed assumption. Rows can be added "
        "and deleted.",
    },
    "sroi.fallbacks": {
        "nl": "Voor {count} getal(len) geven de gegevens geen waarde; daar staat de vaste aanname "
        "uit het model (zie *Hoe berekend*).",
        "en": "For {count} number(s) the data give no value; the model's fixed assumption is "
        "used there (see *How calculated*).",
    },
    "sroi.invalid": {
        "nl": "Deze invoer kan niet worden doorgerekend:",
        "en": "This input cannot be calculated:",
    },
    "sroi.kept_last_valid": {
        "nl": "De resultaten horen bij de laatste geldige invoer.",
        "en": "The results belong to the last valid input.",
    },
    "sroi.how_title": {"nl": "Hoe berekend", "en": "How calculated"},
    "sroi.how_expander": {"nl": "Hoe berekend: {what}", "en": "How calculated: {what}"},
    "sroi.source.data": {"nl": "{field} uit gegevens {year}", "en": "{field} from data {year}"},
    "sroi.source.fallback": {
        "nl": "{field}: aanname (geen gegevens {year})",
        "en": "{field}: assumption (no data {year})",
    },
    "sroi.source.fixed": {"nl": "aanname", "en": "assumption"},
    "sroi.all": {"nl": "alle", "en": "all"},
    "sroi.results": {"nl": "Resultaten", "en": "Results"},
    "sroi.losers": {
        "nl": "**Voor- en nadelen eerlijk delen:** {who} investeren meer dan zij terugkrijgen. "
        "Nadelige effecten mogen niet bij één deelnemer terechtkomen (Zorginstituut Nederland, "
        "2026); bespreek een verdeling, bijvoorbeeld in het contract.",
        "en": "**Share benefits and drawbacks fairly:** {who} invest more than they get back. "
        "Drawbacks should not land at a single participant (Zorginstituut Nederland, 2026); "
        "discuss a split, for example in the contract.",
    },
    "sroi.about_stakeholders": {
        "nl": "Per belanghebbende de contante waarde van de investering en van de baten, het "
        "saldo (baten min investering) en het aandeel in het totaal. Baten zijn toegerekend aan "
        "wie de uitkomst ontvangt (kolom *Belanghebbende* bij de uitkomsten).",
        "en": "Per stakeholder the present value of the investment and of the benefits, the "
        "balance (benefits minus investment) and the share of the total. Benefits are assigned "
        "to whoever receives the outcome (column *Stakeholder* of the outcomes).",
    },
    "sroi.chart.ratio_title": {
        "nl": "SROI-ratio naast gerapporteerde ratio's",
        "en": "SROI ratio next to reported ratios",
    },
    "sroi.chart.ratio_subtitle": {
        "nl": "Punt: dit model, lijn: 95%-onzekerheidsinterval; ruit: ratio uit de literatuur; "
        "grijze lijn: € 1 terug per € 1",
        "en": "Point: this model, line: 95% uncertainty interval; diamond: ratio from the "
        "literature; grey line: €1 back per €1",
    },
    "sroi.chart.ratio_axis": {
        "nl": "SROI-ratio (€ waarde per € geïnvesteerd)",
        "en": "SROI ratio (€ value per € invested)",
    },
    "sroi.chart.euro_axis": {"nl": "Contante waarde (€)", "en": "Present value (€)"},
    "sroi.chart.waterfall_title": {
        "nl": "Maatschappelijke waarde per uitkomst", "en": "Social value by outcome",
    },
    "sroi.chart.waterfall_subtitle": {
        "nl": "Van de waarde van elke uitkomst naar de totale waarde, min de investering: de "
        "netto contante waarde",
        "en": "From each outcome's value to the total, minus the investment: the net present "
        "value",
    },
    "sroi.chart.stakeholders_title": {
        "nl": "Wie investeert, wie heeft baat?", "en": "Who invests, who benefits?",
    },
    "sroi.chart.stakeholders_subtitle": {
        "nl": "Contante waarde van investering en baten per belanghebbende",
        "en": "Present value of investment and benefits per stakeholder",
    },
    "sroi.chart.tornado_title": {
        "nl": "Gevoeligheid: welke aanname telt het zwaarst?",
        "en": "Sensitivity: which assumption matters most?",
    },
    "sroi.chart.tornado_subtitle": {
        "nl": "SROI-ratio als één aanname naar haar lage of hoge waarde gaat; de {n} grootste",
        "en": "SROI ratio when one assumption goes to its low or high value; the {n} largest",
    },
    "sroi.wf.total": {"nl": "Totale waarde", "en": "Total value"},
    "sroi.wf.investment": {"nl": "Investering", "en": "Investment"},
    "sroi.wf.net": {"nl": "Netto contante waarde", "en": "Net present value"},
    "sroi.wf.kind.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "sroi.wf.kind.total": {"nl": "Totaal", "en": "Total"},
    "sroi.wf.kind.investment": {"nl": "Investering", "en": "Investment"},
    "sroi.wf.kind.net": {"nl": "Saldo", "en": "Balance"},
    "sroi.sh.invested": {"nl": "Geïnvesteerd", "en": "Invested"},
    "sroi.sh.benefit": {"nl": "Baat", "en": "Benefit"},
    "sroi.sh.net": {"nl": "Saldo", "en": "Balance"},
    "sroi.sh.share_invested": {"nl": "Aandeel investering", "en": "Share of investment"},
    "sroi.sh.share_benefit": {"nl": "Aandeel baten", "en": "Share of benefits"},
    "sroi.method.ratio": {
        "nl": "Methode: SROI-ratio = contante waarde van de uitkomsten ÷ investering (The SROI "
        "Guide, 2012). Het interval komt uit een Monte-Carlosimulatie van alle aannames "
        "tegelijk. De ratio's uit de literatuur zijn met eigen keuzes berekend: een oriëntatie, "
        "geen norm. Bronnen: Zorginstituut Nederland, *Netwerken voor gezondheid in de buurt en "
        "regio* (juni 2026), hoofdstuk 3 (Zorroo, PlusPunt MC); Nivel, kennissynthese "
        "bekostiging domeinoverstijgende samenwerking (business case, geen hartzorg).",
        "en": "Method: SROI ratio = present value of the outcomes ÷ investment (The SROI Guide, "
        "2012). The interval comes from a Monte Carlo simulation of all assumptions at once. "
        "The literature ratios were calculated with their own choices: a reference point, not "
        "a standard. Sources: Zorginstituut Nederland, *Netwerken voor gezondheid in de buurt "
        "en regio* (June 2026), chapter 3 (Zorroo, PlusPunt MC); Nivel, knowledge synthesis on "
        "funding cross-domain collaboration (business case, not heart care).",
    },
    "sroi.method.waterfall": {
        "nl": "Methode: per uitkomst hoeveelheid × proxy × (1 − deadweight) × (1 − verplaatsing) "
        "× (1 − attributie), over de duur met drop-off, verdisconteerd tegen de "
        "disconteringsvoet. Daarna gaat de investering eraf.",
        "en": "Method: per outcome quantity × proxy × (1 − deadweight) × (1 − displacement) × "
        "(1 − attribution), over the duration with drop-off, discounted at the discount rate. "
        "Then the investment is taken off.",
    },
    "sroi.method.stakeholders": {
        "nl": "Methode: investeringen per investeerder en baten per ontvanger, beide als contante "
        "waarde. Een partij met meer investering dan baten draagt een nadeel dat de andere "
        "partijen kunnen compenseren.",
        "en": "Method: investments per investor and benefits per recipient, both as present "
        "value. A party that invests more than it gets back carries a drawback the others "
        "can compensate.",
    },
    "sroi.method.tornado": {
        "nl": "Methode: gevoeligheidsanalyse volgens The SROI Guide: steeds één aanname naar haar "
        "lage en hoge waarde (hoeveelheden ± 25%, proxy's ± 50%, percentages ± 10 "
        "procentpunten, duur ± 1 jaar behalve bij eenmalige uitkomsten, investeringen ± 10%, "
        "disconteringsvoet ± 2 procentpunten), de rest blijft gelijk.",
        "en": "Method: sensitivity analysis as in The SROI Guide: one assumption at a time to its "
        "low and high value (quantities ± 25%, proxies ± 50%, percentages ± 10 percentage "
        "points, duration ± 1 year except for one-off outcomes, investments ± 10%, discount "
        "rate ± 2 percentage points), the rest unchanged.",
    },
    "sroi.method_title": {"nl": "Methode en bronnen", "en": "Method and sources"},
    "sroi.method": {
        "nl": "**Methode.** SROI (Social Return on Investment) volgens *The SROI Guide*: per "
        "uitkomst is de waarde per jaar hoeveelheid × financiële proxy × (1 − deadweight) × "
        "(1 − verplaatsing) × (1 − attributie). Die waarde loopt over de duur in jaren, met een "
        "afname (drop-off) per jaar na het eerste, en wordt verdisconteerd met de "
        "disconteringsvoet (standaard 2,25%, de reële voet voor Nederlandse publieke "
        "investeringen). Investeringen in jaar 0 worden niet verdisconteerd. SROI-ratio = "
        "contante waarde ÷ investering; netto contante waarde = contante waarde − investering."
        "\n\n**Tijdvak.** Het regiomodel beschrijft één jaar netwerk, het referentiejaar: de "
        "investeringen van dat jaar tegen wat dat jaar oplevert. De anderhalvelijnconsulten "
        "staan bij de investeringen; een vermeden ziekenhuistraject telt daarom tegen de volle "
        "ziekenhuiskosten, niet tegen het kostenverschil, anders zouden die kosten dubbel "
        "tellen. Het verschil staat ter vergelijking bij *Hoe berekend*."
        "\n\n**Onzekerheid.** Het interval komt uit {n} simulaties waarin alle aannames "
        "tegelijk variëren (driehoeksverdeling met de invoer als top); een uitkomst van één jaar "
        "blijft één jaar. Het tornadodiagram varieert één aanname tegelijk."
        "\n\n**Grenzen.** Monitoring is geen bewijs van oorzaak en gevolg: deadweight en "
        "attributie zijn schattingen. Nadelen, zoals minder omzet voor het ziekenhuis, kunnen "
        "niet als negatieve uitkomst worden ingevoerd; ze blijken uit de verdeling per "
        "belanghebbende. De ratio's uit de literatuur zijn met eigen keuzes berekend."
        "\n\n**Bronnen.** Nicholls J, Lawlor E, Neitzert E, Goodspeed T. *A guide to Social "
        "Return on Investment*. Cabinet Office / Social Value UK, 2012. Zorginstituut "
        "Nederland. *Netwerken voor gezondheid in de buurt en regio* (juni 2026), hoofdstuk 3; "
        "het SROI-onderzoek daarin is in opdracht van de Hartstichting en ZonMw met NVVC "
        "Connect uitgevoerd in vier Connect-regio's. Nivel, kennissynthese bekostiging van "
        "domeinoverstijgende samenwerking (Juiste Zorg op de Juiste Plek, in opdracht van "
        "ZonMw). Een rekenvoorbeeld staat in `docs/methods.md`, sectie 8.",
        "en": "**Method.** SROI (Social Return on Investment) as in *The SROI Guide*: per "
        "outcome the value per year is quantity × financial proxy × (1 − deadweight) × "
        "(1 − displacement) × (1 − attribution). That value lasts the duration in years, with "
        "a drop-off per year after the first, and is discounted at the discount rate (2.25% by "
        "default, the real rate for Dutch public investments). Investments in year 0 are not "
        "discounted. SROI ratio = present value ÷ investment; net present value = present "
        "value − investment."
        "\n\n**Time frame.** The region model describes one year of the network, the reference "
        "year: that year's investments against what that year yields. The anderhalvelijn "
        "consults are among the investments, so an avoided hospital trajectory counts at the "
        "full hospital cost, not at the cost difference, or those costs would count twice. The "
        "difference is shown for comparison under *How calculated*."
        "\n\n**Uncertainty.** The interval comes from {n} simulations in which all assumptions "
        "vary at once (triangular distribution peaking at the input); a one-year outcome stays "
        "one year. The tornado chart varies one assumption at a time."
        "\n\n**Limits.** Monitoring is not proof of cause and effect: deadweight and "
        "attribution are estimates. Drawbacks, such as less income for the hospital, cannot be "
        "entered as a negative outcome; they show in the split per stakeholder. The literature "
        "ratios were calculated with their own choices."
        "\n\n**Sources.** Nicholls J, Lawlor E, Neitzert E, Goodspeed T. *A guide to Social "
        "Return on Investment*. Cabinet Office / Social Value UK, 2012. Zorginstituut "
        "Nederland. *Netwerken voor gezondheid in de buurt en regio* (June 2026), chapter 3; "
        "the SROI study it cites was commissioned by the Dutch Heart Foundation and ZonMw with "
        "NVVC Connect in four Connect regions. Nivel, knowledge synthesis on funding "
        "cross-domain collaboration (Juiste Zorg op de Juiste Plek, commissioned by ZonMw). A "
        "worked example is in `docs/methods.md`, section 8.",
    },
    "sroi.ref.this_model": {"nl": "Dit model: {region}", "en": "This model: {region}"},
    "sroi.ref.model_source": {
        "nl": "Dit model; interval uit {n} simulaties",
        "en": "This model; interval from {n} simulations",
    },
    "sroi.ref.zorroo": {
        "nl": "Zorroo (Oosterhout): ruim € 2 per € 1",
        "en": "Zorroo (Oosterhout): over €2 per €1",
    },
    "sroi.ref.pluspunt": {
        "nl": "PlusPunt MC (Kerkrade): bijna € 2 per € 1",
        "en": "PlusPunt MC (Kerkrade): almost €2 per €1",
    },
    "sroi.ref.business_case": {
        "nl": "Business case wijkverpleging/Wmo: € 2,39 per € 1",
        "en": "Business case district nursing/Wmo: €2.39 per €1",
    },
    "sroi.ref.zorroo_value": {"nl": "ruim 2", "en": "over 2"},
    "sroi.ref.pluspunt_value": {"nl": "bijna 2", "en": "almost 2"},
    "sroi.ref.business_case_value": {"nl": "2,39", "en": "2.39"},
    "sroi.compare_same": {
        "nl": "De gekozen scenario's hebben dezelfde aannames.",
        "en": "The chosen scenarios have the same assumptions.",
    },
    "sroi.ref.zin_source": {
        "nl": "Zorginstituut Nederland, Netwerken voor gezondheid in de buurt en regio (juni "
        "2026), hoofdstuk 3: SROI-onderzoek van Hartstichting en ZonMw met NVVC Connect in vier "
        "Connect-regio's (hartfalen en atriumfibrilleren)",
        "en": "Zorginstituut Nederland, Netwerken voor gezondheid in de buurt en regio (June "
        "2026), chapter 3: SROI study by the Dutch Heart Foundation and ZonMw with NVVC Connect "
        "in four Connect regions (heart failure and atrial fibrillation)",
    },
    "sroi.ref.nivel_source": {
        "nl": "Nivel, kennissynthese bekostiging domeinoverstijgende samenwerking (Juiste Zorg op "
        "de Juiste Plek, ZonMw): geen hartzorg; de besparing kwam vooral bij de "
        "zorgverzekeraars terecht",
        "en": "Nivel, knowledge synthesis on funding cross-domain collaboration (Juiste Zorg op "
        "de Juiste Plek, ZonMw): not heart care; the saving went mostly to the insurers",
    },
    "sroi.result.present_value": {"nl": "Maatschappelijke waarde", "en": "Social value"},
    "sroi.result.investment": {"nl": "Investering", "en": "Investment"},
    "sroi.result.net_present_value": {"nl": "Netto contante waarde", "en": "Net present value"},
    "sroi.result.ratio": {"nl": "SROI-ratio", "en": "SROI ratio"},
    "sroi.result.ratio_low": {"nl": "Interval, ondergrens", "en": "Interval, lower"},
    "sroi.result.ratio_high": {"nl": "Interval, bovengrens", "en": "Interval, upper"},
    "sroi.result.prob_above_1": {"nl": "Kans ratio boven 1", "en": "Probability ratio above 1"},
    "sroi.scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "sroi.save_name": {"nl": "Naam van het scenario", "en": "Scenario name"},
    "sroi.save_placeholder": {
        "nl": "bijv. Lagere deadweight", "en": "e.g. Lower deadweight",
    },
    "sroi.save": {"nl": "Opslaan", "en": "Save"},
    "sroi.save_no_name": {
        "nl": "Geef het scenario eerst een naam.", "en": "Give the scenario a name first.",
    },
    "sroi.saved_created": {"nl": "Scenario ‘{name}’ opgeslagen.", "en": "Scenario ‘{name}’ saved."},
    "sroi.saved_updated": {
        "nl": "Scenario ‘{name}’ bijgewerkt.", "en": "Scenario ‘{name}’ updated.",
    },
    "sroi.saved_scenarios": {"nl": "Opgeslagen scenario's", "en": "Saved scenarios"},
    "sroi.open": {"nl": "Openen", "en": "Open"},
    "sroi.opened": {
        "nl": "Scenario ‘{name}’ geopend in de aannames.",
        "en": "Scenario ‘{name}’ opened in the assumptions.",
    },
    "sroi.delete": {"nl": "Verwijderen", "en": "Delete"},
    "sroi.deleted": {"nl": "Scenario ‘{name}’ verwijderd.", "en": "Scenario ‘{name}’ deleted."},
    "sroi.delete_default": {
        "nl": "Het regiomodel zelf kan niet worden verwijderd.",
        "en": "The region model itself cannot be deleted.",
    },
    "sroi.current": {"nl": "Huidige invoer", "en": "Current input"},
    "sroi.compare": {"nl": "Vergelijk scenario's", "en": "Compare scenarios"},
    "sroi.compare_hint": {
        "nl": "Kies ten minste twee scenario's om ze naast elkaar te zetten.",
        "en": "Choose at least two scenarios to put them side by side.",
    },
    "sroi.compare_broken": {
        "nl": "Scenario ‘{name}’ is niet door te rekenen: {problem}",
        "en": "Scenario ‘{name}’ cannot be calculated: {problem}",
    },
    "sroi.compare.results": {"nl": "Resultaat", "en": "Result"},
    "sroi.compare.assumptions": {"nl": "Aanname (verschilt)", "en": "Assumption (differs)"},
    "sroi.about_compare": {
        "nl": "Bovenaan de kernresultaten van elk scenario, daaronder alleen de aannames die "
        "tussen de scenario's verschillen. Getallen uit de gegevens zijn voor alle scenario's "
        "met de huidige gegevens berekend.",
        "en": "At the top the key results of each scenario, below only the assumptions that "
        "differ between them. Numbers from the data are calculated with the current data for "
        "every scenario.",
    },
    "sroi.export_xlsx": {"nl": "Exporteer als Excel (XLSX)", "en": "Export as Excel (XLSX)"},
    "sroi.export_json": {"nl": "Exporteer als JSON", "en": "Export as JSON"},
    "sroi.import": {"nl": "Importeer een scenario", "en": "Import a scenario"},
    "sroi.import_help": {
        "nl": "Een JSON-export van deze pagina, of een TOML-model (zie docs/data-format.md). Het "
        "scenario komt in de aannames; sla het op om het te bewaren.",
        "en": "A JSON export of this page, or a TOML model (see docs/data-format.md). The "
        "scenario goes into the assumptions; save it to keep it.",
    },
    "sroi.import_failed": {
        "nl": "Het bestand kan niet worden ingelezen:", "en": "The file cannot be read:",
    },
    "sroi.imported": {
        "nl": "‘{name}’ geïmporteerd; sla het op om het te bewaren.",
        "en": "‘{name}’ imported; save it to keep it.",
    },
    "sroi.imported_name": {"nl": "{name} (geïmporteerd)", "en": "{name} (imported)"},
    "sroi.reset": {"nl": "Terug naar het regiomodel", "en": "Back to the region model"},
    "sroi.table.investments": {"nl": "Investeringen", "en": "Investments"},
    "sroi.table.outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "sroi.sheet.investments": {"nl": "Investeringen", "en": "Investments"},
    "sroi.sheet.outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "sroi.sheet.results": {"nl": "Resultaten", "en": "Results"},
    "sroi.sheet.per_outcome": {"nl": "Waarde per uitkomst", "en": "Value by outcome"},
    "sroi.sheet.stakeholders": {"nl": "Belanghebbenden", "en": "Stakeholders"},
    "sroi.sheet.sensitivity": {"nl": "Gevoeligheid", "en": "Sensitivity"},
    "sroi.col.stakeholder": {"nl": "Belanghebbende", "en": "Stakeholder"},
    "sroi.col.description": {"nl": "Omschrijving", "en": "Description"},
    "sroi.col.year": {"nl": "Jaar", "en": "Year"},
    "sroi.col.amount": {"nl": "Bedrag (€)", "en": "Amount (€)"},
    "sroi.col.amount_pv": {"nl": "Contante waarde (€)", "en": "Present value (€)"},
    "sroi.col.source": {"nl": "Bron", "en": "Source"},
    "sroi.col.amount_from": {"nl": "Afleiding bedrag", "en": "Amount derived from"},
    "sroi.col.name": {"nl": "Uitkomst", "en": "Outcome"},
    "sroi.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "sroi.col.quantity": {"nl": "Hoeveelheid per jaar", "en": "Quantity per year"},
    "sroi.col.proxy": {"nl": "Proxy (€ per eenheid)", "en": "Proxy (€ per unit)"},
    "sroi.col.deadweight": {"nl": "Deadweight", "en": "Deadweight"},
    "sroi.col.displacement": {"nl": "Verplaatsing", "en": "Displacement"},
    "sroi.col.attribution": {"nl": "Attributie", "en": "Attribution"},
    "sroi.col.drop_off": {"nl": "Drop-off", "en": "Drop-off"},
    "sroi.col.duration": {"nl": "Duur (jaren)", "en": "Duration (years)"},
    "sroi.col.quantity_from": {"nl": "Afleiding hoeveelheid", "en": "Quantity derived from"},
    "sroi.col.proxy_from": {"nl": "Afleiding proxy", "en": "Proxy derived from"},
    "sroi.col.label": {"nl": "Ratio", "en": "Ratio"},
    "sroi.col.kind": {"nl": "Soort", "en": "Kind"},
    "sroi.col.ratio": {"nl": "SROI-ratio", "en": "SROI ratio"},
    "sroi.col.low": {"nl": "Interval, ondergrens", "en": "Interval, lower"},
    "sroi.col.high": {"nl": "Interval, bovengrens", "en": "Interval, upper"},
    "sroi.col.source_ref": {"nl": "Bron", "en": "Source"},
    "sroi.col.step": {"nl": "Stap", "en": "Step"},
    "sroi.col.item": {"nl": "Onderdeel", "en": "Item"},
    "sroi.col.start": {"nl": "Van (€)", "en": "From (€)"},
    "sroi.col.end": {"nl": "Tot (€)", "en": "To (€)"},
    "sroi.col.present_value": {"nl": "Contante waarde (€)", "en": "Present value (€)"},
    "sroi.col.impact_per_year": {"nl": "Impact per jaar (€)", "en": "Impact per year (€)"},
    "sroi.col.measure": {"nl": "Wat", "en": "What"},
    "sroi.col.assumption": {"nl": "Aanname", "en": "Assumption"},
    "sroi.col.base_value": {"nl": "Invoer", "en": "Input"},
    "sroi.col.low_value": {"nl": "Lage waarde", "en": "Low value"},
    "sroi.col.high_value": {"nl": "Hoge waarde", "en": "High value"},
    "sroi.col.ratio_low": {"nl": "Ratio bij lage waarde", "en": "Ratio at low value"},
    "sroi.col.ratio_high": {"nl": "Ratio bij hoge waarde", "en": "Ratio at high value"},
    "sroi.col.base_ratio": {"nl": "Ratio bij invoer", "en": "Ratio at input"},
    "sroi.col.npv_low": {"nl": "NCW bij lage waarde (€)", "en": "NPV at low value (€)"},
    "sroi.col.npv_high": {"nl": "NCW bij hoge waarde (€)", "en": "NPV at high value (€)"},
    "sroi.col.swing": {"nl": "Uitslag", "en": "Swing"},
    "sroi.col.group": {"nl": "Soort", "en": "Kind"},
    "sroi.col.region": {"nl": "Regio", "en": "Region"},
    "sroi.col.value": {"nl": "Waarde", "en": "Value"},
    "sroi.help.year": {
        "nl": "0 = het referentiejaar (niet verdisconteerd); 1, 2, … latere jaren.",
        "en": "0 = the reference year (not discounted); 1, 2, … later years.",
    },
    "sroi.help.amount": {
        "nl": "In euro's, ook in natura (tijd) omgerekend naar euro's.",
        "en": "In euros, in-kind contributions (time) converted to euros.",
    },
    "sroi.help.quantity": {
        "nl": "Aantal per jaar, in de eenheid van de rij.",
        "en": "Number per year, in the row's unit.",
    },
    "sroi.help.proxy": {
        "nl": "Financiële waarde van één eenheid in euro's.",
        "en": "Financial value of one unit in euros.",
    },
    "sroi.help.deadweight": {
        "nl": "Fractie 0–1: wat ook zonder het netwerk was gebeurd.",
        "en": "Fraction 0–1: what would have happened without the network.",
    },
    "sroi.help.displacement": {
        "nl": "Fractie 0–1: wat de uitkomst elders wegduwt.",
        "en": "Fraction 0–1: what the outcome pushes elsewhere.",
    },
    "sroi.help.attribution": {
        "nl": "Fractie 0–1: het deel dat aan anderen te danken is.",
        "en": "Fraction 0–1: the share owed to others.",
    },
    "sroi.help.drop_off": {
        "nl": "Fractie 0–1: afname per jaar na het eerste jaar.",
        "en": "Fraction 0–1: decline per year after the first year.",
    },
    "sroi.help.duration": {
        "nl": "Aantal jaren dat de uitkomst duurt, 1 of meer.",
        "en": "Number of years the outcome lasts, 1 or more.",
    },
    "sroi.field.stakeholder": {"nl": "belanghebbende", "en": "stakeholder"},
    "sroi.field.description": {"nl": "omschrijving", "en": "description"},
    "sroi.field.name": {"nl": "naam", "en": "name"},
    "sroi.field.unit": {"nl": "eenheid", "en": "unit"},
    "sroi.field.year": {"nl": "jaar", "en": "year"},
    "sroi.field.amount": {"nl": "bedrag", "en": "amount"},
    "sroi.field.quantity": {"nl": "hoeveelheid", "en": "quantity"},
    "sroi.field.proxy": {"nl": "financiële proxy", "en": "financial proxy"},
    "sroi.field.deadweight": {"nl": "deadweight", "en": "deadweight"},
    "sroi.field.displacement": {"nl": "verplaatsing", "en": "displacement"},
    "sroi.field.attribution": {"nl": "attributie", "en": "attribution"},
    "sroi.field.drop_off": {"nl": "drop-off", "en": "drop-off"},
    "sroi.field.duration": {"nl": "duur", "en": "duration"},
    "sroi.field.discount_rate": {"nl": "disconteringsvoet", "en": "discount rate"},
    "sroi.field.reference_year": {"nl": "referentiejaar", "en": "reference year"},
    "sroi.field.baseline_year": {"nl": "basisjaar", "en": "baseline year"},
    "sroi.field.investment": {"nl": "investering", "en": "investment"},
    "sroi.field.amount_from": {"nl": "afleiding bedrag", "en": "amount derived from"},
    "sroi.field.quantity_from": {"nl": "afleiding hoeveelheid", "en": "quantity derived from"},
    "sroi.field.proxy_from": {"nl": "afleiding proxy", "en": "proxy derived from"},
    "sroi.stakeholder.verzekeraar": {"nl": "Zorgverzekeraar", "en": "Insurer"},
    "sroi.stakeholder.ziekenhuis": {"nl": "Ziekenhuis", "en": "Hospital"},
    "sroi.stakeholder.huisartsen": {"nl": "Huisartsen", "en": "GPs"},
    "sroi.stakeholder.patient": {"nl": "Patiënten", "en": "Patients"},
    "sroi.stakeholder.gemeente": {"nl": "Gemeente", "en": "Municipality"},
    "sroi.stakeholder.overig": {"nl": "Overig", "en": "Other"},
    "sroi.cost_type.zorg": {"nl": "zorg", "en": "care"},
    "sroi.cost_type.diagnostiek": {"nl": "diagnostiek", "en": "diagnostics"},
    "sroi.cost_type.coordinatie": {"nl": "coördinatie", "en": "coordination"},
    "sroi.cost_type.ict": {"nl": "ICT", "en": "ICT"},
    "sroi.cost_type.scholing": {"nl": "scholing", "en": "training"},
    "sroi.cost_type.opname": {"nl": "opname", "en": "admission"},
    "sroi.profession.huisarts": {"nl": "huisartsen", "en": "GPs"},
    "sroi.profession.cardioloog": {"nl": "cardiologen", "en": "cardiologists"},
    "sroi.profession.poh": {"nl": "praktijkondersteuners", "en": "practice nurses"},
    "sroi.profession.verpleegkundige": {"nl": "verpleegkundigen", "en": "nurses"},
    "sroi.profession.overig": {"nl": "overige professionals", "en": "other professionals"},
    "sroi.how.cost": {
        "nl": "**{result}** = de kosten in {year} met setting *{setting}*, kostensoort "
        "*{cost_type}* en betaler *{payer}* (maand- en jaarbedragen opgeteld), uit de "
        "kostentabel.",
        "en": "**{result}** = the costs in {year} with setting *{setting}*, cost type "
        "*{cost_type}* and payer *{payer}* (monthly and yearly amounts added up), from the cost "
        "table.",
    },
    "sroi.how.no_costs": {
        "nl": "Geen kostengegevens voor {year}: het vaste bedrag uit het model is gebruikt.",
        "en": "No cost data for {year}: the model's fixed amount is used.",
    },
    "sroi.how.alv_referrals": {
        "nl": "**{result}** verwijzingen naar de anderhalvelijn in {year}.",
        "en": "**{result}** referrals to anderhalvelijn care in {year}.",
    },
    "sroi.how.no_referrals": {
        "nl": "Geen verwijzingen in {year}: de vaste waarde uit het model is gebruikt.",
        "en": "No referrals in {year}: the model's fixed value is used.",
    },
    "sroi.how.alv_resolved": {
        "nl": "**{result}** = {referrals} verwijzingen naar de anderhalvelijn in {year} × {share} "
        "afgehandeld zonder ziekenhuis.\n\nDat aandeel komt uit de anderhalvelijnepisodes van "
        "{first} t/m {last}, de laatste twaalf maanden met zes maanden follow-up: {resolved} "
        "van de {episodes} kwamen binnen zes maanden niet in het ziekenhuis.",
        "en": "**{result}** = {referrals} referrals to anderhalvelijn care in {year} × {share} "
        "resolved without the hospital.\n\nThat share comes from the anderhalvelijn episodes of "
        "{first} to {last}, the last twelve months with six months of follow-up: {resolved} "
        "of the {episodes} did not reach the hospital within six months.",
    },
    "sroi.how.no_follow_up": {
        "nl": "Nog geen anderhalvelijnepisodes met zes maanden follow-up: de vaste waarde uit "
        "het model is gebruikt.",
        "en": "No anderhalvelijn episodes with six months of follow-up yet: the model's fixed "
        "value is used.",
    },
    "sroi.how.hospital_cost": {
        "nl": "**{result}** per patiënt = zorgkosten van het ziekenhuis in {year} ({cost}) ÷ "
        "{patients} nieuwe ziekenhuispatiënten: {direct} direct verwezen + {via_alv} na de "
        "anderhalvelijn + {via_ec} na een e-consult (geschat met de afhandelpercentages).",
        "en": "**{result}** per patient = hospital care costs in {year} ({cost}) ÷ {patients} "
        "new hospital patients: {direct} referred directly + {via_alv} after anderhalvelijn "
        "care + {via_ec} after an e-consult (estimated with the resolution shares).",
    },
    "sroi.how.hospital_cost_compare": {
        "nl": "Ter vergelijking: de anderhalvelijn kost {alv_cost} per patiënt ({alv_total} ÷ "
        "{alv_patients}), een verschil van {difference}. Omdat de anderhalvelijnconsulten bij "
        "de investeringen staan, telt een vermeden traject hier tegen de volle ziekenhuiskosten.",
        "en": "For comparison: anderhalvelijn care costs {alv_cost} per patient ({alv_total} ÷ "
        "{alv_patients}), a difference of {difference}. Because the anderhalvelijn consults "
        "are among the investments, an avoided trajectory counts at the full hospital cost.",
    },
    "sroi.how.onward_unknown": {
        "nl": "Voor *{destination}* is nog geen afhandelpercentage bekend; doorverwijzingen uit "
        "die route zijn niet meegeteld, dus de kosten per ziekenhuispatiënt vallen iets te hoog "
        "uit.",
        "en": "For *{destination}* no resolution share is known yet; onward referrals from that "
        "route are not counted, so the cost per hospital patient comes out slightly high.",
    },
    "sroi.how.no_care_costs": {
        "nl": "Geen zorgkosten van het ziekenhuis in {year}: de vaste waarde uit het model is "
        "gebruikt.",
        "en": "No hospital care costs in {year}: the model's fixed value is used.",
    },
    "sroi.how.wait_days": {
        "nl": "**{result}** patiëntdagen = {patients} anderhalvelijnpatiënten met een consult in "
        "{year} × ({wait_zh} − {wait_alv}) dagen: de gemiddelde wachttijd tot het eerste "
        "consult na verwijzing naar het ziekenhuis en naar de anderhalvelijn.",
        "en": "**{result}** patient days = {patients} anderhalvelijn patients with a consult in "
        "{year} × ({wait_zh} − {wait_alv}) days: the mean wait to the first consult after "
        "referral to the hospital and to anderhalvelijn care.",
    },
    "sroi.how.no_waits": {
        "nl": "Geen wachttijden van ziekenhuis en anderhalvelijn in {year}: de vaste waarde uit "
        "het model is gebruikt.",
        "en": "No waiting times for hospital and anderhalvelijn care in {year}: the model's "
        "fixed value is used.",
    },
    "sroi.how.not_negative": {
        "nl": "Er is geen verbetering: het model telt 0, omdat een uitkomst hier niet negatief "
        "kan zijn. Neem dit nadeel mee in het gesprek over de resultaten.",
        "en": "There is no improvement: the model counts 0, because an outcome cannot be "
        "negative here. Take this drawback into the discussion of the results.",
    },
    "sroi.how.admissions": {
        "nl": "**{result}** = ({rate_base} − {rate_year}) opnames voor hartfalen per 1.000 "
        "inwoners van 18 jaar en ouder ({base_year} → {year}) × {adults} volwassen inwoners in "
        "{year} ÷ 1.000. Opnames: {adm_base} in {base_year} en {adm_year} in {year}.",
        "en": "**{result}** = ({rate_base} − {rate_year}) heart-failure admissions per 1,000 "
        "inhabitants aged 18 and over ({base_year} → {year}) × {adults} adult inhabitants in "
        "{year} ÷ 1,000. Admissions: {adm_base} in {base_year} and {adm_year} in {year}.",
    },
    "sroi.how.annualised": {
        "nl": "Een jaar met minder dan 12 maanden opnamecijfers is naar een heel jaar omgerekend.",
        "en": "A year with fewer than 12 months of admission figures is scaled to a whole year.",
    },
    "sroi.how.baseline_fallback": {
        "nl": "De gegevens gaan niet terug tot vóór de start van de anderhalvelijn "
        "({start_year}); het eerste jaar met gegevens ({base_year}) is het basisjaar, dus het "
        "effect wordt eerder onderschat.",
        "en": "The data do not reach back to before the anderhalvelijn start ({start_year}); "
        "the first year with data ({base_year}) is the baseline, so the effect is rather "
        "underestimated.",
    },
    "sroi.how.no_admissions": {
        "nl": "Geen opnamecijfers voor {year} en een eerder basisjaar: de vaste waarde uit het "
        "model is gebruikt.",
        "en": "No admission figures for {year} and an earlier baseline year: the model's fixed "
        "value is used.",
    },
    "sroi.how.no_population": {
        "nl": "Geen inwonertallen voor {base_year} en {year}: de vaste waarde uit het model is "
        "gebruikt.",
        "en": "No population figures for {base_year} and {year}: the model's fixed value is "
        "used.",
    },
    "sroi.how.admission_cost": {
        "nl": "**{result}** per opname = opnamekosten in {year} ({cost}) ÷ {admissions} opnames.",
        "en": "**{result}** per admission = admission costs in {year} ({cost}) ÷ {admissions} "
        "admissions.",
    },
    "sroi.how.no_admission_costs": {
        "nl": "Geen opnamekosten (kostensoort *opname*) aangeleverd voor {year}: de vaste "
        "aanname uit het model is gebruikt.",
        "en": "No admission costs (cost type *opname*) supplied for {year}: the model's fixed "
        "assumption is used.",
    },
    "sroi.how.satisfaction": {
        "nl": "**{result}** cijferpunten = {respondents} respondenten ({professions}) in {year} × "
        "({mean_year} − {mean_base}): de stijging van het gemiddelde werkplezier sinds "
        "{base_year}. Alleen wie de enquête invulde telt mee, dus dit is een ondergrens.",
        "en": "**{result}** score points = {respondents} respondents ({professions}) in {year} × "
        "({mean_year} − {mean_base}): the rise in mean work satisfaction since {base_year}. "
        "Only those who answered the survey count, so this is a lower bound.",
    },
    "sroi.how.no_survey": {
        "nl": "Geen enquêteresultaten van {professions} voor {year} en een eerder jaar: de vaste "
        "waarde uit het model is gebruikt.",
        "en": "No survey results of {professions} for {year} and an earlier year: the model's "
        "fixed value is used.",
    },
    "sroi.how.no_year": {
        "nl": "Er zijn geen gegevens om een referentiejaar te kiezen: de vaste waarde uit het "
        "model is gebruikt.",
        "en": "There are no data to choose a reference year: the model's fixed value is used.",
    },
    "sroi.how.unknown": {"nl": "Onbekende afleiding {key}.", "en": "Unknown derivation {key}."},
    "sroi.err.row": {"nl": "{table}, rij {row}", "en": "{table}, row {row}"},
    "sroi.err.field": {"nl": "{where}, veld ‘{field}’", "en": "{where}, field ‘{field}’"},
    "sroi.err.empty": {"nl": "leeg", "en": "empty"},
    "sroi.err.missing": {"nl": "ontbreekt", "en": "is missing"},
    "sroi.err.not_number": {
        "nl": "moet een getal zijn; ingevoerd: {value}",
        "en": "must be a number; entered: {value}",
    },
    "sroi.err.negative": {
        "nl": "mag niet negatief zijn; ingevoerd: {value}",
        "en": "must not be negative; entered: {value}",
    },
    "sroi.err.fraction": {
        "nl": "moet een fractie tussen 0 en 1 zijn (0,25 voor 25%); ingevoerd: {value}",
        "en": "must be a fraction between 0 and 1 (0.25 for 25%); entered: {value}",
    },
    "sroi.err.whole": {
        "nl": "moet een geheel getal van {minimum} of meer zijn; ingevoerd: {value}",
        "en": "must be a whole number of {minimum} or more; entered: {value}",
    },
    "sroi.err.source": {
        "nl": "onbekende afleiding {value}; mogelijk zijn: {allowed}",
        "en": "unknown derivation {value}; possible are: {allowed}",
    },
    "sroi.err.unknown_key": {
        "nl": "onbekend veld {value}; toegestaan zijn: {allowed}",
        "en": "unknown field {value}; allowed are: {allowed}",
    },
    "sroi.err.duplicate": {
        "nl": "de naam {value} komt vaker voor; namen van uitkomsten moeten uniek zijn",
        "en": "the name {value} occurs more than once; outcome names must be unique",
    },
    "sroi.err.year": {
        "nl": "moet een jaartal tussen 2000 en 2100 zijn; ingevoerd: {value}",
        "en": "must be a year between 2000 and 2100; entered: {value}",
    },
    "sroi.err.discount_rate": {
        "nl": "moet een fractie van 0 tot 1 zijn (0,0225 voor 2,25%); ingevoerd: {value}",
        "en": "must be a fraction from 0 to below 1 (0.0225 for 2.25%); entered: {value}",
    },
    "sroi.err.no_investments": {
        "nl": "Het model heeft geen investeringen.",
        "en": "The model has no investments.",
    },
    "sroi.err.no_outcomes": {
        "nl": "Het model heeft geen uitkomsten.",
        "en": "The model has no outcomes.",
    },
    "sroi.err.not_a_row": {
        "nl": "moet een rij met velden zijn; gevonden: {value}",
        "en": "must be a row of fields; found: {value}",
    },
    "sroi.err.not_a_model": {
        "nl": "Een SROI-model moet een tabel met velden zijn; gevonden: {value}",
        "en": "An SROI model must be a table of fields; found: {value}",
    },
    "sroi.err.no_investment": {
        "nl": "De totale investering moet groter zijn dan 0, anders bestaat er geen SROI-ratio.",
        "en": "The total investment must be above 0, otherwise there is no SROI ratio.",
    },
    "sroi.err.stats": {
        "nl": "Het model kan niet worden doorgerekend: {value}",
        "en": "The model cannot be calculated: {value}",
    },
    "sroi.err.toml": {
        "nl": "Het TOML-bestand is niet te lezen: {value}",
        "en": "The TOML file cannot be read: {value}",
    },
    "sroi.err.json": {
        "nl": "Het JSON-bestand is niet te lezen: {value}",
        "en": "The JSON file cannot be read: {value}",
    },
    "sroi.err.json_format": {
        "nl": "Dit JSON-bestand is geen SROI-scenario van dit dashboard (format {value}).",
        "en": "This JSON file is not an SROI scenario of this dashboard (format {value}).",
    },
    "sroi.err.file": {
        "nl": "Het bestand is niet te lezen: {value}",
        "en": "The file cannot be read: {value}",
    },
    "sroi.err.in_file": {"nl": "Fouten in {value}:", "en": "Problems in {value}:"},
    "sroi.err.file_type": {
        "nl": "Alleen .json- en .toml-bestanden kunnen worden ingelezen; gekregen: {value}",
        "en": "Only .json and .toml files can be read; got: {value}",
    },
    "sroi.err.scenario_name": {
        "nl": "Een scenario heeft een naam nodig.",
        "en": "A scenario needs a name.",
    },
    # ---- end sroi ------------------------------------------------------------------------
    # ---- overview tiles ----------------------------------------------------------------
    "tiles.title": {"nl": "Quadruple Aim per regio", "en": "Quadruple Aim per region"},
    "tiles.intro": {
        "nl": "Per regio het laatste volledige kalenderjaar en de verandering ten opzichte van "
        "het jaar ervoor: groen is een verbetering, rood een verslechtering, grijs geen "
        "verandering of geen voorkeursrichting. Het lijntje toont de volledige jaren.",
        "en": "Per region the latest complete calendar year and the change against the year "
        "before: green is an improvement, red a deterioration, grey no change or no preferred "
        "direction. The small line shows the complete years.",
    },
    "tiles.none": {
        "nl": "De Quadruple Aim-tegels verschijnen zodra opnames, tevredenheid, wachttijden, "
        "kosten of de werkplezier-enquête over een volledig jaar zijn geladen.",
        "en": "The Quadruple Aim tiles appear once admissions, satisfaction, waiting times, "
        "costs or the professionals' survey are loaded for a complete year.",
    },
    "tiles.pages": {"nl": "Naar de pagina's", "en": "Go to the pages"},
    "tiles.region_caption": {
        "nl": "{region} · datadatum {date}",
        "en": "{region} · data date {date}",
    },
    "tiles.aim.health": {"nl": "Gezondheid", "en": "Health"},
    "tiles.aim.quality": {"nl": "Kwaliteit en ervaring", "en": "Quality and experience"},
    "tiles.aim.cost": {"nl": "Kosten", "en": "Cost"},
    "tiles.aim.professionals": {"nl": "Professionals", "en": "Professionals"},
    "tiles.label.OPNAME_HF": {"nl": "Opnames hartfalen", "en": "HF admissions"},
    "tiles.label.TEVREDENHEID": {"nl": "Tevredenheid", "en": "Satisfaction"},
    "tiles.label.WACHTTIJD": {"nl": "Wachttijd", "en": "Waiting time"},
    "tiles.label.KOSTEN_INW": {"nl": "Kosten per inwoner", "en": "Cost per inhabitant"},
    "tiles.label.WERKPLEZIER": {"nl": "Werkplezier", "en": "Job satisfaction"},
    "tiles.unit.OPNAME_HF": {
        "nl": "per 1.000 inwoners van 18+ per jaar",
        "en": "per 1,000 inhabitants 18+ per year",
    },
    "tiles.unit.TEVREDENHEID": {
        "nl": "patiënten, rapportcijfer 1-10",
        "en": "patients, score 1-10",
    },
    "tiles.unit.WACHTTIJD": {
        "nl": "mediaan, verwijzing tot eerste consult",
        "en": "median, referral to first consult",
    },
    "tiles.unit.KOSTEN_INW": {
        "nl": "cardiologie, zorg en programma, per jaar",
        "en": "cardiology, care and programme, per year",
    },
    "tiles.unit.WERKPLEZIER": {
        "nl": "professionals, cijfer 1-10",
        "en": "professionals, score 1-10",
    },
    "tiles.vs_year": {"nl": "t.o.v. {year}", "en": "vs {year}"},
    "tiles.no_value": {
        "nl": "Geen volledig jaar met gegevens, of te kleine aantallen.",
        "en": "No complete year of data, or counts too small.",
    },
    "tiles.help.OPNAME_HF": {
        "nl": "{year}: {n} opnames voor hartfalen; 95%-interval {low} – {high} per 1.000 "
        "(exact Poisson).",
        "en": "{year}: {n} heart-failure admissions; 95% interval {low} – {high} per 1,000 "
        "(exact Poisson).",
    },
    "tiles.help.TEVREDENHEID": {
        "nl": "{year}: gemiddeld rapportcijfer van {n} consulten (alle settings); 95%-interval "
        "{low} – {high} (t-verdeling).",
        "en": "{year}: mean score of {n} consults (all settings); 95% interval {low} – {high} "
        "(t distribution).",
    },
    "tiles.help.WACHTTIJD": {
        "nl": "{year}: mediaan aantal dagen van verwijzing tot eerste consult, over {n} "
        "verwijzingen (alle settings).",
        "en": "{year}: median days from referral to first consult, over {n} referrals (all "
        "settings).",
    },
    "tiles.help.KOSTEN_INW": {
        "nl": "{year}: alle cardiologische kosten (zorg en programma, alle betalers) gedeeld "
        "door het aantal inwoners.",
        "en": "{year}: all cardiology costs (care and programme, all payers) divided by the "
        "number of inhabitants.",
    },
    "tiles.help.WERKPLEZIER": {
        "nl": "{year}: gemiddeld cijfer van {n} respondenten in de jaarlijkse enquête; "
        "95%-interval {low} – {high} (t-verdeling).",
        "en": "{year}: mean score of {n} respondents to the yearly survey; 95% interval {low} "
        "– {high} (t distribution).",
    },
    "tiles.days": {"nl": "{days} dagen", "en": "{days} days"},
    "tiles.data_title": {
        "nl": "Gegevens achter de tegels (volledige jaren)",
        "en": "Data behind the tiles (complete years)",
    },
    "tiles.method": {
        "nl": "Alleen volledige kalenderjaren (12 maanden gegevens; de enquête is jaarlijks). "
        "Verandering = laatste jaar min het jaar ervoor, gekleurd naar de gewenste richting "
        "van de indicator in de indicatorcatalogus. Een verandering is geen bewijs van effect: "
        "kijk naar het interval en het verhaal erachter. Waarden op basis van 1 tot en met "
        "{max} opnames of antwoorden worden niet getoond.",
        "en": "Complete calendar years only (12 months of data; the survey is yearly). Change = "
        "latest year minus the year before, coloured by the indicator's preferred direction in "
        "the indicator catalogue. A change is no proof of effect: look at the interval and the "
        "story behind it. Values based on 1 to {max} admissions or responses are not shown.",
    },
    "col.qa_aim": {"nl": "Doel", "en": "Aim"},
    "col.qa_indicator": {"nl": "Indicator", "en": "Indicator"},
    "col.qa_year": {"nl": "Jaar", "en": "Year"},
    "col.qa_value": {"nl": "Waarde", "en": "Value"},
    "col.qa_n": {
        "nl": "Aantal (opnames, antwoorden, verwijzingen)",
        "en": "Count (admissions, responses, referrals)",
    },
    # ---- end overview tiles ------------------------------------------------------------
    # ---- regio-vergelijking ------------------------------------------------------------
    "nav.regiovergelijking": {"nl": "Regio-vergelijking", "en": "Regional comparison"},
    "regio.title": {"nl": "Regio-vergelijking", "en": "Regional comparison"},
    "regio.intro": {
        "nl": "Alle indicatoren per regio naast de waarde van alle regio's samen (de "
        "benchmark), met betrouwbaarheidsinterval, vergelijking en trend. Alleen cijfers per "
        "regio: deze pagina toont nooit praktijken.",
        "en": "Every indicator per region next to the value of all regions together (the "
        "benchmark), with confidence interval, comparison and trend. Region figures only: "
        "this page never shows practices.",
    },
    "regio.empty": {
        "nl": "Er zijn nog geen gegevens geladen om regio's te vergelijken. Laad gegevens met "
        "`python -m etl load MAP` (zie `docs/data-format.md`).",
        "en": "No data has been loaded yet to compare regions. Load data with "
        "`python -m etl load FOLDER` (see `docs/data-format.md`).",
    },
    "regio.year": {"nl": "Jaar", "en": "Year"},
    "regio.year_help": {
        "nl": "Het kalenderjaar van de tabel; de trendpijl vergelijkt het met het jaar ervoor.",
        "en": "The calendar year of the table; the trend arrow compares it with the year "
        "before.",
    },
    "regio.table_title": {
        "nl": "Indicatoren per regio, {year}",
        "en": "Indicators per region, {year}",
    },
    "regio.legend": {
        "nl": "Kleur: vergeleken met de benchmark (95%-interval van de regio) — "
        ":blue-background[beter] · :yellow-background[vergelijkbaar] · "
        ":orange-background[slechter] · :violet-background[hoger of lager] (geen "
        "voorkeursrichting) · :gray-background[niet vergeleken]. Pijl: verandering ten "
        "opzichte van het jaar ervoor (↑ hoger, ↓ lager, "
        "→ gelijk); of die significant is staat onder het kopje van de indicator.",
        "en": "Colour: compared with the benchmark (the region's 95% interval) — "
        ":blue-background[better] · :yellow-background[similar] · :orange-background[worse] · "
        ":violet-background[higher or lower] (no preferred direction) · "
        ":gray-background[not compared]. Arrow: change from the year before (↑ up, ↓ down, "
        "→ equal); whether it is "
        "significant is shown under the indicator's heading.",
    },
    "regio.table_hint": {
        "nl": "Klik op een regel om de trend en de funnelplot van die indicator te zien.",
        "en": "Click a row to see that indicator's trend and funnel plot.",
    },
    "regio.all_numbers": {
        "nl": "Alle cijfers van de tabel (tellers, noemers, intervallen, toetsen)",
        "en": "All numbers of the table (numerators, denominators, intervals, tests)",
    },
    "regio.all_numbers_about": {
        "nl": "Eén regel per indicator en regio (ALL = alle regio's samen). Percentages staan "
        "als fractie (0,45 = 45%), verwijzingen en opnames per 1.000 per jaar. Tellers en "
        "noemers van 1 tot 9 zijn weggelaten, evenals de waarden die erop berusten.",
        "en": "One line per indicator and region (ALL = all regions together). Percentages "
        "are fractions (0.45 = 45%), referrals and admissions per 1,000 per year. Numerators "
        "and denominators from 1 to 9 are left out, as are the values built on them.",
    },
    "regio.benchmark": {"nl": "Alle regio's (benchmark)", "en": "All regions (benchmark)"},
    "regio.row.within_4_weeks": {
        "nl": "{name}: binnen 4 weken",
        "en": "{name}: within 4 weeks",
    },
    "regio.row.median": {"nl": "{name}: mediaan", "en": "{name}: median"},
    "regio.period_months": {
        "nl": "{year} ({months} mnd)",
        "en": "{year} ({months} mo)",
    },
    "regio.col.row": {"nl": "Indicator (code)", "en": "Indicator (code)"},
    "regio.col.indicator": {"nl": "Indicator", "en": "Indicator"},
    "regio.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "regio.col.period": {"nl": "Periode", "en": "Period"},
    "regio.col.region": {"nl": "Regio", "en": "Region"},
    "regio.col.year": {"nl": "Jaar", "en": "Year"},
    "regio.col.months": {"nl": "Maanden", "en": "Months"},
    "regio.col.numerator": {"nl": "Teller", "en": "Numerator"},
    "regio.col.denominator": {"nl": "Noemer", "en": "Denominator"},
    "regio.col.label": {"nl": "Waarde (95%-interval)", "en": "Value (95% interval)"},
    "regio.col.value": {"nl": "Waarde", "en": "Value"},
    "regio.col.low": {"nl": "Ondergrens 95%", "en": "Lower 95% limit"},
    "regio.col.high": {"nl": "Bovengrens 95%", "en": "Upper 95% limit"},
    "regio.col.benchmark": {"nl": "Benchmark", "en": "Benchmark"},
    "regio.col.comparison": {"nl": "Vergelijking", "en": "Comparison"},
    "regio.col.previous_value": {"nl": "Waarde vorig jaar", "en": "Previous year's value"},
    "regio.col.trend": {"nl": "Trend", "en": "Trend"},
    "regio.col.trend_p": {"nl": "p-waarde trend", "en": "Trend p-value"},
    "regio.cmp.better": {"nl": "beter dan de benchmark", "en": "better than the benchmark"},
    "regio.cmp.similar": {
        "nl": "vergelijkbaar met de benchmark",
        "en": "similar to the benchmark",
    },
    "regio.cmp.worse": {"nl": "slechter dan de benchmark", "en": "worse than the benchmark"},
    "regio.cmp.higher": {"nl": "hoger dan de benchmark", "en": "higher than the benchmark"},
    "regio.cmp.lower": {"nl": "lager dan de benchmark", "en": "lower than the benchmark"},
    "regio.cmp.not_compared": {"nl": "niet vergeleken", "en": "not compared"},
    "regio.cmp.benchmark": {"nl": "benchmark", "en": "benchmark"},
    "regio.reason.small": {
        "nl": " (te kleine aantallen)",
        "en": " (numbers too small)",
    },
    "regio.reason.complement": {
        "nl": " (verborgen: anders is een klein aantal elders af te leiden uit de benchmark)",
        "en": " (hidden: otherwise a small number elsewhere follows from the benchmark)",
    },
    "regio.reason.no_data": {"nl": " (geen gegevens)", "en": " (no data)"},
    "regio.reason.no_interval": {
        "nl": " (geen interval: kostentotaal of te weinig waarnemingen)",
        "en": " (no interval: a cost total or too few observations)",
    },
    "regio.reason.no_benchmark": {"nl": " (geen benchmark)", "en": " (no benchmark)"},
    "regio.trend.better": {
        "nl": "significant verbeterd t.o.v. vorig jaar",
        "en": "significantly improved on the year before",
    },
    "regio.trend.worse": {
        "nl": "significant verslechterd t.o.v. vorig jaar",
        "en": "significantly worse than the year before",
    },
    "regio.trend.higher": {
        "nl": "significant hoger dan vorig jaar",
        "en": "significantly higher than the year before",
    },
    "regio.trend.lower": {
        "nl": "significant lager dan vorig jaar",
        "en": "significantly lower than the year before",
    },
    "regio.trend.no_change": {
        "nl": "geen significante verandering t.o.v. vorig jaar",
        "en": "no significant change from the year before",
    },
    "regio.trend.not_tested": {
        "nl": "verandering t.o.v. vorig jaar niet getoetst",
        "en": "change from the year before not tested",
    },
    "regio.trend.none": {"nl": "geen vorig jaar om mee te vergelijken", "en":
                         "no previous year to compare with"},
    "regio.indicator": {"nl": "Indicator", "en": "Indicator"},
    "regio.unit.per_1000_py": {"nl": "per 1.000 per jaar", "en": "per 1,000 per year"},
    "regio.unit.percent": {"nl": "%", "en": "%"},
    "regio.unit.per_1000_py_dsr": {
        "nl": "per 1.000 per jaar, gestandaardiseerd voor leeftijd en geslacht",
        "en": "per 1,000 per year, standardised for age and sex",
    },
    "regio.standardise": {
        "nl": "Verwijscijfers standaardiseren voor leeftijd en geslacht",
        "en": "Standardise referral rates for age and sex",
    },
    "regio.standardise_help": {
        "nl": "Aan: de verwijscijfers zijn direct gestandaardiseerd (DSR): het cijfer dat een "
        "regio zou hebben met de leeftijds- en geslachtsopbouw van alle regio's samen in dat "
        "jaar, met het 95%-interval volgens Dobson (de methode van PHE Fingertips). Zo telt een "
        "oudere bevolking niet als 'meer verwijzen'. Uit: de ruwe cijfers.",
        "en": "On: the referral rates are directly standardised (DSR): the rate a region would "
        "have with the age and sex mix of all regions together that year, with the Dobson 95% "
        "interval (PHE Fingertips' method). An older population then does not count as "
        "'referring more'. Off: the crude rates.",
    },
    "regio.standardised_note": {
        "nl": "Verwijscijfers in de tabel: direct gestandaardiseerd voor leeftijd en geslacht "
        "(standaard: de ingeschreven patiënten van alle regio's samen in {year}; interval "
        "volgens Dobson). De trendpijl toetst de ruwe aantallen; de trendgrafiek en de "
        "trechter hieronder tonen ruwe cijfers.",
        "en": "Referral rates in the table: directly standardised for age and sex (standard: "
        "the listed patients of all regions together in {year}; Dobson interval). The trend "
        "arrow tests the crude counts; the trend chart and the funnel below show crude rates.",
    },
    "regio.col.crude_value": {"nl": "Ruwe waarde", "en": "Crude value"},
    "regio.unit.days": {"nl": "dagen", "en": "days"},
    "regio.unit.euro_per_patient": {"nl": "€ per verwezen patiënt", "en":
                                    "€ per referred patient"},
    "regio.unit.euro_per_inhabitant": {"nl": "€ per inwoner per jaar", "en":
                                       "€ per inhabitant per year"},
    "regio.unit.score": {"nl": "cijfer 1-10", "en": "score 1-10"},
    "regio.reading.intro": {
        "nl": "In {year}; alle regio's samen: {benchmark}.",
        "en": "In {year}; all regions together: {benchmark}.",
    },
    "regio.reading.line": {
        "nl": "**{region}**: {value} — {comparison}{reason}; {trend}.",
        "en": "**{region}**: {value} — {comparison}{reason}; {trend}.",
    },
    "regio.yearly_only": {
        "nl": "Deze indicator wordt per jaar bepaald.",
        "en": "This indicator is determined per year.",
    },
    "regio.frequency": {"nl": "Trend per", "en": "Trend per"},
    "regio.frequency.month": {"nl": "maand", "en": "month"},
    "regio.frequency.year": {"nl": "jaar", "en": "year"},
    "regio.axis.month": {"nl": "Maand", "en": "Month"},
    "regio.axis.year": {"nl": "Jaar", "en": "Year"},
    "regio.trend_title": {
        "nl": "{indicator} per regio en voor alle regio's samen",
        "en": "{indicator} per region and for all regions together",
    },
    "regio.trend_subtitle": {
        "nl": "Stippellijn of ruit: alle regio's samen (benchmark)",
        "en": "Dashed line or diamond: all regions together (benchmark)",
    },
    "regio.trend_empty": {
        "nl": "Geen punten om te tonen voor deze indicator.",
        "en": "No points to show for this indicator.",
    },
    "regio.hidden_points": {
        "nl": "{n} punt(en) weggelaten: aantallen van 1 tot 9, en punten waaruit zo'n aantal "
              "via de benchmark af te leiden zou zijn.",
        "en": "{n} point(s) left out: counts from 1 to 9, and points from which such a count "
              "would follow through the benchmark.",
    },
    "regio.method.rate": {
        "nl": "Aantal per 1.000 persoonsjaren; 95%-interval exact Poisson (Garwood 1936).",
        "en": "Count per 1,000 person-years; 95% interval exact Poisson (Garwood 1936).",
    },
    "regio.method.proportion": {
        "nl": "Percentage; 95%-interval volgens Wilson (Wilson 1927; Newcombe 1998).",
        "en": "Percentage; 95% Wilson interval (Wilson 1927; Newcombe 1998).",
    },
    "regio.method.mean": {
        "nl": "Gemiddeld cijfer; 95%-interval met de t-verdeling.",
        "en": "Mean score; 95% interval from the t distribution.",
    },
    "regio.method.median": {
        "nl": "Mediaan; verdelingsvrij 95%-interval uit rangordestatistieken (Campbell & "
        "Gardner 1988). Alleen maanden met 13 weken follow-up.",
        "en": "Median; distribution-free 95% interval from order statistics (Campbell & "
        "Gardner 1988). Only months with 13 weeks of follow-up.",
    },
    "regio.method.ratio": {
        "nl": "Kosten gedeeld door aantal; een kostentotaal heeft geen steekproefinterval.",
        "en": "Costs divided by a count; a cost total has no sampling interval.",
    },
    "regio.funnel_heading": {"nl": "Funnelplot over de regio's", "en": "Funnel plot across "
                             "regions"},
    "regio.funnel_title": {
        "nl": "{indicator}: regio's tegen hun aantal, {year}",
        "en": "{indicator}: regions against their size, {year}",
    },
    "regio.funnel_subtitle": {
        "nl": "Middellijn: alle regio's samen; grenzen op 95% en 99,8%",
        "en": "Centre line: all regions together; limits at 95% and 99.8%",
    },
    "regio.funnel_x.ratio": {
        "nl": "Verwacht aantal bij de benchmark",
        "en": "Expected count at the benchmark",
    },
    "regio.funnel_x.proportion": {"nl": "Noemer (aantal)", "en": "Denominator (count)"},
    "regio.funnel_x.mean": {"nl": "Aantal antwoorden", "en": "Number of responses"},
    "regio.funnel_method.ratio": {
        "nl": "Exacte Poisson-grenzen rond de benchmark (Spiegelhalter 2005); verwacht aantal ="
        " persoonsjaren x benchmarkcijfer.",
        "en": "Exact Poisson limits around the benchmark (Spiegelhalter 2005); expected count ="
        " person-years x benchmark rate.",
    },
    "regio.funnel_method.proportion": {
        "nl": "Exacte binomiale grenzen rond de benchmark (Spiegelhalter 2005).",
        "en": "Exact binomial limits around the benchmark (Spiegelhalter 2005).",
    },
    "regio.funnel_method.mean": {
        "nl": "Normale grenzen benchmark ± z x sd / √n met de gepoolde standaarddeviatie "
        "(Spiegelhalter 2005).",
        "en": "Normal limits benchmark ± z x sd / √n with the pooled standard deviation "
        "(Spiegelhalter 2005).",
    },
    "regio.no_funnel.median": {
        "nl": "Voor een mediaan is er geen funnelplot; de tabel vergelijkt de intervallen.",
        "en": "A median has no funnel plot; the table compares the intervals.",
    },
    "regio.no_funnel.ratio": {
        "nl": "Voor kosten is er geen funnelplot: een kostentotaal heeft geen "
        "steekproefspreiding.",
        "en": "Costs have no funnel plot: a cost total has no sampling spread.",
    },
    "regio.signal": {"nl": "Ligging", "en": "Position"},
    "regio.signal.high_998": {"nl": "Boven 99,8%-grens", "en": "Above 99.8% limit"},
    "regio.signal.high_95": {"nl": "Boven 95%-grens", "en": "Above 95% limit"},
    "regio.signal.within": {"nl": "Binnen de grenzen", "en": "Within the limits"},
    "regio.signal.low_95": {"nl": "Onder 95%-grens", "en": "Below 95% limit"},
    "regio.signal.low_998": {"nl": "Onder 99,8%-grens", "en": "Below 99.8% limit"},
    "regio.limits": {"nl": "Controlegrenzen", "en": "Control limits"},
    "regio.limit_95": {"nl": "95%", "en": "95%"},
    "regio.limit_998": {"nl": "99,8%", "en": "99.8%"},
    "regio.method.title": {"nl": "Hoe is dit berekend?", "en": "How is this calculated?"},
    "regio.method.body": {
        "nl": "**Waarde en interval.** Per regio en kalenderjaar: verwijzingen en opnames per "
        "1.000 persoonsjaren met exact Poisson-interval (Garwood 1936); percentages met "
        "Wilson-interval (Wilson 1927; Newcombe 1998); gemiddelde cijfers met t-interval; de "
        "mediane wachttijd met een verdelingsvrij interval uit rangordestatistieken (Campbell "
        "& Gardner, BMJ 1988). Kosten per patiënt en per inwoner zijn totalen gedeeld door een "
        "aantal en hebben geen interval.\n\n"
        "**Vergelijking met de benchmark.** Zoals in de Fingertips-profielen van Public "
        "Health England: een regio is beter of slechter (hoger of lager bij een indicator "
        "zonder voorkeursrichting) als de waarde van alle regio's samen buiten het "
        "95%-interval van de regio ligt, anders vergelijkbaar. De regio telt zelf mee in de "
        "benchmark, wat de vergelijking iets voorzichtig maakt. Grijs: niet vergeleken "
        "(geen interval, aantallen van 1 tot 9 of geen gegevens).\n\n"
        "**Trendpijl.** Het gekozen jaar tegen het jaar ervoor. De pijl geeft de richting; "
        "of de verandering significant is (5%) bepaalt een toets per soort waarde: exacte "
        "conditionele Poisson-toets voor cijfers per 1.000, het interval van Newcombe voor het "
        "verschil van twee percentages, Welch' t-toets voor gemiddelden en Moods mediaantoets "
        "voor de wachttijd. Kosten worden niet getoetst.\n\n"
        "**Welke maanden.** Een verwijsmaand telt als hij compleet is; de wachttijd 13 weken "
        "en het aandeel afgehandeld 6 maanden na het einde van de maand (follow-up). Een jaar "
        "met minder maanden toont het aantal maanden in de kolom Periode.\n\n"
        "**Leeftijd en geslacht.** De verwijscijfers in de tabel zijn standaard direct "
        "gestandaardiseerd (DSR): het cijfer dat een regio zou hebben met de leeftijds- en "
        "geslachtsopbouw van alle regio's samen in dat jaar, met het interval van Dobson "
        "(Dobson e.a., Stat Med 1991; de methode van Fingertips). De schakelaar boven de tabel "
        "toont de ruwe cijfers. De andere cijfers, de trendgrafiek en de trechter zijn niet "
        "gestandaardiseerd (zie Spiegelinformatie voor gestandaardiseerde verwijscijfers per "
        "praktijk). Monitoring is geen bewijs van oorzaak en gevolg: bespreek de cijfers met "
        "het verhaal erachter.",
        "en": "**Value and interval.** Per region and calendar year: referrals and admissions "
        "per 1,000 person-years with an exact Poisson interval (Garwood 1936); percentages "
        "with a Wilson interval (Wilson 1927; Newcombe 1998); mean scores with a t-interval; "
        "the median waiting time with a distribution-free interval from order statistics "
        "(Campbell & Gardner, BMJ 1988). Cost per patient and per inhabitant are totals "
        "divided by a count and have no interval.\n\n"
        "**Comparison with the benchmark.** As in Public Health England's Fingertips "
        "profiles: a region is better or worse (higher or lower for an indicator without a "
        "preferred direction) when the value of all regions together lies outside the "
        "region's 95% interval, otherwise similar. The region is itself part of the "
        "benchmark, which makes the comparison slightly conservative. Grey: not compared (no "
        "interval, counts from 1 to 9 or no data).\n\n"
        "**Trend arrow.** The chosen year against the year before. The arrow gives the "
        "direction; whether the change is significant (5%) is decided by a test per kind of "
        "value: the exact conditional Poisson test for rates per 1,000, Newcombe's interval "
        "for the difference of two percentages, Welch's t-test for means and Mood's median "
        "test for the waiting time. Costs are not tested.\n\n"
        "**Which months.** A referral month counts once it is complete; waiting times 13 "
        "weeks and the resolved share 6 months after the month's end (follow-up). A year with "
        "fewer months shows the number of months in the Period column.\n\n"
        "**Age and sex.** The referral rates in the table are by default directly "
        "standardised (DSR): the rate a region would have with the age and sex mix of all "
        "regions together that year, with Dobson's interval (Dobson et al., Stat Med 1991; "
        "Fingertips' method). The switch above the table shows the crude rates. The other "
        "figures, the trend chart and the funnel are not standardised (see the referral "
        "mirror for standardised referral ratios per practice). Monitoring is not proof of "
        "cause and effect: discuss the figures with the story behind them.",
    },
    # ---- end regio-vergelijking --------------------------------------------------------
    # ---- indicator definitions ---------------------------------------------------------
    "nav.indicatoren": {"nl": "Indicatoren", "en": "Indicators"},
    "indicator.info_link": {
        "nl": "Definitie: {name}",
        "en": "Definition: {name}",
    },
    "ind.title": {"nl": "Indicatoren", "en": "Indicators"},
    "ind.intro": {
        "nl": "De vaste set indicatoren waar elke weergave uit put: definitie, teller, noemer, "
        "bron, methode, richting en kanttekeningen. Elke indicator heeft een eigen link "
        "(…/indicatoren?indicator=CODE).",
        "en": "The fixed set of indicators every view draws from: definition, numerator, "
        "denominator, source, method, direction and caveats. Every indicator has its own "
        "link (…/indicatoren?indicator=CODE).",
    },
    "ind.choose": {"nl": "Indicator", "en": "Indicator"},
    "ind.all": {"nl": "Alle indicatoren", "en": "All indicators"},
    "ind.unknown": {
        "nl": "Onbekende indicator in de link: {code}. Hieronder staan alle indicatoren.",
        "en": "Unknown indicator in the link: {code}. All indicators are listed below.",
    },
    "ind.linked": {"nl": "Geopend via een link", "en": "Opened from a link"},
    "ind.overview": {"nl": "Overzicht van de catalogus", "en": "Catalogue overview"},
    "ind.field.code": {"nl": "Code", "en": "Code"},
    "ind.field.name": {"nl": "Naam", "en": "Name"},
    "ind.field.definition": {"nl": "Definitie", "en": "Definition"},
    "ind.field.numerator": {"nl": "Teller", "en": "Numerator"},
    "ind.field.denominator": {"nl": "Noemer", "en": "Denominator"},
    "ind.field.unit": {"nl": "Eenheid", "en": "Unit"},
    "ind.field.direction": {"nl": "Richting", "en": "Direction"},
    "ind.field.source": {"nl": "Bron", "en": "Source"},
    "ind.field.method": {"nl": "Methode", "en": "Method"},
    "ind.field.caveats": {"nl": "Kanttekeningen", "en": "Caveats"},
    "ind.direction.higher": {"nl": "hoger is beter", "en": "higher is better"},
    "ind.direction.lower": {"nl": "lager is beter", "en": "lower is better"},
    "ind.direction.neutral": {
        "nl": "geen voorkeursrichting (hoger of lager is niet vanzelf beter)",
        "en": "no preferred direction (higher or lower is not in itself better)",
    },
    # ---- end indicator definitions -----------------------------------------------------
    # ---- exports and region report (dashboard.export, pages/rapport.py) --------------------
    "table.download_xlsx": {"nl": "Download als Excel", "en": "Download as Excel"},
    "chart.download_png": {"nl": "PNG", "en": "PNG"},
    "chart.download_png_help": {
        "nl": "Deze grafiek als afbeelding (PNG), voor een verslag of presentatie.",
        "en": "This chart as an image (PNG), for minutes or a presentation.",
    },
    "chart.download_svg": {"nl": "SVG", "en": "SVG"},
    "chart.download_svg_help": {
        "nl": "Deze grafiek als schaalbare vectorafbeelding (SVG), scherp op elk formaat.",
        "en": "This chart as a scalable vector image (SVG), sharp at any size.",
    },
    "export.sheet_data": {"nl": "Gegevens", "en": "Data"},
    "nav.rapport": {"nl": "Rapport", "en": "Report"},
    "report.page_title": {"nl": "Regiorapport (PDF)", "en": "Region report (PDF)"},
    "report.page_intro": {
        "nl": "Een PDF voor het verslag van een netwerkoverleg: titelpagina, Quadruple Aim, de "
        "gekozen grafieken met hun uitleg in gewone taal, een methodenotitie en de datadatum. "
        "Praktijken staan er alleen onder hun pseudoniem in; aantallen van 1 tot en met {max} "
        "worden niet getoond.",
        "en": "A PDF for the minutes of a network meeting: title page, Quadruple Aim, the "
        "chosen charts with a plain-language reading, a methods note and the data date. "
        "Practices appear only under their pseudonym; counts from 1 to {max} are not shown.",
    },
    "report.no_regions": {
        "nl": "Er zijn nog geen gegevens geladen; een rapport kan pas gemaakt worden na het "
        "laden van verwijzingen.",
        "en": "No data has been loaded yet; a report can be made once referrals are loaded.",
    },
    "report.region": {"nl": "Regio", "en": "Region"},
    "report.period": {"nl": "Periode", "en": "Period"},
    "report.period_rolling": {"nl": "Laatste 12 maanden", "en": "Last 12 months"},
    "report.period_span": {"nl": "{name} ({span})", "en": "{name} ({span})"},
    "report.period_help": {
        "nl": "Geldt voor spiegelinformatie en anderhalvelijn. Quadruple Aim toont het laatste "
        "volledige kalenderjaar, PDCA de hele reeks en SROI het rekenjaar van het model.",
        "en": "Applies to spiegelinformatie and anderhalvelijn. Quadruple Aim shows the latest "
        "complete calendar year, PDCA the whole series and SROI the model's reference year.",
    },
    "report.sections": {"nl": "Onderdelen", "en": "Sections"},
    "report.sections_help": {
        "nl": "De methodenotitie komt altijd achteraan.",
        "en": "The methods note always comes last.",
    },
    "report.no_sections": {
        "nl": "Kies minstens één onderdeel.", "en": "Choose at least one section.",
    },
    "report.language_note": {
        "nl": "Het rapport wordt in het Nederlands gemaakt; kies English in de zijbalk voor een "
        "Engelse versie.",
        "en": "The report is made in English; choose Nederlands in the sidebar for a Dutch "
        "version.",
    },
    "report.build": {"nl": "Rapport maken", "en": "Make report"},
    "report.building": {"nl": "Rapport wordt gemaakt…", "en": "Making the report…"},
    "report.ready": {
        "nl": "Rapport gemaakt in {seconds} s: {pages} pagina's, {figures} grafieken.",
        "en": "Report made in {seconds} s: {pages} pages, {figures} charts.",
    },
    "report.download": {"nl": "Download rapport (PDF)", "en": "Download report (PDF)"},
    "report.stale": {
        "nl": "De keuzes zijn gewijzigd sinds het laatste rapport; maak het rapport opnieuw.",
        "en": "The choices have changed since the last report; make the report again.",
    },
    "report.cli_hint": {
        "nl": "Zelfde rapport vanaf de opdrachtregel: `{command}`",
        "en": "The same report from the command line: `{command}`",
    },
    "report.file_stem": {"nl": "regiorapport", "en": "region-report"},
    "report.doc_title": {"nl": "Regiorapport {region}", "en": "Region report {region}"},
    "report.title_heading": {"nl": "Regiorapport", "en": "Region report"},
    "report.title.period": {"nl": "Periode", "en": "Period"},
    "report.title.data_date": {"nl": "Gegevens tot en met", "en": "Data up to"},
    "report.title.created": {"nl": "Gemaakt op", "en": "Created"},
    "report.title.about": {
        "nl": "Gemaakt met het Hartnetwerk dashboard. Elke grafiek staat ook in het dashboard, "
        "met de gegevens erachter als CSV en Excel.",
        "en": "Made with the Heart network dashboard. Every chart is also in the dashboard, "
        "with the data behind it as CSV and Excel.",
    },
    "report.synthetic_label": {
        "nl": "SYNTHETISCHE VOORBEELDDATA: geen echte patiënten of praktijken. Gebruik dit "
        "rapport niet voor besluiten.",
        "en": "SYNTHETIC SAMPLE DATA: no real patients or practices. Do not use this report "
        "for decisions.",
    },
    "report.synthetic_short": {
        "nl": "Synthetische voorbeelddata", "en": "Synthetic sample data",
    },
    "report.contents": {"nl": "Inhoud", "en": "Contents"},
    "report.footer": {
        "nl": "{region} · {period} · gegevens t/m {date}",
        "en": "{region} · {period} · data up to {date}",
    },
    "report.page": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "report.section.overview": {"nl": "Quadruple Aim", "en": "Quadruple Aim"},
    "report.section.spiegelinformatie": {
        "nl": "Spiegelinformatie: verwijzingen per praktijk",
        "en": "Spiegelinformatie: referrals per practice",
    },
    "report.section.anderhalvelijn": {
        "nl": "Anderhalvelijn en e-consult", "en": "Anderhalvelijn and e-consult",
    },
    "report.section.pdca": {"nl": "Verbetercycli (PDCA)", "en": "Improvement cycles (PDCA)"},
    "report.section.sroi": {
        "nl": "Maatschappelijk rendement (SROI)", "en": "Social return on investment (SROI)",
    },
    "report.section.methods": {"nl": "Methoden", "en": "Methods"},
    "report.col.interval": {"nl": "95%-interval", "en": "95% interval"},
    "report.col.change": {"nl": "Verandering", "en": "Change"},
    "report.col.assessment": {"nl": "Beoordeling", "en": "Assessment"},
    "report.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "report.assessment.better": {"nl": "beter", "en": "better"},
    "report.assessment.worse": {"nl": "slechter", "en": "worse"},
    "report.assessment.neutral": {"nl": "gelijk / geen richting", "en": "same / no direction"},
    "report.overview.intro": {
        "nl": "De vier doelen van de Quadruple Aim voor {region}: de waarde in het laatste "
        "volledige kalenderjaar en de verandering ten opzichte van het jaar ervoor.",
        "en": "The four aims of the Quadruple Aim for {region}: the value in the latest "
        "complete calendar year and the change against the year before.",
    },
    "report.overview.reading": {
        "nl": "Verbeterd ten opzichte van het jaar ervoor: {better}. Verslechterd: {worse}. "
        "Een verandering zegt nog niet dat die meer is dan toeval; zie het interval.",
        "en": "Improved against the year before: {better}. Worse: {worse}. A change does not "
        "by itself mean more than chance; see the interval.",
    },
    "report.overview.none": {"nl": "geen", "en": "none"},
    "report.spiegel.intro": {
        "nl": "Alle huisartspraktijken van de regio, gestandaardiseerd naar leeftijd en "
        "geslacht van hun patiënten. Praktijken staan onder hun pseudoniem; de eigen "
        "praktijk ziet een huisarts in het dashboard.",
        "en": "All GP practices of the region, standardised for their patients' age and sex. "
        "Practices appear under their pseudonym; GPs see their own practice in the dashboard.",
    },
    "report.spiegel.trend_reading": {
        "nl": "Het regiocijfer was in {last_quarter} {last} verwijzingen per 1.000 "
        "patiëntjaren, tegen {first} in {first_quarter}.",
        "en": "The region's rate was {last} referrals per 1,000 patient-years in "
        "{last_quarter}, against {first} in {first_quarter}.",
    },
    "report.spiegel.destinations_reading": {
        "nl": "Van de {total} cardiologische verwijzingen in de regio ging: {parts}.",
        "en": "Of the region's {total} cardiology referrals, the destination was: {parts}.",
    },
    "report.alv.share_reading": {
        "nl": "In deze periode ging {share} van de cardiologische verwijzingen naar "
        "anderhalvelijn of e-consult ({alv} van {referrals}; 95%-interval {low} tot {high}).",
        "en": "In this period {share} of cardiology referrals went to anderhalvelijn or "
        "e-consult ({alv} of {referrals}; 95% interval {low} to {high}).",
    },
    "report.alv.funnel_reading": {
        "nl": "Van de {practices} praktijken in de trechter verwijzen er {above} vaker en "
        "{below} minder vaak naar anderhalvelijn of e-consult dan op grond van toeval te "
        "verwachten is; {within} liggen binnen de 95%-grenzen.",
        "en": "Of the {practices} practices in the funnel, {above} refer to anderhalvelijn or "
        "e-consult more often and {below} less often than chance would explain; {within} lie "
        "within the 95% limits.",
    },
    "report.alv.flow_reading": {
        "nl": "{share} van de gevolgde patiënten ({resolved} van {followed}) werd binnen 6 "
        "maanden afgehandeld zonder verwijzing naar het ziekenhuis (95%-interval {low} tot "
        "{high}).",
        "en": "{share} of the patients followed up ({resolved} of {followed}) were dealt with "
        "within 6 months without a hospital referral (95% interval {low} to {high}).",
    },
    "report.alv.wait_reading": {
        "nl": "Mediane wachttijd tot het eerste consult, en tussen haakjes het aandeel binnen 4 "
        "weken: {parts}.",
        "en": "Median wait to the first consult, and in brackets the share within 4 weeks: "
        "{parts}.",
    },
    "report.alv.cost_reading": {
        "nl": "Zorgkosten per patiënt: {parts}.",
        "en": "Care cost per patient: {parts}.",
    },
    "report.pdca.none": {
        "nl": "{region} heeft geen lopende verbetercycli.",
        "en": "{region} has no open improvement cycles.",
    },
    "report.pdca.intro": {
        "nl": "Lopende verbetercycli: {count}. Per cyclus de SPC-grafiek van de indicator, "
        "met de fasen gearceerd en de Check uit de gegevens.",
        "en": "Open improvement cycles: {count}. For each cycle the indicator's SPC chart with "
        "its phases shaded, and the Check from the data.",
    },
    "report.sroi.waterfall_reading": {
        "nl": "Totale maatschappelijke waarde (contante waarde) {value} tegenover een "
        "investering van {investment}: netto {net}.",
        "en": "Total social value (present value) {value} against an investment of "
        "{investment}: net {net}.",
    },
    "report.methods.data": {
        "nl": "Gegevens: verwijzingen, consulten, kosten en enquêtes zoals aangeleverd door de "
        "netwerken, gepseudonimiseerd vóór opslag. De datadatum op de titelpagina is de "
        "laatste dag waarover gegevens zijn geladen.",
        "en": "Data: referrals, consults, costs and surveys as supplied by the networks, "
        "pseudonymised before storage. The data date on the title page is the last day "
        "covered by the loaded data.",
    },
    "report.methods.standardisation": {
        "nl": "Spiegelinformatie: indirecte standaardisatie naar leeftijdsgroep × geslacht met "
        "de regio als referentie; trechterdiagram met exacte Poissongrenzen van 95% en 99,8% "
        "(Spiegelhalter 2005).",
        "en": "Spiegelinformatie: indirect standardisation by age band × sex with the region "
        "as reference; funnel plot with exact Poisson limits of 95% and 99.8% "
        "(Spiegelhalter 2005).",
    },
    "report.methods.intervals": {
        "nl": "Intervallen: Wilson voor percentages (Newcombe 1998), exact Poisson voor "
        "cijfers per 1.000 (Garwood 1936), t-interval voor gemiddelde scores.",
        "en": "Intervals: Wilson for percentages (Newcombe 1998), exact Poisson for rates per "
        "1,000 (Garwood 1936), t-interval for mean scores.",
    },
    "report.methods.spc": {
        "nl": "PDCA: SPC-grafieken (XmR, p, u) met de regels van Making Data Count; het "
        "niveau-effect komt uit een onderbroken tijdreeks (segmented regression) en is een "
        "samenhang, geen bewijs van oorzaak.",
        "en": "PDCA: SPC charts (XmR, p, u) with the Making Data Count rules; the level change "
        "comes from an interrupted time series (segmented regression) and is an association, "
        "not proof of cause.",
    },
    "report.methods.sroi": {
        "nl": "SROI: contante waarde van de uitkomsten na deadweight, attributie, verplaatsing "
        "en afname, gedeeld door de investering (Social Value UK); het interval komt uit een "
        "simulatie over de onzekere aannames.",
        "en": "SROI: present value of the outcomes after deadweight, attribution, displacement "
        "and drop-off, divided by the investment (Social Value UK); the interval comes from a "
        "simulation over the uncertain assumptions.",
    },
    "report.methods.privacy": {
        "nl": "Privacy: praktijken staan onder een vast pseudoniem; aantallen van 1 tot en met "
        "{max} worden als \"<10\" getoond en cijfers die erop rusten weggelaten.",
        "en": "Privacy: practices appear under a stable pseudonym; counts from 1 to {max} are "
        "shown as \"<10\" and the rates built on them are left out.",
    },
    "report.methods.more": {
        "nl": "Meer uitleg met rekenvoorbeelden: docs/methods.md in de broncode van het "
        "dashboard.",
        "en": "More explanation with worked examples: docs/methods.md in the dashboard's "
        "source code.",
    },
    # ---- end exports and region report -------------------------------------------------
    # ---- shareable links, presentation mode and meeting packs (Vergadering) -------------
    "nav.vergadering": {"nl": "Vergadering", "en": "Meeting"},
    "url.ignored": {
        "nl": "De link bevatte een keuze voor ‘{filter}’ die deze pagina niet (meer) kent; de "
        "pagina toont de gebruikelijke keuze.",
        "en": "The link held a choice for ‘{filter}’ that this page does not (or no longer) "
        "offer; the page shows its usual choice.",
    },
    "home.filter_region": {"nl": "Regio", "en": "Region"},
    "home.all_regions": {"nl": "Alle regio's", "en": "All regions"},
    "present.switch": {"nl": "Presentatiemodus", "en": "Presentation mode"},
    "present.switch_help": {
        "nl": "Voor de beamer: zonder zijbalk en filters, met grote letters en grafieken. "
        "Esc of de knop bovenaan sluit de presentatiemodus.",
        "en": "For the projector: no sidebar or filters, large fonts and charts. Esc or the "
        "button at the top leaves presentation mode.",
    },
    "present.leave": {"nl": "Presentatie verlaten (Esc)", "en": "Leave presentation (Esc)"},
    "slide.kind.overzicht": {
        "nl": "Overzicht: Quadruple Aim-tegels", "en": "Overview: Quadruple Aim tiles"},
    "slide.kind.spiegel_funnel": {
        "nl": "Spiegelinformatie: trechter per praktijk",
        "en": "Practice comparison: funnel per practice",
    },
    "slide.kind.spiegel_trend": {
        "nl": "Spiegelinformatie: trend per kwartaal",
        "en": "Practice comparison: quarterly trend",
    },
    "slide.kind.alv_share": {
        "nl": "Anderhalvelijn: aandeel per maand", "en": "Anderhalvelijn: share per month"},
    "slide.kind.alv_funnel": {
        "nl": "Anderhalvelijn: trechter per praktijk",
        "en": "Anderhalvelijn: funnel per practice",
    },
    "slide.kind.pdca_spc": {
        "nl": "PDCA: SPC- of runchart van een indicator",
        "en": "PDCA: SPC or run chart of an indicator",
    },
    "slide.kind.sroi_waterfall": {
        "nl": "SROI: waterval van de maatschappelijke waarde",
        "en": "SROI: waterfall of the social value",
    },
    "slide.filter_replaced": {
        "nl": "De opgeslagen keuze voor ‘{filter}’ is er niet meer; deze dia toont ‘{value}’.",
        "en": "The saved choice for ‘{filter}’ no longer exists; this slide shows ‘{value}’.",
    },
    "slide.title.overzicht": {
        "nl": "Quadruple Aim – {region}", "en": "Quadruple Aim – {region}"},
    "slide.reading.overzicht": {
        "nl": "Elke tegel toont het laatste volledige jaar (tot en met {year}) en de verandering "
        "ten opzichte van het jaar ervoor: groen is beter, rood slechter.",
        "en": "Each tile shows the latest complete year (up to {year}) and the change from the "
        "year before: green is better, red worse.",
    },
    "slide.reading.alv_share": {
        "nl": "In {scope} ging **{share}** van de cardiologische verwijzingen van {first} tot en "
        "met {last} naar anderhalvelijnszorg of e-consult ({alv} van {referrals}; "
        "95%-betrouwbaarheidsinterval {low} – {high}).",
        "en": "In {scope}, **{share}** of cardiology referrals from {first} up to {last} went to "
        "anderhalvelijn care or e-consult ({alv} of {referrals}; 95% confidence interval "
        "{low} – {high}).",
    },
    "pack.error.slides": {
        "nl": "De dia's moeten een lijst zijn.", "en": "The slides must be a list."},
    "pack.error.too_many": {
        "nl": "Een pakket heeft hoogstens {max} dia's.",
        "en": "A pack has at most {max} slides.",
    },
    "pack.error.kind": {
        "nl": "Dia {number}: onbekend soort dia.", "en": "Slide {number}: unknown kind of slide."},
    "pack.error.filters": {
        "nl": "Dia {number}: de filters horen niet bij dit soort dia.",
        "en": "Slide {number}: the filters do not belong to this kind of slide.",
    },
    "pack.error.no_name": {
        "nl": "Geef het pakket een naam.", "en": "Give the pack a name."},
    "pack.error.long_name": {
        "nl": "De naam is langer dan {max} tekens.", "en": "The name is longer than {max} "
        "characters."},
    "pack.error.region": {
        "nl": "Kies een geladen regio.", "en": "Choose a loaded region."},
    "pack.error.duplicate": {
        "nl": "Deze regio heeft al een pakket ‘{name}’; kies een andere naam.",
        "en": "This region already has a pack ‘{name}’; choose another name.",
    },
    "pack.error.gone": {
        "nl": "Dit pakket is intussen verwijderd; sla het op als nieuw pakket.",
        "en": "This pack has been deleted meanwhile; save it as a new pack.",
    },
    "verg.title": {"nl": "Vergadering", "en": "Meeting"},
    "verg.intro": {
        "nl": "Stel een vergaderpakket samen – een reeks grafieken met hun filters – sla het op "
        "en presenteer het op de beamer. Elke dia is ook te openen op zijn eigen pagina.",
        "en": "Put together a meeting pack – a sequence of charts with their filters – save it "
        "and present it on the projector. Every slide can also be opened on its own page.",
    },
    "verg.no_regions": {
        "nl": "Er zijn nog geen regio's geladen; laad eerst gegevens.",
        "en": "No regions are loaded yet; load data first.",
    },
    "verg.pack": {"nl": "Vergaderpakket", "en": "Meeting pack"},
    "verg.new_pack": {"nl": "Nieuw pakket", "en": "New pack"},
    "verg.name": {"nl": "Naam van het pakket", "en": "Name of the pack"},
    "verg.name_placeholder": {
        "nl": "bijv. Stuurgroep maart", "en": "e.g. Steering group March"},
    "verg.region": {"nl": "Regio", "en": "Region"},
    "verg.region_help": {
        "nl": "Alle dia's van het pakket gaan over deze regio.",
        "en": "All slides of the pack are about this region.",
    },
    "verg.slides": {"nl": "Dia's", "en": "Slides"},
    "verg.no_slides": {
        "nl": "Dit pakket heeft nog geen dia's; voeg er hieronder een toe.",
        "en": "This pack has no slides yet; add one below.",
    },
    "verg.up": {"nl": "Naar voren", "en": "Move up"},
    "verg.down": {"nl": "Naar achteren", "en": "Move down"},
    "verg.remove": {"nl": "Dia verwijderen", "en": "Remove slide"},
    "verg.add": {"nl": "Dia toevoegen", "en": "Add a slide"},
    "verg.kind": {"nl": "Soort dia", "en": "Kind of slide"},
    "verg.add_button": {"nl": "Toevoegen", "en": "Add"},
    "verg.save": {"nl": "Opslaan", "en": "Save"},
    "verg.present": {"nl": "Presenteren", "en": "Present"},
    "verg.delete": {"nl": "Pakket verwijderen", "en": "Delete pack"},
    "verg.delete_confirm": {"nl": "Ja, verwijderen", "en": "Yes, delete"},
    "verg.delete_cancel": {"nl": "Annuleren", "en": "Cancel"},
    "verg.unsaved": {
        "nl": "Er zijn niet-opgeslagen wijzigingen.", "en": "There are unsaved changes."},
    "verg.saved": {"nl": "Pakket ‘{name}’ opgeslagen.", "en": "Pack ‘{name}’ saved."},
    "verg.deleted": {"nl": "Pakket ‘{name}’ verwijderd.", "en": "Pack ‘{name}’ deleted."},
    "verg.preview": {"nl": "Voorbeeld", "en": "Preview"},
    "verg.slide": {"nl": "Dia", "en": "Slide"},
    "verg.counter": {"nl": "Dia {number} van {count}", "en": "Slide {number} of {count}"},
    "verg.previous": {"nl": "Vorige", "en": "Previous"},
    "verg.next": {"nl": "Volgende", "en": "Next"},
    "verg.open_page": {"nl": "Open op de pagina", "en": "Open on its page"},
    "verg.keys": {
        "nl": "Tijdens het presenteren: pijltjes links/rechts of PageUp/PageDown (de "
        "presenter) bladeren, Esc stopt.",
        "en": "While presenting: left/right arrows or PageUp/PageDown (the presenter clicker) "
        "step through the slides, Esc stops.",
    },
    # ---- end shareable links, presentation mode and meeting packs -----------------------
    # ---- sign-in, roles, demo mode, access and beheer (issue 7) -------------------------
    "nav.beheer": {"nl": "Beheer", "en": "Administration"},
    "nav.sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "role.huisarts": {"nl": "Huisarts", "en": "GP"},
    "role.cardioloog": {"nl": "Cardioloog", "en": "Cardiologist"},
    "role.coordinator": {"nl": "Netwerkcoördinator", "en": "Network coordinator"},
    "role.verzekeraar": {"nl": "Zorgverzekeraar", "en": "Health insurer"},
    "role.beheerder": {"nl": "Beheerder", "en": "Administrator"},
    "demo.picker": {"nl": "Demo: bekijk als", "en": "Demo: view as"},
    "demo.role": {"nl": "Rol", "en": "Role"},
    "demo.role_help": {
        "nl": "Alleen met synthetische voorbeelddata: kies een rol om te zien wat die rol wel "
        "en niet ziet. Met echte gegevens meldt iedereen zich aan.",
        "en": "Only with synthetic sample data: choose a role to see what it does and does not "
        "see. With real data everyone signs in.",
    },
    "demo.practice": {"nl": "Praktijk", "en": "Practice"},
    "demo.regions": {"nl": "Regio's", "en": "Regions"},
    "demo.no_regions": {
        "nl": "Geen regio gekozen: alle regio's worden gebruikt.",
        "en": "No region chosen: all regions are used.",
    },
    "demo.banner": {
        "nl": "Demomodus — u bekijkt het dashboard als **{role}**, zonder aanmelding. Alleen "
        "synthetische gegevens; wissel van rol in de zijbalk.",
        "en": "Demo mode — you are viewing the dashboard as **{role}**, without signing in. "
        "Synthetic data only; switch roles in the sidebar.",
    },
    "auth.sign_in_first": {
        "nl": "Meld u eerst aan om deze pagina te bekijken.",
        "en": "Please sign in first to view this page.",
    },
    "auth.signed_in_as": {
        "nl": "Aangemeld als {name} ({role})",
        "en": "Signed in as {name} ({role})",
    },
    "auth.sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "auth.expired": {
        "nl": "Uw sessie is verlopen. Meld u opnieuw aan.",
        "en": "Your session has expired. Please sign in again.",
    },
    "auth.idle": {
        "nl": "U bent afgemeld omdat u een tijd niets heeft gedaan. Meld u opnieuw aan.",
        "en": "You were signed out after a period of inactivity. Please sign in again.",
    },
    "auth.account_gone": {
        "nl": "Uw account is uitgeschakeld of bestaat niet meer.",
        "en": "Your account has been disabled or no longer exists.",
    },
    "auth.account_unusable": {
        "nl": "Uw account is niet aan een bestaande praktijk of regio gekoppeld; neem contact op "
        "met de beheerder.",
        "en": "Your account is not linked to an existing practice or region; please contact the "
        "administrator.",
    },
    "auth.oidc_no_account": {
        "nl": "U bent bij de identiteitsprovider aangemeld, maar er is geen actief account voor "
        "uw e-mailadres. Vraag de beheerder om een account.",
        "en": "You are signed in at the identity provider, but there is no active account for "
        "your e-mail address. Ask the administrator for an account.",
    },
    "auth.wrong": {
        "nl": "Gebruikersnaam of wachtwoord onjuist.",
        "en": "Wrong user name or password.",
    },
    "auth.blocked": {
        "nl": "Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.",
        "en": "Too many failed attempts. Please try again in {minutes} minutes.",
    },
    "auth.password_short": {
        "nl": "Het wachtwoord moet minstens {length} tekens lang zijn.",
        "en": "The password must be at least {length} characters long.",
    },
    "auth.password_mismatch": {
        "nl": "De twee wachtwoorden verschillen.",
        "en": "The two passwords differ.",
    },
    "auth.username_invalid": {
        "nl": "Ongeldige gebruikersnaam '{name}': gebruik 2-254 kleine letters, "
        "cijfers of . _ @ + -",
        "en": "Invalid user name '{name}': use 2-254 lower-case letters, digits or . _ @ + -",
    },
    "auth.role_invalid": {
        "nl": "Onbekende rol '{role}'; kies uit {roles}.",
        "en": "Unknown role '{role}'; choose from {roles}.",
    },
    "auth.huisarts_binding": {
        "nl": "Een huisarts hoort bij precies één praktijk (en niet bij regio's).",
        "en": "A GP belongs to exactly one practice (and not to regions).",
    },
    "auth.practice_unknown": {
        "nl": "Praktijk '{practice}' bestaat niet in de database.",
        "en": "Practice '{practice}' does not exist in the database.",
    },
    "auth.practice_only_huisarts": {
        "nl": "Alleen een huisarts hoort bij een praktijk, niet een {role}.",
        "en": "Only a GP belongs to a practice, not a {role}.",
    },
    "auth.regions_needed": {
        "nl": "Een {role} hoort bij minstens één regio.",
        "en": "A {role} belongs to at least one region.",
    },
    "auth.region_unknown": {
        "nl": "Onbekende regio('s): {regions}.",
        "en": "Unknown region(s): {regions}.",
    },
    "auth.beheerder_all_regions": {
        "nl": "Een beheerder werkt voor alle regio's; geef geen regio's op.",
        "en": "An administrator works for all regions; give no regions.",
    },
    "auth.user_exists": {
        "nl": "Gebruiker '{name}' bestaat al.",
        "en": "User '{name}' already exists.",
    },
    "auth.user_unknown": {
        "nl": "Gebruiker '{name}' bestaat niet.",
        "en": "User '{name}' does not exist.",
    },
    "auth.not_yourself": {
        "nl": "U kunt uw eigen account niet uitschakelen.",
        "en": "You cannot disable your own account.",
    },
    "access.region_denied": {
        "nl": "U heeft geen toegang tot de gegevens van regio {region}.",
        "en": "You have no access to the data of region {region}.",
    },
    "access.practice_level_denied": {
        "nl": "Uw rol ziet alleen regionale totalen, geen gegevens per praktijk.",
        "en": "Your role sees regional totals only, no data per practice.",
    },
    "access.region_practices_denied": {
        "nl": "Gegevens per praktijk zijn alleen zichtbaar voor uw eigen regio('s); van regio "
        "{region} ziet u de regionale totalen.",
        "en": "Data per practice are shown for your own region(s) only; for region {region} "
        "you see the regional totals.",
    },
    "access.edit_denied": {
        "nl": "U mag de gegevens van regio {region} niet wijzigen.",
        "en": "You may not change the data of region {region}.",
    },
    "access.no_practice_regions": {
        "nl": "Er is geen regio waarvan u gegevens per praktijk mag zien.",
        "en": "There is no region whose practice-level data you may see.",
    },
    "access.beheer_only": {
        "nl": "Deze pagina is alleen voor beheerders.",
        "en": "This page is for administrators only.",
    },
    "access.beheer_demo": {
        "nl": "In de demomodus kunnen geen accounts worden gewijzigd.",
        "en": "Accounts cannot be changed in demo mode.",
    },
    "signin.title": {"nl": "Aanmelden", "en": "Sign in"},
    "signin.intro": {
        "nl": "Het dashboard bevat gegevens van echte praktijken. Meld u aan met het account "
        "dat de beheerder van uw netwerk voor u heeft gemaakt.",
        "en": "The dashboard holds data of real practices. Sign in with the account your "
        "network's administrator made for you.",
    },
    "signin.oidc": {
        "nl": "Aanmelden via uw organisatie",
        "en": "Sign in through your organisation",
    },
    "signin.oidc_help": {
        "nl": "Of meld u hieronder aan met gebruikersnaam en wachtwoord.",
        "en": "Or sign in below with user name and password.",
    },
    "signin.username": {"nl": "Gebruikersnaam", "en": "User name"},
    "signin.password": {"nl": "Wachtwoord", "en": "Password"},
    "signin.submit": {"nl": "Aanmelden", "en": "Sign in"},
    "signin.footer": {
        "nl": "Na een aantal mislukte pogingen wordt aanmelden tijdelijk geblokkeerd. Elke "
        "aanmelding wordt vastgelegd in het auditlogboek.",
        "en": "After several failed attempts signing in is blocked for a while. Every sign-in "
        "is recorded in the audit log.",
    },
    "beheer.title": {"nl": "Beheer", "en": "Administration"},
    "beheer.intro": {
        "nl": "Accounts en hun rechten, en het auditlogboek: wie wanneer heeft aangemeld, "
        "gegevens geladen of geëxporteerd.",
        "en": "Accounts and their rights, and the audit log: who signed in, loaded or exported "
        "data, and when.",
    },
    "beheer.tab.users": {"nl": "Accounts", "en": "Accounts"},
    "beheer.tab.audit": {"nl": "Auditlogboek", "en": "Audit log"},
    "beheer.col.username": {"nl": "Gebruikersnaam", "en": "User name"},
    "beheer.col.display_name": {"nl": "Naam", "en": "Name"},
    "beheer.col.role": {"nl": "Rol", "en": "Role"},
    "beheer.col.practice": {"nl": "Praktijk", "en": "Practice"},
    "beheer.col.regions": {"nl": "Regio's", "en": "Regions"},
    "beheer.col.active": {"nl": "Actief", "en": "Active"},
    "beheer.col.updated_at": {"nl": "Gewijzigd (UTC)", "en": "Changed (UTC)"},
    "beheer.col.at": {"nl": "Tijdstip (UTC)", "en": "Time (UTC)"},
    "beheer.col.event": {"nl": "Gebeurtenis", "en": "Event"},
    "beheer.col.client": {"nl": "Client", "en": "Client"},
    "beheer.col.detail": {"nl": "Details", "en": "Details"},
    "beheer.users_about": {
        "nl": "Een huisarts ziet de eigen praktijk bij naam en de andere praktijken van de regio "
        "onder pseudoniem; cardiologen en coördinatoren zien de praktijken van hun regio's onder "
        "pseudoniem; verzekeraars zien alleen regionale totalen van hun regio's; beheerders "
        "laden gegevens en beheren accounts. Aantallen van 1 tot en met 9 worden buiten de "
        "eigen praktijk als \"<10\" getoond.",
        "en": "A GP sees their own practice by name and the region's other practices under a "
        "pseudonym; cardiologists and coordinators see the practices of their regions under "
        "pseudonyms; insurers see regional totals of their regions only; administrators load "
        "data and manage accounts. Counts from 1 to 9 are shown as \"<10\" outside the own "
        "practice.",
    },
    "beheer.demo_read_only": {
        "nl": "In de demomodus zijn accounts alleen te bekijken. Maak accounts met "
        "`python -m dashboard.users add`.",
        "en": "In demo mode accounts can only be viewed. Create accounts with "
        "`python -m dashboard.users add`.",
    },
    "beheer.add.title": {"nl": "Account toevoegen", "en": "Add an account"},
    "beheer.username_help": {
        "nl": "Kleine letters, cijfers en . _ @ + -; voor aanmelden via de organisatie (OIDC) "
        "het e-mailadres.",
        "en": "Lower-case letters, digits and . _ @ + -; for signing in through the "
        "organisation (OIDC) the e-mail address.",
    },
    "beheer.password": {"nl": "Wachtwoord", "en": "Password"},
    "beheer.password_help": {
        "nl": "Minstens {length} tekens. Leeg laten: het account meldt alleen aan via de "
        "organisatie (OIDC).",
        "en": "At least {length} characters. Leave empty: the account signs in through the "
        "organisation (OIDC) only.",
    },
    "beheer.new_password": {"nl": "Nieuw wachtwoord", "en": "New password"},
    "beheer.add.submit": {"nl": "Toevoegen", "en": "Add"},
    "beheer.add.done": {"nl": "Account '{name}' toegevoegd.", "en": "Account '{name}' added."},
    "beheer.change.title": {"nl": "Account wijzigen", "en": "Change an account"},
    "beheer.disable": {"nl": "Uitschakelen", "en": "Disable"},
    "beheer.enable": {"nl": "Inschakelen", "en": "Enable"},
    "beheer.reset": {"nl": "Nieuw wachtwoord instellen", "en": "Set new password"},
    "beheer.enabled": {"nl": "Account '{name}' ingeschakeld.", "en": "Account '{name}' enabled."},
    "beheer.disabled": {
        "nl": "Account '{name}' uitgeschakeld.",
        "en": "Account '{name}' disabled.",
    },
    "beheer.reset_done": {
        "nl": "Nieuw wachtwoord ingesteld voor '{name}'.",
        "en": "New password set for '{name}'.",
    },
    "beheer.cli_hint": {
        "nl": "Ook vanaf de opdrachtregel: `python -m dashboard.users add|change|disable|enable|"
        "reset-password|list`.",
        "en": "Also from the command line: `python -m dashboard.users add|change|disable|enable|"
        "reset-password|list`.",
    },
    "beheer.filter_events": {"nl": "Alleen deze gebeurtenissen", "en": "Only these events"},
    "beheer.audit_about": {
        "nl": "De nieuwste 500 regels. Mislukte aanmeldingen tellen mee voor de blokkade per "
        "account en per client. Het laden van gegevens wordt vastgelegd door `python -m etl "
        "load`; exports bij elke klik op een downloadknop.",
        "en": "The newest 500 entries. Failed sign-ins count towards the block per account and "
        "per client. Data loads are recorded by `python -m etl load`; exports at every click on "
        "a download button.",
    },
    "audit.event.sign_in": {"nl": "aangemeld", "en": "signed in"},
    "audit.event.sign_in_failed": {"nl": "aanmelden mislukt", "en": "sign-in failed"},
    "audit.event.sign_in_blocked": {"nl": "aanmelden geblokkeerd", "en": "sign-in blocked"},
    "audit.event.sign_out": {"nl": "afgemeld", "en": "signed out"},
    "audit.event.session_expired": {"nl": "sessie verlopen", "en": "session expired"},
    "audit.event.data_load": {"nl": "gegevens geladen", "en": "data loaded"},
    "audit.event.export": {"nl": "export", "en": "export"},
    "audit.event.user_added": {"nl": "account toegevoegd", "en": "account added"},
    "audit.event.user_changed": {"nl": "account gewijzigd", "en": "account changed"},
    "audit.event.user_disabled": {"nl": "account uitgeschakeld", "en": "account disabled"},
    "audit.event.user_enabled": {"nl": "account ingeschakeld", "en": "account enabled"},
    "audit.event.password_reset": {"nl": "wachtwoord ingesteld", "en": "password set"},
    "spiegel.practice_pseudonyms": {
        "nl": "Alle praktijken onder pseudoniem",
        "en": "All practices under a pseudonym",
    },
    "spiegel.funnel_hidden": {
        "nl": "{count} praktijk(en) met 1 tot {max} verwijzingen staan niet in de trechter: uit "
        "hun positie zou het aantal af te leiden zijn.",
        "en": "{count} practice(s) with 1 to {max} referrals are not in the funnel: their "
        "position would give the count away.",
    },
    "pdca.read_only": {
        "nl": "U kunt het register van {region} bekijken; wijzigen is voorbehouden aan de "
        "coördinatoren en cardiologen van de regio.",
        "en": "You can view the register of {region}; changing it is reserved for the region's "
        "coordinators and cardiologists.",
    },
    # ---- end sign-in, roles, demo mode, access and beheer -------------------------------
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
