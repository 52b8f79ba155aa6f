"""The indicator catalogue (DOMAIN.md section 4): the fixed set every view draws from.

This module is the single definition; ``dashboard.database.init_db`` mirrors it into the
``indicator`` table so SQL users and exports see the same definitions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class IndicatorDefinition:
    """One indicator. The plain text fields are Dutch (the ``indicator`` table mirrors them);
    the ``*_en`` fields are their English versions, and ``definition_*`` says in a sentence or
    two what the indicator measures. :meth:`text` picks a field in a language."""

    code: str
    name_nl: str
    name_en: str
    numerator: str
    denominator: str
    unit: str
    direction: str  # higher | lower | neutral: which way is an improvement
    source: str
    method: str
    chart: str  # SPC chart for PDCA trends: xmr | p | u
    caveats: str = ""
    definition_nl: str = ""
    definition_en: str = ""
    numerator_en: str = ""
    denominator_en: str = ""
    unit_en: str = ""
    source_en: str = ""
    method_en: str = ""
    caveats_en: str = ""

    def as_row(self) -> dict[str, str]:
        """The columns of the ``indicator`` table (Dutch texts; it has no English columns)."""
        return {k: v for k, v in asdict(self).items() if k in _TABLE_COLUMNS}

    def text(self, field: str, lang: str = "nl") -> str:
        """``field`` ("name", "definition", "numerator", "denominator", "unit", "source",
        "method" or "caveats") in ``lang``; English falls back to Dutch where not written."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
        if field in ("name", "definition"):
            return getattr(self, f"{field}_{lang}") or getattr(self, f"{field}_nl")
        if field not in _TRANSLATED:
            raise ValueError(f"unknown field {field!r}; use name, definition or {_TRANSLATED}")
        if lang == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)


_TRANSLATED = ("numerator", "denominator", "unit", "source", "method", "caveats")
# The columns of models.Indicator; the English texts and the definitions live here only.
_TABLE_COLUMNS = frozenset(
    ("code", "name_nl", "name_en", "numerator", "denominator", "unit", "direction", "source",
     "method", "chart", "caveats")
)


