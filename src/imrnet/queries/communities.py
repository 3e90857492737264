"""Communities: groups of entities more tied to each other than to the rest.

Computed with NetworkX on the undirected simple graph of the counted links
(:func:`imrnet.index.network.to_networkx`); entities without links form
communities of their own.

==================  =========================================================
method              NetworkX function
==================  =========================================================
louvain             ``community.louvain_communities(seed=seed)``
greedy              ``community.greedy_modularity_communities``
label-propagation   ``community.label_propagation_communities``
==================  =========================================================

Only Louvain is randomised; its fixed seed (42 by default) makes the
result repeatable. Each community names its *central* member: the one with
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
from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.inputs import count
from imrnet.dataset.model import Dataset
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
        ``{"method": m, "seed": seed or None, "communities": [{"index": i,
        "size": n, "central": ref, "members": [ref, ...]}], "filters":
        {...}}``. ``seed`` is ``None`` for the methods that use none.

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
    import networkx as nx
    from networkx.algorithms import community as nxc

    link_filter = link_filter or ALL_LINKS
    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; expected one of: {', '.join(METHODS)}")
    seed = count(seed, "--seed", 0)
    graph = to_networkx(dataset, filtered_links(dataset, link_filter))
    if graph.number_of_nodes() == 0:
        raise NoAnswer("the network has no entities to group")
    try:
        if method == "louvain":
            groups = nxc.louvain_communities(graph, seed=seed)
        elif method == "greedy":
            groups = nxc.greedy_modularity_communities(graph)
        else:
            groups = nxc.label_propagation_communities(graph)
    except nx.NetworkXException as err:
        raise NoAnswer(f"{method} cannot group this network: {err}") from None
    entities = dataset.entities
    order = lambda n: (-graph.degree(n), *name_key(entities[n]))  # noqa: E731
    ranked = []
    for group in groups:
        members = sorted(group, key=order)
        ranked.append(members)
    ranked.sort(key=lambda ms: (-len(ms), *name_key(entities[ms[0]])))
    return {
        "method": method,
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
