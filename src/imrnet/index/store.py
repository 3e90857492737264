"""A checked dataset written to one SQLite file, laid out for answering from it.

The file holds data only (no pickles), in four parts:

* **records**: one table a record kind (``sources``, ``entities``,
  ``links``), one row a record, numbered in file order (``n``, the row id):
  the record's fields as one JSON array, beside the few SQL looks up by
  (ids through a unique index, names, a link's type, status and
  ``account_of``; :data:`imrnet.index.layout.KEPT`). Each link also
  carries its effective time (:func:`imrnet.dataset.when.link_time`),
  computed once here;
* **topology** (:mod:`imrnet.index.csr`): compact arrays of every
  entity's links, with a code for each link's type and status and each
  entity's type, so a traversal reads only the entities it reaches;
* **names**: the tables of :class:`imrnet.queries.names.NameIndex`, keyed
  for indexed lookups, so resolving a name normalizes only the text typed;
* **search**: every entity's normalized names in an FTS5 table, for the
  word-prefix lookups of :mod:`imrnet.queries.search`.

This module decides who writes which part, and when (:class:`IndexWriter`:
one process, or three on a large dataset); :mod:`imrnet.index.tables` writes
the rows. :class:`imrnet.index.indexed.IndexedDataset` reads them back lazily.

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

import os
import sqlite3
from pathlib import Path

from imrnet.dataset.model import Dataset
from imrnet.index.forked import fork_writer
from imrnet.index.layout import FORMAT
from imrnet.index.tables import (
    INDEXES, copy_links, copy_side, table_ddl, write_meta, write_names_and_search, write_table,
)

__all__ = ["FORMAT", "write_index"]


#: Entities from which a child writes the sources and entities, and up to which: it
#: copies the pages of the records it reads (reference counts), and a million-entity
#: build is then at 4 GiB.
PARALLEL_MIN, PARALLEL_MAX = 5_000, 1_000_000


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
    """An index written in steps: sources and entities as soon as they are checked, then the rest.

    :meth:`prepare`, before the load, forks a child that will write the
    rows of the later lines of the links file (:mod:`imrnet.index.tail`).
    :meth:`start` hands the checked sources and entities to another forked
    child (:func:`_fork_entities`), which writes their records, name tables
    and word index into a side file while the loader reads the links, and
    the entities' dates to the first. :meth:`finish` writes the rest of the
    link rows and the topology, then copies the children's tables in.
    Without children (small data, one core, threads), when one fails, or
    when the dataset finished with other records than they started on (a
    retraction), :meth:`finish` writes their parts itself. Used as a
    context manager, it leaves nothing behind but a finished index.

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
        self._tail = None  # imrnet.index.tail.Tail
        self._started: tuple = ()

    def __enter__(self) -> "IndexWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def prepare(self, links: tuple[Path, str, str]) -> None:
        """Before the load: fork the child that will write the rows of the later lines of ``links``.

        ``links`` is the last links file the loader will read, as ``(path,
        shown, origin)`` (:func:`imrnet.dataset.loader.links_files`). The
        child waits for the checked entities (:meth:`start`); see
        :mod:`imrnet.index.tail`.
        """
        from imrnet.index.tail import fork_tail

        try:
            self._side_links.unlink(missing_ok=True)
        except OSError:
            return  # finish reports what is wrong with the directory
        self._tail = fork_tail(self._side_links, *links)

    def start(self, sources: dict, entities: dict) -> None:
        """Begin on the checked ``sources`` and ``entities`` in child processes, where that is worth it."""
        self._started = (sources, entities, len(sources), len(entities))
        try:
            self._side.unlink(missing_ok=True)
        except OSError:
            pass  # finish reports what is wrong with the directory
        else:
            if PARALLEL_MIN <= len(entities) <= PARALLEL_MAX:
                self._child = _fork_entities(self._side, sources, entities)
        if self._tail is not None:
            self._tail.send(entities)

    def finish(self, dataset: Dataset, meta: dict, progress=None) -> None:
        """Write the rest of ``dataset`` and ``meta``, and put the index in place."""
        step = progress or (lambda what: None)
        sources, entities, n_sources, n_entities = self._started or (None, None, -1, -1)
        if not (dataset.sources is sources and dataset.entities is entities
                and len(sources) == n_sources and len(entities) == n_entities):
            self._stop_child()  # they started on records the dataset no longer holds
        self._tmp.unlink(missing_ok=True)
        os.close(os.open(self._tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        con = sqlite3.connect(self._tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            with con:
                write_meta(con, dataset, meta)
                for table in ("sources", "entities", "links"):
                    con.execute(table_ddl(table))
                # a child writes the rows of the links file's later lines (the parent has the topology to build)
                split = len(dataset.links) if self._tail is None else self._tail.first(dataset.links)
                mine = dataset.links[:split]
                step("links")
                write_table(con, "links", mine, dataset,
                            tick=lambda done: step(f"links, {done:,} of {len(mine):,}"))
                step("topology")
                from imrnet.index import csr

                for name, data in csr.build(dataset).items():
                    con.execute("INSERT INTO blobs VALUES (?, ?)", (name, data))
            step("finishing")
            tail, self._tail = self._tail, None
            if tail is not None and tail.wrote(self._side_links, dataset.links[split:]):
                copy_links(con, self._side_links, split)
            elif split < len(dataset.links):  # it failed, or wrote other lines: do it here
                with con:
                    write_table(con, "links", dataset.links[split:], dataset, split)
            child, self._child = self._child, None
            if child is not None and os.waitpid(child, 0)[1] == 0:
                copy_side(con, self._side)
            else:  # no child, or it failed: do its part here
                with con:
                    for table in ("sources", "entities"):
                        write_table(con, table, getattr(dataset, table).values(), dataset)
                    write_names_and_search(con, dataset.entities)
            with con:
                for ddl in INDEXES:
                    con.execute(ddl)
        finally:
            con.close()
        os.replace(self._tmp, self.path)

    def _stop_child(self) -> None:
        if self._child is not None:
            os.kill(self._child, 9)
            os.waitpid(self._child, 0)
        if self._tail is not None:
            self._tail.stop()
        self._child = self._tail = None

    def close(self) -> None:
        """Stop the children, if any, and remove every file but a finished index."""
        self._stop_child()
        for path in (self._tmp, self._side, self._side_links):
            path.unlink(missing_ok=True)


def _fork_entities(side: Path, sources: dict, entities: dict) -> int | None:
    """The records, name tables and word text of ``sources`` and ``entities``, into ``side`` by a child."""

    def work(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB)")
        for table, records in (("sources", sources), ("entities", entities)):
            con.execute(table_ddl(table))
            write_table(con, table, records.values(), None)
        write_names_and_search(con, entities, words="search_text")

    return fork_writer(side, work)
