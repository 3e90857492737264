"""The two-pass loader and `imrnet validate`, one fixture per problem.

Each case starts from the small valid dataset in ``fixtures/loader/base``,
replaces one file with a broken variant, and asserts the exact messages.
"""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.errors import DatasetError, UsageError
from imrnet.dataset.loader import check_dirs, load
from imrnet.dataset.locations import bundled_dir, data_dirs

BASE = Path(__file__).parent / "fixtures" / "loader" / "base"
runner = CliRunner()


def make(tmp_path: Path, name: str = "data", **files: str) -> Path:
    """Copy the base dataset into tmp_path/name, replacing the given files."""
    target = tmp_path / name
    shutil.copytree(BASE, target)
    for stem, text in files.items():
        (target / f"{stem}.yaml").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return target


def messages(directory: Path, *more: Path) -> list[str]:
    report = check_dirs([directory, *more])
    base = str(directory)
    return [str(p).replace(base + os.sep, "") for p in report.errors]


ENTITY_OK = """
- id: alexander-ionov
  name: Alexander Ionov
  type: person
  sources: [doc-a]
- id: agmr
  name: Anti-Globalization Movement of Russia
  type: organization
  sources: [doc-a]
"""


def links_file(body: str) -> dict:
    """Entities reduced to two, links replaced by ``body`` (doc-b left unused)."""
    return {"entities": ENTITY_OK, "links": body}


def test_base_fixture_is_valid():
    report = check_dirs([BASE])
    assert report.errors == []
    assert report.warnings == []
    dataset = report.dataset
    assert list(dataset.entities) == ["alexander-ionov", "agmr", "doj"]
    assert [link.id for link in dataset.links] == [
        "alexander-ionov~leads~agmr~2011",
        "doj~charged~alexander-ionov~2022-07-29",
    ]
    lead = dataset.links[0]
    assert lead.sources[0].locator == "The Anti-Globalization Movement"
    assert lead.role == "president"
    assert dataset.entities["doj"].countries == ("US",)
    assert dataset.entities["alexander-ionov"].born == "1989-12-12"
    assert dataset.sources["doc-b"].cited_in == "doc-a"


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    d = make(tmp_path, entities="- id: agmr\n  name: [unclosed\n  type: organization\n")
    assert messages(d) == [
        "entities.yaml:3: YAML syntax error, column 7: did not find expected ',' or ']'"
    ]


def test_top_level_must_be_a_list(tmp_path):
    d = make(tmp_path, sources="sources:\n  - id: doc-a\n")
    assert messages(d)[0] == "sources.yaml:1: expected a list of sources at the top level, found a mapping"


def test_items_must_be_mappings(tmp_path):
    d = make(tmp_path, links="- just a string\n")
    assert messages(d) == ["links.yaml: item 1 is a str, expected a mapping of fields"]


def test_unknown_field_suggests_the_right_one(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          sorces: [doc-a]
        """))
    assert messages(d) == [
        "links.yaml:1: link alexander-ionov -> agmr: missing required field 'sources'",
        "links.yaml:5: link alexander-ionov -> agmr: unknown field 'sorces' (did you mean 'sources'?)",
    ]


def test_missing_required_fields(tmp_path):
    d = make(tmp_path, entities="""
        - id: agmr
          type: organization
        """)
    errors = messages(d)
    assert "entities.yaml:1: entity agmr: missing required field 'name'" in errors
    assert "entities.yaml:1: entity agmr: missing required field 'sources'" in errors


def test_duplicate_id_within_a_file(tmp_path):
    again = "- id: agmr\n  name: AGMR again\n  type: organization\n  sources: [doc-a]\n"
    d = make(tmp_path, entities=textwrap.dedent(ENTITY_OK) + again)
    assert messages(d)[0] == (
        "entities.yaml:9: entity agmr: duplicate id 'agmr' (first defined at entities.yaml:5)"
    )


def test_duplicate_id_across_directories_names_both_places(tmp_path):
    first = make(tmp_path, "first")
    second = tmp_path / "second"
    second.mkdir()
    (second / "entities.yaml").write_text(
        "- id: agmr\n  name: Another AGMR\n  type: organization\n  sources: [doc-a]\n", encoding="utf-8"
    )
    report = check_dirs([first, second])
    assert [str(p) for p in report.errors] == [
        f"{second / 'entities.yaml'}:1: entity agmr: duplicate id 'agmr' "
        f"(first defined at {first / 'entities.yaml'}:9)"
    ]


def test_duplicate_key_inside_a_mapping(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          status: alleged
          sources: [doc-a]
        """))
    assert messages(d) == [
        "links.yaml:5: duplicate key 'status' (first at line 4); YAML would keep only the last"
    ]


