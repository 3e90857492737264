"""Comma- and tab-separated output: a header row, then one row per record.

The listing commands print ``--csv`` and ``--tsv`` through
:func:`imrnet.output.render.emit`, which hands the result and a row builder
(:mod:`imrnet.output.rows`) to :func:`write`. Lists inside a cell are joined
with ``"; "``; a missing value is an empty cell; numbers are written as
Python prints them (no thousands separators), so spreadsheets, ``grep``
and Gephi's spreadsheet importer read the output directly. A tab, carriage
return or newline inside a TSV cell becomes a space (TSV has no quoting).

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> write(([["id", "tags"], ["agmr", ["a", "b"]], ["x", None]]), ",", out)
>>> out.getvalue()
'id,tags\\r\\nagmr,a; b\\r\\nx,\\r\\n'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["cell", "write"]

_TSV_BREAKS = re.compile(r"[\t\r\n]+")


def cell(value: Any, delimiter: str = ",") -> str:
    """One value as cell text.

    Examples
    --------
    >>> cell(["RU", "UA"]), cell(None), cell(True), cell(1000000), cell("a\\tb", "\\t")
    ('RU; UA', '', 'true', '1000000', 'a b')
    """
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = "; ".join(cell(v, delimiter) for v in value)
    else:
        text = str(value)
    if delimiter == "\t":
        text = _TSV_BREAKS.sub(" ", text)
    return text


def write(table: Iterable[list], delimiter: str, out: TextIO) -> None:
    """Write the header row and the rows of ``table`` separated by ``delimiter``."""
    if delimiter == "\t":
        writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                            quotechar=None, lineterminator="\n")
    else:
        writer = csv.writer(out, delimiter=delimiter)
    for row in table:
        writer.writerow([cell(value, delimiter) for value in row])
