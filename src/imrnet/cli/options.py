"""Options shared by the commands, declared once.

Each is an ``Annotated`` type; a command lists the ones it takes, and the
helpers below turn their values into library arguments.
"""

from __future__ import annotations

import functools
import inspect
from typing import Annotated, Optional

import typer

from imrnet.dataset.vocab import ENTITY_TYPES

#: The entity types, as listed in help texts.
TYPES_TEXT = ", ".join(ENTITY_TYPES)
NAME_HELP = "An entity id, name, alias or surname (any script or spelling)."

__all__ = [
    "NAME_HELP",
    "TYPES_TEXT",
    "EntityArgument",
    "DATES",
    "repeatable",
    "date_option",
    "entity_argument",
    "complete_types",
    "DataOption",
    "JsonOption",
    "StatusOption",
    "AsOfOption",
    "SinceOption",
    "UntilOption",
    "UndatedOption",
    "TIES_TEXT",
    "ties_option",
    "LinkTypeOption",
    "ExcludeLinkTypeOption",
    "complete_entity",
    "load_dataset",
    "whole_number",
    "with_link_filter",
]


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the names, aliases and ids that start with what is typed.

    Reads the dataset the command line names so far (``--data``), else the
    default one; completes nothing when it cannot be loaded. Case and
    script do not matter, and bash gets multi-word names escaped
    (:mod:`imrnet.cli.completion`).
    """
    from imrnet.cli.completion import candidates, shell_name
    from imrnet.errors import ImrnetError

    try:
        dataset = load_dataset(ctx.params.get("data") if ctx is not None else None)
    except ImrnetError:
        return []
    return candidates(dataset, incomplete, shell_name())


def complete_types(incomplete: str) -> list[str]:
    """Shell completion of entity types."""
    return [t for t in ENTITY_TYPES if t.startswith(incomplete)]


def entity_argument(metavar: str = "NAME", help: str = NAME_HELP):
    """A positional entity name, completed from the dataset's names."""
    return typer.Argument(
        metavar=metavar, help=help, autocompletion=complete_entity, show_default=False
    )


EntityArgument = Annotated[str, entity_argument()]

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

#: How dates are typed, for help texts.
DATES = "YYYY, YYYY-MM or YYYY-MM-DD"


def repeatable(*flags: str, metavar: str, help: str, complete=None):
    """A repeatable option of text values, ``None`` when not given."""
    return Annotated[
        Optional[list[str]],
        typer.Option(*flags, metavar=metavar, help=help, autocompletion=complete, show_default=False),
    ]


def date_option(flag: str, help: str):
    """An option holding one partial date, ``None`` when not given."""
    return Annotated[Optional[str], typer.Option(flag, metavar="DATE", help=help, show_default=False)]


StatusOption = repeatable(
    "--status",
    metavar="STATUS",
    help="Count only links with this status (repeatable, or comma-separated): "
    "reported, alleged, disputed, planned.",
)
AsOfOption = date_option(
    "--as-of",
    f"Count states in force at DATE and acts dated on or before it ({DATES}).",
)
SinceOption = date_option(
    "--since",
    f"Count acts dated DATE or later and states still in force at DATE or later ({DATES}).",
)
UntilOption = date_option(
    "--until",
    f"Count acts dated DATE or earlier and states begun by DATE ({DATES}).",
)
UndatedOption = Annotated[
    Optional[str],
    typer.Option(
        "--undated",
        metavar="exclude|include",
        help="Under a date filter, leave out links that cannot be placed in time "
        "(exclude, the default; the answer says how many) or keep them (include).",
        show_default=False,
    ),
]
LinkTypeOption = repeatable(
    "--link-type", metavar="TYPE", help="Count only links of this type (repeatable, or comma-separated)."
)
ExcludeLinkTypeOption = repeatable(
    "--exclude-link-type", metavar="TYPE",
    help="Leave out links of this type (repeatable, or comma-separated).",
)

#: The kinds of tie, as ``--ties`` lists them.
TIES_TEXT = "all, affiliation, adversarial, coverage"


def ties_option(default: str):
    """The ``--ties`` option, saying which kinds the command follows by default."""
    return repeatable(
        "--ties",
        metavar="KIND",
        help=f"Count only ties of this kind (repeatable, or comma-separated): {TIES_TEXT}. "
        f"Default here: {default}.",
        complete=_complete_ties,
    )


def _complete_ties(incomplete: str) -> list[str]:
    return [k for k in TIES_TEXT.split(", ") if k.startswith(incomplete.lower())]


def whole_number(value: str, option: str, minimum: int) -> int:
    """Read a whole-number option (see :func:`imrnet.queries.inputs.whole_number`)."""
    from imrnet.queries.inputs import whole_number as check

    return check(value, option, minimum)


def load_dataset(data: list[str] | None):
    """Load the dataset the ``--data`` values (or defaults) name: checked, or from a fresh index."""
    from imrnet.dataset.locations import data_dirs
    from imrnet.index.cache import load_cached
    from imrnet.output.progress import build_progress

    return load_cached(data_dirs(data), progress=build_progress)


#: The shared link filter options, in the order help lists them.
_FILTER_OPTIONS = {
    "status": StatusOption,
    "ties": None,  # per command: see ties_option
    "as_of": AsOfOption,
    "since": SinceOption,
    "until": UntilOption,
    "undated": UndatedOption,
    "link_type": LinkTypeOption,
    "exclude_link_type": ExcludeLinkTypeOption,
}


def with_link_filter(func, ties: str = "all"):
    """Give a command the shared filter options in place of its ``link_filter`` parameter.

    The options are checked (a bad value is a one-line usage error) before
    the command runs, and reach it as one :class:`imrnet.queries.filters.LinkFilter`.
    ``ties`` is the kinds of tie (comma-separated) the command counts when
    ``--ties`` is not given.
    """
    # Not eval_str: the "LinkFilter" annotation names a class the command
    # modules do not import (it would slow down every start-up).
    default_ties = ties
    signature = inspect.signature(func)
    own = [p for name, p in signature.parameters.items() if name != "link_filter"]
    at = next((i for i, p in enumerate(own) if p.name in ("data", "json")), len(own))
    added = [
        inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=None,
            annotation=kind if kind is not None else ties_option(ties),
        )
        for name, kind in _FILTER_OPTIONS.items()
    ]
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) if i >= at else p for i, p in enumerate(own)]

    @functools.wraps(func)
    def wrapper(*args, status=None, ties=None, as_of=None, since=None, until=None, undated=None,
                link_type=None, exclude_link_type=None, **kwargs):
        from imrnet.queries.filters import LinkFilter

        kwargs["link_filter"] = LinkFilter.from_options(
            statuses=status, as_of=as_of, link_types=link_type,
            exclude_link_types=exclude_link_type, ties=ties or [default_ties],
            since=since, until=until, undated=undated,
        )
        return func(*args, **kwargs)

    parameters = own[:at] + added + own[at:]
    wrapper.__signature__ = signature.replace(parameters=parameters)
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper
