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

This module decides who writes which part, and when (:class:`IndexWriter`:
one process, or two on a large dataset); :mod:`imrnet.index.tables` writes
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
from imrnet.index.layout import FORMAT
from imrnet.index.tables import (
    INDEXES, copy_links, copy_side, table_ddl, write_meta, write_names_and_search, write_table,
)

__all__ = ["FORMAT", "write_index"]


#: Entities from which a second process writes part of the index, and up to which: a
#: child copies the pages of the records it reads (reference counts). The one writing
#: link rows, forked once every record is in memory, would take a million-entity build
#: over 4 GiB; the one writing the entities, forked before any link is read, reads less.
PARALLEL_MIN, PARALLEL_MAX, EARLY_MAX = 5_000, 300_000, 1_000_000

#: The share of the link rows the parent writes when a child writes the rest: a little
#: under half, for the parent also builds the topology (a tenth of the rows' time).
_PARENT_LINKS = 0.45


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
                write_meta(con, dataset, meta)
                for table in ("sources", "entities", "links"):
                    con.execute(table_ddl(table))
                # a child writes the later links meanwhile (the parent has the topology to build)
                split = int(len(dataset.links) * _PARENT_LINKS)
                self._links_child = _fork_links(self._side_links, dataset, split)
                mine = dataset.links if self._links_child is None else dataset.links[:split]
                step("links")
                write_table(con, "links", mine, dataset,
                            tick=lambda done: step(f"links, {done:,} of {len(mine):,}"))
                step("topology")
                from imrnet.index import csr

                for name, data in csr.build(dataset).items():
                    con.execute("INSERT INTO blobs VALUES (?, ?)", (name, data))
            step("finishing")
            links_child, self._links_child = self._links_child, None
            if links_child is not None and os.waitpid(links_child, 0)[1] == 0:
                copy_links(con, self._side_links)
            elif links_child is not None:  # it failed: do it here
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
            con.execute(table_ddl(table))
            write_table(con, table, records.values(), None)
        write_names_and_search(con, entities, words="search_text")

    return _fork(side, len(entities), work, EARLY_MAX)


def _fork_links(side: Path, dataset: Dataset, first: int) -> int | None:
    """The rows of the links from number ``first`` on, into ``side`` by a child."""
    from itertools import islice

    def work(con: sqlite3.Connection) -> None:
        con.execute(table_ddl("links"))
        write_table(con, "links", islice(dataset.links, first, None), dataset, first)

    return _fork(side, len(dataset.entities), work)
