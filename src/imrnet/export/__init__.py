"""Exports of the network to other tools' formats, one module per format.

The registry :data:`FORMATS` names each format's module and render
function (imported only when that format is written). A render function
takes a :class:`~imrnet.export.selection.Selection` and returns the text of
one file (``str``) or, for formats made of several files, a dict of file
name to text. Adding a format is one module and one :data:`FORMATS` entry.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> s = select(Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "reported"),)))
>>> print(render("mermaid", s))
flowchart LR
  n0["A"]:::person
  n1["B"]:::person
  n0 ---|"met"| n1
  classDef person fill:#0072B2,color:#fff
<BLANKLINE>
>>> sorted(render("csv", s))
['edges.csv', 'nodes.csv']
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from imrnet.errors import UsageError

__all__ = ["Format", "FORMATS", "get_format", "render"]


@dataclass(frozen=True)
class Format:
    """One export format.

    Attributes
    ----------
    name : str
        As typed after ``imrnet export``.
    target : str
        ``"module:function"`` of the render function.
    help : str
        One line for ``--help`` and the README.
    files : tuple of str
        The file names it writes into a directory; empty for a one-file
        format (written to ``-o FILE`` or standard output).
    """

    name: str
    target: str
    help: str
    files: tuple[str, ...] = ()

    def render(self, selection):
        """Run the format's render function on ``selection``."""
        module, function = self.target.split(":")
        return getattr(importlib.import_module(module), function)(selection)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("graphml", "imrnet.export.graphml:render", "GraphML with typed keys (yEd, Gephi, NetworkX)"),
        Format("gexf", "imrnet.export.gexf:render", "GEXF 1.3 with timeline and type colours (Gephi)"),
        Format("json", "imrnet.export.nodelink:render", "node-link JSON (NetworkX, D3)"),
        Format("cytoscape", "imrnet.export.cytoscape:render", "Cytoscape.js elements JSON"),
        Format("dot", "imrnet.export.dot:render", "Graphviz DOT, styled by type and status"),
        Format(
            "csv",
            "imrnet.export.gephi:render",
            "nodes.csv + edges.csv for Gephi's spreadsheet import",
            ("nodes.csv", "edges.csv"),
        ),
        Format(
            "neo4j",
            "imrnet.export.neo4j:render_csv",
            "nodes.csv + relationships.csv for neo4j-admin database import",
            ("nodes.csv", "relationships.csv"),
        ),
        Format("cypher", "imrnet.export.neo4j:render_cypher", "Cypher MERGE script (Neo4j, re-runnable)"),
        Format("mermaid", "imrnet.export.mermaid:render", "Mermaid flowchart for Markdown (small selections)"),
        Format("ftm", "imrnet.export.ftm:render", "FollowTheMoney entities, one JSON a line (Aleph, OpenSanctions)"),
    )
}


def get_format(name: str) -> Format:
    """The format called ``name`` (any case).

    Examples
    --------
    >>> get_format("GraphML").files
    ()
    >>> get_format("xls")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown format 'xls'; expected one of: graphml, gexf, json, cytoscape, dot, csv, neo4j, cypher, mermaid, ftm
    """
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise UsageError(f"unknown format {name!r}; expected one of: {', '.join(FORMATS)}")
    return found


def render(name: str, selection):
    """The text of format ``name`` for ``selection`` (a dict of texts for multi-file formats)."""
    return get_format(name).render(selection)
