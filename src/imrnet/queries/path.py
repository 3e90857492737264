"""Paths between two entities, ranked by hubs or by evidence.

By default every shortest path counts (all have the same number of hops);
with ``max_hops`` every simple path of up to that many hops does. Paths are
ranked one of two ways:

* ``hubs`` (default): by *hub penalty*, the sum over the intermediate
  entities of the natural logarithm of their degree (distinct neighbours in
  the undirected network of the links that pass the filter), ascending. A
  path through an entity tied to half the graph so ranks below one through
  a small group. Ties: fewer hops first, then the sequence of entity ids.
* ``evidence``: by *evidence score*, the product over the hops of the
  strength of the hop's best link (:mod:`imrnet.queries.evidence`: reported
  above alleged above disputed above planned, several independent sources
  above one), descending. Ties: fewer hops, lower hub penalty, entity ids.

Rankings are exact (products of whole degrees, fractions of strengths; no
rounding decides an order). The search is best-first over simple paths,
with exact lower bounds on what remains to the target (cost and hops), so
it explores only the partial paths that can still make the list: it never
enumerates every path of a large graph.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in ("a", "hub", "small", "b", "x", "y")}
>>> links = tuple(Link(f"{s}-{t}", s, t, "associate", "reported") for s, t in [
...     ("a", "hub"), ("hub", "b"), ("hub", "x"), ("hub", "y"), ("a", "small"), ("small", "b")])
>>> result = find_paths(Dataset(entities=ents, links=links), "a", "b")
>>> result["length"], [[n["id"] for n in p["nodes"]] for p in result["paths"]]
(2, [['a', 'small', 'b'], ['a', 'hub', 'b']])
>>> [p["hub_penalty"] for p in result["paths"]]
[0.6931, 1.3863]
"""

from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Iterable
from fractions import Fraction

from imrnet.queries.filters import ALL_LINKS
from imrnet.dataset.when import timed_link
from imrnet.queries.inputs import choices, count, entity_types
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.queries.names import index_for
from imrnet.index.network import network_for
from imrnet.queries.path_search import PathSearch

__all__ = ["find_paths", "hub_penalty", "RANKS"]

#: How ``--rank`` orders paths.
RANKS: tuple[str, ...] = ("hubs", "evidence")


def hub_penalty(degrees: Iterable[int]) -> float:
    """Sum of the natural logs of the intermediate entities' degrees, to 4 places.

    Examples
    --------
    >>> hub_penalty([2, 2])
    1.3863
    >>> hub_penalty([])
    0.0
    """
    return round(math.fsum(math.log(d) for d in degrees if d > 0), 4)




