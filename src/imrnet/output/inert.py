"""Text from data never drives the terminal, and tables stay a readable size.

A name, an id or a summary may hold control characters: an escape sequence
(``\\x1b]0;TITLE\\x07`` retitles the window, ``\\x1b[2J`` clears the screen),
a carriage return that overwrites the line, a right-to-left override that
reorders it. :func:`inert` shows each of them visibly, as Python writes it
(``\\x1b``, ``\\u202e``); :func:`inert_line` does the same to newlines and
tabs, for one-line messages. JSON output is left alone: it keeps the exact
value, escaped as JSON escapes it.

:func:`tame` applies :func:`inert` to what a table builder returns (tables,
their titles, captions, headers and cells, and text lines), just before it
is printed, so builders need not think of it. It also keeps tables a
readable size: at most :data:`MAX_ROWS` rows, with a line saying how many
more there are, and cells cut at :data:`MAX_CELL` characters with a marker;
``--full`` (or ``--json``) shows everything.

Examples
--------
>>> inert("Ionov\\x1b]0;PWNED\\x07\\x1b[2J")
'Ionov\\\\x1b]0;PWNED\\\\x07\\\\x1b[2J'
>>> inert("two\\nlines"), inert_line("two\\nlines")
('two\\nlines', 'two\\\\nlines')
>>> inert("Иона \\u202egnp.exe")
'Иона \\\\u202egnp.exe'
"""

from __future__ import annotations

import functools
import re
from contextvars import ContextVar
from typing import Any

__all__ = ["MAX_ROWS", "MAX_CELL", "FULL", "ENCODING", "inert", "inert_line", "spell", "distinct",
           "tame"]

#: Rows a table shows unless ``--full`` is given.
MAX_ROWS = 500
#: Characters a table cell shows unless ``--full`` is given.
MAX_CELL = 2_000
#: Set by ``--full``: tables show every row and every character.
FULL: ContextVar[bool] = ContextVar("imrnet_full", default=False)
#: The output's encoding while tables are built, when it is not a UTF one
#: (:func:`imrnet.output.render.emit` sets it): what :func:`distinct` compares in.
ENCODING: ContextVar[str | None] = ContextVar("imrnet_encoding", default=None)

