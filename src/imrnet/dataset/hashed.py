"""Links admitted with only the hashes of their ids and keys kept, for the common case: no repeat at all.

To find the same link id or the same link twice, the precise checker keeps
every link by id and by what it states (:class:`~imrnet.dataset.linkkeys.LinkKeys`):
two mappings of three million entries at a million entities, 400 MB at the
moment the load holds the most. A valid dataset repeats neither, so
:func:`admit_hashed` first admits the built links keeping only two 64-bit
hashes a link in arrays, and looks for a repeated hash once at the end
(numpy sorts them). A repeat -- or a false alarm, when two hashes collide --
or a record the precise path must read ends it: the caller goes on the
precise way, with the mappings, from where it stopped (see
:func:`imrnet.dataset.fastpath.admit`), so the messages are the same.

Examples
--------
>>> from imrnet.dataset.checker import Checker
>>> from imrnet.dataset.model import Entity, Link
>>> checker = Checker()
>>> checker.entities = {e: Entity(e, e.upper(), "person") for e in ("a", "b")}
>>> links = [Link("a~met~b", "a", "b", "met", "reported"), Link("b~met~a", "b", "a", "met", "reported")]
>>> admit_hashed(checker, links[:1]), len(checker.links)
(None, 1)
>>> checker.links.clear()
>>> admit_hashed(checker, links), len(checker.links)  # the same meeting twice: from the start, precisely
(0, 0)
"""

from __future__ import annotations

from array import array
from typing import Any

from imrnet.dataset.checker import Parsed
from imrnet.dataset.linkkeys import link_key

__all__ = ["admit_hashed"]

#: Hashes from which numpy looks for a repeat (a set of fewer costs nothing).
_NUMPY_FROM = 50_000


def admit_hashed(checker: Any, records: list) -> int | None:
    """Admit built links to ``checker`` while none needs the precise path and nothing repeats.

    Returns
    -------
    int or None
        ``None`` when every record was admitted; else the position of the
        first record the precise way must take, every record before it
        admitted (none when a hash repeated: 0).
    """
    from imrnet.dataset.fastpath import known_ends

    links = checker.links
    first = len(links)
    ids, keys = array("q"), array("q")
    stop = None
    for i, record in enumerate(records):
        if type(record) is Parsed or not known_ends(checker, record):
            stop = i
            break
        ids.append(hash(record.id))
        keys.append(hash(link_key(record)))
        links.append(record)
    if _repeats(ids) or _repeats(keys):
        del links[first:]
        return 0
    return stop


def _repeats(codes: array) -> bool:
    """Whether a hash occurs twice in ``codes``."""
    if len(codes) < _NUMPY_FROM:
        return len(set(codes)) != len(codes)
    import numpy as np

    ordered = np.sort(np.frombuffer(codes, dtype=np.int64))
    return bool((ordered[1:] == ordered[:-1]).any())
