"""The ``imrnet`` command line: a thin layer over the library.

Commands parse their arguments, call library functions that return plain
data and hand it to :func:`imrnet.output.render.emit`. Errors of the
:class:`imrnet.errors.ImrnetError` family become one-line messages on
standard error and exit codes here, and only here:

====  ==========================================================
code  meaning
====  ==========================================================
0     success
1     a query with no answer (no path, no match)
2     usage error (bad option, unknown or ambiguous name)
3     invalid dataset (every problem is listed on standard error)
====  ==========================================================
"""

from __future__ import annotations

import functools
import os
import sys

import typer

from imrnet import __version__

__all__ = ["app", "command", "main"]

EPILOG = (
    "Exit codes: 0 success, 1 no answer (no path, no match), "
    "2 usage error (bad option, unknown or ambiguous name), 3 invalid dataset."
)

app = typer.Typer(
    name="imrnet",
    help="Explore the influence network around the International Movement of Russophiles, "
    "Alexander Ionov's AGMR, Malofeev, Tsargrad and Dugin.\n\n"
    "Examples:\n\n"
    "  imrnet path Malofeev Dugin\n\n"
    "  imrnet ego Ionov --radius 2\n\n"
    "  imrnet centrality --measure betweenness --top 10 --json | jq '.results[0]'\n\n"
    "  imrnet validate --data bundled --data ~/notes",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"imrnet {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Explore the influence network around the IMR, AGMR, Malofeev, Tsargrad and Dugin."""


def fail(message: str, code: int) -> typer.Exit:
    """Print ``imrnet: message`` to standard error and return the exit to raise."""
    typer.echo(f"imrnet: {message}", err=True)
    return typer.Exit(code)


def command(*args, filters: bool = False, ties: str = "all", **kwargs):
    """Register a command whose ImrnetErrors become messages and exit codes.

    Used like ``@app.command``; a closed output pipe ends the command quietly.
    With ``filters=True`` the command also gets the shared link filter options
    (``--status``, ``--ties``, ``--as-of``, ``--since``, ``--until``,
    ``--undated``, ``--link-type``, ``--exclude-link-type``), declared once in
    :mod:`imrnet.cli.options`, and receives them checked as one
    ``link_filter`` argument; ``ties`` is the kinds of tie it counts when
    ``--ties`` is not given.
    """

    def register(func):
        if filters:
            from imrnet.cli.options import with_link_filter

            func = with_link_filter(func, ties=ties)

        @functools.wraps(func)
        def wrapper(*a, **kw):
            from imrnet.errors import DatasetError, ImrnetError

            try:
                return func(*a, **kw)
            except DatasetError as err:
                for problem in err.problems:
                    typer.echo(str(problem), err=True)
                raise fail(
                    f"invalid dataset: {len(err.problems)} problem(s); nothing was answered",
                    err.exit_code,
                ) from None
            except ImrnetError as err:
                raise fail(str(err), err.exit_code) from None
            except BrokenPipeError:
                _quiet_broken_pipe()
                raise typer.Exit(0) from None

        kwargs.setdefault("epilog", EPILOG)
        return app.command(*args, **kwargs)(wrapper)

    return register


def _quiet_broken_pipe() -> None:
    # The reader went away (`| head`): point stdout at devnull so the
    # interpreter's final flush does not raise again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``imrnet`` console script."""
    app(prog_name="imrnet")


# Command modules register themselves on `app`; imported last, after `command` exists.
from imrnet.cli import validate, graph, records, cache, imports  # noqa: E402,F401
