"""The topology of a dataset as compact arrays (compressed sparse rows).

Entities and links are numbered in file order. Entity ``i``'s links are
entries ``offsets[i]`` to ``offsets[i + 1]`` of three parallel arrays:
``neighbours`` (the entity at the other end), ``links`` (the link's number)
and ``out`` (1 where ``i`` is the link's source, 0 where it is its target),
in file order. A link from an entity to itself has two entries in its row,
as it has two places in :attr:`imrnet.dataset.model.Dataset.links_by_entity`.
``entity_types``, ``link_types`` and ``link_statuses`` hold one byte a
record: the position of its value in :func:`vocabularies`.

The arrays are the bytes of :class:`array.array` of unsigned 32-bit
integers (``'I'``): a traversal slices them without building one Python
object per link.

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> ds = tiny_dataset()
>>> arrays = load(build(ds))
>>> ids = list(ds.entities)
>>> row = ids.index("agmr")
>>> [ids[j] for j in arrays["neighbours"][arrays["offsets"][row]:arrays["offsets"][row + 1]]]
['alexander-ionov', 'imr-congress']
"""

from __future__ import annotations

from array import array
from itertools import accumulate

from imrnet.dataset.model import Dataset

__all__ = ["ARRAYS", "BYTES", "build", "load", "vocabularies"]

#: The arrays of 32-bit integers.
ARRAYS = ("offsets", "neighbours", "links")
#: The arrays of one byte a record.
BYTES = ("out", "entity_types", "link_types", "link_statuses")


def vocabularies() -> dict[str, tuple[str, ...]]:
    """The values the byte codes stand for, by array.

    Examples
    --------
    >>> vocabularies()["link_statuses"]
    ('reported', 'alleged', 'disputed', 'planned')
    """
    from imrnet.dataset.vocab import ENTITY_TYPES, LINK_TYPES, STATUSES

    return {"entity_types": ENTITY_TYPES, "link_types": tuple(LINK_TYPES), "link_statuses": STATUSES}


#: Links from which :func:`build` places the entries with numpy rather than one by one.
NUMPY_FROM = 50_000


def build(dataset: Dataset) -> dict[str, bytes]:
    """The arrays of ``dataset``, as bytes by name."""
    vocab = vocabularies()
    number = {eid: i for i, eid in enumerate(dataset.entities)}
    links = dataset.links
    sources = array("I", [number[link.source] for link in links])
    targets = array("I", [number[link.target] for link in links])
    place = _place_numpy if len(links) >= NUMPY_FROM else _place
    offsets, neighbours, numbers, out = place(sources, targets, len(number))
    codes = {name: {v: i for i, v in enumerate(values)} for name, values in vocab.items()}
    return {
        "offsets": offsets,
        "neighbours": neighbours,
        "links": numbers,
        "out": out,
        "entity_types": bytes(codes["entity_types"][e.type] for e in dataset.entities.values()),
        "link_types": bytes(codes["link_types"][link.type] for link in links),
        "link_statuses": bytes(codes["link_statuses"][link.status] for link in links),
    }


def _place(sources: array, targets: array, entities: int) -> tuple[bytes, bytes, bytes, bytes]:
    """Offsets, neighbours, link numbers and directions: each link's two entries placed in turn.

    Examples
    --------
    >>> [list(array("I", part)) for part in _place(array("I", [0, 1]), array("I", [1, 1]), 2)[:3]]
    [[0, 1, 4], [1, 0, 1, 1], [0, 0, 1, 1]]
    """
    degree = array("I", bytes(4 * entities))
    for i in sources:
        degree[i] += 1
    for i in targets:
        degree[i] += 1
    offsets = array("I", [0, *accumulate(degree)])
    size = offsets[-1]
    neighbours = array("I", bytes(4 * size))
    numbers = array("I", bytes(4 * size))
    out = bytearray(size)
    place = offsets[:-1]
    for k, (s, t) in enumerate(zip(sources, targets)):
        p = place[s]
        neighbours[p], numbers[p], out[p] = t, k, 1
        place[s] = p + 1
        p = place[t]
        neighbours[p], numbers[p] = s, k
        place[t] = p + 1
    return offsets.tobytes(), neighbours.tobytes(), numbers.tobytes(), bytes(out)


def _place_numpy(sources: array, targets: array, entities: int) -> tuple[bytes, bytes, bytes, bytes]:
    """What :func:`_place` gives, with numpy: the entries in the order it places them, sorted stably by row.

    Examples
    --------
    >>> args = array("I", [0, 1, 2, 2]), array("I", [1, 1, 0, 1]), 3
    >>> _place_numpy(*args) == _place(*args)
    True
    """
    import numpy as np

    src = np.frombuffer(sources, dtype=np.uint32)
    tgt = np.frombuffer(targets, dtype=np.uint32)
    count = len(src)
    rows = np.empty(2 * count, dtype=np.uint32)
    rows[0::2], rows[1::2] = src, tgt  # link k's entry in its source's row, then in its target's
    order = np.argsort(rows, kind="stable")
    others = np.empty(2 * count, dtype=np.uint32)
    others[0::2], others[1::2] = tgt, src
    direction = np.zeros(2 * count, dtype=np.uint8)
    direction[0::2] = 1
    offsets = np.zeros(entities + 1, dtype=np.uint32)
    offsets[1:] = np.cumsum(np.bincount(rows, minlength=entities))
    numbers = (order >> 1).astype(np.uint32)
    return (offsets.astype(np.dtype("I")).tobytes(), others[order].astype(np.dtype("I")).tobytes(),
            numbers.astype(np.dtype("I")).tobytes(), direction[order].tobytes())


def load(blobs: dict[str, bytes]) -> dict:
    """The arrays back from :func:`build`'s bytes (integers as :class:`array.array`)."""
    out = {}
    for name in ARRAYS:
        values = array("I")
        values.frombytes(blobs[name])
        out[name] = values
    for name in BYTES:
        out[name] = blobs[name]
    return out
