"""A dataset answered from its compiled index, reading only what is asked for.

:class:`IndexedDataset` has the attributes of
:class:`imrnet.dataset.model.Dataset` (``sources``, ``entities``,
``links``, ``links_by_entity``, ``warnings``, ``directories``,
``retracted``), so every query runs on it unchanged; but its records stay
in the index file (:mod:`imrnet.index.store`) until they are read. Looking
an entity up by id reads one row; ``links_by_entity[id]`` reads that
entity's links; :meth:`IndexedDataset.network` traverses the compact
topology (:mod:`imrnet.index.csr`). Only a query that reads everything
(``dataset.links``, ``entities.values()``) loads everything, once.

Examples
--------
>>> from imrnet.index.examples import tiny_index
>>> ds = tiny_index()
>>> ds.entities["agmr"].name, len(ds.entities), "nobody" in ds.entities
('Anti-Globalization Movement of Russia', 3, False)
>>> [link.type for link in ds.links_by_entity["agmr"]]
['leads', 'organized']
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path

from imrnet.dataset.model import Citation, Link, Source
from imrnet.index import csr
from imrnet.index.layout import TABLES, TIME_COLUMNS, columns, table_columns, tuple_columns

__all__ = ["IndexedDataset", "RecordMapping"]

#: The arrays every index holds (:mod:`imrnet.index.csr`, the flat search names).
_BLOBS = frozenset({*csr.ARRAYS, *csr.BYTES, "search_names", "search_owners", "search_fields"})

#: The tables and indexes queries read beside the records.
_TABLES = frozenset({"name_keys", "surnames", "search_fields", "search_words", "links_undated",
                     "entities_id", "sources_id", "name_keys_key", "surnames_surname"})

#: Rows fetched by one ``IN (...)`` query (SQLite allows 999 parameters at least).
_BATCH = 500


class _Decoder:
    """Turn a row's ``record`` (a JSON array, :func:`imrnet.index.tables.write_table`) back into a record."""

    def __init__(self, cls):
        self.cls = cls
        self.tuples = tuple_columns(cls)
        self.cited = columns(cls).index("sources") if cls is not Source else -1

    def __call__(self, row) -> object:
        values = json.loads(row[0])
        for i in self.tuples:
            values[i] = tuple(Citation(*pair) for pair in values[i]) if i == self.cited else tuple(values[i])
        return self.cls(*values)


class RecordMapping(Mapping):
    """Id to record, read from an index table on demand, in file order when iterated."""

    def __init__(self, dataset: "IndexedDataset", table: str, size: int):
        self._dataset, self._table, self._size = dataset, table, size
        self._decode = _Decoder(TABLES[table])
        self._select = "record"
        self._cache: dict[str, object] = {}
        self._whole: dict[str, object] | None = None

    def __getitem__(self, key):
        if self._whole is not None:
            return self._whole[key]
        found = self._cache.get(key)
        if found is None:
            if not isinstance(key, str):
                raise KeyError(key)
            row = self._dataset._con.execute(
                f"SELECT {self._select} FROM {self._table} WHERE id = ?", (key,)).fetchone()
            if row is None:
                raise KeyError(key)
            found = self._cache[key] = self._decode(row)
        return found

    def __contains__(self, key) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()

    def _all(self) -> dict:
        if self._whole is None:
            rows = self._dataset._con.execute(f"SELECT {self._select} FROM {self._table} ORDER BY n")
            self._whole = {record.id: record for record in map(self._decode, rows)}
        return self._whole

    def by_number(self, numbers: Iterable[int]) -> list:
        """The records numbered ``numbers`` (file order from 0), in that order."""
        numbers = list(numbers)
        found = dict(self._dataset._rows(self._table, self._select, numbers, self._decode))
        for record in found.values():
            self._cache.setdefault(record.id, record)
        return [found[n] for n in numbers]


class _LinksByEntity(Mapping):
    """Entity id to the links it takes part in, in file order, read on demand."""

    def __init__(self, dataset: "IndexedDataset"):
        self._dataset = dataset

    def __getitem__(self, key) -> list[Link]:
        number = self._dataset.entity_number(key)
        if number is None:
            raise KeyError(key)
        topology = self._dataset.topology
        offsets = topology["offsets"]
        return self._dataset.link_records(topology["links"][offsets[number]:offsets[number + 1]])

    def __len__(self) -> int:
        return len(self._dataset.entities)

    def __iter__(self) -> Iterator[str]:
        return iter(self._dataset.entities)


