"""What the terminal can take: its width and its encoding.

:mod:`imrnet.output.render` asks here how wide to lay tables out (``COLUMNS``
kept within readable bounds) and whether the output writes a Unicode
encoding (else tables are spelled in ASCII where needed and JSON escapes
non-ASCII characters).

Examples
--------
>>> import io
>>> is_utf(io.StringIO()), fit_width("0")
(True, 80)
"""

from __future__ import annotations

import codecs
import os
from typing import TextIO

__all__ = ["MIN_WIDTH", "MAX_WIDTH", "fit_width", "width_for", "is_utf"]

#: Narrower or wider layouts are unreadable: ``COLUMNS`` is kept within these.
MIN_WIDTH, MAX_WIDTH = 40, 1000


def width_for(out: TextIO, is_tty: bool) -> int | None:
    """The width to lay tables out for (see :func:`fit_width`)."""
    terminal = 0
    if is_tty:
        try:
            terminal = os.get_terminal_size(out.fileno()).columns
        except (AttributeError, ValueError, OSError):
            terminal = 0
    return fit_width(os.environ.get("COLUMNS"), terminal)


def fit_width(columns: str | None, terminal: int = 0) -> int | None:
    """The width to lay tables out for; ``None`` leaves it to Rich (80 when piped).

    ``COLUMNS`` wins when it is a whole number, kept between
    :data:`MIN_WIDTH` and :data:`MAX_WIDTH`; ``COLUMNS=0`` (which Rich would
    take literally, printing nothing) counts as unset, and so does a
    terminal that reports no width.

    Examples
    --------
    >>> fit_width("0"), fit_width("0", terminal=120), fit_width("5"), fit_width("100000")
    (80, 120, 40, 1000)
    >>> fit_width(None), fit_width("wide"), fit_width(None, terminal=60)
    (None, None, 60)
    """
    raw = (columns or "").strip()
    wanted = int(raw) if raw.isdigit() and len(raw) < 10 else 0
    wanted = wanted or terminal
    if not wanted:
        return 80 if raw.isdigit() else None
    return max(MIN_WIDTH, min(wanted, MAX_WIDTH))


def is_utf(out: TextIO) -> bool:
    """Whether ``out`` writes a Unicode encoding (else JSON escapes non-ASCII)."""
    try:
        return codecs.lookup(getattr(out, "encoding", None) or "utf-8").name.startswith("utf")
    except LookupError:
        return False
