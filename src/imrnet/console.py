"""The ``imrnet`` console script: a fast path for ``imrnet --help``, then Typer.

``imrnet --help`` is the first thing a newcomer runs and should cost no more
than starting Python. Typer renders it by building every command's
parameters (and importing itself, ~40 ms); the text only changes when the
commands do. So ``scripts/update_docs.py`` stores Typer's own rendering in
``imrnet/help.txt``, this module prints it when the help would look the same
(the terminal is at least 80 columns wide, the width Click caps help at),
and ``tests/test_console.py`` pins that the stored text equals Typer's output.
Anything else goes to :func:`imrnet.cli.main`.
"""

from __future__ import annotations

import os
import sys

__all__ = ["main"]

#: Click wraps help at min(terminal width, 80) - 2 columns.
_HELP_WIDTH = 80


def _columns() -> int:
    """The terminal width as Click's help formatter sees it (shutil's rules)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80


def stored_help() -> str | None:
    """The stored top-level help text, or ``None`` when it is not there."""
    from importlib.resources import files

    try:
        return files("imrnet").joinpath("help.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


def main() -> None:
    """Entry point of the ``imrnet`` console script and ``python -m imrnet``."""
    if sys.argv[1:] in (["--help"], ["-h"]) and _columns() >= _HELP_WIDTH:
        text = stored_help()
        if text:
            try:
                sys.stdout.write(text)
                sys.stdout.flush()
            except BrokenPipeError:
                pass
            return
    from imrnet.cli import main as run

    run()