def find_paths(
    dataset: Dataset,
    source: str,
    target: str,
    *,
    link_filter=None,
    avoid: Iterable[str] = (),
    via_types: Iterable[str] | None = None,
    exclude_types: Iterable[str] | None = None,
    directed: bool = False,
    limit: int = 10,
    rank: str = "hubs",
    max_hops: int | None = None,
) -> dict:
    """The best paths from ``source`` to ``target``: the shortest, or all up to ``max_hops``.

    Parameters
    ----------
    dataset : Dataset
    source, target : str
        Entity ids, names, aliases or surnames (see :mod:`imrnet.queries.names`).
    link_filter : LinkFilter, optional
        Which links count; all by default.
    avoid : iterable of str
        Entities (names or ids) no path may pass through.
    via_types : iterable of str, optional
        Entity types allowed in the middle of a path (all by default).
    exclude_types : iterable of str, optional
        Entity types forbidden in the middle of a path.
    directed : bool
        Follow each link only from its source to its target; links of a
        symmetric type (``met``, ``family``...) count both ways.
    limit : int
        At most this many paths, best first.
    rank : str
        ``hubs`` (hub penalty, lowest first) or ``evidence`` (evidence
        score, highest first); see the module notes.
    max_hops : int, optional
        List the best simple paths of up to this many hops, not only the
        shortest ones.

    Returns
    -------
    dict
        ``{"from": ref, "to": ref, "rank": rank, "max_hops": n or None,
        "length": hops of the shortest path, "total": number of shortest
        paths (``None`` with ``max_hops``), "complete": False only when the
        search stopped at its budget, "paths": [{"nodes": [ref, ...],
        "hops": [{"from": id, "to": id, "strength": x, "links": [link,
        ...]}], "hub_penalty": x, "evidence": x}], "filters": {...}}``. A
        hop lists every counted link between its two entities (when
        directed, those read from ``from`` to ``to``), in file order, each
        with its effective ``"time"`` (:func:`imrnet.dataset.when.timed_link`),
        and the strength of the best one.

    Raises
    ------
    UsageError
        Unknown or ambiguous names, the same entity at both ends, an
        endpoint also avoided, a bad entity type, rank, limit or hop count.
    NoAnswer
        When no path joins them (within ``max_hops``).

    Examples
    --------
    >>> from imrnet.dataset.model import Citation, Dataset, Entity, Link
    >>> ents = {i: Entity(i, i.title(), "person") for i in ("ann", "bob", "cy", "dee")}
    >>> src = (Citation("s"),)
    >>> d = Dataset(entities=ents, links=(Link("l1", "ann", "bob", "funds", "reported", sources=src),
    ...                                   Link("l2", "cy", "bob", "funds", "reported", sources=src),
    ...                                   Link("l3", "ann", "dee", "met", "reported", sources=src),
    ...                                   Link("l4", "dee", "bob", "met", "reported", sources=src),
    ...                                   Link("l5", "ann", "cy", "met", "alleged", sources=src)))
    >>> r = find_paths(d, "Ann", "cy")
    >>> [n["id"] for n in r["paths"][0]["nodes"]], r["paths"][0]["evidence"]
    (['ann', 'cy'], 0.375)
    >>> r = find_paths(d, "Ann", "cy", rank="evidence", max_hops=3)
    >>> [([n["id"] for n in p["nodes"]], p["evidence"]) for p in r["paths"]]
    [(['ann', 'bob', 'cy'], 0.5625), (['ann', 'dee', 'bob', 'cy'], 0.4219), (['ann', 'cy'], 0.375)]
    >>> find_paths(d, "ann", "cy", directed=True, link_filter=None, max_hops=1)["length"]
    1
    """
    link_filter = link_filter or ALL_LINKS
    limit = count(limit, "--limit", 1)
    rank = next(iter(choices([rank] if isinstance(rank, str) else rank, RANKS, "ranking", "--rank",
                             fold_case=True)))
    if max_hops is not None:
        max_hops = count(max_hops, "--max-hops", 1)
    index = index_for(dataset)
    start = index.resolve(source)
    end = index.resolve(target)
    if start.id == end.id:
        raise UsageError(f"{source!r} and {target!r} both name {start.name} ({start.id}); give two different entities")
    if isinstance(avoid, str):
        avoid = [avoid]
    avoided = {}
    for name in avoid:
        entity = index.resolve(name)
        if entity.id in (start.id, end.id):
            raise UsageError(f"cannot avoid {entity.name} ({entity.id}): it is an end of the path")
        avoided[entity.id] = entity
    allowed_types = entity_types(via_types, "--via-type")
    forbidden_types = entity_types(exclude_types, "--exclude-type") or frozenset()

    net = network_for(dataset, link_filter)
    avoided_nodes = {net.key(eid) for eid in avoided}

    def passable(node) -> bool:
        if node in avoided_nodes:
            return False
        kind = net.entity_type(node)
        if allowed_types is not None and kind not in allowed_types:
            return False
        return kind not in forbidden_types

    search = PathSearch(net, net.key(start.id), net.key(end.id), passable, directed, dataset, max_hops)
    shortest = search.shortest
    if shortest is None or (max_hops is not None and shortest > max_hops):
        how = []
        if max_hops is not None and shortest is not None:
            how.append(f"within {max_hops} hop{'s' if max_hops != 1 else ''} (the shortest has {shortest})")
        if directed:
            how.append("following links forward")
        if avoided:
            how.append("avoiding " + ", ".join(e.name for e in avoided.values()))
        if allowed_types is not None:
            how.append("only via " + ", ".join(sorted(allowed_types)))
        if forbidden_types:
            how.append("not via " + ", ".join(sorted(forbidden_types)))
        if link_filter.ties is not None:
            how.append("along " + ", ".join(link_filter.describe()["ties"]) + " ties")
        if replace(link_filter, ties=None) != ALL_LINKS:
            how.append("with the links the filters leave")
        filters = link_filter.describe(dataset)
        left_out = filters["undated_left_out"]
        if left_out:
            how.append(f"{left_out} undated link{'s' if left_out != 1 else ''} left out "
                       "(--undated include keeps them)")
        tail = (" " + "; ".join(how)) if how else ""
        empty = {"from": start.ref(), "to": end.ref(), "rank": rank, "max_hops": max_hops,
                 "length": None, "total": 0 if max_hops is None else None, "complete": True,
                 "paths": [], "filters": filters}
        raise NoAnswer(f"no path from {start.name} to {end.name}{tail}", empty=empty)

    paths, complete = search.best(rank, max_hops or shortest, limit)
    out_paths = []
    for nodes in paths:
        records = net.entities(nodes)
        hops = []
        for (a, b), (ea, eb) in zip(zip(nodes, nodes[1:]), zip(records, records[1:])):
            links = net.between(a, b, directed)
            hops.append({"from": ea.id, "to": eb.id, "strength": _four(search.strength(a, b)),
                         "links": [timed_link(l, dataset) for l in links]})
        out_paths.append(
            {
                "nodes": [e.ref() for e in records],
                "hops": hops,
                "hub_penalty": hub_penalty(net.degree(n) for n in nodes[1:-1]),
                "evidence": _four(1 / search.evidence_cost(nodes)),
            }
        )
    return {
        "from": start.ref(),
        "to": end.ref(),
        "rank": rank,
        "max_hops": max_hops,
        "length": shortest,
        "total": search.count_shortest() if max_hops is None else None,
        "complete": complete,
        "paths": out_paths,
        "filters": link_filter.describe(dataset),
    }


def _four(value: Fraction) -> float:
    return round(float(value), 4)
