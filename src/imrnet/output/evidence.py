"""The evidence behind a link, as table cells: summary, sources, accounts.

Every table that lists links (``show``, ``links``, ``path``, ``timeline``,
``sources ID``) shows, under the link itself, what the curator wrote about
it (its ``summary``), whether it is one of several competing accounts of a
fact (``account_of``), and where it came from when that is an overlay
directory (``origin``); beside it, each source with its locator, one a line.
With ``--long`` each source also gets its publisher, title, date and URL.

Examples
--------
>>> from rich.text import Text
>>> link = {"id": "l", "summary": "As Ionov said.", "account_of": "start", "origin": "notes"}
>>> print(link_cell(Text("Ionov leads AGMR"), link, {"l": (1, 2)}).plain)
Ionov leads AGMR
competing account 1 of 2
As Ionov said.
from notes
>>> cites = [{"id": "doj", "locator": "p. 2"}]
>>> print(sources_cell(cites).plain)
doj (p. 2)
>>> src = {"doj": {"publisher": "DOJ", "title": "Charged", "date": "2022", "url": "https://x.org/a"}}
>>> print(sources_cell(cites, src, long=True).plain)
doj (p. 2)
  DOJ: Charged (2022)
  https://x.org/a
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = [
    "account_positions",
    "account_mark",
    "base_origin",
    "link_cell",
    "sources_cell",
    "source_details",
]


def account_positions(links: Iterable[dict]) -> dict[str, tuple[int, int]]:
    """Link id to ``(i, n)``: the i-th of n competing accounts of one fact.

    Examples
    --------
    >>> account_positions([{"id": "a", "account_of": "x"}, {"id": "b", "account_of": None},
    ...                    {"id": "c", "account_of": "x"}])
    {'a': (1, 2), 'c': (2, 2)}
    """
    from imrnet.dataset.accounts import accounts

    out = {}
    for ids in accounts(links).values():
        for i, lid in enumerate(ids, 1):
            out[lid] = (i, len(ids))
    return out


def account_mark(text, link: dict, positions: Mapping[str, tuple[int, int]]):
    """Append `` · competing account i of n`` to a compact cell (a Rich Text) when it is one.

    Examples
    --------
    >>> from rich.text import Text
    >>> account_mark(Text("led by (reported, 2011)"), {"id": "a"}, {"a": (1, 2)}).plain
    'led by (reported, 2011) · competing account 1 of 2'
    """
    where = positions.get(link["id"])
    if where:
        text.append(f" · competing account {where[0]} of {where[1]}", style="bold yellow")
    return text


def base_origin(dataset) -> str:
    """The origin of the first directory read (``bundled`` by default).

    Tables name the origin of the records that came from a later
    (overlay) directory, so private notes never pass for curated data.
    """
    for records in (getattr(dataset, "sources", {}), getattr(dataset, "entities", {})):
        for record in records.values():
            return record.origin
    return "bundled"


def link_cell(phrase, link: dict, positions: Mapping[str, tuple[int, int]] | None = None,
              base: str = "bundled"):
    """The link's phrase (a Rich Text), then its account mark, summary and origin.

    The account mark leaves out the group's slug (in the JSON's ``accounts``):
    the accounts of one fact stand together, and the slug is often long.

    The origin is named when it is not ``base`` (see :func:`base_origin`).
    """
    text = phrase.copy()
    where = (positions or {}).get(link["id"])
    if where:
        text.append(f"\ncompeting account {where[0]} of {where[1]}", style="bold yellow")
    if link.get("summary"):
        text.append("\n" + link["summary"], style="italic")
    origin = link.get("origin")
    if origin and origin != base:
        text.append(f"\nfrom {origin}", style="dim")
    return text


def source_details(dataset) -> dict[str, dict]:
    """Source id to its JSON fields, for :func:`sources_cell` (empty without a dataset)."""
    return {} if dataset is None else {sid: s.as_dict() for sid, s in dataset.sources.items()}


def sources_cell(citations: list[dict], sources: Mapping[str, dict] | None = None,
                 long: bool = False):
    """Each citation on its own line, ``id (locator)``; with ``long``, its details under it."""
    from rich.text import Text

    text = Text()
    for n, citation in enumerate(citations):
        if n:
            text.append("\n")
        text.append(citation["id"])
        if citation.get("locator"):
            text.append(f" ({citation['locator']})")
        source = (sources or {}).get(citation["id"]) if long else None
        if source:
            dated = f" ({source['date']})" if source.get("date") else ""
            text.append(f"\n  {source['publisher']}: {source['title']}{dated}", style="dim")
            if source.get("url"):
                text.append(f"\n  {source['url']}", style="dim")
    return text
