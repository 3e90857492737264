"""The loader's fast path for JSON Lines gives exactly what the precise path gives.

:mod:`imrnet.dataset.fastpath` builds the common valid record in one quick
pass and leaves everything else to the precise, field-by-field checker.
These tests run both (``check_dirs(..., fast=False)`` is the precise path
alone) on valid data and on every kind of invalid record -- handwritten,
then thrown by Hypothesis -- and require the same report: the same dataset,
and the same problems (messages, files, lines, levels) in the same order.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imrnet.dataset import fastpath
from imrnet.dataset.jsonl import parse_jsonl
from imrnet.dataset.linkkeys import LinkKeys, link_key
from imrnet.dataset.loader import check_dirs
from imrnet.dataset.model import Entity, Link, Source
from imrnet.dataset.yaml_reader import Mapping

BASE = Path(__file__).parent / "fixtures" / "loader" / "base"
KINDS = ("sources", "entities", "links")
_SCALE = int(os.environ.get("IMRNET_FUZZ", "0") or 0)


def base_records() -> dict[str, list[dict]]:
    return {kind: yaml.safe_load((BASE / f"{kind}.yaml").read_text(encoding="utf-8")) for kind in KINDS}


def write(directory: Path, lines: dict[str, list[str]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for kind, kind_lines in lines.items():
        (directory / f"{kind}.jsonl").write_text("".join(line + "\n" for line in kind_lines), encoding="utf-8")
    return directory


def as_lines(records: dict[str, list[dict]]) -> dict[str, list[str]]:
    return {kind: [json.dumps(r, ensure_ascii=False) for r in records[kind]] for kind in KINDS}


def both(directory: Path) -> list[str]:
    """The report's problems, after checking that both paths give the same report."""
    fast, precise = check_dirs([directory]), check_dirs([directory], fast=False)
    assert fast.errors == precise.errors
    assert fast.warnings == precise.warnings
    assert fast.dataset == precise.dataset
    return [str(p).replace(str(directory) + os.sep, "") for p in fast.errors + fast.warnings]


def test_valid_lines_take_the_fast_path_and_give_the_same_dataset(tmp_path):
    directory = write(tmp_path / "d", as_lines(base_records()))
    for kind, built in zip(KINDS, (Source, Entity, Link)):
        path = directory / f"{kind}.jsonl"
        records, problems = parse_jsonl(path, "x", fastpath.builder(kind, "x", "o"))
        assert problems == [] and records and all(type(r) is built for r in records)
    assert both(directory) == []
    data = check_dirs([directory]).dataset
    assert [link.id for link in data.links] == ["alexander-ionov~leads~agmr~2011", "doj~charged~alexander-ionov~2022-07-29"]
    assert data.entities["agmr"].founded == "2012-03" and data.entities["doj"].countries == ("US",)


def test_windows_line_ends_take_the_fast_path_too(tmp_path):
    directory = write(tmp_path / "d", as_lines(base_records()))
    path = directory / "links.jsonl"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    records, problems = parse_jsonl(path, "x", fastpath.builder("links", "x", "o"))
    assert problems == [] and [type(r) for r in records] == [Link, Link]
    assert both(directory) == []


def test_a_repeated_key_takes_the_precise_path(tmp_path):
    lines = as_lines(base_records())
    lines["entities"][1] = lines["entities"][1][:-1] + ', "name": "AGMR"}'
    lines["sources"][0] = lines["sources"][0][:-1] + ', "note": "see https://x: \\u003a", "note": "b"}'
    directory = write(tmp_path / "d", lines)
    records, _ = parse_jsonl(directory / "entities.jsonl", "x", fastpath.builder("entities", "x", "o"))
    assert [type(r).__name__ for r in records] == ["Entity", "_Record", "Entity"]
    assert both(directory) == [
        "sources.jsonl:1: duplicate key 'note'; JSON would keep only the last",
        "entities.jsonl:2: duplicate key 'name'; JSON would keep only the last",
    ]


