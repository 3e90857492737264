"""The hostile corpus: broken datasets, each refused with one exact line and exit 3.

Each file in ``fixtures/hostile`` is named ``CASE.STEM.yaml``: it replaces
``STEM.yaml`` of the small valid dataset in ``fixtures/loader/base``. The
cases cover every class of issue 11 -- inputs that used to end in a
traceback, resource exhaustion, non-finite numbers -- and the files people
really meet: half-saved, other tools' exports, other encodings. Huge files
are generated in ``tmp_path`` at test time (a sparse file for the size
limit), and the hostile ones are also read in a subprocess under a 1 GiB
address-space limit, so a loader that blew up would fail the test rather
than the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app

HERE = Path(__file__).parent
BASE = HERE / "fixtures" / "loader" / "base"
CORPUS_DIR = HERE / "fixtures" / "hostile"
runner = CliRunner()


def dataset(tmp_path: Path, stem: str, content: str | bytes | Path) -> Path:
    """The base dataset in tmp_path/data with ``STEM.yaml`` replaced."""
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    path = target / f"{stem}.yaml"
    if isinstance(content, Path):
        shutil.copy(content, path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return target


def validate(directory: Path) -> tuple[int, list[str], str]:
    """Exit code, the problem lines (paths relative to the dataset) and standard error."""
    result = runner.invoke(app, ["validate", "--data", str(directory)])
    lines = result.stdout.replace(str(directory) + os.sep, "").splitlines()
    return result.exit_code, lines, result.stderr


CORPUS = [  # (file, exit code, the problems printed)
    ('alias-entry-600.entities.yaml', 3,
     ["entities.yaml:4: field 'aliases' holds an entry of 600 characters, over the limit of 500 (see Limits in the README)"]),
    ('alias-scalar.entities.yaml', 3,
     ["entities.yaml:6: YAML anchor '&n' is not allowed: write the value out where it is used (see Limits in the README)"]),
    ('amount-1e400.links.yaml', 3,
     ["links.yaml:6: link alexander-ionov -> agmr: field 'amount' must be a non-negative number, not '1e400'"]),
    ('amount-21-digit-float.links.yaml', 3,
     ["links.yaml:6: field 'amount': a number of 22 digits is over the limit of 20 digits (see Limits in the README)"]),
    ('amount-5000-digits.links.yaml', 3,
     ["links.yaml:6: field 'amount': a number of 5,000 digits is over the limit of 20 digits (see Limits in the README)"]),
    ('amount-bad-float-tag.links.yaml', 3,
     ["links.yaml:6: field 'amount': 'abc' is not a valid !!float"]),
    ('amount-bad-int-tag.links.yaml', 3,
     ["links.yaml:6: field 'amount': '--' is not a valid !!int"]),
    ('amount-empty-int-tag.links.yaml', 3,
     ["links.yaml:6: field 'amount': '' is not a valid !!int"]),
    ('amount-float-tag-nan.links.yaml', 3,
     ["links.yaml:6: field 'amount': 'nan' is not a finite number: write a number, or leave the field out"]),
    ('amount-huge-hex.links.yaml', 3,
     ["links.yaml:6: field 'amount': a number of 5,000 digits is over the limit of 20 digits (see Limits in the README)"]),
    ('amount-inf.links.yaml', 3,
     ["links.yaml:6: field 'amount': '.inf' is not a finite number: write a number, or leave the field out"]),
    ('amount-minus-inf.links.yaml', 3,
     ["links.yaml:6: field 'amount': '-.Inf' is not a finite number: write a number, or leave the field out"]),
    ('amount-nan.links.yaml', 3,
     ["links.yaml:6: field 'amount': '.nan' is not a finite number: write a number, or leave the field out"]),
    ('anchor-unused.entities.yaml', 3,
     ["entities.yaml:5: YAML anchor '&agmr' is not allowed: write the value out where it is used (see Limits in the README)"]),
    ('billion-laughs-top.entities.yaml', 3,
     ["entities.yaml:1: YAML anchor '&a0' is not allowed: write the value out where it is used (see Limits in the README)"]),
    ('billion-laughs.entities.yaml', 3,
     ["entities.yaml:3: YAML anchor '&a0' is not allowed: write the value out where it is used (see Limits in the README)"]),
    ('bool-tag-maybe.entities.yaml', 3,
     ["entities.yaml:4: field 'summary': 'maybe' is not a valid !!bool"]),
    ('citation-id-101.entities.yaml', 3, ["entities.yaml:4: field 'sources' holds an entry of 101 characters, over the limit of 100 (see Limits in the README)", "entities.yaml:4: entity alexander-ionov: unknown source 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd'"]),
    ('citation-mixed-keys.entities.yaml', 3,
     ['entities.yaml:4: entity alexander-ionov: source citation has unknown field 1 (expected id, locator)']),
    ('country-list-in-list.entities.yaml', 3,
     ["entities.yaml:4: entity alexander-ionov: field 'country' holds a list, expected a code such as RU"]),
    ('country-mapping.entities.yaml', 3,
     ["entities.yaml:4: entity alexander-ionov: field 'country' holds a mapping, expected a code such as RU"]),
    ('country-number.entities.yaml', 3,
     ["entities.yaml:4: entity alexander-ionov: field 'country' holds 7, expected a code such as RU"]),
    ('crlf.links.yaml', 0, ["Dataset OK: 2 sources, 3 entities, 2 links"]),
    ('csv-export.entities.yaml', 3,
     ['entities.yaml:1: expected a list of entities at the top level, found str']),
    ('duplicate-keys.entities.yaml', 3,
     ["entities.yaml:4: duplicate key 'name' (first at line 2); YAML would keep only the last"]),
    ('entity-type-list.entities.yaml', 3,
     ["entities.yaml:3: entity alexander-ionov: field 'type' must be text, not a list"]),
    ('id-101.links.yaml', 3,
     ["links.yaml:6: field 'id' is 101 characters long, over the limit of 100 (see Limits in the README)"]),
    ('json-object.links.yaml', 3,
     ['links.yaml:1: expected a list of links at the top level, found a mapping']),
    ('key-10001.entities.yaml', 3,
     ["entities.yaml:4: YAML syntax error, column 10004: could not find expected ':'"]),
    ('latin1.entities.yaml', 3,
     ['entities.yaml:2: not UTF-8 text: byte 0xe9 at column 25 cannot be read; save the file as UTF-8']),
    ('link-type-list.links.yaml', 3,
     ["links.yaml:3: link alexander-ionov -> agmr: unknown link type ['leads'] (did you mean 'leads'?)"]),
    ('link-type-mapping.links.yaml', 3,
     ["links.yaml:3: link alexander-ionov -> agmr: unknown link type {'leads': 1}"]),
    ('locator-600.entities.yaml', 3,
     ["entities.yaml:4: field 'sources' holds a locator of 600 characters, over the limit of 500 (see Limits in the README)"]),
    ('merge-key.entities.yaml', 3,
     ["entities.yaml:8: YAML merge key '<<' is not allowed: write the fields out"]),
    ('name-600.entities.yaml', 3,
     ["entities.yaml:2: field 'name' is 600 characters long, over the limit of 500 (see Limits in the README)"]),
    ('nesting-10000-flow.entities.yaml', 3,
     ['entities.yaml:4: nesting deeper than 20 levels is not allowed (see Limits in the README)']),
    ('nesting-block.entities.yaml', 3,
     ['entities.yaml:23: nesting deeper than 20 levels is not allowed (see Limits in the README)']),
    ('nul-byte.entities.yaml', 3,
     ['entities.yaml:2: YAML syntax error: character #x0000 is not allowed']),
    ('raw-escape-char.entities.yaml', 3,
     ['entities.yaml:2: YAML syntax error: character #x001b is not allowed']),
    ('scalar-items.links.yaml', 3, ['links.yaml: item 1 is a str, expected a mapping of fields', 'links.yaml: item 2 is a str, expected a mapping of fields']),
    ('status-list.links.yaml', 3,
     ["links.yaml:4: link alexander-ionov -> agmr: unknown status ['reported'] (expected one of reported, alleged, disputed, planned)"]),
    ('summary-10001.entities.yaml', 3,
     ["entities.yaml:4: field 'summary': a text of 10,001 characters is over the limit of 10,000 characters (see Limits in the README)"]),
    ('tab-indent.entities.yaml', 3,
     ['entities.yaml:2: YAML syntax error, column 1: found a tab character that violates indentation']),
    ('tag-binary.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!!binary' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('tag-custom.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!secret' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('tag-omap.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!!omap' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('tag-python-object.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!!python/object/apply:os.system' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('tag-set.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!!set' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('tag-timestamp.entities.yaml', 3,
     ["entities.yaml:4: YAML tag '!!timestamp' is not allowed here: write plain text, numbers, lists and mappings"]),
    ('top-mapping.entities.yaml', 3,
     ['entities.yaml:1: expected a list of entities at the top level, found a mapping']),
    ('truncated-flow.entities.yaml', 3,
     ["entities.yaml:2: YAML syntax error, column 1: did not find expected ',' or ']'"]),
    ('truncated-quote.entities.yaml', 3,
     ['entities.yaml:15: YAML syntax error, column 1: found unexpected end of stream']),
    ('two-documents.entities.yaml', 3,
     ['entities.yaml:13: a second YAML document starts here: a data file holds one list']),
    ('unhashable-key.entities.yaml', 3,
     ['entities.yaml:4: entity alexander-ionov: unknown field "[\'a\', \'b\']"']),
    ('unknown-escape.entities.yaml', 3,
     ['entities.yaml:2: YAML syntax error, column 20: found unknown escape character']),
    ('url-2001.sources.yaml', 3,
     ["sources.yaml:5: field 'url' is 2,021 characters long, over the limit of 2,000 (see Limits in the README)"]),
    ('utf16.entities.yaml', 3,
     ['entities.yaml: the file is UTF-16 text: save it as UTF-8']),
    ('utf8-bom.entities.yaml', 0, ["Dataset OK: 2 sources, 3 entities, 2 links"]),
]


def test_the_corpus_is_complete():
    assert sorted(p.name for p in CORPUS_DIR.glob("*.yaml")) == sorted(name for name, _, _ in CORPUS)


@pytest.mark.parametrize(("name", "code", "expected"), CORPUS, ids=[c[0][:-5] for c in CORPUS])
def test_corpus_case(tmp_path, name, code, expected):
    case, stem = name[: -len(".yaml")].rsplit(".", 1)
    exit_code, lines, stderr = validate(dataset(tmp_path, stem, CORPUS_DIR / name))
    assert (exit_code, lines if code else lines[:1]) == (code, expected)
    if code:
        assert stderr.splitlines()[-1] == f"imrnet: invalid dataset: {len(expected)} problem(s)"
        assert "Traceback" not in stderr


@pytest.mark.parametrize("command", [["show", "Ionov"], ["path", "Ionov", "agmr"], ["links", "--json"]])
def test_queries_refuse_a_broken_dataset_with_the_same_lines(tmp_path, command):
    directory = dataset(tmp_path, "entities", CORPUS_DIR / "billion-laughs.entities.yaml")
    result = runner.invoke(app, [*command, "--data", str(directory)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.replace(str(directory) + os.sep, "").splitlines() == [
        "entities.yaml:3: YAML anchor '&a0' is not allowed: write the value out where it is used "
        "(see Limits in the README)",
        "imrnet: invalid dataset: 1 problem(s); nothing was answered",
    ]


# ---------------------------------------------------------- generated cases

MB = 2**20


GENERATED = {
    # name: (stem, writer(path), expected line)
    "size-17mb": ("entities", lambda p: _grow(p, 17 * MB),
                  "entities.yaml: file is 17.0 MB, over the limit of 16.0 MB for a YAML data file: "
                  "keep big datasets in JSON Lines (see Limits in the README)"),
    "size-200mb": ("links", lambda p: _grow(p, 200 * MB),
                   "links.yaml: file is 200.0 MB, over the limit of 16.0 MB for a YAML data file: "
                   "keep big datasets in JSON Lines (see Limits in the README)"),
    "nesting-1000000-flow": ("entities", lambda p: p.write_text("[" * 10**6 + "]" * 10**6),
                             "entities.yaml:1: nesting deeper than 20 levels is not allowed "
                             "(see Limits in the README)"),
    "nesting-100000-block": ("links", lambda p: p.write_text("- " * 10**5 + "x\n"),
                             "links.yaml:1: nesting deeper than 20 levels is not allowed "
                             "(see Limits in the README)"),
    "summary-5mb": ("entities", lambda p: p.write_text(
        "- id: agmr\n  name: AGMR\n  type: organization\n  summary: " + "word " * 10**6 + "\n"),
        "entities.yaml:4: field 'summary': a text of 4,999,999 characters is over the limit of "
        "10,000 characters (see Limits in the README)"),
    "billion-laughs-deep": ("entities", lambda p: p.write_text(
        "".join(f"- &a{i} [" + ", ".join([f"*a{i - 1}"] * 10 if i else ["lol"] * 10) + "]\n"
                for i in range(30))),
        "entities.yaml:1: YAML anchor '&a0' is not allowed: write the value out where it is used "
        "(see Limits in the README)"),
}


def _grow(path: Path, size: int) -> None:
    with path.open("wb") as stream:
        stream.truncate(size)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(tmp_path, name):
    stem, write, expected = GENERATED[name]
    directory = dataset(tmp_path, stem, "")
    write(directory / f"{stem}.yaml")
    assert validate(directory)[:2] == (3, [expected])


_BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from pathlib import Path
from imrnet.dataset.loader import check_dirs
for directory in sys.argv[1:]:
    print(len(check_dirs([Path(directory)]).errors))
"""


