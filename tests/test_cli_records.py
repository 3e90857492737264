"""The show, search, list, links, timeline and sources commands, end to end.

Through Typer's CliRunner and through the installed console script, on the
fixture datasets under tests/fixtures/records/, JSON parsed and compared
exactly; every exit code is exercised.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "records"
BASIC = str(FIXTURES / "basic")
BROKEN = str(FIXTURES / "broken")
SCRIPT = Path(sys.executable).parent / "imrnet"

COMMANDS = ["show", "search", "list", "links", "timeline", "sources"]


def run(*args: str, data: str = BASIC, env: dict | None = None):
    """Invoke the app in-process with ``--data`` pointing at a fixture.

    Tables are 200 columns wide, so that no cell wraps inside a phrase.
    """
    argv = [*args, "--data", data] if data else list(args)
    base = {"IMRNET_DATA": None, "NO_COLOR": None, "COLUMNS": "200"}
    return CliRunner().invoke(app, argv, env={**base, **(env or {})})


def run_json(*args: str, data: str = BASIC):
    result = run(*args, "--json", data=data)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def script(*args: str, data: str = BASIC, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed console script."""
    environ = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR")}
    environ.update(env or {})
    argv = [str(SCRIPT), *args] + (["--data", data] if data else [])
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=environ,
                          timeout=120)


