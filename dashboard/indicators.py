"""The indicator catalogue (DOMAIN.md section 4): the fixed set every view draws from.

This module is the single definition; ``dashboard.database.init_db`` mirrors it into the
``indicator`` table so SQL users and exports see the same definitions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class IndicatorDefinition:
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

    def as_row(self) -> dict[str, str]:
        return asdict(self)


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
        method="Mediaan; aandeel binnen de treeknorm (4 weken) met Wilson-interval",
        chart="xmr",
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
    ),
)

BY_CODE: dict[str, IndicatorDefinition] = {indicator.code: indicator for indicator in CATALOGUE}


def get(code: str) -> IndicatorDefinition:
    try:
        return BY_CODE[code]
    except KeyError:
        known = ", ".join(BY_CODE)
        raise ValueError(f"unknown indicator {code!r}; known indicators: {known}") from None
