"""Summary figures of the dataset and of the network the filters leave.

Entity counts cover the whole dataset; link counts cover the counted
links. Structure (components, density, diameter, hubs) is measured on the
undirected simple graph of the counted links over every entity
(:func:`imrnet.index.network.to_networkx`).

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
...                                   Link("2", "b", "c", "funds", "alleged")))
>>> s = network_stats(d)
>>> s["components"], s["largest_component"], s["isolated"], s["diameter"], s["density"]
(2, 3, 1, 2, 0.3333)
"""

from __future__ import annotations

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries import name_key
from imrnet.dataset.accounts import fact_count
from imrnet.dataset.counts import dataset_counts
from imrnet.queries.inputs import count
from imrnet.dataset.model import Dataset
from imrnet.index.network import filtered_links, to_networkx

__all__ = ["network_stats"]


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
        component, "hubs": [{"rank", "id", "name", "type", "degree",
        "links"}], "filters": {...}}``. Hubs are ranked by degree (distinct
        neighbours), then name; ``links`` counts their links. Every link
        count counts the competing accounts of one fact once
        (:mod:`imrnet.dataset.accounts`).

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset
    >>> network_stats(Dataset())["diameter"]
    0
    """
    import networkx as nx

    link_filter = link_filter or ALL_LINKS
    top = count(top, "--top", 1)
    links = filtered_links(dataset, link_filter)
    graph = to_networkx(dataset, links)
    entities = dataset.entities
    counts = dataset_counts(dataset, links, every=True)

    position = {eid: i for i, eid in enumerate(entities)}
    components = sorted(
        nx.connected_components(graph), key=lambda c: (-len(c), min(position[n] for n in c))
    )
    largest = components[0] if components else set()
    diameter = nx.diameter(graph.subgraph(largest)) if len(largest) > 1 else 0

    # The facts behind each hub: competing accounts of one fact count once.
    touching: dict[str, list] = {}
    for link in links:
        if link.source != link.target:
            touching.setdefault(link.source, []).append(link)
            touching.setdefault(link.target, []).append(link)
    link_count = {n: fact_count(touching.get(n, ())) for n in graph}
    ranked = sorted(entities.values(), key=lambda e: (-graph.degree(e.id), *name_key(e)))
    hubs = [
        {"rank": rank, **e.ref(), "degree": graph.degree(e.id), "links": link_count[e.id]}
        for rank, e in enumerate(ranked[:top], 1)
        if graph.degree(e.id) > 0
    ]
    return {
        "entities": len(entities),
        "links": counts["links"],
        "links_total": fact_count(dataset.links),
        "account_groups": counts["account_groups"],
        "entity_types": counts["entity_types"],
        "link_types": counts["link_types"],
        "statuses": counts["statuses"],
        "pairs": graph.number_of_edges(),
        "components": len(components),
        "largest_component": len(largest),
        "isolated": sum(1 for n in graph if graph.degree(n) == 0),
        "density": round(nx.density(graph), 4) if len(graph) > 1 else 0.0,
        "diameter": diameter,
        "hubs": hubs,
        "filters": link_filter.describe(dataset),
    }