class IndexedDataset:
    """A checked dataset read lazily from an index file written by :func:`~imrnet.index.store.write_index`.

    Parameters
    ----------
    path : Path
        The index file.

    Raises
    ------
    sqlite3.DatabaseError, KeyError, ValueError, TypeError
        When the file is not an index of this layout (the caller rebuilds).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        rows = dict(self._con.execute("SELECT key, value FROM meta"))
        #: What the cache stored with the index (file stamps, build time).
        self.meta: dict = json.loads(rows["meta"])
        extra = json.loads(rows["dataset"])
        self.warnings = ()
        if extra["warnings"]:
            from imrnet.dataset.problems import Problem

            self.warnings = tuple(Problem(w["file"], w["line"], w["message"], w["level"])
                                  for w in extra["warnings"])
        self.directories = tuple(extra["directories"])
        self.retracted = tuple(extra["retracted"])
        self._check_layout()
        counts = extra["counts"]
        self.sources = RecordMapping(self, "sources", counts["sources"])
        self.entities = RecordMapping(self, "entities", counts["entities"])
        self._links: dict[int, Link] = {}
        self._link_decode = _Decoder(Link)
        self._link_select = "record"

    def _check_layout(self) -> None:
        """Refuse a file whose tables, columns or arrays are not this layout's (it is rebuilt)."""
        blobs = {name for (name,) in self._con.execute("SELECT name FROM blobs")}
        if not blobs >= _BLOBS:
            raise ValueError(f"index {self.path} lacks {', '.join(sorted(_BLOBS - blobs))}")
        for table in TABLES:
            expected = table_columns(table)
            found = [row[1] for row in self._con.execute(f"PRAGMA table_info({table})")]
            if found != expected:
                raise ValueError(f"index {self.path}: table {table} is not of this layout")
        tables = {name for (name,) in self._con.execute("SELECT name FROM sqlite_master")}
        if not tables >= _TABLES:
            raise ValueError(f"index {self.path} lacks {', '.join(sorted(_TABLES - tables))}")

    def close(self) -> None:
        """Close the index file (the dataset can no longer read from it)."""
        self._con.close()

    def _rows(self, table: str, select: str, numbers: list[int], decode) -> Iterator[tuple[int, object]]:
        wanted = sorted(set(numbers))
        for i in range(0, len(wanted), _BATCH):
            chunk = wanted[i:i + _BATCH]
            marks = ", ".join("?" * len(chunk))
            for n, *row in self._con.execute(
                    f"SELECT n, {select} FROM {table} WHERE n IN ({marks})", chunk):
                yield n, decode(row)

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Every link, in file order (reads them all, once)."""
        rows = self._con.execute(f"SELECT {self._link_select} FROM links ORDER BY n")
        return tuple(map(self._link_decode, rows))

    @cached_property
    def links_by_entity(self) -> Mapping[str, list[Link]]:
        """Entity id to the links it takes part in, in file order, read on demand."""
        return _LinksByEntity(self)

    def link_records(self, numbers: Iterable[int]) -> list[Link]:
        """The links numbered ``numbers`` (file order from 0), in that order."""
        numbers = list(numbers)
        if "links" in self.__dict__:
            return [self.links[n] for n in numbers]
        missing = [n for n in numbers if n not in self._links]
        self._links.update(self._rows("links", self._link_select, missing, self._link_decode))
        return [self._links[n] for n in numbers]

    def link_times(self, numbers: Iterable[int]) -> dict:
        """Link number to its effective time (:class:`~imrnet.dataset.when.LinkTime`), stored at the build."""
        from imrnet.dataset.when import LinkTime

        return dict(self._rows("links", ", ".join(TIME_COLUMNS), list(numbers),
                               lambda row: LinkTime(*row)))

    def entity_names(self, numbers: Iterable[int] | None = None) -> dict[int, tuple[str, str]]:
        """Entity number to its ``(name, id)``, for ``numbers`` (every entity, in file order, when ``None``)."""
        if numbers is None:
            return {n: (name, eid) for n, name, eid in
                    self._con.execute("SELECT n, name, id FROM entities ORDER BY n")}
        return dict(self._rows("entities", "name, id", list(numbers), tuple))

    def time_rows(self) -> Iterator[tuple]:
        """``(link number, *time columns)`` of every link in file order: the effective times stored at the build."""
        return self._con.execute(f"SELECT n, {', '.join(TIME_COLUMNS)} FROM links ORDER BY n")

    def account_rows(self) -> Iterator[tuple[int, str, str]]:
        """``(link number, account_of, status)`` of every link that has an ``account_of``, in file order."""
        return self._con.execute(
            "SELECT n, account_of, status FROM links WHERE account_of IS NOT NULL ORDER BY n")

    def entity_types(self) -> bytes:
        """Every entity's type, one byte each in file order (codes of :func:`imrnet.index.csr.vocabularies`)."""
        if "topology" in self.__dict__:
            return self.topology["entity_types"]
        return self._con.execute("SELECT data FROM blobs WHERE name = 'entity_types'").fetchone()[0]

    def entity_number(self, entity_id: str) -> int | None:
        """The number (file order from 0) of the entity ``entity_id``, ``None`` when there is none."""
        if not isinstance(entity_id, str):
            return None
        row = self._con.execute("SELECT n FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else row[0]

    @cached_property
    def topology(self) -> dict:
        """The compact arrays of :mod:`imrnet.index.csr`."""
        names = (*csr.ARRAYS, *csr.BYTES)
        return csr.load(dict(self._con.execute(
            f"SELECT name, data FROM blobs WHERE name IN ({', '.join('?' * len(names))})", names)))

    def network(self, link_filter=None):
        """The network of the links that pass ``link_filter``, traversed in the index."""
        from imrnet.index.adjacency import IndexedNetwork

        return IndexedNetwork(self, link_filter)

    def count_undated(self, link_filter) -> int:
        """How many links pass ``link_filter`` but for being undated under its date filters.

        As :func:`imrnet.dataset.when.time_matches` reads an undated link: it
        cannot be placed (left out, counted) unless it is an act whose ends
        came to exist after the last day ``as_of`` or ``until`` allows.
        """
        from imrnet.dataset.when import date_bounds

        f = link_filter
        ends = [date_bounds(d)[1] for d in (f.as_of, f.until) if d is not None]
        query = ("SELECT type, status, count(*) FROM links INDEXED BY links_undated "
                 "WHERE t_start IS NULL AND t_end IS NULL")
        if ends:
            query += " AND (t_earliest_first IS NULL OR t_earliest_first <= ?)"
        groups = self._con.execute(query + " GROUP BY 1, 2", [min(ends)] if ends else [])
        return sum(links for link_type, status, links in groups
                   if f.passes_status(status) and f.passes_type(link_type))

    def name_tables(self):
        """The lookup tables of :class:`imrnet.queries.names.NameIndex`, as indexed queries."""
        from imrnet.index.names import IndexedNames

        return IndexedNames(self._con)

    def search_rows(self, numbers: Iterable[int] | None = None) -> Iterator[tuple[int, list]]:
        """``(entity number, normalized fields)`` of ``numbers``, or of every entity in file order."""
        if numbers is None:
            rows = self._con.execute("SELECT n, fields FROM search_fields ORDER BY n")
        else:
            rows = self._rows("search_fields", "fields", list(numbers), lambda row: row[0])
        for n, text in rows:
            yield n, json.loads(text)

    def search_names(self):
        """Every normalized name, alias and id, flat (:class:`imrnet.queries.search_scan.NameTable`)."""
        from array import array

        from imrnet.index.layout import SEARCH_FIELDS
        from imrnet.queries.search_scan import NameTable

        blobs = dict(self._con.execute(
            "SELECT name, data FROM blobs WHERE name IN ('search_names', 'search_owners', 'search_fields')"))
        text = blobs["search_names"].decode()
        owners = array("I")
        owners.frombytes(blobs["search_owners"])
        return NameTable(text.split("\n") if len(owners) else [], owners.tolist(),
                         [SEARCH_FIELDS[c] for c in blobs["search_fields"]])

    def word_prefix(self, phrase: str) -> list[int]:
        """Entity numbers whose names hold the words of ``phrase``, the last one as a prefix."""
        query = '"' + phrase.replace('"', "") + '"*'
        return [n for (n,) in self._con.execute(
            "SELECT rowid FROM search_words WHERE search_words MATCH ?", (query,))]
