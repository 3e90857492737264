"""Competing accounts of one fact: links that share ``account_of``.

Where documents disagree on a detail (when Ionov began to lead AGMR, how
much was paid), the curator records each reading as its own link and gives
them one ``account_of`` slug. Such a group is **one fact**: answers show its
accounts together and mark them, and every count counts the group once, as
its best-established account (reported, then alleged, disputed, planned;
file order among equals).

Examples
--------
>>> from imrnet.dataset.model import Link
>>> a = Link("a", "x", "y", "leads", "reported", start="2012", account_of="lead")
>>> b = Link("b", "x", "y", "funds", "reported")
>>> c = Link("c", "x", "y", "leads", "disputed", start="2011", account_of="lead")
>>> [link.id for link in together([a, b, c])]
['a', 'c', 'b']
>>> accounts([a, b, c]), fact_count([a, b, c])
({'lead': ['a', 'c']}, 2)
>>> [link.id for link in facts([c, b, a])]
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from imrnet.dataset.vocab import STATUSES

__all__ = ["account_key", "together", "accounts", "best_account", "facts", "fact_count"]

T = TypeVar("T")


def account_key(link) -> str | None:
    """The group slug of a link (a :class:`Link` or its JSON dict), ``None`` alone."""
    return link.get("account_of") if isinstance(link, dict) else link.account_of


def _id(link) -> str:
    return link["id"] if isinstance(link, dict) else link.id


def _status(link) -> str:
    return link["status"] if isinstance(link, dict) else link.status


def _placed(links: list, pick) -> list:
    """``links`` with each group replaced, at its first account's place, by ``pick(group)``."""
    groups: dict[str, list] = {}
    for link in links:
        key = account_key(link)
        if key:
            groups.setdefault(key, []).append(link)
    out, placed = [], set()
    for link in links:
        key = account_key(link)
        if not key:
            out.append(link)
        elif key not in placed:
            placed.add(key)
            out.extend(pick(groups[key]))
    return out


def together(links: Iterable[T]) -> list[T]:
    """The links in their order, each group's accounts moved up to its first one."""
    return _placed(list(links), lambda group: group)


def accounts(links: Iterable) -> dict[str, list[str]]:
    """``{slug: [link ids]}`` for each group with two or more accounts among ``links``."""
    groups: dict[str, list[str]] = {}
    for link in links:
        key = account_key(link)
        if key:
            groups.setdefault(key, []).append(_id(link))
    return {key: ids for key, ids in groups.items() if len(ids) > 1}


#: Statuses from the best-established (``reported``) down.
_RANK = {status: i for i, status in enumerate(STATUSES)}


def best_account(group: list[T], status=_status) -> T:
    """The best-established account of a group (the first of equals); ``status(account)`` gives its status.

    Examples
    --------
    >>> best_account([{"id": "a", "status": "alleged"}, {"id": "b", "status": "reported"}])["id"]
    'b'
    """
    return min(group, key=lambda account: _RANK.get(status(account), len(_RANK)))


def facts(links: Iterable[T]) -> list[T]:
    """One link per fact: a group of accounts becomes its best-established account.

    The representative stands where the group's first account stood.
    """
    return _placed(list(links), lambda group: [best_account(group)])


def fact_count(links: Iterable) -> int:
    """How many facts ``links`` tell: a group of competing accounts counts once."""
    links = list(links)
    return len(links) - sum(len(ids) - 1 for ids in accounts(links).values())
