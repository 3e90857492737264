"""Writing outputs safely: atomic replacement, never over an input data file.

Each file is written to a temporary file in its target directory, then
renamed over the target (:func:`os.replace`), so a reader never sees half a
file and a failure leaves the old one in place.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_file(d / "g.dot", "digraph {}\\n", protected=[d / "links.yaml"])
>>> (d / "g.dot").read_text()
'digraph {}\\n'
>>> write_file(d / "links.yaml", "x", protected=[d / "links.yaml"])
Traceback (most recent call last):
...
imrnet.errors.UsageError: refusing to overwrite input data file ...links.yaml
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from imrnet.errors import UsageError

__all__ = ["write_file", "write_files", "check_target"]


def check_target(path: Path, protected: Iterable[Path]) -> None:
    """Refuse ``path`` when it is (or links to) one of the ``protected`` files."""
    target = Path(path).resolve()
    for item in protected:
        if Path(item).resolve() == target:
            raise UsageError(f"refusing to overwrite input data file {path}")
    if target.is_dir():
        raise UsageError(f"{path} is a directory; give a file name")


def write_file(path: Path, data: str | bytes, protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` atomically (text as UTF-8).

    Raises
    ------
    UsageError
        ``path`` is an input data file, a directory, or cannot be written.
    """
    path = Path(path)
    check_target(path, list(protected))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def write_files(directory: Path, files: dict[str, str], protected: Iterable[Path] = ()) -> list[Path]:
    """Write several files into ``directory`` (created if missing), each atomically.

    Every target is checked before the first is written.
    """
    directory = Path(directory)
    protected = list(protected)
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file; this format writes a directory of files")
    targets = [directory / name for name in files]
    for target in targets:
        check_target(target, protected)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"cannot create {directory}: {err.strerror}") from None
    for target, text in zip(targets, files.values()):
        write_file(target, text, protected)
    return targets
