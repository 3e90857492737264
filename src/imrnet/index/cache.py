"""The compiled index of a dataset, kept in the user's cache directory.

A large dataset is parsed and checked once; later invocations read the
checked records from an index file (:mod:`imrnet.index.store`). The index
answers only while it is fresh: it records the size, modification and
change times, inode and BLAKE2 hash of every data file it was built from (as
git's index does); a file whose size differs is stale, and one whose times or
inode differ, or that changed too close to the build to trust its times, is
hashed again; any difference in content rebuilds the index. (The change time
cannot be set back, so an edit that restores the modification time is seen.) Every dataset,
the bundled one included, is answered from its index: opening one and reading the few rows a
query needs costs less than parsing even the bundled YAML.

The cache directory is ``$IMRNET_CACHE_DIR``, else ``$XDG_CACHE_HOME/imrnet``,
else ``~/.cache/imrnet``. It is created private to the user (mode 0700) and
refused, with a warning, when another user owns it or others may write to it:
then the data is parsed as if there were no cache.

Examples
--------
>>> import os, tempfile
>>> os.environ["IMRNET_CACHE_DIR"] = tempfile.mkdtemp()
>>> from imrnet.dataset.locations import bundled_dir
>>> info()["indexes"]
[]
>>> dataset = load_cached([bundled_dir()])
>>> dataset.entities["alexander-ionov"].name
'Alexander Ionov'
>>> [i["entities"] for i in info()["indexes"]] == [len(dataset.entities)]
True
>>> clear()
1
>>> del os.environ["IMRNET_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

from imrnet.dataset.model import Dataset

__all__ = ["CACHE_ENV", "cache_dir", "data_files", "load_cached", "info", "clear", "left_in_memory"]

CACHE_ENV = "IMRNET_CACHE_DIR"

#: A file modified this close to (or after) the index build may have changed
#: again within the same timestamp: its content is hashed, not trusted.
_RACY_NS = 2_000_000_000

_SUFFIXES = (".yaml", ".yml", ".jsonl", ".json")

#: Links from which the records a build has read are left in memory until the process
#: ends, which :func:`imrnet.console.main` then does without freeing them one by one
#: (3.5 s for a million entities and three million links; the answer comes from the index).
LEAVE_FROM = 100_000
_LEFT: list[Dataset] = []


def left_in_memory() -> bool:
    """Whether a build left its records in memory (:data:`LEAVE_FROM`): the process may end without freeing them.

    Examples
    --------
    >>> left_in_memory()
    False
    """
    return bool(_LEFT)


def cache_dir() -> Path:
    """The directory holding index files (not created here)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "imrnet"


def _private_dir() -> Path | None:
    """The cache directory, made private; ``None`` (with a warning) when unsafe."""
    path = cache_dir()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError as error:
        _warn(f"cache directory {path} cannot be used ({error.strerror}); reading the data without it")
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        _warn(f"cache directory {path} is not private to you (owner or mode); reading the data without it")
        return None
    return path


def _warn(message: str) -> None:
    print(f"imrnet: warning: {message}", file=sys.stderr)


def data_files(dirs: list[Path]) -> list[Path]:
    """Every data file in ``dirs`` (YAML, JSON Lines), in a stable order."""
    found = []
    for directory in dirs:
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        found.extend(p for p in entries if p.suffix in _SUFFIXES and p.is_file())
    return found


def _hash(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _key(dirs: list[Path]) -> str:
    """The index file's name: code version, layout and the directories as shown."""
    from imrnet import __version__
    from imrnet.dataset.locations import display_path
    from imrnet.index.layout import FORMAT

    shown = [[str(d.resolve()), display_path(d)] for d in dirs]
    text = json.dumps([__version__, FORMAT, _schema(), shown])
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _schema() -> str:
    """A digest of the model and vocabularies, so a changed schema rebuilds."""
    from dataclasses import fields

    from imrnet.dataset import model, vocab

    parts = [[f.name for f in fields(cls)] for cls in (model.Source, model.Entity, model.Link)]
    parts.append(sorted(vocab.LINK_TYPES))
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=8).hexdigest()


def _stamps(files: list[Path]) -> list[list]:
    out = []
    for path in files:
        st = path.stat()
        out.append([str(path.resolve()), st.st_size, [st.st_mtime_ns, st.st_ctime_ns, st.st_ino], None])
    return out


def _fresh(meta: dict, stamps: list[list]) -> bool | None:
    """Whether the files behind ``meta`` hold what they held at the build.

    Returns ``True`` when every file's stamp matches, ``None`` when some had
    to be hashed again and all hashes match (the stamps are worth storing
    again, so the next check is cheap), ``False`` when anything changed.
    Fills in the hash of every file it hashed.
    """
    old = {s[0]: s for s in meta["stamps"]}
    if sorted(old) != sorted(s[0] for s in stamps):
        return False
    built = meta["built_ns"]
    trusted = True
    for stamp in stamps:
        path, size, times, _ = stamp
        _, old_size, old_times, digest = old[path]
        if size != old_size:
            return False
        stamp[3] = digest
        if times == old_times and max(times[:2]) < built - _RACY_NS:
            continue
        trusted = None
        if _hash(Path(path)) != digest:
            return False
    return trusted


