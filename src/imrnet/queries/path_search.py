"""The best-first search behind ``imrnet path``, bounded to the entities that matter.

A path search first finds the *region*: the entities that can lie on an
answer. For the shortest paths, a breadth-first search from both ends at
once (always widening the smaller frontier) meets in the middle after
reading a few neighbourhoods, and walking back from the meeting layer
keeps exactly the entities on some shortest path. With a hop limit ``h``,
the region is the entities whose distances from the start and to the end
add up to at most ``h``. Inside the region, searches backwards from the
end give exact lower bounds (fewest hops, cheapest hub and evidence costs)
and a best-first search pops whole paths in rank order
(:mod:`imrnet.queries.path` explains the ranks). Nothing outside the
region is read, so on a network of a million entities a shortest-path
question reads the neighbourhoods it crosses, not the network.

The search works on any network offering the node-level methods of
:func:`imrnet.index.network.network_for`.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.index.network import Network
>>> ents = {i: Entity(i, i, "person") for i in "sabcdt"}
>>> links = tuple(Link(f"{x}{y}", x, y, "met", "reported")
...               for x, y in ["sa", "at", "sb", "bt", "sc", "cd", "dt"])
>>> search = PathSearch(Network(Dataset(entities=ents, links=links)), "s", "t",
...                     lambda node: True, directed=False, dataset=None)
>>> search.shortest, sorted(search.region)
(2, ['a', 'b', 's', 't'])
>>> search.best("hubs", 2, 10)
([('s', 'a', 't'), ('s', 'b', 't')], True)
>>> search.count_shortest()
2
"""

from __future__ import annotations

import heapq
from fractions import Fraction

from imrnet.queries.evidence import hop_strength

__all__ = ["PathSearch", "SEARCH_BUDGET"]

#: Partial paths the search may expand before it gives up listing more.
SEARCH_BUDGET = 200_000