def test_hostile_files_are_refused_within_a_memory_bound(tmp_path):
    """Every generated case, read under a 1 GiB address-space limit (a hang guard, not a timing)."""
    dirs = []
    for name, (stem, write, _) in sorted(GENERATED.items()):
        directory = dataset(tmp_path / name, stem, "")
        write(directory / f"{stem}.yaml")
        dirs.append(str(directory))
    done = subprocess.run([sys.executable, "-c", _BOUNDED, *dirs], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1"] * len(dirs)


# ------------------------------------------------------------- strict JSON


def test_json_output_is_strict_for_every_valid_number(tmp_path):
    links = (BASE / "links.yaml").read_text().replace(
        "role: president", "role: president\n  amount: 12345678901234567.5\n  currency: USD")
    directory = dataset(tmp_path, "links", links)
    result = runner.invoke(app, ["links", "--json", "--data", str(directory)])
    assert result.exit_code == 0
    amounts = json.loads(result.stdout, parse_constant=pytest.fail)
    assert [link.get("amount") for link in amounts["links"]] == [12345678901234568.0, None]


@pytest.mark.parametrize(("line", "expected"), [
    ('{"source": "agmr", "target": "doj", "type": "funds", "status": "reported", "amount": '
     + "9" * 5000 + ', "currency": "USD", "sources": ["doc-a"]}',
     "links.jsonl:1: a number of 5,000 digits is over the limit of 20 digits (see Limits in the README)"),
    ('{"source": "agmr", "target": "doj", "type": "met", "status": "reported", "summary": "'
     + "x" * 10001 + '", "sources": ["doc-a"]}',
     "links.jsonl:1: field 'summary' is 10,001 characters long, over the limit of 10,000 "
     "(see Limits in the README)"),
])
def test_json_lines_obey_the_same_limits(tmp_path, line, expected):
    directory = dataset(tmp_path, "links", "")
    (directory / "links.yaml").unlink()
    (directory / "links.jsonl").write_text(line + "\n", encoding="utf-8")
    assert validate(directory)[:2] == (3, [expected])


def test_many_bad_references_into_many_entities_get_bounded_suggestions(tmp_path):
    """"Did you mean" compares each bad reference with every entity: only the first 100 get one."""
    entities = "".join(f"- {{id: person-{i}, name: Person {i}, type: person, sources: [doc-a]}}\n"
                       for i in range(3000))
    links = "".join(f"- {{id: l{i}, source: persn-{i}, target: person-{i + 1}, type: met, status: reported, "
                    f"sources: [doc-a]}}\n" for i in range(300))
    directory = dataset(tmp_path, "entities", entities)
    (directory / "links.yaml").write_text(links, encoding="utf-8")
    code, lines, _ = validate(directory)
    assert (code, len(lines)) == (3, 300)
    assert lines[99] == ("links.yaml:100: link persn-99 -> person-100: unknown entity 'persn-99' in field "
                         "'source' (did you mean 'person-99'?)")
    assert lines[100] == "links.yaml:101: link persn-100 -> person-101: unknown entity 'persn-100' in field 'source'"
