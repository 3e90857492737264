"""Communities: groups of entities more tied to each other than to the rest.

Computed on the undirected simple graph of the counted links
(:func:`imrnet.index.engine.to_igraph`, the graph of
:func:`imrnet.index.network.to_networkx`); entities without links form
communities of their own. Every result names its ``"engine"``.

==================  ========  ===============================================
method              engine    function
==================  ========  ===============================================
louvain             igraph    ``community_multilevel`` (Louvain), seeded
greedy              igraph    ``community_fastgreedy`` cut at its best
                              modularity (Clauset-Newman-Moore, as NetworkX's
                              ``greedy_modularity_communities``)
label-propagation   networkx  ``community.label_propagation_communities``
                              (igraph's is another, randomised algorithm)
==================  ========  ===============================================

Louvain is randomised (the order vertices are visited in): its seed (42 by
default) feeds igraph's generator, so the result is repeatable. It is the
same method as NetworkX's ``louvain_communities`` but not the same random
stream, so on graphs with ambiguous structure the two may settle on
different partitions of similar modularity (on the bundled data igraph's is
as good or better); on graphs with clear structure they agree. Each
community names its *central* member: the one with
the most distinct neighbours in the whole network (not only inside the
community), ties by name. Members are listed in the same order (degree,
descending, then name); communities by size, descending, then by the name
of their central member, and numbered from 1.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcxyz"}
>>> pairs = ["ab", "bc", "ca", "xy", "yz", "zx", "cx"]
>>> d = Dataset(entities=ents, links=tuple(Link(p, p[0], p[1], "met", "reported") for p in pairs))
>>> r = find_communities(d)
>>> [(c["central"]["id"], [m["id"] for m in c["members"]]) for c in r["communities"]]
[('c', ['c', 'a', 'b']), ('x', ['x', 'y', 'z'])]
"""

from __future__ import annotations

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries import name_key
from imrnet.errors import NoAnswer
from imrnet.queries.inputs import count, unknown_value
from imrnet.dataset.model import Dataset
from imrnet.index.engine import ENGINE, load_igraph, seeded, to_igraph
from imrnet.index.network import filtered_links, to_networkx

__all__ = ["METHODS", "find_communities"]

#: Community detection methods.
METHODS: tuple[str, ...] = ("louvain", "greedy", "label-propagation")


def find_communities(
    dataset: Dataset,
    method: str = "louvain",
    *,
    seed: int = 42,
    link_filter=None,
) -> dict:
    """Split the network into communities.

    Parameters
    ----------
    dataset : Dataset
    method : str
        One of :data:`METHODS`.
    seed : int
        Random seed of Louvain (the other methods are deterministic).
    link_filter : LinkFilter, optional
        Which links count; all by default.

    Returns
    -------
    dict
        ``{"method": m, "engine": "igraph" or "networkx", "seed": seed or
        None, "communities": [{"index": i, "size": n, "central": ref,
        "members": [ref, ...]}], "filters": {...}}``. ``seed`` is ``None``
        for the methods that use none.

    Raises
    ------
    UsageError
        For an unknown method or a bad seed.
    NoAnswer
        When the dataset has no entities.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity
    >>> r = find_communities(Dataset(entities={"a": Entity("a", "A", "person")}), "greedy")
    >>> r["seed"], [c["size"] for c in r["communities"]]
    (None, [1])
    """
    link_filter = link_filter or ALL_LINKS
    if method not in METHODS:
        raise unknown_value("method", method, METHODS)
    seed = count(seed, "--seed", 0)
    if not dataset.entities:
        raise NoAnswer("the network has no entities to group")
    links = filtered_links(dataset, link_filter)
    if method == "label-propagation":
        engine, ids, groups, degree = _networkx_groups(dataset, links)
    else:
        engine, ids, groups, degree = _igraph_groups(dataset, links, method, seed)
    entities = dataset.entities
    order = lambda v: (-degree[v], *name_key(entities[ids[v]]))  # noqa: E731
    ranked = [[ids[v] for v in sorted(group, key=order)] for group in groups]
    ranked.sort(key=lambda ms: (-len(ms), *name_key(entities[ms[0]])))
    return {
        "method": method,
        "engine": engine,
        "seed": seed if method == "louvain" else None,
        "communities": [
            {
                "index": i,
                "size": len(members),
                "central": entities[members[0]].ref(),
                "members": [entities[m].ref() for m in members],
            }
            for i, members in enumerate(ranked, 1)
        ],
        "filters": link_filter.describe(dataset),
    }


def _igraph_groups(dataset: Dataset, links, method: str, seed: int) -> tuple:
    """Louvain or greedy modularity with igraph: engine, ids, vertex groups, degrees."""
    igraph = load_igraph()

    eg = to_igraph(dataset, links)
    try:
        if method == "louvain":
            with seeded(seed):
                clustering = eg.graph.community_multilevel()
        else:
            clustering = eg.graph.community_fastgreedy().as_clustering()
    except igraph.InternalError as err:
        raise NoAnswer(f"{method} cannot group this network: {err}") from None
    return ENGINE, eg.ids, list(clustering), eg.graph.degree()


def _networkx_groups(dataset: Dataset, links) -> tuple:
    """Label propagation with NetworkX, in the shape of igraph's results."""
    import networkx as nx
    from networkx.algorithms import community as nxc

    graph = to_networkx(dataset, links)
    ids = list(graph)
    position = {node: i for i, node in enumerate(ids)}
    try:
        groups = nxc.label_propagation_communities(graph)
    except nx.NetworkXException as err:
        raise NoAnswer(f"label-propagation cannot group this network: {err}") from None
    degree = [graph.degree(node) for node in ids]
    return "networkx", ids, [[position[n] for n in group] for group in groups], degree
