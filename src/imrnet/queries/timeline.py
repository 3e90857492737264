"""Dated links and events in order, for one entity or all (``imrnet timeline``).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> [i["item"] for i in timeline(tiny_dataset())["items"]]
['link', 'link', 'event']
"""

from __future__ import annotations

from imrnet.dataset.accounts import accounts, together
from imrnet.dataset.dates import sort_key
from imrnet.queries.filters import ALL_LINKS
from imrnet.dataset.model import Dataset, Entity
from imrnet.queries.names import resolve
from imrnet.queries.records import check_range, in_range, link_date

__all__ = ['timeline']



def _event_item(entity: Entity) -> dict:
    return {
        "date": entity.date,
        "item": "event",
        **entity.ref(),
        "place": entity.place,
        "country": list(entity.countries),
        "summary": entity.summary,
    }


def timeline(
    dataset: Dataset,
    entity: str | None = None,
    link_filter=None,
    since: str | None = None,
    until: str | None = None,
) -> dict:
    """Dated links and events, oldest first.

    A link is placed at its start (else its end); undated links are left
    out. Events are entities of type ``event`` with a ``date``. With an
    entity, the timeline holds the links touching it that pass the filter,
    and the events it is, or that it is tied to by such a link. Dates sort
    oldest first, a partial date before the precise dates it contains
    (``2015`` before ``2015-03``); on the same date events come first, then
    file order.

    Parameters
    ----------
    dataset : Dataset
    entity : str, optional
        An id, name, alias or surname; the whole dataset when omitted.
    link_filter : imrnet.queries.filters.LinkFilter, optional
        Which links count; all by default.
    since, until : str, optional
        Keep items dated within this range (an item's own date, not a
        link's whole period; partial dates compare by precision, see
        :func:`in_range`).

    Returns
    -------
    dict
        ``{"entity": ref or None, "filters": {...}, "accounts": {slug:
        [link ids]}, "items": [...]}`` (the competing accounts of one fact
        follow the earliest one); the
        filters are the link filter's :meth:`~imrnet.queries.filters.LinkFilter.describe`
        plus ``"since"`` and ``"until"``: what was counted. A link item is
        ``{"date": ..., "item": "link", **Link.as_dict()}``; an event item
        is ``{"date", "item": "event", "id", "name", "type", "place",
        "country", "summary"}``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> ds = tiny_dataset()
    >>> [(i["date"], i["item"], i["id"]) for i in timeline(ds, "AGMR")["items"]]
    [('2012', 'link', 'ionov-leads-agmr'), ('2023-03', 'link', 'agmr-organized-congress'), ('2023-03-14', 'event', 'imr-congress')]
    >>> timeline(ds, "imr congress")["entity"]["type"]
    'event'
    """
    since, until = check_range(since, until)
    link_filter = link_filter or ALL_LINKS
    if entity is None:
        ref = None
        links = list(link_filter.apply(dataset.links))
        events = [e for e in dataset.entities.values() if e.type == "event"]
    else:
        subject = resolve(dataset, entity)
        ref = subject.ref()
        links = list(link_filter.apply(dataset.links_by_entity.get(subject.id, ())))
        near = {subject.id} | {link.other(subject.id) for link in links}
        events = [e for e in dataset.entities.values() if e.type == "event" and e.id in near]
    rows = []
    for position, event in enumerate(events):
        if event.date is not None and in_range(event.date, event.date, since, until):
            rows.append(((sort_key(event.date), 0, position), _event_item(event)))
    for position, link in enumerate(links):
        date = link_date(link)
        if date is not None and in_range(date, date, since, until):
            item = {"date": date, "item": "link", **link.as_dict(dataset.entities)}
            rows.append(((sort_key(date), 1, position), item))
    rows.sort(key=lambda row: row[0])
    items = together(item for _, item in rows)
    filters = {**link_filter.describe(), "since": since, "until": until}
    return {"entity": ref, "filters": filters, "accounts": accounts(items), "items": items}
