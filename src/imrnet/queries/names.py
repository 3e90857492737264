"""Name resolution: turn what a user types into one entity.

Names are compared after :func:`normalize`, so case, accents, punctuation,
Cyrillic script and the usual transliteration variants do not matter.
:class:`NameIndex` resolves a text in tiers, and never picks silently among
several fits:

1. an exact entity id (``alexander-ionov``);
2. an exact normalized id, name or alias (``Aleksandr Ionov``, ``АГМР``);
3. a person's surname typed alone, or with some of the person's other name
   words before or after it (``Ionov``, ``Ионов``, ``Alexander Dugin`` for
   "Alexander Gelyevich Dugin", ``Ionov Alexander``, ``IONOV, Aleksandr
   Viktorovich``, ``Ионов Александр Викторович``); a patronymic none of the
   person's recorded names holds need not match.

A tier that fits one entity wins; a tier that fits several raises
:class:`~imrnet.errors.AmbiguousName`, and so do words that are not a
surname but belong to several people's names (``Alexander``); when no tier fits,
:class:`~imrnet.errors.UnknownName` carries up to five "did you mean"
suggestions.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity
>>> people = [Entity("alexander-ionov", "Alexander Ionov", "person", aliases=("Александр Ионов",)),
...           Entity("agmr", "Anti-Globalization Movement of Russia", "organization", aliases=("AGMR",))]
>>> dataset = Dataset(entities={e.id: e for e in people})
>>> resolve(dataset, "Ионов").id
'alexander-ionov'
>>> resolve(dataset, "aleksandr IONOV").id
'alexander-ionov'
>>> resolve(dataset, "IONOV, Aleksandr Viktorovich").id
'alexander-ionov'
>>> resolve(dataset, "agmr").name
'Anti-Globalization Movement of Russia'
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping

from imrnet.errors import AmbiguousName, UnknownName, UsageError
from imrnet.dataset.model import Entity
from imrnet.queries.inputs import typed_text
from imrnet.queries.normal import fold_word, normalize  # noqa: F401 - part of this module's API

__all__ = ["normalize", "fold_word", "entity_keys", "NameIndex", "index_for", "resolve"]

# A Russian patronymic, transliterated and folded: Viktorovich, Sergeevna, Ilyich.
_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna)$")


def entity_keys(entity: Entity) -> tuple[list[str], dict[str, list[list[str]]]]:
    """The keys an entity is found by: its normalized id, name and aliases (sorted), and,
    for a person, each surname with the token lists of the names ending in it.

    Examples
    --------
    >>> entity_keys(Entity("k", "Konstantin Malofeev", "person", aliases=("Малофеев",)))
    (['k', 'konstantin malofeev', 'malofeev'], {'malofeev': [['konstantin', 'malofeev'], ['malofeev']]})
    """
    keys = {normalize(entity.id)}
    surnames: dict[str, list[list[str]]] = {}
    for name in (entity.name, *entity.aliases):
        key = normalize(name)
        keys.add(key)
        if entity.type == "person" and key:
            tokens = key.split()
            surnames.setdefault(tokens[-1], []).append(tokens)
    keys.discard("")
    return sorted(keys), surnames


class NameIndex:
    """Look entities up by id, name, alias or surname.

    Parameters
    ----------
    entities : Mapping of str to Entity
        The dataset's entities, id to record.

    Examples
    --------
    >>> from imrnet.dataset.model import Entity
    >>> ents = [Entity("alexander-dugin", "Alexander Gelyevich Dugin", "person"),
    ...         Entity("pavel-dugin", "Pavel Dugin", "person")]
    >>> index = NameIndex({e.id: e for e in ents})
    >>> index.resolve("Aleksandr Dugin").id
    'alexander-dugin'
    >>> index.resolve("dugin")
    Traceback (most recent call last):
    ...
    imrnet.errors.AmbiguousName: 'dugin' fits 2 entities: alexander-dugin (Alexander Gelyevich Dugin, person); pavel-dugin (Pavel Dugin, person); use an id or a fuller name
    """

    def __init__(self, entities: Mapping[str, Entity]):
        self.entities: dict[str, Entity] = dict(entities)
        #: normalized id/name/alias -> ids
        self._full: dict[str, set[str]] = {}
        #: normalized surname -> {id: [token lists of the names ending in it]}
        self._surname: dict[str, dict[str, list[list[str]]]] = {}
        #: (normalized key, id) pairs offered to suggestions
        self._choices: list[tuple[str, str]] = []
        for entity in self.entities.values():
            keys, surnames = entity_keys(entity)
            for surname, names in surnames.items():
                self._surname.setdefault(surname, {})[entity.id] = names
            for key in keys:
                self._full.setdefault(key, set()).add(entity.id)
                self._choices.append((key, entity.id))

    @classmethod
    def from_lookups(cls, entities: Mapping[str, Entity], full, surnames, choices) -> "NameIndex":
        """An index over lookups kept elsewhere (the compiled index's tables).

        ``full`` (normalized key to ids) and ``surnames`` (surname to
        ``{id: [token lists]}``) answer ``get(key, default)``, and
        ``surnames`` ``values()``, as this class's own dicts do;
        ``choices`` iterates the ``(key, id)`` pairs.
        """
        index = cls.__new__(cls)
        index.entities = entities
        index._full, index._surname, index._choices = full, surnames, choices
        return index

    def _refs(self, ids) -> list[dict]:
        found = [self.entities[i] for i in ids]
        found.sort(key=lambda e: (e.name.casefold(), e.id))
        return [e.ref() for e in found]

    def _pick(self, text: str, ids) -> Entity | None:
        ids = set(ids)
        if len(ids) == 1:
            return self.entities[next(iter(ids))]
        if len(ids) > 1:
            raise AmbiguousName(text, self._refs(ids))
        return None

    def candidates(self, text: str) -> list[dict]:
        """Every entity ``text`` fits in the first tier that fits any.

        Examples
        --------
        >>> from imrnet.dataset.model import Entity
        >>> index = NameIndex({"a": Entity("a", "Anna Ivanova", "person")})
        >>> index.candidates("ivanova")
        [{'id': 'a', 'name': 'Anna Ivanova', 'type': 'person'}]
        >>> index.candidates("Petrov")
        []
        """
        if text in self.entities:
            return [self.entities[text].ref()]
        key = normalize(text)
        if not key:
            return []
        if key in self._full:
            return self._refs(self._full[key])
        return self._refs(self._token_matches(key))

    def _token_matches(self, key: str) -> set[str]:
        """People named by a surname and some of their other name words.

        The surname comes last ("Alexander Ionov") or, as analysts paste
        names from lists and Russian documents, first ("Ionov Alexander",
        "IONOV, Aleksandr Viktorovich"); a patronymic that none of the
        person's recorded names holds is not required to match.
        """
        tokens = key.split()
        found = self._surname_matches(tokens[-1], tokens[:-1])
        if not found and len(tokens) > 1:
            found = self._surname_matches(tokens[0], tokens[1:])
        return found

    def _surname_matches(self, surname: str, given: list[str]) -> set[str]:
        found: set[str] = set()
        for eid, names in self._surname.get(surname, {}).items():
            for name_tokens in names:
                rest = name_tokens[:-1]
                has_patronymic = any(_PATRONYMIC.search(word) for word in rest)
                if all(t in rest or (not has_patronymic and _PATRONYMIC.search(t)) for t in given):
                    found.add(eid)
                    break
        return found

    def resolve(self, text: str) -> Entity:
        """Return the one entity ``text`` names.

        Parameters
        ----------
        text : str
            An id, a name, an alias or a person's surname, in any case,
            script or usual transliteration.

        Raises
        ------
        UsageError
            When the text is empty or holds no letter or digit.
        AmbiguousName
            When the text fits several entities equally well.
        UnknownName
            When it fits none (with up to five suggestions).

        Examples
        --------
        >>> from imrnet.dataset.model import Entity
        >>> index = NameIndex({"k": Entity("k", "Konstantin Malofeev", "person")})
        >>> index.resolve("МАЛОФЕЕВ").name
        'Konstantin Malofeev'
        >>> index.resolve("Malofeyev").id
        'k'
        """
        if not isinstance(text, str):
            raise UsageError(f"entity name must be text, not {type(text).__name__}")
        if text in self.entities:
            return self.entities[text]
        stripped = text.strip()
        if stripped in self.entities:
            return self.entities[stripped]
        key = normalize(typed_text(text, "entity name"))
        if not key:
            raise UsageError(f"empty entity name {text!r}: give an id, a name or an alias")
        found = self._pick(text, self._full.get(key, ()))
        if found is None:
            found = self._pick(text, self._token_matches(key))
        if found is None:
            # Not a name, but the given name(s) of several people ("Alexander"):
            # ambiguous, with the candidates, rather than "no entity matches".
            people = self._word_matches(key)
            if len(people) > 1:
                raise AmbiguousName(text, self._refs(people))
            raise UnknownName(text, self.suggest(text))
        return found

    def _word_matches(self, key: str) -> set[str]:
        """The people with a name holding every word of ``key``, in any place."""
        tokens = key.split()
        return {
            eid
            for by_id in self._surname.values()
            for eid, names in by_id.items()
            if any(all(t in name_tokens for t in tokens) for name_tokens in names)
        }

    def suggest(self, text: str, limit: int = 5) -> list[dict]:
        """The entities whose id, name or alias is nearest to ``text``.

        Scored with :func:`rapidfuzz.fuzz.WRatio` on normalized names; at
        most ``limit`` references, best first, ties by name. Nothing below a
        score of 60 is offered.

        Examples
        --------
        >>> from imrnet.dataset.model import Entity
        >>> index = NameIndex({"k": Entity("k", "Konstantin Malofeev", "person"),
        ...                    "t": Entity("t", "Tsargrad", "media")})
        >>> [r["id"] for r in index.suggest("Malofe")]
        ['k']
        """
        key = normalize(text)
        if not key or limit <= 0:
            return []
        from rapidfuzz import fuzz

        best: dict[str, float] = {}
        for choice, eid in self._choices:
            score = fuzz.WRatio(key, choice)
            if score >= 60 and score > best.get(eid, -1.0):
                best[eid] = score
        ranked = sorted(
            best,
            key=lambda eid: (-best[eid], self.entities[eid].name.casefold(), eid),
        )
        return [self.entities[eid].ref() for eid in ranked[:limit]]


_CACHE: dict[int, tuple[weakref.ref, NameIndex]] = {}


def _forget(key: int, ref: weakref.ref) -> None:
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is ref:
        del _CACHE[key]


def index_for(dataset) -> NameIndex:
    """The :class:`NameIndex` of a dataset, built once per dataset object.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset
    >>> d = Dataset()
    >>> index_for(d) is index_for(d)
    True
    """
    key = id(dataset)
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is dataset:
        return cached[1]
    tables = getattr(dataset, "name_tables", None)
    if tables is not None:  # a compiled index: look names up in its tables
        lookups = tables()
        index = NameIndex.from_lookups(dataset.entities, lookups.full, lookups.surnames, lookups.choices)
    else:
        index = NameIndex(dataset.entities)
    try:
        ref = weakref.ref(dataset, lambda r, key=key: _forget(key, r))
    except TypeError:  # not weak-referenceable: do not cache
        return index
    _CACHE[key] = (ref, index)
    return index


def resolve(dataset, text: str) -> Entity:
    """Resolve ``text`` to one entity of ``dataset`` (see :meth:`NameIndex.resolve`).

    An exact id needs no index: on a large dataset, building one costs
    seconds (every name normalized), so ids are looked up directly.

    Examples
    --------
    >>> from imrnet.dataset.examples import tiny_dataset
    >>> resolve(tiny_dataset(), "agmr").name
    'Anti-Globalization Movement of Russia'
    """
    if isinstance(text, str) and text in dataset.entities:
        return dataset.entities[text]
    return index_for(dataset).resolve(text)
