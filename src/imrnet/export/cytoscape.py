"""Cytoscape.js elements JSON, also the data of ``imrnet html``.

``{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]},
"data": {...}}``: node data is
:func:`imrnet.export.attributes.node_record` (its ``id`` the entity id),
edge data is :meth:`Link.as_dict` (``id`` the link id, ``source`` and
``target`` the entity ids). Pass ``elements`` to ``cytoscape({elements})``;
Cytoscape desktop reads the same shape (File > Import > Network from File,
"Cytoscape.js JSON").

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> doc = elements(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "met", "reported"),))))
>>> doc["elements"]["edges"][0]["data"]["source"], doc["elements"]["nodes"][0]["data"]["colour"]
('a', '#0072B2')
"""

from __future__ import annotations

import json

from imrnet.export.attributes import edge_record, node_record
from imrnet.export.graph import describe_text

__all__ = ["render", "elements"]


def elements(selection) -> dict:
    """The Cytoscape.js document as plain data.

    Raises
    ------
    UsageError
        When an entity id is also a link id (Cytoscape.js needs them distinct).
    """
    nodes = [{"data": node_record(e)} for e in selection.entities.values()]
    edges = [{"data": edge_record(link, selection)} for link in selection.links]
    clash = selection.entities.keys() & {link.id for link in selection.links}
    if clash:
        from imrnet.errors import UsageError

        raise UsageError(f"entity id {sorted(clash)[0]!r} is also a link id; Cytoscape.js needs them distinct")
    return {
        "format_version": "1.0",
        "generated_by": "imrnet",
        "data": {"name": describe_text(selection), "selection": selection.description},
        "elements": {"nodes": nodes, "edges": edges},
    }


def render(selection) -> str:
    """The Cytoscape.js document as JSON text."""
    return json.dumps(elements(selection), ensure_ascii=False, indent=1) + "\n"
