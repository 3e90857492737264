"""The counted network as an igraph graph: the engine of the heavy measures.

Centrality, communities and stats are defined as NetworkX defines them (the
reference, see :func:`imrnet.index.network.to_networkx`) and computed with
`igraph <https://igraph.org/python/>`_, whose C core is one to two orders
of magnitude faster on large graphs. :func:`to_igraph` builds the same
undirected simple graph as ``to_networkx``: every entity is a vertex,
parallel links between a pair make one edge, self-links and links naming an
entity the dataset lacks are left out.

Vertex ids are stable: vertex ``i`` is the ``i``-th entity of the dataset
in file order, whatever the links, so results (and seeded random choices)
do not depend on the filters' side effects. igraph is imported only when a
graph is built, never by ``imrnet --help`` or ``path``.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> eg = to_igraph(Dataset(entities=ents), [Link("1", "b", "a", "met", "reported"),
...                                         Link("2", "a", "b", "funds", "reported"),
...                                         Link("3", "c", "c", "met", "reported")])
>>> eg.ids, eg.graph.get_edgelist(), eg.link_counts
(('a', 'b', 'c', 'd'), [(0, 1)], (2, 2, 0, 0))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from imrnet.dataset.model import Dataset, Link

__all__ = ["ENGINE", "EngineGraph", "load_igraph", "to_igraph", "seeded"]

#: The name results give as their ``"engine"``.
ENGINE = "igraph"


def load_igraph() -> Any:
    """Import igraph without the matplotlib it drags in for plotting.

    ``import igraph`` imports ``matplotlib.pyplot`` whenever matplotlib is
    installed (for igraph's own plots, which imrnet never uses): over a
    second of a ``stats`` on the bundled data. matplotlib is hidden while
    igraph loads, unless something (``imrnet draw``) already imported it, and
    importable as usual afterwards.

    Examples
    --------
    >>> load_igraph().Graph(n=2).vcount()
    2
    """
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # makes ``import matplotlib`` fail
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


@dataclass(frozen=True)
class EngineGraph:
    """An igraph graph and the entity behind each vertex.

    Attributes
    ----------
    graph : igraph.Graph
        Undirected, simple; vertex ``i`` is entity ``ids[i]``.
    ids : tuple of str
        Entity ids in dataset (file) order.
    link_counts : tuple of int
        Counted links each vertex takes part in (parallel links each count).
    """

    graph: Any
    ids: tuple[str, ...]
    link_counts: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def by_id(self, values: Iterable[float]) -> dict[str, float]:
        """Per-vertex values keyed by entity id.

        Examples
        --------
        >>> from imrnet.dataset.model import Dataset, Entity
        >>> to_igraph(Dataset(entities={"x": Entity("x", "X", "person")})).by_id([0.5])
        {'x': 0.5}
        """
        return dict(zip(self.ids, values, strict=True))


def to_igraph(dataset: Dataset, links: Iterable[Link] | None = None) -> EngineGraph:
    """The undirected simple graph of ``links`` over every entity, for igraph.

    Parameters
    ----------
    dataset : Dataset
        Gives the vertices, in file order.
    links : iterable of Link, optional
        Already filtered links; the dataset's links when omitted.

    Returns
    -------
    EngineGraph

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity
    >>> to_igraph(Dataset()).graph.vcount()
    0
    """
    igraph = load_igraph()

    ids = tuple(dataset.entities)
    index = {eid: i for i, eid in enumerate(ids)}
    counts = [0] * len(ids)
    pairs: dict[tuple[int, int], None] = {}
    for link in dataset.links if links is None else links:
        a, b = index.get(link.source), index.get(link.target)
        if a is None or b is None or a == b:
            continue
        counts[a] += 1
        counts[b] += 1
        pairs[(a, b) if a < b else (b, a)] = None
    graph = igraph.Graph(n=len(ids), edges=list(pairs), directed=False)
    return EngineGraph(graph, ids, tuple(counts))


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run igraph's randomised algorithms from a private generator seeded with ``seed``.

    igraph draws from one process-wide generator; this swaps in
    ``random.Random(seed)`` and puts Python's ``random`` module back after.

    Examples
    --------
    >>> import igraph
    >>> g = igraph.Graph.Famous("Zachary")
    >>> with seeded(3):
    ...     first = g.community_multilevel().membership
    >>> with seeded(3):
    ...     first == g.community_multilevel().membership
    True
    """
    import random

    igraph = load_igraph()
    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)
