"""A part of an index file written by a forked child process, into a side file of its own.

Normalizing names and encoding rows is Python work, and a machine has more
than one core: a child forked by the build (:mod:`imrnet.index.store`) does
part of it meanwhile, into a separate SQLite file the parent copies in.

Examples
--------
>>> import os, sqlite3, tempfile, pathlib
>>> side = pathlib.Path(tempfile.mkdtemp()) / "side.sqlite"
>>> pid = fork_writer(side, lambda con: con.execute("CREATE TABLE t AS SELECT 42 AS answer"))
>>> if pid is not None:
...     _ = os.waitpid(pid, 0)
... else:  # no second core here: do it in this process
...     _ = sqlite3.connect(side).execute("CREATE TABLE t AS SELECT 42 AS answer")
>>> sqlite3.connect(side).execute("SELECT answer FROM t").fetchone()
(42,)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable

__all__ = ["can_fork", "fork_writer"]


def can_fork() -> bool:
    """Whether a child may be forked: a POSIX system, a single thread, more than one core.

    A child forked beside other threads may inherit a lock one of them held;
    on one core it would only take turns with its parent.
    """
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) >= 2


def fork_writer(side: Path, work: Callable[[sqlite3.Connection], object]) -> int | None:
    """Run ``work(con)`` on a new SQLite file ``side`` in a forked child; its pid, or ``None``.

    The child exits 0 once ``work`` has returned and its writes are
    committed, 1 on any error (with no message: the parent does the work
    itself when a child fails). ``None`` when no child can be forked
    (:func:`can_fork`, or the system refused).
    """
    if not can_fork():
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
