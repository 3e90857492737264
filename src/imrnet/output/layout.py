"""Table layout that keeps words whole: ids, dates and numbers never break.

Rich narrows an over-wide table by shrinking its widest columns, even below
the longest word of a column, which then folds mid-word
(``albuquerque-journal-2017-0`` / ``2-20``). :class:`WordTable` shrinks
the widest column that is still wider than its longest word, one cell at a
time, so a word breaks only when the longest words of all columns do not
fit side by side. Addresses (``https://...``) may still fold: they are
often longer than a column can be.

Examples
--------
>>> import io
>>> from rich.console import Console
>>> table = WordTable("Sources", "Link")
>>> table.add_row("albuquerque-journal-2017-02-20 (ref. 3)", "Russian government funds " * 4)
>>> out = io.StringIO()
>>> Console(file=out, width=50, color_system=None).print(table)
>>> "albuquerque-journal-2017-02-20" in out.getvalue()
True
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table

__all__ = ["WordTable", "longest_word"]


def longest_word(renderable) -> int:
    """Cell width of the longest whitespace-free run of a text cell (0 for others).

    Examples
    --------
    >>> longest_word("imr-article (para. 7)"), longest_word("see https://example.org/a/very/long/path")
    (11, 3)
    """
    plain = renderable if isinstance(renderable, str) else getattr(renderable, "plain", None)
    if not isinstance(plain, str):
        return 0
    return max((cell_len(word) for word in plain.split() if "://" not in word), default=0)


class WordTable(Table):
    """A Rich table whose columns narrow no further than their longest word."""

    def _collapse_widths(self, widths, wrapable, max_width):  # type: ignore[override]
        floors = [
            max((longest_word(cell) for cell in column._cells), default=0)
            + self._get_padding_width(index)
            for index, column in enumerate(self.columns)
        ]
        widths = list(widths)
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