def test_link_to_unknown_entity(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmrr
          type: leads
          status: reported
          sources: [doc-a]
        """))
    assert messages(d) == [
        "links.yaml:2: link alexander-ionov -> agmrr: unknown entity 'agmrr' in field 'target' (did you mean 'agmr'?)"
    ]


def test_unknown_source_id(tmp_path):
    d = make(tmp_path, entities="""
        - id: agmr
          name: AGMR
          type: organization
          sources: [doc-z]
        """, links="[]\n")
    assert messages(d) == ["entities.yaml:4: entity agmr: unknown source 'doc-z' (did you mean 'doc-b'?)"]


def test_unknown_status_lists_the_vocabulary(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: confirmed
          sources: [doc-a]
        """))
    assert messages(d) == [
        "links.yaml:4: link alexander-ionov -> agmr: unknown status 'confirmed' "
        "(expected one of reported, alleged, disputed, planned)"
    ]


def test_unknown_types(tmp_path):
    d = make(tmp_path, entities="""
        - id: agmr
          name: AGMR
          type: club
          sources: [doc-a]
        - id: alexander-ionov
          name: Alexander Ionov
          type: person
          sources: [doc-a]
        """, links="""
        - source: alexander-ionov
          target: agmr
          type: lead
          status: reported
          sources: [doc-a]
        """)
    assert messages(d) == [
        "entities.yaml:3: entity agmr: unknown type 'club' "
        "(expected one of person, organization, company, public_body, media, event)",
        "links.yaml:3: link alexander-ionov -> agmr: unknown link type 'lead' (did you mean 'leads'?)",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"2015-13"', "field 'start': impossible date '2015-13'"),
        ('"2023-02-30"', "field 'start': impossible date '2023-02-30'"),
        ('"15 March 2015"', "field 'start': malformed date '15 March 2015' (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("[2015]", "field 'start' must be a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ],
)
def test_malformed_or_impossible_dates(tmp_path, value, message):
    d = make(tmp_path, **links_file(f"""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          start: {value}
          sources: [doc-a]
        """))
    assert messages(d) == [f"links.yaml:5: link alexander-ionov -> agmr: {message}"]


def test_unquoted_dates_are_read_as_text(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          start: 2015-09-25
          end: 2016
          sources: [doc-a]
        """))
    report = check_dirs([d])
    assert report.errors == []
    assert (report.dataset.links[0].start, report.dataset.links[0].end) == ("2015-09-25", "2016")


def test_end_before_start(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          start: "2015-09"
          end: "2015-08-31"
          sources: [doc-a]
        """))
    assert messages(d) == ["links.yaml:6: link alexander-ionov -> agmr: end 2015-08-31 is before start 2015-09"]


def test_partial_dates_overlapping_are_not_reversed(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          start: "2015-09-25"
          end: "2015"
          sources: [doc-a]
        """))
    assert messages(d) == []


def test_self_link(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: agmr
          target: agmr
          type: funds
          status: reported
          sources: [doc-a]
        """))
    assert messages(d) == ["links.yaml:2: link agmr -> agmr: self-link: source and target are the same entity"]


def test_the_same_link_twice(tmp_path):
    link = """
        - source: alexander-ionov
          target: agmr
          type: leads
          status: reported
          sources: [doc-a]
        """
    d = make(tmp_path, **links_file(link + link))
    assert messages(d) == [
        "links.yaml:7: link alexander-ionov -> agmr: the same link is already defined at links.yaml:1"
    ]


