"""One table for both directions between FollowTheMoney and imrnet.

Entities: each FtM schema on the left becomes the imrnet type on the right,
and back. ``LegalEntity`` (used when the data does not say what a party is)
is read as an organization; a ``media`` entity is written as an FtM
``Organization`` classified ``media`` and read back as media.

Links: FtM keeps a relation as an interval entity whose two properties name
its ends (``Ownership``: ``owner`` owns ``asset``). :data:`RELATIONS` lists,
for each pair of FtM schema and imrnet link type, the property holding the
link's ``source``, the one holding its ``target`` and the FtM schema each end
must be (the property's range). Reading, the first row of a schema gives its
link type; writing, the first row of a type whose ranges fit the two ends
is used, else an ``UnknownLink``. An exported link also carries its exact
imrnet type, status and id in FtM's ``recordId`` (``imrnet:TYPE:STATUS:ID``)
so that importing an export gives back the same graph.

Events keep their ties as properties of the event: ``organizer`` (an
``organized`` link to the event) and ``involved`` (``attended``). A
``Sanction`` names its target in ``entity`` and its authority as text.

Examples
--------
>>> ENTITY_TYPE["PublicBody"], SCHEMA["public_body"]
('public_body', 'PublicBody')
>>> relation_for("Ownership").type, relation_for("Ownership").source
('owns', 'owner')
>>> [r.schema for r in relations_of("associate")]
['Associate', 'UnknownLink']
>>> fits("Company", "Asset"), fits("Organization", "Asset")
(True, False)
>>> parse_marker("imrnet:leads:reported:alexander-ionov~leads~agmr~2011")
('leads', 'reported', 'alexander-ionov~leads~agmr~2011')
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "SCHEMA",
    "ENTITY_TYPE",
    "MEDIA",
    "ANCESTORS",
    "Relation",
    "RELATIONS",
    "FALLBACK",
    "EVENT_ROLES",
    "SANCTION_TYPES",
    "ALIAS_PROPS",
    "COUNTRY_PROPS",
    "DATE_PROPS",
    "ROLE_PROPS",
    "MARKER",
    "relation_for",
    "relations_of",
    "fits",
    "marker",
    "parse_marker",
]

#: imrnet entity type -> FtM schema (written); read back the other way.
SCHEMA: dict[str, str] = {
    "person": "Person",
    "organization": "Organization",
    "company": "Company",
    "public_body": "PublicBody",
    "media": "Organization",
    "event": "Event",
}

#: FtM schema -> imrnet entity type (read).
ENTITY_TYPE: dict[str, str] = {
    "Person": "person",
    "Organization": "organization",
    "Company": "company",
    "PublicBody": "public_body",
    "LegalEntity": "organization",
    "Event": "event",
}

#: The ``classification`` value that marks an Organization as media.
MEDIA = "media"

#: Each schema imrnet reads or writes, with the schemata it extends (for ranges).
ANCESTORS: dict[str, frozenset[str]] = {
    "Thing": frozenset({"Thing"}),
    "LegalEntity": frozenset({"LegalEntity", "Thing"}),
    "Person": frozenset({"Person", "LegalEntity", "Thing"}),
    "Organization": frozenset({"Organization", "LegalEntity", "Thing"}),
    "Company": frozenset({"Company", "Organization", "Asset", "LegalEntity", "Thing"}),
    "PublicBody": frozenset({"PublicBody", "Organization", "LegalEntity", "Thing"}),
    "Event": frozenset({"Event", "Interval", "Thing"}),
}


class Relation(NamedTuple):
    """One FtM interval schema read as (or written from) one imrnet link type.

    ``source`` and ``target`` are the FtM properties holding the link's
    ends; ``source_range`` and ``target_range`` the schema each must be.
    """

    schema: str
    type: str
    source: str
    target: str
    source_range: str
    target_range: str


#: The first row of each schema is how it is read.
RELATIONS: tuple[Relation, ...] = (
    Relation("Membership", "member_of", "member", "organization", "LegalEntity", "Organization"),
    Relation("Membership", "honorary_member_of", "member", "organization", "LegalEntity", "Organization"),
    Relation("Directorship", "officer_of", "director", "organization", "LegalEntity", "Organization"),
    Relation("Directorship", "leads", "director", "organization", "LegalEntity", "Organization"),
    Relation("Ownership", "owns", "owner", "asset", "LegalEntity", "Asset"),
    Relation("Employment", "employs", "employer", "employee", "Organization", "Person"),
    Relation("Representation", "represents", "agent", "client", "LegalEntity", "LegalEntity"),
    Relation("Family", "family", "person", "relative", "Person", "Person"),
    Relation("Associate", "associate", "person", "associate", "Person", "Person"),
    Relation("UnknownLink", "associate", "subject", "object", "Thing", "Thing"),
    Relation("Payment", "funds", "payer", "beneficiary", "LegalEntity", "LegalEntity"),
    Relation("Payment", "contracted", "payer", "beneficiary", "LegalEntity", "LegalEntity"),
    # A Sanction names its target in `entity`, its authority by name only.
    Relation("Sanction", "sanctioned", "authority", "entity", "Organization", "Thing"),
    Relation("Sanction", "designated", "authority", "entity", "Organization", "Thing"),
    Relation("Sanction", "banned_entry", "authority", "entity", "Organization", "Thing"),
)

#: How a link fits no row: a directionless "other link" that fits any two ends.
FALLBACK = Relation("UnknownLink", "", "subject", "object", "Thing", "Thing")

#: Event property -> the imrnet link from the named party to the event.
EVENT_ROLES: dict[str, str] = {"organizer": "organized", "involved": "attended"}

#: Link types written as a Sanction entity.
SANCTION_TYPES: frozenset[str] = frozenset(r.type for r in RELATIONS if r.schema == "Sanction")

#: Name properties read as aliases (beside any further ``name`` values).
ALIAS_PROPS: tuple[str, ...] = ("alias", "previousName", "abbreviation")

#: Country properties read into ``country`` (written as ``country``).
COUNTRY_PROPS: tuple[str, ...] = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry")

#: imrnet date field -> the FtM properties it is read from, in preference order.
DATE_PROPS: dict[str, tuple[str, ...]] = {
    "born": ("birthDate",),
    "founded": ("incorporationDate",),
    "date": ("date", "startDate"),
    "start": ("startDate", "date"),
    "end": ("endDate",),
}

#: FtM schema -> the property holding a link's role (``Interest`` schemata: ``role``).
ROLE_PROPS: dict[str, str] = {
    "Family": "relationship",
    "Associate": "relationship",
    "Payment": "purpose",
    "Sanction": "program",
}

#: Prefix of the ``recordId`` an exported link carries.
MARKER = "imrnet"


def relation_for(schema: str) -> Relation | None:
    """How an FtM interval schema is read, or ``None`` when it is not.

    Examples
    --------
    >>> relation_for("Employment").type
    'employs'
    >>> relation_for("Vessel") is None
    True
    """
    return _READ.get(schema)


def relations_of(link_type: str) -> list[Relation]:
    """The rows a link type may be written as, preferred first."""
    return [row for row in RELATIONS if row.type == link_type]


def fits(schema: str, range_: str) -> bool:
    """Whether an entity of FtM ``schema`` may stand where ``range_`` is expected."""
    return range_ in ANCESTORS.get(schema, frozenset({schema}))


def marker(link_type: str, status: str, link_id: str) -> str:
    """The ``recordId`` that carries an imrnet link through FtM.

    Examples
    --------
    >>> marker("funds", "alleged", "a~funds~b")
    'imrnet:funds:alleged:a~funds~b'
    """
    return f"{MARKER}:{link_type}:{status}:{link_id}"


def parse_marker(text: str) -> tuple[str, str, str] | None:
    """Read a :func:`marker` back; ``None`` for any other ``recordId``."""
    parts = text.split(":", 3)
    if len(parts) != 4 or parts[0] != MARKER or not all(parts[1:]):
        return None
    return parts[1], parts[2], parts[3]


_READ: dict[str, Relation] = {}
for _row in RELATIONS:
    _READ.setdefault(_row.schema, _row)
del _row
