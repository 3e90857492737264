"""Load and check a dataset in two passes, as followthemoney loads its model.

Pass one parses every YAML file (:mod:`imrnet.dataset.yaml_reader`: libyaml's
parser where available, no aliases, and the :mod:`~imrnet.dataset.limits` on
size, depth, text and numbers checked before anything is built), keeping the
line of each record and field and catching duplicate keys, which PyYAML
would silently collapse. Pass two checks the
whole dataset -- fields, vocabularies, dates, references, duplicates -- and
reports every problem at once, each naming its file, line and culprit::

    data/links.yaml:123: link alexander-ionov -> agmr: unknown status 'confirmed'
    (expected one of reported, alleged, disputed, planned)

Examples
--------
>>> dataset = load()
>>> dataset.entities["agmr"].type
'organization'
>>> report = check_dirs([bundled_dir()])
>>> report.errors
[]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from imrnet.dataset.dates import date_bounds, parse_date
from imrnet.errors import DatasetError
from imrnet.dataset.model import Citation, Dataset, Entity, Link, Source
from imrnet.dataset.jsonl import parse_jsonl
from imrnet.dataset.limits import field_limit, over_limit
from imrnet.dataset.locations import KINDS, bundled_dir, dataset_files, display_path
from imrnet.dataset.retractions import FILE as RETRACTIONS, retract
from imrnet.dataset.yaml_reader import Mapping as _Mapping, Refused, read_file
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

__all__ = ["Problem", "Report", "load", "check_dirs", "parse_file", "limit_fields"]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LINK_ID = re.compile(r"^[a-z0-9][a-z0-9~._-]*$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data, where it is and what it is.

    Examples
    --------
    >>> str(Problem("data/links.yaml", 12, "link a -> b: self-link"))
    'data/links.yaml:12: link a -> b: self-link'
    >>> str(Problem("notes/sources.yaml", 3, "source x is never cited", "warning"))
    'notes/sources.yaml:3: warning: source x is never cited'
    """

    file: str
    line: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.level == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "level": self.level, "message": self.message}


@dataclass
class Report:
    """What checking a set of directories found.

    ``dataset`` is ``None`` when there are errors.
    """

    dataset: Dataset | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# --------------------------------------------------------------------------
# Pass one: parse


def parse_file(path: Path, shown: str | None = None) -> tuple[list[_Mapping] | None, list[Problem]]:
    """Parse one YAML file into its records (pass one).

    Reading is :mod:`imrnet.dataset.yaml_reader`'s job, which refuses a
    file that breaks one of the :mod:`imrnet.dataset.limits` before
    building it.

    Parameters
    ----------
    path : Path
        A ``sources.yaml``, ``entities.yaml`` or ``links.yaml`` file.
    shown : str, optional
        How to name the file in messages.

    Returns
    -------
    records : list or None
        The top-level mappings, each with ``.line`` and ``.key_lines``;
        ``None`` when the file could not be read whole (unreadable, a syntax
        error, a limit broken, a wrong top-level shape).
    problems : list of Problem
        Syntax errors, limits, a wrong top-level shape, duplicate keys.

    Examples
    --------
    >>> records, problems = parse_file(bundled_dir() / "entities.yaml")
    >>> problems, records[0]["id"] != ""
    ([], True)
    """
    shown = shown or display_path(path)
    kind = path.stem
    try:
        data, duplicates = read_file(path)
    except Refused as err:
        return None, [Problem(shown, err.line, err.message)]
    problems = [Problem(shown, line, message) for line, message in duplicates]
    if data is None:
        return [], problems
    if not isinstance(data, list):
        found_kind = type(data).__name__ if not isinstance(data, dict) else "a mapping"
        return None, problems + [
            Problem(shown, 1, f"expected a list of {kind} at the top level, found {found_kind}")
        ]
    records = []
    for position, item in enumerate(data, start=1):
        if not isinstance(item, _Mapping):
            problems.append(
                Problem(shown, 0, f"item {position} is a {type(item).__name__}, expected a mapping of fields")
            )
            continue
        records.append(item)
    return records, problems


def limit_fields(records: list, shown: str) -> list[Problem]:
    """Report each field holding a text longer than its limit, and cut it there.

    Applies to records of either format; cutting keeps later messages short.

    Examples
    --------
    >>> from imrnet.dataset.yaml_reader import read_text
    >>> records, _ = read_text("- {id: a, name: " + "n" * 501 + "}")
    >>> [str(p) for p in limit_fields(records, "entities.yaml")], len(records[0]["name"])
    (["entities.yaml:1: field 'name' is 501 characters long, over the limit of 500 (see Limits in the README)"], 500)
    """
    problems = []
    for item in records:
        for key, value in item.items():
            message = over_limit(key, value)
            if message:
                problems.append(Problem(shown, item.key_lines.get(key, item.line), message))
                item[key] = _cut(key, value)
    return problems