def test_symmetric_link_reversed_is_the_same_link(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: alexander-ionov, target: agmr, type: associate, status: reported, sources: [doc-a]}
        - {source: agmr, target: alexander-ionov, type: associate, status: reported, sources: [doc-a]}
        """))
    assert messages(d) == [
        "links.yaml:2: link agmr -> alexander-ionov: the same link is already defined at links.yaml:1"
    ]


def test_colliding_derived_ids_ask_for_an_explicit_id(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: alexander-ionov, target: agmr, type: leads, status: reported, role: president, sources: [doc-a]}
        - {source: alexander-ionov, target: agmr, type: leads, status: reported, role: chairman, sources: [doc-a]}
        """))
    assert messages(d) == [
        "links.yaml:2: link alexander-ionov -> agmr: link id 'alexander-ionov~leads~agmr' is also used at "
        "links.yaml:1; give one of them an explicit 'id'"
    ]


def test_accusation_cannot_be_reported(tmp_path):
    d = make(tmp_path, **links_file("""
        - source: agmr
          target: alexander-ionov
          type: charged
          status: reported
          sources: [doc-a]
        """))
    assert messages(d) == [
        "links.yaml:4: link agmr -> alexander-ionov: type 'charged' records an accusation: "
        "status must be alleged or disputed, not 'reported'"
    ]


def test_amount_needs_a_known_currency(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: agmr, target: alexander-ionov, type: funds, status: reported, amount: 1000000, sources: [doc-a]}
        - {source: alexander-ionov, target: agmr, type: funds, status: reported, amount: 5, currency: RUR, sources: [doc-a]}
        - {source: alexander-ionov, target: agmr, type: supports, status: reported, amount: lots, currency: RUB, sources: [doc-a]}
        """))
    assert messages(d) == [
        "links.yaml:1: link agmr -> alexander-ionov: field 'amount' needs a 'currency' (ISO 4217, e.g. RUB, USD, EUR)",
        "links.yaml:2: link alexander-ionov -> agmr: unknown currency 'RUR' (expected an ISO 4217 code such as RUB, USD, EUR)",
        "links.yaml:3: link alexander-ionov -> agmr: field 'amount' must be a non-negative number, not 'lots'",
    ]


def test_country_codes_and_type_specific_dates(tmp_path):
    d = make(tmp_path, entities="""
        - id: agmr
          name: AGMR
          type: organization
          country: [RU, Russia]
          born: "2012"
          sources: [doc-a]
        """, links="[]\n")
    assert messages(d) == [
        "entities.yaml:4: entity agmr: unknown country 'Russia' (expected an ISO 3166-1 alpha-2 code such as RU, US)",
        "entities.yaml:5: entity agmr: field 'born' does not fit type 'organization' (only person)",
    ]


def test_bad_slug_and_empty_sources(tmp_path):
    d = make(tmp_path, entities="""
        - id: Alexander Ionov
          name: Alexander Ionov
          type: person
          sources: []
        """, links="[]\n")
    assert messages(d) == [
        "entities.yaml:1: entity Alexander Ionov: id 'Alexander Ionov' is not a lowercase slug (letters, digits, '-')",
        "entities.yaml:4: entity Alexander Ionov: field 'sources' is empty: cite at least one source",
    ]


def test_unused_source_is_a_warning_not_an_error(tmp_path):
    d = make(tmp_path, **links_file("[]\n"))
    report = check_dirs([d])
    assert report.errors == []
    assert [str(p).replace(str(d) + os.sep, "") for p in report.warnings] == [
        "sources.yaml:7: warning: source doc-b is never cited"
    ]


def test_a_source_known_through_a_cited_one_is_used_one_level_deep(tmp_path):
    """doc-a is cited only as where cited doc-b was found: used. doc-c, behind uncited doc-d, is not."""
    sources = (BASE / "sources.yaml").read_text(encoding="utf-8") + textwrap.dedent("""
        - {id: doc-c, title: C, publisher: P, date: "2020"}
        - {id: doc-d, title: D, publisher: P, date: "2020", cited_in: doc-c}
        - {id: doc-e, title: E, publisher: P, date: "2020", cited_in: doc-d}
        """)
    entities = ENTITY_OK.replace("sources: [doc-a]", "sources: [doc-b]")
    d = make(tmp_path, sources=sources, entities=entities, links="[]\n")
    report = check_dirs([d])
    assert report.errors == []
    assert [p.message for p in report.warnings] == [
        "source doc-c is never cited", "source doc-d is never cited", "source doc-e is never cited"]
    # every source cited directly: none is left to warn about
    entities = ENTITY_OK.replace("sources: [doc-a]", "sources: [doc-a, doc-b, doc-c, doc-d, doc-e]")
    d = make(tmp_path, "all", sources=sources, entities=entities, links="[]\n")
    assert check_dirs([d]).warnings == []


def test_every_problem_is_reported_at_once(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: alexander-ionov, target: agmr, type: leads, status: sure, sources: [doc-a]}
        - {source: nobody, target: agmr, type: leads, status: reported, sources: [doc-a]}
        - {source: agmr, target: agmr, type: funds, status: reported, sources: [doc-a]}
        """))
    assert len(messages(d)) == 3
    with pytest.raises(DatasetError) as caught:
        load([d])
    assert len(caught.value.problems) == 3
    assert caught.value.exit_code == 3


