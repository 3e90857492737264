"""Table layout that keeps words whole: ids, dates and numbers never break.

Rich narrows an over-wide table by shrinking its widest columns, even below
the longest word of a column, which then folds mid-word
(``albuquerque-journal-2017-0`` / ``2-20``). :class:`Table` shrinks
the widest column that is still wider than its longest word, one cell at a
time, so a word breaks only when the longest words of all columns do not
fit side by side. Addresses (``https://...``) may still fold: they are
often longer than a column can be.

Examples
--------
>>> import io
>>> from rich.console import Console
>>> table = Table("Sources", "Link")
>>> table.add_row("albuquerque-journal-2017-02-20 (ref. 3)", "Russian government funds " * 4)
>>> out = io.StringIO()
>>> Console(file=out, width=50, color_system=None).print(table)
>>> "albuquerque-journal-2017-02-20" in out.getvalue()
True
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.table import Table as RichTable

__all__ = ["Table", "longest_word"]


#: An id, slug, date or number: lower-case letters, digits and ``-~._:``.
_TOKEN = re.compile(r"^[(\[]?[a-z0-9][a-z0-9~._:-]*[)\],;]?$")


def longest_word(renderable, tokens_only: bool = False) -> int:
    """Cell width of the longest whitespace-free run of a text cell (0 for others).

    With ``tokens_only``, only ids, slugs, dates and numbers count.

    Examples
    --------
    >>> longest_word("imr-article (para. 7)"), longest_word("see https://example.org/a/very/long/path")
    (11, 3)
    >>> longest_word("Anti-Globalization wiki-ionov (ref. 4)", tokens_only=True)
    10
    """
    plain = renderable if isinstance(renderable, str) else getattr(renderable, "plain", None)
    if not isinstance(plain, str):
        return 0
    words = [w for w in plain.split() if "://" not in w]
    if tokens_only:
        words = [w for w in words if _TOKEN.match(w)]
    return max((cell_len(word) for word in words), default=0)


class Table(RichTable):
    """A Rich table whose columns narrow no further than their longest word.

    When the longest words of all columns cannot fit side by side, prose
    words give way first: columns then narrow down to their longest id,
    slug, date or number; past that, wrapping columns fold, and one-line
    columns (dates, statuses) stay whole.
    """

    def _collapse_widths(self, widths, wrapable, max_width):  # type: ignore[override]
        widths = list(widths)
        padding = [self._get_padding_width(i) for i in range(len(self.columns))]
        for tokens_only in (False, True):
            floors = [
                max((longest_word(cell, tokens_only) for cell in column._cells), default=0)
                + padding[index]
                for index, column in enumerate(self.columns)
            ]
            widths = _shrink(widths, wrapable, floors, max_width)
        # Still too wide: the wrapping columns give way, never a one-line
        # column (a date, a status), which Rich would otherwise cut.
        return _shrink(widths, wrapable, [p + 1 for p in padding], max_width)


def _shrink(widths: list[int], wrapable, floors: list[int], max_width: int) -> list[int]:
    """Narrow the widest wrapable column above its floor until the total fits."""
    excess = sum(widths) - max_width
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if wrapable[i] and w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i], -i))
        others = [widths[i] for i in shrinkable if i != widest]
        step = max(1, min(excess, widths[widest] - max(floors[widest], max(others, default=0))))
        widths[widest] -= step
        excess -= step
    return widths
