"""Record queries: entity cards, entity listings and link listings.

Every function takes a :class:`~imrnet.dataset.model.Dataset` and returns a plain
``dict`` (JSON-ready) that the ``show``, ``list`` and ``links`` commands
print as JSON or tables; :mod:`imrnet.queries.search`, :mod:`imrnet.queries.timeline` and
:mod:`imrnet.queries.provenance` answer the other record questions.
Names are resolved with :func:`imrnet.queries.names.resolve`, so an id, a name, an
alias or a surname all work; bad values raise
:class:`~imrnet.errors.UsageError` (exit 2) and a search without a hit
raises :class:`~imrnet.errors.NoAnswer` (exit 1).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> ds = tiny_dataset()
>>> entity_card(ds, "Ionov")["links"][0]["id"]
'ionov-leads-agmr'
>>> list_entities(ds, types=["organization"])["count"]
1
>>> list_links(ds)["count"]
2
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.dataset.accounts import accounts, fact_count, together
from imrnet.dataset.dates import sort_key
from imrnet.dataset.when import link_time, timed_link
from imrnet.errors import UsageError
from imrnet.queries.filters import ALL_LINKS, with_dates
from imrnet.queries.inputs import entity_types, split_values, unknown_value
from imrnet.dataset.model import Dataset, Link
from imrnet.queries.names import resolve
from imrnet.dataset.vocab import COUNTRIES

__all__ = [
    "entity_card",
    "list_entities",
    "list_links",
    "link_date",
]

#: The orders ``links --sort`` offers (file order without it).
LINK_SORTS = ("date", "source", "target", "type")

# --------------------------------------------------------------------------
# helpers


def link_date(link: Link, dataset: Dataset | None = None) -> str | None:
    """The date a link is listed at: its start, else its end, else ``None``.

    An act without a date of its own sits at its event's date
    (:func:`imrnet.dataset.when.link_time`); a bound drawn from the
    entities' dates places nothing.

    Examples
    --------
    >>> from imrnet.dataset.model import Link
    >>> link_date(Link("x", "a", "b", "leads", "reported", end="2020"))
    '2020'
    """
    time = link_time(link, dataset)
    if time.basis == "entities":
        return link.end
    return time.start if time.start is not None else time.end


def _by_date(links: Iterable[Link], dataset: Dataset) -> list[Link]:
    return sorted(links, key=lambda link: sort_key(link_date(link, dataset)))


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
        :meth:`Link.as_dict` plus ``"time"`` (:func:`imrnet.dataset.when.timed_link`), oldest first (by start, else end, an act
        without dates at its event's date, see :func:`link_date`; partial
        dates before precise ones, undated last, file order among equals),
        the competing accounts of one fact together; and ``"accounts"``:
        ``{account_of: [link ids]}``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> card = entity_card(tiny_dataset(), "agmr")
    >>> card["name"], card["country"]
    ('Anti-Globalization Movement of Russia', ['RU'])
    >>> [(link["source"], link["type"]) for link in card["links"]]
    [('alexander-ionov', 'leads'), ('agmr', 'organized')]
    """
    entity = resolve(dataset, name)
    links = together(_by_date(dataset.links_by_entity.get(entity.id, ()), dataset))
    return {
        **entity.as_dict(),
        "links": [timed_link(link, dataset) for link in links],
        "accounts": accounts(links),
    }


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
        Entity types (see :data:`imrnet.dataset.vocab.ENTITY_TYPES`).
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
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> ds = tiny_dataset()
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
    for value in split_values(tags):
        tag = str(value).strip().lower()
        if tag not in known_tags:
            listed = ", ".join(known_tags) if known_tags else "none"
            raise UsageError(f"unknown tag {value!r} (tags in the dataset: {listed})")
        wanted_tags.add(tag)
    wanted_countries = set()
    for value in split_values(countries):
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
    sort: str | None = None,
) -> dict:
    """The links, filtered, in file order or sorted.

    Parameters
    ----------
    dataset : Dataset
    link_filter : imrnet.queries.filters.LinkFilter, optional
        Status, kind, date and link type filters; none by default.
    entities : iterable of str, optional
        Names (id, name, alias or surname); keep links touching any of them.
    since, until : str, optional
        Shorthands for the filter's own ``since`` and ``until``: acts dated
        in the window, states whose interval overlaps it (undated links
        left out and counted).
    sort : str, optional
        One of :data:`LINK_SORTS`: ``date`` (oldest first, undated last,
        see :func:`link_date`), ``source`` or ``target`` (by that end's
        name), ``type`` (link type, alphabetical); ties keep file order.
        File order by default.

    Returns
    -------
    dict
        ``{"count": n, "filters": {...}, "sort": sort, "accounts": {slug:
        [ids]}, "links": [link]}``, each link :meth:`Link.as_dict` plus
        ``"time"``, its effective time (:func:`imrnet.dataset.when.timed_link`);
        the filters are the link filter's :meth:`describe` (its
        ``undated_left_out`` among the links touching the entities) plus
        ``"entity"`` (resolved ids). ``count`` counts facts: the competing
        accounts of one fact (grouped in ``accounts``, listed one after the
        other) count once.

    Raises
    ------
    UsageError
        Unknown or ambiguous names, malformed dates, ``until`` before
        ``since``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> ds = tiny_dataset()
    >>> [link["id"] for link in list_links(ds, until="2015")["links"]]
    ['ionov-leads-agmr']
    >>> list_links(ds, since="2020")["filters"]["since"]
    '2020'
    >>> list_links(ds, entities=["Ionov"], until="2015")["count"]
    1
    """
    order = _link_order(dataset, sort)
    link_filter = with_dates(link_filter or ALL_LINKS, since, until)
    ids = []
    for name in entities or ():
        eid = resolve(dataset, name).id
        if eid not in ids:
            ids.append(eid)
    scope = [link for link in dataset.links if not ids or link.source in ids or link.target in ids]
    found = link_filter.apply(scope, dataset)
    if order is not None:
        found.sort(key=order)
    found = together(found)
    filters = {**link_filter.describe(dataset, scope), "entity": ids}
    return {
        "count": fact_count(found),
        "filters": filters,
        "sort": sort and sort.strip().lower(),
        "accounts": accounts(found),
        "links": [timed_link(link, dataset) for link in found],
    }


def _link_order(dataset: Dataset, sort: str | None):
    """The sort key ``links --sort`` names, ``None`` for file order."""
    if sort is None:
        return None
    wanted = str(sort).strip().lower()
    names = dataset.entities
    keys = {
        "date": lambda link: sort_key(link_date(link, dataset)),
        "source": lambda link: names[link.source].name.casefold(),
        "target": lambda link: names[link.target].name.casefold(),
        "type": lambda link: link.type,
    }
    if wanted not in keys:
        raise unknown_value("sort", sort, LINK_SORTS, option="--sort")
    return keys[wanted]
