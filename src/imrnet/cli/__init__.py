"""The ``imrnet`` command line: a thin layer over the library.

Commands parse their arguments, call library functions that return plain
data and hand it to :func:`imrnet.output.render.emit`. Errors of the
:class:`imrnet.errors.ImrnetError` family become one-line messages on
standard error and exit codes here, and only here:

====  ==========================================================
code  meaning
====  ==========================================================
0     success
1     an empty answer (no path, no match, nothing left by the filters)
2     usage error (bad option, unknown or ambiguous name)
3     invalid dataset (every problem is listed on standard error),
      or a data file or directory that cannot be read
130   interrupted (Ctrl-C), quietly
====  ==========================================================
"""

from __future__ import annotations

import copy
import functools
import inspect
import os
import sys
from typing import Annotated

import typer

from imrnet import __version__

__all__ = ["app", "command", "fail", "say", "main", "FullOption", "INTERRUPTED", "UNREADABLE"]

EPILOG = (
    "Exit codes: 0 success, 1 empty answer (no path, no match, nothing left by the filters; "
    "--json still prints its one document), "
    "2 usage error (bad option, unknown or ambiguous name), 3 invalid or unreadable dataset, "
    "130 interrupted."
)

_app = typer.Typer(
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


@_app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Explore the influence network around the IMR, AGMR, Malofeev, Tsargrad and Dugin."""


def say(line: str, err: bool = True) -> None:
    """Print one line, made inert: data in it cannot drive the terminal."""
    from imrnet.output.inert import inert_line

    stream = sys.stderr if err else sys.stdout
    stream.write(inert_line(line) + "\n")
    stream.flush()


def fail(message: str, code: int) -> typer.Exit:
    """Print ``imrnet: message`` to standard error and return the exit to raise."""
    say(f"imrnet: {message}")
    return typer.Exit(code)


FullOption = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Show tables whole: every row and every character (by default a table shows "
        "500 rows and a cell 2,000 characters, saying what it left out).",
    ),
]


def _with_full(func):
    """Give a command the ``--full`` option; tables read it from :data:`imrnet.output.inert.FULL`."""
    try:
        # Evaluated: Typer reads the options' declarations from the signature.
        signature = inspect.signature(func, eval_str=True)
    except NameError:  # an annotation names what its module does not import
        signature = inspect.signature(func)
    added = inspect.Parameter("full", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=FullOption)
    parameters = [*signature.parameters.values(), added]

    @functools.wraps(func)
    def wrapper(*args, full: bool = False, **kwargs):
        from imrnet.output.inert import FULL

        token = FULL.set(full)
        try:
            return func(*args, **kwargs)
        finally:
            FULL.reset(token)

    wrapper.__signature__ = signature.replace(parameters=parameters)
    wrapper.__annotations__ = {**func.__annotations__, "full": FullOption}
    return wrapper


def command(*args, filters: bool = False, ties: str = "all", **kwargs):
    """Register a command whose ImrnetErrors become messages and exit codes.

    Used like ``@app.command``; a closed output pipe ends the command quietly,
    and so does Ctrl-C (exit 130); a file or directory the system will not
    read is a one-line message (exit 3). Every command gets ``--full``. With
    ``filters=True`` the command also gets the shared link filter options
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
        func = _with_full(func)

        @functools.wraps(func)
        def wrapper(*a, **kw):
            from imrnet.errors import DatasetError, ImrnetError

            try:
                return func(*a, **kw)
            except DatasetError as err:
                for problem in err.problems:
                    say(str(problem))
                raise fail(
                    f"invalid dataset: {len(err.problems)} problem(s); nothing was answered",
                    err.exit_code,
                ) from None
            except ImrnetError as err:
                raise fail(str(err), err.exit_code) from None
            except BrokenPipeError:
                _quiet_broken_pipe()
                raise typer.Exit(0) from None
            except KeyboardInterrupt:
                raise typer.Exit(INTERRUPTED) from None
            except OSError as err:
                raise fail(_os_error(err), UNREADABLE) from None

        kwargs.setdefault("epilog", EPILOG)
        return _app.command(*args, **kwargs)(wrapper)

    return register


#: Exit code after Ctrl-C, as shells report a command ended by SIGINT.
INTERRUPTED = 130
#: Exit code when data cannot be read (as for an invalid dataset).
UNREADABLE = 3


def _os_error(err: OSError) -> str:
    """``PATH: reason`` for an error the system raised.

    Examples
    --------
    >>> _os_error(PermissionError(13, "Permission denied", "/data/links.yaml"))
    '/data/links.yaml: Permission denied'
    >>> _os_error(OSError(5, "Input/output error"))
    'Input/output error'
    """
    reason = err.strerror or str(err)
    return reason if err.filename is None else f"{os.fsdecode(err.filename)}: {reason}"


def _quiet_broken_pipe() -> None:
    # The reader went away (`| head`): point stdout at devnull so the
    # interpreter's final flush does not raise again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


#: The module that registers each command (a test pins it against the registrations).
COMMAND_MODULES = {
    "validate": "validate",
    **dict.fromkeys(("path", "ego", "centrality", "common", "communities", "stats"), "graph"),
    **dict.fromkeys(("show", "search", "list", "links", "timeline", "sources"), "records"),
    "cache": "cache",
    "import": "imports",
    **dict.fromkeys(("export", "draw", "html"), "export"),
}


def _register(modules) -> typer.Typer:
    """Import the command modules ``modules`` (they register their commands on the app)."""
    from importlib import import_module

    for module in modules:
        import_module(f"imrnet.cli.{module}")
    return _app


def __getattr__(name: str):
    # ``app`` is the whole app: every command module imported on first use.
    if name == "app":
        order = list(dict.fromkeys(COMMAND_MODULES.values()))
        _register(order)
        # help lists commands in this order, whichever module a run imported first
        _app.registered_commands.sort(key=lambda c: order.index(COMMAND_MODULES[c.name]))
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _app_for(first: list[str]) -> typer.Typer:
    """The app with only the command named first on the command line, if one is.

    A run imports only the module of its command, and Typer turns only that
    command's signature into Click parameters (about 6 ms each). With no
    command, an option, or an unknown word first, it is the whole app, so
    top-level help and "No such command" read as usual. The whole app is
    never changed.
    """
    module = COMMAND_MODULES.get(first[0]) if first else None
    if module is None:
        return __getattr__("app")
    _register([module])
    chosen = [c for c in _app.registered_commands if c.name == first[0]]
    narrow = copy.copy(_app)
    narrow.registered_commands = chosen
    return narrow


def main() -> None:
    """Entry point of the ``imrnet`` console script."""
    try:
        if os.environ.get("_IMRNET_COMPLETE"):
            from imrnet.cli.completion import complete

            complete(__getattr__("app"))
            return
        _app_for(sys.argv[1:2])(prog_name="imrnet")
    except KeyboardInterrupt:  # outside a command: while parsing or completing
        sys.exit(INTERRUPTED)
