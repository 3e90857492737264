"""A checked dataset written to one SQLite file, laid out for answering from it.

The file holds data only (no pickles), in four parts:

* **records**: one table a record kind (``sources``, ``entities``,
  ``links``), one column a field, numbered in file order (``n``, the row
  id) and looked up by id through a unique index; tuple fields (aliases,
  countries, tags, citations) are JSON text. Each link also carries its
  effective time (:func:`imrnet.dataset.when.link_time`), computed once here;
* **topology** (:mod:`imrnet.index.csr`): compact arrays of every
  entity's links, with a code for each link's type and status and each
  entity's type, so a traversal reads only the entities it reaches;
* **names**: the tables of :class:`imrnet.queries.names.NameIndex`, keyed
  for indexed lookups, so resolving a name normalizes only the text typed;
* **search**: every entity's normalized names in an FTS5 table, for the
  word-prefix lookups of :mod:`imrnet.queries.search`.

:class:`imrnet.index.indexed.IndexedDataset` reads it back lazily.

Examples
--------
>>> import tempfile, pathlib
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.index.indexed import IndexedDataset
>>> path = pathlib.Path(tempfile.mkdtemp()) / "index.sqlite"
>>> write_index(path, tiny_dataset(), {"stamps": []})
>>> back = IndexedDataset(path)
>>> back.links == tiny_dataset().links, dict(back.entities) == tiny_dataset().entities
(True, True)
>>> back.meta
{'stamps': []}
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from imrnet.dataset.model import Citation, Dataset, Link
from imrnet.index.layout import (
    EARLIEST_FIRST, FORMAT, SEARCH_FIELDS, TABLES, TIME_COLUMNS, columns, tuple_columns,
)

__all__ = ["FORMAT", "write_index"]


#: Entities from which a second process writes part of the index, and up to which: a
#: child copies the pages of the records it reads (reference counts). The one writing
#: link rows, forked once every record is in memory, would take a million-entity build
#: over 4 GiB; the one writing the entities, forked before any link is read, reads less.
PARALLEL_MIN, PARALLEL_MAX, EARLY_MAX = 20_000, 300_000, 1_000_000

#: The share of the link rows the parent writes when a child writes the rest:
#: half; the parent also builds the topology, while a child has its own start-up and pages to copy.
_PARENT_LINKS = 0.5


#: JSON text of a list, Unicode kept (one encoder: json.dumps with options builds one a call).
_json = json.JSONEncoder(ensure_ascii=False).encode


def _encode(value: tuple) -> str:
    """A tuple field as JSON text: a list of strings, or of ``[id, locator]`` citations."""
    if not value:
        return "[]"
    if isinstance(value[0], Citation):
        return _json([[c.id, c.locator] for c in value])
    return _json(list(value))


def write_index(path: Path, dataset: Dataset, meta: dict, progress=None) -> None:
    """Write ``dataset`` and ``meta`` to ``path`` atomically, readable by the owner only.

    The file is built beside its final place and renamed over it, so a reader
    never sees half an index. ``progress``, when given, is called with a
    short description of each part as it starts. (:class:`IndexWriter` does
    the same in two steps, the first while the links are still being read.)
    """
    with IndexWriter(path) as writer:
        writer.start(dataset.sources, dataset.entities)
        writer.finish(dataset, meta, progress)


class IndexWriter:
    """An index written in two steps: sources and entities as soon as they are checked, then the rest.

    :meth:`start` hands the checked sources and entities to a forked child
    (:func:`_fork_entities`), which writes their records, name tables and
    word index into a side file while the loader reads the links;
    :meth:`finish` writes the links and the topology, then copies the
    child's tables in. Without a child (small data, one core, threads) or
    when the dataset finished with other sources or entities than it
    started with (a retraction), :meth:`finish` writes everything itself.
    Used as a context manager, it leaves nothing behind but a finished
    index.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "index.sqlite"
    >>> with IndexWriter(path) as writer:
    ...     writer.start({}, {})
    ...     writer.finish(tiny_dataset(), {"stamps": []})
    >>> sorted(p.name for p in path.parent.iterdir())
    ['index.sqlite']
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._side = self._tmp.with_name(self._tmp.name + ".names")
        self._side_links = self._tmp.with_name(self._tmp.name + ".links")
        self._child: int | None = None
        self._links_child: int | None = None
        self._started: tuple = ()

    def __enter__(self) -> "IndexWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self, sources: dict, entities: dict) -> None:
        """Begin on the checked ``sources`` and ``entities`` in a child process, where that is worth it."""
        self._started = (sources, entities, len(sources), len(entities))
        try:
            self._side.unlink(missing_ok=True)
        except OSError:
            return  # finish reports what is wrong with the directory
        self._child = _fork_entities(self._side, sources, entities)

    def finish(self, dataset: Dataset, meta: dict, progress=None) -> None:
        """Write the rest of ``dataset`` and ``meta``, and put the index in place."""
        step = progress or (lambda what: None)
        sources, entities, n_sources, n_entities = self._started or (None, None, -1, -1)
        if self._child is not None and not (dataset.sources is sources and dataset.entities is entities
                                            and len(sources) == n_sources and len(entities) == n_entities):
            self._stop_child()  # it started on records the dataset no longer holds
        self._tmp.unlink(missing_ok=True)
        os.close(os.open(self._tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        con = sqlite3.connect(self._tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            with con:
                _write_meta(con, dataset, meta)
                step("records")
                for table in ("sources", "entities"):
                    con.execute(_table_ddl(table))
                    if self._child is None:
                        _write_table(con, table, getattr(dataset, table).values(), dataset)
                con.execute(_table_ddl("links"))
                # a child writes the later links meanwhile (the parent has the topology to build)
                split = int(len(dataset.links) * _PARENT_LINKS)
                self._links_child = _fork_links(self._side_links, dataset, split)
                mine = dataset.links if self._links_child is None else dataset.links[:split]
                _write_table(con, "links", mine, dataset)
                step("topology")
                from imrnet.index import csr

                for name, data in csr.build(dataset).items():
                    con.execute("INSERT INTO blobs VALUES (?, ?)", (name, data))
            step("names")
            links_child, self._links_child = self._links_child, None
            if links_child is not None:
                if os.waitpid(links_child, 0)[1] != 0:
                    raise sqlite3.OperationalError("the second process writing links failed")
                _copy_links(con, self._side_links)
            child, self._child = self._child, None
            if child is not None and os.waitpid(child, 0)[1] == 0:
                _copy_side(con, self._side)
            else:  # no child, or it failed: do it here
                with con:
                    if child is not None:
                        for table in ("sources", "entities"):
                            _write_table(con, table, getattr(dataset, table).values(), dataset)
                    _write_names_and_search(con, dataset.entities)
            with con:
                for ddl in _INDEXES:
                    con.execute(ddl)
        finally:
            con.close()
        os.replace(self._tmp, self.path)

    def _stop_child(self) -> None:
        for pid in (self._child, self._links_child):
            if pid is not None:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
        self._child = self._links_child = None

    def close(self) -> None:
        """Stop the children, if any, and remove every file but a finished index."""
        self._stop_child()
        for path in (self._tmp, self._side, self._side_links):
            path.unlink(missing_ok=True)


def _write_meta(con: sqlite3.Connection, dataset: Dataset, meta: dict) -> None:
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


def _table_ddl(table: str) -> str:
    cls = TABLES[table]
    extra = (*TIME_COLUMNS, EARLIEST_FIRST) if cls is Link else ()
    return f"CREATE TABLE {table} (n INTEGER PRIMARY KEY, {', '.join((*columns(cls), *extra))})"


def _write_table(con: sqlite3.Connection, table: str, records, dataset: Dataset | None, first: int = 0) -> None:
    """The rows of ``records``, numbered from ``first``, into ``table`` (created); ``dataset`` gives
    links their effective time."""
    from operator import attrgetter

    from imrnet.dataset.when import date_bounds, link_time

    cls = TABLES[table]
    cols = columns(cls)
    timed = cls is Link
    marks = ", ".join("?" * (len(cols) + 1 + (len(TIME_COLUMNS) + 1 if timed else 0)))
    values = attrgetter(*cols)
    tuples = [i + 1 for i in tuple_columns(cls)]

    def rows():
        for n, record in enumerate(records, first):
            row = [n, *values(record)]
            for i in tuples:
                row[i] = _encode(row[i])
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
_INDEXES = (
    "CREATE UNIQUE INDEX sources_id ON sources (id)",
    "CREATE UNIQUE INDEX entities_id ON entities (id)",
    # what a date filter leaves out, counted without reading every link
    f"CREATE INDEX links_undated ON links ({EARLIEST_FIRST}, type, status) "
    "WHERE t_start IS NULL AND t_end IS NULL",
    "CREATE INDEX name_keys_key ON name_keys (key)",
    "CREATE INDEX surnames_surname ON surnames (surname)",
)


def _write_names_and_search(con: sqlite3.Connection, entities: dict, words: str = "search_words") -> None:
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
        field_rows.append((n, json.dumps(fields, ensure_ascii=False)))
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


def _fork(side: Path, entities: int, work, most: int | None = None) -> int | None:
    """Run ``work(con)`` on a new SQLite file ``side`` in a forked child; its pid, or ``None``.

    Normalizing names and encoding rows is Python work, and a machine has
    more than one core: a forked child, sharing the checked records (copy
    on write), does part of it meanwhile. Only where fork is safe: a POSIX
    system, a single thread, more than one core, and a dataset of
    ``entities`` large enough to be worth it but small enough for two
    processes' memory (:data:`PARALLEL_MIN` to ``most``, by default
    :data:`PARALLEL_MAX`).
    """
    import threading

    if (not hasattr(os, "fork") or threading.active_count() > 1 or (os.cpu_count() or 1) < 2
            or not PARALLEL_MIN <= entities <= (PARALLEL_MAX if most is None else most)):
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    code = 1
    try:
        con = sqlite3.connect(side)
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        with con:
            work(con)
        con.close()
        code = 0
    finally:
        os._exit(code)  # never back into the parent's code


def _fork_entities(side: Path, sources: dict, entities: dict) -> int | None:
    """The records, name tables and word text of ``sources`` and ``entities``, into ``side`` by a child."""

    def work(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB)")
        for table, records in (("sources", sources), ("entities", entities)):
            con.execute(_table_ddl(table))
            _write_table(con, table, records.values(), None)
        _write_names_and_search(con, entities, words="search_text")

    return _fork(side, len(entities), work, EARLY_MAX)


def _fork_links(side: Path, dataset: Dataset, first: int) -> int | None:
    """The rows of the links from number ``first`` on, into ``side`` by a child."""
    from itertools import islice

    def work(con: sqlite3.Connection) -> None:
        con.execute(_table_ddl("links"))
        _write_table(con, "links", islice(dataset.links, first, None), dataset, first)

    return _fork(side, len(dataset.entities), work)


def _copy_links(con: sqlite3.Connection, side: Path) -> None:
    """Append the link rows :func:`_fork_links` wrote into ``side``."""
    con.execute("ATTACH DATABASE ? AS side", (str(side),))
    with con:
        con.execute("INSERT INTO main.links SELECT * FROM side.links")
    con.execute("DETACH DATABASE side")


def _copy_side(con: sqlite3.Connection, side: Path) -> None:
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
