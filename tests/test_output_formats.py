"""Outputs that keep their promises: one JSON document on every path, the
empty-answer rule, CSV and TSV, ``links --sort``, names as pasted, shell
completion. Through the installed ``imrnet`` script, on fixtures.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASIC = str(FIXTURES / "records" / "basic")
PRESENT = str(FIXTURES / "present")
SCRIPT = Path(sys.executable).parent / "imrnet"
ALL = {"statuses": ["reported", "alleged", "disputed", "planned"],
       "ties": ["affiliation", "adversarial", "coverage"], "as_of": None, "since": None,
       "until": None, "undated": "exclude", "undated_left_out": 0, "link_types": None,
       "exclude_link_types": []}
#: What path, common and centrality count by default.
AFFILIATION = {**ALL, "ties": ["affiliation"]}


def imrnet(*args: str, data: str | None = BASIC, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR")}
    environ.update({"COLUMNS": "200", **(env or {})})
    argv = [str(SCRIPT), *args] + (["--data", data] if data else [])
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=environ,
                          timeout=120)


# ------------------------------------------------------- the empty-answer rule

#: Each command asked a question with no answer, and its empty JSON document.
EMPTY = [
    (["search", "zzzzqq"], {"query": "zzzzqq", "results": []}, "nothing matches 'zzzzqq'"),
    (["list", "--type", "company"], {"count": 0, "entities": []},
     "no entity has all of these values"),
    (["links", "--link-type", "met"],
     {"count": 0, "filters": {**ALL, "link_types": ["met"], "entity": []}, "sort": None,
      "accounts": {}, "links": []},
     "no link passes the filters (Links counted: of type met)"),
    (["timeline", "eurasian-forum"],
     {"entity": {"id": "eurasian-forum", "name": "Eurasian Forum", "type": "event"},
      "filters": ALL, "accounts": {}, "items": []},
     "no dated link or event (Links counted: all)"),
    (["path", "Ionov", "Pavel Dugin"],
     {"from": {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person"},
      "to": {"id": "pavel-dugin", "name": "Pavel Dugin", "type": "person"},
      "rank": "hubs", "max_hops": None, "length": None, "total": 0, "complete": True,
      "paths": [], "filters": AFFILIATION},
     "no path from Alexander Ionov to Pavel Dugin along affiliation ties"),
    (["common", "tsargrad", "doj"],
     {"entities": [{"id": "tsargrad", "name": "Tsargrad TV", "type": "media"},
                   {"id": "us-doj", "name": "U.S. Department of Justice", "type": "public_body"}],
      "results": [], "filters": AFFILIATION},
     "no entity is tied to all of Tsargrad TV, U.S. Department of Justice along affiliation ties"),
    (["ego", "pavel-dugin"],
     {"center": {"id": "pavel-dugin", "name": "Pavel Dugin", "type": "person"}, "radius": 1,
      "nodes": [{"id": "pavel-dugin", "name": "Pavel Dugin", "type": "person", "distance": 0}],
      "links": [], "accounts": {}, "facts": 0, "filters": ALL},
     "Pavel Dugin has no counted link (Links counted: all)"),
    (["centrality", "--type", "company"],
     {"measure": "degree", "results": [], "filters": AFFILIATION},
     "no entity of type company in the dataset"),
]


@pytest.mark.parametrize("argv,empty,message", EMPTY, ids=[e[0][0] for e in EMPTY])
def test_no_answer_exits_1_with_the_empty_document(argv, empty, message):
    table = imrnet(*argv)
    assert (table.returncode, table.stdout, table.stderr) == (1, "", f"imrnet: {message}\n")
    as_json = imrnet(*argv, "--json")
    assert (as_json.returncode, as_json.stderr) == (1, f"imrnet: {message}\n")
    assert json.loads(as_json.stdout) == empty


@pytest.mark.parametrize("command", ["list", "links", "search", "timeline"])
def test_no_answer_as_csv_is_the_header_row(command):
    argv = {"list": ["list", "--type", "company"], "links": ["links", "--link-type", "met"],
            "search": ["search", "zzzzqq"], "timeline": ["timeline", "eurasian-forum"]}[command]
    result = imrnet(*argv, "--csv")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1 and result.stdout.startswith(
        "date,item,id" if command == "timeline" else "id,")


def test_usage_errors_print_nothing_on_stdout_even_with_json():
    for argv in (["show", "nobody-at-all"], ["links", "--sort", "size"],
                 ["links", "--json", "--csv"]):
        result = imrnet(*argv, "--json")
        assert result.returncode == 2 and result.stdout == "", argv
        assert result.stderr.startswith("imrnet: "), argv
    assert imrnet("links", "--csv", "--tsv").stderr == (
        "imrnet: --csv and --tsv cannot be combined: choose one output format\n")


# ---------------------------------------------------------------- CSV and TSV


def test_links_csv_exact():
    result = imrnet("links", "--entity", "Malofeev", "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "source", "source_name", "target", "target_name", "link_type",
                       "label", "kind", "symmetric", "status", "start", "end", "role", "amount",
                       "currency", "account_of", "summary", "sources", "origin"]
    assert rows[1:] == [
        ["malofeev-owns-tsargrad", "konstantin-malofeev", "Konstantin Malofeev", "tsargrad",
         "Tsargrad TV", "owns", "owns", "affiliation", "false", "reported", "2015", "", "", "",
         "", "", "", "imr-article (para. 5)", "tests/fixtures/records/basic"],
        ["malofeev-funds-imr", "konstantin-malofeev", "Konstantin Malofeev", "imr",
         "International Movement of Russophiles", "funds", "funds", "affiliation", "false",
         "alleged", "2023", "", "", "1000000", "RUB", "", "", "imr-article",
         "tests/fixtures/records/basic"],
        ["ionov-associate-malofeev", "alexander-ionov", "Alexander Ionov", "konstantin-malofeev",
         "Konstantin Malofeev", "associate", "associate of", "affiliation", "true", "disputed",
         "", "", "", "", "", "", "", "imr-article", "tests/fixtures/records/basic"],
    ]


def test_list_search_sources_tsv_and_csv():
    assert imrnet("list", "--tag", "russophiles", "--tsv").stdout == (
        "id\tname\ttype\tcountry\ttags\n"
        "imr\tInternational Movement of Russophiles\torganization\tRU\tagmr-circle; russophiles\n")
    assert imrnet("search", "Ionov", "--limit", "1", "--csv").stdout == (
        "id,name,type,score,matched\nalexander-ionov,Alexander Ionov,person,93.0,name\n")
    lines = imrnet("sources", "--csv").stdout.splitlines()
    assert lines[0] == "id,title,publisher,date,url,authors,note,cited_in,origin,entities,links"
    assert lines[3] == ("doj-release,Russian national charged,U.S. Department of Justice,"
                        "2022-07-29,https://example.org/doj-release,,,,tests/fixtures/records/basic,1,1")
    assert imrnet("sources", "doj-release", "--tsv").stdout == (
        "record\tid\tname\ttype\tlocators\n"
        "entity\tus-doj\tU.S. Department of Justice\tpublic_body\t\n"
        "link\tdoj-charged-ionov\tU.S. Department of Justice charged Alexander Ionov\tcharged\t\n")


def test_timeline_tsv_has_links_and_events():
    lines = imrnet("timeline", "imr congress", "--tsv").stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["date", "item", "id", "source"]
    assert [line.split("\t")[:3] for line in lines[1:]] == [
        ["2023-03-14", "event", "imr-congress"], ["2023-03-14", "link", "ionov-spoke-congress"]]
    assert lines[1].split("\t")[-2:] == ["IMR founding congress", "Moscow"]


# ---------------------------------------------------------------- links --sort


@pytest.mark.parametrize("order,expected", [
    ("date", ["ionov-leads-agmr", "malofeev-owns-tsargrad", "tsargrad-employs-dugin",
              "doj-charged-ionov", "malofeev-funds-imr", "agmr-member-imr",
              "ionov-spoke-congress", "ionov-associate-malofeev", "dugin-attended-forum"]),
    # by the names of the ends, file order among equals
    ("source", ["dugin-attended-forum", "ionov-leads-agmr", "ionov-spoke-congress",
                "ionov-associate-malofeev", "agmr-member-imr", "malofeev-owns-tsargrad",
                "malofeev-funds-imr", "tsargrad-employs-dugin", "doj-charged-ionov"]),
    ("target", ["tsargrad-employs-dugin", "doj-charged-ionov", "ionov-leads-agmr",
                "dugin-attended-forum", "ionov-spoke-congress", "malofeev-funds-imr",
                "agmr-member-imr", "ionov-associate-malofeev", "malofeev-owns-tsargrad"]),
    ("TYPE", ["ionov-associate-malofeev", "dugin-attended-forum", "doj-charged-ionov",
              "tsargrad-employs-dugin", "malofeev-funds-imr", "ionov-leads-agmr",
              "agmr-member-imr", "malofeev-owns-tsargrad", "ionov-spoke-congress"]),
])
def test_links_sort(order, expected):
    doc = json.loads(imrnet("links", "--sort", order, "--json").stdout)
    assert doc["sort"] == order.lower()
    assert [link["id"] for link in doc["links"]] == expected


def test_links_sort_unknown_order():
    result = imrnet("links", "--sort", "size")
    assert (result.returncode, result.stderr) == (
        2, "imrnet: unknown sort 'size' for --sort; expected one of: date, source, target, type\n")


@pytest.mark.parametrize("argv, message", [
    (["links", "--sort", "dates"], "unknown sort 'dates' for --sort; did you mean: date? "
                                   "Expected one of: date, source, target, type"),
    (["centrality", "--measure", "betweeness"], "unknown measure 'betweeness'; did you mean: "
     "betweenness? Expected one of: degree, betweenness, closeness, eigenvector, pagerank, all"),
    (["communities", "--method", "louvian"], "unknown method 'louvian'; did you mean: louvain? "
                                             "Expected one of: louvain, greedy, label-propagation"),
])
def test_near_miss_of_a_choice_is_suggested(argv, message):
    # as for statuses, link types and kinds of tie: the nearest values are named
    result = imrnet(*argv)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"imrnet: {message}\n")


# ---------------------------------------------------------------- names as pasted


@pytest.mark.parametrize("name", [
    "Ionov Alexander", "IONOV, Aleksandr Viktorovich", "Ионов Александр Викторович",
    "Ionov, Alexander", "Aleksandr Viktorovich Ionov",
])
def test_names_as_analysts_paste_them(name):
    result = imrnet("show", name, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "alexander-ionov"


def test_surname_first_still_refuses_what_fits_two_people():
    result = imrnet("show", "Dugin Pavel", "--json")
    assert json.loads(result.stdout)["id"] == "pavel-dugin"
    assert "fits 2 entities" in imrnet("show", "Dugin").stderr


# ---------------------------------------------------------------- completion


def complete(words: str, shell: str = "bash") -> list[str]:
    """What the installed script offers ``shell`` for the last of ``words``.

    As bash does, a word with an open quote ("'alexander d") stays one word.
    """
    import shlex

    lexer = shlex.shlex(words, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    count = 0
    try:
        for _ in lexer:
            count += 1
    except ValueError:  # the open quote of the word being typed
        count += 1
    env = {"_IMRNET_COMPLETE": f"complete_{shell}", "COMP_WORDS": words,
           "COMP_CWORD": str(count - 1), "_TYPER_COMPLETE_ARGS": words}
    result = imrnet(data=None, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_completion_ignores_case_and_escapes_multi_word_names_for_bash():
    assert complete(f"imrnet show --data {BASIC} tsar") == ["Tsargrad", "tsargrad", "Tsargrad\\ TV"]
    assert complete(f"imrnet show --data {BASIC} 'alexander d") == ["Alexander\\ Dugin"]


def test_completion_matches_cyrillic_prefixes():
    assert complete(f"imrnet show --data {BASIC} алекс") == ["Александр\\ Дугин", "Александр\\ Ионов"]
    # nothing is written "Малоф..." in the fixture: transliterated word prefixes answer
    assert complete(f"imrnet show --data {BASIC} Малоф") == [
        "Konstantin\\ Malofeev", "konstantin-malofeev", "Константин\\ Малофеев"]


def test_completion_for_zsh_is_left_to_zsh_quoting():
    out = complete(f"imrnet show --data {BASIC} 'tsargrad t", shell="zsh")
    assert out == ["_arguments '*: :((\"Tsargrad TV\"))'"]
