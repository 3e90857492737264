"""Shortest paths between two entities, ranked to avoid hubs.

Every shortest path counts (all have the same number of hops); among them
the paths through small groups come first. The *hub penalty* of a path is
the sum, over its intermediate entities, of the natural logarithm of their
degree (distinct neighbours in the undirected network of the links that
pass the filter). Paths are ranked by hub penalty ascending, ties by the
sequence of entity ids; a path through an entity tied to half the graph so
ranks below one through a small group. The ranking is exact: it compares the
products of the degrees, so no rounding decides an order.

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

import heapq
import math
from collections.abc import Iterable

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries.inputs import count, entity_types
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.queries.names import index_for
from imrnet.index.network import Network

__all__ = ["find_paths", "hub_penalty"]


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
) -> dict:
    """Every shortest path from ``source`` to ``target``, hub-penalised.

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

    Returns
    -------
    dict
        ``{"from": ref, "to": ref, "length": hops, "total": number of
        shortest paths, "paths": [{"nodes": [ref, ...], "hops": [{"from":
        id, "to": id, "links": [link, ...]}], "hub_penalty": x}],
        "filters": {...}}``. A hop lists every counted link between its two
        entities (when directed, those read from ``from`` to ``to``), in
        file order.

    Raises
    ------
    UsageError
        Unknown or ambiguous names, the same entity at both ends, an
        endpoint also avoided, a bad entity type or limit.
    NoAnswer
        When no path joins them.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity, Link
    >>> ents = {i: Entity(i, i.title(), "person") for i in ("ann", "bob", "cy")}
    >>> d = Dataset(entities=ents, links=(Link("l1", "ann", "bob", "funds", "reported"),
    ...                                   Link("l2", "cy", "bob", "funds", "reported")))
    >>> r = find_paths(d, "Ann", "cy")
    >>> [n["id"] for n in r["paths"][0]["nodes"]], r["paths"][0]["hops"][1]["links"][0]["id"]
    (['ann', 'bob', 'cy'], 'l2')
    >>> find_paths(d, "ann", "cy", directed=True)
    Traceback (most recent call last):
    ...
    imrnet.errors.NoAnswer: no path from Ann to Cy following links forward
    """
    link_filter = link_filter or ALL_LINKS
    limit = count(limit, "--limit", 1)
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

    entities = dataset.entities

    def passable(node: str) -> bool:
        if node in avoided:
            return False
        kind = entities[node].type
        if allowed_types is not None and kind not in allowed_types:
            return False
        return kind not in forbidden_types

    net = Network.filtered(dataset, link_filter)
    preds = _shortest_dag(net, start.id, end.id, passable, directed)
    if end.id not in preds:
        how = []
        if directed:
            how.append("following links forward")
        if avoided:
            how.append("avoiding " + ", ".join(e.name for e in avoided.values()))
        if allowed_types is not None:
            how.append("only via " + ", ".join(sorted(allowed_types)))
        if forbidden_types:
            how.append("not via " + ", ".join(sorted(forbidden_types)))
        if link_filter.describe() != ALL_LINKS.describe():
            how.append("with the links the filters leave")
        tail = (" " + "; ".join(how)) if how else ""
        empty = {"from": start.ref(), "to": end.ref(), "length": None, "total": 0, "paths": [],
                 "filters": link_filter.describe()}
        raise NoAnswer(f"no path from {start.name} to {end.name}{tail}", empty=empty)

    paths, total = _ranked_paths(preds, start.id, end.id, net.degree, limit)
    out_paths = []
    for nodes in paths:
        hops = [
            {"from": a, "to": b, "links": [l.as_dict(entities) for l in net.between(a, b, directed)]}
            for a, b in zip(nodes, nodes[1:])
        ]
        out_paths.append(
            {
                "nodes": [entities[n].ref() for n in nodes],
                "hops": hops,
                "hub_penalty": hub_penalty(net.degree(n) for n in nodes[1:-1]),
            }
        )
    return {
        "from": start.ref(),
        "to": end.ref(),
        "length": len(paths[0]) - 1,
        "total": total,
        "paths": out_paths,
        "filters": link_filter.describe(),
    }


def _shortest_dag(net: Network, start: str, end: str, passable, directed: bool) -> dict[str, list[str]]:
    """Breadth-first search; each reached node's predecessors on shortest paths.

    The search stops at the layer where ``end`` is reached; only passable
    nodes (and ``end``) are expanded or entered.
    """
    dist = {start: 0}
    preds: dict[str, list[str]] = {start: []}
    frontier = [start]
    depth = 0
    while frontier and end not in dist:
        depth += 1
        following = []
        for node in frontier:
            for nb in net.neighbours(node, directed):
                if nb != end and not passable(nb):
                    continue
                seen = dist.get(nb)
                if seen is None:
                    dist[nb] = depth
                    preds[nb] = [node]
                    following.append(nb)
                elif seen == depth:
                    preds[nb].append(node)
        frontier = [n for n in following if n != end]
    return preds


def _ranked_paths(preds, start: str, end: str, degree, limit: int) -> tuple[list[tuple[str, ...]], int]:
    """The ``limit`` best shortest paths and the number of all of them.

    Best-first enumeration over the shortest-path DAG: the cost of a path is
    the product of its intermediate nodes' degrees (the exponential of the
    hub penalty, exact in integers); the heuristic is the exact cheapest
    completion, so paths come out in (cost, id sequence) order.
    """
    # successors on the DAG, restricted to nodes that lead to `end`
    succ: dict[str, list[str]] = {}
    on_dag = {end}
    stack = [end]
    while stack:
        node = stack.pop()
        for p in preds[node]:
            succ.setdefault(p, []).append(node)
            if p not in on_dag:
                on_dag.add(p)
                stack.append(p)
    # best completion cost and path count, computed from `end` backwards
    order = sorted(on_dag, key=lambda n: -_depth(n, preds))
    best: dict[str, int] = {end: 1}
    count: dict[str, int] = {end: 1}
    for node in order:
        if node == end:
            continue
        best[node] = min((degree(w) if w != end else 1) * best[w] for w in succ[node])
        count[node] = sum(count[w] for w in succ[node])
    heap: list[tuple[int, tuple[str, ...], int]] = [(best[start], (start,), 1)]
    found: list[tuple[str, ...]] = []
    while heap and len(found) < limit:
        _, path, cost = heapq.heappop(heap)
        last = path[-1]
        if last == end:
            found.append(path)
            continue
        for w in succ[last]:
            step = cost * (degree(w) if w != end else 1)
            heapq.heappush(heap, (step * best[w], path + (w,), step))
    return found, count[start]


def _depth(node: str, preds) -> int:
    depth = 0
    while preds[node]:
        node = preds[node][0]
        depth += 1
    return depth
