"""When a link holds: the one reading of time every command shares.

Each link type is an *act* or a *state* (:data:`imrnet.dataset.vocab.TIMINGS`).

* An **act** happens on a date: its ``start`` (to its ``end`` when it has
  one, e.g. funding over several years). Without a ``start``, an act with an
  event at one end (attended, spoke at, organized...) happens on the
  event's ``date``. Otherwise it is undated; it still cannot have happened
  before both its ends existed (see below), which can rule it out of a
  window, never into one.
* A **state** holds over an interval, ``start`` to ``end``, open where a
  bound is absent. Without a ``start``, it is bounded by its entities:
  nothing starts before both ends exist (a person's ``born``, a group's
  ``founded``, an event's ``date``; the later of the two when both are
  known). A state with no bound at all is undated.

Date filters (:func:`time_matches`):

* ``as_of D``: states in force at ``D``, acts dated on or before ``D``.
* ``since S`` / ``until U``: an act whose date falls in the window, a state
  whose interval overlaps it.

Partial dates compare at their precision (:mod:`imrnet.dataset.dates`).
An undated link cannot be placed: the filters answer ``None`` for it and
the caller leaves it out (and counts it) unless asked to keep it.

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.dataset.model import Link
>>> ds = tiny_dataset()
>>> link_time(Link("x", "alexander-ionov", "imr-congress", "attended", "reported"), ds)
LinkTime(timing='act', start='2023-03-14', end='2023-03-14', basis='event', earliest=None)
>>> t = link_time(Link("y", "alexander-ionov", "agmr", "member_of", "reported"), ds)
>>> t.start, t.basis
('2012', 'entities')
>>> time_matches(t, as_of="2011"), time_matches(t, as_of="2016")
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from imrnet.dataset.dates import date_bounds as _parsed_bounds
from imrnet.dataset.vocab import LINK_TYPES

# A filter reads the same few dates again for every link it tests.
date_bounds = lru_cache(maxsize=1 << 16)(_parsed_bounds)

__all__ = ["LinkTime", "entity_date", "existence_bound", "link_time", "time_matches", "timed_link"]


@dataclass(frozen=True, slots=True)
class LinkTime:
    """The effective time of one link.

    Attributes
    ----------
    timing : str
        ``act`` or ``state``.
    start, end : str or None
        An act's date (``start == end`` unless it spans a period); a
        state's interval, ``None`` where open. Both ``None``: undated.
    basis : str
        Where ``start`` comes from: ``dates`` (the link's own), ``event``
        (an act placed at its event's date), ``entities`` (a state bounded
        by its ends' dates) or ``none`` (undated).
    earliest : str or None
        For an undated act, the date before which it cannot have happened
        (the later of its ends' dates), else ``None``.
    """

    timing: str
    start: str | None
    end: str | None
    basis: str
    earliest: str | None = None

    @property
    def dated(self) -> bool:
        """True when the link can be placed in time."""
        return self.start is not None or self.end is not None

    def as_dict(self) -> dict:
        """The JSON shape: ``{"timing", "start", "end", "basis", "earliest"}``."""
        return {"timing": self.timing, "start": self.start, "end": self.end,
                "basis": self.basis, "earliest": self.earliest}


def entity_date(entity) -> str | None:
    """When an entity came to exist: ``born``, ``founded`` or an event's ``date``.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> entity_date(tiny_dataset().entities["agmr"])
    '2012'
    """
    if entity is None:
        return None
    return entity.born or entity.founded or entity.date


def existence_bound(link, dataset) -> str | None:
    """The later of the dates its two ends came to exist (``None``: neither known).

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.dataset.model import Link
    >>> existence_bound(Link("x", "alexander-ionov", "agmr", "leads", "reported"), tiny_dataset())
    '2012'
    """
    if dataset is None:
        return None
    dates = [entity_date(dataset.entities.get(end)) for end in (link.source, link.target)]
    dates = [d for d in dates if d is not None]
    return max(dates, key=lambda d: date_bounds(d)[0]) if dates else None


def _event_date(link, dataset) -> str | None:
    if dataset is None:
        return None
    for end in (link.target, link.source):
        entity = dataset.entities.get(end)
        if entity is not None and entity.type == "event" and entity.date:
            return entity.date
    return None


def link_time(link, dataset=None) -> LinkTime:
    """The effective time of ``link``, read with its entities from ``dataset``.

    Without a dataset only the link's own dates count.

    Examples
    --------
    >>> from imrnet.dataset.model import Link
    >>> link_time(Link("x", "a", "b", "funds", "reported", start="2015"))
    LinkTime(timing='act', start='2015', end='2015', basis='dates', earliest=None)
    >>> link_time(Link("x", "a", "b", "leads", "reported", end="2020")).dated
    True
    >>> link_time(Link("x", "a", "b", "leads", "reported")).basis
    'none'
    """
    kind = LINK_TYPES.get(link.type)
    timing = kind.timing if kind is not None else "state"
    if timing == "act":
        if link.start is not None or link.end is not None:
            start = link.start if link.start is not None else link.end
            return LinkTime("act", start, link.end or start, "dates")
        event = _event_date(link, dataset)
        if event is not None:
            return LinkTime("act", event, event, "event")
        return LinkTime("act", None, None, "none", existence_bound(link, dataset))
    if link.start is not None:
        return LinkTime("state", link.start, link.end, "dates")
    bound = existence_bound(link, dataset)
    if bound is not None and (link.end is None or date_bounds(bound)[0] <= date_bounds(link.end)[1]):
        return LinkTime("state", bound, link.end, "entities")
    if link.end is not None:
        return LinkTime("state", None, link.end, "dates")
    return LinkTime("state", None, None, "none")


def time_matches(
    time: LinkTime, as_of: str | None = None, since: str | None = None, until: str | None = None
) -> bool | None:
    """Tell whether a link's time passes the date filters.

    Returns ``True`` or ``False``, or ``None`` when the link is undated and
    a filter is given (it cannot be placed). No filter: ``True``.

    Examples
    --------
    >>> act = LinkTime("act", "2023-03-14", "2023-03-14", "event")
    >>> time_matches(act, since="2030"), time_matches(act, as_of="2023"), time_matches(act, as_of="2022")
    (False, True, False)
    >>> state = LinkTime("state", "2012", None, "dates")
    >>> time_matches(state, since="2030"), time_matches(state, until="2011-12")
    (True, False)
    >>> time_matches(LinkTime("act", None, None, "none", earliest="1989"), as_of="1990") is None
    True
    >>> time_matches(LinkTime("act", None, None, "none", earliest="1989"), as_of="1980")
    False
    """
    if as_of is None and since is None and until is None:
        return True
    if not time.dated:
        # An undated act cannot precede its ends: that can rule it out.
        if time.earliest is not None:
            first = date_bounds(time.earliest)[0]
            latest = [date_bounds(d)[1] for d in (as_of, until) if d is not None]
            if any(first > last for last in latest):
                return False
        return None
    if as_of is not None:
        if time.timing == "act":
            if time.start is not None and date_bounds(time.start)[0] > date_bounds(as_of)[1]:
                return False
        else:  # in force: started by as_of's end, not ended before its start
            as_first, as_last = date_bounds(as_of)
            if time.start is not None and date_bounds(time.start)[0] > as_last:
                return False
            if time.end is not None and date_bounds(time.end)[1] < as_first:
                return False
    if since is not None and time.end is not None and date_bounds(time.end)[1] < date_bounds(since)[0]:
        return False
    if until is not None and time.start is not None and date_bounds(time.start)[0] > date_bounds(until)[1]:
        return False
    return True


def timed_link(link, dataset=None) -> dict:
    """``link.as_dict()`` (with the names of its ends) plus ``"time"``: its effective time
    (:meth:`LinkTime.as_dict`).

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> from imrnet.dataset.model import Link
    >>> timed_link(Link("x", "alexander-ionov", "agmr", "member_of", "reported"), tiny_dataset())["time"]
    {'timing': 'state', 'start': '2012', 'end': None, 'basis': 'entities', 'earliest': None}
    """
    names = dataset.entities if dataset is not None else None
    return {**link.as_dict(names), "time": link_time(link, dataset).as_dict()}
