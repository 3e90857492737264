"""Neo4j: CSV files for ``neo4j-admin database import`` and a Cypher script.

``neo4j`` writes ``nodes.csv`` and ``relationships.csv`` with the import
tool's header names: ``id:ID`` and ``:LABEL`` (``Entity`` plus the type:
``Entity;Person``) for nodes; ``:START_ID``, ``:END_ID`` and ``:TYPE``
(the relation in upper case: ``FUNDS``) for relationships; lists typed
``string[]`` and joined with ``;`` (the tool's default array delimiter), the
amount ``float``, the symmetric flag ``boolean``. Import with::

    neo4j-admin database import full --nodes=nodes.csv \\
        --relationships=relationships.csv neo4j

``cypher`` writes a script of ``MERGE`` statements, keyed by entity and
link ids, so running it twice creates nothing twice::

    cypher-shell < imrnet.cypher

Nodes get the one label ``Entity`` (the type is the ``type`` property), so
the same script also runs on engines without multiple labels.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "public_body") for i in "ab"}
>>> s = select(Dataset(entities=ents, links=(Link("l1", "a", "b", "member_of", "reported"),)))
>>> files = render_csv(s)
>>> files["nodes.csv"].splitlines()[1]
'a,Entity;PublicBody,A,public_body,,,,,,,,,,,bundled'
>>> print(render_cypher(s).splitlines()[-1])
MATCH (a:Entity {id: "a"}), (b:Entity {id: "b"}) MERGE (a)-[r:MEMBER_OF {id: "l1"}]->(b) SET r.`label` = "member of", r.`status` = "reported", r.`kind` = "affiliation", r.`symmetric` = false, r.`origin` = "bundled";
"""

from __future__ import annotations

import json

from imrnet.export.attributes import citation_text, entity_dates
from imrnet.export.tabular import csv_text

__all__ = ["render_csv", "render_cypher", "NODE_HEADER", "RELATIONSHIP_HEADER", "relationship_type"]

#: Node columns: (header, property).
NODE_HEADER = [
    ("id:ID", "id"), (":LABEL", "labels"), ("name", "name"), ("type", "type"),
    ("aliases:string[]", "aliases"), ("dates", "dates"), ("born", "born"), ("founded", "founded"),
    ("date", "date"), ("country:string[]", "country"), ("place", "place"), ("summary", "summary"),
    ("tags:string[]", "tags"), ("sources:string[]", "sources"), ("origin", "origin"),
]
#: Relationship columns: (header, property).
RELATIONSHIP_HEADER = [
    (":START_ID", "source"), (":END_ID", "target"), (":TYPE", "rel_type"), ("id", "id"),
    ("label", "label"), ("kind", "kind"), ("status", "status"), ("start", "start"), ("end", "end"),
    ("role", "role"), ("amount:float", "amount"), ("currency", "currency"), ("summary", "summary"),
    ("sources:string[]", "sources"), ("symmetric:boolean", "symmetric"),
    ("account_of", "account_of"), ("origin", "origin"),
]


def relationship_type(link_type: str) -> str:
    """The Neo4j relationship type of a link type.

    Examples
    --------
    >>> relationship_type("officer_of")
    'OFFICER_OF'
    """
    return link_type.upper()


def _label(entity_type: str) -> str:
    return "".join(part.title() for part in entity_type.split("_"))


def _node_props(entity) -> dict:
    record = entity.as_dict()
    record["sources"] = [citation_text(c) for c in entity.sources]
    record["dates"] = entity_dates(entity)
    return record


def _link_props(link) -> dict:
    record = link.as_dict()
    record["sources"] = [citation_text(c) for c in link.sources]
    if record["amount"] is not None:
        record["amount"] = float(record["amount"])
    return record


def _array(items) -> str:
    # The import tool has no escape for its array delimiter.
    return ";".join(str(item).replace(";", ",") for item in items)


def _csv_rows(records, header):
    for record in records:
        yield {
            name: _array(record[key]) if name.endswith("[]") else record[key]
            for name, key in header
        }


def render_csv(selection) -> dict[str, str]:
    """``{"nodes.csv": text, "relationships.csv": text}`` for the import tool."""
    nodes = [
        {**_node_props(e), "labels": f"Entity;{_label(e.type)}"} for e in selection.entities.values()
    ]
    rels = [{**_link_props(l), "rel_type": relationship_type(l.type)} for l in selection.links]
    return {
        "nodes.csv": csv_text([h for h, _ in NODE_HEADER], _csv_rows(nodes, NODE_HEADER)),
        "relationships.csv": csv_text(
            [h for h, _ in RELATIONSHIP_HEADER], _csv_rows(rels, RELATIONSHIP_HEADER)
        ),
    }


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _sets(var: str, props: dict, skip: tuple[str, ...]) -> str:
    # Empty values are left out: an empty list has no element type to infer.
    # Names are quoted: `end` is a Cypher keyword.
    parts = [
        f"{var}.`{key}` = {_literal(value)}"
        for key, value in props.items()
        if key not in skip and value not in (None, [], "")
    ]
    return " SET " + ", ".join(parts) if parts else ""


def render_cypher(selection) -> str:
    """A Cypher script of ``MERGE`` statements, one a line."""
    lines = []
    for entity in selection.entities.values():
        props = _node_props(entity)
        lines.append(
            f"MERGE (n:Entity {{id: {_literal(entity.id)}}})" + _sets("n", props, ("id",)) + ";"
        )
    for link in selection.links:
        props = _link_props(link)
        lines.append(
            f"MATCH (a:Entity {{id: {_literal(link.source)}}}), (b:Entity {{id: {_literal(link.target)}}})"
            f" MERGE (a)-[r:{relationship_type(link.type)} {{id: {_literal(link.id)}}}]->(b)"
            + _sets("r", props, ("id", "source", "target", "type"))
            + ";"
        )
    return "\n".join(lines) + "\n"
