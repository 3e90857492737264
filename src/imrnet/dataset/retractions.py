"""Retractions: an overlay directory withdraws records of an earlier one.

A dataset directory may hold ``retractions.yaml``, a list of mappings::

    - id: alexander-ionov~met~maria-butina~2019-10   # an entity, link or source id
      reason: The photo was of someone else.
      source: my-fact-check                          # a source id justifying it
      kind: link                                     # optional: entity, link or source

Each entry retracts a record defined in an *earlier* directory (a later one
would simply not add it). A retracted record leaves every answer, and so
does what rests on it: the links of a retracted entity, the citations of a
retracted source, and a record whose every citation is retracted.
``imrnet validate`` lists them all. A bad entry is an error like any other,
``FILE:LINE: retraction ID: problem`` (exit 3): missing or unknown fields,
an id no earlier directory defines, an id given twice, an unknown source.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from imrnet.dataset.loader import check_dirs
>>> base, overlay = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> _ = (base / "sources.yaml").write_text(
...     "- {id: article, title: An article, publisher: Example Review, date: '2023'}\\n"
...     "- {id: leaflet, title: A leaflet, publisher: Unknown, date: null}\\n")
>>> _ = (base / "entities.yaml").write_text(
...     "- {id: ionov, name: Alexander Ionov, type: person, sources: [article]}\\n"
...     "- {id: agmr, name: AGMR, type: organization, sources: [article]}\\n"
...     "- {id: doj, name: US Department of Justice, type: public_body, sources: [article]}\\n"
...     "- {id: rumour-mill, name: Rumour Mill, type: media, sources: [leaflet]}\\n")
>>> _ = (base / "links.yaml").write_text(
...     "- {id: ionov~leads~agmr, source: ionov, target: agmr, type: leads, status: reported,"
...     " sources: [article, leaflet]}\\n"
...     "- {id: doj~charged~ionov, source: doj, target: ionov, type: charged, status: alleged,"
...     " sources: [article]}\\n"
...     "- {id: ionov~met~rumour-mill, source: ionov, target: rumour-mill, type: met,"
...     " status: alleged, sources: [article]}\\n"
...     "- {id: agmr~funds~ionov, source: agmr, target: ionov, type: funds, status: alleged,"
...     " sources: [leaflet]}\\n")
>>> _ = (overlay / "sources.yaml").write_text(
...     "- {id: my-check, title: My fact check, publisher: Me, date: '2024'}\\n")
>>> _ = (overlay / "retractions.yaml").write_text(
...     "- {id: doj, reason: Not the body that brought the charge., source: my-check}\\n"
...     "- {id: leaflet, reason: The leaflet is a forgery., source: my-check}\\n")
>>> report = check_dirs([base, overlay])
>>> for r in report.dataset.retracted:
...     print(r["record"], r["id"], "|", r["because"] or r["reason"])
entity doj | Not the body that brought the charge.
source leaflet | The leaflet is a forgery.
entity rumour-mill | every source it cites is retracted
link doj~charged~ionov | entity doj is retracted
link ionov~met~rumour-mill | entity rumour-mill is retracted
link agmr~funds~ionov | every source it cites is retracted
"""

from __future__ import annotations

from dataclasses import replace

__all__ = ["FILE", "FIELDS", "KINDS", "retract", "counts"]

#: The file an overlay directory lists its retractions in.
FILE = "retractions.yaml"
#: Fields of a retraction; ``True`` marks the required ones.
FIELDS = {"id": True, "reason": True, "source": True, "kind": False}
#: The kinds of record a retraction may name.
KINDS = ("entity", "link", "source")


def _records(checker) -> dict[str, dict]:
    """Kind to ``{id: record}`` of everything the checker built."""
    return {
        "entity": checker.entities,
        "link": {link.id: link for link in checker.links},
        "source": checker.sources,
    }


def _name(kind: str, record, checker) -> str:
    if kind == "entity":
        return record.name
    if kind == "source":
        return record.title
    names = checker.entities
    return f"{names[record.source].name} {record.label} {names[record.target].name}"


