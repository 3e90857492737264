"""GEXF 1.3 for Gephi: node colours by type, link dates on the timeline.

Each link's effective time (:func:`imrnet.dataset.when.link_time`: an
act on its date or its event's, a state from its start, or from when both
its ends existed, to its end) becomes the edge's ``start`` and ``end``
(partial dates widened to full days: a start of ``2015`` is
``2015-01-01``, an end of ``2015`` is ``2015-12-31``; a missing bound
stays open), so Gephi's timeline shows when ties held. The link's own
dates stay in ``link_start`` and ``link_end``. The relation is
stored as the ``relation`` attribute, since GEXF owns the edge ``type``
(``directed`` or ``undirected``): every edge is directed from the link's
source to its target, and ``symmetric`` tells the relations that read the
same both ways (a mixed graph would not read back in NetworkX). The edge
label is the relation read forward. Nodes carry ``viz:color`` by
entity type (:data:`imrnet.export.attributes.TYPE_COLOURS`).

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> link = Link("l1", "a", "b", "member_of", "reported", start="2015", end="2016-02")
>>> text = render(select(Dataset(entities=ents, links=(link,))))
>>> 'start="2015-01-01" end="2016-02-29"' in text, 'title="relation"' in text
(True, True)
"""

from __future__ import annotations

from imrnet.dataset.dates import date_bounds

__all__ = ["render"]

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_BAD_XSI = "http://w3.org/2001/XMLSchema-instance"


def _rgb(colour: str) -> dict:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def render(selection) -> str:
    """The selection as a GEXF 1.3 document."""
    import networkx as nx

    from imrnet.export.graph import to_networkx

    graph = to_networkx(selection)
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]
        data["viz"] = {"color": _rgb(data.pop("colour"))}
    for _, _, data in graph.edges(data=True):
        for own in ("start", "end"):
            if own in data:
                data[f"link_{own}"] = data.pop(own)
        if "time_start" in data:
            data["start"] = date_bounds(data["time_start"])[0]
        if "time_end" in data:
            data["end"] = date_bounds(data["time_end"])[1]
    text = "\n".join(nx.generate_gexf(graph, prettyprint=True, version="1.3")) + "\n"
    # NetworkX's 1.3 writer misspells the XML Schema instance namespace
    # (http://w3.org/...), so xsi:schemaLocation did not name the schema.
    return text.replace(f'xmlns:xsi="{_BAD_XSI}"', f'xmlns:xsi="{_XSI}"', 1)
