"""The ``cache`` command: show or clear the compiled indexes of large datasets."""

from __future__ import annotations

from typing import Annotated

import typer

from imrnet.cli import command
from imrnet.cli.options import JsonOption


@command("cache")
def cache(
    action: Annotated[str, typer.Argument(help="info (the default) or clear.", metavar="[info|clear]")] = "info",
    json: JsonOption = False,
) -> None:
    """Show or clear the compiled indexes of the datasets read.

    A dataset is parsed and checked once; later commands answer from its
    index in the cache directory ($IMRNET_CACHE_DIR, else
    $XDG_CACHE_HOME/imrnet, else ~/.cache/imrnet), reading only the rows
    an answer needs. An index is rebuilt by itself whenever a data file
    changes. Deleting the indexes is always safe.

    Examples:

      imrnet cache

      imrnet cache clear
    """
    from imrnet.errors import UsageError
    from imrnet.index.cache import cache_dir, clear, info
    from imrnet.output.render import emit
    from imrnet.output.tables_cache import cache_tables

    if action == "info":
        emit(info(), as_json=json, table=cache_tables)
    elif action == "clear":
        emit({"directory": str(cache_dir()), "deleted": clear()}, as_json=json, table=cache_tables)
    else:
        raise UsageError(f"unknown cache action {action!r}; expected info or clear")
