"""Summary figures of the dataset and of the network the filters leave.

Entity counts cover the whole dataset; link counts cover the counted
links. Structure (components, density, diameter, hubs) is measured with
igraph on the undirected simple graph of the counted links over every
entity (:func:`imrnet.index.engine.to_igraph`); from a compiled index the
graph and every count come from its topology arrays, names only for the
hubs shown (:mod:`imrnet.index.measured`).

Nothing here is quadratic on a large graph. The diameter of the largest
component is found with iFUB (Crescenzi et al., 2013): breadth-first
searches from a central entity and then from the entities farthest from it,
until the bounds meet. Up to :data:`DIAMETER_EXACT_MAX` entities in the
component it runs to the end (exact); above, it stops after
:data:`DIAMETER_BFS_BUDGET` searches, and when the bounds have not met by
then the result gives the lower bound as ``diameter``, the two bounds as
``diameter_bounds`` and ``"diameter_exact": false``.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
...                                   Link("2", "b", "c", "funds", "alleged")))
>>> s = network_stats(d)
>>> s["components"], s["largest_component"], s["isolated"], s["diameter"], s["density"]
(2, 3, 1, 2, 0.3333)
>>> s["diameter_exact"], s["engine"]
(True, 'igraph')
"""

from __future__ import annotations

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries.inputs import count
from imrnet.dataset.model import Dataset
from imrnet.index.engine import ENGINE
from imrnet.index.measured import measured, top_ranked

__all__ = ["DIAMETER_EXACT_MAX", "DIAMETER_BFS_BUDGET", "diameter_bounds", "network_stats"]

#: Largest component size (entities) up to which the diameter is always exact.
DIAMETER_EXACT_MAX = 5_000
#: Breadth-first searches allowed above :data:`DIAMETER_EXACT_MAX` (~2-4 s at 100,000 entities).
DIAMETER_BFS_BUDGET = 100


def diameter_bounds(graph, vertex: int, budget: int | None = None) -> tuple[int, int]:
    """Lower and upper bound of the diameter of ``vertex``'s component (iFUB).

    Parameters
    ----------
    graph : igraph.Graph
        Undirected.
    vertex : int
        Any vertex of the component.
    budget : int, optional
        Most breadth-first searches to run; ``None`` runs until the bounds
        meet (the exact diameter, n searches at worst).

    Returns
    -------
    tuple of int
        ``(lower, upper)``; equal when exact.

    Examples
    --------
    >>> import igraph
    >>> diameter_bounds(igraph.Graph.Lattice([10], circular=False), 4)
    (9, 9)
    >>> diameter_bounds(igraph.Graph.Ring(40), 0, budget=3)  # no fringe fits in 3 searches
    (20, 40)
    """
    # Two sweeps: the far end of a far end gives a lower bound, and the
    # middle of that longest path is a central vertex to start iFUB from.
    order, _, _ = graph.bfs(vertex)
    far = order[-1]
    order, layers, parents = graph.bfs(far)
    lower = len(layers) - 2
    path = [order[-1]]
    while path[-1] != far:
        path.append(parents[path[-1]])
    centre = path[len(path) // 2]
    order, layers, _ = graph.bfs(centre)
    searches = 3
    level = len(layers) - 2  # eccentricity of the centre
    lower, upper = max(lower, level), 2 * level
    # Every pair within `level` hops of the centre is at most 2 x level
    # apart; the farther ones are bounded by their own eccentricities.
    while lower < upper:
        fringe = order[layers[level]:layers[level + 1]]
        if budget is not None and searches + len(fringe) > budget:
            break
        lower = max(lower, max(graph.eccentricity(fringe)))
        searches += len(fringe)
        level -= 1
        upper = max(lower, 2 * level)
    return lower, upper


def network_stats(dataset: Dataset, *, link_filter=None, top: int = 5) -> dict:
    """Counts, components, density, diameter and the top hubs.

    Parameters
    ----------
    dataset : Dataset
    link_filter : LinkFilter, optional
        Which links count; all by default.
    top : int
        How many hubs to list.

    Returns
    -------
    dict
        ``{"entities": n, "links": counted links, "links_total": all links,
        "account_groups": groups of competing accounts among the counted links,
        "entity_types": {type: n} (every type, vocabulary order),
        "link_types": {type: n} (types present, vocabulary order),
        "statuses": {status: n} (every status), "pairs": linked pairs
        (edges of the simple graph), "components": n, "largest_component":
        entities in it, "isolated": entities without counted links,
        "density": x (4 places), "diameter": hops across the largest
        component (its lower bound when not exact), "diameter_exact": bool,
        "diameter_bounds": [lower, upper], "hubs": [{"rank", "id", "name",
        "type", "degree", "links"}], "engine": "igraph", "filters":
        {...}}``. Hubs are ranked by degree (distinct neighbours), then
        name; ``links`` counts their links. Every link count counts the
        competing accounts of one fact once (:mod:`imrnet.dataset.accounts`).

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset
    >>> network_stats(Dataset())["diameter"]
    0
    """
    link_filter = link_filter or ALL_LINKS
    top = count(top, "--top", 1)
    view = measured(dataset, link_filter)
    eg = view.graph
    graph = eg.graph
    counts = view.counts()

    n = len(eg)
    components = graph.connected_components()
    sizes = components.sizes()
    # igraph numbers components by their first entity in file order: the
    # first of the largest is the earliest, as before.
    largest = max(range(len(sizes)), key=lambda c: (sizes[c], -c)) if sizes else None
    size = sizes[largest] if sizes else 0
    if size > 1:
        start = components.membership.index(largest)
        budget = None if size <= DIAMETER_EXACT_MAX else DIAMETER_BFS_BUDGET
        lower, upper = diameter_bounds(graph, start, budget)
    else:
        lower = upper = 0

    degrees = graph.degree()
    ranked = top_ranked(degrees, (i for i in range(n) if degrees[i] > 0), top, view.names)
    # The facts behind each hub: competing accounts of one fact count once.
    refs, touching = view.refs(ranked), view.hub_links(ranked)
    hubs = [{"rank": rank, **refs[i], "degree": degrees[i], "links": touching[i]}
            for rank, i in enumerate(ranked, 1)]
    pairs = graph.ecount()
    return {
        "entities": len(dataset.entities),
        "links": counts["links"],
        "links_total": view.links_total(),
        "account_groups": counts["account_groups"],
        "entity_types": counts["entity_types"],
        "link_types": counts["link_types"],
        "statuses": counts["statuses"],
        "pairs": pairs,
        "components": len(sizes),
        "largest_component": size,
        "isolated": degrees.count(0),
        "density": round(2 * pairs / (n * (n - 1)), 4) if n > 1 else 0.0,
        "diameter": lower,
        "diameter_exact": lower == upper,
        "diameter_bounds": [lower, upper],
        "hubs": hubs,
        "engine": ENGINE,
        "filters": link_filter.describe(dataset),
    }
