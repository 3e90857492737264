"""A checked dataset written to, and read back from, one SQLite file.

The file holds data only (no pickles): one table a record kind, one column a
field, in the order of the model's dataclass fields; tuple fields (aliases,
countries, tags, citations) are JSON text; the name index's tables are JSON
too. Reading it back skips parsing, every check of pass two and the
normalizing of every name, which is what makes a warm start fast.

Examples
--------
>>> import tempfile, pathlib
>>> from imrnet.dataset.examples import tiny_dataset
>>> path = pathlib.Path(tempfile.mkdtemp()) / "index.sqlite"
>>> write_index(path, tiny_dataset(), {"stamps": []})
>>> back, meta = read_index(path)
>>> back.links == tiny_dataset().links, back.entities == tiny_dataset().entities
(True, True)
>>> meta
{'stamps': []}
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import fields
from pathlib import Path

from imrnet.dataset.model import Citation, Dataset, Entity, Link, Source

__all__ = ["FORMAT", "write_index", "read_index"]

#: Bumped whenever the layout changes; part of every index's key.
FORMAT = 2

_TABLES = {"sources": Source, "entities": Entity, "links": Link}


def _columns(cls) -> list[str]:
    return [f.name for f in fields(cls)]


def _encode(value):
    if isinstance(value, tuple):
        return json.dumps(
            [[v.id, v.locator] if isinstance(v, Citation) else v for v in value],
            ensure_ascii=False,
        )
    return value


def _tuple_fields(cls) -> set[str]:
    return {f.name for f in fields(cls) if str(f.type).startswith("tuple")}


def write_index(path: Path, dataset: Dataset, meta: dict) -> None:
    """Write ``dataset`` and ``meta`` to ``path`` atomically, readable by the owner only.

    The file is built beside its final place and renamed over it, so a reader
    never sees half an index.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            con.execute("INSERT INTO meta VALUES ('meta', ?)", (json.dumps(meta),))
            from imrnet.queries.names import NameIndex

            con.execute(
                "INSERT INTO meta VALUES ('names', ?)",
                (json.dumps(NameIndex(dataset.entities).tables(), ensure_ascii=False),),
            )
            con.execute(
                "INSERT INTO meta VALUES ('dataset', ?)",
                (json.dumps({
                    "warnings": [w.as_dict() for w in dataset.warnings],
                    "directories": list(dataset.directories),
                    "retracted": list(dataset.retracted),
                }),),
            )
            records = {
                "sources": dataset.sources.values(),
                "entities": dataset.entities.values(),
                "links": dataset.links,
            }
            for table, cls in _TABLES.items():
                cols = _columns(cls)
                con.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
                marks = ", ".join("?" * len(cols))
                con.executemany(
                    f"INSERT INTO {table} VALUES ({marks})",
                    ([_encode(getattr(r, c)) for c in cols] for r in records[table]),
                )
        con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_index(path: Path) -> tuple[Dataset, dict]:
    """Read a dataset written by :func:`write_index`, with its ``meta``.

    Raises
    ------
    sqlite3.DatabaseError, KeyError, ValueError
        When the file is not an index of this layout (the caller rebuilds).
    """
    from imrnet.dataset.problems import Problem

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = json.loads(con.execute("SELECT value FROM meta WHERE key = 'meta'").fetchone()[0])
        extra = json.loads(con.execute("SELECT value FROM meta WHERE key = 'dataset'").fetchone()[0])
        names = json.loads(con.execute("SELECT value FROM meta WHERE key = 'names'").fetchone()[0])
        built = {}
        for table, cls in _TABLES.items():
            built[table] = _read_table(con, table, cls)
    finally:
        con.close()
    dataset = Dataset(
        sources={s.id: s for s in built["sources"]},
        entities={e.id: e for e in built["entities"]},
        links=tuple(built["links"]),
        warnings=tuple(Problem(w["file"], w["line"], w["message"], w["level"]) for w in extra["warnings"]),
        directories=tuple(extra["directories"]),
        retracted=tuple(extra.get("retracted", ())),
    )
    from imrnet.queries.names import NameIndex, remember

    # The name index was built with the index: resolving a name costs no
    # normalizing of every name again.
    remember(dataset, NameIndex.from_tables(dataset.entities, names))
    return dataset, meta


def _read_table(con: sqlite3.Connection, table: str, cls) -> list:
    cols = _columns(cls)
    tuples = [i for i, c in enumerate(cols) if c in _tuple_fields(cls)]
    cited = cols.index("sources") if cls is not Source else -1
    decoded: dict[tuple[str, bool], tuple] = {}  # identical texts (one citation) are common

    def decode(text: str, citations: bool) -> tuple:
        value = decoded.get((text, citations))
        if value is None:
            items = json.loads(text)
            value = tuple(Citation(*i) for i in items) if citations else tuple(items)
            decoded[text, citations] = value
        return value

    out = []
    append = out.append
    for row in con.execute(f"SELECT {', '.join(cols)} FROM {table}"):
        if tuples:
            row = list(row)
            for i in tuples:
                row[i] = decode(row[i], i == cited)
        append(cls(*row))
    return out
