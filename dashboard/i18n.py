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
