"""The counted network of a dataset, ready for the heavy measures (stats, centrality, communities).

:func:`measured` gives what ``stats``, ``centrality`` and ``communities``
read: the graph igraph measures (:class:`~imrnet.index.engine.EngineGraph`:
vertex ``i`` is the ``i``-th entity in file order, one edge per linked pair,
self-links left out), the counts ``stats`` reports, and the names of the
entities an answer shows. From a :class:`~imrnet.dataset.model.Dataset` it
reads the records (:class:`RecordMeasured`). From an
:class:`~imrnet.index.indexed.IndexedDataset` it reads the topology arrays
of :mod:`imrnet.index.csr` (:class:`IndexMeasured`) and never one
:class:`~imrnet.dataset.model.Link` record: the filter runs on each link's
type and status byte codes (numpy), a date filter reads only the effective
times stored at the build, counts come from the arrays and the few links
with an ``account_of``, and names are read only for the entities shown. At
a million entities and three million links that is seconds and a few
hundred megabytes, where the records took minutes and gigabytes. Both give
the same answers (``tests/test_index_answers.py``).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.index.examples import tiny_index
>>> records, index = measured(tiny_dataset()), measured(tiny_index())
>>> type(index).__name__, index.graph.graph.get_edgelist() == records.graph.graph.get_edgelist()
('IndexMeasured', True)
>>> index.counts() == records.counts(), index.names([0]) == records.names([0])
(True, True)
>>> index.graph.ids[-1], list(index.graph.ids) == list(records.graph.ids)
('imr-congress', True)
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence

from imrnet.dataset.accounts import best_account, fact_count
from imrnet.dataset.vocab import ENTITY_TYPES, LINK_TYPES, STATUSES
from imrnet.index.engine import EngineGraph, load_igraph, to_igraph

__all__ = ["IndexMeasured", "RecordMeasured", "measured", "top_ranked", "vertices_of_types"]

#: Above this share of the entities, names are read in one scan rather than by number.
_SCAN_SHARE = 16


def measured(dataset, link_filter=None) -> "RecordMeasured | IndexMeasured":
    """The counted network of ``dataset`` under ``link_filter`` (all links when ``None``).

    An indexed dataset is read from its topology arrays, any other from its records.
    """
    from imrnet.queries.filters import ALL_LINKS

    kind = IndexMeasured if hasattr(dataset, "topology") else RecordMeasured
    return kind(dataset, link_filter or ALL_LINKS)


def vertices_of_types(dataset, kinds: Iterable[str] | None) -> list[int]:
    """The vertices (entity numbers, file order) whose type is one of ``kinds`` (all when ``None``).

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> vertices_of_types(tiny_dataset(), ["event"]), vertices_of_types(tiny_dataset(), None)
    ([2], [0, 1, 2])
    """
    if kinds is None:
        return list(range(len(dataset.entities)))
    kinds = set(kinds)
    if hasattr(dataset, "topology"):
        wanted = {code for code, t in enumerate(ENTITY_TYPES) if t in kinds}
        return [v for v, code in enumerate(dataset.entity_types()) if code in wanted]
    return [v for v, e in enumerate(dataset.entities.values()) if e.type in kinds]


def top_ranked(values: Sequence, candidates: Iterable[int], top: int | None,
               names: Callable[[list[int]], dict[int, tuple[str, str]]]) -> list[int]:
    """``candidates`` by value, highest first, then name (case aside), then id; the first ``top``.

    Only the candidates that can make the ``top`` are named (``names(vertices)``
    gives ``{vertex: (name, id)}``).

    Examples
    --------
    >>> names = lambda vs: {v: ("abc"[v], str(v)) for v in vs}
    >>> top_ranked([1, 3, 3], range(3), 2, names), top_ranked([1, 3, 3], [0, 2], None, names)
    ([1, 2], [2, 0])
    """
    candidates = list(candidates)
    if top is not None and len(candidates) > top:
        floor = heapq.nlargest(top, (values[v] for v in candidates))[-1]
        candidates = [v for v in candidates if values[v] >= floor]
    named = names(candidates)
    candidates.sort(key=lambda v: (-values[v], named[v][0].casefold(), named[v][1]))
    return candidates if top is None else candidates[:top]


class RecordMeasured:
    """The counted network of an in-memory dataset, from its records.

    Attributes
    ----------
    graph : EngineGraph
    links : list of Link
        The counted links, in file order (self-links included).
    """

    def __init__(self, dataset, link_filter):
        from imrnet.index.network import filtered_links

        self.dataset = dataset
        self.links = filtered_links(dataset, link_filter)
        self.graph = to_igraph(dataset, self.links)

    def _entity(self, vertex: int):
        return self.dataset.entities[self.graph.ids[vertex]]

    def names(self, vertices: Iterable[int] | None = None) -> dict[int, tuple[str, str]]:
        """Vertex to the ``(name, id)`` of its entity; every vertex, in order, when ``None``."""
        vertices = range(len(self.graph)) if vertices is None else vertices
        return {v: (e.name, e.id) for v in vertices for e in (self._entity(v),)}

    def refs(self, vertices: Iterable[int] | None = None) -> dict[int, dict]:
        """Vertex to its entity's ``{"id", "name", "type"}``; every vertex, in order, when ``None``."""
        vertices = range(len(self.graph)) if vertices is None else vertices
        return {v: self._entity(v).ref() for v in vertices}

    def counts(self) -> dict:
        """Entities by type, counted links (facts) by type and status, groups of accounts."""
        from imrnet.dataset.counts import dataset_counts

        counts = dataset_counts(self.dataset, self.links, every=True)
        return {key: counts[key] for key in _COUNTS}

    def links_total(self) -> int:
        """Facts among all the dataset's links."""
        return fact_count(self.dataset.links)

    def hub_links(self, vertices: Iterable[int]) -> dict[int, int]:
        """Vertex to the facts among its counted links (self-links aside)."""
        wanted = {self.graph.ids[v]: v for v in vertices}
        touching: dict[int, list] = {v: [] for v in wanted.values()}
        for link in self.links:
            if link.source != link.target:
                for end in (link.source, link.target):
                    if end in wanted:
                        touching[wanted[end]].append(link)
        return {v: fact_count(links) for v, links in touching.items()}