def test_colons_inside_texts_are_not_repeated_keys(tmp_path):
    records = base_records()
    records["sources"][0]["url"] = "https://example.org/a:b"
    records["entities"][0]["summary"] = 'He said: "no"'  # an escape and a colon: the precise path decides
    directory = write(tmp_path / "d", as_lines(records))
    parsed, problems = parse_jsonl(directory / "sources.jsonl", "x", fastpath.builder("sources", "x", "o"))
    assert problems == [] and type(parsed[0]) is Source
    assert both(directory) == []


def test_lines_the_fast_decoder_reads_otherwise_get_the_precise_messages(tmp_path):
    # msgspec (the fast decoder) refuses lone surrogates, NaN and numbers out of a double's range, and reads
    # numbers of any length: each line below must end as the standard library's reading of it ends.
    lines = as_lines(base_records())
    link = lines["links"][0][:-1]
    lines["links"] += [
        link.replace('"leads"', '"funds"') + ', "amount": NaN, "currency": "EUR"}',
        link.replace('"leads"', '"funds"') + ', "amount": 1e999, "currency": "EUR"}',
        link.replace('"leads"', '"funds"') + ', "amount": 1.' + "0" * 400 + '1, "currency": "EUR"}',
        link.replace('"leads"', '"funds"') + ', "amount": 1' + "0" * 400 + ', "currency": "EUR"}',
        link.replace('"leads"', '"supports"') + ', "amount": 1.5, "currency": "EUR"}   ',
        link.replace('"leads"', '"met"') + ', "summary": "x\\ud800"}',
        link.replace('"leads"', '"controls"') + '}  \t',
    ]
    lines["entities"][0] = "\ufeff" + lines["entities"][0]
    lines["sources"][0] = lines["sources"][0][:-1] + ', "note": "a\\ud83d\\ude00 \\u0000"}'
    directory = write(tmp_path / "d", lines)
    assert both(directory) == [
        "links.jsonl:3: NaN is not a number a dataset can hold",
        "links.jsonl:4: 1e999 is not a number a dataset can hold",
        "links.jsonl:5: a number of 402 digits is over the limit of 20 digits (see Limits in the README)",
        "links.jsonl:6: a number of 401 digits is over the limit of 20 digits (see Limits in the README)",
        "links.jsonl:8: not Unicode text: a lone surrogate \\ud800 in a string",
    ]
    del lines["links"][2:6]
    directory = write(tmp_path / "e", lines)
    assert both(directory) == ["links.jsonl:4: not Unicode text: a lone surrogate \\ud800 in a string"]
    del lines["links"][3]
    data = check_dirs([write(tmp_path / "f", lines)]).dataset
    assert [link.amount for link in data.links] == [None, None, 1.5, None]
    assert data.sources["doc-a"].note.endswith("a\U0001f600 \x00")


def test_records_built_fast_but_wrong_together_get_the_precise_messages(tmp_path):
    records = base_records()
    records["sources"].append(dict(records["sources"][0]))  # the same id twice
    records["entities"].append({"id": "agmr", "name": "Again", "type": "media", "sources": ["doc-z"]})
    records["links"].append(dict(records["links"][0]))  # the same link twice
    records["links"].append({**records["links"][0], "id": "again"})  # the same link, another id
    records["links"].append({**records["links"][1], "role": "defendant"})  # the same default id
    records["links"].append({"source": "agmr", "target": "nobody", "type": "funds", "status": "alleged",
                             "sources": [{"id": "doc-b", "locator": "p. 2"}]})
    directory = write(tmp_path / "d", as_lines(records))
    assert both(directory) == [
        "sources.jsonl:3: source doc-a: duplicate id 'doc-a' (first defined at sources.jsonl:1)",
        "entities.jsonl:4: entity agmr: duplicate id 'agmr' (first defined at entities.jsonl:2)",
        "entities.jsonl:4: entity agmr: unknown source 'doc-z' (did you mean 'doc-b'?)",
        "links.jsonl:3: link alexander-ionov -> agmr: the same link is already defined at links.jsonl:1",
        "links.jsonl:4: link alexander-ionov -> agmr: the same link is already defined at links.jsonl:1",
        "links.jsonl:5: link doj -> alexander-ionov: link id 'doj~charged~alexander-ionov~2022-07-29' is also"
        " used at links.jsonl:2; give one of them an explicit 'id'",
        "links.jsonl:6: link agmr -> nobody: unknown entity 'nobody' in field 'target'",
    ]