def _cut(key: Any, value: Any) -> Any:
    """A field's value with each text cut to the field's limit."""
    if isinstance(value, str):
        return value[: field_limit(key)]
    if isinstance(value, list):
        return [_cut(key, entry) if isinstance(entry, str) else entry for entry in value]
    return value


# --------------------------------------------------------------------------
# Pass two: check


@dataclass
class _Parsed:
    file: str
    record: _Mapping
    origin: str = "bundled"


#: "Did you mean" compares a word with every option: the first 100 problems
#: get suggestions, so that thousands of bad references into thousands of
#: entities stay fast.
MAX_SUGGESTIONS, MAX_SUGGESTION_OPTIONS = 100, 2_000
_suggestions_left: ContextVar[int] = ContextVar("suggestions_left", default=MAX_SUGGESTIONS)


def _closest(word: str, options: Iterable[str]) -> str:
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


def _expected(options: Iterable[str]) -> str:
    return f"(expected one of {', '.join(options)})"


class _Checker:
    """Pass two: checks every record and builds the dataset."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.entities: dict[str, Entity] = {}
        self.links: list[Link] = []

    # -- helpers ---------------------------------------------------------

    def error(self, item: _Parsed, what: str, message: str, key: str | None = None) -> None:
        line = item.record.key_lines.get(key, item.record.line) if key else item.record.line
        self.errors.append(Problem(item.file, line, f"{what}: {message}"))

    def fields(self, item: _Parsed, what: str, allowed: dict[str, bool]) -> bool:
        """Check unknown and missing fields; False when a required one is missing."""
        ok = True
        for key in item.record:
            if key not in allowed:
                self.error(item, what, f"unknown field {key!r}{_closest(str(key), allowed)}", key)
        for key, required in allowed.items():
            if required and key not in item.record:
                self.error(item, what, f"missing required field {key!r}")
                ok = False
        return ok

    def text(self, item: _Parsed, what: str, key: str, required: bool = False) -> str | None:
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

    def text_list(self, item: _Parsed, what: str, key: str) -> tuple[str, ...]:
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

    def date(self, item: _Parsed, what: str, key: str) -> str | None:
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

    def ident(self, item: _Parsed, what: str, seen: dict, pattern: re.Pattern) -> str | None:
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

    def citations(self, item: _Parsed, what: str) -> tuple[Citation, ...]:
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
                self.error(item, what, f"unknown source {sid!r}{_closest(sid, self.sources)}", "sources")
                continue
            out.append(Citation(sid, str(locator) if locator is not None else None))
        return tuple(out)

    # -- the three kinds ---------------------------------------------------

    def source(self, item: _Parsed) -> None:
        raw = item.record.get("id")
        what = f"source {raw}" if raw is not None else "source"
        self.fields(item, what, SOURCE_FIELDS)
        sid = self.ident(item, what, self.sources, _SLUG)
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
                           f"{_closest(source.cited_in, self.sources)}")
            else:
                continue
            self.errors.append(Problem(source.file, source.line, f"source {source.id}: {problem}"))

    def entity(self, item: _Parsed) -> None:
        raw = item.record.get("id")
        what = f"entity {raw}" if raw is not None else "entity"
        self.fields(item, what, ENTITY_FIELDS)
        eid = self.ident(item, what, self.entities, _SLUG)
        name = self.text(item, what, "name", required=True)
        kind = self.text(item, what, "type", required=True)
        if kind is not None and kind not in ENTITY_TYPES:
            self.error(item, what, f"unknown type {kind!r} {_expected(ENTITY_TYPES)}", "type")
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
            if not _SLUG.match(tag):
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

    def link(self, item: _Parsed, ids: dict[str, Link], seen: dict[tuple, Link]) -> None:
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
                self.error(item, what, f"unknown entity {value!r} in field {key!r}{_closest(str(value), self.entities)}", key)
            else:
                ends[key] = value
        kind = rec.get("type")
        if "type" in rec and (not isinstance(kind, str) or kind not in LINK_TYPES):
            self.error(item, what, f"unknown link type {kind!r}{_closest(str(kind), LINK_TYPES)}", "type")
            kind = None
        status = rec.get("status")
        if "status" in rec and (not isinstance(status, str) or status not in STATUSES):
            self.error(item, what, f"unknown status {status!r} {_expected(STATUSES)}", "status")
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
        if account_of is not None and not _SLUG.match(account_of):
            self.error(item, what, f"field 'account_of' must be a lowercase slug, not {account_of!r}", "account_of")
            account_of = None
        citations = self.citations(item, what)
        if given is not None and (not isinstance(given, str) or not _LINK_ID.match(given)):
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
        used = {c.id for e in self.entities.values() for c in e.sources}
        used |= {c.id for link in self.links for c in link.sources}
        used |= {s.cited_in for s in self.sources.values() if s.id in used and s.cited_in}
        for source in self.sources.values():
            if source.id not in used:
                self.warnings.append(Problem(source.file, source.line, f"source {source.id} is never cited", "warning"))


def _kind(value: Any) -> str:
    return {dict: "a mapping", _Mapping: "a mapping", list: "a list", bool: "true/false"}.get(
        type(value), repr(value)
    )


def check_dirs(dirs: list[Path]) -> Report:
    """Parse and check the dataset in ``dirs`` (merged in order); never raises.

    Parameters
    ----------
    dirs : list of Path
        Dataset directories. A later one may add sources, entities and links
        and refer to ids of any other; the same id twice is an error.

    Returns
    -------
    Report
        The dataset (``None`` when there are errors), errors and warnings.

    Examples
    --------
    >>> report = check_dirs([bundled_dir()])
    >>> len(report.dataset.entities) > 50, report.errors
    (True, [])
    """
    parsed: dict[str, list[_Parsed]] = {kind: [] for kind in (*KINDS, "retractions")}
    errors: list[Problem] = []
    unreadable = False
    bundled = bundled_dir().resolve()
    origins = []
    for directory in dirs:
        origin = "bundled" if directory.resolve() == bundled else display_path(directory)
        origins.append(origin)
        try:
            present, both = dataset_files(directory)
        except OSError as err:  # a directory that may not be listed
            errors.append(Problem(display_path(directory), 0, f"cannot read directory: {err.strerror or err}"))
            unreadable = True
            continue
        retracting = directory / RETRACTIONS
        for kind in both:
            errors.append(Problem(display_path(directory), 0, f"both {kind}.yaml and {kind}.jsonl here: keep {kind} in one of them"))
            unreadable = True
        if not present and not both and not retracting.is_file():
            errors.append(Problem(display_path(directory), 0, f"no dataset files here (expected {', '.join(KINDS)} as .yaml or .jsonl)"))
        if retracting.is_file():
            present = {**present, "retractions": retracting}
        for kind, path in present.items():
            shown = display_path(path)
            parse = parse_jsonl if path.suffix == ".jsonl" else parse_file
            records, problems = parse(path, shown)
            errors.extend(problems)
            errors.extend(limit_fields(records or [], shown))
            if records is None:
                unreadable = True
            else:
                parsed[kind].extend(_Parsed(shown, record, origin) for record in records)
    if unreadable:
        # A file that could not be read whole would make pass two report
        # every reference into it as unknown: stop at the syntax errors.
        return Report(None, errors, [])

    _suggestions_left.set(MAX_SUGGESTIONS)
    checker = _Checker()
    checker.errors = errors
    for item in parsed["sources"]:
        checker.source(item)
    checker.check_cited_in()
    for item in parsed["entities"]:
        checker.entity(item)
    ids: dict[str, Link] = {}
    seen: dict[tuple, Link] = {}
    for item in parsed["links"]:
        checker.link(item, ids, seen)
    checker.check_accounts()
    checker.unused_sources()
    retracted = retract(checker, parsed["retractions"], origins)

    order = {name: i for i, name in enumerate(dict.fromkeys(p.file for p in checker.errors))}
    checker.errors.sort(key=lambda p: (order[p.file], p.line))
    if checker.errors:
        return Report(None, checker.errors, checker.warnings)
    dataset = Dataset(
        sources=checker.sources,
        entities=checker.entities,
        links=tuple(checker.links),
        warnings=tuple(checker.warnings),
        directories=tuple(display_path(d) for d in dirs),
        retracted=tuple(retracted),
    )
    return Report(dataset, [], checker.warnings)


def load(dirs: list[Path] | None = None) -> Dataset:
    """Load the dataset, refusing invalid data.

    Parameters
    ----------
    dirs : list of Path, optional
        Dataset directories; the bundled dataset when omitted.

    Returns
    -------
    Dataset

    Raises
    ------
    DatasetError
        Listing every error found.

    Examples
    --------
    >>> load().entities["konstantin-malofeev"].type
    'person'
    """
    report = check_dirs(list(dirs) if dirs else [bundled_dir()])
    if report.errors:
        raise DatasetError(report.errors)
    return report.dataset
