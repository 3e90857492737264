"""Which links count: the shared link filter options as one value.

``--status``, ``--ties``, ``--link-type``, ``--exclude-link-type``, and the
date filters ``--as-of``, ``--since``, ``--until`` with ``--undated``. The
dates read each link's effective time (:mod:`imrnet.dataset.when`): acts
on their date, states over their interval, bounded by their entities.
Undated links are left out under any date filter, and counted
(``undated_left_out``), unless ``--undated include`` keeps them.

Without options every link counts. Every analysis result carries
``"filters": LinkFilter.describe(dataset)`` so its reader knows what was
counted.

Examples
--------
>>> from imrnet.dataset.model import Link
>>> f = LinkFilter.from_options(statuses=["reported"], as_of="2016")
>>> f.accepts(Link("x", "a", "b", "funds", "reported", start="2015"))
True
>>> f.accepts(Link("y", "a", "b", "funds", "alleged"))
False
>>> f.describe()
{'statuses': ['reported'], 'ties': ['affiliation', 'adversarial', 'coverage'], 'as_of': '2016', 'since': None, 'until': None, 'undated': 'exclude', 'undated_left_out': None, 'link_types': None, 'exclude_link_types': []}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from imrnet.dataset.dates import date_bounds
from imrnet.dataset.model import Link
from imrnet.dataset.vocab import KINDS, LINK_TYPES, STATUSES
from imrnet.dataset.when import link_time, time_matches
from imrnet.errors import UsageError
from imrnet.queries.inputs import choices, user_date

__all__ = ["LinkFilter", "ALL_LINKS", "UNDATED", "tie_kinds", "with_dates"]

#: What ``--undated`` accepts: leave undated links out of date filters, or keep them.
UNDATED: tuple[str, ...] = ("exclude", "include")


def tie_kinds(values: Iterable[str] | str | None, option: str = "--ties") -> frozenset[str] | None:
    """Check ``--ties`` values; ``all`` (or nothing) means every kind (``None``).

    Examples
    --------
    >>> sorted(tie_kinds(["affiliation,coverage"]))
    ['affiliation', 'coverage']
    >>> tie_kinds(["all"]) is None
    True
    >>> tie_kinds(["afiliation"])
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown tie kind 'afiliation' for --ties; did you mean: affiliation? Expected one of: all, affiliation, adversarial, coverage
    """
    kinds = choices(values, ("all", *KINDS), "tie kind", option, fold_case=True)
    if kinds is None or "all" in kinds or kinds == frozenset(KINDS):
        return None
    return kinds


@dataclass(frozen=True)
class LinkFilter:
    """A test links must pass to be counted.

    Attributes
    ----------
    statuses : frozenset of str or None
        Statuses counted; ``None`` counts all.
    as_of : str or None
        States in force and acts dated on or before this partial date.
    link_types : frozenset of str or None
        Link types counted; ``None`` counts all.
    exclude_link_types : frozenset of str
        Link types left out (applied after ``link_types``).
    ties : frozenset of str or None
        Kinds of tie counted (:data:`imrnet.dataset.vocab.KINDS`); ``None``: all.
    since, until : str or None
        Acts dated in the window, states whose interval overlaps it.
    undated : str
        ``exclude`` (default): links that cannot be placed in time are left
        out under a date filter; ``include`` keeps them.
    """

    statuses: frozenset[str] | None = None
    as_of: str | None = None
    link_types: frozenset[str] | None = None
    exclude_link_types: frozenset[str] = field(default_factory=frozenset)
    ties: frozenset[str] | None = None
    since: str | None = None
    until: str | None = None
    undated: str = "exclude"

    @classmethod
    def from_options(
        cls,
        statuses: Iterable[str] | None = None,
        as_of: str | None = None,
        link_types: Iterable[str] | None = None,
        exclude_link_types: Iterable[str] | None = None,
        ties: Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        undated: str | None = None,
    ) -> "LinkFilter":
        """Build a filter from command-line values, checking each.

        Empty lists count as not given; list values may also be comma
        separated (``reported,alleged``).

        Raises
        ------
        UsageError
            Naming the bad value and the values expected.

        Examples
        --------
        >>> LinkFilter.from_options(statuses=["rumoured"])
        Traceback (most recent call last):
        ...
        imrnet.errors.UsageError: unknown status 'rumoured' for --status; expected one of: reported, alleged, disputed, planned
        >>> LinkFilter.from_options(as_of="2015-13")
        Traceback (most recent call last):
        ...
        imrnet.errors.UsageError: --as-of: impossible date '2015-13'
        >>> LinkFilter.from_options(since="2020", until="2019")
        Traceback (most recent call last):
        ...
        imrnet.errors.UsageError: --until 2019 is before --since 2020
        >>> LinkFilter.from_options() == LinkFilter()
        True
        """
        statuses = choices(statuses, STATUSES, "status", "--status", fold_case=True)
        link_types = choices(link_types, LINK_TYPES, "link type", "--link-type", fold_case=True)
        excluded = choices(
            exclude_link_types, LINK_TYPES, "link type", "--exclude-link-type", fold_case=True
        )
        since = user_date(since, "--since")
        until = user_date(until, "--until")
        if since and until and date_bounds(until)[1] < date_bounds(since)[0]:
            raise UsageError(f"--until {until} is before --since {since}")
        keep = choices(undated, UNDATED, "value", "--undated", fold_case=True)
        if keep is not None and len(keep) > 1:
            raise UsageError(f"--undated takes one value, exclude or include, not {undated!r}")
        return cls(
            statuses=statuses,
            as_of=user_date(as_of, "--as-of"),
            link_types=link_types,
            exclude_link_types=excluded or frozenset(),
            ties=tie_kinds(ties),
            since=since,
            until=until,
            undated="include" if keep and "include" in keep else "exclude",
        )

    @property
    def dated(self) -> bool:
        """True when a date filter is given."""
        return self.as_of is not None or self.since is not None or self.until is not None

    def passes_status(self, status: str) -> bool:
        """Tell whether links of this status are counted (dates aside)."""
        return self.statuses is None or status in self.statuses

    def passes_type(self, link_type: str) -> bool:
        """Tell whether links of this type are counted (types, exclusions and kinds of tie).

        Examples
        --------
        >>> f = LinkFilter.from_options(ties=["affiliation"])
        >>> f.passes_type("funds"), f.passes_type("sanctioned")
        (True, False)
        """
        if self.link_types is not None and link_type not in self.link_types:
            return False
        if link_type in self.exclude_link_types:
            return False
        return self.ties is None or LINK_TYPES[link_type].kind in self.ties

    def _passes_kind(self, link: Link) -> bool:
        return self.passes_status(link.status) and self.passes_type(link.type)

    def _in_time(self, link: Link, dataset) -> bool | None:
        if not self.dated:
            return True
        return time_matches(link_time(link, dataset), self.as_of, self.since, self.until)

    def passes_time(self, time) -> bool:
        """Tell whether a link of effective time ``time`` (a ``LinkTime``) passes the date filters.

        An undated link passes only with ``undated="include"``.

        Examples
        --------
        >>> from imrnet.dataset.when import LinkTime
        >>> undated = LinkTime("state", None, None, "none")
        >>> keep = LinkFilter(as_of="2016", undated="include")
        >>> LinkFilter(as_of="2016").passes_time(undated), keep.passes_time(undated)
        (False, True)
        """
        if not self.dated:
            return True
        matches = time_matches(time, self.as_of, self.since, self.until)
        return matches is True or (matches is None and self.undated == "include")

    def accepts(self, link: Link, dataset=None) -> bool:
        """Tell whether ``link`` is counted (its entities' dates read from ``dataset``)."""
        return self._passes_kind(link) and (not self.dated or self.passes_time(link_time(link, dataset)))

    def apply(self, links: Iterable[Link], dataset=None) -> list[Link]:
        """The links counted, in their order."""
        return [link for link in links if self.accepts(link, dataset)]

    def undated_left_out(self, links: Iterable[Link], dataset=None) -> int:
        """How many of ``links`` pass every other test but were left out as undated.

        Examples
        --------
        >>> from imrnet.dataset.model import Link
        >>> links = [Link("1", "a", "b", "leads", "reported"), Link("2", "a", "b", "funds", "reported", start="2015")]
        >>> LinkFilter(as_of="2016").undated_left_out(links), LinkFilter().undated_left_out(links)
        (1, 0)
        """
        if not self.dated or self.undated == "include":
            return 0
        return sum(
            1 for link in links if self._passes_kind(link) and self._in_time(link, dataset) is None
        )

    @property
    def is_open(self) -> bool:
        """True when every link counts."""
        return self == ALL_LINKS

    def describe(self, dataset=None, links: Iterable[Link] | None = None) -> dict:
        """The filter as JSON: what an answer counted.

        With ``dataset``, ``undated_left_out`` says how many of ``links``
        (the dataset's links by default) a date filter left out as undated;
        without, it is ``None``.

        Examples
        --------
        >>> LinkFilter().describe()["statuses"]
        ['reported', 'alleged', 'disputed', 'planned']
        >>> LinkFilter.from_options(link_types=["met", "funds"]).describe()["link_types"]
        ['funds', 'met']
        >>> LinkFilter.from_options(ties=["coverage", "affiliation"]).describe()["ties"]
        ['affiliation', 'coverage']
        """
        statuses = STATUSES if self.statuses is None else self.statuses
        ties = KINDS if self.ties is None else self.ties
        left_out = None
        if dataset is not None and links is None and hasattr(dataset, "count_undated"):
            # a compiled index counts from its stored times, without reading every link
            left_out = dataset.count_undated(self) if self.dated and self.undated != "include" else 0
        elif dataset is not None:
            left_out = self.undated_left_out(dataset.links if links is None else links, dataset)
        return {
            "statuses": [s for s in STATUSES if s in statuses],
            "ties": [k for k in KINDS if k in ties],
            "as_of": self.as_of,
            "since": self.since,
            "until": self.until,
            "undated": self.undated,
            "undated_left_out": left_out,
            "link_types": None if self.link_types is None else _in_vocab_order(self.link_types),
            "exclude_link_types": _in_vocab_order(self.exclude_link_types),
        }


def _in_vocab_order(types: Iterable[str]) -> list[str]:
    return [t for t in LINK_TYPES if t in types]


#: The filter that counts every link.
ALL_LINKS = LinkFilter()


def with_dates(link_filter: LinkFilter, since: str | None = None, until: str | None = None) -> LinkFilter:
    """``link_filter`` with ``since`` / ``until`` set (checked), for library callers.

    Examples
    --------
    >>> with_dates(ALL_LINKS, since="2020").since
    '2020'
    >>> with_dates(ALL_LINKS) is ALL_LINKS
    True
    """
    if since is None and until is None:
        return link_filter
    from dataclasses import replace

    checked = LinkFilter.from_options(
        since=link_filter.since if since is None else since,
        until=link_filter.until if until is None else until,
    )
    return replace(link_filter, since=checked.since, until=checked.until)
