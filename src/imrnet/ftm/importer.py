"""Import a FollowTheMoney entity stream as an imrnet dataset directory.

The stream is read once, line by line. Entities (Person, Organization,
Company, PublicBody, LegalEntity, Event) are written to ``entities.jsonl``
as they come; relations (Membership, Directorship, Ownership, Employment,
Representation, Family, Associate, UnknownLink, Payment, Sanction, an
Event's ``organizer`` and ``involved``) are set aside in a spool file, since
an FtM stream may name an entity before it defines it, and written to
``links.jsonl`` once every id is known. Memory holds only what resolving
needs: the id of every entity and link, a digest of every link (to drop
repeats), the names of possible sanctioning authorities and the sources. Everything goes into a temporary
directory renamed into place at the end (:mod:`imrnet.ftm.atomic`).

Every record is ``reported`` (FtM states facts) unless it carries the exact
status of an imrnet export, and cites the sources made from its provenance
(:mod:`imrnet.ftm.provenance`). The result says what was taken and what was
skipped, and why.

Examples
--------
>>> import io, json, tempfile
>>> from pathlib import Path
>>> stream = io.BytesIO(b'''
... {"id": "p1", "schema": "Person", "properties": {"name": ["Jane Doe"], "nationality": ["ru"]}}
... {"id": "o1", "schema": "Organization", "properties": {"name": ["Acme Club"]}}
... {"id": "m1", "schema": "Membership", "properties": {"member": ["p1"], "organization": ["o1"], "startDate": ["2019"]}}
... {"id": "v1", "schema": "Vessel", "properties": {"name": ["Ship"]}}
... ''')
>>> out = Path(tempfile.mkdtemp()) / "demo"
>>> result = import_ftm(stream, "demo.json", out, dataset="demo")
>>> result["taken"]["entities"], result["taken"]["links"], result["skipped"]
(2, 1, {'schema Vessel is not imported': 1})
>>> json.loads((out / "links.jsonl").read_text(encoding="utf-8"))["type"]
'member_of'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO

from imrnet.dataset.vocab import ACCUSATION_TYPES, LINK_TYPES, STATUSES
from imrnet.ftm import convert
from imrnet.ftm.atomic import dataset_directory
from imrnet.ftm.convert import Notes, first, make_id
from imrnet.ftm.mapping import (
    DATE_PROPS,
    ENTITY_TYPE,
    EVENT_ROLES,
    MEDIA,
    ROLE_PROPS,
    parse_marker,
    relation_for,
    relations_of,
)
from imrnet.ftm.provenance import SourceBook
from imrnet.ftm.reader import FtmEntity, read_entities

__all__ = ["import_ftm"]

_LINK_ID = re.compile(r"^[a-z0-9][a-z0-9~._-]*$")
#: Schemata whose names a Sanction's ``authority`` may resolve to.
_AUTHORITY_SCHEMATA = frozenset({"PublicBody", "Organization", "LegalEntity"})


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _dump(record: dict) -> str:
    return _ENCODE(record) + "\n"


class _Importer:
    def __init__(self, tmp: Path, shown: str, dataset: str) -> None:
        self.dataset = dataset
        self.book = SourceBook(shown)
        self.notes = Notes()
        self.skipped: Counter = Counter()
        self.entity_types: Counter = Counter()
        self.link_types: Counter = Counter()
        self.ids: dict[str, str] = {}  # FtM id -> imrnet id, entities taken
        self.used: set[str] = set()  # imrnet entity ids
        self.others: dict[str, str] = {}  # FtM id -> schema, everything else read
        self.authorities: dict[str, str | None] = {}  # name -> imrnet id (None: ambiguous)
        self.made_authorities: dict[str, str] = {}
        self.link_ids: set[str] = set()
        self.link_keys: set[bytes] = set()
        self.lines = 0
        self.entities = (tmp / "entities.jsonl").open("w", encoding="utf-8")
        self.spool_path = tmp / ".links.spool"
        self.spool = self.spool_path.open("w", encoding="utf-8")

    # -- pass one: the stream -------------------------------------------------

    def read(self, entity: FtmEntity) -> None:
        self.lines += 1
        if entity.id in self.ids or entity.id in self.others:
            self.skipped["repeated id (fragments of one entity: merge them with `ftm aggregate`)"] += 1
            return
        if entity.schema in ENTITY_TYPE:
            self.entity(entity)
        elif relation_for(entity.schema) is not None:
            self.others[entity.id] = entity.schema
            self.relation(entity)
        else:
            self.others[entity.id] = entity.schema
            self.skipped[f"schema {entity.schema} is not imported"] += 1

    def new_id(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate

    def entity(self, e: FtmEntity) -> None:
        props = e.properties
        name, aliases = convert.names(props)
        if not name:
            self.others[e.id] = e.schema
            self.skipped[f"{e.schema} without a name"] += 1
            return
        kind = ENTITY_TYPE[e.schema]
        if kind == "organization" and MEDIA in (c.lower() for c in props.get("classification", [])):
            kind = "media"
        eid = self.ids[e.id] = self.new_id(make_id(e.id))
        record: dict = {"id": eid, "name": name, "type": kind}
        if aliases:
            record["aliases"] = aliases
        countries = convert.countries(props, self.notes)
        if countries:
            record["country"] = countries
        field = {"person": "born", "event": "date"}.get(kind, "founded")
        when = convert.first_date(props, DATE_PROPS[field], self.notes)
        if when:
            record[field] = when
        if kind == "event" and first(props, "location"):
            record["place"] = first(props, "location")
        summary = first(props, "summary", "description")
        if summary:
            record["summary"] = summary
        tags = convert.tags(props)
        if tags:
            record["tags"] = tags
        record["sources"] = self.book.cite(e.datasets, props, self.dataset)
        self.entities.write(_dump(record))
        self.entity_types[kind] += 1
        if e.schema in _AUTHORITY_SCHEMATA:
            for text in {name, *aliases}:
                self.authorities[text] = None if text in self.authorities else eid
        if kind == "event":
            for prop, link_type in EVENT_ROLES.items():
                if props.get(prop):
                    link = {"type": link_type, "status": "reported", "sources": record["sources"]}
                    if when:
                        link["start"] = when
                    self.spool_link(e, props[prop], [e.id], link, derived=True)

    def relation(self, e: FtmEntity) -> None:
        props = e.properties
        row = relation_for(e.schema)
        link_type, status, given = row.type, "reported", None
        for text in props.get("recordId", []):
            found = parse_marker(text)
            if found and self._marker_fits(e.schema, *found):
                link_type, status, given = found
                break
        start, end = convert.interval(props, self.notes)
        role = first(props, ROLE_PROPS.get(e.schema, "role"))
        if given and role == LINK_TYPES[link_type].forward:
            role = None  # the label an export puts on an "other link"
        summary = first(props, "summary", "description", "reason")
        if e.schema == "Ownership":
            role, note = convert.percentage_role(role, props.get("percentage", []))
            if note:
                summary = f"{summary} ({note})" if summary else note
        link: dict = {"type": link_type, "status": status}
        amount, currency = convert.money(props, self.notes) if e.schema == "Payment" else (None, None)
        for key, value in (("start", start), ("end", end), ("role", role), ("amount", amount),
                           ("currency", currency), ("summary", summary)):
            if value is not None:
                link[key] = value
        link["sources"] = self.book.cite(e.datasets, props, self.dataset)
        if given:
            link["id"] = given
        targets = props.get(row.target, [])
        if e.schema == "Sanction":
            authority = first(props, "authority")
            if not authority:
                self.skipped["Sanction without an authority"] += 1
                return
            self.spool_link(e, [], targets, link, authority=authority, countries=props.get("country", []))
        else:
            self.spool_link(e, props.get(row.source, []), targets, link)

    def _marker_fits(self, schema: str, link_type: str, status: str, link_id: str) -> bool:
        if link_type not in LINK_TYPES or status not in STATUSES or not _LINK_ID.match(link_id):
            return False
        if link_type in ACCUSATION_TYPES and status == "reported":
            return False
        return schema == "UnknownLink" or any(r.schema == schema for r in relations_of(link_type))

    def spool_link(self, e: FtmEntity, sources: list, targets: list, link: dict, **extra) -> None:
        if not (sources or extra.get("authority")) or not targets:
            self.skipped[f"{e.schema} without both ends"] += 1
            return
        row = {"line": e.line, "id": e.id, "src": sources, "tgt": targets, "link": link, **extra}
        self.spool.write(_dump(row))

    # -- pass two: the links ----------------------------------------------------

    def resolve(self, ftm_id: str) -> tuple[str | None, str | None]:
        """An imrnet id, or why there is none."""
        if ftm_id in self.ids:
            return self.ids[ftm_id], None
        if ftm_id in self.others:
            return None, f"an end has schema {self.others[ftm_id]}, which is not imported"
        return None, "dangling reference (no entity with that id in the stream)"

    def authority(self, name: str, countries: list[str], sources: list) -> str:
        found = self.authorities.get(name)
        if found:
            return found
        if name not in self.made_authorities:
            eid = self.made_authorities[name] = self.new_id(f"authority-{convert.slug(name)[:60].strip('-') or 'x'}")
            record: dict = {"id": eid, "name": name, "type": "public_body"}
            codes = convert.countries({"country": countries}, self.notes)
            if codes:
                record["country"] = codes
            record["summary"] = "Sanctioning authority named in FollowTheMoney Sanction entities."
            record["sources"] = sources
            self.entities.write(_dump(record))
            self.entity_types["public_body"] += 1
        return self.made_authorities[name]

    def write_links(self, out: IO[str]) -> None:
        self.spool.close()
        with self.spool_path.open(encoding="utf-8") as spool:
            for text in spool:
                row = json.loads(text)
                link = row["link"]
                if "authority" in row:
                    ends = [(self.authority(row["authority"], row["countries"], link["sources"]), None)]
                else:
                    ends = [self.resolve(x) for x in row["src"]]
                targets = [self.resolve(x) for x in row["tgt"]]
                pairs = [(s, t) for s in ends for t in targets]
                for number, ((source, why_s), (target, why_t)) in enumerate(pairs, start=1):
                    if source is None or target is None:
                        self.skipped[why_s or why_t] += 1
                        continue
                    self.link(out, row, dict(link), source, target, number if len(pairs) > 1 else 0)
        self.spool_path.unlink()

    def link(self, out: IO[str], row: dict, link: dict, source: str, target: str, number: int) -> None:
        kind = link["type"]
        if source == target:
            self.skipped["self-link (both ends are the same entity)"] += 1
            return
        pair = sorted((source, target)) if LINK_TYPES[kind].symmetric else [source, target]
        fields = [link.get(k) for k in ("start", "end", "role", "amount", "currency")]
        key = hashlib.blake2b(repr((pair, kind, fields)).encode("utf-8"), digest_size=12).digest()
        if key in self.link_keys:
            self.skipped["the same link again"] += 1
            return
        self.link_keys.add(key)
        given = link.pop("id", None)
        if given is None or given in self.link_ids:
            if row["src"] == [] or row["tgt"] != [row["id"]]:
                given = make_id(row["id"]) + (f"~{number}" if number else "")
            else:  # an event's organizer or participant
                given = f"{source}~{kind}~{target}" + (f"~{link['start']}" if link.get("start") else "")
        candidate, extra = given, 2
        while candidate in self.link_ids:
            candidate, extra = f"{given}~{extra}", extra + 1
        self.link_ids.add(candidate)
        out.write(_dump({"id": candidate, "source": source, "target": target, **link}))
        self.link_types[kind] += 1


def import_ftm(
    handle: IO[bytes],
    shown: str,
    out: Path,
    *,
    dataset: str,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Read an FtM entity stream and write it as a dataset directory.

    Parameters
    ----------
    handle : binary file
        The stream (a file or standard input), read once, line by line.
    shown : str
        How to name the input in messages.
    out : Path
        The dataset directory to write; it must not exist or be empty
        (with ``force``, a dataset directory to replace).
    dataset : str
        Provenance of entities that name no ``datasets``.
    force : bool
        Replace the dataset in ``out``.
    progress : callable, optional
        Called with the size in bytes of each line read.

    Returns
    -------
    dict
        ``input``, ``output``, ``read`` (entities read), ``taken``
        (entities, links and sources written, by type), ``skipped`` and
        ``dropped`` (values left out of records that were kept), each
        counting reasons.

    Raises
    ------
    FtmInputError
        A line that is not an FtM entity (nothing is written).
    UsageError
        An output directory that cannot be used.
    """
    with dataset_directory(out, force) as tmp:
        job = _Importer(tmp, shown, dataset)
        try:
            for entity in read_entities(handle, shown, progress):
                job.read(entity)
            with (tmp / "links.jsonl").open("w", encoding="utf-8") as links:
                job.write_links(links)
        finally:
            job.entities.close()
            job.spool.close()
        with (tmp / "sources.jsonl").open("w", encoding="utf-8") as sources:
            sources.writelines(_dump(record) for record in job.book.records())
    return {
        "input": shown,
        "output": str(out),
        "read": job.lines,
        "taken": {
            "entities": sum(job.entity_types.values()),
            "links": sum(job.link_types.values()),
            "sources": len(job.book),
            "entity_types": dict(job.entity_types.most_common()),
            "link_types": dict(job.link_types.most_common()),
        },
        "skipped": dict(job.skipped.most_common()),
        "dropped": dict(job.notes.most_common()),
    }
