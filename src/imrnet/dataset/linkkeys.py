"""The links so far by what they state, to find the same link given twice.

Two links state the same when they join the same pair of entities (in
either order, for a symmetric type) with the same type, dates, role and
amount: :meth:`imrnet.dataset.checker.Checker.link` reports the second.

Examples
--------
>>> keys = LinkKeys()
>>> link = Link("a~met~b", "a", "b", "met", "reported")
>>> keys[link_key(link)] = link
>>> keys[(("a", "b"), "met", None, None, None, None, None)] is link, ("x",) in keys
(True, False)
"""

from __future__ import annotations

from typing import Any

from imrnet.dataset.model import Link
from imrnet.dataset.vocab import LINK_TYPES

__all__ = ["LinkKeys", "link_key"]

_SYMMETRIC = frozenset(name for name, kind in LINK_TYPES.items() if kind.symmetric)


def link_key(link: Link) -> tuple:
    """What a link states, as :meth:`Checker.link` compares links to find the same link twice."""
    pair = (link.source, link.target)
    if link.type in _SYMMETRIC:
        pair = tuple(sorted(pair))
    return pair, link.type, link.start, link.end, link.role, link.amount, link.currency


class LinkKeys:
    """Links by what they state (:func:`link_key`), for :meth:`Checker.link` to find the same link twice.

    A mapping of ``key in keys``, ``keys[key]`` and ``keys[key] = link``,
    which keeps each link under the hash of its key rather than the key
    itself: at three million links, the key tuples alone took 600 MB.

    Examples
    --------
    >>> keys = LinkKeys()
    >>> keys.find(("x",), hash(("x",))) is None
    True
    """

    def __init__(self) -> None:
        self._links: dict[int, Any] = {}  # a hash to its link, or to a list of links when hashes collide

    def find(self, key: tuple, code: int) -> Link | None:
        """The link stating ``key`` (whose hash is ``code``), or ``None``."""
        found = self._links.get(code)
        if found is None:
            return None
        for link in found if type(found) is list else (found,):
            if link_key(link) == key:
                return link
        return None

    def put(self, link: Link, code: int) -> None:
        """Keep ``link``, whose key's hash is ``code``."""
        found = self._links.get(code)
        self._links[code] = link if found is None else [*found, link] if type(found) is list else [found, link]

    def __contains__(self, key: tuple) -> bool:
        return self.find(key, hash(key)) is not None

    def __getitem__(self, key: tuple) -> Link:
        found = self.find(key, hash(key))
        if found is None:
            raise KeyError(key)
        return found

    def __setitem__(self, key: tuple, link: Link) -> None:  # key is link_key(link)
        self.put(link, hash(key))
