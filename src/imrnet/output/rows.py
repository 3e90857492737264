"""Flat rows of the listing commands, for ``--csv`` and ``--tsv``.

Each builder takes the plain result of a listing command and yields the
header row, then one row per record; columns are named after the JSON
fields (``link_type`` for a link's ``type``, since a spreadsheet importer
such as Gephi's reads a ``type`` column as the edge's direction). Citations
are ``id (locator)``, joined with ``"; "``.

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.queries.records import list_entities
>>> list(list_rows(list_entities(tiny_dataset(), types=["organization"])))
[['id', 'name', 'type', 'country', 'tags'], ['agmr', 'Anti-Globalization Movement of Russia', 'organization', ['RU'], ['ionov-network']]]
"""

from __future__ import annotations

from collections.abc import Iterator

from imrnet.output.render import sources_text

__all__ = ["LINK_COLUMNS", "list_rows", "links_rows", "search_rows", "timeline_rows", "sources_rows"]

#: The columns of a link row, in order.
LINK_COLUMNS = [
    "id", "source", "source_name", "target", "target_name", "link_type", "label", "kind",
    "symmetric", "status", "start", "end", "role", "amount", "currency", "account_of",
    "summary", "sources", "origin",
]


def _link_row(link: dict) -> list:
    fields = {**link, "link_type": link["type"], "sources": sources_text(link["sources"], "; ")}
    return [fields.get(column) for column in LINK_COLUMNS]


def list_rows(result: dict) -> Iterator[list]:
    """``list``: one row per entity."""
    yield ["id", "name", "type", "country", "tags"]
    for entity in result["entities"]:
        yield [entity["id"], entity["name"], entity["type"], entity["country"], entity["tags"]]


def links_rows(result: dict) -> Iterator[list]:
    """``links``: one row per link (every account of a fact, marked by ``account_of``).

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.queries.records import list_links
    >>> header, first = list(links_rows(list_links(tiny_dataset())))[:2]
    >>> dict(zip(header, first))["source_name"], dict(zip(header, first))["sources"]
    ('Alexander Ionov', 'wiki-ionov')
    """
    yield list(LINK_COLUMNS)
    for link in result["links"]:
        yield _link_row(link)


def search_rows(result: dict) -> Iterator[list]:
    """``search``: one row per hit, best first."""
    yield ["id", "name", "type", "score", "matched"]
    for hit in result["results"]:
        yield [hit["id"], hit["name"], hit["type"], f"{hit['score']:.1f}", hit["matched"]]


def timeline_rows(result: dict) -> Iterator[list]:
    """``timeline``: one row per item; an event fills ``name`` and ``place``."""
    yield ["date", "item", *LINK_COLUMNS, "name", "place"]
    for item in result["items"]:
        if item["item"] == "event":
            row = [None] * len(LINK_COLUMNS)
            row[0] = item["id"]
            row[LINK_COLUMNS.index("summary")] = item.get("summary")
            row[LINK_COLUMNS.index("origin")] = item.get("origin")
            yield [item["date"], "event", *row, item["name"], item.get("place")]
        else:
            yield [item["date"], "link", *_link_row(item), None, None]


def sources_rows(result: dict) -> Iterator[list]:
    """``sources``: one row per source; for one source, one row per record citing it."""
    if "sources" in result:
        yield ["id", "title", "publisher", "date", "url", "authors", "note", "cited_in", "origin",
               "entities", "links"]
        for s in result["sources"]:
            yield [s["id"], s["title"], s["publisher"], s["date"], s.get("url"), s.get("authors"),
                   s.get("note"), s.get("cited_in"), s.get("origin"), s["counts"]["entities"],
                   s["counts"]["links"]]
        return
    sid = result["source"]["id"]
    yield ["record", "id", "name", "type", "locators"]
    for entity in result["entities"]:
        yield ["entity", entity["id"], entity["name"], entity["type"], entity["locators"]]
    for link in result["links"]:
        phrase = f"{link.get('source_name') or link['source']} {link['label']} " \
                 f"{link.get('target_name') or link['target']}"
        locators = [c["locator"] for c in link["sources"] if c["id"] == sid and c.get("locator")]
        yield ["link", link["id"], phrase, link["type"], locators]
