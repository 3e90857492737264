"""Commands: export, draw, html.

The three take one selection (the whole network, ``--ego NAME --radius N``
or ``--path A B``) and the shared link filters, and write a file: to
``-o`` (a directory for formats made of several files) or standard
output. Writing is atomic and never replaces an input data file. The
heavy libraries (NetworkX writers, matplotlib) load inside the commands.
"""

import functools
import inspect
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from imrnet.cli import command
from imrnet.cli.options import DataOption, complete_entity, load_dataset, whole_number
from imrnet.export import FORMATS

if TYPE_CHECKING:  # the commands receive one, built by @command(filters=True)
    from imrnet.queries.filters import LinkFilter

__all__ = ["export", "draw", "html"]

_FORMATS = ", ".join(FORMATS)

def _output_option(metavar: str, help: str) -> typer.Option:
    """The ``--output`` / ``-o`` option of export, draw and html."""
    return typer.Option("--output", "-o", metavar=metavar, help=help, show_default=False)


EgoOption = Annotated[
    Optional[str],
    typer.Option(
        "--ego", metavar="NAME", help="Keep the entities within --radius hops of NAME.",
        autocompletion=complete_entity, show_default=False,
    ),
]
RadiusOption = Annotated[
    str, typer.Option("--radius", "-r", metavar="N", help="Hops from the --ego entity (at least 1).")
]
PathOption = Annotated[
    Optional[tuple[str, str]],
    typer.Option(
        "--path", metavar="FROM TO",
        help=("Keep the shortest paths between two entities, along every kind of tie unless "
              "--ties says otherwise (`imrnet path` follows affiliation ties: add --ties "
              "affiliation for exactly the paths it prints)."),
        show_default=False,
    ),
]
LimitOption = Annotated[
    str, typer.Option("--limit", metavar="N", help="With --path: at most N paths, best first.")
]


#: The selection options, in the order help lists them: (name, type, default).
_SELECTION_OPTIONS = [
    ("ego", EgoOption, None), ("radius", RadiusOption, "1"),
    ("path", PathOption, None), ("limit", LimitOption, "10"),
]


def with_selection(func):
    """Give a command the selection options in place of its ``choice`` parameter.

    ``--ego``, ``--radius``, ``--path`` and ``--limit`` are declared here once
    and reach the command as one dict, as typed (checked by :func:`_selection`).
    """
    signature = inspect.signature(func)
    params = list(signature.parameters.values())
    at = next(i for i, p in enumerate(params) if p.name == "choice")
    added = [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=kind)
        for name, kind, default in _SELECTION_OPTIONS
    ]
    params = params[:at] + added + params[at + 1:]

    @functools.wraps(func)
    def wrapper(*args, ego=None, radius="1", path=None, limit="10", **kwargs):
        return func(*args, choice={"ego": ego, "radius": radius, "path": path, "limit": limit}, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=params)
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


def _complete_formats(incomplete: str) -> list[str]:
    return [f for f in _FORMATS.split(", ") if f.startswith(incomplete)]


def _protected(data) -> list[Path]:
    """The input data files, which no output may replace."""
    from imrnet.dataset.locations import FILES, data_dirs

    return [d / name for d in data_dirs(data) for name in FILES]


def _selection(data, link_filter, choice: dict):
    """Load the dataset, select, and list the files output must not replace."""
    from imrnet.export.selection import select

    ego, path = choice["ego"], choice["path"]
    hops = whole_number(choice["radius"], "--radius", 1)
    count = whole_number(choice["limit"], "--limit", 1)
    protected = _protected(data)
    dataset = load_dataset(data)
    chosen = select(
        dataset, link_filter=link_filter, ego=ego, radius=hops,
        path=tuple(path) if path else None, limit=count,
    )
    return chosen, protected


