"""Communities: groups of entities more tied to each other than to the rest.

Computed on the undirected simple graph of the counted links
(:func:`imrnet.index.engine.to_igraph`, the graph of
:func:`imrnet.index.network.to_networkx`, built from a compiled index's
topology arrays by :mod:`imrnet.index.measured`); entities without links form
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
from imrnet.index.engine import ENGINE, EngineGraph, load_igraph, seeded
from imrnet.index.measured import measured

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
    view = measured(dataset, link_filter)
    eg = view.graph
    if method == "label-propagation":
        engine, groups = _networkx_groups(eg)
    else:
        engine, groups = _igraph_groups(eg, method, seed)
    refs = list(view.refs().values())  # in vertex order
    keys = [name_key(ref) for ref in refs]
    # Each community lists its members in one order of every entity, the central one first.
    community = [0] * len(eg)
    for c, group in enumerate(groups):
        for v in group:
            community[v] = c
    ranked: list[list[int]] = [[] for _ in groups]
    for v in _by_degree_then_name(eg.graph.degree(), keys):
        ranked[community[v]].append(v)
    ranked.sort(key=lambda ms: (-len(ms), keys[ms[0]]))
    return {
        "method": method,
        "engine": engine,
        "seed": seed if method == "louvain" else None,
        "communities": [
            {
                "index": i,
                "size": len(members),
                "central": dict(refs[members[0]]),
                "members": [refs[m] for m in members],
            }
            for i, members in enumerate(ranked, 1)
        ],
        "filters": link_filter.describe(dataset),
    }


def _by_degree_then_name(degree: list[int], keys: list[tuple[str, str]]) -> list[int]:
    """Every vertex by degree (descending), then ``keys`` (name without case, id).

    Sorted by name first, then (stably) by degree: a name without a NUL
    character followed by NUL and the id sorts as the pair does, and one
    string a vertex sorts three times faster than pairs.

    Examples
    --------
    >>> _by_degree_then_name([1, 2, 1, 1], [("b", "x"), ("z", "y"), ("a", "w"), ("a" + chr(0), "v")])
    [1, 2, 3, 0]
    """
    vertices = range(len(keys))
    if any("\0" in name for name, _ in keys):
        by_name = sorted(vertices, key=keys.__getitem__)
    else:
        text = [f"{name}\0{eid}" for name, eid in keys]
        by_name = sorted(vertices, key=text.__getitem__)
    negative = [-d for d in degree]
    return sorted(by_name, key=negative.__getitem__)


def _igraph_groups(eg: EngineGraph, method: str, seed: int) -> tuple:
    """Louvain or greedy modularity with igraph: the engine and the vertex groups."""
    igraph = load_igraph()

    try:
        if method == "louvain":
            with seeded(seed):
                clustering = eg.graph.community_multilevel()
        else:
            clustering = eg.graph.community_fastgreedy().as_clustering()
    except igraph.InternalError as err:
        raise NoAnswer(f"{method} cannot group this network: {err}") from None
    return ENGINE, list(clustering)


def _networkx_groups(eg: EngineGraph) -> tuple:
    """Label propagation with NetworkX, on the graph :func:`~imrnet.index.network.to_networkx` builds.

    Nodes are entity ids in file order, edges are added in the order of
    their first link: the graph, and so the result, of ``to_networkx``.
    """
    import networkx as nx
    from networkx.algorithms import community as nxc

    ids = list(eg.ids)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((ids[a], ids[b]) for a, b in eg.graph.get_edgelist())
    position = {node: i for i, node in enumerate(ids)}
    try:
        groups = nxc.label_propagation_communities(graph)
    except nx.NetworkXException as err:
        raise NoAnswer(f"label-propagation cannot group this network: {err}") from None
    return "networkx", [[position[n] for n in group] for group in groups]
