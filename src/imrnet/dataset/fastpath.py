"""The fast path of the loader: one quick pass for the common, valid JSON Lines record.

A dataset of millions of records is almost all valid records. Checking each
one field by field through :class:`~imrnet.dataset.checker.Checker`'s generic
helpers, which build a message for anything odd, costs tens of microseconds a
record. This module instead tests a whole record at once against the shape a
valid record has -- known fields, plain texts already stripped and within
their :mod:`~imrnet.dataset.limits`, known vocabulary, valid dates -- and
builds its :class:`~imrnet.dataset.model.Entity`, :class:`~imrnet.dataset.model.Link`
or :class:`~imrnet.dataset.model.Source` straight away (pass one, see
:func:`builder`). Anything else, the builder declines, and the line takes the
precise path exactly as before, which finds and words every problem.

What depends on other records -- an id already taken, a cited source or a
linked entity that does not exist, the same link twice -- is known only in
pass two: :func:`admit` checks it, and when something is wrong it hands the
precise checker the record rebuilt from the object (:func:`as_record`), the
same record the line held, so the messages are exactly the precise path's.

Examples
--------
>>> build = builder("entities", "entities.jsonl", "bundled")
>>> entity = build({"id": "agmr", "name": "AGMR", "type": "organization", "sources": ["doc-a"]}, 7)
>>> entity.id, entity.sources[0].id, entity.line
('agmr', 'doc-a', 7)
>>> build({"id": "agmr", "name": " AGMR", "type": "organization", "sources": ["doc-a"]}, 8) is None
True
>>> as_record(entity)
{'id': 'agmr', 'name': 'AGMR', 'type': 'organization', 'sources': [{'id': 'doc-a', 'locator': None}]}
"""

from __future__ import annotations

from sys import intern
from typing import Any, Callable

from imrnet.dataset.checker import LINK_ID, SLUG, Parsed
from imrnet.dataset.dates import date_bounds
from imrnet.dataset.limits import field_limit
from imrnet.dataset.linkkeys import LinkKeys, link_key
from imrnet.dataset.model import Citation, Entity, Link, Source
from imrnet.dataset.vocab import (
    ACCUSATION_TYPES,
    COUNTRIES,
    CURRENCIES,
    ENTITY_DATE_FIELDS,
    ENTITY_FIELDS,
    ENTITY_TYPES,
    LINK_FIELDS,
    LINK_TYPES,
    SOURCE_FIELDS,
    STATUSES,
)
from imrnet.dataset.yaml_reader import Mapping

__all__ = ["KINDS", "builder", "admit", "as_record", "known_ends"]

#: The kinds of record with a fast path (retractions are few: always precise).
KINDS = ("sources", "entities", "links")

_ID = field_limit("id")  # ids, codes, dates: 100 characters
_SHORT = field_limit("name")  # names, titles, roles, locators: 500
_URL = field_limit("url")
_LONG = field_limit("summary")  # summaries, notes: 10,000

# The fields each kind allows, for one set comparison per record.
_ALLOWED = {name: frozenset(fields) for name, fields in
            (("sources", SOURCE_FIELDS), ("entities", ENTITY_FIELDS), ("links", LINK_FIELDS))}
_CITATION_KEYS = frozenset({"id", "locator"})

# Each vocabulary, its words mapped to one shared copy, so that a million
# records hold one 'person' or 'RU', not a million.
_ENTITY_TYPES, _LINK_TYPES, _STATUSES, _COUNTRIES, _CURRENCIES = (
    {word: word for word in words} for words in (ENTITY_TYPES, LINK_TYPES, STATUSES, COUNTRIES, CURRENCIES))
_DATED = frozenset(ENTITY_DATE_FIELDS)

# A valid date text to itself (one shared copy) and its first and last day,
# kept between loads: dates repeat a lot. Bounded, so that hostile data cannot
# grow it for ever.
_DATES: dict[str, tuple[str, str, str]] = {}
_MAX_DATES = 100_000


#: The citations of a builder that keeps none (:func:`builder`'s ``share``).
_UNKEPT: dict = {}


def _text(value: Any, limit: int) -> bool:
    """True for a text the precise path keeps as it is: non-empty, stripped, within ``limit``."""
    return type(value) is str and 0 < len(value) <= limit and value.strip() == value


