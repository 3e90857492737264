"""Node-link JSON: what ``networkx.node_link_graph`` and D3 read.

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
"links": [...]}``: each node is :func:`imrnet.export.attributes.node_record`
(lists kept as lists), each link :meth:`Link.as_dict` with ``key`` set
to the link id. Read it back with
``networkx.node_link_graph(data, edges="links")``.

Examples
--------
>>> import json
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> doc = json.loads(render(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "met", "reported"),)))))
>>> [n["id"] for n in doc["nodes"]], doc["links"][0]["key"], doc["links"][0]["kind"]
(['a', 'b'], 'l1', 'affiliation')
"""

from __future__ import annotations

import json

from imrnet.export.attributes import edge_record, node_record
from imrnet.export.graph import describe_text

__all__ = ["render", "node_link"]


def node_link(selection) -> dict:
    """The node-link document as plain data."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": describe_text(selection), "selection": selection.description},
        "nodes": [node_record(e) for e in selection.entities.values()],
        "links": [{**edge_record(link, selection), "key": link.id} for link in selection.links],
    }


def render(selection) -> str:
    """The node-link document as JSON text."""
    return json.dumps(node_link(selection), ensure_ascii=False, indent=1) + "\n"
