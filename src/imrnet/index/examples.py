"""The tiny example dataset, compiled into an index: for docstring examples of what reads one.

Examples
--------
>>> tiny_index().entities["agmr"].name
'Anti-Globalization Movement of Russia'
"""

from __future__ import annotations

__all__ = ["tiny_index"]


def tiny_index():
    """:func:`~imrnet.dataset.examples.tiny_dataset` written to a new index file, opened.

    Returns
    -------
    IndexedDataset
    """
    import pathlib
    import tempfile

    from imrnet.dataset.examples import tiny_dataset
    from imrnet.index.indexed import IndexedDataset
    from imrnet.index.store import write_index

    path = pathlib.Path(tempfile.mkdtemp()) / "index.sqlite"
    write_index(path, tiny_dataset(), {})
    return IndexedDataset(path)