def _texts(value: Any, limit: int) -> bool:
    """True for a list of such texts, or nothing (``null`` is an empty list)."""
    if value is None:
        return True
    if type(value) is not list:
        return False
    for entry in value:
        if not (type(entry) is str and 0 < len(entry) <= limit and entry.strip() == entry):
            return False
    return True


def _optional(value: Any, limit: int) -> bool:
    """True for such a text or nothing (an optional ``null`` field is as good as absent)."""
    return value is None or _text(value, limit)


def _date(value: Any) -> tuple[str, str, str] | None:
    """A valid date text (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) with its bounds, else ``None``."""
    if type(value) is not str:
        return None
    known = _DATES.get(value)
    if known is None and len(value) <= 10:
        try:
            known = (value, *date_bounds(value))
        except ValueError:
            return None
        if len(_DATES) < _MAX_DATES:
            _DATES[value] = known
    return known


def _citations(value: Any, known: dict[tuple, Citation]) -> tuple[Citation, ...] | None:
    """The citations of a valid ``sources`` field (not yet looked up), else ``None``.

    ``known`` maps ``(id, locator)`` to the citation already made of them:
    citations repeat, and records may share them (they are never changed).
    """
    if type(value) is not list or not value:
        return None
    out = []
    for entry in value:
        if type(entry) is dict:
            if not entry.keys() <= _CITATION_KEYS:
                return None
            key = (entry.get("id"), entry.get("locator"))
        else:
            key = (entry, None)
        citation = known.get(key)  # TypeError when unhashable: a list where the id belongs
        if citation is None:
            sid, locator = key
            if not (type(sid) is str and sid.strip() and len(sid) <= _ID
                    and (locator is None or (type(locator) is str and len(locator) <= _SHORT))):
                return None  # the precise path also takes a number as a locator, as text
            citation = Citation(sid, locator)
            if known is not _UNKEPT:
                known[key] = citation
        out.append(citation)
    return tuple(out)


