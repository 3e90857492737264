"""The selection as a NetworkX multigraph with flat attributes.

GraphML, GEXF and the drawing start from this graph: one node per entity,
one edge per link keyed by the link id, every attribute a text, number or
boolean (:mod:`imrnet.export.attributes`). NetworkX is imported here, only
when a format needs it.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> links = (Link("l1", "a", "b", "met", "reported"), Link("l2", "a", "b", "funds", "alleged"))
>>> g = to_networkx(select(Dataset(entities=ents, links=links)))
>>> g.number_of_nodes(), g.number_of_edges(), g.edges["a", "b", "l2"]["relation"]
(2, 2, 'funds')
"""

from __future__ import annotations

from imrnet.export.attributes import edge_flat, node_flat

__all__ = ["to_networkx", "describe_text"]


def describe_text(selection) -> str:
    """One line telling what was selected, for files' metadata.

    Examples
    --------
    >>> from imrnet.export.selection import Selection
    >>> describe_text(Selection({}, (), description={"mode": "ego", "center": "a", "radius": 2}))
    'imrnet: ego network of a, radius 2'
    """
    about = selection.description
    mode = about.get("mode", "all")

    def name(eid: str) -> str:
        return selection.entities[eid].name if eid in selection.entities else eid

    if mode == "ego":
        return f"imrnet: ego network of {name(about['center'])}, radius {about['radius']}"
    if mode == "path":
        return f"imrnet: shortest paths from {name(about['from'])} to {name(about['to'])}"
    return "imrnet: whole network"


def to_networkx(selection):
    """A :class:`networkx.MultiDiGraph` of the selection (edge keys are link ids)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=describe_text(selection))
    for eid, entity in selection.entities.items():
        graph.add_node(eid, **node_flat(entity))
    for link in selection.links:
        graph.add_edge(link.source, link.target, key=link.id, **edge_flat(link, selection))
    return graph
