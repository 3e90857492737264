"""The dataset's vocabularies: entity types, link types, statuses and fields.

Every closed list the schema uses lives here, so that the loader, the
commands and the README read one definition.

Examples
--------
>>> LINK_TYPES["funds"].label_for(forward=False)
'funded by'
>>> LINK_TYPES["family"].symmetric
True
>>> "reported" in STATUSES
True
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ENTITY_TYPES",
    "STATUSES",
    "KINDS",
    "TIMINGS",
    "LinkType",
    "LINK_TYPES",
    "ACCUSATION_TYPES",
    "SOURCE_FIELDS",
    "ENTITY_FIELDS",
    "LINK_FIELDS",
    "ENTITY_DATE_FIELDS",
    "COUNTRIES",
    "CURRENCIES",
]

#: Kinds of actor. ``event`` covers congresses, conferences, forums and
#: exhibitions where actors meet or act together.
ENTITY_TYPES: tuple[str, ...] = (
    "person",
    "organization",
    "company",
    "public_body",
    "media",
    "event",
)

#: How far a link is established, from firm to not yet real.
#:
#: ``reported``: stated as fact by the source. ``alleged``: an accusation,
#: charge or unproven claim. ``disputed``: a claim its subject denies or that
#: sources contradict. ``planned``: announced but not (yet) carried out.
STATUSES: tuple[str, ...] = ("reported", "alleged", "disputed", "planned")

#: What a tie means for the network. ``affiliation``: a channel of influence
#: (leads, funds, member of, attended, family...); ``adversarial``: one side
#: acts against the other (sanctioned, charged, opposes...); ``coverage``: a
#: publication wrote about the other side. Paths and measures follow
#: affiliation ties by default: a sanction or a news report is evidence, not a
#: channel.
KINDS: tuple[str, ...] = ("affiliation", "adversarial", "coverage")

#: How a link sits in time. An ``act`` happens on one date (its ``start``);
#: a ``state`` holds over an interval (``start`` to ``end``, open when absent).
TIMINGS: tuple[str, ...] = ("act", "state")


class LinkType(NamedTuple):
    """One relation type: its labels, its kind and how it sits in time.

    Parameters
    ----------
    name : str
        The identifier used in ``links.yaml``.
    forward : str
        Label read from ``source`` to ``target`` ("funds").
    backward : str
        Label read from ``target`` to ``source`` ("funded by").
    symmetric : bool
        True when direction carries no meaning (``family``, ``associate``).
    accusation : bool
        True when a link of this type records an accusation, so its status
        must not be ``reported``.
    kind : str
        One of :data:`KINDS`.
    timing : str
        One of :data:`TIMINGS`.

    Examples
    --------
    >>> LinkType("funds", "funds", "funded by").label_for(forward=True)
    'funds'
    >>> LINK_TYPES["sanctioned"].kind, LINK_TYPES["sanctioned"].timing
    ('adversarial', 'act')
    """

    name: str
    forward: str
    backward: str
    symmetric: bool = False
    accusation: bool = False
    kind: str = "affiliation"
    timing: str = "state"

    def label_for(self, forward: bool) -> str:
        """Return the label read in one direction."""
        return self.forward if forward or self.symmetric else self.backward


ACT, ADVERSARIAL, COVERAGE = "act", "adversarial", "coverage"


def _types(*rows: LinkType) -> dict[str, LinkType]:
    return {row.name: row for row in rows}


#: Relation types. Direction: ``source`` does ``forward`` to ``target``.
LINK_TYPES: dict[str, LinkType] = _types(
    # leadership, structure, ownership
    LinkType("leads", "leads", "led by"),
    LinkType("officer_of", "officer of", "has officer"),
    LinkType("founded", "founded", "founded by", timing=ACT),
    LinkType("founded_at", "was founded at", "was the founding event of", timing=ACT),
    LinkType("member_of", "member of", "has member"),
    LinkType("citizen_of", "citizen of", "has as citizen"),
    LinkType("honorary_member_of", "honorary member of", "has honorary member"),
    LinkType("part_of", "part of", "has part"),
    LinkType("owns", "owns", "owned by"),
    LinkType("controls", "controls", "controlled by"),
    LinkType("operates", "operates", "operated by"),
    LinkType("employs", "employs", "works for"),
    LinkType("registered_with", "registered with", "registered"),
    LinkType("studied_at", "studied at", "educated"),
    LinkType("ideologue_of", "ideologue of", "has as ideologue"),
    # money
    LinkType("funds", "funds", "funded by", timing=ACT),
    LinkType("contracted", "awarded a contract to", "won a contract from", timing=ACT),
    # events
    LinkType("organized", "organized", "organized by", timing=ACT),
    LinkType("attended", "attended", "attended by", timing=ACT),
    LinkType("spoke_at", "spoke at", "had as speaker", timing=ACT),
    # people and groups
    LinkType("family", "family of", "family of", symmetric=True),
    LinkType("associate", "associate of", "associate of", symmetric=True),
    LinkType("met", "met", "met", symmetric=True, timing=ACT),
    LinkType("cooperates_with", "cooperates with", "cooperates with", symmetric=True),
    LinkType("represents", "represents", "represented by"),
    LinkType("supports", "supports", "supported by"),
    LinkType("advocated_for", "advocated for", "championed by"),
    LinkType("opposes", "opposes", "opposed by", kind=ADVERSARIAL),
    LinkType("clashed_with", "clashed with", "clashed with", symmetric=True, kind=ADVERSARIAL, timing=ACT),
    # influence operations: who sought to sway whom
    LinkType("targeted", "sought to influence", "targeted by", kind=ADVERSARIAL),
    # state acts
    LinkType("appointed", "appointed", "appointed by", timing=ACT),
    LinkType("awarded", "awarded", "received an award from", timing=ACT),
    LinkType("sanctioned", "sanctioned", "sanctioned by", kind=ADVERSARIAL, timing=ACT),
    LinkType("banned_entry", "barred the entry of", "barred from entry by", kind=ADVERSARIAL, timing=ACT),
    LinkType("charged", "charged", "charged by", accusation=True, kind=ADVERSARIAL, timing=ACT),
    LinkType("convicted", "convicted", "convicted by", kind=ADVERSARIAL, timing=ACT),
    LinkType("accused", "accused", "accused by", accusation=True, kind=ADVERSARIAL, timing=ACT),
    LinkType("acted_for", "acted on behalf of", "had as agent", accusation=True),
    LinkType("offered_reward", "offered a reward concerning", "subject of a reward offer by",
             kind=ADVERSARIAL, timing=ACT),
    LinkType("designated", "designated", "designated by", kind=ADVERSARIAL, timing=ACT),
    LinkType("blacklisted_documents_of", "blacklisted documents issued by",
             "had documents blacklisted by", kind=ADVERSARIAL, timing=ACT),
    LinkType("complained_about", "complained about", "was complained about by",
             kind=ADVERSARIAL, timing=ACT),
    LinkType("complained_to", "complained to", "received a complaint from", timing=ACT),
    LinkType("informed", "informed", "was informed by", timing=ACT),
    # media
    LinkType("appeared_in", "appeared in", "featured", kind=COVERAGE, timing=ACT),
    LinkType("reported_on", "reported on", "was reported on by", kind=COVERAGE, timing=ACT),
    LinkType("commented_on", "commented publicly on", "was commented on by", kind=COVERAGE, timing=ACT),
)

#: Link types that record accusations (their status is never ``reported``).
ACCUSATION_TYPES: frozenset[str] = frozenset(
    name for name, kind in LINK_TYPES.items() if kind.accusation
)

#: Fields allowed in each file; ``True`` marks the required ones.
SOURCE_FIELDS: dict[str, bool] = {
    "id": True,
    "title": True,
    "publisher": True,
    "date": True,  # may be null: the document gives no date
    "url": False,
    "authors": False,
    "note": False,
    # The document that quotes this publication, when it was not read directly.
    "cited_in": False,
}

ENTITY_FIELDS: dict[str, bool] = {
    "id": True,
    "name": True,
    "type": True,
    "aliases": False,
    "country": False,
    "born": False,
    "founded": False,
    "date": False,
    "place": False,
    "summary": False,
    "tags": False,
    "sources": True,
}

LINK_FIELDS: dict[str, bool] = {
    "id": False,
    "source": True,
    "target": True,
    "type": True,
    "status": True,
    "start": False,
    "end": False,
    "role": False,
    "amount": False,
    "currency": False,
    "summary": False,
    # Links that are competing accounts of one fact share this slug.
    "account_of": False,
    "sources": True,
}

#: Which date field fits which entity type.
ENTITY_DATE_FIELDS: dict[str, frozenset[str]] = {
    "born": frozenset({"person"}),
    "founded": frozenset({"organization", "company", "public_body", "media"}),
    "date": frozenset({"event"}),
    "place": frozenset({"event"}),
}

#: ISO 3166-1 alpha-2 codes.
COUNTRIES: frozenset[str] = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL
    BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV
    CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD
    GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
    IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK
    LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW
    MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR
    PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
    ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY
    UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

#: ISO 4217 codes of the currencies amounts may be given in.
CURRENCIES: frozenset[str] = frozenset(
    """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB
    EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR
    ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
    MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR
    PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
    SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
    UZS VED VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG
    """.split()
)