def builder(kind: str, shown: str, origin: str, share: bool = True) -> Callable[[dict, int], Any]:
    """A function building the record of ``kind`` at a line, or ``None`` to take the precise path.

    The function may also raise :class:`KeyError` (a required field
    missing) or :class:`TypeError` (a list or a mapping where a word or an
    id belongs, which cannot be looked up): the precise path takes that
    record too.

    Parameters
    ----------
    kind : str
        ``sources``, ``entities`` or ``links``.
    shown : str
        The file as messages name it.
    origin : str
        The dataset directory, as records name it.
    share : bool, default True
        Give records citing the same source at the same place one citation
        (records kept for the whole load); ``False`` keeps nothing between
        records (records written away one by one).

    Examples
    --------
    >>> link = builder("links", "links.jsonl", "bundled")(
    ...     {"source": "a", "target": "b", "type": "funds", "status": "reported", "sources": ["s"]}, 3)
    >>> link.id, link.line
    ('a~funds~b', 3)
    """
    allowed = _ALLOWED[kind]
    citations: dict[tuple, Citation] = {} if share else _UNKEPT  # of this file, by id and locator

    def source(rec: dict, line: int) -> Source | None:
        if not allowed.issuperset(rec):  # a required field missing raises KeyError below
            return None
        sid, date, authors = rec["id"], rec["date"], rec.get("authors")
        url, note, cited_in = rec.get("url"), rec.get("note"), rec.get("cited_in")
        if not (type(sid) is str and len(sid) <= _ID and SLUG.match(sid) and _text(rec["title"], _SHORT)
                and _text(rec["publisher"], _SHORT) and (date is None or _date(date))
                and _optional(url, _URL) and _texts(authors, _SHORT) and _optional(note, _LONG)
                and _optional(cited_in, _ID)):
            return None
        return Source(sid, rec["title"], rec["publisher"], date, url, tuple(authors or ()), note, cited_in,
                      shown, line, origin)

    def entity(rec: dict, line: int) -> Entity | None:
        if not allowed.issuperset(rec):  # a required field missing raises KeyError below
            return None
        eid, name, kind = rec["id"], rec["name"], _ENTITY_TYPES.get(rec["type"])
        if not (kind and type(eid) is str and len(eid) <= _ID and SLUG.match(eid) and _text(name, _SHORT)):
            return None
        dates: dict[str, str] = {}
        for key in rec.keys() & _DATED:  # present, even as null, each must fit the type
            value = rec[key]
            checked = _text(value, _SHORT) if key == "place" else _date(value)
            if kind not in ENTITY_DATE_FIELDS[key] or not checked:
                return None
            dates[key] = value if key == "place" else checked[0]
        countries = rec.get("country")
        if countries is None:
            countries = ()
        elif type(countries) is str:
            countries = (_COUNTRIES[countries],) if countries in _COUNTRIES else None
        elif type(countries) is list:
            countries = tuple(_COUNTRIES[code] for code in countries if code in _COUNTRIES)
            countries = countries if len(countries) == len(rec["country"]) else None
        else:
            return None
        aliases, tags, summary = rec.get("aliases"), rec.get("tags"), rec.get("summary")
        if not (countries is not None and (aliases is None or _texts(aliases, _SHORT))
                and (tags is None or (_texts(tags, _ID) and all(SLUG.match(tag) for tag in tags)))
                and (summary is None or _text(summary, _LONG))):
            return None
        cited = _citations(rec["sources"], citations)
        if cited is None:
            return None
        return Entity(intern(eid), name, kind, tuple(aliases or ()), countries, dates.get("born"), dates.get("founded"),
                      dates.get("date"), dates.get("place"), summary, tuple(tags or ()), cited, shown, line, origin)

    def link(rec: dict, line: int) -> Link | None:
        if not allowed.issuperset(rec):  # a required field missing raises KeyError below
            return None
        source, target = rec["source"], rec["target"]
        kind, status = _LINK_TYPES.get(rec["type"]), _STATUSES.get(rec["status"])
        if (kind is None or status is None or type(source) is not str or type(target) is not str
                or len(source) > _ID or len(target) > _ID or source == target
                or (status == "reported" and kind in ACCUSATION_TYPES)):
            return None
        start, end = rec.get("start"), rec.get("end")
        if start is not None:
            first = _DATES.get(start) or _date(start)
            if first is None:
                return None
            start = first[0]
        if end is not None:
            last = _DATES.get(end) or _date(end)
            if last is None or (start is not None and last[2] < first[1]):
                return None
            end = last[0]
        amount, currency = rec.get("amount"), rec.get("currency")
        if "amount" in rec or "currency" in rec:  # both, or neither
            currency = _CURRENCIES.get(currency)
            if not (type(amount) in (int, float) and amount >= 0 and currency):
                return None
        role, summary, account_of, given = rec.get("role"), rec.get("summary"), rec.get("account_of"), rec.get("id")
        if ((role is not None and not _text(role, _SHORT)) or (summary is not None and not _text(summary, _LONG))
                or (account_of is not None and not (_text(account_of, _ID) and SLUG.match(account_of)))
                or (given is not None and not (type(given) is str and len(given) <= _ID and LINK_ID.match(given)))):
            return None
        cited = _citations(rec["sources"], citations)
        if cited is None:
            return None
        link_id = given or f"{source}~{kind}~{target}" + (f"~{start}" if start else "")
        # Interned like entity ids: one copy of each id, however many links name it.
        return Link(link_id, intern(source), intern(target), kind, status, start, end, role, amount, currency, summary,
                    cited, shown, line, account_of, origin)

    return {"sources": source, "entities": entity, "links": link}[kind]


def admit(checker: Any, kind: str, records: list, ids: dict[str, Link], seen: LinkKeys) -> None:
    """Pass two for the records of one kind: add each built record that fits the others, else check it precisely.

    ``records`` are what pass one gave: :class:`~imrnet.dataset.checker.Parsed`
    records for the precise path, and records :func:`builder` built, which
    still need their id free and every entity and source they name known
    (and, for a link, no same link before it). ``ids`` and ``seen`` are the
    links so far by id and by what they state, as :meth:`Checker.link` takes them.
    """
    precise = {"sources": checker.source, "entities": checker.entity,
               "links": lambda item: checker.link(item, ids, seen)}[kind]
    if kind == "links" and not ids:  # first, keeping only hashes (imrnet.dataset.hashed)
        from itertools import islice

        from imrnet.dataset.hashed import admit_hashed

        stop = admit_hashed(checker, records)
        if stop is None:
            return
        for link in checker.links:  # admitted: the precise way knows them from here
            ids[link.id] = link
            seen.put(link, hash(link_key(link)))
        records = islice(records, stop, None)
    for record in records:
        if type(record) is not Parsed:
            if _fits(checker, kind, record, ids, seen):
                continue
            record = Parsed(record.file, as_record(record), record.origin)
        precise(record)