def assert_usage_error(result, *fragments: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr naming the problem."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("imrnet: "), result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


ORIGIN = "tests/fixtures/records/basic"

LINK_OWNS = {
    "id": "malofeev-owns-tsargrad", "source": "konstantin-malofeev", "source_name": "Konstantin Malofeev", "target": "tsargrad",
    "target_name": "Tsargrad TV",
    "type": "owns", "label": "owns", "status": "reported", "start": "2015", "end": None,
    "role": None, "amount": None, "currency": None, "summary": None,
    "sources": [{"id": "imr-article", "locator": "para. 5"}],
    "kind": "affiliation", "symmetric": False, "account_of": None, "origin": ORIGIN,
    "time": {"timing": "state", "start": "2015", "end": None, "basis": "dates", "earliest": None},
}
LINK_EMPLOYS = {
    "id": "tsargrad-employs-dugin", "source": "tsargrad", "source_name": "Tsargrad TV", "target": "alexander-dugin",
    "target_name": "Alexander Dugin",
    "type": "employs", "label": "employs", "status": "reported", "start": "2015-09",
    "end": "2017", "role": "chief editor", "amount": None, "currency": None, "summary": None,
    "sources": [{"id": "imr-article", "locator": None}],
    "kind": "affiliation", "symmetric": False, "account_of": None, "origin": ORIGIN,
    "time": {"timing": "state", "start": "2015-09", "end": "2017", "basis": "dates",
             "earliest": None},
}
LINK_FUNDS = {
    "id": "malofeev-funds-imr", "source": "konstantin-malofeev", "source_name": "Konstantin Malofeev", "target": "imr",
    "target_name": "International Movement of Russophiles",
    "type": "funds", "label": "funds", "status": "alleged", "start": "2023", "end": None,
    "role": None, "amount": 1000000, "currency": "RUB", "summary": None,
    "sources": [{"id": "imr-article", "locator": None}],
    "kind": "affiliation", "symmetric": False, "account_of": None, "origin": ORIGIN,
    "time": {"timing": "act", "start": "2023", "end": "2023", "basis": "dates", "earliest": None},
}
LINK_SPOKE = {
    "id": "ionov-spoke-congress", "source": "alexander-ionov", "source_name": "Alexander Ionov", "target": "imr-congress",
    "target_name": "IMR founding congress",
    "type": "spoke_at", "label": "spoke at", "status": "reported", "start": "2023-03-14",
    "end": None, "role": None, "amount": None, "currency": None, "summary": None,
    "sources": [{"id": "imr-article", "locator": "para. 2"}],
    "kind": "affiliation", "symmetric": False, "account_of": None, "origin": ORIGIN,
    "time": {"timing": "act", "start": "2023-03-14", "end": "2023-03-14", "basis": "dates",
             "earliest": None},
}


# --------------------------------------------------------------------------
# show


def test_show_json_exact():
    assert run_json("show", "Царьград") == {
        "id": "tsargrad", "name": "Tsargrad TV", "type": "media",
        "aliases": ["Tsargrad", "Царьград"], "country": ["RU"], "born": None,
        "founded": "2015", "date": None, "place": None, "summary": None, "tags": [],
        "sources": [{"id": "imr-article", "locator": None}], "origin": ORIGIN,
        "links": [LINK_OWNS, LINK_EMPLOYS], "accounts": {},
    }


def test_show_table_reads_links_from_the_entity_side():
    result = run("show", "Alexander Dugin")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Alexander Dugin" in out and "Александр Дугин" in out
    assert "Alexander Dugin works for Tsargrad TV" in out
    assert "Alexander Dugin attended Eurasian Forum" in out
    assert "imr-article: The International Movement of Russophiles" in out
    assert out.index("works for") < out.index("attended")  # undated last
    assert "\x1b[" not in out


def test_show_table_other_side():
    out = run("show", "agmr").stdout
    assert "Anti-Globalization Movement of Russia led by Alexander Ionov" in out
    assert "wiki-ionov: Alexander Ionov (section AGMR)" in out


def test_show_unknown_and_ambiguous_names():
    assert_usage_error(run("show", "Dugin"), "fits 2 entities", "alexander-dugin", "pavel-dugin")
    assert_usage_error(run("show", "Malofejev Konstantinn"), "no entity matches")
    assert_usage_error(run("show", "Ionv"), "did you mean", "Alexander Ionov")
    # A given name shared by several people is ambiguous, not unknown.
    assert_usage_error(run("show", "Alexander"),
                       "'Alexander' fits 2 entities: alexander-dugin (Alexander Dugin, person); "
                       "alexander-ionov (Alexander Ionov, person); use an id or a fuller name")


# --------------------------------------------------------------------------
# search


def test_search_json_exact():
    assert run_json("search", "russ") == {
        "query": "russ",
        "results": [
            {"id": "agmr", "name": "Anti-Globalization Movement of Russia",
             "type": "organization", "score": 91.0, "matched": "name"},
            {"id": "imr", "name": "International Movement of Russophiles",
             "type": "organization", "score": 91.0, "matched": "name"},
            {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person",
             "score": 60.0, "matched": "summary"},
        ],
    }


def test_search_options():
    assert [r["id"] for r in run_json("search", "movement", "--limit", "1")["results"]] == ["agmr"]
    assert [r["id"] for r in run_json("search", "movement", "-n", "2", "--type", "person")["results"]] == [
        "alexander-ionov"]
    out = run("search", "Ионов").stdout
    assert "Alexander Ionov" in out and "93.0" in out


def test_search_no_match_exits_1():
    result = run("search", "zzzzqqq")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "imrnet: nothing matches 'zzzzqqq'\n"
    # --json prints the empty answer; the message still goes to standard error
    doc = run("search", "zzzzqqq", "--json")
    assert doc.exit_code == 1 and json.loads(doc.stdout) == {"query": "zzzzqqq", "results": []}
    assert doc.stderr == "imrnet: nothing matches 'zzzzqqq'\n"


def test_search_bad_options():
    assert_usage_error(run("search", "Ionov", "--type", "human"), "unknown entity type 'human'",
                       "person, organization, company, public_body, media, event")
    assert_usage_error(run("search", "Ionov", "--limit", "0"), "--limit")
    assert_usage_error(run("search", ""), "empty search text")


# --------------------------------------------------------------------------
# list


def test_list_json_exact():
    assert run_json("list", "--country", "us") == {
        "count": 1,
        "entities": [{"id": "us-doj", "name": "U.S. Department of Justice",
                      "type": "public_body", "country": ["US"], "tags": []}],
    }
    result = run_json("list", "--type", "person", "--tag", "agmr-circle", "--tag", "oligarch")
    assert result == {
        "count": 2,
        "entities": [
            {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person",
             "country": ["RU"], "tags": ["agmr-circle"]},
            {"id": "konstantin-malofeev", "name": "Konstantin Malofeev", "type": "person",
             "country": ["RU"], "tags": ["oligarch"]},
        ],
    }
    empty = run("list", "--type", "company", "--json")
    assert empty.exit_code == 1 and json.loads(empty.stdout) == {"count": 0, "entities": []}
    assert empty.stderr == "imrnet: no entity has all of these values\n"


def test_list_table():
    result = run("list", "--type", "event")
    assert result.exit_code == 0
    assert "2 entities" in result.stdout
    assert "IMR founding congress" in result.stdout and "Eurasian Forum" in result.stdout


def test_list_validates_values():
    assert_usage_error(run("list", "--type", "cult"), "unknown entity type 'cult'",
                       "person, organization, company, public_body, media, event")
    assert_usage_error(run("list", "--tag", "nope"), "unknown tag 'nope'", "agmr-circle")
    assert_usage_error(run("list", "--country", "XX"), "unknown country 'XX'")


# --------------------------------------------------------------------------
# links


def test_links_json_exact():
    assert run_json("links", "--entity", "Malofeev", "--since", "2016", "--exclude-link-type",
                    "associate") == {
        "count": 2,
        "filters": {
            "statuses": ["reported", "alleged", "disputed", "planned"],
            "ties": ["affiliation", "adversarial", "coverage"], "as_of": None, "since": "2016",
            "until": None, "undated": "exclude", "undated_left_out": 0,
            "link_types": None, "exclude_link_types": ["associate"],
            "entity": ["konstantin-malofeev"],
        },
        "sort": None, "accounts": {},
        "links": [LINK_OWNS, LINK_FUNDS],
    }


def test_links_filters():
    def link_ids(*args):
        return [link["id"] for link in run_json("links", *args)["links"]]

    assert len(link_ids()) == 9
    assert link_ids("--status", "alleged", "--status", "disputed") == [
        "malofeev-funds-imr", "doj-charged-ionov", "ionov-associate-malofeev"]
    assert link_ids("--status", "alleged,disputed") == link_ids("--status", "alleged", "--status", "disputed")
    assert link_ids("--link-type", "owns", "--link-type", "employs") == [
        "malofeev-owns-tsargrad", "tsargrad-employs-dugin"]
    assert link_ids("--as-of", "2016", "--entity", "tsargrad") == [
        "malofeev-owns-tsargrad", "tsargrad-employs-dugin"]
    assert link_ids("--as-of", "2018", "--entity", "tsargrad") == ["malofeev-owns-tsargrad"]
    # the undated associate tie is a state bounded by its ends: from 1989 (Ionov born)
    assert link_ids("--until", "2015-08") == [
        "ionov-leads-agmr", "malofeev-owns-tsargrad", "ionov-associate-malofeev"]
    # open-ended states reach into the range; an act (the 2022 charge) is a point in time
    assert link_ids("-e", "Ionov", "-e", "alexander-dugin", "--since", "2023") == [
        "ionov-leads-agmr", "ionov-spoke-congress", "ionov-associate-malofeev"]
    # kinds: the charge is the only adversarial tie
    assert link_ids("--ties", "adversarial") == ["doj-charged-ionov"]
    assert len(link_ids("--ties", "affiliation,coverage")) == 8


def test_links_table():
    out = run("links", "--entity", "Malofeev", "--link-type", "funds").stdout
    assert "Konstantin Malofeev funds International" in out
    assert "1,000,000 RUB" in out
    assert "Links counted: of type funds; touching konstantin-malofeev" in out


def test_links_bad_values():
    assert_usage_error(run("links", "--since", "2015-13"), "--since", "impossible date")
    assert_usage_error(run("links", "--until", "last year"), "--until", "malformed date")
    assert_usage_error(run("links", "--since", "2020", "--until", "2019"), "before --since")
    assert_usage_error(run("links", "--status", "confirmed"), "unknown status 'confirmed'")
    assert_usage_error(run("links", "--link-type", "bribes"), "unknown link type 'bribes'")
    assert_usage_error(run("links", "--as-of", "2015-02-30"), "--as-of")
    assert_usage_error(run("links", "--entity", "Dugin"), "fits 2 entities")


# --------------------------------------------------------------------------
# timeline


ALL_COUNTED = {"statuses": ["reported", "alleged", "disputed", "planned"],
               "ties": ["affiliation", "adversarial", "coverage"], "as_of": None, "since": None,
               "until": None, "undated": "exclude", "undated_left_out": 0,
               "link_types": None, "exclude_link_types": []}


def test_timeline_json_exact():
    assert run_json("timeline", "imr congress") == {
        "entity": {"id": "imr-congress", "name": "IMR founding congress", "type": "event"},
        "filters": ALL_COUNTED,
        "accounts": {},
        "items": [
            {"date": "2023-03-14", "item": "event", "id": "imr-congress",
             "name": "IMR founding congress", "type": "event", "place": "Moscow",
             "country": ["RU"], "summary": None},
            {"date": "2023-03-14", "date_basis": "start", "item": "link", **LINK_SPOKE},
        ],
    }


def test_timeline_all_and_filters():
    result = run_json("timeline")
    assert result["entity"] is None
    assert [(i["date"], i["item"]) for i in result["items"]] == [
        ("1989", "link"), ("2012", "link"), ("2015", "link"), ("2015-09", "link"), ("2022-07-29", "link"),
        ("2023", "link"), ("2023-03", "link"), ("2023-03-14", "event"), ("2023-03-14", "link"),
    ]
    filtered = run_json("timeline", "--status", "alleged", "--until", "2022")
    assert [i["id"] for i in filtered["items"]] == ["doj-charged-ionov"]
    ionov = run_json("timeline", "Ионов", "--since", "2023")
    assert [i["id"] for i in ionov["items"]] == [
        "ionov-associate-malofeev", "ionov-leads-agmr", "imr-congress", "ionov-spoke-congress"]
    empty = run("timeline", "eurasian-forum")
    assert (empty.exit_code, empty.stdout) == (1, "")
    assert empty.stderr == "imrnet: no dated link or event (Links counted: all)\n"


def test_timeline_says_which_links_were_counted():
    # Like every command with the shared filters; the timeline used to say nothing.
    doc = run_json("timeline", "Ionov", "--status", "alleged", "--as-of", "2022",
                   "--exclude-link-type", "met", "--until", "2022")
    assert doc["filters"] == {"statuses": ["alleged"], "ties": ["affiliation", "adversarial", "coverage"],
                              "as_of": "2022", "since": None, "until": "2022", "undated": "exclude",
                              "undated_left_out": 0, "link_types": None,
                              "exclude_link_types": ["met"]}
    assert [i["id"] for i in doc["items"]] == ["doj-charged-ionov"]
    out = run("timeline", "Ionov", "--status", "alleged", "--until", "2022").stdout
    assert out.splitlines()[-1] == "Links counted: status alleged; until 2022"
    err = run("timeline", "eurasian-forum", "--link-type", "funds").stderr
    assert err.endswith("(Links counted: of type funds)\n")


def test_timeline_table():
    out = run("timeline", "Alexander Dugin").stdout
    assert "Timeline of Alexander Dugin" in out
    assert "Alexander Dugin works for Tsargrad TV (chief editor)" in out
    assert "2015-09–2017" in out


def test_timeline_bad_values():
    assert_usage_error(run("timeline", "Dugin"), "fits 2 entities")
    assert_usage_error(run("timeline", "--since", "2015/01"), "--since")
    assert_usage_error(run("timeline", "--status", "rumoured"), "unknown status")


# --------------------------------------------------------------------------
# sources


def test_sources_json_exact():
    result = run_json("sources")
    assert result["count"] == 3
    assert result["sources"][0] == {
        "id": "imr-article", "title": "The International Movement of Russophiles",
        "publisher": "Example Review", "date": "2023-04", "url": None, "authors": [],
        "note": None, "cited_in": None, "origin": ORIGIN, "counts": {"entities": 7, "links": 7},
    }
    assert [(s["id"], s["counts"]) for s in result["sources"][1:]] == [
        ("wiki-ionov", {"entities": 2, "links": 1}),
        ("doj-release", {"entities": 1, "links": 1}),
    ]


def test_source_detail_json_exact():
    assert run_json("sources", "wiki-ionov") == {
        "source": {"id": "wiki-ionov", "title": "Alexander Ionov", "publisher": "Encyclopedia",
                   "date": None, "url": None, "authors": [], "note": None, "cited_in": None,
                   "origin": ORIGIN},
        "counts": {"entities": 2, "links": 1},
        "entities": [
            {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person", "locators": []},
            {"id": "agmr", "name": "Anti-Globalization Movement of Russia",
             "type": "organization", "locators": ["section AGMR"]},
        ],
        "links": [{
            "id": "ionov-leads-agmr", "source": "alexander-ionov", "source_name": "Alexander Ionov", "target": "agmr",
    "target_name": "Anti-Globalization Movement of Russia",
            "type": "leads", "label": "leads", "status": "reported", "start": "2012",
            "end": None, "role": None, "amount": None, "currency": None, "summary": None,
            "sources": [{"id": "wiki-ionov", "locator": None}],
            "kind": "affiliation", "symmetric": False, "account_of": None, "origin": ORIGIN,
        }],
    }


def test_sources_tables():
    out = run("sources").stdout
    assert "3 sources" in out and "doj-release" in out
    out = run("sources", "imr-article").stdout
    assert "7 entities citing it" in out and "7 links citing it" in out and "para. 1" in out


def test_sources_unknown_id():
    assert_usage_error(run("sources", "wiki-ionv"), "unknown source 'wiki-ionv'", "wiki-ionov")


# --------------------------------------------------------------------------
# junk input, invalid datasets, help


JUNK_NAMES = ["", "   ", "\u200b", "\x00", "🙂", "\u0301\u0301", "\u202e\u2066", "' OR 1=1 --",
              "x" * 5000]


@pytest.mark.parametrize("junk", JUNK_NAMES)
@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{}"],
        ["timeline", "{}"],
        ["links", "--entity", "{}"],
        ["sources", "{}"],
        ["list", "--type", "{}"],
        ["list", "--tag", "{}"],
        ["list", "--country", "{}"],
        ["search", "Ionov", "--type", "{}"],
        ["links", "--status", "{}"],
        ["links", "--link-type", "{}"],
        ["timeline", "--exclude-link-type", "{}"],
    ],
)
def test_junk_names_are_usage_errors(argv, junk):
    result = run(*[junk if a == "{}" else a for a in argv])
    assert_usage_error(result)