class PathSearch:
    """Best-first search of simple paths from ``start`` to ``end`` over a network.

    Parameters
    ----------
    net : Network or IndexedNetwork
    start, end : node
        The ends, as nodes of ``net``.
    passable : callable
        Tells whether a node may lie in the middle of a path.
    directed : bool
        Follow links only forward (symmetric types both ways).
    dataset : Dataset
        Gives the sources that weigh a hop's evidence.
    max_hops : int, optional
        Paths of up to this many hops count; only the shortest when ``None``.

    Attributes
    ----------
    shortest : int or None
        Hops of the shortest path, ``None`` when there is none.
    region : dict
        Node to its fewest hops to ``end``, for every node an answer may pass.
    """

    def __init__(self, net, start, end, passable, directed: bool, dataset, max_hops: int | None = None):
        self.net, self.start, self.end, self.directed = net, start, end, directed
        self.dataset = dataset
        self.passable = passable
        self._strength: dict[tuple, Fraction] = {}
        self._ids: dict = {}
        self.shortest = self._meet()
        if self.shortest is None or (max_hops is not None and self.shortest > max_hops):
            self.region: dict = {}
        elif max_hops is None:
            self.region = self._shortest_region()
        else:
            self.region = self._bounded_region(max_hops)
        self.hub_bound = self._backward_costs(lambda u, w: self.enter_cost(w))
        self._evidence_bound: dict | None = None

    # -- steps ------------------------------------------------------------

    def usable(self, node) -> bool:
        """Can ``node`` lie in the middle of a path?"""
        return node != self.start and node != self.end and self.passable(node)

    def _successors(self, node) -> list:
        return [w for w in self.net.neighbour_keys(node, self.directed) if w == self.end or self.usable(w)]

    def _predecessors(self, node) -> list:
        near = self.net.incoming_keys(node) if self.directed else self.net.neighbour_keys(node)
        return [u for u in near if u == self.start or self.usable(u)]

    def _layer(self, frontier: list, seen: dict, step, depth: int) -> list:
        following = []
        for node in frontier:
            for other in step(node):
                if other not in seen:
                    seen[other] = depth
                    following.append(other)
        return following

    def _expandable(self, frontier: list, far_end) -> list:
        return [n for n in frontier if n != far_end]

    # -- region -----------------------------------------------------------

    def _meet(self) -> int | None:
        """Fewest hops from start to end: breadth-first from both ends, the smaller frontier first."""
        self._from = {self.start: 0}
        self._to = {self.end: 0}
        ahead, behind = [self.start], [self.end]
        a = b = 0
        while ahead and behind:
            if len(ahead) <= len(behind):
                a += 1
                ahead = self._layer(self._expandable(ahead, self.end), self._from, self._successors, a)
                met = [n for n in ahead if n in self._to]
            else:
                b += 1
                behind = self._layer(self._expandable(behind, self.start), self._to, self._predecessors, b)
                met = [n for n in behind if n in self._from]
            if met:
                self._meeting = met
                return a + b
        return None

    def _shortest_region(self) -> dict:
        """The nodes on some shortest path, with their hops to the end."""
        d = self.shortest
        meeting = self._meeting
        region = {n: self._to[n] for n in meeting}
        layer = set(meeting)
        # back towards the start: predecessors one hop nearer to it
        while layer:
            hops = self._from[next(iter(layer))] - 1
            layer = {u for w in layer for u in self._predecessors(w) if self._from.get(u) == hops}
            for u in layer:
                region[u] = d - hops
        layer = set(meeting)
        # on towards the end: successors one hop nearer to it
        while layer:
            hops = self._to[next(iter(layer))] - 1
            layer = {w for u in layer for w in self._successors(u) if self._to.get(w) == hops}
            for w in layer:
                region[w] = hops
        return region

    def _bounded_region(self, max_hops: int) -> dict:
        """The nodes whose hops from the start and to the end add up to at most ``max_hops``."""
        ahead = {self.start: 0}
        frontier = [self.start]
        for depth in range(1, max_hops):
            frontier = self._layer(self._expandable(frontier, self.end), ahead, self._successors, depth)
        behind = {self.end: 0}
        frontier = [self.end]
        for depth in range(1, max_hops):
            frontier = self._layer(self._expandable(frontier, self.start), behind, self._predecessors, depth)
        region = {n: behind[n] for n in ahead if n in behind and ahead[n] + behind[n] <= max_hops}
        # the ends lie on every path, however far apart the searches stopped
        region[self.start], region[self.end] = self.shortest, 0
        return region

    # -- costs ------------------------------------------------------------

    def enter_cost(self, node) -> int:
        return 1 if node == self.end else max(self.net.degree(node), 1)

    def strength(self, a, b) -> Fraction:
        key = (a, b)
        if key not in self._strength:
            self._strength[key] = hop_strength(self.net.between(a, b, self.directed), self.dataset)
        return self._strength[key]

    @property
    def evidence_bound(self) -> dict:
        if self._evidence_bound is None:
            self._evidence_bound = self._backward_costs(lambda u, w: 1 / self.strength(u, w))
        return self._evidence_bound

    def _backward_costs(self, step) -> dict:
        """The cheapest cost from each region node to the end (Dijkstra on products)."""
        if not self.region:
            return {}
        best: dict = {self.end: Fraction(1)}
        heap = [(Fraction(1), self.end)]
        done = set()
        while heap:
            cost, w = heapq.heappop(heap)
            if w in done:
                continue
            done.add(w)
            if w == self.start:
                continue
            for u in self._predecessors(w):
                if u in done or u not in self.region:
                    continue
                candidate = cost * step(u, w)
                if candidate < best.get(u, candidate + 1):
                    best[u] = candidate
                    heapq.heappush(heap, (candidate, u))
        return best

    def _id(self, node) -> str:
        """The entity id of ``node``: ties are broken by ids, whatever the network's nodes are."""
        found = self._ids.get(node)
        if found is None:
            missing = [n for n in self.region if n not in self._ids] or [node]
            for n, entity in zip(missing, self.net.entities(missing)):
                self._ids[n] = entity.id
            found = self._ids[node]
        return found

    def evidence_cost(self, nodes) -> Fraction:
        cost = Fraction(1)
        for a, b in zip(nodes, nodes[1:]):
            cost /= self.strength(a, b)
        return cost

    # -- answers ----------------------------------------------------------

    def count_shortest(self) -> int:
        """Number of shortest paths from start to end (through usable entities)."""
        ways: dict = {}
        dist = self.region

        def count_from(node) -> int:
            if node == self.end:
                return 1
            if node not in ways:
                ways[node] = sum(count_from(w) for w in self._successors(node)
                                 if dist.get(w) == dist[node] - 1)
            return ways[node]

        return count_from(self.start) if self.start in dist else 0

    def best(self, rank: str, max_hops: int, limit: int) -> tuple[list[tuple], bool]:
        """The ``limit`` best simple paths of at most ``max_hops`` hops, and whether the search was complete."""
        dist = self.region

        def key(path, ids, hub, evidence):
            last = path[-1]
            hops = len(path) - 1 + dist[last]
            hub_low = hub * self.hub_bound[last]
            if rank == "evidence":
                return (evidence * self.evidence_bound[last], hops, hub_low, ids)
            return (hub_low, hops, ids)

        if self.start not in self.hub_bound:
            return [], True
        start = (self.start,)
        ids = (self._id(self.start),)
        heap = [(key(start, ids, 1, Fraction(1)), start, ids, 1, Fraction(1))]
        found: list[tuple] = []
        expanded = 0
        while heap and len(found) < limit:
            _, path, ids, hub, evidence = heapq.heappop(heap)
            last = path[-1]
            if last == self.end:
                found.append(path)
                continue
            expanded += 1
            if expanded > SEARCH_BUDGET:
                return found, False
            for w in self._successors(last):
                if w in path or w not in dist or w not in self.hub_bound:
                    continue
                if len(path) + dist[w] > max_hops:
                    continue
                step = path + (w,)
                next_hub = hub * self.enter_cost(w)
                next_evidence = evidence / self.strength(last, w)
                next_ids = ids + (self._id(w),)
                heapq.heappush(heap, (key(step, next_ids, next_hub, next_evidence),
                                      step, next_ids, next_hub, next_evidence))
        return found, True