def _fits(checker: Any, kind: str, record: Any, ids: dict[str, Link], seen: LinkKeys) -> bool:
    """Add a built record to ``checker`` if its ids and references fit; ``False`` if not."""
    if kind == "sources":
        return _claim(checker.sources, record)
    if kind == "entities":
        return _cites_known(checker, record) and _claim(checker.entities, record)
    if not known_ends(checker, record):
        return False
    key = link_key(record)
    code = hash(key)
    if seen.find(key, code) is not None or record.id in ids:
        return False
    seen.put(record, code)
    ids[record.id] = record
    checker.links.append(record)
    return True


def known_ends(checker: Any, link: Link) -> bool:
    """Whether every source a built link cites and both its entities are known to ``checker``.

    When they are, the link's ends become the entities' own id texts: one
    copy of each id, however many links name it.

    Examples
    --------
    >>> from imrnet.dataset.checker import Checker
    >>> checker = Checker()
    >>> checker.entities = {"a": Entity("a", "A", "person"), "b": Entity("b", "B", "person")}
    >>> known_ends(checker, Link("a~met~b", "a", "b", "met", "reported")), known_ends(
    ...     checker, Link("a~met~c", "a", "c", "met", "reported"))
    (True, False)
    """
    entities = checker.entities
    source, target = entities.get(link.source), entities.get(link.target)
    if source is None or target is None or not _cites_known(checker, link):
        return False
    link.source, link.target = source.id, target.id
    return True


def _cites_known(checker: Any, record: Any) -> bool:
    """Whether every source ``record`` cites is known to ``checker``."""
    sources = checker.sources
    for citation in record.sources:
        if citation.id not in sources:
            return False
    return True


def _claim(records: dict, record: Any) -> bool:
    """Add ``record`` under its id unless the id is taken (``False``)."""
    if record.id in records:
        return False
    records[record.id] = record
    return True


def as_record(record: Source | Entity | Link) -> Mapping:
    """The fields of a record :func:`builder` built, as its line held them (up to order and nulls).

    The builder takes only texts already stripped and nothing the precise
    path would read differently, so the precise path finds in this mapping
    exactly what it would have found in the line.

    Examples
    --------
    >>> as_record(Link("a~funds~b", "a", "b", "funds", "alleged", amount=5, currency="EUR", line=4))
    {'source': 'a', 'target': 'b', 'type': 'funds', 'status': 'alleged', 'amount': 5, 'currency': 'EUR', 'sources': []}
    """
    if isinstance(record, Source):
        fields = {"id": record.id, "title": record.title, "publisher": record.publisher, "date": record.date,
                  "url": record.url, "authors": list(record.authors), "note": record.note,
                  "cited_in": record.cited_in}
    elif isinstance(record, Entity):
        fields = {"id": record.id, "name": record.name, "type": record.type, "aliases": list(record.aliases),
                  "country": list(record.countries), "born": record.born, "founded": record.founded,
                  "date": record.date, "place": record.place, "summary": record.summary, "tags": list(record.tags)}
    else:
        plain = f"{record.source}~{record.type}~{record.target}" + (f"~{record.start}" if record.start else "")
        fields = {"id": None if record.id == plain else record.id, "source": record.source,
                  "target": record.target, "type": record.type, "status": record.status, "start": record.start,
                  "end": record.end, "role": record.role, "amount": record.amount, "currency": record.currency,
                  "summary": record.summary, "account_of": record.account_of}
    if not isinstance(record, Source):
        fields["sources"] = [{"id": c.id, "locator": c.locator} for c in record.sources]
    kept = {"sources", "date"} if isinstance(record, Source) else {"sources"}  # required even when empty
    mapping = Mapping((key, value) for key, value in fields.items() if key in kept or value not in (None, []))
    mapping.line, mapping.key_lines = record.line, {}
    return mapping
