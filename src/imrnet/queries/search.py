"""Fuzzy search over entity names, aliases and summaries (``imrnet search``).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> [r["id"] for r in search(tiny_dataset(), "Ионов")["results"]]
['alexander-ionov', 'agmr']
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.inputs import entity_types, typed_text, whole_number
from imrnet.dataset.model import Dataset

__all__ = ['SEARCH_TIERS', 'search', 'search_fields', 'name_table']

#: Score tiers of :func:`search`, best first; the ranges do not overlap, so
#: an exact or prefix name hit always ranks above a fuzzy one, and any name
#: hit above a summary hit.
SEARCH_TIERS = {
    "exact": (100.0, 100.0),
    "prefix": (90.0, 99.0),
    "fuzzy": (62.3, 89.0),
    "summary": (54.0, 60.0),
}
_FUZZY_MIN = 70  # WRatio below this is not a name hit
_SUMMARY_MIN = 90  # partial_ratio below this is not a summary hit




def _name_score(query: str, target: str, ratio: float | None = None) -> float:
    """Score a normalized name against a normalized query (see :func:`search`).

    ``ratio`` is the name's rapidfuzz ``WRatio`` when a batch scorer already
    computed it (0 below the fuzzy threshold); else it is computed here.
    """
    if not target:
        return 0.0
    if target == query:
        return 100.0
    if (" " + target).find(" " + query) >= 0:
        return 90.0 + 9.0 * len(query) / len(target)
    if ratio is None:
        from rapidfuzz import fuzz

        ratio = fuzz.WRatio(query, target)
    return 0.89 * ratio if ratio >= _FUZZY_MIN else 0.0


def _summary_score(query: str, summary: str) -> float:
    if not summary or len(query) < 3:
        return 0.0
    if (" " + summary).find(" " + query) >= 0:
        return 60.0
    from rapidfuzz import fuzz

    ratio = fuzz.partial_ratio(query, summary)
    return 0.6 * ratio if ratio >= _SUMMARY_MIN else 0.0


def search(
    dataset: Dataset,
    text: str,
    limit: int = 10,
    types: Iterable[str] | None = None,
) -> dict:
    """Ranked fuzzy search over names, aliases, ids and summaries.

    Query and fields are compared after :func:`imrnet.queries.names.normalize`
    (script, case, punctuation and transliteration variants do not
    matter). Each entity scores its best field, on a 0–100 scale in tiers
    that do not overlap:

    * 100: the query is the whole name, an alias or the id;
    * 90–99: the query starts the name or alias, or one of its words
      (more of the name covered scores higher);
    * 62–89: a fuzzy name or alias hit (0.89 × rapidfuzz ``WRatio``, when
      ``WRatio`` ≥ 70);
    * 54–60: the summary holds the query, at a word start (60) or nearly
      (0.6 × ``partial_ratio``, when ≥ 90; queries of three letters or more).

    Ties go to the name, then alias, id and summary; results are ordered by
    score, then name, then id.

    Parameters
    ----------
    dataset : Dataset
    text : str
        The query.
    limit : int
        Most results returned (at least 1).
    types : iterable of str, optional
        Entity types to keep (see :data:`imrnet.dataset.vocab.ENTITY_TYPES`).

    Returns
    -------
    dict
        ``{"query": text, "results": [{"id", "name", "type", "score",
        "matched"}]}`` where ``matched`` is ``"name"``, ``"alias"``,
        ``"id"`` or ``"summary"`` and ``score`` has one decimal.

    Raises
    ------
    UsageError
        Empty query (no letter or digit), ``limit`` < 1 or an unknown type.
    NoAnswer
        When nothing matches.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> ds = tiny_dataset()
    >>> search(ds, "Ionov")["results"][0]
    {'id': 'alexander-ionov', 'name': 'Alexander Ionov', 'type': 'person', 'score': 93.0, 'matched': 'name'}
    >>> search(ds, "agmr")["results"][0]["matched"]
    'alias'
    >>> search(ds, "Ionov", types=["organization"])["results"][0]["matched"]
    'summary'
    >>> search(ds, "zzzz")
    Traceback (most recent call last):
    ...
    imrnet.errors.NoAnswer: nothing matches 'zzzz'
    """
    from imrnet.queries.names import normalize

    if not isinstance(text, str):
        raise UsageError("search text must be a string")
    query = normalize(typed_text(text, "search text"))
    if not query:
        raise UsageError(f"empty search text {text!r}: give a name, an alias or a word")
    limit = whole_number(limit, "--limit", 1)
    wanted = entity_types(types, "--type")
    scored = _scored(dataset, query, limit, wanted)
    if not scored:
        raise NoAnswer(f"nothing matches {text!r}", empty={"query": text, "results": []})
    scored.sort(key=lambda row: (-row[0], row[1].name.casefold(), row[1].id))
    results = [
        {**entity.ref(), "score": round(score, 1), "matched": matched}
        for score, entity, matched in scored[:limit]
    ]
    return {"query": text, "results": results}


def search_fields(entity) -> list[list[str]]:
    """The fields :func:`search` reads, normalized: ``[field, text]`` pairs in scoring order.

    Name, aliases and id, then the summary when there is one. A compiled
    index stores them, so a search on a large dataset normalizes only the
    query.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> search_fields(tiny_dataset().entities["agmr"])[:3]
    [['name', 'anti globalization movement of russia'], ['alias', 'agmr'], ['alias', 'agmr']]
    """
    from imrnet.queries.names import normalize

    fields = _name_fields(entity)
    if entity.summary:
        fields.append(["summary", normalize(entity.summary)])
    return fields


def _name_fields(entity) -> list[list[str]]:
    from imrnet.queries.names import normalize

    fields = [["name", normalize(entity.name)]]
    fields += [["alias", normalize(alias)] for alias in entity.aliases]
    fields.append(["id", normalize(entity.id)])
    return fields


def _score(query: str, fields: list) -> tuple[float, str | None]:
    """An entity's best score over its fields, and the field that gave it."""
    best, matched, summary = 0.0, None, None
    for field_name, value in fields:
        if field_name == "summary":
            summary = value
            continue
        score = _name_score(query, value)
        if score > best:
            best, matched = score, field_name
    if best < SEARCH_TIERS["summary"][1] and summary:
        score = _summary_score(query, summary)
        if score > best:
            best, matched = score, "summary"
    return best, matched


