"""Pass two of the loader: check every record of a parsed dataset and build it.

:class:`Checker` takes the parsed records kind by kind (sources, entities,
links), checks fields, vocabularies, dates, references and duplicates, and
collects every :class:`~imrnet.dataset.problems.Problem` it finds, each
naming its file, line and culprit; :func:`imrnet.dataset.loader.check_dirs`
drives it.

Examples
--------
>>> reset_suggestions()  # a check offers "did you mean" for its first 100 problems
>>> closest("reportd", ["reported", "alleged"])
" (did you mean 'reported'?)"
>>> expected(["a", "b"])
'(expected one of a, b)'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from imrnet.dataset.dates import date_bounds, parse_date
from imrnet.dataset.model import Citation, Entity, Link, Source
from imrnet.dataset.problems import Problem
from imrnet.dataset.vocab import (
    ACCUSATION_TYPES,
    COUNTRIES,
    CURRENCIES,
    ENTITY_DATE_FIELDS,
    ENTITY_FIELDS,
    ENTITY_TYPES,
    LINK_FIELDS,
    LINK_TYPES,
    SOURCE_FIELDS,
    STATUSES,
)
from imrnet.dataset.yaml_reader import Mapping as _Mapping

__all__ = ["Checker", "Parsed", "closest", "expected", "reset_suggestions"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK_ID = re.compile(r"^[a-z0-9][a-z0-9~._-]*$")


@dataclass
class Parsed:
    file: str
    record: _Mapping
    origin: str = "bundled"


#: "Did you mean" compares a word with every option: the first 100 problems
#: get suggestions, so that thousands of bad references into thousands of
#: entities stay fast.
MAX_SUGGESTIONS, MAX_SUGGESTION_OPTIONS = 100, 2_000
_suggestions_left: ContextVar[int] = ContextVar("suggestions_left", default=MAX_SUGGESTIONS)


def closest(word: str, options: Iterable[str]) -> str:
    left = _suggestions_left.get()
    if left <= 0 or len(word) > 200:
        return ""
    _suggestions_left.set(left - 1)
    options = list(options)
    if len(options) > MAX_SUGGESTION_OPTIONS:  # difflib is pure Python: rapidfuzz's C scorer
        from rapidfuzz import fuzz, process

        found = process.extractOne(word, options, scorer=fuzz.ratio, score_cutoff=60)
        match = [found[0]] if found else []
    else:
        match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def reset_suggestions() -> None:
    """Give the next check its full allowance of "did you mean" suggestions."""
    _suggestions_left.set(MAX_SUGGESTIONS)


def expected(options: Iterable[str]) -> str:
    return f"(expected one of {', '.join(options)})"


class Checker:
    """Pass two: checks every record and builds the dataset."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.entities: dict[str, Entity] = {}
        self.links: list[Link] = []

    # -- helpers ---------------------------------------------------------

    def error(self, item: Parsed, what: str, message: str, key: str | None = None) -> None:
        line = item.record.key_lines.get(key, item.record.line) if key else item.record.line
        self.errors.append(Problem(item.file, line, f"{what}: {message}"))

    def fields(self, item: Parsed, what: str, allowed: dict[str, bool]) -> bool:
        """Check unknown and missing fields; False when a required one is missing."""
        ok = True
        for key in item.record:
            if key not in allowed:
                self.error(item, what, f"unknown field {key!r}{closest(str(key), allowed)}", key)
        for key, required in allowed.items():
            if required and key not in item.record:
                self.error(item, what, f"missing required field {key!r}")
                ok = False
        return ok

    def text(self, item: Parsed, what: str, key: str, required: bool = False) -> str | None:
        value = item.record.get(key)
        if value is None:
            if required and key in item.record:
                self.error(item, what, f"field {key!r} is empty", key)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(item, what, f"field {key!r} must be text, not {_kind(value)}", key)
            return None
        value = str(value).strip()
        if not value:
            self.error(item, what, f"field {key!r} is empty", key)
            return None
        return value

    def text_list(self, item: Parsed, what: str, key: str) -> tuple[str, ...]:
        value = item.record.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(item, what, f"field {key!r} must be a list, not {_kind(value)}", key)
            return ()
        out = []
        for entry in value:
            if isinstance(entry, bool) or not isinstance(entry, (str, int, float)) or not str(entry).strip():
                self.error(item, what, f"field {key!r} holds {_kind(entry)}, expected text", key)
                continue
            out.append(str(entry).strip())
        return tuple(out)

    def date(self, item: Parsed, what: str, key: str) -> str | None:
        value = item.record.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.error(item, what, f"field {key!r} must be a date (YYYY, YYYY-MM or YYYY-MM-DD)", key)
            return None
        try:
            parse_date(str(value))
        except ValueError as err:
            self.error(item, what, f"field {key!r}: {err}", key)
            return None
        return str(value)

    def ident(self, item: Parsed, what: str, seen: dict, pattern: re.Pattern) -> str | None:
        value = item.record.get("id")
        if value is None:
            return None
        value = str(value)
        if not pattern.match(value):
            self.error(item, what, f"id {value!r} is not a lowercase slug (letters, digits, '-')", "id")
            return None
        if value in seen:
            first = seen[value]
            self.error(item, what, f"duplicate id {value!r} (first defined at {first.file}:{first.line})", "id")
            return None
        return value

    def citations(self, item: Parsed, what: str) -> tuple[Citation, ...]:
        value = item.record.get("sources")
        if value is None:
            if "sources" in item.record:
                self.error(item, what, "field 'sources' is empty: cite at least one source", "sources")
            return ()
        if not isinstance(value, list):
            value = [value]
        if not value:
            self.error(item, what, "field 'sources' is empty: cite at least one source", "sources")
        out = []
        for entry in value:
            if isinstance(entry, dict):
                extra = set(entry) - {"id", "locator"}
                if extra:
                    self.error(item, what, f"source citation has unknown field {sorted(extra, key=str)[0]!r} (expected id, locator)", "sources")
                sid, locator = entry.get("id"), entry.get("locator")
                if locator is not None and not isinstance(locator, (str, int)):
                    self.error(item, what, "source locator must be text", "sources")
                    locator = None
            else:
                sid, locator = entry, None
            if not isinstance(sid, str) or not sid.strip():
                self.error(item, what, f"source citation {entry!r} needs a source id", "sources")
                continue
            if sid not in self.sources:
                self.error(item, what, f"unknown source {sid!r}{closest(sid, self.sources)}", "sources")
                continue
            out.append(Citation(sid, str(locator) if locator is not None else None))
        return tuple(out)

    # -- the three kinds ---------------------------------------------------

    def source(self, item: Parsed) -> None:
        raw = item.record.get("id")
        what = f"source {raw}" if raw is not None else "source"
        self.fields(item, what, SOURCE_FIELDS)
        sid = self.ident(item, what, self.sources, SLUG)
        title = self.text(item, what, "title", required=True)
        publisher = self.text(item, what, "publisher", required=True)
        date = self.date(item, what, "date")
        url = self.text(item, what, "url")
        authors = self.text_list(item, what, "authors")
        note = self.text(item, what, "note")
        cited_in = self.text(item, what, "cited_in")
        if sid:  # kept even when incomplete, so references to it do not cascade
            self.sources[sid] = Source(
                sid, title or "", publisher or "", date, url, authors, note, cited_in, item.file,
                item.record.line, item.origin,
            )

    def check_cited_in(self) -> None:
        for source in self.sources.values():
            if source.cited_in is None:
                continue
            if source.cited_in == source.id:
                problem = "field 'cited_in' names the source itself"
            elif source.cited_in not in self.sources:
                problem = (f"field 'cited_in' names unknown source {source.cited_in!r}"
                           f"{closest(source.cited_in, self.sources)}")
            else:
                continue
            self.errors.append(Problem(source.file, source.line, f"source {source.id}: {problem}"))

    def entity(self, item: Parsed) -> None:
        raw = item.record.get("id")
        what = f"entity {raw}" if raw is not None else "entity"
        self.fields(item, what, ENTITY_FIELDS)
        eid = self.ident(item, what, self.entities, SLUG)
        name = self.text(item, what, "name", required=True)
        kind = self.text(item, what, "type", required=True)
        if kind is not None and kind not in ENTITY_TYPES:
            self.error(item, what, f"unknown type {kind!r} {expected(ENTITY_TYPES)}", "type")
            kind = None
        for key, fits in ENTITY_DATE_FIELDS.items():
            if kind and key in item.record and kind not in fits:
                self.error(item, what, f"field {key!r} does not fit type {kind!r} (only {', '.join(sorted(fits))})", key)
        countries = item.record.get("country")
        countries = [countries] if isinstance(countries, str) else countries
        if countries is not None and not isinstance(countries, list):
            self.error(item, what, "field 'country' must be a code or a list of codes", "country")
            countries = []
        for code in countries or []:
            if not isinstance(code, str):
                self.error(item, what, f"field 'country' holds {_kind(code)}, expected a code such as RU", "country")
            elif code not in COUNTRIES:
                self.error(item, what, f"unknown country {code!r} (expected an ISO 3166-1 alpha-2 code such as RU, US)", "country")
        tags = self.text_list(item, what, "tags")
        for tag in tags:
            if not SLUG.match(tag):
                self.error(item, what, f"tag {tag!r} is not a lowercase slug", "tags")
        entity = Entity(
            id=eid or "",
            name=name or "",
            type=kind or "",
            aliases=self.text_list(item, what, "aliases"),
            countries=tuple(countries or ()),
            born=self.date(item, what, "born"),
            founded=self.date(item, what, "founded"),
            date=self.date(item, what, "date"),
            place=self.text(item, what, "place"),
            summary=self.text(item, what, "summary"),
            tags=tags,
            sources=self.citations(item, what),
            file=item.file,
            line=item.record.line,
            origin=item.origin,
        )
        if eid:  # kept even when incomplete, so links to it do not cascade
            self.entities[eid] = entity

    def link(self, item: Parsed, ids: dict[str, Link], seen: Any) -> None:
        """Check one link; ``ids`` and ``seen`` (a :class:`~imrnet.dataset.linkkeys.LinkKeys`) hold the links so far."""
        rec = item.record
        given = rec.get("id")
        what = f"link {rec.get('source', '?')} -> {rec.get('target', '?')}"
        complete = self.fields(item, what, LINK_FIELDS)
        ends = {}
        for key in ("source", "target"):
            value = rec.get(key)
            if key not in rec:
                continue
            if not isinstance(value, str) or value not in self.entities:
                self.error(item, what, f"unknown entity {value!r} in field {key!r}{closest(str(value), self.entities)}", key)
            else:
                ends[key] = value
        kind = rec.get("type")
        if "type" in rec and (not isinstance(kind, str) or kind not in LINK_TYPES):
            self.error(item, what, f"unknown link type {kind!r}{closest(str(kind), LINK_TYPES)}", "type")
            kind = None
        status = rec.get("status")
        if "status" in rec and (not isinstance(status, str) or status not in STATUSES):
            self.error(item, what, f"unknown status {status!r} {expected(STATUSES)}", "status")
            status = None
        if kind in ACCUSATION_TYPES and status == "reported":
            self.error(item, what, f"type {kind!r} records an accusation: status must be alleged or disputed, not 'reported'", "status")
        start = self.date(item, what, "start")
        end = self.date(item, what, "end")
        if start and end and date_bounds(end)[1] < date_bounds(start)[0]:
            self.error(item, what, f"end {end} is before start {start}", "end")
        amount = rec.get("amount")
        currency = self.text(item, what, "currency")
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0):
            self.error(item, what, f"field 'amount' must be a non-negative number, not {amount!r}", "amount")
            amount = None
        if amount is not None and currency is None:
            self.error(item, what, "field 'amount' needs a 'currency' (ISO 4217, e.g. RUB, USD, EUR)", "amount")
        if currency is not None and currency not in CURRENCIES:
            self.error(item, what, f"unknown currency {currency!r} (expected an ISO 4217 code such as RUB, USD, EUR)", "currency")
        if currency is not None and amount is None and "amount" not in rec:
            self.error(item, what, "field 'currency' given without an 'amount'", "currency")
        role = self.text(item, what, "role")
        summary = self.text(item, what, "summary")
        account_of = self.text(item, what, "account_of")
        if account_of is not None and not SLUG.match(account_of):
            self.error(item, what, f"field 'account_of' must be a lowercase slug, not {account_of!r}", "account_of")
            account_of = None
        citations = self.citations(item, what)
        if given is not None and (not isinstance(given, str) or not LINK_ID.match(given)):
            self.error(item, what, f"id {given!r} is not a lowercase id (letters, digits, '-', '~', '.', '_')", "id")
            given = None
        if len(ends) == 2 and ends["source"] == ends["target"]:
            self.error(item, what, "self-link: source and target are the same entity", "target")
            return
        if not (complete and len(ends) == 2 and kind and status):
            return
        source, target = ends["source"], ends["target"]
        pair = tuple(sorted((source, target))) if LINK_TYPES[kind].symmetric else (source, target)
        key = (pair, kind, start, end, role, amount, currency)
        if key in seen:
            first = seen[key]
            self.error(item, what, f"the same link is already defined at {first.file}:{first.line}")
            return
        link_id = given or f"{source}~{kind}~{target}" + (f"~{start}" if start else "")
        if link_id in ids:
            first = ids[link_id]
            self.error(item, what, f"link id {link_id!r} is also used at {first.file}:{first.line}; give one of them an explicit 'id'", "id" if given else None)
            return
        link = Link(link_id, source, target, kind, status, start, end, role, amount, currency,
                    summary, citations, item.file, rec.line, account_of, item.origin)
        ids[link_id] = seen[key] = link
        self.links.append(link)

    def check_accounts(self) -> None:
        """Competing accounts of one fact: two or more links, one pair of entities."""
        groups: dict[str, list[Link]] = {}
        for link in self.links:
            if link.account_of:
                groups.setdefault(link.account_of, []).append(link)
        for name, links in groups.items():
            first = links[0]
            if len(links) == 1:
                self.errors.append(Problem(first.file, first.line, f"link {first.id}: field 'account_of': group {name!r} has no other account; give it to every link that tells the same fact another way"))
                continue
            pair = {first.source, first.target}
            for link in links[1:]:
                if {link.source, link.target} != pair:
                    self.errors.append(Problem(link.file, link.line, f"link {link.id}: field 'account_of': group {name!r} joins links between different entities (first at {first.file}:{first.line})"))

    def unused_sources(self) -> None:
        # Sources are few and soon all cited: stop reading records once none is left uncited.
        uncited = set(self.sources)
        for records in (self.entities.values(), self.links):
            for record in records:
                for citation in record.sources:
                    uncited.discard(citation.id)
                if not uncited:
                    return
        # a source cited in a cited one counts as used (one level)
        uncited -= {s.cited_in for s in self.sources.values() if s.id not in uncited and s.cited_in}
        for source in self.sources.values():
            if source.id in uncited:
                self.warnings.append(Problem(source.file, source.line, f"source {source.id} is never cited", "warning"))


def _kind(value: Any) -> str:
    """How a message names a value of the wrong kind; every mapping alike, whichever reader made it."""
    if isinstance(value, dict):
        return "a mapping"
    return {list: "a list", bool: "true/false"}.get(type(value), repr(value))


