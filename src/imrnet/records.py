"""Record queries: entity cards, search, listings, links, timelines, sources.

Every function takes a :class:`~imrnet.model.Dataset` and returns a plain
``dict`` (JSON-ready); the ``show``, ``search``, ``list``, ``links``,
``timeline`` and ``sources`` commands print these dicts as JSON or tables.
Names are resolved with :func:`imrnet.names.resolve`, so an id, a name, an
alias or a surname all work; bad values raise
:class:`~imrnet.errors.UsageError` (exit 2) and a search without a hit
raises :class:`~imrnet.errors.NoAnswer` (exit 1).

Examples
--------
>>> ds = _example()
>>> entity_card(ds, "Ionov")["links"][0]["id"]
'ionov-leads-agmr'
>>> [r["id"] for r in search(ds, "Ионов")["results"]]
['alexander-ionov', 'agmr']
>>> list_entities(ds, types=["organization"])["count"]
1
>>> [i["kind"] for i in timeline(ds)["items"]]
['link', 'link', 'event']
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.dates import date_bounds, sort_key
from imrnet.errors import NoAnswer, UsageError
from imrnet.filters import ALL_LINKS
from imrnet.inputs import entity_types, user_date, whole_number
from imrnet.model import Dataset, Entity, Link
from imrnet.names import resolve
from imrnet.vocab import COUNTRIES

__all__ = [
    "entity_card",
    "search",
    "list_entities",
    "list_links",
    "timeline",
    "list_sources",
    "source_detail",
    "sources",
    "in_range",
    "link_date",
]

#: Score tiers of :func:`search`, best first; the ranges do not overlap, so
#: an exact or prefix name hit always ranks above a fuzzy one, and any name
#: hit above a summary hit.
SEARCH_TIERS = {
    "exact": (100.0, 100.0),
    "prefix": (90.0, 99.0),
    "fuzzy": (62.3, 89.0),
    "summary": (54.0, 60.0),
}
_FUZZY_MIN = 70  # WRatio below this is not a name hit
_SUMMARY_MIN = 90  # partial_ratio below this is not a summary hit


# --------------------------------------------------------------------------
# helpers


def _check_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since = user_date(since, "--since")
    until = user_date(until, "--until")
    if since and until and date_bounds(until)[1] < date_bounds(since)[0]:
        raise UsageError(f"--until {until} is before --since {since}")
    return since, until


def in_range(start: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    """Tell whether a period ``start``–``end`` overlaps ``since``–``until``.

    Partial dates compare by precision (``2015`` overlaps ``2015-09``); a
    missing ``start`` or ``end`` is open. A wholly undated period matches
    only when no bound is given, as it cannot be placed.

    Examples
    --------
    >>> in_range("2012", None, "2020", None)
    True
    >>> in_range("2015-09", "2017", None, "2015")
    True
    >>> in_range("2018", None, None, "2017-12")
    False
    >>> in_range(None, None, "2000", None)
    False
    """
    if since is None and until is None:
        return True
    if start is None and end is None:
        return False
    if since is not None and end is not None and date_bounds(end)[1] < date_bounds(since)[0]:
        return False
    if until is not None and start is not None and date_bounds(start)[0] > date_bounds(until)[1]:
        return False
    return True


def link_date(link: Link) -> str | None:
    """The date a link is placed at: its start, else its end, else ``None``.

    Examples
    --------
    >>> from imrnet.model import Link
    >>> link_date(Link("x", "a", "b", "leads", "reported", end="2020"))
    '2020'
    """
    return link.start if link.start is not None else link.end


def _by_date(links: Iterable[Link]) -> list[Link]:
    return sorted(links, key=lambda link: sort_key(link_date(link)))


# --------------------------------------------------------------------------
# show


def entity_card(dataset: Dataset, name: str) -> dict:
    """The entity card: every field of one entity and all its links.

    Parameters
    ----------
    dataset : Dataset
    name : str
        An id, name, alias or surname.

    Returns
    -------
    dict
        :meth:`Entity.as_dict` plus ``"links"``: every link in and out, as
        :meth:`Link.as_dict`, oldest first (by start, else end; partial
        dates before precise ones, undated last, file order among equals).

    Examples
    --------
    >>> card = entity_card(_example(), "agmr")
    >>> card["name"], card["country"]
    ('Anti-Globalization Movement of Russia', ['RU'])
    >>> [(link["source"], link["type"]) for link in card["links"]]
    [('alexander-ionov', 'leads'), ('agmr', 'organized')]
    """
    entity = resolve(dataset, name)
    links = _by_date(dataset.links_by_entity.get(entity.id, ()))
    return {**entity.as_dict(), "links": [link.as_dict() for link in links]}


# --------------------------------------------------------------------------
# search


def _name_score(query: str, target: str) -> float:
    """Score a normalized name against a normalized query (see :func:`search`)."""
    from rapidfuzz import fuzz

    if not target:
        return 0.0
    if target == query:
        return 100.0
    if (" " + target).find(" " + query) >= 0:
        return 90.0 + 9.0 * len(query) / len(target)
    ratio = fuzz.WRatio(query, target)
    return 0.89 * ratio if ratio >= _FUZZY_MIN else 0.0


def _summary_score(query: str, summary: str) -> float:
    from rapidfuzz import fuzz

    if not summary or len(query) < 3:
        return 0.0
    if (" " + summary).find(" " + query) >= 0:
        return 60.0
    ratio = fuzz.partial_ratio(query, summary)
    return 0.6 * ratio if ratio >= _SUMMARY_MIN else 0.0


def search(
    dataset: Dataset,
    text: str,
    limit: int = 10,
    types: Iterable[str] | None = None,
) -> dict:
    """Ranked fuzzy search over names, aliases, ids and summaries.

    Query and fields are compared after :func:`imrnet.names.normalize`
    (script, case, punctuation and transliteration variants do not
    matter). Each entity scores its best field, on a 0–100 scale in tiers
    that do not overlap:

    * 100: the query is the whole name, an alias or the id;
    * 90–99: the query starts the name or alias, or one of its words
      (more of the name covered scores higher);
    * 62–89: a fuzzy name or alias hit (0.89 × rapidfuzz ``WRatio``, when
      ``WRatio`` ≥ 70);
    * 54–60: the summary holds the query, at a word start (60) or nearly
      (0.6 × ``partial_ratio``, when ≥ 90; queries of three letters or more).

    Ties go to the name, then alias, id and summary; results are ordered by
    score, then name, then id.

    Parameters
    ----------
    dataset : Dataset
    text : str
        The query.
    limit : int
        Most results returned (at least 1).
    types : iterable of str, optional
        Entity types to keep (see :data:`imrnet.vocab.ENTITY_TYPES`).

    Returns
    -------
    dict
        ``{"query": text, "results": [{"id", "name", "type", "score",
        "matched"}]}`` where ``matched`` is ``"name"``, ``"alias"``,
        ``"id"`` or ``"summary"`` and ``score`` has one decimal.

    Raises
    ------
    UsageError
        Empty query (no letter or digit), ``limit`` < 1 or an unknown type.
    NoAnswer
        When nothing matches.

    Examples
    --------
    >>> ds = _example()
    >>> search(ds, "Ionov")["results"][0]
    {'id': 'alexander-ionov', 'name': 'Alexander Ionov', 'type': 'person', 'score': 93.0, 'matched': 'name'}
    >>> search(ds, "agmr")["results"][0]["matched"]
    'alias'
    >>> search(ds, "Ionov", types=["organization"])["results"][0]["matched"]
    'summary'
    >>> search(ds, "zzzz")
    Traceback (most recent call last):
    ...
    imrnet.errors.NoAnswer: nothing matches 'zzzz'
    """
    from imrnet.names import normalize

    if not isinstance(text, str):
        raise UsageError("search text must be a string")
    query = normalize(text)
    if not query:
        raise UsageError(f"empty search text {text!r}: give a name, an alias or a word")
    limit = whole_number(limit, "--limit", 1)
    wanted = entity_types(types, "--type")
    scored = []
    for entity in dataset.entities.values():
        if wanted and entity.type not in wanted:
            continue
        fields = [("name", entity.name)]
        fields += [("alias", alias) for alias in entity.aliases]
        fields.append(("id", entity.id))
        best, matched = 0.0, None
        for field_name, value in fields:
            score = _name_score(query, normalize(value))
            if score > best:
                best, matched = score, field_name
        if best < SEARCH_TIERS["summary"][1] and entity.summary:
            score = _summary_score(query, normalize(entity.summary))
            if score > best:
                best, matched = score, "summary"
        if matched is not None:
            scored.append((best, entity, matched))
    if not scored:
        raise NoAnswer(f"nothing matches {text!r}")
    scored.sort(key=lambda row: (-row[0], row[1].name.casefold(), row[1].id))
    results = [
        {**entity.ref(), "score": round(score, 1), "matched": matched}
        for score, entity, matched in scored[:limit]
    ]
    return {"query": text, "results": results}


# --------------------------------------------------------------------------
# list


def list_entities(
    dataset: Dataset,
    types: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
) -> dict:
    """The entities, filtered by type, tag and country.

    Values of one filter are alternatives (any of them); different filters
    must all hold. Entities are ordered by name, then id.

    Parameters
    ----------
    dataset : Dataset
    types : iterable of str, optional
        Entity types (see :data:`imrnet.vocab.ENTITY_TYPES`).
    tags : iterable of str, optional
        Tags used in the dataset.
    countries : iterable of str, optional
        ISO 3166-1 alpha-2 codes, any case.

    Returns
    -------
    dict
        ``{"count": n, "entities": [{"id", "name", "type", "country",
        "tags"}]}``.

    Raises
    ------
    UsageError
        An unknown type, a tag no entity has, or a code that is no country.

    Examples
    --------
    >>> ds = _example()
    >>> list_entities(ds, countries=["ru"], tags=["ionov-network"])["entities"]
    [{'id': 'agmr', 'name': 'Anti-Globalization Movement of Russia', 'type': 'organization', 'country': ['RU'], 'tags': ['ionov-network']}]
    >>> list_entities(ds, types=["cult"])
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown entity type 'cult' for --type; expected one of: person, organization, company, public_body, media, event
    """
    wanted_types = entity_types(types, "--type")
    known_tags = sorted({tag for e in dataset.entities.values() for tag in e.tags})
    wanted_tags = set()
    for value in tags or ():
        tag = str(value).strip().lower()
        if tag not in known_tags:
            listed = ", ".join(known_tags) if known_tags else "none"
            raise UsageError(f"unknown tag {value!r} (tags in the dataset: {listed})")
        wanted_tags.add(tag)
    wanted_countries = set()
    for value in countries or ():
        code = str(value).strip().upper()
        if code not in COUNTRIES:
            raise UsageError(
                f"unknown country {value!r} (expected an ISO 3166-1 alpha-2 code such as RU, US)"
            )
        wanted_countries.add(code)
    found = [
        e
        for e in dataset.entities.values()
        if (not wanted_types or e.type in wanted_types)
        and (not wanted_tags or wanted_tags.intersection(e.tags))
        and (not wanted_countries or wanted_countries.intersection(e.countries))
    ]
    found.sort(key=lambda e: (e.name.casefold(), e.id))
    return {
        "count": len(found),
        "entities": [
            {**e.ref(), "country": list(e.countries), "tags": list(e.tags)} for e in found
        ],
    }


# --------------------------------------------------------------------------
# links


def list_links(
    dataset: Dataset,
    link_filter=None,
    entities: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict:
    """The links, filtered, in file order.

    Parameters
    ----------
    dataset : Dataset
    link_filter : imrnet.filters.LinkFilter, optional
        Status, ``--as-of`` and link type filters; none by default.
    entities : iterable of str, optional
        Names (id, name, alias or surname); keep links touching any of them.
    since, until : str, optional
        Keep links whose period (start–end, open where missing) overlaps
        this range; partial dates compare by precision, undated links are
        left out when either bound is given.

    Returns
    -------
    dict
        ``{"count": n, "filters": {...}, "links": [Link.as_dict()]}``; the
        filters are the link filter's :meth:`describe` plus ``"entity"``
        (resolved ids), ``"since"`` and ``"until"``.

    Raises
    ------
    UsageError
        Unknown or ambiguous names, malformed dates, ``until`` before
        ``since``.

    Examples
    --------
    >>> ds = _example()
    >>> [link["id"] for link in list_links(ds, until="2015")["links"]]
    ['ionov-leads-agmr']
    >>> list_links(ds, since="2020")["filters"]["since"]
    '2020'
    >>> list_links(ds, entities=["Ionov"], until="2015")["count"]
    1
    """
    since, until = _check_range(since, until)
    link_filter = link_filter or ALL_LINKS
    ids = []
    for name in entities or ():
        eid = resolve(dataset, name).id
        if eid not in ids:
            ids.append(eid)
    found = [
        link
        for link in link_filter.apply(dataset.links)
        if (not ids or link.source in ids or link.target in ids)
        and in_range(link.start, link.end, since, until)
    ]
    filters = {**link_filter.describe(), "entity": ids, "since": since, "until": until}
    return {"count": len(found), "filters": filters, "links": [link.as_dict() for link in found]}


# --------------------------------------------------------------------------
# timeline


def _event_item(entity: Entity) -> dict:
    return {
        "date": entity.date,
        "kind": "event",
        **entity.ref(),
        "place": entity.place,
        "country": list(entity.countries),
        "summary": entity.summary,
    }


def timeline(
    dataset: Dataset,
    entity: str | None = None,
    link_filter=None,
    since: str | None = None,
    until: str | None = None,
) -> dict:
    """Dated links and events, oldest first.

    A link is placed at its start (else its end); undated links are left
    out. Events are entities of type ``event`` with a ``date``. With an
    entity, the timeline holds the links touching it that pass the filter,
    and the events it is, or that it is tied to by such a link. Dates sort
    oldest first, a partial date before the precise dates it contains
    (``2015`` before ``2015-03``); on the same date events come first, then
    file order.

    Parameters
    ----------
    dataset : Dataset
    entity : str, optional
        An id, name, alias or surname; the whole dataset when omitted.
    link_filter : imrnet.filters.LinkFilter, optional
        Which links count; all by default.
    since, until : str, optional
        Keep items dated within this range (an item's own date, not a
        link's whole period; partial dates compare by precision, see
        :func:`in_range`).

    Returns
    -------
    dict
        ``{"entity": ref or None, "items": [...]}``. A link item is
        ``{"date": ..., "kind": "link", **Link.as_dict()}``; an event item
        is ``{"date", "kind": "event", "id", "name", "type", "place",
        "country", "summary"}``.

    Examples
    --------
    >>> ds = _example()
    >>> [(i["date"], i["kind"], i["id"]) for i in timeline(ds, "AGMR")["items"]]
    [('2012', 'link', 'ionov-leads-agmr'), ('2023-03', 'link', 'agmr-organized-congress'), ('2023-03-14', 'event', 'imr-congress')]
    >>> timeline(ds, "imr congress")["entity"]["type"]
    'event'
    """
    since, until = _check_range(since, until)
    link_filter = link_filter or ALL_LINKS
    if entity is None:
        ref = None
        links = list(link_filter.apply(dataset.links))
        events = [e for e in dataset.entities.values() if e.type == "event"]
    else:
        subject = resolve(dataset, entity)
        ref = subject.ref()
        links = list(link_filter.apply(dataset.links_by_entity.get(subject.id, ())))
        near = {subject.id} | {link.other(subject.id) for link in links}
        events = [e for e in dataset.entities.values() if e.type == "event" and e.id in near]
    rows = []
    for position, event in enumerate(events):
        if event.date is not None and in_range(event.date, event.date, since, until):
            rows.append(((sort_key(event.date), 0, position), _event_item(event)))
    for position, link in enumerate(links):
        date = link_date(link)
        if date is not None and in_range(date, date, since, until):
            item = {"date": date, "kind": "link", **link.as_dict()}
            rows.append(((sort_key(date), 1, position), item))
    rows.sort(key=lambda row: row[0])
    return {"entity": ref, "items": [item for _, item in rows]}


# --------------------------------------------------------------------------
# sources


def _citers(dataset: Dataset) -> dict[str, tuple[list, list]]:
    index: dict[str, tuple[list, list]] = {sid: ([], []) for sid in dataset.sources}
    for entity in dataset.entities.values():
        for sid in dict.fromkeys(c.id for c in entity.sources):
            index.setdefault(sid, ([], []))[0].append(entity)
    for link in dataset.links:
        for sid in dict.fromkeys(c.id for c in link.sources):
            index.setdefault(sid, ([], []))[1].append(link)
    return index


def list_sources(dataset: Dataset) -> dict:
    """Every source, in file order, with how many entities and links cite it.

    Returns
    -------
    dict
        ``{"count": n, "sources": [{**Source.as_dict(), "counts":
        {"entities": k, "links": m}}]}``.

    Examples
    --------
    >>> [(s["id"], s["counts"]) for s in list_sources(_example())["sources"]]
    [('wiki-ionov', {'entities': 2, 'links': 1}), ('imr-article', {'entities': 2, 'links': 1})]
    """
    index = _citers(dataset)
    rows = []
    for sid, source in dataset.sources.items():
        ents, links = index.get(sid, ([], []))
        rows.append({**source.as_dict(), "counts": {"entities": len(ents), "links": len(links)}})
    return {"count": len(rows), "sources": rows}


def source_detail(dataset: Dataset, source_id: str) -> dict:
    """One source and what it supports.

    Parameters
    ----------
    dataset : Dataset
    source_id : str
        The source's id (surrounding spaces and case are forgiven).

    Returns
    -------
    dict
        ``{"source": Source.as_dict(), "counts": {"entities": k, "links":
        m}, "entities": [{"id", "name", "type", "locators"}], "links":
        [Link.as_dict()]}``, entities and links in file order; ``locators``
        lists the locators the entity's citations give.

    Raises
    ------
    UsageError
        When no source has this id (with the nearest ids).

    Examples
    --------
    >>> detail = source_detail(_example(), "imr-article")
    >>> detail["counts"], detail["entities"][0]
    ({'entities': 2, 'links': 1}, {'id': 'agmr', 'name': 'Anti-Globalization Movement of Russia', 'type': 'organization', 'locators': ['p. 2']})
    >>> source_detail(_example(), "imr-artcle")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown source 'imr-artcle'; did you mean: imr-article?
    """
    if not isinstance(source_id, str) or not source_id.strip():
        raise UsageError("empty source id: give a source id (see 'imrnet sources')")
    sid = source_id.strip()
    if sid not in dataset.sources:
        sid = sid.casefold()
    if sid not in dataset.sources:
        from rapidfuzz import fuzz, process

        near = process.extract(sid, list(dataset.sources), scorer=fuzz.WRatio, limit=3, score_cutoff=70)
        hint = f"; did you mean: {', '.join(n[0] for n in near)}?" if near else " (see 'imrnet sources')"
        raise UsageError(f"unknown source {source_id!r}{hint}")
    ents, links = _citers(dataset).get(sid, ([], []))
    entities = [
        {**e.ref(), "locators": [c.locator for c in e.sources if c.id == sid and c.locator]}
        for e in ents
    ]
    return {
        "source": dataset.sources[sid].as_dict(),
        "counts": {"entities": len(ents), "links": len(links)},
        "entities": entities,
        "links": [link.as_dict() for link in links],
    }


def sources(dataset: Dataset, source_id: str | None = None) -> dict:
    """:func:`list_sources` without an id, :func:`source_detail` with one.

    Examples
    --------
    >>> sources(_example())["count"], sources(_example(), "wiki-ionov")["source"]["publisher"]
    (2, 'Wikipedia')
    """
    if source_id is None:
        return list_sources(dataset)
    return source_detail(dataset, source_id)


# --------------------------------------------------------------------------
# the doctest dataset


def _example() -> Dataset:
    """A tiny dataset for the examples above."""
    from imrnet.model import Citation, Source

    wiki, article = Citation("wiki-ionov"), Citation("imr-article", "p. 2")
    people = [
        Entity("alexander-ionov", "Alexander Ionov", "person", aliases=("Александр Ионов",),
               countries=("RU",), born="1989", sources=(wiki,)),
        Entity("agmr", "Anti-Globalization Movement of Russia", "organization",
               aliases=("AGMR", "АГМР"), countries=("RU",), founded="2012",
               summary="Movement led by Alexander Ionov.", tags=("ionov-network",),
               sources=(wiki, article)),
        Entity("imr-congress", "IMR congress", "event", date="2023-03-14", place="Moscow",
               sources=(article,)),
    ]
    links = (
        Link("ionov-leads-agmr", "alexander-ionov", "agmr", "leads", "reported", start="2012",
             sources=(wiki,)),
        Link("agmr-organized-congress", "agmr", "imr-congress", "organized", "reported",
             start="2023-03", sources=(article,)),
    )
    return Dataset(
        sources={
            "wiki-ionov": Source("wiki-ionov", "Alexander Ionov", "Wikipedia"),
            "imr-article": Source("imr-article", "Movement of Russophiles", "Example Review"),
        },
        entities={e.id: e for e in people},
        links=links,
    )
