"""The loaded dataset: sources, entities and links as plain records.

Records keep the file and line they were read from, for messages; their
``as_dict`` methods give the JSON shapes the commands print.

Examples
--------
>>> e = Entity(id="agmr", name="Anti-Globalization Movement of Russia", type="organization")
>>> e.ref()
{'id': 'agmr', 'name': 'Anti-Globalization Movement of Russia', 'type': 'organization'}
>>> link = Link(id="a~funds~b", source="a", target="b", type="funds", status="reported")
>>> link.label_from("b")
'funded by'
>>> link.other("a")
'b'
>>> link.kind, link.symmetric
('affiliation', False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from imrnet.dataset.vocab import LINK_TYPES

# Records are not frozen: a frozen dataclass sets each field through
# object.__setattr__, which made building 300,000 links 7x slower (3.3 s
# against 0.45 s). They are hashable all the same; treat them as read-only.

__all__ = ["Citation", "Source", "Entity", "Link", "Dataset"]


@dataclass(slots=True, unsafe_hash=True)
class Citation:
    """A source id, optionally with a locator inside the document."""

    id: str
    locator: str | None = None

    def as_dict(self) -> dict:
        return {"id": self.id, "locator": self.locator}


@dataclass(slots=True, unsafe_hash=True)
class Source:
    """A document the dataset cites."""

    id: str
    title: str
    publisher: str
    date: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    note: str | None = None
    cited_in: str | None = None
    file: str = ""
    line: int = 0
    origin: str = "bundled"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "date": self.date,
            "url": self.url,
            "authors": list(self.authors),
            "note": self.note,
            "cited_in": self.cited_in,
            "origin": self.origin,
        }


@dataclass(slots=True, unsafe_hash=True)
class Entity:
    """An actor: person, organization, company, public body, media or event."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    born: str | None = None
    founded: str | None = None
    date: str | None = None
    place: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    file: str = ""
    line: int = 0
    origin: str = "bundled"

    def ref(self) -> dict:
        """The short reference used wherever an entity is mentioned."""
        return {"id": self.id, "name": self.name, "type": self.type}

    def as_dict(self) -> dict:
        """Every field, as the ``show`` command prints it."""
        return {
            **self.ref(),
            "aliases": list(self.aliases),
            "country": list(self.countries),
            "born": self.born,
            "founded": self.founded,
            "date": self.date,
            "place": self.place,
            "summary": self.summary,
            "tags": list(self.tags),
            "sources": [c.as_dict() for c in self.sources],
            "origin": self.origin,
        }


@dataclass(slots=True, unsafe_hash=True)
class Link:
    """A tie between two entities, read ``source`` → ``target``."""

    id: str
    source: str
    target: str
    type: str
    status: str
    start: str | None = None
    end: str | None = None
    role: str | None = None
    amount: float | int | None = None
    currency: str | None = None
    summary: str | None = None
    sources: tuple[Citation, ...] = ()
    file: str = ""
    line: int = 0
    account_of: str | None = None
    origin: str = "bundled"

    @property
    def kind(self) -> str:
        """The tie's kind: ``affiliation``, ``adversarial`` or ``coverage``."""
        return LINK_TYPES[self.type].kind

    @property
    def symmetric(self) -> bool:
        """True when the relation reads the same both ways."""
        return LINK_TYPES[self.type].symmetric

    @property
    def label(self) -> str:
        """The relation read forward ("funds")."""
        return LINK_TYPES[self.type].forward

    def label_from(self, node: str) -> str:
        """The relation read from ``node``'s side ("funded by" from the target)."""
        return LINK_TYPES[self.type].label_for(forward=node == self.source)

    def other(self, node: str) -> str:
        """The entity at the other end from ``node``."""
        return self.target if node == self.source else self.source

    def as_dict(self, entities: Mapping[str, Entity] | None = None) -> dict:
        """The link's JSON shape.

        ``source_name`` and ``target_name`` come from ``entities`` (id to
        :class:`Entity`); they are ``None`` without it.

        Examples
        --------
        >>> link = Link("a~met~b", "a", "b", "met", "reported")
        >>> d = link.as_dict({"a": Entity("a", "Ann", "person")})
        >>> d["source_name"], d["target_name"], d["symmetric"]
        ('Ann', None, True)
        """
        names = entities or {}
        return {
            "id": self.id,
            "source": self.source,
            "source_name": names[self.source].name if self.source in names else None,
            "target": self.target,
            "target_name": names[self.target].name if self.target in names else None,
            "type": self.type,
            "label": self.label,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "amount": self.amount,
            "currency": self.currency,
            "summary": self.summary,
            "sources": [c.as_dict() for c in self.sources],
            "kind": self.kind,
            "symmetric": self.symmetric,
            "account_of": self.account_of,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Dataset:
    """A whole, checked dataset.

    Attributes
    ----------
    sources : dict
        Source id to :class:`Source`, in file order.
    entities : dict
        Entity id to :class:`Entity`, in file order.
    links : tuple
        Every :class:`Link`, in file order.
    warnings : tuple
        Problems that do not invalidate the data (an unused source).
    directories : tuple
        The dataset directories read, in order, as displayed in messages.
    retracted : tuple
        Records an overlay directory retracted (see
        :mod:`imrnet.dataset.retractions`), as plain dicts.
    """

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    warnings: tuple = ()
    directories: tuple[str, ...] = ()
    retracted: tuple = ()

    @cached_property
    def links_by_entity(self) -> dict[str, list[Link]]:
        """Entity id to the links it takes part in, in file order."""
        index: dict[str, list[Link]] = {eid: [] for eid in self.entities}
        for link in self.links:
            index[link.source].append(link)
            index[link.target].append(link)
        return index