def _chosen(checker, items, origins: list[str]) -> dict[tuple[str, str], dict]:
    """Check every entry; ``(kind, id)`` to the entry of each valid one."""
    from imrnet.dataset.checker import closest as _closest

    rank = {origin: i for i, origin in enumerate(origins)}
    records = _records(checker)
    chosen: dict[tuple[str, str], dict] = {}
    for item in items:
        raw = item.record.get("id")
        what = f"retraction {raw}" if raw is not None else "retraction"
        complete = checker.fields(item, what, FIELDS)
        rid = checker.text(item, what, "id", required=True)
        reason = checker.text(item, what, "reason", required=True)
        sid = checker.text(item, what, "source", required=True)
        kind = checker.text(item, what, "kind")
        if sid is not None and sid not in checker.sources:
            checker.error(item, what, f"unknown source {sid!r}{_closest(sid, checker.sources)}", "source")
            sid = None
        if kind is not None and kind not in KINDS:
            checker.error(item, what, f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})", "kind")
            continue
        if rid is None:
            continue
        fits = [k for k in (KINDS if kind is None else (kind,)) if rid in records[k]]
        if not fits:
            every = [i for k in KINDS for i in records[k]]
            checker.error(item, what, f"unknown id {rid!r}: no entity, link or source has it"
                          f"{_closest(rid, every)}", "id")
            continue
        if len(fits) > 1:
            checker.error(item, what, f"id {rid!r} names a {' and a '.join(fits)}; add 'kind'", "id")
            continue
        record = records[fits[0]][rid]
        if rank.get(record.origin, -1) >= rank.get(item.origin, -1):
            checker.error(item, what, f"{fits[0]} {rid} comes from {record.origin}, not from an "
                          "earlier directory; a directory retracts only records read before it", "id")
            continue
        key = (fits[0], rid)
        if key in chosen:
            first = chosen[key]
            checker.error(item, what, f"{rid} is already retracted at {first['file']}:{first['line']}", "id")
            continue
        if complete and reason and sid:
            chosen[key] = {"id": rid, "record": fits[0], "name": _name(fits[0], record, checker),
                           "origin": record.origin, "reason": reason, "source": sid,
                           "file": item.file, "line": item.record.line, "because": None}
    return chosen


def retract(checker, items, origins: list[str]) -> list[dict]:
    """Check the retraction entries and take the retracted records out of ``checker``.

    Parameters
    ----------
    checker : imrnet.dataset.checker.Checker
        Pass two's checker, after every record was checked.
    items : list
        The parsed entries of every ``retractions.yaml`` (with file, line, origin).
    origins : list of str
        The origin of each directory, in reading order.

    Returns
    -------
    list of dict
        Every retracted record: ``{"id", "record" (entity, link or source),
        "name", "origin", "reason", "source", "file", "line", "because"}``;
        ``because`` says why a record left with another (``None`` for the
        entries themselves), and then ``reason``, ``source``, ``file`` and
        ``line`` are the entry's that caused it.
    """
    chosen = _chosen(checker, items, origins) if items else {}
    if not chosen:
        return []
    out = list(chosen.values())
    gone_sources = {rid for kind, rid in chosen if kind == "source"}
    gone_entities = {rid for kind, rid in chosen if kind == "entity"}

    def follow(kind: str, record, because: str, cause: dict) -> None:
        out.append({**cause, "id": record.id, "record": kind, "name": _name(kind, record, checker),
                    "origin": record.origin, "because": because})

    def cause_of_sources(record) -> dict:
        return chosen[("source", record.sources[0].id)]

    entities = {}
    for eid, entity in checker.entities.items():
        if eid in gone_entities:
            continue
        kept = tuple(c for c in entity.sources if c.id not in gone_sources)
        if entity.sources and not kept:
            gone_entities.add(eid)
            follow("entity", entity, "every source it cites is retracted", cause_of_sources(entity))
            continue
        entities[eid] = replace(entity, sources=kept) if len(kept) != len(entity.sources) else entity
    links = []
    for link in checker.links:
        if ("link", link.id) in chosen:
            continue
        ends = [e for e in (link.source, link.target) if e in gone_entities]
        if ends:
            cause = chosen.get(("entity", ends[0])) or next(
                r for r in out if r["record"] == "entity" and r["id"] == ends[0])
            follow("link", link, f"entity {ends[0]} is retracted", cause)
            continue
        kept = tuple(c for c in link.sources if c.id not in gone_sources)
        if link.sources and not kept:
            follow("link", link, "every source it cites is retracted", cause_of_sources(link))
            continue
        links.append(replace(link, sources=kept) if len(kept) != len(link.sources) else link)
    checker.entities = entities
    checker.links = links
    checker.sources = {sid: s for sid, s in checker.sources.items() if sid not in gone_sources}
    # A source cited only by a retraction is not unused.
    cited = {entry["source"] for entry in chosen.values()}
    checker.warnings = [w for w in checker.warnings
                        if not any(w.message == f"source {sid} is never cited" for sid in cited)]
    return out


def counts(retracted) -> dict[str, int]:
    """How many entities, links and sources were retracted.

    Examples
    --------
    >>> counts([{"record": "link"}, {"record": "link"}])
    {'entities': 0, 'links': 2, 'sources': 0}
    """
    kinds = [r["record"] for r in retracted]
    return {"entities": kinds.count("entity"), "links": kinds.count("link"),
            "sources": kinds.count("source")}
