"""CSV text shared by the Gephi and Neo4j exports.

Examples
--------
>>> print(csv_text(["Id", "Label"], [{"Id": "a", "Label": 'say "hi", then'}]), end="")
Id,Label
a,"say ""hi"", then"
"""

from __future__ import annotations

import csv
import io

__all__ = ["csv_text", "cell"]


def cell(value) -> str:
    """One CSV cell: ``true``/``false`` for booleans, empty for ``None``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_text(header: list[str], rows) -> str:
    """CSV with ``header`` and one line per row dict (keys as in the header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in header])
    return out.getvalue()