CATALOGUE: tuple[IndicatorDefinition, ...] = (
    IndicatorDefinition(
        code="VERW_CARD",
        name_nl="Verwijzingen cardiologie",
        name_en="Cardiology referral rate",
        numerator="Verwijzingen naar cardiologie (alle bestemmingen)",
        denominator="Ingeschreven patiëntjaren",
        unit="per 1.000 per jaar; ook indirect gestandaardiseerd (O/V x 100)",
        direction="neutral",
        source="Verwijzingen en praktijkpopulatie (HIS-extractie)",
        method="Exact Poisson-interval (Garwood 1936); indirecte standaardisatie naar "
        "leeftijdsgroep x geslacht; funnelplot (Spiegelhalter 2005)",
        chart="u",
        caveats="Meer of minder verwijzen is niet vanzelf beter of slechter; bespreek de "
        "uitkomst met het verhaal erachter.",
        definition_nl="Hoe vaak huisartsen patiënten naar cardiologische zorg verwijzen "
        "(ziekenhuis, anderhalvelijn of e-consult), per 1.000 ingeschreven patiënten per jaar.",
        definition_en="How often GPs refer patients to cardiology care (hospital, anderhalvelijn "
        "or e-consult), per 1,000 listed patients per year.",
        numerator_en="Referrals to cardiology (all destinations)",
        denominator_en="Listed patient-years",
        unit_en="per 1,000 per year; also indirectly standardised (O/E x 100)",
        source_en="Referrals and practice population (GP information system extract)",
        method_en="Exact Poisson interval (Garwood 1936); indirect standardisation by age band x "
        "sex; funnel plot (Spiegelhalter 2005)",
        caveats_en="Referring more or less is not in itself better or worse; discuss the result "
        "together with the story behind it.",
    ),
    IndicatorDefinition(
        code="VERW_ZH",
        name_nl="Verwijzingen naar ziekenhuiscardiologie",
        name_en="Hospital cardiology referral rate",
        numerator="Verwijzingen naar de cardioloog in het ziekenhuis",
        denominator="Ingeschreven patiëntjaren",
        unit="per 1.000 per jaar; O/V x 100",
        direction="lower",
        source="Verwijzingen en praktijkpopulatie (HIS-extractie)",
        method="Exact Poisson-interval; indirecte standaardisatie; funnelplot",
        chart="u",
        caveats="Lager is alleen beter als de zorg elders (anderhalvelijn, e-consult) "
        "passend is geleverd.",
        definition_nl="Hoe vaak huisartsen patiënten naar de cardioloog in het ziekenhuis "
        "verwijzen, per 1.000 ingeschreven patiënten per jaar.",
        definition_en="How often GPs refer patients to the hospital cardiologist, per 1,000 listed "
        "patients per year.",
        numerator_en="Referrals to the hospital cardiologist",
        denominator_en="Listed patient-years",
        unit_en="per 1,000 per year; O/E x 100",
        source_en="Referrals and practice population (GP information system extract)",
        method_en="Exact Poisson interval; indirect standardisation; funnel plot",
        caveats_en="Lower is only better when the care elsewhere (anderhalvelijn, e-consult) was "
        "appropriate.",
    ),
    IndicatorDefinition(
        code="ALV_AANDEEL",
        name_nl="Aandeel anderhalvelijn en e-consult",
        name_en="Anderhalvelijn and e-consult share",
        numerator="Verwijzingen naar anderhalvelijn of e-consult",
        denominator="Alle verwijzingen cardiologie",
        unit="%",
        direction="higher",
        source="Verwijzingen",
        method="Wilson-scoreinterval (Wilson 1927; Newcombe 1998); p-kaart",
        chart="p",
        caveats="Een regio zonder anderhalvelijn heeft vanzelf een aandeel van (bijna) nul.",
        definition_nl="Welk deel van de cardiologische verwijzingen naar de anderhalvelijn of een "
        "e-consult gaat in plaats van naar het ziekenhuis.",
        definition_en="The share of cardiology referrals that go to anderhalvelijn care or an "
        "e-consult instead of the hospital.",
        numerator_en="Referrals to anderhalvelijn or e-consult",
        denominator_en="All cardiology referrals",
        source_en="Referrals",
        method_en="Wilson score interval (Wilson 1927; Newcombe 1998); p-chart",
        caveats_en="A region without anderhalvelijn care has a share of (almost) zero by design.",
    ),
    IndicatorDefinition(
        code="ALV_AFGEHANDELD",
        name_nl="Afgehandeld in de anderhalvelijn",
        name_en="Resolved in anderhalvelijn care",
        numerator="Anderhalvelijnepisodes zonder verwijzing naar het ziekenhuis binnen 6 maanden",
        denominator="Anderhalvelijnepisodes met 6 maanden follow-up",
        unit="%",
        direction="higher",
        source="Verwijzingen en consulten",
        method="Wilson-scoreinterval; p-kaart",
        chart="p",
        caveats="Alleen episodes met ten minste 6 maanden follow-up tellen mee.",
        definition_nl="Welk deel van de patiënten in de anderhalvelijn binnen 6 maanden zonder "
        "verwijzing naar het ziekenhuis is afgehandeld (de seeds noemen meer dan 80%).",
        definition_en="The share of anderhalvelijn patients whose care ended without a hospital "
        "referral within 6 months (the source documents report more than 80%).",
        numerator_en="Anderhalvelijn episodes without a hospital referral within 6 months",
        denominator_en="Anderhalvelijn episodes with 6 months of follow-up",
        source_en="Referrals and consults",
        method_en="Wilson score interval; p-chart",
        caveats_en="Only episodes with at least 6 months of follow-up count, so the latest months "
        "are not in yet.",
    ),
    IndicatorDefinition(
        code="WACHTTIJD",
        name_nl="Wachttijd tot eerste consult",
        name_en="Waiting time to first consult",
        numerator="Dagen van verwijzing tot eerste consult (mediaan); consulten binnen 4 weken",
        denominator="Verwijzingen met een eerste consult",
        unit="dagen / %",
        direction="lower",
        source="Verwijzingen en consulten",
        method="Mediaan met verdelingsvrij interval (rangordestatistieken); aandeel binnen de "
        "treeknorm (4 weken) met Wilson-interval",
        chart="xmr",
        caveats="Een verwijsmaand telt mee zodra er 13 weken na het einde van de maand voorbij "
        "zijn, zodat patiënten die nog wachten de mediaan niet te kort laten lijken.",
        definition_nl="Hoe lang patiënten wachten van verwijzing tot eerste consult: de mediaan in "
        "dagen, en het aandeel dat binnen de treeknorm van 4 weken wordt gezien.",
        definition_en="How long patients wait from referral to the first consult: the median in "
        "days, and the share seen within the accepted 4 weeks (treeknorm).",
        numerator_en="Days from referral to first consult (median); first consults within 4 weeks",
        denominator_en="Referrals with a first consult",
        unit_en="days / %",
        source_en="Referrals and consults",
        method_en="Median with a distribution-free (order-statistic) interval; share within the "
        "treeknorm (4 weeks) with Wilson interval",
        caveats_en="A referral month counts once 13 weeks have passed since its end, so that "
        "patients still waiting do not make the median look too short.",
    ),
    IndicatorDefinition(
        code="RTA_CONFORM",
        name_nl="RTA-conforme verwijzingen",
        name_en="RTA-conform referrals",
        numerator="Verwijzingen die voldoen aan de regionale transmurale afspraak",
        denominator="Verwijzingen",
        unit="%",
        direction="higher",
        source="Verwijzingen",
        method="Wilson-scoreinterval; p-kaart",
        chart="p",
        caveats="Regio's met verschillende afspraken worden aan verschillende criteria getoetst.",
        definition_nl="Welk deel van de verwijzingen voldoet aan de criteria van de regionale "
        "transmurale afspraak (RTA).",
        definition_en="The share of referrals that meet the criteria of the regional transmural "
        "agreement (RTA).",
        numerator_en="Referrals meeting the regional transmural agreement",
        denominator_en="Referrals",
        source_en="Referrals",
        method_en="Wilson score interval; p-chart",
        caveats_en="Regions with different agreements score against different criteria.",
    ),
    IndicatorDefinition(
        code="KOSTEN_PP",
        name_nl="Kosten per patiënt",
        name_en="Cost per patient",
        numerator="Kosten van cardiologische zorg per setting",
        denominator="Verwezen patiënten per setting",
        unit="EUR",
        direction="lower",
        source="Kosten en verwijzingen",
        method="Verhouding; XmR-kaart voor trends",
        chart="xmr",
        caveats="Kostentotalen hebben geen steekproefinterval, dus regio's worden niet getoetst "
        "tegen de benchmark; programmakosten (coördinatie, ICT, scholing) zijn niet per patiënt "
        "en tellen niet mee.",
        definition_nl="De kosten van cardiologische zorg (kostensoort zorg, alle settings en "
        "betalers) per verwezen patiënt.",
        definition_en="The cost of cardiology care (cost type care, all settings and payers) per "
        "referred patient.",
        numerator_en="Cost of cardiology care per setting",
        denominator_en="Referred patients per setting",
        source_en="Costs and referrals",
        method_en="Ratio; XmR chart for trends",
        caveats_en="Cost totals have no sampling interval, so regions are not tested against the "
        "benchmark; programme costs (coordination, ICT, training) are not per patient and stay "
        "out.",
    ),
    IndicatorDefinition(
        code="KOSTEN_INW",
        name_nl="Kosten per inwoner",
        name_en="Cost per inhabitant",
        numerator="Regionale kosten van cardiologische zorg",
        denominator="Inwoners",
        unit="EUR per inwoner per jaar",
        direction="lower",
        source="Kosten en inwoneraantallen",
        method="Verhouding; XmR-kaart voor trends",
        chart="xmr",
        caveats="Kosten worden jaarlijks beoordeeld; een totaal heeft geen steekproefinterval, dus "
        "regio's worden niet getoetst tegen de benchmark.",
        definition_nl="Alle regionale kosten van cardiologische zorg en het netwerkprogramma, per "
        "inwoner per jaar.",
        definition_en="All regional cost of cardiology care and the network programme, per "
        "inhabitant per year.",
        numerator_en="Regional cost of cardiology care",
        denominator_en="Inhabitants",
        unit_en="EUR per inhabitant per year",
        source_en="Costs and population figures",
        method_en="Ratio; XmR chart for trends",
        caveats_en="Costs are reviewed yearly; a total has no sampling interval, so regions are "
        "not tested against the benchmark.",
    ),
    IndicatorDefinition(
        code="TEVREDENHEID",
        name_nl="Patiënttevredenheid",
        name_en="Patient satisfaction",
        numerator="Gemiddeld rapportcijfer (1-10)",
        denominator="Consulten met een ingevuld cijfer",
        unit="cijfer",
        direction="higher",
        source="Consulten",
        method="Gemiddelde met t-interval; XmR-kaart",
        chart="xmr",
        caveats="Alleen patiënten die een cijfer gaven tellen mee; de respons kan per setting "
        "verschillen.",
        definition_nl="Het gemiddelde rapportcijfer (1-10) dat patiënten na een consult geven.",
        definition_en="The mean score (1-10) patients give after a consult.",
        numerator_en="Mean score (1-10)",
        denominator_en="Consults with a score",
        unit_en="score",
        source_en="Consults",
        method_en="Mean with t-interval; XmR chart",
        caveats_en="Only patients who filled in a score count; response can differ between "
        "settings.",
    ),
    IndicatorDefinition(
        code="WERKPLEZIER",
        name_nl="Werkplezier professionals",
        name_en="Professional satisfaction",
        numerator="Gemiddeld cijfer in de jaarlijkse enquête",
        denominator="Respondenten",
        unit="cijfer",
        direction="higher",
        source="Enquête professionals",
        method="Gemiddelde met t-interval",
        chart="xmr",
        caveats="Een jaarlijkse enquête: één waarde per jaar, en wie reageert kan wisselen.",
        definition_nl="Het gemiddelde cijfer voor werkplezier in de jaarlijkse enquête onder "
        "huisartsen, cardiologen en andere professionals in het netwerk.",
        definition_en="The mean job-satisfaction score in the yearly survey of GPs, cardiologists "
        "and other professionals in the network.",
        numerator_en="Mean score in the yearly survey",
        denominator_en="Respondents",
        unit_en="score",
        source_en="Professionals' survey",
        method_en="Mean with t-interval",
        caveats_en="A yearly survey: one value per year, and who responds can change.",
    ),
    IndicatorDefinition(
        code="OPNAME_HF",
        name_nl="Opnames hartfalen",
        name_en="Heart-failure admissions",
        numerator="Ziekenhuisopnames voor hartfalen",
        denominator="Inwoners van 18 jaar en ouder",
        unit="per 1.000 per jaar",
        direction="lower",
        source="Ziekenhuisopnames",
        method="Exact Poisson-interval; u-kaart",
        chart="u",
        caveats="Niet gestandaardiseerd naar leeftijd; een regio met oudere inwoners heeft meer "
        "opnames.",
        definition_nl="Ziekenhuisopnames voor hartfalen per 1.000 inwoners van 18 jaar en ouder "
        "per jaar.",
        definition_en="Hospital admissions for heart failure per 1,000 inhabitants aged 18 and "
        "over per year.",
        numerator_en="Hospital admissions for heart failure",
        denominator_en="Inhabitants aged 18 and over",
        unit_en="per 1,000 per year",
        source_en="Hospital admissions",
        method_en="Exact Poisson interval; u-chart",
        caveats_en="Not standardised for age; a region with older inhabitants has more admissions.",
    ),
)

BY_CODE: dict[str, IndicatorDefinition] = {indicator.code: indicator for indicator in CATALOGUE}


def get(code: str) -> IndicatorDefinition:
    try:
        return BY_CODE[code]
    except KeyError:
        known = ", ".join(BY_CODE)
        raise ValueError(f"unknown indicator {code!r}; known indicators: {known}") from None
