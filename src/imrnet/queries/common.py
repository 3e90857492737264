"""Interlocks: the entities tied to every one of several entities.

As in LittleSis, an *interlock* of A and B is an entity with a counted link
to A and a counted link to B, whatever the links' types and directions.
The given entities themselves are never listed.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcx"}
>>> d = Dataset(entities=ents, links=(Link("xa", "x", "a", "funds", "reported"),
...                                   Link("xb", "b", "x", "met", "reported"),
...                                   Link("cb", "c", "b", "met", "reported")))
>>> r = common_neighbours(d, ["a", "b"])
>>> [x["entity"]["id"] for x in r["results"]], {k: [l["id"] for l in v] for k, v in r["results"][0]["links"].items()}
(['x'], {'a': ['xa'], 'b': ['xb']})
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.dataset.accounts import fact_count, together
from imrnet.queries.filters import ALL_LINKS
from imrnet.queries import name_key
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.queries.names import index_for
from imrnet.index.network import network_for

__all__ = ["common_neighbours"]


def common_neighbours(dataset: Dataset, names: Iterable[str], *, link_filter=None) -> dict:
    """Entities with a counted link to every one of ``names``.

    Parameters
    ----------
    dataset : Dataset
    names : iterable of str
        Two or more entity ids, names, aliases or surnames.
    link_filter : LinkFilter, optional
        Which links count; all by default.

    Returns
    -------
    dict
        ``{"entities": [ref, ...], "results": [{"entity": ref, "links":
        {input_id: [link, ...]}}], "filters": {...}}``. Results are sorted
        by the number of links to the given entities (most first; the
        competing accounts of one fact count once), then name; each side's
        links are in file order, competing accounts together.

    Raises
    ------
    UsageError
        Fewer than two entities, one given twice, or an unknown name.
    NoAnswer
        When no entity is tied to all of them.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity
    >>> d = Dataset(entities={"a": Entity("a", "A", "person"), "b": Entity("b", "B", "person")})
    >>> common_neighbours(d, ["a", "b"])
    Traceback (most recent call last):
    ...
    imrnet.errors.NoAnswer: no entity is tied to all of A, B
    """
    link_filter = link_filter or ALL_LINKS
    names = [names] if isinstance(names, str) else list(names)
    if len(names) < 2:
        raise UsageError("give at least two entities to find what ties them")
    index = index_for(dataset)
    chosen = []
    for name in names:
        entity = index.resolve(name)
        if any(entity.id == other.id for other in chosen):
            raise UsageError(f"{entity.name} ({entity.id}) is given twice")
        chosen.append(entity)
    net = network_for(dataset, link_filter)
    ends = [net.key(e.id) for e in chosen]
    shared = set(net.neighbour_keys(ends[0]))
    for end in ends[1:]:
        shared &= set(net.neighbour_keys(end))
    shared -= set(ends)
    if not shared:
        along = (" along " + ", ".join(link_filter.describe()["ties"]) + " ties"
                 if link_filter.ties is not None else "")
        empty = {"entities": [e.ref() for e in chosen], "results": [],
                 "filters": link_filter.describe(dataset)}
        raise NoAnswer("no entity is tied to all of " + ", ".join(e.name for e in chosen) + along,
                       empty=empty)
    rows = []
    shared = list(shared)
    for node, record in zip(shared, net.entities(shared)):
        sides = {e.id: together(net.between(node, end)) for e, end in zip(chosen, ends)}
        links = {eid: [l.as_dict(dataset.entities) for l in side] for eid, side in sides.items()}
        # competing accounts of one fact count once
        rows.append((sum(fact_count(side) for side in sides.values()), record, links))
    rows.sort(key=lambda row: (-row[0], *name_key(row[1])))
    return {
        "entities": [e.ref() for e in chosen],
        "results": [{"entity": entity.ref(), "links": links} for _, entity, links in rows],
        "filters": link_filter.describe(dataset),
    }
