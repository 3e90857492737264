"""The layout of an index file: its version, tables and columns (read by writer and reader).

Kept apart from :mod:`imrnet.index.store` so that reading an index imports
no more than these names.

Examples
--------
>>> columns(TABLES["sources"])[:3]
['id', 'title', 'publisher']
>>> table_columns("entities")
['n', 'record', 'id', 'name']
"""

from __future__ import annotations

from dataclasses import fields

from imrnet.dataset.model import Entity, Link, Source

__all__ = ["EARLIEST_FIRST", "FORMAT", "KEPT", "SEARCH_FIELDS", "TABLES", "TIME_COLUMNS", "columns",
           "table_columns", "tuple_columns"]

#: Bumped whenever the layout changes; part of every index's key.
FORMAT = 5

#: The record tables and the model class of their rows.
TABLES = {"sources": Source, "entities": Entity, "links": Link}

#: The fields a record table keeps in columns of their own, beside the whole record (one
#: JSON array, :func:`columns` in order): those SQL looks up, counts or lists.
KEPT = {"sources": ("id",), "entities": ("id", "name"), "links": ("type", "status", "account_of")}

#: The columns after a link's fields: its effective time (:class:`~imrnet.dataset.when.LinkTime`).
TIME_COLUMNS = ("t_timing", "t_start", "t_end", "t_basis", "t_earliest")

#: The last column of a link: the first day ``t_earliest`` can stand for (ISO
#: text, comparable), for counting undated links in SQL.
EARLIEST_FIRST = "t_earliest_first"

#: The name fields of the flat search table, by code.
SEARCH_FIELDS = ("name", "alias", "id")


def columns(cls) -> list[str]:
    """The fields of ``cls``'s records, in the order a row's ``record`` holds them: its dataclass fields."""
    return [f.name for f in fields(cls)]


def table_columns(table: str) -> list[str]:
    """The columns of a record table: its number, the record, the :data:`KEPT` fields, a link's time.

    One JSON array costs a writer one value to bind rather than one a field,
    which is most of the time a row takes.
    """
    timed = (*TIME_COLUMNS, EARLIEST_FIRST) if table == "links" else ()
    return ["n", "record", *KEPT[table], *timed]


def tuple_columns(cls) -> list[int]:
    """Positions, among :func:`columns`, of the tuple fields (JSON lists in a record).

    Examples
    --------
    >>> [columns(TABLES["entities"])[i] for i in tuple_columns(TABLES["entities"])]
    ['aliases', 'countries', 'tags', 'sources']
    """
    return [i for i, f in enumerate(fields(cls)) if str(f.type).startswith("tuple")]