def load_cached(dirs: list[Path], progress=None) -> Dataset:
    """Load the dataset in ``dirs``, from its index when one is fresh.

    Parameters
    ----------
    dirs : list of Path
        Dataset directories, merged in order.
    progress : callable, optional
        Makes the :class:`~imrnet.output.progress.BuildBar` (or ``None``)
        shown while an index of at least
        :data:`~imrnet.output.progress.MIN_BYTES` of data files is built;
        called only then.

    Returns
    -------
    Dataset

    Raises
    ------
    DatasetError
        When the data is invalid (an invalid dataset is never indexed).
    """
    files = data_files(dirs)
    stamps = _stamps(files)
    directory = _private_dir()
    if directory is None:
        return _parse(dirs)
    path = directory / f"{_key(dirs)}.sqlite"
    if path.is_file():
        from imrnet.index.indexed import IndexedDataset

        try:
            dataset = IndexedDataset(path)
            fresh = _fresh(dataset.meta, stamps)
            if fresh is None:
                _restamp(path, dataset.meta, stamps)
            if fresh is not False:
                return dataset
            dataset.close()
        except Exception:  # noqa: BLE001 - a broken or foreign file: rebuild it
            pass
    started = time.time_ns()
    from imrnet.index.store import IndexWriter
    from imrnet.output.progress import MIN_BYTES

    size = sum(stamp[1] for stamp in stamps)
    bar = progress() if progress is not None and size >= MIN_BYTES else None
    failed = None
    with IndexWriter(path) as writer:
        try:
            if bar is not None:
                bar.start(size)
            from imrnet.dataset.loader import links_files

            links = links_files(dirs)
            if links:  # a child will write the rows of the last links file's later lines
                writer.prepare(links[-1])
            # the index build begins on the sources and entities while the links are read
            dataset = _parse(dirs, ready=lambda checker: writer.start(checker.sources, checker.entities),
                             advance=bar and bar.advance)
            if bar is not None:
                bar.stage("writing the index")
            for stamp in stamps:
                stamp[3] = _hash(Path(stamp[0]))
            try:
                writer.finish(dataset, {"built_ns": started, "stamps": stamps,
                                        "directories": [str(d) for d in dirs]},
                              bar and (lambda part: bar.stage(f"writing the index: {part}")))
            except (OSError, sqlite3.Error) as error:
                failed = getattr(error, "strerror", None) or error
        finally:
            if bar is not None:
                bar.stop()
    if failed is not None:
        _warn(f"could not write the index {path} ({failed})")
        return dataset
    # Answer from the index just written, as every later run will: its name
    # tables and topology arrays are built, where the records in memory would
    # need a name index and a network built again for this one answer.
    from imrnet.index.indexed import IndexedDataset

    if len(dataset.links) >= LEAVE_FROM:
        _LEFT.append(dataset)

    return IndexedDataset(path)


def _parse(dirs: list[Path], ready=None, advance=None) -> Dataset:
    """Parse and check ``dirs`` (the loader and its YAML reader load only here)."""
    from imrnet.dataset.loader import load

    return load(dirs, ready=ready, advance=advance)


def _restamp(path: Path, meta: dict, stamps: list[list]) -> None:
    """Store the stamps of files whose content was found unchanged."""
    meta = {**meta, "stamps": stamps, "built_ns": time.time_ns()}
    try:
        con = sqlite3.connect(path)
        with con:
            con.execute("UPDATE meta SET value = ? WHERE key = 'meta'", (json.dumps(meta),))
        con.close()
    except sqlite3.DatabaseError:
        pass


def info() -> dict:
    """The cache directory and the indexes in it (size, counts, sources).

    Returns
    -------
    dict
        ``{"directory", "indexes": [{"file", "bytes", "built", "directories",
        "entities", "links"}]}``.
    """
    directory = cache_dir()
    indexes = []
    for path in sorted(directory.glob("*.sqlite")) if directory.is_dir() else []:
        entry = {"file": path.name, "bytes": path.stat().st_size}
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                meta = json.loads(con.execute("SELECT value FROM meta WHERE key = 'meta'").fetchone()[0])
                entry["built"] = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(meta["built_ns"] / 1e9))
                entry["directories"] = meta.get("directories", [])
                entry["entities"] = con.execute("SELECT count(*) FROM entities").fetchone()[0]
                entry["links"] = con.execute("SELECT count(*) FROM links").fetchone()[0]
            finally:
                con.close()
        except (sqlite3.DatabaseError, TypeError, KeyError, ValueError):
            entry["error"] = "not a readable index"
        indexes.append(entry)
    return {"directory": str(directory), "indexes": indexes}


def clear() -> int:
    """Delete every index file, and what a build that was killed left; return how many indexes.

    A build writes ``.NAME.PID.tmp`` files (and side files after them)
    beside the index: those of a process that no longer runs are leftovers.
    """
    directory = cache_dir()
    count = 0
    for path in directory.glob("*.sqlite") if directory.is_dir() else []:
        path.unlink(missing_ok=True)
        count += 1
    for path in directory.glob(".*.sqlite.*.tmp*") if directory.is_dir() else []:
        pid = path.name.split(".sqlite.", 1)[1].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            path.unlink(missing_ok=True)
    return count


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True
