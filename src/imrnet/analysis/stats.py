"""Summary figures of the dataset and of the network the filters leave.

Entity counts cover the whole dataset; link counts cover the counted
links. Structure (components, density, diameter, hubs) is measured on the
undirected simple graph of the counted links over every entity
(:func:`imrnet.network.to_networkx`).

Examples
--------
>>> from imrnet.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
...                                   Link("2", "b", "c", "funds", "alleged")))
>>> s = network_stats(d)
>>> s["components"], s["largest_component"], s["isolated"], s["diameter"], s["density"]
(2, 3, 1, 2, 0.3333)
"""

from __future__ import annotations

from imrnet.filters import ALL_LINKS
from imrnet.analysis import name_key
from imrnet.errors import UsageError
from imrnet.model import Dataset
from imrnet.network import filtered_links, to_networkx

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
        "entity_types": {type: n} (every type, vocabulary order),
        "link_types": {type: n} (types present, vocabulary order),
        "statuses": {status: n} (every status), "pairs": linked pairs
        (edges of the simple graph), "components": n, "largest_component":
        entities in it, "isolated": entities without counted links,
        "density": x (4 places), "diameter": hops across the largest
        component, "hubs": [{"rank", "id", "name", "type", "degree",
        "links"}], "filters": {...}}``. Hubs are ranked by degree (distinct
        neighbours), then name; ``links`` counts their links.

    Examples
    --------
    >>> from imrnet.model import Dataset
    >>> network_stats(Dataset())["diameter"]
    0
    """
    import networkx as nx

    from imrnet.vocab import ENTITY_TYPES, LINK_TYPES, STATUSES

    link_filter = link_filter or ALL_LINKS
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise UsageError(f"--top must be a positive whole number, not {top!r}")
    links = filtered_links(dataset, link_filter)
    graph = to_networkx(dataset, links)
    entities = dataset.entities

    entity_types = {t: 0 for t in ENTITY_TYPES}
    for entity in entities.values():
        entity_types[entity.type] = entity_types.get(entity.type, 0) + 1
    link_types: dict[str, int] = {}
    statuses = {s: 0 for s in STATUSES}
    for link in links:
        link_types[link.type] = link_types.get(link.type, 0) + 1
        statuses[link.status] = statuses.get(link.status, 0) + 1
    link_types = {t: link_types[t] for t in [*LINK_TYPES, *sorted(set(link_types) - set(LINK_TYPES))] if t in link_types}

    position = {eid: i for i, eid in enumerate(entities)}
    components = sorted(
        nx.connected_components(graph), key=lambda c: (-len(c), min(position[n] for n in c))
    )
    largest = components[0] if components else set()
    diameter = nx.diameter(graph.subgraph(largest)) if len(largest) > 1 else 0

    link_count = {eid: 0 for eid in entities}
    for link in links:
        if link.source != link.target and link.source in entities and link.target in entities:
            link_count[link.source] += 1
            link_count[link.target] += 1
    ranked = sorted(entities.values(), key=lambda e: (-graph.degree(e.id), *name_key(e)))
    hubs = [
        {"rank": rank, **e.ref(), "degree": graph.degree(e.id), "links": link_count[e.id]}
        for rank, e in enumerate(ranked[:top], 1)
        if graph.degree(e.id) > 0
    ]
    return {
        "entities": len(entities),
        "links": len(links),
        "links_total": len(dataset.links),
        "entity_types": entity_types,
        "link_types": link_types,
        "statuses": statuses,
        "pairs": graph.number_of_edges(),
        "components": len(components),
        "largest_component": len(largest),
        "isolated": sum(1 for n in graph if graph.degree(n) == 0),
        "density": round(nx.density(graph), 4) if len(graph) > 1 else 0.0,
        "diameter": diameter,
        "hubs": hubs,
        "filters": link_filter.describe(),
    }
