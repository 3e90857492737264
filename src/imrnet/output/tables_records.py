"""Table output of ``show``, ``search``, ``list``, ``links``, ``timeline`` and ``sources``.

Each builder turns the plain dict of the matching :mod:`imrnet.queries.records`
function into Rich renderables for :func:`imrnet.output.render.emit`. Builders that
name entities or sources take the dataset too (the CLI binds it with
:func:`functools.partial`), so the JSON output stays exactly the library's
dict; without it ids stand in for names.

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.queries.records import list_entities
>>> [type(r).__name__ for r in list_tables(list_entities(tiny_dataset()))]
['Table']
"""

from __future__ import annotations

from imrnet.output.evidence import (
    account_positions,
    base_origin,
    link_cell,
    source_details,
    sources_cell,
)
from imrnet.output.inert import distinct
from imrnet.output.render import (
    dates_text,
    entity_text,
    filters_text,
    kind_mark,
    new_table,
    read_link,
    status_text,
)

__all__ = [
    "show_tables",
    "search_tables",
    "list_tables",
    "links_tables",
    "timeline_tables",
    "sources_tables",
]


def _refs(dataset) -> dict[str, dict]:
    return {} if dataset is None else {eid: e.ref() for eid, e in dataset.entities.items()}


def _ref(refs: dict[str, dict], eid: str) -> dict:
    return refs.get(eid, {"id": eid, "name": eid, "type": ""})


def _link_text(link: dict, refs: dict[str, dict], from_id: str | None = None):
    """``Name label Other`` read from ``from_id``'s side, names coloured by type."""
    from rich.text import Text

    here, label, there = read_link(link, from_id)
    text = Text.assemble(
        entity_text(_ref(refs, here)), f" {label} ", entity_text(_ref(refs, there))
    )
    details = [kind] if (kind := kind_mark(link).strip(" ()")) else []
    if link.get("role"):
        details.append(str(link["role"]))
    if link.get("amount") is not None:
        amount = link["amount"]
        amount = int(amount) if float(amount).is_integer() else amount
        details.append(f"{amount:,} {link.get('currency') or ''}".strip())
    if details:
        text.append(f" ({'; '.join(details)})", style="dim")
    return text


def _links_table(links: list[dict], refs: dict[str, dict], from_id: str | None, title: str,
                 dataset=None, long: bool = False):
    table = new_table("Dates", "Link", "Status", "Sources", title=title)
    positions = account_positions(links)
    sources, base = source_details(dataset), base_origin(dataset)
    for link in table.bounded(links):
        phrase = _link_text(link, refs, from_id)
        table.add_row(
            dates_text(link) or "undated", link_cell(phrase, link, positions, base),
            status_text(link["status"]), sources_cell(link["sources"], sources, long),
        )
    return table


def _links_title(links: list[dict], count: int, tail: str = "") -> str:
    """``N links``; with competing accounts, how many rows tell how many facts."""
    title = _plural(count, "link") + tail
    extra = len(links) - count
    if extra:
        title += (f" ({len(links)} rows: {extra} more competing account{'s' if extra > 1 else ''}"
                  " of a fact, counted once)")
    return title


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def show_tables(result: dict, dataset=None, long: bool = False) -> list:
    """The entity card: a field/value grid, then its links oldest first.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.queries.records import entity_card
    >>> ds = tiny_dataset()
    >>> [type(r).__name__ for r in show_tables(entity_card(ds, "agmr"), ds)]
    ['Table', 'Table']
    """
    from rich.text import Text

    refs = _refs(dataset)
    details = source_details(dataset)
    card = new_table("Field", "Value", title=None, show_header=False)
    card.add_row("Name", entity_text(result))
    # an alias that would show as the name or an earlier alias does (an ASCII
    # terminal spells "Александр Ионов" as "Aleksandr Ionov") is left out
    aliases = distinct(result["aliases"], besides=[result["name"]])
    if aliases:
        card.add_row("Aliases", "; ".join(aliases))
    card.add_row("Type", Text(result["type"]))
    for key in ("born", "founded", "date", "place"):
        if result.get(key):
            card.add_row(key.capitalize(), str(result[key]))
    if result["country"]:
        card.add_row("Country", ", ".join(result["country"]))
    if result.get("summary"):
        card.add_row("Summary", result["summary"])
    if result["tags"]:
        card.add_row("Tags", ", ".join(result["tags"]))
    if result["sources"]:
        locators: dict[str, list[str]] = {}
        for citation in result["sources"]:
            found = locators.setdefault(citation["id"], [])
            if citation.get("locator"):
                found.append(citation["locator"])
        lines = []
        for sid, where in locators.items():
            line = f"{sid}: {details[sid]['title']}" if sid in details else sid
            if where:
                line += f" ({'; '.join(where)})"
            if long and details.get(sid, {}).get("url"):
                line += f"\n  {details[sid]['url']}"
            lines.append(line)
        card.add_row("Sources", "\n".join(lines))
    card.add_row("Id", result["id"])
    card.add_row("Origin", result.get("origin") or "bundled")
    out = [card]
    links = result["links"]
    if links:
        from imrnet.dataset.accounts import fact_count

        title = _links_title(links, fact_count(links), ", oldest first")
        out.append(_links_table(links, refs, result["id"], title, dataset, long))
    else:
        out.append("No links.")
    return out


