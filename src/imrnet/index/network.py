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

__all__ = ["Network", "breadth_first", "network_for", "to_networkx", "filtered_links"]


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
        #: The filter the links passed (``None``: given as they are).
        self.link_filter = None
        self._incoming: dict[str, dict[str, None]] | None = None  # built on first use
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
        net = cls(dataset, filtered_links(dataset, link_filter))
        net.link_filter = link_filter
        return net

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

    # The node-level interface path finding and ego networks use, shared with
    # imrnet.index.adjacency.IndexedNetwork (whose nodes are entity numbers).

    def key(self, entity_id: str) -> str:
        """The node of entity ``entity_id`` (here, the id itself)."""
        return entity_id

    def entities(self, nodes: Iterable[str]) -> list:
        """The entity records of ``nodes``, in that order."""
        return [self.dataset.entities[n] for n in nodes]

    def entity_type(self, node: str) -> str:
        """The type of the entity at ``node``."""
        return self.dataset.entities[node].type

    def neighbour_keys(self, node: str, directed: bool = False) -> list[str]:
        """The distinct neighbours of ``node`` (those it can step to, when directed)."""
        return list(self.neighbours(node, directed))

    def incoming_keys(self, node: str) -> list[str]:
        """The distinct entities that can step to ``node`` when direction matters."""
        if self._incoming is None:
            self._incoming = {}
            for u, row in self.forward.items():
                for w in row:
                    self._incoming.setdefault(w, {})[u] = None
        return list(self._incoming.get(node, ()))

    def links_among(self, nodes: Iterable[str]) -> list[Link]:
        """Every link between two of ``nodes`` (self-links aside), in file order."""
        nodes = set(nodes)
        return [link for link in self.links
                if link.source in nodes and link.target in nodes and link.source != link.target]

    def undated_left_out(self, nodes: Iterable[str]) -> int:
        """How many links with an end among ``nodes`` the filter left out as undated."""
        if self.link_filter is None:
            return 0
        nodes = set(nodes)
        scope = [link for link in self.dataset.links if link.source in nodes or link.target in nodes]
        return self.link_filter.undated_left_out(scope, self.dataset)

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
        return breadth_first(self, start, radius, directed)


def breadth_first(net, start, radius: int | None = None, directed: bool = False) -> dict:
    """Distance from ``start`` to every node of ``net`` within ``radius`` hops (all when ``None``)."""
    dist = {start: 0}
    frontier = [start]
    depth = 0
    while frontier and (radius is None or depth < radius):
        depth += 1
        following = []
        for node in frontier:
            for nb in net.neighbour_keys(node, directed):
                if nb not in dist:
                    dist[nb] = depth
                    following.append(nb)
        frontier = following
    return dist


def network_for(dataset, link_filter=None):
    """The network of ``dataset``'s links that pass ``link_filter``.

    A dataset read from a compiled index is traversed in the index
    (:class:`imrnet.index.adjacency.IndexedNetwork`); any other gets a
    :class:`Network`. Both offer the node-level methods: ``key``,
    ``entities``, ``entity_type``, ``neighbour_keys``,
    ``incoming_keys``, ``between``, ``degree``, ``links_among``, ``bfs``.
    """
    network = getattr(dataset, "network", None)
    if network is not None:
        return network(link_filter)
    return Network.filtered(dataset, link_filter)


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
