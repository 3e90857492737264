"""The rows of an index file's tables: records, name tables and word text.

:mod:`imrnet.index.store` decides who writes what (one process or two);
this module writes it. The layout itself (tables, columns, version) is
:mod:`imrnet.index.layout`'s.

Examples
--------
>>> import sqlite3
>>> from imrnet.dataset.examples import tiny_dataset
>>> con = sqlite3.connect(":memory:")
>>> _ = con.execute(table_ddl("entities"))
>>> write_table(con, "entities", tiny_dataset().entities.values(), None)
>>> n, record = con.execute("SELECT n, record FROM entities WHERE id = 'agmr'").fetchone()
>>> n, json.loads(record)[:4]
(1, ['agmr', 'Anti-Globalization Movement of Russia', 'organization', ['AGMR', 'АГМР']])
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from imrnet.dataset.model import Dataset, Link, Source
from imrnet.index.layout import EARLIEST_FIRST, KEPT, SEARCH_FIELDS, TABLES, columns, table_columns

__all__ = ["INDEXES", "TICK", "copy_links", "copy_side", "table_ddl", "write_meta", "write_names_and_search",
           "write_table"]


#: Rows between two calls of :func:`write_table`'s ``tick`` (a progress display).
TICK = 1 << 16

#: JSON text of a list, Unicode kept (one encoder: json.dumps with options builds one a call).
_json = json.JSONEncoder(ensure_ascii=False).encode


def write_meta(con: sqlite3.Connection, dataset: Dataset, meta: dict) -> None:
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB)")
    extra = {
        "warnings": [w.as_dict() for w in dataset.warnings],
        "directories": list(dataset.directories),
        "retracted": list(dataset.retracted),
        "counts": {"sources": len(dataset.sources), "entities": len(dataset.entities),
                   "links": len(dataset.links)},
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)",
                    [("meta", json.dumps(meta)), ("dataset", json.dumps(extra))])


def table_ddl(table: str) -> str:
    return f"CREATE TABLE {table} (n INTEGER PRIMARY KEY, {', '.join(table_columns(table)[1:])})"


def write_table(con: sqlite3.Connection, table: str, records, dataset: Dataset | None, first: int = 0,
                tick=None) -> None:
    """The rows of ``records``, numbered from ``first``, into ``table`` (created); ``dataset`` gives
    links their effective time; ``tick``, when given, is called with the rows written so far every
    :data:`TICK` rows.

    A row's ``record`` is the record's fields as one JSON array (citations as
    ``[id, locator]`` pairs), encoded by msgspec, quicker than
    the standard library here; :class:`imrnet.index.indexed.IndexedDataset`
    reads it back with the standard library's decoder.
    """
    from operator import attrgetter

    import msgspec.json

    from imrnet.dataset.when import date_bounds, link_time

    cls = TABLES[table]
    fields = attrgetter(*columns(cls))
    kept = KEPT[table]
    kept_values = attrgetter(*kept) if len(kept) > 1 else (lambda record, get=attrgetter(kept[0]): (get(record),))
    cited = columns(cls).index("sources") if cls is not Source else -1
    encode = msgspec.json.Encoder().encode
    timed = cls is Link
    marks = ", ".join("?" * len(table_columns(table)))

    def rows():
        for n, record in enumerate(records, first):
            if tick is not None and not (n - first + 1) % TICK:
                tick(n - first + 1)
            values = fields(record)
            if cited >= 0:
                values = list(values)
                values[cited] = [(c.id, c.locator) for c in values[cited]]
            row = (n, encode(values).decode(), *kept_values(record))
            if timed:
                t = link_time(record, dataset)
                day = None if t.earliest is None else date_bounds(t.earliest)[0]
                row += (t.timing, t.start, t.end, t.basis, t.earliest, day)
            yield row

    con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows())


#: The name and search tables, created beside the records (``search_words`` is
#: filled from ``search_text`` when a second process computed them).
_NAME_TABLES = (
    "CREATE TABLE name_keys (key TEXT, id TEXT)",
    "CREATE TABLE surnames (surname TEXT, id TEXT, names TEXT)",
    "CREATE TABLE search_fields (n INTEGER PRIMARY KEY, fields TEXT)",
)
_WORDS = "CREATE VIRTUAL TABLE search_words USING fts5(names, content='', columnsize=0)"
_TEXT = "CREATE TABLE search_text (n INTEGER PRIMARY KEY, names TEXT)"
INDEXES = (
    "CREATE UNIQUE INDEX sources_id ON sources (id)",
    "CREATE UNIQUE INDEX entities_id ON entities (id)",
    # what a date filter leaves out, counted without reading every link
    f"CREATE INDEX links_undated ON links ({EARLIEST_FIRST}, type, status) "
    "WHERE t_start IS NULL AND t_end IS NULL",
    "CREATE INDEX name_keys_key ON name_keys (key)",
    "CREATE INDEX surnames_surname ON surnames (surname)",
)


def write_names_and_search(con: sqlite3.Connection, entities: dict, words: str = "search_words") -> None:
    """The name tables, the normalized fields and the word text of every entity, one at a time.

    ``words`` is the table the word text goes to: the FTS5 index itself, or
    a plain table another connection copies it from. Nothing is kept for the
    whole dataset but the flat search names, as bytes.
    """
    from array import array

    from imrnet.queries.names import entity_keys
    from imrnet.queries.search import search_fields

    for ddl in _NAME_TABLES:
        con.execute(ddl)
    con.execute(_WORDS if words == "search_words" else _TEXT)
    codes = {field: i for i, field in enumerate(SEARCH_FIELDS)}
    flat_names, owners, flat_fields = bytearray(), array("I"), bytearray()
    keys_rows, surname_rows, field_rows, word_rows = [], [], [], []

    def flush() -> None:
        con.executemany("INSERT INTO name_keys VALUES (?, ?)", keys_rows)
        con.executemany("INSERT INTO surnames VALUES (?, ?, ?)", surname_rows)
        con.executemany("INSERT INTO search_fields VALUES (?, ?)", field_rows)
        con.executemany(f"INSERT INTO {words} (rowid, names) VALUES (?, ?)", word_rows)
        for rows in (keys_rows, surname_rows, field_rows, word_rows):
            rows.clear()

    for n, entity in enumerate(entities.values()):
        keys, surnames = entity_keys(entity)
        keys_rows.extend((key, entity.id) for key in keys)
        surname_rows.extend((s, entity.id, json.dumps(names)) for s, names in surnames.items())
        fields = search_fields(entity)
        field_rows.append((n, _json(fields)))
        names = [(field, value) for field, value in fields if field != "summary"]
        word_rows.append((n, " | ".join(value for _, value in names)))
        for field, value in names:
            if owners:
                flat_names += b"\n"
            flat_names += value.encode()
            owners.append(n)
            flat_fields.append(codes[field])
        if len(field_rows) >= 10_000:
            flush()
    flush()
    # the same names flat, for a scan of them all (imrnet.queries.search_scan)
    con.executemany("INSERT INTO blobs VALUES (?, ?)", [
        ("search_names", bytes(flat_names)),
        ("search_owners", owners.tobytes()),
        ("search_fields", bytes(flat_fields)),
    ])


def copy_links(con: sqlite3.Connection, side: Path, first: int) -> None:
    """Append the link rows another process wrote into ``side``, numbered from 0 there, from ``first`` here."""
    rest = [name for (_, name, *_) in con.execute("PRAGMA table_info(links)")][1:]
    con.execute("ATTACH DATABASE ? AS side", (str(side),))
    with con:
        con.execute(f"INSERT INTO main.links SELECT n + ?, {', '.join(rest)} FROM side.links ORDER BY n", (first,))
    con.execute("DETACH DATABASE side")


def copy_side(con: sqlite3.Connection, side: Path) -> None:
    """Copy the tables :func:`_fork_entities` wrote into ``side`` (the word index is built here)."""
    con.execute("ATTACH DATABASE ? AS side", (str(side),))
    with con:
        for ddl in _NAME_TABLES:
            con.execute(ddl)
        con.execute(_WORDS)
        for table in ("sources", "entities", "name_keys", "surnames", "search_fields", "blobs"):
            con.execute(f"INSERT INTO main.{table} SELECT * FROM side.{table}")
        con.execute("INSERT INTO search_words (rowid, names) SELECT n, names FROM side.search_text")
    con.execute("DETACH DATABASE side")
