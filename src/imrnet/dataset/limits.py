"""What one data file may cost: the limits the loader enforces before building it.

The YAML files are kept by hand and passed between analysts, so a file may
be half-saved, exported by another tool or made to do harm. Each limit is
checked while the file is read -- from its size, then event by event -- so a
hostile file is refused within a fraction of a second and a few megabytes,
before anything is built from it. The README's "Limits" section lists them;
every message that enforces one ends with :data:`SEE`.

Examples
--------
>>> MAX_FILE_BYTES // 2**20, MAX_DEPTH, MAX_TEXT, MAX_DIGITS
(16, 20, 10000, 20)
>>> field_limit("name"), field_limit("id"), field_limit("summary")
(500, 100, 10000)
>>> over_limit("name", "x" * 501)
"field 'name' is 501 characters long, over the limit of 500 (see Limits in the README)"
>>> over_limit("name", "Alexander Ionov") is None
True
"""

from __future__ import annotations

__all__ = [
    "SEE",
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "MAX_TEXT",
    "MAX_DIGITS",
    "FIELD_LIMITS",
    "field_limit",
    "over_limit",
    "megabytes",
]

#: How messages point to the documentation of the limits.
SEE = "(see Limits in the README)"

#: A YAML data file is refused above this size: hand-kept files are far
#: smaller (the bundled ones are under 60 kB), and bigger datasets belong in
#: a format read line by line, not parsed whole.
MAX_FILE_BYTES = 16 * 2**20

#: Records nest four levels deep (list, record, citations, citation); deeper
#: structures are junk, and very deep ones crash YAML parsers.
MAX_DEPTH = 20

#: No single text (a summary, a note, a key, any value) may be longer.
MAX_TEXT = 10_000

#: Numbers are amounts and counts: at most this many digits, and finite.
MAX_DIGITS = 20

#: Characters allowed per field, by field name; other fields get ``_SHORT``.
_ID = 100
_SHORT = 500
FIELD_LIMITS: dict[str, int] = {
    # identifiers and codes
    **dict.fromkeys(
        ("id", "source", "target", "type", "status", "currency", "cited_in", "account_of",
         "country", "tags", "sources", "date", "start", "end", "born", "founded"),
        _ID,
    ),
    "url": 2_000,
    # free text
    "summary": MAX_TEXT,
    "note": MAX_TEXT,
}


def field_limit(key: object) -> int:
    """The longest text allowed in field ``key`` (names, titles: 500).

    Examples
    --------
    >>> field_limit("title"), field_limit("url"), field_limit(3)
    (500, 2000, 500)
    """
    return FIELD_LIMITS.get(key, _SHORT) if isinstance(key, str) else _SHORT


def _texts(value: object, key: object):
    """``(what, limit, text)`` for each text a field holds, one level of lists down.

    A citation mapping in ``sources`` is read as its ``id`` and ``locator``.
    """
    if isinstance(value, str):
        yield None, field_limit(key), value
        return
    if not isinstance(value, list):
        return
    for entry in value:
        if isinstance(entry, str):
            yield "an entry", field_limit(key), entry
        elif isinstance(entry, dict) and key == "sources":
            for inner, text in entry.items():
                if isinstance(text, str):
                    inner = "id" if inner == "id" else "locator"
                    yield f"a{'n' if inner == 'id' else ''} {inner}", field_limit(inner), text


def over_limit(key: object, value: object) -> str | None:
    """A message when a field holds a text longer than its limit, else ``None``.

    Examples
    --------
    >>> over_limit("sources", [{"id": "x" * 101, "locator": "p. 3"}])
    "field 'sources' holds an id of 101 characters, over the limit of 100 (see Limits in the README)"
    >>> over_limit("aliases", ["AGMR", "y" * 600])
    "field 'aliases' holds an entry of 600 characters, over the limit of 500 (see Limits in the README)"
    """
    if isinstance(value, str) and len(value) <= _ID:  # the common case, quickly
        return None
    for what, limit, text in _texts(value, key):
        if len(text) <= limit:
            continue
        size = f"{len(text):,} characters"
        said = f"is {size} long" if what is None else f"holds {what} of {size}"
        return f"field {key!r} {said}, over the limit of {limit:,} {SEE}"
    return None


def megabytes(size: int) -> str:
    """A size in megabytes (2**20 bytes) with one decimal.

    Examples
    --------
    >>> megabytes(200 * 2**20), megabytes(17_000_000)
    ('200.0 MB', '16.2 MB')
    """
    return f"{size / 2**20:.1f} MB"
