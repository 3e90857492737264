"""Where datasets are: the bundled one, ``--data`` and ``IMRNET_DATA``.

The word ``bundled`` names the dataset shipped inside the package; any other
entry is a directory holding some of ``sources``, ``entities`` and ``links``,
each as YAML (``sources.yaml``, hand-kept) or JSON Lines (``sources.jsonl``,
for size), never both.

Examples
--------
>>> [p.name for p in data_dirs(["bundled"])]
['data']
>>> data_dirs([], env="") == data_dirs(["bundled"])
True
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from imrnet.errors import UsageError

__all__ = [
    "BUNDLED", "ENV_VAR", "FILES", "KINDS", "FORMATS", "bundled_dir", "data_dirs", "dataset_files",
    "display_path",
]

BUNDLED = "bundled"
ENV_VAR = "IMRNET_DATA"
#: The three kinds of record, in loading order.
KINDS = ("sources", "entities", "links")
#: The formats a kind may be kept in: YAML for hand-kept data, JSON Lines for size.
FORMATS = (".yaml", ".jsonl")
#: The files a dataset directory may hold, in loading order.
FILES = tuple(kind + suffix for kind in KINDS for suffix in FORMATS)


def bundled_dir() -> Path:
    """Return the directory of the dataset shipped with imrnet.

    An installed wheel carries it as ``imrnet/data``; a source checkout
    (and an editable install) reads the repository's ``data/`` directory.
    """
    packaged = Path(str(files("imrnet") / "data"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def data_dirs(options: list[str] | None, env: str | None = None) -> list[Path]:
    """Choose the dataset directories, in merge order.

    Parameters
    ----------
    options : list of str or None
        ``--data`` values; they win over the environment when given.
    env : str or None
        The value of ``IMRNET_DATA`` (paths joined by ``os.pathsep``); read
        from the environment when ``None``.

    Returns
    -------
    list of Path
        Existing directories; ``bundled`` becomes :func:`bundled_dir`.

    Raises
    ------
    UsageError
        When an entry is not a directory.
    """
    if env is None:
        env = os.environ.get(ENV_VAR, "")
    entries = list(options or []) or [e for e in env.split(os.pathsep) if e.strip()]
    if not entries:
        entries = [BUNDLED]
    dirs: list[Path] = []
    for entry in entries:
        if not entry.strip():
            raise UsageError("empty data directory name: give a path or 'bundled'")
        path = bundled_dir() if entry.strip() == BUNDLED else Path(entry).expanduser()
        if not path.is_dir():
            raise UsageError(f"data directory not found: {entry}")
        # The same directory named twice is read once.
        if all(path.resolve() != seen.resolve() for seen in dirs):
            dirs.append(path)
    return dirs


def dataset_files(directory: Path) -> tuple[dict[str, Path], list[str]]:
    """Find the dataset files of one directory.

    Returns
    -------
    found : dict
        Kind (``sources``, ``entities``, ``links``) to its file, in loading
        order, for each kind kept in exactly one format.
    both : list of str
        The kinds present both as ``.yaml`` and ``.jsonl`` (an error: which
        one holds the data?).

    Examples
    --------
    >>> found, both = dataset_files(bundled_dir())
    >>> [p.name for p in found.values()], both
    (['sources.yaml', 'entities.yaml', 'links.yaml'], [])
    """
    found: dict[str, Path] = {}
    both: list[str] = []
    for kind in KINDS:
        present = [directory / (kind + suffix) for suffix in FORMATS if (directory / (kind + suffix)).is_file()]
        if len(present) > 1:
            both.append(kind)
        elif present:
            found[kind] = present[0]
    return found, both


def display_path(path: Path) -> str:
    """Show a path relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
