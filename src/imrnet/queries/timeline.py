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
from imrnet.dataset.when import LinkTime, link_time, time_matches, timed_link
from imrnet.queries.filters import ALL_LINKS, with_dates
from imrnet.dataset.model import Dataset, Entity
from imrnet.queries.names import resolve

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


def _placed(time: LinkTime) -> tuple[str | None, str]:
    """Where a link sits in the timeline: ``(date, date_basis)``.

    At its start (its own, its event's, or the bound drawn from its
    entities when it has no date at all), else at its end: a state with
    only an ``end`` sits at that end, as ``show`` and ``links --sort date``
    list it (:func:`imrnet.queries.records.link_date`), not at the bound.

    Examples
    --------
    >>> _placed(LinkTime("state", "1989-12-12", "2021-03", "entities"))
    ('2021-03', 'end')
    >>> _placed(LinkTime("state", "1989-12-12", None, "entities"))
    ('1989-12-12', 'entities')
    >>> _placed(LinkTime("act", "2023-03-14", "2023-03-14", "event"))
    ('2023-03-14', 'event')
    """
    if time.start is None or (time.basis == "entities" and time.end is not None):
        return time.end, "end"
    return time.start, "start" if time.basis == "dates" else time.basis


def timeline(
    dataset: Dataset,
    entity: str | None = None,
    link_filter=None,
    since: str | None = None,
    until: str | None = None,
) -> dict:
    """Dated links and events, oldest first.

    A link is placed at its effective time (:func:`imrnet.dataset.when.link_time`):
    an act at its date (its event's date when it gives none), a state at its
    start, else at its end (``"date_basis": "end"``: where ``show`` and
    ``links --sort date`` list it too); a state with no date at all at the
    bound drawn from its entities (``"date_basis": "entities"``, shown
    ``≥``); links that cannot be placed are left out. Events are entities of type ``event`` with a
    ``date``. With an entity, the timeline holds the links touching it that
    pass the filter, and the events it is, or that it is tied to by such a
    link. Dates sort oldest first, a partial date before the precise dates
    it contains (``2015`` before ``2015-03``); on the same date events come
    first, then file order.

    Parameters
    ----------
    dataset : Dataset
    entity : str, optional
        An id, name, alias or surname; the whole dataset when omitted.
    link_filter : imrnet.queries.filters.LinkFilter, optional
        Which links count; all by default. Its date filters apply to links
        as everywhere (acts dated in the window, states overlapping it) and
        to events as acts on their date.
    since, until : str, optional
        Shorthands for the filter's ``since`` and ``until``.

    Returns
    -------
    dict
        ``{"entity": ref or None, "filters": {...}, "accounts": {slug:
        [link ids]}, "items": [...]}`` (the competing accounts of one fact
        follow the earliest one); the filters are the link filter's
        :meth:`~imrnet.queries.filters.LinkFilter.describe`: what was
        counted. A link item is ``{"date": ..., "date_basis": ..., "item":
        "link", **Link.as_dict()}``; an event item is ``{"date", "item":
        "event", "id", "name", "type", "place", "country", "summary"}``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> ds = tiny_dataset()
    >>> [(i["date"], i["item"], i["id"]) for i in timeline(ds, "AGMR")["items"]]
    [('2012', 'link', 'ionov-leads-agmr'), ('2023-03', 'link', 'agmr-organized-congress'), ('2023-03-14', 'event', 'imr-congress')]
    >>> timeline(ds, "imr congress")["entity"]["type"]
    'event'
    """
    link_filter = with_dates(link_filter or ALL_LINKS, since, until)
    if entity is None:
        ref = None
        scope = list(dataset.links)
        events = [e for e in dataset.entities.values() if e.type == "event"]
    else:
        subject = resolve(dataset, entity)
        ref = subject.ref()
        scope = list(dataset.links_by_entity.get(subject.id, ()))
    links = link_filter.apply(scope, dataset)
    if entity is not None:
        near = {subject.id} | {link.other(subject.id) for link in links}
        events = [e for e in dataset.entities.values() if e.type == "event" and e.id in near]
    dates = (link_filter.as_of, link_filter.since, link_filter.until)
    rows = []
    for position, event in enumerate(events):
        if event.date is not None and time_matches(LinkTime("act", event.date, event.date, "dates"), *dates):
            rows.append(((sort_key(event.date), 0, position), _event_item(event)))
    for position, link in enumerate(links):
        date, basis = _placed(link_time(link, dataset))
        if date is not None:
            item = {"date": date, "date_basis": basis, "item": "link", **timed_link(link, dataset)}
            rows.append(((sort_key(date), 1, position), item))
    rows.sort(key=lambda row: row[0])
    items = together(item for _, item in rows)
    filters = link_filter.describe(dataset, scope)
    return {"entity": ref, "filters": filters, "accounts": accounts(items), "items": items}