#: The keys of :meth:`RecordMeasured.counts` (those of ``dataset_counts`` ``stats`` reports).
_COUNTS = ("links", "account_groups", "entity_types", "link_types", "statuses")


class _Ids(Sequence):
    """The entity ids of an indexed dataset by number, read when asked for (all of them once)."""

    def __init__(self, dataset, size: int):
        self._dataset, self._size, self._all = dataset, size, None

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i):
        if self._all is None and isinstance(i, int):
            if not -self._size <= i < self._size:
                raise IndexError(i)
            i %= self._size
            return self._dataset.entity_names([i])[i][1]
        return self._every()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def _every(self) -> tuple[str, ...]:
        if self._all is None:
            self._all = tuple(eid for _, eid in self._dataset.entity_names().values())
        return self._all


class IndexMeasured:
    """The counted network of an indexed dataset, from its topology arrays.

    Attributes
    ----------
    graph : EngineGraph
        Its ``ids`` are read from the index only when asked for.
    counted : numpy.ndarray of bool
        By link number: the link passes the filter (self-links included).
    """

    def __init__(self, dataset, link_filter):
        import numpy as np

        from imrnet.index.csr import vocabularies

        self.dataset = dataset
        arrays = dataset.topology
        offsets = np.frombuffer(arrays["offsets"], dtype=np.uint32)
        neighbours = np.frombuffer(arrays["neighbours"], dtype=np.uint32)
        numbers = np.frombuffer(arrays["links"], dtype=np.uint32)
        n = len(offsets) - 1
        types = np.frombuffer(arrays["link_types"], dtype=np.uint8)
        statuses = np.frombuffer(arrays["link_statuses"], dtype=np.uint8)
        self._offsets, self._neighbours, self._numbers = offsets, neighbours, numbers
        self._types, self._statuses = types, statuses
        vocab = vocabularies()
        f = link_filter
        passes = np.array([[f.passes_type(t) and f.passes_status(s) for s in vocab["link_statuses"]]
                           for t in vocab["link_types"]], dtype=bool)
        counted = passes[types, statuses]
        if f.dated:
            counted &= self._timely(f, counted)
        self.counted = counted
        source, target = self._ends(np.frombuffer(arrays["out"], dtype=np.uint8).astype(bool))
        edge = counted & (source != target)
        a, b = np.minimum(source[edge], target[edge]), np.maximum(source[edge], target[edge])
        del source, target
        link_counts = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
        # one edge per pair, in the order of its first link (as to_igraph adds them)
        _, first = np.unique(a.astype(np.int64) * max(n, 1) + b, return_index=True)
        first.sort()
        edges = np.column_stack((a[first], b[first])).astype(np.int64)
        del a, b, first
        graph = load_igraph().Graph(n=n, directed=False)
        graph.add_edges(edges)  # twice as fast as passing the array to Graph()
        self.graph = EngineGraph(graph, _Ids(dataset, n), tuple(link_counts.tolist()))
        self._accounts: dict[int, tuple[str, str]] | None = None

    def _ends(self, out):
        """Each link's source and target (entity numbers), by link number.

        A link's entry in its source's row is the one marked ``out``.
        """
        import numpy as np

        offsets = self._offsets
        rows = np.repeat(np.arange(len(offsets) - 1, dtype=np.uint32), np.diff(offsets))
        forward = self._numbers[out]
        source = np.empty(len(self._types), dtype=np.uint32)
        target = np.empty(len(self._types), dtype=np.uint32)
        source[forward], target[forward] = rows[out], self._neighbours[out]
        return source, target

    def _timely(self, f, counted):
        """By link number: the link's stored effective time passes ``f``'s dates."""
        import numpy as np

        from imrnet.dataset.when import LinkTime

        wanted = counted.tolist()
        verdicts: dict[tuple, bool] = {}  # one time recurs a lot
        timely = []
        for n, *time in self.dataset.time_rows():
            if wanted[n]:
                time = tuple(time)
                ok = verdicts.get(time)
                if ok is None:
                    if len(verdicts) > 100_000:  # bounded: distinct times need no memory
                        verdicts.clear()
                    ok = verdicts[time] = f.passes_time(LinkTime(*time))
                if ok:
                    timely.append(n)
        out = np.zeros(len(wanted), dtype=bool)
        out[np.array(timely, dtype=np.int64)] = True
        return out

    def names(self, vertices: Iterable[int] | None = None) -> dict[int, tuple[str, str]]:
        """Vertex to the ``(name, id)`` of its entity; every vertex, in order, when ``None``."""
        if vertices is not None:
            vertices = list(vertices)
            if len(vertices) * _SCAN_SHARE < len(self.graph):
                return self.dataset.entity_names(vertices)
        every = self.dataset.entity_names()
        return every if vertices is None else {v: every[v] for v in vertices}

    def refs(self, vertices: Iterable[int] | None = None) -> dict[int, dict]:
        """Vertex to its entity's ``{"id", "name", "type"}``; every vertex, in order, when ``None``."""
        codes = self.dataset.entity_types()
        return {v: {"id": eid, "name": name, "type": ENTITY_TYPES[codes[v]]}
                for v, (name, eid) in self.names(vertices).items()}

    def _account_rows(self) -> dict[int, tuple[str, str]]:
        """Link number to ``(account_of, status)``, for the links in a group of accounts."""
        if self._accounts is None:
            self._accounts = {n: (key, status) for n, key, status in self.dataset.account_rows() if key}
        return self._accounts

    def _groups(self, counted_only: bool) -> dict[str, list[int]]:
        groups: dict[str, list[int]] = {}
        counted = self.counted
        for n, (key, _) in self._account_rows().items():
            if not counted_only or counted[n]:
                groups.setdefault(key, []).append(n)
        return groups

    def counts(self) -> dict:
        """Entities by type, counted links (facts) by type and status, groups of accounts."""
        import numpy as np

        entity_types = np.bincount(np.frombuffer(self.dataset.entity_types(), dtype=np.uint8),
                                   minlength=len(ENTITY_TYPES)).tolist()
        counted = self.counted
        link_types = np.bincount(self._types[counted], minlength=len(LINK_TYPES)).tolist()
        statuses = np.bincount(self._statuses[counted], minlength=len(STATUSES)).tolist()
        facts = int(counted.sum())
        groups = self._groups(counted_only=True)
        status_of = self._account_rows()
        for members in groups.values():
            # the group counts once, as its best-established account (file order among equals)
            best = best_account(members, lambda n: status_of[n][1])
            for k in members:
                link_types[self._types[k]] -= 1
                statuses[self._statuses[k]] -= 1
            link_types[self._types[best]] += 1
            statuses[self._statuses[best]] += 1
            facts -= len(members) - 1
        return {
            "links": facts,
            "account_groups": sum(1 for members in groups.values() if len(members) > 1),
            "entity_types": dict(zip(ENTITY_TYPES, entity_types)),
            "link_types": {t: c for t, c in zip(LINK_TYPES, link_types) if c},
            "statuses": dict(zip(STATUSES, statuses)),
        }

    def links_total(self) -> int:
        """Facts among all the dataset's links."""
        groups = self._groups(counted_only=False)
        return len(self._types) - sum(len(members) - 1 for members in groups.values())

    def hub_links(self, vertices: Iterable[int]) -> dict[int, int]:
        """Vertex to the facts among its counted links (self-links aside)."""
        accounts = self._account_rows()
        out = {}
        for v in vertices:
            lo, hi = int(self._offsets[v]), int(self._offsets[v + 1])
            numbers = self._numbers[lo:hi]
            numbers = numbers[self.counted[numbers] & (self._neighbours[lo:hi] != v)].tolist()
            keys = [accounts[k][0] for k in numbers if k in accounts]
            out[v] = len(numbers) - (len(keys) - len(set(keys)))
        return out