EMPTY_TEXT = ["", "   ", "\u200b", "\x00", "…", "\u0301", "¿¡"]


@pytest.mark.parametrize("junk", EMPTY_TEXT)
def test_search_junk_is_usage_error(junk):
    assert_usage_error(run("search", junk), "empty search text")


BAD_DATES = ["", "2015-13", "2015-02-30", "15", "2015-1", "2015/01/01", "20150101", "yesterday",
             "２０１５", "2015-01-01T00:00", "-2015"]


@pytest.mark.parametrize("bad", BAD_DATES)
@pytest.mark.parametrize(
    "argv",
    [["links", "--since"], ["links", "--until"], ["links", "--as-of"],
     ["timeline", "--since"], ["timeline", "--until"], ["timeline", "--as-of"]],
)
def test_malformed_dates_are_usage_errors(argv, bad):
    assert_usage_error(run(*argv, bad))


@pytest.mark.parametrize("argv", [["show", "Ionov"], ["search", "Ionov"], ["list"], ["links"],
                                  ["timeline"], ["sources"], ["sources", "wiki-ionov"]])
def test_invalid_dataset_exits_3(argv):
    for extra in ([], ["--json"]):
        result = run(*argv, *extra, data=BROKEN)
        assert result.exit_code == 3
        assert result.stdout == ""
        assert "nobody-at-all" in result.stderr
        assert result.stderr.splitlines()[-1] == (
            "imrnet: invalid dataset: 1 problem(s); nothing was answered")
        assert "Traceback" not in result.stderr


