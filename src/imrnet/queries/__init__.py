"""Questions about the network, answered as plain data.

Each module holds pure functions that take a :class:`~imrnet.dataset.model.Dataset`
(and names, options and a :class:`~imrnet.queries.filters.LinkFilter`) and return a
``dict`` ready for JSON; the command line only prints them. Every result
carries ``"filters"``, the filter's :meth:`~imrnet.queries.filters.LinkFilter.describe`,
so it says which links were counted.

================  ===========================================================
module            answers
================  ===========================================================
:mod:`.path`      shortest paths between two entities, hub-penalised
:mod:`.ego`       the neighbourhood of one entity
:mod:`.centrality`  the most central entities (NetworkX's measures, igraph)
:mod:`.common`    entities tied to all of several entities (interlocks)
:mod:`.communities`  communities (Louvain, greedy modularity, label propagation)
:mod:`.stats`     counts, components, density, diameter, hubs
================  ===========================================================

Only :mod:`.centrality`, :mod:`.communities` and :mod:`.stats` import
igraph (and NetworkX for label propagation), and only when called.

Examples
--------
>>> from imrnet.dataset.model import Entity
>>> sorted([Entity("b", "beta", "person"), Entity("a", "Alpha", "person")], key=name_key)[0].id
'a'
"""

from __future__ import annotations

__all__ = ["name_key"]


def name_key(entity) -> tuple[str, str]:
    """Sort key of an entity (or ref dict): name without case, then id."""
    if isinstance(entity, dict):
        return (entity["name"].casefold(), entity["id"])
    return (entity.name.casefold(), entity.id)
