"""What every format writes about a node and an edge, in flat and nested shapes.

Nested shapes (:func:`node_record`, :func:`edge_record`) keep lists and
``None`` for formats that have them (JSON); flat shapes
(:func:`node_flat`, :func:`edge_flat`) hold only text, numbers and booleans
for formats that do not (GraphML, GEXF, CSV): lists are joined with
``"; "``, sources become ``id (locator)`` items, and empty values are left
out.

Examples
--------
>>> from imrnet.dataset.model import Citation, Entity, Link
>>> e = Entity("agmr", "AGMR", "organization", aliases=("АДР",), founded="2012")
>>> node_flat(e)["aliases"], node_flat(e)["dates"], "born" in node_flat(e)
('АДР', 'founded 2012', False)
>>> l = Link("x", "a", "b", "funds", "alleged", start="2015", sources=(Citation("doc", "p. 2"),))
>>> f = edge_flat(l)
>>> f["relation"], f["label"], f["kind"], f["symmetric"], f["sources"]
('funds', 'funds', 'affiliation', False, 'doc (p. 2)')
"""

from __future__ import annotations

from imrnet.dataset.model import Citation, Entity, Link

__all__ = [
    "TYPE_COLOURS",
    "STATUS_STYLES",
    "SEPARATOR",
    "node_record",
    "edge_record",
    "node_flat",
    "edge_flat",
    "entity_dates",
    "citation_text",
]

#: Joins list items in flat formats.
SEPARATOR = "; "

#: One colour per entity type (colour-blind safe, Okabe-Ito), hex RGB.
TYPE_COLOURS: dict[str, str] = {
    "person": "#0072B2",
    "organization": "#E69F00",
    "company": "#009E73",
    "public_body": "#CC79A7",
    "media": "#D55E00",
    "event": "#56B4E9",
}

#: How each link status is drawn: Graphviz / matplotlib line style.
STATUS_STYLES: dict[str, str] = {
    "reported": "solid",
    "alleged": "dashed",
    "disputed": "dotted",
    "planned": "dashdot",
}


def entity_dates(entity: Entity) -> str | None:
    """The entity's dates as one phrase ("born 1962", "founded 2012").

    Examples
    --------
    >>> entity_dates(Entity("e", "E", "event", date="2023-03-14"))
    'date 2023-03-14'
    >>> entity_dates(Entity("p", "P", "person")) is None
    True
    """
    parts = [
        f"{what} {value}"
        for what, value in (("born", entity.born), ("founded", entity.founded), ("date", entity.date))
        if value
    ]
    return ", ".join(parts) or None


def citation_text(citation: Citation) -> str:
    """``id (locator)``, or the id alone."""
    return f"{citation.id} ({citation.locator})" if citation.locator else citation.id


def node_record(entity: Entity) -> dict:
    """The node's attributes, nested: :meth:`Entity.as_dict` plus ``dates`` and ``colour``."""
    return {**entity.as_dict(), "dates": entity_dates(entity), "colour": TYPE_COLOURS[entity.type]}


def edge_record(link: Link, context=None) -> dict:
    """The edge's attributes, nested: :meth:`Link.as_dict` plus ``time``.

    ``time`` is the link's effective time (:func:`imrnet.dataset.when.link_time`:
    an act at its date or its event's, a state bounded by its entities' dates),
    read with the entities of ``context`` (a dataset or a selection).

    Examples
    --------
    >>> edge_record(Link("x", "a", "b", "funds", "reported", start="2015"))["time"]
    {'timing': 'act', 'start': '2015', 'end': '2015', 'basis': 'dates', 'earliest': None}
    """
    from imrnet.dataset.when import timed_link

    return timed_link(link, context)


def _flat(record: dict) -> dict:
    flat = {}
    for key, value in record.items():
        if isinstance(value, (list, tuple)):
            value = SEPARATOR.join(
                citation_text(Citation(**v)) if isinstance(v, dict) else str(v) for v in value
            )
        if value is None or value == "":
            continue
        flat[key] = value
    return flat


def node_flat(entity: Entity) -> dict:
    """The node's attributes as text, numbers and booleans; empty ones left out."""
    return _flat(node_record(entity))


def edge_flat(link: Link, context=None) -> dict:
    """The edge's attributes as text, numbers and booleans; empty ones left out.

    The relation type is stored as ``relation`` (formats such as GEXF and
    Gephi's CSV own the name ``type``); the amount is always a float, so
    that every edge's amount has one type; the effective time becomes
    ``timing``, ``time_start``, ``time_end`` and ``time_basis``.
    """
    record = edge_record(link, context)
    time = record.pop("time")
    record.update(timing=time["timing"], time_start=time["start"], time_end=time["end"],
                  time_basis=time["basis"])
    record["relation"] = record.pop("type")
    if record["amount"] is not None:
        record["amount"] = float(record["amount"])
    del record["source"], record["target"]
    return _flat(record)