def _emit(text, output: Optional[Path], protected, files: tuple[str, ...] = ()) -> None:
    from imrnet.errors import UsageError
    from imrnet.export.writing import write_file, write_files

    if isinstance(text, dict):
        if output is None:
            raise UsageError(f"this format writes {' and '.join(files)}: give a directory with -o")
        written = write_files(output, text, protected)
        typer.echo(f"imrnet: wrote {', '.join(str(p) for p in written)}", err=True)
    elif output is None or str(output) == "-":
        if sys.stdout.isatty():  # shown, not saved: data never drives the terminal
            from imrnet.output.inert import inert

            text = inert(text)
        typer.echo(text, nl=False)
    else:
        write_file(output, text, protected)
        typer.echo(f"imrnet: wrote {output}", err=True)


@command("export", filters=True)
@with_selection
def export(
    format: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT", help=f"One of {_FORMATS}.", autocompletion=_complete_formats,
            show_default=False,
        ),
    ],
    output: Annotated[
        Optional[Path],
        _output_option("PATH", "Write here (a directory for csv and neo4j) instead of standard output."),
    ] = None,
    choice: dict = None,
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
) -> None:
    """Write the network (or a selection of it) for another tool.

    Formats: graphml (yEd, Gephi, NetworkX), gexf (Gephi, with timeline),
    json (node-link: NetworkX, D3), cytoscape (Cytoscape.js), dot
    (Graphviz), csv (Gephi spreadsheet: nodes.csv + edges.csv), neo4j
    (neo4j-admin import: nodes.csv + relationships.csv), cypher (MERGE
    script), mermaid (Markdown; at most 60 entities), ftm (FollowTheMoney
    entity stream, JSON Lines).

    Every node carries its id, name, type, aliases, dates, countries and
    tags; every edge its id, relation and label, kind, status, dates,
    amount, summary, sources with locators and whether it is symmetric.

    Examples:

      imrnet export gexf -o imrnet.gexf

      imrnet export csv -o gephi/ --status reported

      imrnet export mermaid --path Malofeev Dugin
    """
    from imrnet.export import get_format

    chosen = get_format(format)
    selection, protected = _selection(data, link_filter, choice)
    _emit(chosen.render(selection), output, protected, chosen.files)


@command("draw", filters=True)
@with_selection
def draw(
    output: Annotated[Path, _output_option("FILE", "The picture: .svg, .png or .pdf.")],
    choice: dict = None,
    labels: Annotated[
        str,
        typer.Option(
            "--edge-labels", metavar="WHEN",
            help="Label edges with the relation: auto (when legible), all or none.",
        ),
    ] = "auto",
    seed: Annotated[str, typer.Option("--seed", metavar="N", help="Layout seed.")] = "7",
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
) -> None:
    """Draw the network (or a selection of it) to SVG, PNG or PDF.

    Nodes are coloured by type (with a legend) and sized by degree; alleged
    links are dashed, disputed dotted. The layout is deterministic: the same
    data and --seed give the same picture. Uses matplotlib.

    Examples:

      imrnet draw -o network.svg

      imrnet draw --ego Ionov -o ionov.png

      imrnet draw --path Malofeev Dugin -o path.pdf
    """
    from imrnet.export.draw import draw as make_picture, picture_format
    from imrnet.export.writing import check_target, write_file

    check_target(output, _protected(data))
    kind = picture_format(output)
    number = whole_number(seed, "--seed", 0)
    selection, protected = _selection(data, link_filter, choice)
    write_file(output, make_picture(selection, kind, edge_labels=labels, seed=number), protected)
    typer.echo(f"imrnet: wrote {output}", err=True)


@command("html", filters=True)
@with_selection
def html(
    output: Annotated[
        Optional[Path], _output_option("FILE", "Write the page here instead of standard output.")
    ] = None,
    choice: dict = None,
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
) -> None:
    """Write one self-contained interactive page of the network.

    The page works offline (Cytoscape.js is inlined): pan, zoom and drag;
    search by name; click an entity for its card (names, summary, links
    with status, dates and sources); filter links by status, kind and year.

    Examples:

      imrnet html -o imrnet.html

      imrnet html --ego Malofeev --radius 2 -o malofeev.html
    """
    from imrnet.export.html import page

    selection, protected = _selection(data, link_filter, choice)
    _emit(page(selection), output, protected)
