"""Scoring every entity for ``imrnet search``, with rapidfuzz's batch scorers.

:func:`scan` gives the same scores as scoring each entity's fields one by
one (:func:`imrnet.queries.search._score`), but the fuzzy comparisons run
in rapidfuzz's compiled loops (:func:`rapidfuzz.process.extract`) over
flat lists of normalized names, and summaries are read only when fewer
than ``limit`` entities match by name (a summary hit ranks below any name
hit, so it could not be shown otherwise).

Examples
--------
>>> names = NameTable(["alexander ionov", "aleksandr ionov", "agmr"], [0, 0, 1], ["name", "alias", "name"])
>>> scan("ionov", names, lambda: {}, lambda n: True, limit=10)
{0: (93.0, 'name')}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["NameTable", "scan"]


@dataclass
class NameTable:
    """Every normalized name, alias and id, flat: ``owners[i]`` is the entity ``names[i]`` names.

    ``fields[i]`` is ``name``, ``alias`` or ``id``; each entity's rows come
    in that order, the order ties between its fields are broken in.
    """

    names: list[str]
    owners: list[int]
    fields: list[str]


def scan(query: str, table: NameTable, summaries: Callable[[], dict[int, str]],
         wanted: Callable[[int], bool], limit: int) -> dict[int, tuple[float, str]]:
    """Entity to ``(score, field)`` for every entity ``query`` matches.

    Parameters
    ----------
    query : str
        The normalized query.
    table : NameTable
    summaries : callable
        Returns entity to normalized summary; called only when fewer than
        ``limit`` entities match by name.
    wanted : callable
        Tells whether an entity may be listed (its type).
    limit : int
        How many results will be shown.
    """
    from rapidfuzz import fuzz, process

    from imrnet.queries.search import (
        SEARCH_TIERS, _FUZZY_MIN, _SUMMARY_MIN, _name_score, _summary_score,
    )

    fuzzy = {i: ratio for _, ratio, i in process.extract(
        query, table.names, scorer=fuzz.WRatio, score_cutoff=_FUZZY_MIN, limit=None)}
    spaced = " " + query
    best: dict[int, tuple[float, str]] = {}
    for i, (target, owner, field) in enumerate(zip(table.names, table.owners, table.fields)):
        score = _name_score(query, target, fuzzy.get(i, 0.0))
        if score > best.get(owner, (0.0,))[0] and wanted(owner):
            best[owner] = (score, field)
    if len(best) < limit and len(query) >= 3:
        texts = {n: text for n, text in summaries().items() if n not in best and text and wanted(n)}
        keys = list(texts)
        close = {keys[i] for _, _, i in process.extract(
            query, [texts[k] for k in keys], scorer=fuzz.partial_ratio,
            score_cutoff=_SUMMARY_MIN, limit=None)}
        for n, text in texts.items():
            if n in close or (" " + text).find(spaced) >= 0:
                score = _summary_score(query, text)
                if score > 0 and score <= SEARCH_TIERS["summary"][1]:
                    best[n] = (score, "summary")
    return best
