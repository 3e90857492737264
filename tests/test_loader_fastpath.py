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

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imrnet.dataset import fastpath
from imrnet.dataset.jsonl import parse_jsonl
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


def test_records_built_fast_but_wrong_together_get_the_precise_messages(tmp_path):
    records = base_records()
    records["sources"].append(dict(records["sources"][0]))  # the same id twice
    records["entities"].append({"id": "agmr", "name": "Again", "type": "media", "sources": ["doc-z"]})
    records["links"].append(dict(records["links"][0]))  # the same link twice
    records["links"].append({**records["links"][1], "role": "defendant"})  # the same default id
    records["links"].append({"source": "agmr", "target": "nobody", "type": "funds", "status": "alleged",
                             "sources": [{"id": "doc-b", "locator": "p. 2"}]})
    directory = write(tmp_path / "d", as_lines(records))
    assert both(directory) == [
        "sources.jsonl:3: source doc-a: duplicate id 'doc-a' (first defined at sources.jsonl:1)",
        "entities.jsonl:4: entity agmr: duplicate id 'agmr' (first defined at entities.jsonl:2)",
        "entities.jsonl:4: entity agmr: unknown source 'doc-z' (did you mean 'doc-b'?)",
        "links.jsonl:3: link alexander-ionov -> agmr: the same link is already defined at links.jsonl:1",
        "links.jsonl:4: link doj -> alexander-ionov: link id 'doj~charged~alexander-ionov~2022-07-29' is also"
        " used at links.jsonl:2; give one of them an explicit 'id'",
        "links.jsonl:5: link agmr -> nobody: unknown entity 'nobody' in field 'target'",
    ]


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

VALUES = st.sampled_from([
    None, "", " ", "x", " padded ", "agmr", "doj", "alexander-ionov", "doc-a", "doc-b", "doc-z", "2011", "2011-13",
    "2011-02-30", "1999-12", "2023-01-05", 2011, 0, 5, -1, 2.5, -0.0, True, False, [], ["doc-a"], ["doc-a", "doc-z"],
    [{"id": "doc-a", "locator": "p. 1"}], [{"id": "doc-a", "locator": 7}], [{"id": "doc-a", "page": 1}],
    [{"id": ["doc-a"]}], [{"locator": "p. 1"}], [" doc-a"], {"id": "doc-a"}, {"a": 1}, "x" * 101, "y" * 501,
    ["RU", "XX"], "RU", "XX", ["z" * 600], ["Tag"], ["tag-a"], [None], [5], "EUR", "eur", "funds", "met",
    "charged", "leads", "reported", "alleged", "planned", "person", "event", "organization", "media",
    "a:b", "https://x", [["nested"]], 1e300, "caf\u00e9", "Ionov", "grp-1", "Bad Slug", "a~b", "x" * 10_001,
])
FIELDS = st.sampled_from(sorted({*fastpath._ALLOWED["sources"], *fastpath._ALLOWED["entities"],
                                 *fastpath._ALLOWED["links"], "colour"}))
MUTATION = st.tuples(st.sampled_from(KINDS), st.integers(0, 3), FIELDS,
                     st.one_of(VALUES, st.just("<delete>"), st.just("<copy>")))


@settings(max_examples=150 * max(_SCALE, 1), derandomize=not _SCALE, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(MUTATION, max_size=4), ascii_only=st.booleans(), repeat=st.booleans())
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
