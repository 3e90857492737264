"""Turn an imrnet dataset into FollowTheMoney entities.

Entities keep their imrnet ids (a slug is a valid FtM id) and become Person,
Organization, Company, PublicBody or Event; media become an Organization
classified ``media``. Links become the interval schema that fits their type
and their two ends (:data:`imrnet.ftm.mapping.RELATIONS`), else an
``UnknownLink``; a sanction becomes a ``Sanction`` of its target naming the
sanctioning body as its ``authority``. An ``organized`` or ``attended`` link
to an event that says nothing beyond the event's own date is kept on the
event as ``organizer`` or ``involved``. Each record names the publishers
and addresses of the sources it cites (``publisher``, ``sourceUrl``), and
each link carries its imrnet type, status and id in ``recordId`` so that
importing the export gives back the same graph.

Examples
--------
>>> from imrnet.dataset.loader import load
>>> rows = list(to_ftm(*dataset_parts(load())))
>>> malofeev = next(r for r in rows if r["id"] == "konstantin-malofeev")
>>> malofeev["schema"], malofeev["properties"]["name"]
('Person', ['Konstantin Malofeev'])
>>> sorted({r["schema"] for r in rows})[:4]
['Associate', 'Company', 'Directorship', 'Event']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping

from imrnet.dataset.model import Dataset, Entity, Link, Source
from imrnet.dataset.vocab import LINK_TYPES
from imrnet.ftm.mapping import (
    EVENT_ROLES,
    FALLBACK,
    MEDIA,
    ROLE_PROPS,
    SCHEMA,
    Relation,
    fits,
    marker,
    relations_of,
)

__all__ = ["to_ftm", "dataset_parts", "ftm_id"]

_HELD = {link_type: prop for prop, link_type in EVENT_ROLES.items()}
_DATE_PROP = {"person": "birthDate", "event": "date"}


def dataset_parts(dataset: Dataset) -> tuple[list[Entity], tuple[Link, ...], dict[str, Source]]:
    """The arguments of :func:`to_ftm` for a loaded dataset."""
    return list(dataset.entities.values()), dataset.links, dataset.sources


def ftm_id(link_id: str, taken: set[str]) -> str:
    """An FtM id for an imrnet link id (FtM allows letters, digits, '.', '-').

    ``~`` becomes ``.`` and ``_`` becomes ``-``; should two links meet, the
    later one gets a hash of its own id. ``taken`` is updated.

    Examples
    --------
    >>> ftm_id("alexander-ionov~leads~agmr~2011", set())
    'alexander-ionov.leads.agmr.2011'
    """
    base = re.sub(r"[^0-9A-Za-z.-]", "-", link_id.replace("~", ".")).strip(".-") or "link"
    candidate = base
    if candidate in taken:
        candidate = f"{base}-{hashlib.sha1(link_id.encode('utf-8')).hexdigest()[:10]}"
    taken.add(candidate)
    return candidate


def _provenance(cited, sources: Mapping[str, Source]) -> dict[str, list[str]]:
    publishers: dict[str, None] = {}
    urls: dict[str, None] = {}
    for citation in cited:
        source = sources.get(citation.id)
        if source is None:
            continue
        if source.publisher and source.publisher != "unknown":
            publishers[source.publisher] = None
        if source.url:
            urls[source.url] = None
    out = {}
    if publishers:
        out["publisher"] = list(publishers)
    if urls:
        out["sourceUrl"] = list(urls)
    return out


def _put(props: dict, name: str, *values) -> None:
    kept = [str(v) for v in values if v is not None and str(v) != ""]
    if kept:
        props.setdefault(name, []).extend(kept)


def _entity(entity: Entity, sources: Mapping[str, Source], held: dict) -> dict:
    props: dict[str, list[str]] = {}
    _put(props, "name", entity.name)
    _put(props, "alias", *entity.aliases)
    _put(props, "country", *(code.lower() for code in entity.countries))
    _put(props, _DATE_PROP.get(entity.type, "incorporationDate"), entity.born or entity.founded or entity.date)
    if entity.type == "event":
        _put(props, "location", entity.place)
    if entity.type == "media":
        _put(props, "classification", MEDIA)
    _put(props, "summary", entity.summary)
    _put(props, "keywords", *entity.tags)
    props.update(_provenance(entity.sources, sources))
    for prop, parties in held.get(entity.id, {}).items():
        _put(props, prop, *parties)
    return {"id": entity.id, "schema": SCHEMA[entity.type], "properties": props}


def _row(link: Link, entities: Mapping[str, Entity]) -> Relation:
    ends = SCHEMA[entities[link.source].type], SCHEMA[entities[link.target].type]
    for row in relations_of(link.type):
        if fits(ends[0], row.source_range) and fits(ends[1], row.target_range):
            return row
    return FALLBACK


def _link(link: Link, entities: Mapping[str, Entity], sources: Mapping[str, Source], taken: set[str]) -> dict:
    row = _row(link, entities)
    props: dict[str, list[str]] = {}
    if row.schema == "Sanction":
        _put(props, "authority", entities[link.source].name)
    else:
        _put(props, row.source, link.source)
    _put(props, row.target, link.target)
    role = link.role
    if row is FALLBACK and role is None:
        role = LINK_TYPES[link.type].forward  # an "other link" says what it is
    if row.schema == "Ownership" and role:
        found = re.match(r"^(?:(?P<role>.+) \()?(?P<pct>[0-9]+(?:\.[0-9]+)?)%\)?$", role)
        if found:
            role = found["role"]
            _put(props, "percentage", found["pct"])
    _put(props, ROLE_PROPS.get(row.schema, "role"), role)
    _put(props, "startDate", link.start)
    _put(props, "endDate", link.end)
    if row.schema == "Payment" and link.amount is not None:
        _put(props, "amount", link.amount)
        _put(props, "currency", link.currency)
    _put(props, "summary", link.summary)
    _put(props, "recordId", marker(link.type, link.status, link.id))
    props.update(_provenance(link.sources, sources))
    return {"id": ftm_id(link.id, taken), "schema": row.schema, "properties": props}


def _held_on_event(link: Link, entities: Mapping[str, Entity]) -> bool:
    """Whether an event's ``organizer``/``involved`` says all the link says."""
    event = entities[link.target]
    return (
        link.type in _HELD
        and event.type == "event"
        and entities[link.source].type != "event"
        and link.status == "reported"
        and link.start == event.date
        and link.end is None
        and link.role is None
        and link.amount is None
        and link.summary is None
        and link.account_of is None
    )


