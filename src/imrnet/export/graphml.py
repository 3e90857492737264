"""GraphML: typed attribute keys, read by yEd, Gephi, Cytoscape and NetworkX.

Written by NetworkX from :func:`imrnet.export.graph.to_networkx`; every
value is a string, double or boolean, so each key has one declared type.
Edge ids are the link ids.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> text = render(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "met", "reported"),))))
>>> '<edge source="a" target="b" id="l1">' in text
True
"""

from __future__ import annotations

__all__ = ["render"]


def render(selection) -> str:
    """The selection as a GraphML document."""
    import networkx as nx

    from imrnet.export.graph import to_networkx

    lines = nx.generate_graphml(to_networkx(selection), prettyprint=True, named_key_ids=False)
    return "\n".join(lines) + "\n"