@pytest.mark.parametrize("numpy_from", [0, 10**9])
def test_a_link_repeated_after_a_precise_line_is_found(numpy_from, tmp_path, monkeypatch):
    """Links are admitted keeping only hashes until a line needs the precise path; the links admitted
    so far are then known to it, so a later repeat of one of them gets the same message."""
    from imrnet.dataset import hashed

    monkeypatch.setattr(hashed, "_NUMPY_FROM", numpy_from)
    records = base_records()
    first = records["links"][0]
    records["links"].append({**first, "role": " chair ", "id": "second-term"})  # the precise path reads it
    records["links"].append(dict(first))  # the first link again
    directory = write(tmp_path / "d", as_lines(records))
    parsed, _ = parse_jsonl(directory / "links.jsonl", "x", fastpath.builder("links", "x", "o"))
    assert [type(r).__name__ for r in parsed] == ["Link", "Link", "_Record", "Link"]
    assert both(directory) == [
        "links.jsonl:4: link alexander-ionov -> agmr: the same link is already defined at links.jsonl:1",
    ]
    records["links"][2]["role"] = "chair"  # all built: a repeat found among the hashes
    directory = write(tmp_path / "e", as_lines(records))
    assert both(directory) == [
        "links.jsonl:4: link alexander-ionov -> agmr: the same link is already defined at links.jsonl:1",
    ]
    del records["links"][3]
    data = check_dirs([write(tmp_path / "f", as_lines(records))]).dataset
    assert [link.role for link in data.links] == ["president", None, "chair"]


def test_a_record_rebuilt_from_its_object_is_the_record_of_the_line():
    records = base_records()
    for kind in KINDS:
        build = fastpath.builder(kind, "x", "o")
        for number, record in enumerate(records[kind], start=1):
            built = build(record, number)
            again = fastpath.as_record(built)
            assert isinstance(again, Mapping) and again.line == number
            assert build(dict(again), number) == built


# ----------------------------------------------------------------- fuzzing

IDS = ["agmr", "doj", "doc-a", "nobody", " agmr", "Bad Slug", "a~b", "x" * 101, 5, None]
DATES = ["2011", "2011-13", "2011-02-30", "2024-02-29", " 2011", 2011, None]
CITATIONS = [["doc-a", "doc-z"], [{"id": "doc-a", "locator": 7}], [{"id": "doc-a", "page": 1}], [{"id": ["doc-a"]}],
             [{"locator": "p. 1"}], [" doc-a"], {"id": "doc-a"}, "doc-a", [], None, [{"id": "doc-b", "locator": None}],
             [{"id": "doc-b", "locator": "z" * 501}], [{"id": "doc-b"}, "doc-b"], [True], [{"id": "", "locator": "p"}],
             ["x" * 101], [{"id": "x" * 101}]]
