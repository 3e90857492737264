"""Write a dataset directory whole or not at all.

The files are written into a fresh hidden directory beside the target and
renamed into place once complete, so a failure (bad input, a full disk,
Ctrl-C) leaves the target as it was.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> root = Path(tempfile.mkdtemp())
>>> with dataset_directory(root / "out") as tmp:
...     _ = (tmp / "sources.jsonl").write_text("", encoding="utf-8")
>>> sorted(p.name for p in root.iterdir()), sorted(p.name for p in (root / "out").iterdir())
(['out'], ['sources.jsonl'])
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from imrnet.dataset.locations import FILES
from imrnet.errors import UsageError

__all__ = ["dataset_directory"]


def _check_target(out: Path, force: bool) -> bool:
    """Refuse a target that is not a free place for a dataset; True when it must be replaced."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"output {out} exists and is not a directory")
    if not out.absolute().parent.is_dir():
        raise UsageError(f"output {out}: directory {out.absolute().parent} not found")
    contents = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
    if not contents:
        return False
    if not force:
        raise UsageError(f"output directory {out} is not empty; give --force to replace the dataset in it")
    foreign = [name for name in contents if name not in FILES]
    if foreign:
        raise UsageError(f"refusing to replace {out}: it holds {foreign[0]!r}, which is not a dataset file")
    return True


@contextlib.contextmanager
def dataset_directory(out: Path, force: bool = False) -> Iterator[Path]:
    """Give a temporary directory to fill; it becomes ``out`` when the block ends well.

    Parameters
    ----------
    out : Path
        The dataset directory to create (or, with ``force``, to replace; it
        may then hold only dataset files).
    force : bool
        Replace a non-empty ``out``.

    Raises
    ------
    UsageError
        When ``out`` is a file, its parent is missing, or it is not empty
        (without ``force``) or holds other files.
    """
    replace = _check_target(out, force)
    parent = out.absolute().parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        if replace:
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=parent))
            os.replace(out, old / "dataset")
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            if out.is_dir():
                out.rmdir()
            os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
