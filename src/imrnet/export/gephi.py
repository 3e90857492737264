"""``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import.

Gephi (File > Import spreadsheet) recognises ``Id`` and ``Label`` in a
nodes table and ``Source``, ``Target``, ``Type`` (``Directed`` or
``Undirected``: symmetric relations are undirected), ``Id`` and ``Label``
in an edges table; the other columns become attributes. Lists are joined
with ``"; "``. The relation is the ``relation`` column, as ``Type`` is
Gephi's.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> files = render(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "met", "reported"),))))
>>> files["edges.csv"].splitlines()[1]
'a,b,Undirected,l1,met,met,affiliation,reported,,,,,,,,,true,act,,,none,bundled'
"""

from __future__ import annotations

from imrnet.export.attributes import edge_flat, node_flat
from imrnet.export.tabular import csv_text

__all__ = ["render", "NODE_COLUMNS", "EDGE_COLUMNS"]

NODE_COLUMNS = [
    "Id", "Label", "type", "aliases", "dates", "born", "founded", "date", "country", "place",
    "tags", "summary", "sources", "colour", "origin",
]
EDGE_COLUMNS = [
    "Source", "Target", "Type", "Id", "Label", "relation", "kind", "status", "start", "end",
    "role", "amount", "currency", "summary", "sources", "account_of", "symmetric", "timing",
    "time_start", "time_end", "time_basis", "origin",
]


def render(selection) -> dict[str, str]:
    """``{"nodes.csv": text, "edges.csv": text}``."""
    nodes = []
    for eid, entity in selection.entities.items():
        row = node_flat(entity)
        nodes.append({**row, "Id": eid, "Label": row["name"]})
    edges = []
    for link in selection.links:
        row = edge_flat(link, selection)
        edges.append({
            **row,
            "Source": link.source,
            "Target": link.target,
            "Type": "Undirected" if link.symmetric else "Directed",
            "Id": link.id,
            "Label": row["label"],
        })
    return {"nodes.csv": csv_text(NODE_COLUMNS, nodes), "edges.csv": csv_text(EDGE_COLUMNS, edges)}