# C0 and C1 controls and DEL (not tab and newline), zero-width and
# direction-changing marks, line and paragraph separators, the BOM.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
_CELL = re.compile(f"[{_UNSAFE}]")
_LINE = re.compile(f"[{_UNSAFE}\t\n]")


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with every control character shown as an escape (tabs and newlines kept)."""
    return _CELL.sub(_visible, text) if _CELL.search(text) else text


def inert_line(text: str) -> str:
    """``text`` made inert and kept on one line (newlines and tabs shown as ``\\n``, ``\\t``).

    Examples
    --------
    >>> inert_line("imrnet: no entity matches 'a\\rb'")
    "imrnet: no entity matches 'a\\\\rb'"
    """
    return _LINE.sub(_visible, text) if _LINE.search(text) else text


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _cut_marker(total: int) -> str:
    return f" … [cut: {_plural(total, 'character')} in all; --full shows them]"


_ARROWS = {"→": "->", "←": "<-", "↔": "<->"}


@functools.lru_cache(maxsize=4096)
def spell(char: str, encoding: str) -> str:
    r"""``char`` as ``encoding`` can write it: itself, else in ASCII letters, else ``?``.

    Examples
    --------
    >>> spell("é", "latin-1"), spell("Щ", "latin-1"), spell("→", "ascii"), spell("\U0001F600", "ascii")
    ('é', 'Shch', '->', ':grinning:')
    """
    try:
        char.encode(encoding)
        return char
    except UnicodeEncodeError:
        pass
    from anyascii import anyascii

    spelled = _ARROWS.get(char) or anyascii(char)
    try:
        spelled.encode(encoding)
    except UnicodeEncodeError:
        spelled = ""
    return spelled or "?" * len(char)


def distinct(texts, besides=(), encoding: str | None = None) -> list[str]:
    """``texts`` without those that would show the same as an earlier one or one of ``besides``.

    Compared as a table shows them (:func:`tame`): made inert and, for an
    output that cannot write every character (``encoding``, by default
    :data:`ENCODING`), spelled in ASCII letters, so ``Александр Ионов``
    repeats ``Aleksandr Ionov`` on an ASCII terminal (and not on a UTF-8
    one). The first of each keeps its place; the texts are returned as
    given, for :func:`tame` to spell.

    Examples
    --------
    >>> aliases = ["Aleksandr Ionov", "Александр Ионов", "Ionov", "Ионов"]
    >>> distinct(aliases, besides=["Alexander Ionov"], encoding="ascii")
    ['Aleksandr Ionov', 'Ionov']
    >>> distinct(aliases) == aliases
    True
    >>> distinct(["Vladimir Putin", "Владимир Путин"], besides=["Vladimir Putin"], encoding="ascii")
    []
    """
    shaper = _Shaper(None, None, encoding if encoding is not None else ENCODING.get())
    seen = {shaper.string(text, _CELL) for text in besides}
    kept = []
    for text in texts:
        shown = shaper.string(text, _CELL)
        if shown not in seen:
            seen.add(shown)
            kept.append(text)
    return kept


class _Shaper:
    """What :func:`tame` does to each text: limits, escapes, an encoding to fit."""

    def __init__(self, max_rows: int | None, max_chars: int | None, encoding: str | None):
        self.max_rows, self.max_chars = max_rows, max_chars
        self.encoding = encoding

    def swaps(self, plain: str, unsafe: re.Pattern) -> list[tuple[int, int, str]]:
        """``(start, end, shown)`` for each character to show differently."""
        found = [(m.start(), m.end(), _visible(m)) for m in unsafe.finditer(plain)]
        if self.encoding and not plain.isascii():
            escaped = {start for start, _, _ in found}
            found += [(i, i + 1, spell(char, self.encoding)) for i, char in enumerate(plain)
                      if char > "\x7f" and i not in escaped and spell(char, self.encoding) != char]
            found.sort()
        return found

    def text(self, text, unsafe: re.Pattern):
        """A Rich Text cut, made inert and fit to the encoding, styles kept."""
        from rich.text import Text

        total = len(text.plain)
        if self.max_chars is not None and total > self.max_chars:
            text = text.copy()
            text.right_crop(total - self.max_chars)
            text.append(_cut_marker(total), style="dim")
        swaps = self.swaps(text.plain, unsafe)
        if not swaps:
            return text
        out = text.blank_copy()
        cuts = sorted({i for start, end, _ in swaps for i in (start, end)})
        shown = {start: new for start, _, new in swaps}
        position = 0
        for piece in text.divide(cuts):
            if position in shown and len(piece) == 1:
                swapped = Text(shown[position], style=piece.style)
                for span in piece.spans:
                    swapped.stylize(span.style, 0, len(swapped))
                position += 1
                piece = swapped
            else:
                position += len(piece)
            out.append_text(piece)
        return out

    def string(self, text: str, unsafe: re.Pattern) -> str:
        total = len(text)
        if self.max_chars is not None and total > self.max_chars:
            text = text[: self.max_chars] + _cut_marker(total)
        swaps = self.swaps(text, unsafe)
        if not swaps:
            return text
        parts, position = [], 0
        for start, end, new in swaps:
            parts += [text[position:start], new]
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def table(self, table):
        table.title = self.any(table.title)
        table.caption = self.any(table.caption)
        hidden = getattr(table, "hidden", 0)  # rows a bounded table did not keep
        cut = self.max_rows is not None and len(table.rows) > self.max_rows
        if cut:
            hidden += len(table.rows) - self.max_rows
            del table.rows[self.max_rows:]
        for column in table.columns:
            column.header = self.any(column.header)
            column.footer = self.any(column.footer)
            if cut:
                del column._cells[self.max_rows:]
            column._cells = [self.any(cell, line=False) for cell in column._cells]
        if hidden:
            note = f"… and {_plural(hidden, 'more row')}; --full shows every row"
            table.caption = f"{table.caption}\n{note}" if table.caption else note
            table.caption_justify = "left"
        return table

    def any(self, renderable: Any, line: bool = True) -> Any:
        from rich.table import Table
        from rich.text import Text

        unsafe = _LINE if line else _CELL
        if isinstance(renderable, str):
            return self.string(renderable, unsafe)
        if isinstance(renderable, Text):
            return self.text(renderable, unsafe)
        if isinstance(renderable, Table):
            return self.table(renderable)
        return renderable


def tame(
    renderable: Any,
    max_rows: int | None = MAX_ROWS,
    max_chars: int | None = MAX_CELL,
    encoding: str | None = None,
) -> Any:
    r"""Make a renderable inert, bounded and printable before it is printed.

    Text that is a line of its own (a title, a header, a line between
    tables) also shows newlines and tabs as escapes, so data cannot forge a
    line of output; table cells keep them.

    Parameters
    ----------
    renderable : str, rich Text, rich Table or other
        What a table builder returned; other renderables pass unchanged.
    max_rows, max_chars : int or None
        Rows a table shows and characters a cell shows; ``None`` for all.
    encoding : str, optional
        The output's encoding when it is not a UTF one: characters it lacks
        are spelled in ASCII (:func:`spell`) before the table is laid out,
        so columns stay aligned.

    Examples
    --------
    >>> from rich.table import Table
    >>> table = Table("Name")
    >>> for n in range(5):
    ...     table.add_row(f"name\x1b[{n}m")
    >>> table = tame(table, max_rows=2)
    >>> table.columns[0]._cells, table.caption
    (['name\\x1b[0m', 'name\\x1b[1m'], '… and 3 more rows; --full shows every row')
    >>> tame("x" * 10, max_chars=4)
    'xxxx … [cut: 10 characters in all; --full shows them]'
    >>> tame("Ионов\x07", encoding="ascii")
    'Ionov\\x07'
    """
    return _Shaper(max_rows, max_chars, encoding).any(renderable)
