"""Which links count: the shared ``--status``, ``--as-of``, ``--link-type``
and ``--exclude-link-type`` options as one value.

Without options every link counts. Every analysis result carries
``"filters": LinkFilter.describe()`` so its reader knows what was counted.

Examples
--------
>>> from imrnet.dataset.model import Link
>>> f = LinkFilter.from_options(statuses=["reported"], as_of="2016")
>>> f.accepts(Link("x", "a", "b", "funds", "reported", start="2015"))
True
>>> f.accepts(Link("y", "a", "b", "funds", "alleged"))
False
>>> f.describe()
{'statuses': ['reported'], 'as_of': '2016', 'link_types': None, 'exclude_link_types': []}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from imrnet.dataset.dates import in_force
from imrnet.queries.inputs import choices, user_date
from imrnet.dataset.model import Link
from imrnet.dataset.vocab import LINK_TYPES, STATUSES

__all__ = ["LinkFilter", "ALL_LINKS"]


@dataclass(frozen=True)
class LinkFilter:
    """A test links must pass to be counted.

    Attributes
    ----------
    statuses : frozenset of str or None
        Statuses counted; ``None`` counts all.
    as_of : str or None
        Count only links in force at this partial date
        (:func:`imrnet.dataset.dates.in_force`).
    link_types : frozenset of str or None
        Link types counted; ``None`` counts all.
    exclude_link_types : frozenset of str
        Link types left out (applied after ``link_types``).
    """

    statuses: frozenset[str] | None = None
    as_of: str | None = None
    link_types: frozenset[str] | None = None
    exclude_link_types: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_options(
        cls,
        statuses: Iterable[str] | None = None,
        as_of: str | None = None,
        link_types: Iterable[str] | None = None,
        exclude_link_types: Iterable[str] | None = None,
    ) -> "LinkFilter":
        """Build a filter from command-line values, checking each.

        Empty lists count as not given.

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
        >>> LinkFilter.from_options() == LinkFilter()
        True
        """
        statuses = choices(statuses, STATUSES, "status", "--status", fold_case=True)
        link_types = choices(link_types, LINK_TYPES, "link type", "--link-type", fold_case=True)
        excluded = choices(
            exclude_link_types, LINK_TYPES, "link type", "--exclude-link-type", fold_case=True
        )
        return cls(
            statuses=statuses,
            as_of=user_date(as_of, "--as-of"),
            link_types=link_types,
            exclude_link_types=excluded or frozenset(),
        )

    def accepts(self, link: Link) -> bool:
        """Tell whether ``link`` is counted."""
        if self.statuses is not None and link.status not in self.statuses:
            return False
        if self.link_types is not None and link.type not in self.link_types:
            return False
        if link.type in self.exclude_link_types:
            return False
        if self.as_of is not None and not in_force(link.start, link.end, self.as_of):
            return False
        return True

    def apply(self, links: Iterable[Link]) -> list[Link]:
        """The links counted, in their order."""
        return [link for link in links if self.accepts(link)]

    @property
    def is_open(self) -> bool:
        """True when every link counts."""
        return self == ALL_LINKS

    def describe(self) -> dict:
        """The filter as JSON: statuses counted in vocabulary order, etc.

        Examples
        --------
        >>> LinkFilter().describe()["statuses"]
        ['reported', 'alleged', 'disputed', 'planned']
        >>> LinkFilter.from_options(link_types=["met", "funds"]).describe()["link_types"]
        ['funds', 'met']
        """
        statuses = STATUSES if self.statuses is None else self.statuses
        return {
            "statuses": [s for s in STATUSES if s in statuses],
            "as_of": self.as_of,
            "link_types": None if self.link_types is None else _in_vocab_order(self.link_types),
            "exclude_link_types": _in_vocab_order(self.exclude_link_types),
        }


def _in_vocab_order(types: Iterable[str]) -> list[str]:
    return [t for t in LINK_TYPES if t in types]


#: The filter that counts every link.
ALL_LINKS = LinkFilter()