def to_ftm(
    entities: Iterable[Entity], links: Iterable[Link], sources: Mapping[str, Source]
) -> Iterator[dict]:
    """Yield FtM entities (``{"id", "schema", "properties"}``) for a dataset.

    Parameters
    ----------
    entities : iterable of Entity
        Every entity the links refer to.
    links : iterable of Link
    sources : mapping
        Source id to :class:`~imrnet.dataset.model.Source`, for provenance.

    Yields
    ------
    dict
        Entities first, in the order given, then one interval entity per
        link not held on its event. Ids are stable across runs.

    Examples
    --------
    >>> agmr = Entity(id="agmr", name="AGMR", type="organization")
    >>> ionov = Entity(id="ionov", name="Alexander Ionov", type="person")
    >>> lead = Link(id="ionov~leads~agmr~2011", source="ionov", target="agmr", type="leads",
    ...             status="reported", start="2011", role="president")
    >>> rows = list(to_ftm([ionov, agmr], [lead], {}))
    >>> rows[2]["id"], rows[2]["schema"], rows[2]["properties"]["role"]
    ('ionov.leads.agmr.2011', 'Directorship', ['president'])
    >>> rows[2]["properties"]["recordId"]
    ['imrnet:leads:reported:ionov~leads~agmr~2011']
    """
    entities = {entity.id: entity for entity in entities}
    links = list(links)
    held: dict[str, dict[str, list[str]]] = {}
    kept: list[Link] = []
    for link in links:
        if _held_on_event(link, entities):
            held.setdefault(link.target, {}).setdefault(_HELD[link.type], []).append(link.source)
        else:
            kept.append(link)
    taken = set(entities)
    for entity in entities.values():
        yield _entity(entity, sources, held)
    for link in kept:
        yield _link(link, entities, sources, taken)
