"""The network of entities and the links that pass a filter.

:class:`Network` is a light adjacency index (plain dicts, no NetworkX) that
path finding and ego networks use, so those commands stay fast.
:func:`to_networkx` builds the undirected simple graph the measures
(centrality, communities, stats) are computed on; it imports NetworkX only
when called.

Both views ignore self-links (a link from an entity to itself), and every
entity of the dataset is a node, linked or not.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abc"}
>>> links = (Link("1", "a", "b", "funds", "reported"), Link("2", "a", "b", "met", "alleged"),
...          Link("3", "c", "b", "funds", "reported"))
>>> net = Network(Dataset(entities=ents, links=links))
>>> sorted(net.neighbours("b"))
['a', 'c']
>>> [l.id for l in net.between("a", "b")]
['1', '2']
>>> net.degree("b"), net.degree("a")
(2, 1)
>>> sorted(net.neighbours("b", directed=True))  # "met" is symmetric, "funds" is not
['a']
>>> to_networkx(net.dataset, net.links).number_of_edges()
2
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.dataset.model import Dataset, Link

__all__ = ["Network", "to_networkx", "filtered_links"]


def filtered_links(dataset: Dataset, link_filter=None) -> list[Link]:
    """The dataset's links that pass ``link_filter`` (all when ``None``), in file order."""
    if link_filter is None:
        return list(dataset.links)
    return link_filter.apply(dataset.links, dataset)


class Network:
    """Adjacency of the entities over a set of links.

    Parameters
    ----------
    dataset : Dataset
        Gives the nodes (every entity) and, by default, the links.
    links : iterable of Link, optional
        The links to index (already filtered); the dataset's links when
        omitted. Links naming an entity the dataset lacks are skipped.

    Attributes
    ----------
    undirected : dict
        ``node -> neighbour -> [links]``: every link both ways.
    forward : dict
        ``node -> neighbour -> [links]``: a link from its source to its
        target, and also back when its type is symmetric (``met``,
        ``family``...).
    """

    def __init__(self, dataset: Dataset, links: Iterable[Link] | None = None):
        from imrnet.dataset.vocab import LINK_TYPES

        self.dataset = dataset
        self.links: list[Link] = list(dataset.links if links is None else links)
        entities = dataset.entities
        self.undirected: dict[str, dict[str, list[Link]]] = {eid: {} for eid in entities}
        self.forward: dict[str, dict[str, list[Link]]] = {eid: {} for eid in entities}
        for link in self.links:
            a, b = link.source, link.target
            if a == b or a not in entities or b not in entities:
                continue
            self.undirected[a].setdefault(b, []).append(link)
            self.undirected[b].setdefault(a, []).append(link)
            self.forward[a].setdefault(b, []).append(link)
            kind = LINK_TYPES.get(link.type)
            if kind is not None and kind.symmetric:
                self.forward[b].setdefault(a, []).append(link)

    @classmethod
    def filtered(cls, dataset: Dataset, link_filter=None) -> "Network":
        """The network of the links that pass ``link_filter``."""
        return cls(dataset, filtered_links(dataset, link_filter))

    def neighbours(self, node: str, directed: bool = False) -> dict[str, list[Link]]:
        """Neighbour id to the links joining it to ``node``, in file order."""
        view = self.forward if directed else self.undirected
        return view.get(node, {})

    def between(self, a: str, b: str, directed: bool = False) -> list[Link]:
        """The links joining ``a`` to ``b`` (only those read a → b when directed)."""
        return list(self.neighbours(a, directed).get(b, []))

    def degree(self, node: str) -> int:
        """Number of distinct neighbours in the undirected view."""
        return len(self.undirected.get(node, {}))

    def link_count(self, node: str) -> int:
        """Number of links ``node`` takes part in."""
        return sum(len(ls) for ls in self.undirected.get(node, {}).values())

    def bfs(self, start: str, radius: int | None = None, directed: bool = False) -> dict[str, int]:
        """Distance from ``start`` to every node within ``radius`` hops.

        Examples
        --------
        >>> from imrnet.dataset.model import Dataset, Entity, Link
        >>> ents = {i: Entity(i, i, "person") for i in "abcd"}
        >>> net = Network(Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
        ...                                            Link("2", "b", "c", "met", "reported"))))
        >>> net.bfs("a")
        {'a': 0, 'b': 1, 'c': 2}
        >>> net.bfs("a", radius=1)
        {'a': 0, 'b': 1}
        """
        dist = {start: 0}
        frontier = [start]
        depth = 0
        while frontier and (radius is None or depth < radius):
            depth += 1
            following = []
            for node in frontier:
                for nb in self.neighbours(node, directed):
                    if nb not in dist:
                        dist[nb] = depth
                        following.append(nb)
            frontier = following
        return dist


def to_networkx(dataset: Dataset, links: Iterable[Link] | None = None):
    """The undirected simple graph of ``links`` over every entity.

    Parallel links between a pair count once (one edge); self-links are
    left out; entities without links are isolated nodes. Nodes are entity
    ids, in file order, with ``name`` and ``type`` attributes; each edge
    carries ``links``, the ids of the links behind it.

    Parameters
    ----------
    dataset : Dataset
        Gives the nodes.
    links : iterable of Link, optional
        Already filtered links; the dataset's links when omitted.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity, Link
    >>> ents = {i: Entity(i, i, "person") for i in "abc"}
    >>> g = to_networkx(Dataset(entities=ents), [Link("1", "a", "b", "met", "reported"),
    ...                                          Link("2", "b", "a", "funds", "reported")])
    >>> sorted(g.nodes), list(g.edges(data="links"))
    (['a', 'b', 'c'], [('a', 'b', ['1', '2'])])
    """
    import networkx as nx

    graph = nx.Graph()
    for entity in dataset.entities.values():
        graph.add_node(entity.id, name=entity.name, type=entity.type)
    for link in dataset.links if links is None else links:
        a, b = link.source, link.target
        if a == b or a not in dataset.entities or b not in dataset.entities:
            continue
        if graph.has_edge(a, b):
            graph[a][b]["links"].append(link.id)
        else:
            graph.add_edge(a, b, links=[link.id])
    return graph
