"""Counts of a dataset by entity type, link type and status.

Examples
--------
>>> from imrnet.dataset.loader import load
>>> c = dataset_counts(load())
>>> c["entities"] == sum(c["entity_types"].values())
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from imrnet.dataset.accounts import accounts, facts
from imrnet.dataset.model import Dataset, Link
from imrnet.dataset.vocab import ENTITY_TYPES, LINK_TYPES, STATUSES

__all__ = ["dataset_counts"]


def dataset_counts(
    dataset: Dataset, links: Iterable[Link] | None = None, *, every: bool = False
) -> dict:
    """Count sources, entities by type, and links by type and by status.

    Parameters
    ----------
    dataset : Dataset
    links : iterable of Link, optional
        The links to count (say, those passing a filter); all by default.
    every : bool
        List every entity type and status, zeros included (link types
        still only as present).

    Returns
    -------
    dict
        ``{"sources", "entities", "links", "account_groups", "entity_types",
        "link_types", "statuses"}``; the breakdowns are in vocabulary order
        and list only kinds present unless ``every``. Links are counted as
        facts: the competing accounts of one fact (``account_of``) count
        once, as their best-established account
        (:mod:`imrnet.dataset.accounts`); ``account_groups`` says how many
        such groups there are.
    """
    every_link = list(dataset.links if links is None else links)
    links = facts(every_link)
    types = Counter(e.type for e in dataset.entities.values())
    link_types = Counter(link.type for link in links)
    statuses = Counter(link.status for link in links)
    return {
        "sources": len(dataset.sources),
        "entities": len(dataset.entities),
        "links": len(links),
        "account_groups": len(accounts(every_link)),
        "entity_types": {t: types[t] for t in ENTITY_TYPES if every or types[t]},
        "link_types": {t: link_types[t] for t in LINK_TYPES if link_types[t]},
        "statuses": {s: statuses[s] for s in STATUSES if every or statuses[s]},
    }