def _scored(dataset, query: str, limit: int, wanted) -> list[tuple[float, object, str]]:
    """``(score, entity, field)`` for the entities that match, best ones certainly included.

    On a compiled index the entities whose names hold the query at a word
    start are read first (a word-prefix lookup); when at least ``limit`` of
    them score in the exact or prefix tiers, no other entity can rank
    among the first ``limit`` (fuzzy and summary hits score lower), and the
    rest is never read. Otherwise every entity is scored
    (:func:`imrnet.queries.search_scan.scan`).
    """
    from imrnet.queries.search_scan import scan

    if getattr(dataset, "search_rows", None) is None:
        entities = list(dataset.entities.values())
        table = name_table(entities)
        best = scan(query, table, lambda: _summaries(enumerate(entities)),
                    lambda n: not wanted or entities[n].type in wanted, limit)
        return [(score, entities[n], field) for n, (score, field) in best.items()]
    from imrnet.index.csr import vocabularies

    kinds = dataset.entity_types()
    names = vocabularies()["entity_types"]

    def listed(n: int) -> bool:
        return not wanted or names[kinds[n]] in wanted

    best = {}
    for n, fields in dataset.search_rows(dataset.word_prefix(query)):
        score, matched = _score(query, fields) if listed(n) else (0.0, None)
        if matched is not None:
            best[n] = (score, matched)
    if sum(1 for score, _ in best.values() if score >= SEARCH_TIERS["prefix"][0]) < limit:
        def summaries() -> dict[int, str]:
            return {n: f[-1][1] for n, f in dataset.search_rows() if f[-1][0] == "summary"}

        best = scan(query, dataset.search_names(), summaries, listed, limit)
    return _first(dataset, best, limit)


def _first(dataset, best: dict[int, tuple[float, str]], limit: int) -> list[tuple[float, object, str]]:
    """The ``limit`` best of ``best`` (entity number to score and field), in :func:`search`'s
    order, with their records; only the names of those tied at the cut are read to order them."""
    ranked = sorted(best, key=lambda n: -best[n][0])
    if len(ranked) > limit:
        cut = best[ranked[limit - 1]][0]
        ranked = [n for n in ranked if best[n][0] >= cut]
    names = dataset.entity_names(ranked)
    ranked.sort(key=lambda n: (-best[n][0], names[n][0].casefold(), names[n][1]))
    chosen = ranked[:limit]
    records = dataset.entities.by_number(chosen)
    return [(best[n][0], entity, best[n][1]) for n, entity in zip(chosen, records)]


def name_table(entities) -> "NameTable":
    """The normalized names, aliases and ids of ``entities`` (a list), as one flat table."""
    from imrnet.queries.search_scan import NameTable

    table = NameTable([], [], [])
    for n, entity in enumerate(entities):
        for field, value in _name_fields(entity):
            table.names.append(value)
            table.owners.append(n)
            table.fields.append(field)
    return table


def _summaries(numbered) -> dict[int, str]:
    from imrnet.queries.names import normalize

    return {n: normalize(entity.summary) for n, entity in numbered if entity.summary}
