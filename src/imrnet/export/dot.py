"""Graphviz DOT: boxes coloured by entity type, edges styled by status.

Render it with ``dot -Tsvg graph.dot -o graph.svg`` (or ``sfdp`` for the
whole network). Edges are labelled with the relation; alleged links are
dashed, disputed dotted, planned dash-dotted; symmetric relations have no
arrow head. Node and edge ids are the entity and link ids, so they carry
through to SVG.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {"a": Entity("a", 'Say "hi"', "person"), "b": Entity("b", "B", "media")}
>>> print(render(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "funds", "alleged"),)))))
digraph imrnet {
  graph [label="imrnet: whole network", labelloc=t, fontname="Helvetica", rankdir=LR, overlap=false, splines=true];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fontcolor="#ffffff"];
  edge [fontname="Helvetica", fontsize=9, color="#555555", fontcolor="#333333"];
  "a" [id="a", label="Say \\"hi\\"", fillcolor="#0072B2", tooltip="person"];
  "b" [id="b", label="B", fillcolor="#D55E00", tooltip="media"];
  "a" -> "b" [id="l1", label="funds", style=dashed, tooltip="alleged"];
}
<BLANKLINE>
"""

from __future__ import annotations

from imrnet.export.attributes import STATUS_STYLES, TYPE_COLOURS
from imrnet.export.graph import describe_text

__all__ = ["render", "quote"]

_DOT_STYLES = {"solid": "solid", "dashed": "dashed", "dotted": "dotted", "dashdot": "dashed"}


def quote(text: str) -> str:
    """A DOT double-quoted string.

    Examples
    --------
    >>> quote('a "b" \\\\ c')
    '"a \\\\"b\\\\" \\\\\\\\ c"'
    """
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def render(selection) -> str:
    """The selection as a DOT digraph."""
    lines = [
        "digraph imrnet {",
        f"  graph [label={quote(describe_text(selection))}, labelloc=t, fontname=\"Helvetica\","
        " rankdir=LR, overlap=false, splines=true];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11,'
        ' fontcolor="#ffffff"];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555", fontcolor="#333333"];',
    ]
    for eid, entity in selection.entities.items():
        lines.append(
            f"  {quote(eid)} [id={quote(eid)}, label={quote(entity.name)},"
            f" fillcolor={quote(TYPE_COLOURS[entity.type])}, tooltip={quote(entity.type)}];"
        )
    for link in selection.links:
        attrs = [f"id={quote(link.id)}", f"label={quote(link.label)}"]
        style = _DOT_STYLES[STATUS_STYLES[link.status]]
        if style != "solid":
            attrs.append(f"style={style}")
        if link.symmetric:
            attrs.append("dir=none")
        attrs.append(f"tooltip={quote(link.status)}")
        lines.append(f"  {quote(link.source)} -> {quote(link.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
