"""Questions about the network, answered as plain data.

Each module holds pure functions that take a :class:`~imrnet.model.Dataset`
(and names, options and a :class:`~imrnet.filters.LinkFilter`) and return a
``dict`` ready for JSON; the command line only prints them. Every result
carries ``"filters"``, the filter's :meth:`~imrnet.filters.LinkFilter.describe`,
so it says which links were counted.

================  ===========================================================
module            answers
================  ===========================================================
:mod:`.path`      shortest paths between two entities, hub-penalised
:mod:`.ego`       the neighbourhood of one entity
:mod:`.centrality`  the most central entities (NetworkX)
:mod:`.common`    entities tied to all of several entities (interlocks)
:mod:`.communities`  communities (Louvain, greedy modularity, label propagation)
:mod:`.stats`     counts, components, density, diameter, hubs
================  ===========================================================

Only :mod:`.centrality`, :mod:`.communities` and :mod:`.stats` import
NetworkX, and only when called.

Examples
--------
>>> from imrnet.model import Entity
>>> sorted([Entity("b", "beta", "person"), Entity("a", "Alpha", "person")], key=name_key)[0].id
'a'
"""

from __future__ import annotations

__all__ = ["name_key", "check_filter", "check_entity_types"]


def name_key(entity) -> tuple[str, str]:
    """Sort key of an entity (or ref dict): name without case, then id."""
    if isinstance(entity, dict):
        return (entity["name"].casefold(), entity["id"])
    return (entity.name.casefold(), entity.id)


def check_filter(link_filter):
    """The given filter, or the one that counts every link."""
    from imrnet.filters import ALL_LINKS

    return ALL_LINKS if link_filter is None else link_filter


def check_entity_types(values, option: str) -> frozenset[str] | None:
    """Validate entity type names (``None`` or empty: no restriction).

    Examples
    --------
    >>> sorted(check_entity_types(["person"], "--type"))
    ['person']
    >>> check_entity_types(["pope"], "--type")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown entity type 'pope' for --type; expected one of: person, organization, company, public_body, media, event
    """
    from imrnet.errors import UsageError
    from imrnet.vocab import ENTITY_TYPES

    if not values:
        return None
    if isinstance(values, str):
        values = [values]
    chosen = set()
    for value in values:
        text = value.strip() if isinstance(value, str) else value
        if text not in ENTITY_TYPES:
            raise UsageError(
                f"unknown entity type {value!r} for {option}; "
                f"expected one of: {', '.join(ENTITY_TYPES)}"
            )
        chosen.add(text)
    return frozenset(chosen)