def test_later_directory_extends_the_earlier(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "sources.yaml").write_text(
        "- {id: my-notes, title: Field notes, publisher: me, date: '2026'}\n", encoding="utf-8"
    )
    (notes / "links.yaml").write_text(
        "- {source: alexander-ionov, target: konstantin-malofeev, type: met, status: alleged, sources: [my-notes]}\n",
        encoding="utf-8",
    )
    dataset = load([bundled_dir(), notes])
    assert dataset.links[-1].id == "alexander-ionov~met~konstantin-malofeev"
    assert len(dataset.links) == len(load().links) + 1


def test_directory_without_dataset_files(tmp_path):
    assert [str(p) for p in check_dirs([tmp_path]).errors] == [
        f"{tmp_path}: no dataset files here (expected sources, entities, links as .yaml or .jsonl)"
    ]


def test_data_dirs_resolution(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert data_dirs(None, env="") == [bundled_dir()]
    assert data_dirs(None, env=f"bundled{os.pathsep}{tmp_path}") == [bundled_dir(), tmp_path]
    assert data_dirs([str(tmp_path)], env="bundled") == [tmp_path]
    assert data_dirs(["bundled", "bundled"], env="") == [bundled_dir()]
    with pytest.raises(UsageError, match="data directory not found: nowhere"):
        data_dirs(["nowhere"], env="")


# ---------------------------------------------------------------- the command


def test_validate_clean_summary_json():
    result = runner.invoke(app, ["validate", "--data", str(BASE), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc == {
        "valid": True,
        "directories": [str(BASE)],
        "counts": {
            "sources": 2,
            "entities": 3,
            "links": 2,
            "account_groups": 0,
            "entity_types": {"person": 1, "organization": 1, "public_body": 1},
            "link_types": {"leads": 1, "charged": 1},
            "statuses": {"reported": 1, "alleged": 1},
            "retracted": {"entities": 0, "links": 0, "sources": 0},
        },
        "retracted": [],
        "errors": [],
        "warnings": [],
    }


def test_validate_clean_summary_table():
    result = runner.invoke(app, ["validate", "--data", str(BASE)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "Dataset OK: 2 sources, 3 entities, 2 links",
        f"Read from: {BASE}",
    ]
    assert "public_body" in result.stdout and "\x1b[" not in result.stdout


def test_validate_lists_problems_and_exits_3(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: alexander-ionov, target: agmr, type: leads, status: confirmed, sources: [doc-a]}
        """))
    result = runner.invoke(app, ["validate", "--data", str(d)])
    assert result.exit_code == 3
    assert result.stdout == (
        f"{d / 'links.yaml'}:1: link alexander-ionov -> agmr: unknown status 'confirmed' "
        "(expected one of reported, alleged, disputed, planned)\n"
    )
    assert result.stderr.splitlines() == [
        f"{d / 'sources.yaml'}:7: warning: source doc-b is never cited",
        "imrnet: invalid dataset: 1 problem(s)",
    ]
    doc = json.loads(runner.invoke(app, ["validate", "--data", str(d), "--json"]).stdout)
    assert doc["valid"] is False and doc["counts"] is None
    assert doc["errors"] == [
        {
            "file": str(d / "links.yaml"),
            "line": 1,
            "level": "error",
            "message": "link alexander-ionov -> agmr: unknown status 'confirmed' "
            "(expected one of reported, alleged, disputed, planned)",
        }
    ]


def test_environment_variable_chooses_the_data(tmp_path):
    result = runner.invoke(app, ["validate", "--json"], env={"IMRNET_DATA": str(BASE)})
    assert json.loads(result.stdout)["counts"]["entities"] == 3


def test_missing_data_directory_is_a_usage_error():
    result = runner.invoke(app, ["validate", "--data", "/no/such/dir"])
    assert result.exit_code == 2
    assert result.stderr == "imrnet: data directory not found: /no/such/dir\n"
    assert result.stdout == ""


def test_validate_bundled_is_clean():
    result = runner.invoke(app, ["validate", "--json"], env={"IMRNET_DATA": ""})
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["errors"] == []


# ------------------------------------------------------- junk in every field


JUNK_ENTITIES = [
    ("- {id: agmr, name: '', type: organization, sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: field 'name' is empty"]),
    ("- {id: agmr, name: [AGMR], type: organization, sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: field 'name' must be text, not a list"]),
    ("- {id: agmr, name: AGMR, type: organization, aliases: ADR, sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: field 'aliases' must be a list, not 'ADR'"]),
    ("- {id: agmr, name: AGMR, type: organization, aliases: [ADR, {x: 1}], sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: field 'aliases' holds a mapping, expected text"]),
    ("- {id: agmr, name: AGMR, type: organization, tags: [Secessionist], sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: tag 'Secessionist' is not a lowercase slug"]),
    ("- {id: agmr, name: AGMR, type: organization, country: {RU: 1}, sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: field 'country' must be a code or a list of codes"]),
    ("- {id: agmr, name: AGMR, type: organization, sources: [{id: doc-a, page: 2}]}",
     ["entities.yaml:1: entity agmr: source citation has unknown field 'page' (expected id, locator)"]),
    ("- {id: agmr, name: AGMR, type: organization, sources: [{id: doc-a, locator: [1]}]}",
     ["entities.yaml:1: entity agmr: source locator must be text"]),
    ("- {id: agmr, name: AGMR, type: organization, sources: [{locator: p. 2}]}",
     ["entities.yaml:1: entity agmr: source citation {'locator': 'p. 2'} needs a source id"]),
    ("- {id: agmr, name: AGMR, type: organization, sources: }",
     ["entities.yaml:1: entity agmr: field 'sources' is empty: cite at least one source"]),
    ("- {id: agmr, name: AGMR, type: organization, sources: doc-a}", []),
    ("- {id: agmr, name: AGMR, type: organization, {a: 1}: x, sources: [doc-a]}",
     ["entities.yaml:1: entity agmr: unknown field \"{'a': 1}\""]),
]


@pytest.mark.parametrize(("text", "expected"), JUNK_ENTITIES)
def test_junk_in_entity_fields(tmp_path, text, expected):
    d = make(tmp_path, entities=text + "\n", links="[]\n")
    assert messages(d) == expected


JUNK_LINKS = [
    ("- {source: agmr, target: alexander-ionov, type: funds, status: reported, currency: RUB, sources: [doc-a]}",
     ["links.yaml:1: link agmr -> alexander-ionov: field 'currency' given without an 'amount'"]),
    ("- {id: 'Big Grant', source: agmr, target: alexander-ionov, type: funds, status: reported, sources: [doc-a]}",
     ["links.yaml:1: link agmr -> alexander-ionov: id 'Big Grant' is not a lowercase id "
      "(letters, digits, '-', '~', '.', '_')"]),
    ("- {source: agmr, target: alexander-ionov, type: funds, status: reported, amount: true, currency: RUB, sources: [doc-a]}",
     ["links.yaml:1: link agmr -> alexander-ionov: field 'amount' must be a non-negative number, not True"]),
    ("- {source: agmr, target: alexander-ionov, type: funds, status: reported, summary: {a: 1}, sources: [doc-a]}",
     ["links.yaml:1: link agmr -> alexander-ionov: field 'summary' must be text, not a mapping"]),
]


@pytest.mark.parametrize(("text", "expected"), JUNK_LINKS)
def test_junk_in_link_fields(tmp_path, text, expected):
    d = make(tmp_path, **links_file(text + "\n"))
    assert messages(d) == expected


def test_cited_in_must_name_a_known_source(tmp_path):
    d = make(tmp_path, sources="""
        - {id: doc-a, title: A, publisher: P, date: "2021", cited_in: doc-z}
        - {id: doc-b, title: B, publisher: P, date: null, cited_in: doc-b}
        """, entities=ENTITY_OK.replace("[doc-a]", "[doc-a, doc-b]"), links="[]\n")
    assert messages(d) == [
        "sources.yaml:1: source doc-a: field 'cited_in' names unknown source 'doc-z' (did you mean 'doc-b'?)",
        "sources.yaml:2: source doc-b: field 'cited_in' names the source itself",
    ]


def test_unreadable_file_is_reported_not_raised(tmp_path):
    d = make(tmp_path)
    (d / "entities.yaml").write_bytes(b"- id: agmr\n  name: \xff\xfe broken\n")
    (problem,) = check_dirs([d]).errors
    assert str(problem) == (f"{d / 'entities.yaml'}:2: not UTF-8 text: byte 0xff at column 9 "
                            "cannot be read; save the file as UTF-8")


def test_unhashable_key_is_reported(tmp_path):
    d = make(tmp_path, entities="- {id: agmr, name: AGMR, type: organization, [x]: 1, sources: [doc-a]}\n",
             links="[]\n")
    assert messages(d) == ["entities.yaml:1: entity agmr: unknown field \"['x']\""]


# --------------------------------------------------------------------------
# competing accounts of one fact


def test_accounts_of_one_fact_load_together(tmp_path):
    d = make(tmp_path, **links_file("""
        - {source: alexander-ionov, target: agmr, type: leads, status: reported, start: "2011",
           account_of: agmr-presidency-start, sources: [doc-a]}
        - {source: alexander-ionov, target: agmr, type: leads, status: reported, start: "2012",
           account_of: agmr-presidency-start, sources: [doc-a]}
        """))
    report = check_dirs([d])
    assert report.errors == []
    assert [l.account_of for l in report.dataset.links] == ["agmr-presidency-start"] * 2


def test_account_alone_or_across_pairs_is_an_error(tmp_path):
    d = make(tmp_path, entities=ENTITY_OK + """
- id: doj
  name: US Department of Justice
  type: public_body
  sources: [doc-a]
""", links="""
- {source: alexander-ionov, target: agmr, type: leads, status: reported, account_of: lone, sources: [doc-a]}
- {source: alexander-ionov, target: agmr, type: funds, status: reported, account_of: mixed, sources: [doc-a]}
- {source: doj, target: agmr, type: funds, status: reported, account_of: mixed, sources: [doc-a]}
- {source: doj, target: alexander-ionov, type: charged, status: alleged, account_of: Not_A_Slug, sources: [doc-a]}
""")
    assert messages(d) == [
        "links.yaml:1: link alexander-ionov~leads~agmr: field 'account_of': group 'lone' has no "
        "other account; give it to every link that tells the same fact another way",
        "links.yaml:3: link doj~funds~agmr: field 'account_of': group 'mixed' joins links between "
        "different entities (first at links.yaml:2)",
        "links.yaml:4: link doj -> alexander-ionov: field 'account_of' must be a lowercase slug, "
        "not 'Not_A_Slug'",
    ]


def test_records_say_where_they_came_from(tmp_path):
    d = make(tmp_path)
    report = check_dirs([d])
    assert {e.origin for e in report.dataset.entities.values()} == {str(d)}
    from imrnet.dataset.locations import bundled_dir
    bundled = check_dirs([bundled_dir()]).dataset
    assert {l.origin for l in bundled.links} == {"bundled"}


def test_progress_counts_every_byte_of_every_file(tmp_path):
    """``advance`` adds up to the size of the data files, in YAML and in JSON Lines (8,192 lines a call)."""
    import yaml

    jsonl = tmp_path / "jsonl"
    jsonl.mkdir()
    for kind in ("sources", "entities", "links"):
        records = yaml.safe_load((BASE / f"{kind}.yaml").read_text(encoding="utf-8"))
        if kind == "links":  # enough lines for a call before the end: the same link, dated each day
            import datetime

            first = datetime.date(1990, 1, 1)
            records = [{**records[0], "start": str(first + datetime.timedelta(days=i)), "id": f"l-{i}"}
                       for i in range(9000)]
        (jsonl / f"{kind}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    for directory in (BASE, jsonl):
        calls = []
        assert check_dirs([directory], advance=calls.append).errors == []
        assert sum(calls) == sum(p.stat().st_size for p in directory.iterdir())
        assert len(calls) == (3 if directory is BASE else 4)