TEXTS = [None, "", " padded ", "a:b", "caf\u00e9", 5, True, ["x"], {"a": 1}, "y" * 501, "w" * 10_001]
BY_FIELD = {
    "id": IDS, "source": IDS, "target": IDS, "cited_in": IDS, "account_of": TEXTS + ["grp-1", "grp-2"],
    "type": ["person", "event", "media", "funds", "met", "charged", "Funds", 5, None, ["met"]],
    "status": ["reported", "alleged", "disputed", "planned", "Reported", None, 1],
    "start": DATES, "end": DATES, "date": DATES, "born": DATES, "founded": DATES,
    "amount": [0, -1, 2.5, -0.0, True, "5", None, 1e300],
    "currency": ["EUR", "eur", "XXX", " EUR", None, 5],
    "sources": CITATIONS, "country": ["RU", "XX", ["RU", "US"], ["RU", "XX"], [None], [], None, 5, {"a": "RU"}],
    "aliases": [[], [" AGMR"], [""], [5], ["y" * 501], "AGMR", None, [[]]],
    "tags": [[], ["tag-a"], ["Tag"], ["x" * 101], "tag-a", None, [5]],
    "authors": [[], ["A. B."], [" A"], "A. B.", None, [5], [{"a": 1}]],
}


@st.composite
def mutation(draw):
    kind = draw(st.sampled_from(KINDS))
    key = draw(st.sampled_from(sorted(fastpath._ALLOWED[kind] | {"colour"})))
    value = draw(st.one_of(st.sampled_from(BY_FIELD.get(key, TEXTS)), st.sampled_from(TEXTS),
                           st.sampled_from(["<delete>", "<copy>"])))
    return kind, draw(st.integers(0, 3)), key, value


@settings(max_examples=200 * max(_SCALE, 1), derandomize=not _SCALE, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(mutation(), max_size=6), ascii_only=st.booleans(), repeat=st.booleans())
def test_fast_and_precise_paths_agree_on_any_record(mutations, ascii_only, repeat):
    records = base_records()
    for kind, index, key, value in mutations:
        group = records[kind]
        record = group[index % len(group)]
        if value == "<copy>":
            group.append(dict(record))
        elif value == "<delete>":
            record.pop(key, None)
        else:
            record[key] = value
    lines = {kind: [json.dumps(r, ensure_ascii=ascii_only) for r in records[kind]] for kind in KINDS}
    if repeat and mutations:
        kind, index, key, value = mutations[0]
        group = lines[kind]
        group[index % len(group)] = group[index % len(group)][:-1] + f", {json.dumps(key)}: \"x\"}}"
    with tempfile.TemporaryDirectory() as tmp:
        both(write(Path(tmp) / "d", lines))


def variants():
    """A source, an entity and a link (with an amount) with one field set to each value worth trying, or removed."""
    for kind, index in (("sources", 0), ("entities", 0), ("links", 1)):
        for key in sorted(fastpath._ALLOWED[kind] | {"colour"}):
            for value in [*BY_FIELD.get(key, TEXTS), "<delete>"]:
                yield kind, index, key, value


def test_fast_and_precise_paths_agree_on_each_field_variant():
    """Every variant alone in a dataset: the same report (dataset included) both ways."""
    with tempfile.TemporaryDirectory() as tmp:
        for number, (kind, index, key, value) in enumerate(variants()):
            records = base_records()
            records["links"][1].update(amount=5, currency="USD")
            record = records[kind][index]
            if value == "<delete>":
                record.pop(key, None)
            else:
                record[key] = value
            directory = write(Path(tmp) / str(number), as_lines(records))
            try:
                both(directory)
            except AssertionError as err:
                raise AssertionError(f"{kind}[{index}].{key} = {value!r}") from err


def test_link_keys_tell_apart_links_whose_keys_share_a_hash():
    first = Link("a~met~b", "a", "b", "met", "reported")
    second = Link("c~funds~d", "c", "d", "funds", "alleged", amount=5, currency="EUR")
    keys = LinkKeys()
    keys.put(first, 7)
    keys.put(second, 7)  # as if both keys had the hash 7
    assert keys.find(link_key(second), 7) is second and keys.find(link_key(first), 7) is first
    assert keys.find((("b", "a"), "met", None, None, None, None, None), 7) is None
    keys[link_key(first)] = first
    assert (("b", "a"), "met", None, None, None, None, None) not in keys  # met is symmetric: (a, b) sorted
    assert keys[(("a", "b"), "met", None, None, None, None, None)] is first