def test_missing_data_directory_is_usage_error(tmp_path):
    assert_usage_error(run("list", data=str(tmp_path / "nope")), "data directory not found")


def test_data_from_environment():
    result = run("show", "agmr", "--json", data="", env={"IMRNET_DATA": BASIC})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "agmr"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_description_and_examples(name):
    result = run(name, "--help", data="")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"imrnet {name}" in result.stdout
    assert "Exit codes:" in result.stdout


def test_framework_usage_errors_have_no_traceback():
    for argv in (["search", "Ionov", "--limit", "x"], ["links", "--bogus"], ["show"]):
        result = run(*argv)
        assert result.exit_code == 2
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


# --------------------------------------------------------------------------
# the installed console script


def test_script_show_json():
    proc = script("show", "Ионов", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    card = json.loads(proc.stdout)
    assert card["id"] == "alexander-ionov"
    assert [link["id"] for link in card["links"]] == [
        "ionov-leads-agmr", "doj-charged-ionov", "ionov-spoke-congress",
        "ionov-associate-malofeev"]
    assert "Александр Ионов" in proc.stdout


@pytest.mark.parametrize(
    ("argv", "data", "code", "message"),
    [
        (["search", "zzzzqqq"], BASIC, 1, "imrnet: nothing matches 'zzzzqqq'"),
        (["show", "Dugin"], BASIC, 2, "imrnet: 'Dugin' fits 2 entities"),
        (["links", "--since", "2015-13"], BASIC, 2, "imrnet: --since: impossible date"),
        (["list", "--type", "cult"], BASIC, 2, "imrnet: unknown entity type 'cult'"),
        (["timeline", ""], BASIC, 2, "imrnet: empty entity name"),
        (["sources", "--json"], BROKEN, 3, "imrnet: invalid dataset: 1 problem(s)"),
    ],
)
def test_script_exit_codes(argv, data, code, message):
    proc = script(*argv, data=data)
    assert proc.returncode == code
    assert proc.stdout == ""
    assert proc.stderr.splitlines()[-1].startswith(message)
    assert "Traceback" not in proc.stderr


def test_script_tables_are_plain_when_piped():
    for argv in (["show", "Ionov"], ["links"], ["timeline"], ["sources"], ["list"],
                 ["search", "Ionov"]):
        proc = script(*argv)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout and "\x1b" not in proc.stdout
        assert proc.stderr == ""


# --------------------------------------------------------------------------
# the bundled dataset (still being curated: robust facts only)


def _bundled_has_entities() -> bool:
    from imrnet.dataset.locations import bundled_dir

    return (bundled_dir() / "entities.yaml").is_file()


bundled = pytest.mark.skipif(not _bundled_has_entities(), reason="bundled entities not written yet")


@bundled
def test_bundled_show_ionov():
    result = run("show", "Ionov", "--json", data="bundled")
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)
    assert card["id"] == "alexander-ionov"
    assert card["type"] == "person"
    assert all("alexander-ionov" in (link["source"], link["target"]) for link in card["links"])


@bundled
def test_bundled_search_ionov_first():
    result = run("search", "Ионов", "--json", data="bundled")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["id"] == "alexander-ionov"


@bundled
@pytest.mark.parametrize("argv", [["list"], ["links"], ["timeline"], ["sources"],
                                  ["timeline", "Ionov"], ["show", "agmr"]])
def test_bundled_commands_run(argv):
    for extra in ([], ["--json"]):
        result = run(*argv, *extra, data="bundled")
        assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
