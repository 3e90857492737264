"""Mermaid flowchart, for Markdown pages that render Mermaid (GitHub, GitLab).

Nodes are coloured by entity type; alleged, disputed and planned links
are dotted and say their status; symmetric relations have no arrow head.
Mermaid lays out a few dozen nodes legibly at most, so a selection of more
than :data:`MAX_NODES` entities is refused: select an ego network or a
path instead.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {"a": Entity("a", "Ann [x]", "person"), "b": Entity("b", "B", "media")}
>>> print(render(select(Dataset(entities=ents, links=(Link("l1", "a", "b", "funds", "alleged"),)))))
flowchart LR
  n0["Ann &#91;x&#93;"]:::person
  n1["B"]:::media
  n0 -.->|"funds (alleged)"| n1
  classDef person fill:#0072B2,color:#fff
  classDef media fill:#D55E00,color:#fff
<BLANKLINE>
"""

from __future__ import annotations

from imrnet.errors import UsageError
from imrnet.export.attributes import TYPE_COLOURS

__all__ = ["render", "MAX_NODES"]

#: The most entities a Mermaid export holds.
MAX_NODES = 60

_ENTITIES = {"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;",
             "|": "&#124;", "#": "&#35;"}


def _text(text: str) -> str:
    return "".join(_ENTITIES.get(ch, ch) for ch in str(text).replace("\n", " "))


def render(selection) -> str:
    """The selection as a Mermaid flowchart.

    Raises
    ------
    UsageError
        More than :data:`MAX_NODES` entities.
    """
    if len(selection.entities) > MAX_NODES:
        raise UsageError(
            f"mermaid holds at most {MAX_NODES} entities legibly; this selection has "
            f"{len(selection.entities)}: choose --ego NAME or --path A B, or another format"
        )
    ids = {eid: f"n{i}" for i, eid in enumerate(selection.entities)}
    lines = ["flowchart LR"]
    for eid, entity in selection.entities.items():
        lines.append(f'  {ids[eid]}["{_text(entity.name)}"]:::{entity.type}')
    for link in selection.links:
        solid = link.status == "reported"
        arrow = ("---" if solid else "-.-") if link.symmetric else ("-->" if solid else "-.->")
        label = link.label if solid else f"{link.label} ({link.status})"
        lines.append(f'  {ids[link.source]} {arrow}|"{_text(label)}"| {ids[link.target]}')
    for entity_type in dict.fromkeys(e.type for e in selection.entities.values()):
        lines.append(f"  classDef {entity_type} fill:{TYPE_COLOURS[entity_type]},color:#fff")
    return "\n".join(lines) + "\n"
