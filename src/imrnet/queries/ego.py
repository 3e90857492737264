"""The neighbourhood of one entity: everything within a few hops.

Distances follow links both ways (direction does not matter). The result
lists the centre (distance 0) and every entity within ``radius`` hops, and
every counted link among those entities: the links of the induced
subgraph, so ties between two neighbours, or between two entities on the
outer ring, are included too.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "reported"),
...                                   Link("bc", "b", "c", "met", "reported"),
...                                   Link("cd", "c", "d", "met", "reported")))
>>> r = ego_network(d, "b")
>>> [(n["id"], n["distance"]) for n in r["nodes"]], [l["id"] for l in r["links"]]
([('b', 0), ('a', 1), ('c', 1)], ['ab', 'bc'])
"""

from __future__ import annotations

from imrnet.dataset.accounts import accounts, fact_count, together
from imrnet.queries.filters import ALL_LINKS
from imrnet.queries import name_key
from imrnet.queries.inputs import count
from imrnet.dataset.model import Dataset
from imrnet.queries.names import resolve
from imrnet.index.network import network_for

__all__ = ["ego_network"]


def ego_network(dataset: Dataset, center: str, *, radius: int = 1, link_filter=None) -> dict:
    """Entities within ``radius`` hops of ``center`` and the links among them.

    Parameters
    ----------
    dataset : Dataset
    center : str
        An entity id, name, alias or surname.
    radius : int
        Hops from the centre (at least 1).
    link_filter : LinkFilter, optional
        Which links count; all by default.

    Returns
    -------
    dict
        ``{"center": ref, "radius": n, "nodes": [ref + {"distance": d}],
        "links": [link, ...], "accounts": {slug: [ids]}, "facts": n,
        "filters": {...}}``. ``nodes`` starts with the centre (distance 0)
        and is sorted by distance, then name; ``links`` holds every counted
        link between two listed entities, in file order (competing accounts
        of one fact together, grouped in ``accounts``); ``facts`` counts
        them with each group of accounts once; ``filters["undated_left_out"]``
        counts the links of the listed entities a date filter left out as
        undated.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity, Link
    >>> ents = {i: Entity(i, i.upper(), "person") for i in "abc"}
    >>> d = Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "reported"),
    ...                                   Link("bc", "b", "c", "met", "reported")))
    >>> [n["id"] for n in ego_network(d, "a", radius=2)["nodes"]]
    ['a', 'b', 'c']
    >>> ego_network(d, "a", radius=0)
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: --radius must be a whole number of at least 1, not 0
    """
    link_filter = link_filter or ALL_LINKS
    radius = count(radius, "--radius", 1)
    entity = resolve(dataset, center)
    net = network_for(dataset, link_filter)
    dist = net.bfs(net.key(entity.id), radius=radius)
    records = dict(zip(dist, net.entities(dist)))
    ordered = sorted(dist, key=lambda n: (dist[n], *name_key(records[n])))
    among = together(net.links_among(dist))
    links = [link.as_dict(dataset.entities) for link in among]
    return {
        "center": entity.ref(),
        "radius": radius,
        "nodes": [{**records[n].ref(), "distance": dist[n]} for n in ordered],
        "links": links,
        "accounts": accounts(among),
        "facts": fact_count(among),
        "filters": {**link_filter.describe(), "undated_left_out": net.undated_left_out(dist)},
    }
