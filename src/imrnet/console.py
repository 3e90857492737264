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

__all__ = ["main", "stored_help", "tolerant_streams"]

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


#: The codec error handler that lets any terminal encoding print any name.
ERRORS = "imrnet-transliterate"


def _transliterate(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: characters the encoding lacks, in ASCII (``Ионов`` -> ``Ionov``).

    What ASCII cannot spell either becomes ``?``.
    """
    if not isinstance(err, UnicodeEncodeError):
        raise err
    from imrnet.output.inert import spell

    return "".join(spell(char, err.encoding) for char in err.object[err.start:err.end]), err.end


def tolerant_streams() -> None:
    """Let standard output and error print any text, whatever their encoding.

    ``PYTHONIOENCODING=ascii``, a latin-1 locale or a Windows code page
    would otherwise stop the first Cyrillic name with a traceback.
    Characters the encoding lacks are transliterated (:func:`_transliterate`);
    a stream that writes some UTF encoding is left alone.
    """
    import codecs

    from imrnet.output.terminal import is_utf

    try:
        codecs.lookup_error(ERRORS)
    except LookupError:
        codecs.register_error(ERRORS, _transliterate)
    for stream in (sys.stdout, sys.stderr):
        if stream is None or is_utf(stream):
            continue
        try:
            stream.reconfigure(errors=ERRORS)
        except (AttributeError, ValueError, OSError):
            continue


def main() -> None:
    """Entry point of the ``imrnet`` console script and ``python -m imrnet``."""
    try:
        tolerant_streams()
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
    except KeyboardInterrupt:  # Ctrl-C before a command started: quietly, as a shell expects
        sys.exit(130)
    except SystemExit as leaving:
        _leave(leaving)


def _leave(leaving: SystemExit) -> None:
    """End the process with ``leaving``'s code; at once when a build left its records in memory.

    Freeing millions of records one by one takes seconds the answer does
    not need: once the output is flushed, nothing is left to do.
    """
    cache = sys.modules.get("imrnet.index.cache")
    if cache is None or not cache.left_in_memory() or not isinstance(leaving.code, (int, type(None))):
        raise leaving
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach it
            pass
    os._exit(leaving.code or 0)
