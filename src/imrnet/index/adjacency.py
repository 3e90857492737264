"""Traversing a compiled index's topology, reading only the entities reached.

:class:`IndexedNetwork` offers the node-level methods of
:class:`imrnet.index.network.Network` (the ones path finding and ego
networks use) over the arrays of :mod:`imrnet.index.csr`. Its nodes are
entity *numbers* (file order from 0) rather than ids: :meth:`key` turns an
id into a node, :meth:`entities` nodes into records. The link filter is applied to an entity's row
when the row is first read: type and status by their byte codes, dates by
the effective times stored at the build. Link records are read only for
the links an answer shows (:meth:`between`, :meth:`links_among`).

Examples
--------
>>> from imrnet.index.examples import tiny_index
>>> net = IndexedNetwork(tiny_index())
>>> agmr = net.key("agmr")
>>> [e.id for e in net.entities(net.neighbour_keys(agmr))]
['alexander-ionov', 'imr-congress']
>>> [link.type for link in net.between(agmr, net.key("alexander-ionov"))]
['leads']
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["IndexedNetwork"]


class IndexedNetwork:
    """The links of an indexed dataset that pass a filter, as adjacency read on demand.

    Parameters
    ----------
    dataset : IndexedDataset
    link_filter : LinkFilter, optional
        Which links count; all when omitted.
    """

    def __init__(self, dataset, link_filter=None):
        from imrnet.dataset.vocab import LINK_TYPES
        from imrnet.index.csr import vocabularies
        from imrnet.queries.filters import ALL_LINKS

        self.dataset = dataset
        self.link_filter = f = link_filter or ALL_LINKS
        vocab = vocabularies()
        arrays = dataset.topology
        self._offsets = arrays["offsets"]
        self._neighbours = arrays["neighbours"]
        self._links = arrays["links"]
        self._out = arrays["out"]
        self._entity_types = arrays["entity_types"]
        self._type_names = vocab["entity_types"]
        self._link_types = arrays["link_types"]
        self._link_statuses = arrays["link_statuses"]
        #: ``counted[type code][status code]``: links of that type and status count
        self._counted = [[f.passes_type(t) and f.passes_status(s) for s in vocab["link_statuses"]]
                         for t in vocab["link_types"]]
        self._symmetric = [LINK_TYPES[t].symmetric for t in vocab["link_types"]]
        self._rows: dict[int, list[tuple[int, int, bool]]] = {}
        self._time_ok: dict[int, bool] = {}

    # -- nodes ------------------------------------------------------------

    def key(self, entity_id: str) -> int:
        """The node of entity ``entity_id`` (its number)."""
        number = self.dataset.entity_number(entity_id)
        if number is None:
            raise KeyError(entity_id)
        return number

    def entities(self, nodes: Iterable[int]) -> list:
        """The entity records of ``nodes``, in that order."""
        return self.dataset.entities.by_number(nodes)

    def entity_type(self, node: int) -> str:
        """The type of the entity at ``node``."""
        return self._type_names[self._entity_types[node]]

    # -- rows -------------------------------------------------------------

    def _row(self, node: int) -> list[tuple[int, int, bool]]:
        """``(neighbour, link number, forward)`` for every counted link of ``node``, self-links aside.

        ``forward`` is true when the link can be followed from ``node`` to
        the neighbour when direction matters: ``node`` is its source, or
        its type is symmetric.
        """
        row = self._rows.get(node)
        if row is not None:
            return row
        lo, hi = self._offsets[node], self._offsets[node + 1]
        numbers = self._links[lo:hi]
        counted, symmetric = self._counted, self._symmetric
        types, statuses = self._link_types, self._link_statuses
        row = []
        for j, k, out in zip(self._neighbours[lo:hi], numbers, self._out[lo:hi]):
            if j != node and counted[types[k]][statuses[k]]:
                row.append((j, k, bool(out) or symmetric[types[k]]))
        if self.link_filter.dated and row:
            timely = self._timely([k for _, k, _ in row])
            row = [entry for entry in row if timely[entry[1]]]
        self._rows[node] = row
        return row

    def _timely(self, numbers: list[int]) -> dict[int, bool]:
        f = self.link_filter
        missing = [k for k in numbers if k not in self._time_ok]
        for k, time in self.dataset.link_times(missing).items():
            self._time_ok[k] = f.passes_time(time)
        return self._time_ok

    def neighbour_keys(self, node: int, directed: bool = False) -> list[int]:
        """The distinct neighbours of ``node`` (those it can step to, when directed), in link order."""
        seen: dict[int, None] = {}
        for j, _, forward in self._row(node):
            if forward or not directed:
                seen[j] = None
        return list(seen)

    def incoming_keys(self, node: int) -> list[int]:
        """The distinct entities that can step to ``node`` when direction matters."""
        seen: dict[int, None] = {}
        symmetric, types = self._symmetric, self._link_types
        for j, k, forward in self._row(node):
            if not forward or symmetric[types[k]]:
                seen[j] = None
        return list(seen)

    def degree(self, node: int) -> int:
        """Number of distinct neighbours, direction aside."""
        return len({j for j, _, _ in self._row(node)})

    def between(self, a: int, b: int, directed: bool = False) -> list:
        """The links joining ``a`` to ``b`` (only those read a → b when directed), in file order."""
        numbers = [k for j, k, forward in self._row(a) if j == b and (forward or not directed)]
        return self.dataset.link_records(numbers)

    def links_among(self, nodes: Iterable[int]) -> list:
        """Every counted link between two of ``nodes`` (self-links aside), in file order."""
        nodes = set(nodes)
        numbers = {k for node in nodes for j, k, _ in self._row(node) if j in nodes}
        return self.dataset.link_records(sorted(numbers))

    def undated_left_out(self, nodes: Iterable[int]) -> int:
        """How many links with an end among ``nodes`` the filter left out as undated."""
        from imrnet.dataset.when import time_matches

        f = self.link_filter
        if not f.dated or f.undated == "include":
            return 0
        numbers = set()
        for node in nodes:
            for k in self._links[self._offsets[node]:self._offsets[node + 1]]:
                if self._counted[self._link_types[k]][self._link_statuses[k]]:
                    numbers.add(k)
        times = self.dataset.link_times(numbers).values()
        return sum(1 for t in times if time_matches(t, f.as_of, f.since, f.until) is None)

    def bfs(self, start: int, radius: int | None = None, directed: bool = False) -> dict[int, int]:
        """Distance from ``start`` to every node within ``radius`` hops."""
        from imrnet.index.network import breadth_first

        return breadth_first(self, start, radius, directed)
