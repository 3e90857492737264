"""The sources and what each one supports (``imrnet sources``).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> list_sources(tiny_dataset())["count"]
2
"""

from __future__ import annotations

from imrnet.dataset.accounts import fact_count
from imrnet.errors import UsageError
from imrnet.dataset.model import Dataset

__all__ = ['list_sources', 'source_detail', 'sources']



def _citers(dataset: Dataset) -> dict[str, tuple[list, list]]:
    index: dict[str, tuple[list, list]] = {sid: ([], []) for sid in dataset.sources}
    for entity in dataset.entities.values():
        for sid in dict.fromkeys(c.id for c in entity.sources):
            index.setdefault(sid, ([], []))[0].append(entity)
    for link in dataset.links:
        for sid in dict.fromkeys(c.id for c in link.sources):
            index.setdefault(sid, ([], []))[1].append(link)
    return index


def list_sources(dataset: Dataset) -> dict:
    """Every source, in file order, with how many entities and links cite it.

    Returns
    -------
    dict
        ``{"count": n, "sources": [{**Source.as_dict(), "counts":
        {"entities": k, "links": m}}]}``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> [(s["id"], s["counts"]) for s in list_sources(tiny_dataset())["sources"]]
    [('wiki-ionov', {'entities': 2, 'links': 1}), ('imr-article', {'entities': 2, 'links': 1})]
    """
    index = _citers(dataset)
    rows = []
    for sid, source in dataset.sources.items():
        ents, links = index.get(sid, ([], []))
        rows.append({**source.as_dict(), "counts": {"entities": len(ents), "links": fact_count(links)}})
    return {"count": len(rows), "sources": rows}


def source_detail(dataset: Dataset, source_id: str) -> dict:
    """One source and what it supports.

    Parameters
    ----------
    dataset : Dataset
    source_id : str
        The source's id (surrounding spaces and case are forgiven).

    Returns
    -------
    dict
        ``{"source": Source.as_dict(), "counts": {"entities": k, "links":
        m}, "entities": [{"id", "name", "type", "locators"}], "links":
        [Link.as_dict()]}``, entities and links in file order; ``locators``
        lists the locators the entity's citations give.

    Raises
    ------
    UsageError
        When no source has this id (with the nearest ids).

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> detail = source_detail(tiny_dataset(), "imr-article")
    >>> detail["counts"], detail["entities"][0]
    ({'entities': 2, 'links': 1}, {'id': 'agmr', 'name': 'Anti-Globalization Movement of Russia', 'type': 'organization', 'locators': ['p. 2']})
    >>> source_detail(tiny_dataset(), "imr-artcle")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown source 'imr-artcle'; did you mean: imr-article?
    """
    if not isinstance(source_id, str) or not source_id.strip():
        raise UsageError("empty source id: give a source id (see 'imrnet sources')")
    sid = source_id.strip()
    if sid not in dataset.sources:
        sid = sid.casefold()
    if sid not in dataset.sources:
        from rapidfuzz import fuzz, process

        near = process.extract(sid, list(dataset.sources), scorer=fuzz.WRatio, limit=3, score_cutoff=70)
        hint = f"; did you mean: {', '.join(n[0] for n in near)}?" if near else " (see 'imrnet sources')"
        raise UsageError(f"unknown source {source_id!r}{hint}")
    ents, links = _citers(dataset).get(sid, ([], []))
    entities = [
        {**e.ref(), "locators": [c.locator for c in e.sources if c.id == sid and c.locator]}
        for e in ents
    ]
    return {
        "source": dataset.sources[sid].as_dict(),
        "counts": {"entities": len(ents), "links": fact_count(links)},
        "entities": entities,
        "links": [link.as_dict(dataset.entities) for link in links],
    }


def sources(dataset: Dataset, source_id: str | None = None) -> dict:
    """:func:`list_sources` without an id, :func:`source_detail` with one.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> sources(tiny_dataset())["count"], sources(tiny_dataset(), "wiki-ionov")["source"]["publisher"]
    (2, 'Wikipedia')
    """
    if source_id is None:
        return list_sources(dataset)
    return source_detail(dataset, source_id)
