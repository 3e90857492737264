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

import heapq
import math
from dataclasses import replace
from collections.abc import Iterable
from fractions import Fraction

from imrnet.queries.filters import ALL_LINKS
from imrnet.dataset.when import timed_link
from imrnet.queries.evidence import hop_strength
from imrnet.queries.inputs import choices, count, entity_types
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.queries.names import index_for
from imrnet.index.network import Network

__all__ = ["find_paths", "hub_penalty", "RANKS"]

#: How ``--rank`` orders paths.
RANKS: tuple[str, ...] = ("hubs", "evidence")

#: Partial paths the search may expand before it gives up listing more.
SEARCH_BUDGET = 200_000


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

    entities = dataset.entities

    def passable(node: str) -> bool:
        if node in avoided:
            return False
        kind = entities[node].type
        if allowed_types is not None and kind not in allowed_types:
            return False
        return kind not in forbidden_types

    net = Network.filtered(dataset, link_filter)
    search = _Search(net, start.id, end.id, passable, directed, dataset)
    shortest = search.dist.get(start.id)
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
        left_out = link_filter.undated_left_out(dataset.links, dataset)
        if left_out:
            how.append(f"{left_out} undated link{'s' if left_out != 1 else ''} left out "
                       "(--undated include keeps them)")
        tail = (" " + "; ".join(how)) if how else ""
        empty = {"from": start.ref(), "to": end.ref(), "rank": rank, "max_hops": max_hops,
                 "length": None, "total": 0 if max_hops is None else None, "complete": True,
                 "paths": [], "filters": link_filter.describe(dataset)}
        raise NoAnswer(f"no path from {start.name} to {end.name}{tail}", empty=empty)

    paths, complete = search.best(rank, max_hops or shortest, limit)
    out_paths = []
    for nodes in paths:
        hops = []
        for a, b in zip(nodes, nodes[1:]):
            links = net.between(a, b, directed)
            hops.append({"from": a, "to": b, "strength": _four(search.strength(a, b)),
                         "links": [timed_link(l, dataset) for l in links]})
        out_paths.append(
            {
                "nodes": [entities[n].ref() for n in nodes],
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


class _Search:
    """Best-first search of simple paths to ``end`` over a network.

    Lower bounds to ``end`` come from searches backwards from it: ``dist``
    (fewest hops, breadth-first) and the cheapest hub and evidence costs
    (Dijkstra on products). The hub cost of a path is the product of the
    degrees of its intermediate entities; its evidence cost is the inverse
    of its evidence score. Both only grow along a path, so the bounds are
    exact enough to pop complete paths in rank order.
    """

    def __init__(self, net: Network, start: str, end: str, passable, directed: bool, dataset):
        self.net, self.start, self.end, self.directed = net, start, end, directed
        self.dataset = dataset
        self.passable = passable
        self._strength: dict[tuple[str, str], Fraction] = {}
        # incoming[w][u]: u can step to w
        if directed:
            self.incoming: dict[str, dict[str, list]] = {}
            for u, row in net.forward.items():
                for w, links in row.items():
                    self.incoming.setdefault(w, {})[u] = links
        else:
            self.incoming = net.undirected
        self.dist = self._backward_bfs()
        self.hub_bound = self._backward_costs(lambda u, w: self.enter_cost(w))
        self.evidence_bound = self._backward_costs(lambda u, w: 1 / self.strength(u, w))

    def usable(self, node: str) -> bool:
        """Can ``node`` lie in the middle of a path?"""
        return node != self.start and node != self.end and self.passable(node)

    def enter_cost(self, node: str) -> int:
        return 1 if node == self.end else max(self.net.degree(node), 1)

    def strength(self, a: str, b: str) -> Fraction:
        key = (a, b)
        if key not in self._strength:
            self._strength[key] = hop_strength(self.net.between(a, b, self.directed), self.dataset)
        return self._strength[key]

    def _backward_bfs(self) -> dict[str, int]:
        dist = {self.end: 0}
        frontier = [self.end]
        while frontier:
            following = []
            for w in frontier:
                if w != self.end and not self.usable(w):
                    continue
                for u in self.incoming.get(w, {}):
                    if u not in dist and (u == self.start or self.usable(u)):
                        dist[u] = dist[w] + 1
                        following.append(u)
            frontier = following
        return dist

    def _backward_costs(self, step) -> dict[str, Fraction]:
        best: dict[str, Fraction] = {self.end: Fraction(1)}
        heap = [(Fraction(1), self.end)]
        done = set()
        while heap:
            cost, w = heapq.heappop(heap)
            if w in done:
                continue
            done.add(w)
            if w != self.end and not self.usable(w):
                continue
            for u in self.incoming.get(w, {}):
                if u in done or not (u == self.start or self.usable(u)):
                    continue
                candidate = cost * step(u, w)
                if candidate < best.get(u, candidate + 1):
                    best[u] = candidate
                    heapq.heappush(heap, (candidate, u))
        return best

    def evidence_cost(self, nodes) -> Fraction:
        cost = Fraction(1)
        for a, b in zip(nodes, nodes[1:]):
            cost /= self.strength(a, b)
        return cost

    def count_shortest(self) -> int:
        """Number of shortest paths from start to end (through usable entities)."""
        ways: dict[str, int] = {}

        def count_from(node: str) -> int:
            if node == self.end:
                return 1
            if node not in ways:
                ways[node] = sum(
                    count_from(w)
                    for w in self.net.neighbours(node, self.directed)
                    if self.dist.get(w) == self.dist[node] - 1 and (w == self.end or self.usable(w))
                )
            return ways[node]

        return count_from(self.start)

    def best(self, rank: str, max_hops: int, limit: int) -> tuple[list[tuple[str, ...]], bool]:
        """The ``limit`` best simple paths of at most ``max_hops`` hops, and whether the search was complete."""

        def key(path, hub, evidence):
            last = path[-1]
            hops = len(path) - 1 + self.dist[last]
            hub_low = hub * self.hub_bound[last]
            if rank == "evidence":
                return (evidence * self.evidence_bound[last], hops, hub_low, path)
            return (hub_low, hops, path)

        start = (self.start,)
        heap = [(key(start, 1, Fraction(1)), start, 1, Fraction(1))]
        found: list[tuple[str, ...]] = []
        expanded = 0
        while heap and len(found) < limit:
            _, path, hub, evidence = heapq.heappop(heap)
            last = path[-1]
            if last == self.end:
                found.append(path)
                continue
            expanded += 1
            if expanded > SEARCH_BUDGET:
                return found, False
            for w in self.net.neighbours(last, self.directed):
                if w in path or w not in self.dist or (w != self.end and not self.usable(w)):
                    continue
                if len(path) + self.dist[w] > max_hops or w not in self.hub_bound:
                    continue
                step = path + (w,)
                next_hub = hub * self.enter_cost(w)
                next_evidence = evidence / self.strength(last, w)
                heapq.heappush(heap, (key(step, next_hub, next_evidence), step, next_hub, next_evidence))
        return found, True
