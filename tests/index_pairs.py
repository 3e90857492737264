"""One dataset two ways, the records and their compiled index, and the check that both answer alike.

Used by ``tests/test_index_answers.py`` (queries that traverse the index)
and ``tests/test_index_measures.py`` (the heavy measures built from its
arrays).
"""

from pathlib import Path

from imrnet.errors import ImrnetError
from imrnet.index.indexed import IndexedDataset
from imrnet.index.store import write_index


def indexed_pair(records, directory: Path) -> tuple:
    """``(records, the same read back from an index file written in directory)``."""
    path = Path(directory) / "index.sqlite"
    write_index(path, records, {})
    return records, IndexedDataset(path)


def both(pair, func, *args, **kwargs):
    """``func`` on each dataset of ``pair``: the answers (or the errors) must be equal; the answer."""
    answers = []
    for dataset in pair:
        try:
            answers.append(func(dataset, *args, **kwargs))
        except ImrnetError as error:  # an empty answer or a usage error: the same one
            answers.append((type(error).__name__, str(error), getattr(error, "empty", None)))
    assert answers[0] == answers[1]
    return answers[0]
