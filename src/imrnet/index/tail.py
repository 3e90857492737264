"""The rows of the later lines of a links file, written by a child process that reads them itself.

On a large dataset the loader spends most of its time reading and checking
the links, on one core. A child forked before the load (:func:`fork_tail`,
while the parent holds little memory to share) waits for the checked
entities (:meth:`Tail.send`: each one's type and date, all a link's time
needs), then reads the later lines of the last links file itself -- from
the first line past :data:`SHARE` of the file from its end -- builds each
with the loader's fast path (:func:`imrnet.dataset.jsonl.built_lines`) and
writes its row into a side file, numbered from 0, with the count and a
checksum of what it wrote. It fails at a line the fast path does not build.

Meanwhile the loader reads and checks every line; :class:`~imrnet.index.store.IndexWriter`
keeps the child's rows only if the dataset's records of those lines are
exactly what the child wrote (:meth:`Tail.wrote`), and writes them itself
otherwise.

Examples
--------
>>> from imrnet.dataset.model import Link
>>> checksum([Link("a~met~b", "a", "b", "met", "reported", line=3)]) == checksum(
...     [Link("a~met~b", "a", "b", "met", "alleged", line=3)])
True
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from imrnet.index.forked import fork_writer
from imrnet.index.tables import table_ddl, write_table

__all__ = ["MIN_BYTES", "SHARE", "Tail", "checksum", "fork_tail"]

#: The share of the links file (in bytes, from its end) whose rows the child writes. It
#: reads and builds those lines a second time, on a core the loader leaves idle.
SHARE = 0.8

#: The size of links file from which a child writes part of its rows (about 5,000 links).
MIN_BYTES = 1_000_000

#: Checksums are kept to SQLite's signed 64-bit integers.
_MASK = (1 << 63) - 1


def checksum(links) -> int:
    """A sum over ``links`` telling whether two processes read the same lines as the same records."""
    return sum(map(_mark, links)) & _MASK


def _mark(link) -> int:
    """What :func:`checksum` adds up for one link."""
    return hash((link.id, link.line))


class _Ends:
    """What a link's time reads of the entity at one of its ends (:func:`imrnet.dataset.when.link_time`)."""

    __slots__ = ("type", "date")
    born = founded = None

    def __init__(self, kind: str, date: str | None):
        self.type, self.date = kind, date


class _Entities:
    """The entities as the child knows them: ``entities.get(id)`` gives their :class:`_Ends`."""

    def __init__(self, ends: dict):
        self.entities = ends


class Tail:
    """The child writing the rows of a links file's later lines, as its parent sees it."""

    def __init__(self, pid: int, to_child: int, from_child: int, shown: str):
        self.pid, self._to_child, self._from_child, self._shown = pid, to_child, from_child, shown

    def send(self, entities: dict) -> None:
        """Hand the child each checked entity's id, type and date; it starts once it has them."""
        import marshal

        from imrnet.dataset.when import entity_date

        data = marshal.dumps([(e.id, e.type, entity_date(e)) for e in entities.values()])
        # its length first: a process forked later holds this pipe open too, so no end of file comes
        data = memoryview(len(data).to_bytes(8, "little") + data)
        try:
            while data:
                data = data[os.write(self._to_child, data):]
        except OSError:  # it is gone: finish writes its rows
            pass
        finally:
            os.close(self._to_child)
            self._to_child = None

    def first(self, links) -> int:
        """The position in ``links`` of the first link the child writes (``len(links)``: none)."""
        from bisect import bisect_left

        if self._to_child is not None:  # it never got the entities, and never will
            self.stop()
            return len(links)
        heard = os.read(self._from_child, 8)
        if len(heard) < 8:  # it failed before it counted
            return len(links)
        line = int.from_bytes(heard, "little")
        shown = self._shown
        return bisect_left(links, (True, line), key=lambda link: (link.file == shown, link.line))

    def wrote(self, side: Path, links) -> bool:
        """Wait for the child; whether it wrote the rows of exactly ``links`` into ``side``."""
        if self.pid is None:  # stopped
            return False
        ok = os.waitpid(self.pid, 0)[1] == 0
        self.pid = None
        self._close()
        if not ok or not links:
            return False
        con = sqlite3.connect(side)
        try:
            count, total = con.execute("SELECT count, checksum FROM tail").fetchone()
        except sqlite3.Error:
            return False
        finally:
            con.close()
        return count == len(links) and total == checksum(links)

    def stop(self) -> None:
        """Stop the child, if it runs."""
        if self.pid is not None:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            self.pid = None
        self._close()

    def _close(self) -> None:
        for end in (self._to_child, self._from_child):
            if end is not None:
                os.close(end)
        self._to_child = self._from_child = None


def fork_tail(side: Path, path: Path, shown: str, origin: str) -> Tail | None:
    """Fork the child writing the rows of the later lines of links file ``path`` into ``side``.

    Called before the load, so the child shares little of its parent's
    memory; ``None`` for a file under :data:`MIN_BYTES` (or no fork).
    ``shown`` and ``origin`` name the file and its directory in records.
    """
    if path.suffix != ".jsonl":
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size < MIN_BYTES:
        return None
    child_reads, parent_writes = os.pipe()
    parent_reads, child_writes = os.pipe()

    def work(con: sqlite3.Connection) -> None:
        os.close(parent_writes)
        os.close(parent_reads)
        ends = _receive(child_reads)
        offset, line = _later_lines(path, size)
        os.write(child_writes, line.to_bytes(8, "little"))
        os.close(child_writes)
        done = [0, 0]

        def links():
            from imrnet.dataset.fastpath import builder
            from imrnet.dataset.jsonl import built_lines

            for link in built_lines(path, builder("links", shown, origin, share=False), offset, line):
                done[0] += 1
                done[1] += _mark(link)
                yield link

        con.execute(table_ddl("links"))
        write_table(con, "links", links(), _Entities(ends))
        con.execute("CREATE TABLE tail (count INTEGER, checksum INTEGER)")
        con.execute("INSERT INTO tail VALUES (?, ?)", (done[0], done[1] & _MASK))

    pid = fork_writer(side, work)
    os.close(child_reads)
    os.close(child_writes)
    if pid is None:
        os.close(parent_writes)
        os.close(parent_reads)
        return None
    return Tail(pid, parent_writes, parent_reads, shown)


def _receive(end: int) -> dict:
    """The entities' ends the parent sends (:meth:`Tail.send`, its length first)."""
    import marshal

    with os.fdopen(end, "rb") as pipe:
        size = int.from_bytes(pipe.read(8), "little")
        data = pipe.read(size)
    if not size or len(data) != size:
        raise EOFError("no entities: the load stopped")
    return {eid: _Ends(kind, date) for eid, kind, date in marshal.loads(data)}


def _later_lines(path: Path, size: int) -> tuple[int, int]:
    """The offset of the first line past :data:`SHARE` of the file from its end, and its number."""
    with path.open("rb") as handle:
        handle.seek(int(size * (1 - SHARE)))
        handle.readline()  # to the start of the next line
        offset = handle.tell()
        handle.seek(0)
        line = 1
        for at in range(0, offset, 1 << 20):
            line += handle.read(min(1 << 20, offset - at)).count(b"\n")
    return offset, line
