"""Datasets in JSON Lines: the same records and checks as YAML, line by line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import check_dirs, load

BASE = Path(__file__).parent / "fixtures" / "loader" / "base"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()


def as_jsonl(tmp_path: Path, *kinds: str, name: str = "data") -> Path:
    """The base fixture with ``kinds`` rewritten as JSON Lines (the rest stays YAML)."""
    target = tmp_path / name
    target.mkdir()
    for kind in ("sources", "entities", "links"):
        text = (BASE / f"{kind}.yaml").read_text(encoding="utf-8")
        if kind in kinds:
            records = yaml.safe_load(text)
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (target / f"{kind}.jsonl").write_text(body, encoding="utf-8")
        else:
            (target / f"{kind}.yaml").write_text(text, encoding="utf-8")
    return target


def write(directory: Path, kind: str, *lines: str) -> None:
    (directory / f"{kind}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def messages(directory: Path) -> list[str]:
    return [str(p).replace(str(directory) + os.sep, "") for p in check_dirs([directory]).errors]


def test_jsonl_dataset_equals_the_yaml_one(tmp_path):
    yaml_data = load([BASE])
    data = load([as_jsonl(tmp_path, "sources", "entities", "links")])
    assert list(data.entities) == list(yaml_data.entities) == ["alexander-ionov", "agmr", "doj"]
    assert [link.id for link in data.links] == [link.id for link in yaml_data.links]
    assert data.links[0].sources[0].locator == "The Anti-Globalization Movement"
    assert data.entities["alexander-ionov"].aliases == ("Aleksandr Ionov", "Александр Ионов")
    assert data.sources["doc-b"].cited_in == "doc-a"
    assert [(e.file, e.line) for e in data.entities.values()] == [
        (str(tmp_path / "data" / "entities.jsonl"), 1),
        (str(tmp_path / "data" / "entities.jsonl"), 2),
        (str(tmp_path / "data" / "entities.jsonl"), 3),
    ]


def test_formats_mix_across_kinds(tmp_path):
    data = load([as_jsonl(tmp_path, "links")])
    assert len(data.links) == 2 and data.links[1].file.endswith("links.jsonl")


def test_pass_two_messages_name_the_jsonl_line(tmp_path):
    d = as_jsonl(tmp_path, "links")
    write(d, "links",
          '{"source": "alexander-ionov", "target": "agmr", "type": "leads", "status": "reported", "sources": ["doc-a"]}',
          "",
          '{"source": "alexander-ionov", "target": "agmr", "type": "member_of", "status": "confirmed", "sorces": ["doc-a"]}')
    assert messages(d) == [
        "links.jsonl:3: link alexander-ionov -> agmr: unknown field 'sorces' (did you mean 'sources'?)",
        "links.jsonl:3: link alexander-ionov -> agmr: missing required field 'sources'",
        "links.jsonl:3: link alexander-ionov -> agmr: unknown status 'confirmed' "
        "(expected one of reported, alleged, disputed, planned)",
    ]


def test_a_broken_line_is_one_line_and_stops_pass_two(tmp_path):
    d = as_jsonl(tmp_path, "entities")
    write(d, "entities",
          '{"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person", "sources": ["doc-a"]}',
          '{"id": "agmr", "name": "AGMR" "type": "organization"}')
    assert messages(d) == ["entities.jsonl:2: JSON syntax error, column 31: Expecting ',' delimiter"]
    assert check_dirs([d]).dataset is None


def test_nan_and_infinity_are_refused(tmp_path):
    d = as_jsonl(tmp_path, "links")
    write(d, "links",
          '{"source": "doj", "target": "agmr", "type": "funds", "status": "reported", "amount": NaN, "currency": "USD", "sources": ["doc-b"]}',
          '{"source": "doj", "target": "agmr", "type": "funds", "status": "reported", "amount": -Infinity, "currency": "USD", "sources": ["doc-b"]}',
          '{"source": "doj", "target": "agmr", "type": "funds", "status": "reported", "amount": 1e999, "currency": "USD", "sources": ["doc-b"]}')
    assert messages(d) == [
        "links.jsonl:1: NaN is not a number a dataset can hold",
        "links.jsonl:2: -Infinity is not a number a dataset can hold",
        "links.jsonl:3: 1e999 is not a number a dataset can hold",
    ]


def test_lines_that_are_not_objects_and_repeated_keys(tmp_path):
    d = as_jsonl(tmp_path, "sources")
    write(d, "sources", '["doc-a"]', '"doc-b"', "null")
    assert messages(d) == [
        "sources.jsonl:1: expected a JSON object of fields, found a list",
        "sources.jsonl:2: expected a JSON object of fields, found a string",
        "sources.jsonl:3: expected a JSON object of fields, found null",
    ]
    d = as_jsonl(tmp_path, "sources", name="dup")
    lines = (d / "sources.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"title"', '"title": "Twice", "title"')
    write(d, "sources", *lines)
    assert messages(d) == ["sources.jsonl:2: duplicate key 'title'; JSON would keep only the last"]


def test_invalid_utf8_names_the_line(tmp_path):
    d = as_jsonl(tmp_path, "entities")
    with (d / "entities.jsonl").open("ab") as handle:
        handle.write(b'{"id": "x\xff"}\n')
    assert messages(d) == ["entities.jsonl:4: not UTF-8 text: invalid start byte at byte 10"]


def test_a_file_broken_throughout_is_summed_up(tmp_path):
    d = as_jsonl(tmp_path, "entities")
    write(d, "entities", *["{"] * 25)
    found = messages(d)
    assert len(found) == 21
    assert found[0] == "entities.jsonl:1: JSON syntax error, column 2: Expecting property name enclosed in double quotes"
    assert found[-1] == "entities.jsonl: 5 more broken line(s) not shown"


def test_one_kind_in_both_formats_is_an_error(tmp_path):
    d = as_jsonl(tmp_path, "entities")
    (d / "entities.yaml").write_text((BASE / "entities.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    report = check_dirs([d])
    assert [str(p) for p in report.errors] == [
        f"{d}: both entities.yaml and entities.jsonl here: keep entities in one of them"
    ]


def test_validate_reads_jsonl_and_merges_with_bundled(tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    write(d, "sources", '{"id": "my-notes", "title": "My notes", "publisher": "me", "date": "2024"}')
    write(d, "links", '{"source": "alexander-ionov", "target": "konstantin-malofeev", "type": "met", '
                      '"status": "alleged", "sources": ["my-notes"]}')
    result = runner.invoke(app, ["validate", "--data", "bundled", "--data", str(d), "--json"])
    assert result.exit_code == 0, result.output
    # counts count facts: competing accounts of one fact once
    from imrnet.dataset.accounts import fact_count

    assert json.loads(result.stdout)["counts"]["links"] == fact_count(load().links) + 1
    write(d, "links", '{"source": "alexander-ionov", "target": "nobody", "type": "met", '
                      '"status": "alleged", "sources": ["my-notes"]}')
    proc = subprocess.run([str(SCRIPT), "validate", "--data", "bundled", "--data", str(d)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3
    assert f"{d / 'links.jsonl'}:1: link alexander-ionov -> nobody: unknown entity 'nobody' in field 'target'" in proc.stdout


def test_a_mapping_where_text_belongs_reads_alike_in_both_formats(tmp_path):
    """A nested JSON object is named as YAML's mapping is, not by its contents."""
    d = as_jsonl(tmp_path, "entities")
    write(d, "entities",
          '{"id": "alexander-ionov", "name": {"first": "Alexander"}, "type": "person", "sources": ["doc-a"]}')
    y = tmp_path / "yaml"
    y.mkdir()
    for kind in ("sources", "links"):
        (y / f"{kind}.yaml").write_text((BASE / f"{kind}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (y / "entities.yaml").write_text(
        "- id: alexander-ionov\n  name: {first: Alexander}\n  type: person\n  sources: [doc-a]\n",
        encoding="utf-8")
    wrong = "entity alexander-ionov: field 'name' must be text, not a mapping"
    assert f"entities.jsonl:1: {wrong}" in messages(d)
    assert f"entities.yaml:2: {wrong}" in messages(y)