def search_tables(result: dict) -> list:
    """Ranked hits: score, name, type, which field matched, id.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.queries.search import search
    >>> len(search_tables(search(tiny_dataset(), "Ionov")))
    1
    """
    table = new_table("Score", "Name", "Type", "Matched", "Id", title=f"Search: {result['query']}")
    for hit in table.bounded(result["results"]):
        table.add_row(
            f"{hit['score']:.1f}", entity_text(hit), hit["type"], hit["matched"],
            hit["id"],
        )
    return [table]


def list_tables(result: dict) -> list:
    """Entities: name, type, countries, tags, id."""
    title = _plural(result["count"], "entity", "entities")
    table = new_table("Name", "Type", "Country", "Tags", "Id", title=title)
    for entity in table.bounded(result["entities"]):
        table.add_row(
            entity_text(entity), entity["type"], ", ".join(entity["country"]),
            ", ".join(entity["tags"]), entity["id"],
        )
    return [table]


def links_tables(result: dict, dataset=None, long: bool = False) -> list:
    """Links: dates, the link read forward, status, sources.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.queries.records import list_links
    >>> ds = tiny_dataset()
    >>> len(links_tables(list_links(ds, since="2020"), ds))
    2
    """
    refs = _refs(dataset)
    links = result["links"]
    title = _links_title(links, result["count"])
    out = [_links_table(links, refs, None, title, dataset, long)]
    out.append(filters_text(result["filters"]))
    return out


def timeline_tables(result: dict, dataset=None, long: bool = False) -> list:
    """Timeline: date, what happened (from the entity's side), status, sources."""
    from rich.text import Text

    refs = _refs(dataset)
    sources = source_details(dataset)
    subject = result.get("entity")
    title = f"Timeline of {subject['name']}" if subject else "Timeline"
    table = new_table("Date", "What", "Status", "Sources", title=title)
    positions = account_positions(i for i in result["items"] if i["item"] == "link")
    base = base_origin(dataset)
    for item in table.bounded(result["items"]):
        if item["item"] == "event":
            what = Text.assemble(("event: ", "dim"), entity_text(item))
            if item.get("place"):
                what.append(f" ({item['place']})", style="dim")
            if item.get("summary"):
                what.append("\n" + item["summary"], style="italic")
            table.add_row(item["date"], what, "", "")
        else:
            date = dates_text(item) or item["date"]
            what = _link_text(item, refs, subject["id"] if subject else None)
            table.add_row(
                date, link_cell(what, item, positions, base),
                status_text(item["status"]),
                sources_cell(item["sources"], sources, long),
            )
    out = [table] if result["items"] else [f"{title}: no dated links or events."]
    out.append(filters_text(result["filters"]))
    return out


def sources_tables(result: dict, dataset=None) -> list:
    """All sources with what cites them, or one source's details.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.queries.provenance import sources
    >>> ds = tiny_dataset()
    >>> len(sources_tables(sources(ds), ds)), len(sources_tables(sources(ds, "imr-article"), ds))
    (1, 3)
    """
    if "sources" in result:
        table = new_table("Id", "Publisher: title", "Date", "Ent.", "Links",
                          title=_plural(result["count"], "source"))
        for source in table.bounded(result["sources"]):
            table.add_row(
                source["id"], f"{source['publisher']}: {source['title']}", source["date"] or "",
                str(source["counts"]["entities"]), str(source["counts"]["links"]),
            )
        return [table]
    refs = _refs(dataset)
    source = result["source"]
    card = new_table("Field", "Value", show_header=False)
    for key in ("id", "title", "publisher", "date", "url", "note", "cited_in"):
        if source.get(key):
            card.add_row(key.replace("_", " ").capitalize(), str(source[key]))
    if source.get("authors"):
        card.add_row("Authors", "; ".join(source["authors"]))
    out = [card]
    counts = result["counts"]
    title = _plural(counts["entities"], "entity", "entities") + " citing it"
    entities = new_table("Entity", "Type", "Locator", title=title)
    for entity in entities.bounded(result["entities"]):
        kind = entity["type"]
        entities.add_row(entity_text(entity), kind, "; ".join(entity["locators"]))
    out.append(entities)
    title = _links_title(result["links"], counts["links"], " citing it")
    out.append(_links_table(result["links"], refs, None, title, dataset))
    return out
