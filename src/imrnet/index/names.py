"""The name tables of a compiled index, looked up one key at a time.

:class:`imrnet.queries.names.NameIndex` resolves a name through three
lookups: normalized key to ids, surname to the people bearing it, and the
list of every key (for suggestions). On a large dataset building them costs
seconds (every name normalized), so the index stores them
(:mod:`imrnet.index.store`) and these classes answer each lookup with an
indexed query: resolving a name reads only the rows it needs.

Examples
--------
>>> import sqlite3
>>> con = sqlite3.connect(":memory:")
>>> _ = con.execute("CREATE TABLE name_keys (key TEXT, id TEXT)")
>>> _ = con.execute("INSERT INTO name_keys VALUES ('ionov', 'alexander-ionov')")
>>> IndexedNames(con).full.get("ionov")
{'alexander-ionov'}
>>> IndexedNames(con).full.get("dugin", ())
()
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

__all__ = ["IndexedNames"]


class _Full:
    """Normalized id, name or alias to the ids bearing it."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con

    def get(self, key: str, default=None):
        ids = {eid for (eid,) in self._con.execute("SELECT id FROM name_keys WHERE key = ?", (key,))}
        return ids or default


class _Surnames:
    """Surname to ``{id: [token lists of the names ending in it]}``."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con

    def get(self, surname: str, default=None):
        rows = self._con.execute("SELECT id, names FROM surnames WHERE surname = ?", (surname,))
        found = {eid: json.loads(names) for eid, names in rows}
        return found or default

    def values(self) -> Iterator[dict]:
        by_surname: dict[str, dict] = {}
        for surname, eid, names in self._con.execute("SELECT surname, id, names FROM surnames"):
            by_surname.setdefault(surname, {})[eid] = json.loads(names)
        return iter(by_surname.values())


class _Choices:
    """Every ``(normalized key, id)`` pair, for "did you mean" suggestions."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._con.execute("SELECT key, id FROM name_keys ORDER BY rowid"))


class IndexedNames:
    """The three lookups of a name index, read from an index file's tables."""

    def __init__(self, con: sqlite3.Connection):
        self.full = _Full(con)
        self.surnames = _Surnames(con)
        self.choices = _Choices(con)
