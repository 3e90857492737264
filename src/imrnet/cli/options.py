"""Options shared by the commands, declared once.

Each is an ``Annotated`` type; a command lists the ones it takes, and the
helpers below turn their values into library arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = [
    "DataOption",
    "JsonOption",
    "StatusOption",
    "AsOfOption",
    "LinkTypeOption",
    "ExcludeLinkTypeOption",
    "complete_entity",
    "load_dataset",
    "link_filter",
]


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: entity names and ids that start with what is typed.

    Reads the dataset the command line names so far (``--data``), else the
    default one; completes nothing when it cannot be loaded.
    """
    from imrnet.errors import ImrnetError

    try:
        dataset = load_dataset(ctx.params.get("data") if ctx is not None else None)
    except ImrnetError:
        return []
    prefix = incomplete.casefold()
    found = {
        candidate
        for entity in dataset.entities.values()
        for candidate in (entity.id, entity.name, *entity.aliases)
        if candidate.casefold().startswith(prefix)
    }
    return sorted(found)


DataOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--data",
        metavar="DIR",
        help="Dataset directory (repeatable; 'bundled' names the packaged data). "
        "Default: $IMRNET_DATA (paths joined by ':'), else the bundled dataset.",
        show_default=False,
    ),
]

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document instead of tables.")
]

StatusOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--status",
        metavar="STATUS",
        help="Count only links with this status (repeatable): reported, alleged, disputed, planned.",
        show_default=False,
    ),
]

AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Count only links in force at DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]

LinkTypeOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--link-type",
        metavar="TYPE",
        help="Count only links of this type (repeatable).",
        show_default=False,
    ),
]

ExcludeLinkTypeOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--exclude-link-type",
        metavar="TYPE",
        help="Leave out links of this type (repeatable).",
        show_default=False,
    ),
]


def load_dataset(data: list[str] | None):
    """Load and check the dataset the ``--data`` values (or defaults) name."""
    from imrnet.loader import load
    from imrnet.paths import data_dirs

    return load(data_dirs(data))


def link_filter(status, as_of, link_type, exclude_link_type):
    """Build the link filter from the shared filter options."""
    from imrnet.filters import LinkFilter

    return LinkFilter.from_options(
        statuses=status, as_of=as_of, link_types=link_type, exclude_link_types=exclude_link_type
    )


