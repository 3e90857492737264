"""Time means one thing everywhere: acts, states, entity bounds and undated links, end to end.

The fixture tests/fixtures/semantics/time (answers worked out by hand):

====  ==========================  ======  =============================================
 #    link                        timing  effective time
====  ==========================  ======  =============================================
 1    seagal-supports-putin       state   from 1952 (both born 1952: entity bound)
 2    putin-funds-ionov           act     undated; not before 1989 (Ionov born)
 3    ionov-leads-agmr            state   from 2012
 4    seagal-attended-congress    act     2023-03-14 (the congress's date)
 5    malofeev-supports-imr       state   from 2023-03-14 (IMR founded then)
 6    us-sanctioned-malofeev      act     2014 (adversarial)
 7    us-sanctioned-ionov         act     2022 (adversarial)
 8    paper-reported-on-ionov     act     2022-05 (coverage)
 9    malofeev-attended-congress  act     2023-03-14 (the congress's date)
 10   putin-funds-agmr            act     2013 to 2015
 11   us-opposes-club             state   undated: neither end has a date (adversarial)
====  ==========================  ======  =============================================
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

TIME = Path(__file__).parent / "fixtures" / "semantics" / "time"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()


def run(*args, data=TIME):
    return runner.invoke(app, [*map(str, args), "--data", str(data)])


def run_json(*args, code=0):
    """The JSON answer; ``code=1`` for an empty answer (still one JSON document)."""
    result = run(*args, "--json")
    assert result.exit_code == code, result.stderr
    return json.loads(result.stdout)


def link_ids(*args):
    doc = run_json("links", *args, code=0 if "1900" not in args or "include" in args else 1)
    return [link["id"] for link in doc["links"]], doc["filters"]["undated_left_out"]


@pytest.mark.parametrize(
    "args, expected, left_out",
    [
        ([], ["seagal-supports-putin", "putin-funds-ionov", "ionov-leads-agmr",
              "seagal-attended-congress", "malofeev-supports-imr", "us-sanctioned-malofeev",
              "us-sanctioned-ionov", "paper-reported-on-ionov", "malofeev-attended-congress",
              "putin-funds-agmr", "us-opposes-club"], 0),
        # nothing was in force in 1900; Putin cannot have funded Ionov before 1989: ruled out,
        # not undated; only the club's opposition cannot be placed
        (["--as-of", "1900"], [], 1),
        (["--as-of", "1900", "--undated", "include"], ["us-opposes-club"], 0),
        # states in force, acts done by then
        (["--as-of", "2016"], ["seagal-supports-putin", "ionov-leads-agmr", "us-sanctioned-malofeev",
                               "putin-funds-agmr"], 2),
        # a 2023 attendance is not "since 2030"; states still in force are
        (["--since", "2030"], ["seagal-supports-putin", "ionov-leads-agmr", "malofeev-supports-imr"], 2),
        # an act over a period (2013-2015) overlaps 2014
        (["--since", "2014", "--until", "2014"], ["seagal-supports-putin", "ionov-leads-agmr",
                                                   "us-sanctioned-malofeev", "putin-funds-agmr"], 2),
        (["--until", "1980"], ["seagal-supports-putin"], 1),
        # partial dates compare at their precision: the 2023-03-14 congress is in "2023"
        (["--since", "2023", "--until", "2023", "--ties", "affiliation"],
         ["seagal-supports-putin", "ionov-leads-agmr", "seagal-attended-congress",
          "malofeev-supports-imr", "malofeev-attended-congress"], 1),
    ],
)
def test_links_dates(args, expected, left_out):
    assert link_ids(*args) == (expected, left_out)


def test_links_say_what_they_left_out(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    # an empty answer: exit 1, the message on standard error says what was left out
    err = run("links", "--as-of", "1900").stderr
    assert err.endswith("(Links counted: in force at 1900; 1 undated left out (--undated include keeps them))\n")
    out = run("links", "--as-of", "1900", "--undated", "include").stdout
    assert out.splitlines()[-1] == "Links counted: in force at 1900; undated links included"


def test_links_carry_their_effective_time():
    doc = run_json("links", "--entity", "Seagal")
    assert [(l["id"], l["time"]) for l in doc["links"]] == [
        ("seagal-supports-putin",
         {"timing": "state", "start": "1952", "end": None, "basis": "entities", "earliest": None}),
        ("seagal-attended-congress",
         {"timing": "act", "start": "2023-03-14", "end": "2023-03-14", "basis": "event",
          "earliest": None}),
    ]
    doc = run_json("links", "--entity", "us-gov", "--ties", "adversarial")
    assert doc["links"][-1]["time"] == {"timing": "state", "start": None, "end": None,
                                        "basis": "none", "earliest": None}
    funds = run_json("links", "--link-type", "funds")["links"][0]
    assert funds["time"] == {"timing": "act", "start": None, "end": None, "basis": "none",
                             "earliest": "1989"}


def test_tables_show_event_dates_and_bounds(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = run("links", "--entity", "Seagal").stdout
    assert "≥1952" in out and "2023-03-14" in out and "undated" not in out


def test_ties_select_kinds_and_tables_mark_them(monkeypatch):
    assert link_ids("--ties", "adversarial")[0] == [
        "us-sanctioned-malofeev", "us-sanctioned-ionov", "us-opposes-club"]
    assert link_ids("--ties", "coverage")[0] == ["paper-reported-on-ionov"]
    assert len(link_ids("--ties", "affiliation,coverage")[0]) == 8
    assert link_ids("--ties", "affiliation", "--ties", "coverage") == link_ids("--ties", "affiliation,coverage")
    monkeypatch.setenv("COLUMNS", "200")
    out = run("links", "--ties", "adversarial,coverage").stdout
    assert "US government sanctioned Konstantin Malofeev (adversarial)" in out
    assert "Daily Paper reported on Alexander Ionov (coverage)" in out
    assert out.splitlines()[-1] == "Links counted: adversarial, coverage ties"
    out = run("ego", "Ionov").stdout
    assert "was reported on by (coverage; reported, 2022-05)" in out
    assert "sanctioned by (adversarial; reported, 2022)" in out
    assert out.splitlines()[-1] == "Links counted: all"
    out = run("show", "Ionov").stdout
    assert "Alexander Ionov sanctioned by US government (adversarial)" in out
    assert "Alexander Ionov was reported on by Daily Paper (coverage)" in out


def test_path_before_the_person_existed():
    # The issue: `path Seagal Ionov --as-of 1990` found a path though Ionov was born in 1989
    # and nothing dates Putin's funding.
    result = run("path", "Seagal", "Ionov", "--as-of", "1990")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "imrnet: no path from Steven Seagal to Alexander Ionov along affiliation ties; with the "
        "links the filters leave; 1 undated link left out (--undated include keeps them)\n")
    doc = run_json("path", "Seagal", "Ionov", "--as-of", "1990", "--undated", "include")
    assert [[n["id"] for n in p["nodes"]] for p in doc["paths"]] == [
        ["steven-seagal", "vladimir-putin", "alexander-ionov"]]


def test_path_follows_affiliation_ties_by_default():
    # The issue: the best path from Malofeev to Ionov ran through the US government.
    doc = run_json("path", "Malofeev", "Ionov")
    assert [[n["id"] for n in p["nodes"]] for p in doc["paths"]] == [
        ["konstantin-malofeev", "congress", "steven-seagal", "vladimir-putin", "alexander-ionov"]]
    assert doc["filters"]["ties"] == ["affiliation"]
    doc = run_json("path", "Malofeev", "Ionov", "--ties", "all")
    assert [[n["id"] for n in p["nodes"]] for p in doc["paths"]] == [
        ["konstantin-malofeev", "us-gov", "alexander-ionov"]]
    out = run("path", "Malofeev", "Ionov").stdout
    assert out.splitlines()[-1] == "Links counted: affiliation ties"


def test_common_follows_affiliation_ties_by_default():
    result = run("common", "Malofeev", "Ionov")
    assert result.exit_code == 1
    assert result.stderr == ("imrnet: no entity is tied to all of Konstantin Malofeev, Alexander "
                             "Ionov along affiliation ties\n")
    doc = run_json("common", "Malofeev", "Ionov", "--ties", "adversarial")
    assert [r["entity"]["id"] for r in doc["results"]] == ["us-gov"]


def test_ego_of_an_organization_before_it_was_founded():
    # The issue: `ego IMR --as-of 2016` showed supporters of an organization founded in 2023.
    doc = run_json("ego", "International Movement of Russophiles", "--as-of", "2016", code=1)
    assert [n["id"] for n in doc["nodes"]] == ["imr"] and doc["links"] == []
    # IMR's own links all have a place in time (none before 2023): the network's two undated
    # links are elsewhere, and ego counts only the listed entities' links
    assert doc["filters"]["undated_left_out"] == 0
    doc = run_json("ego", "imr", "--as-of", "2023-03-14")
    assert [n["id"] for n in doc["nodes"]] == ["imr", "konstantin-malofeev"]


def test_centrality_counts_the_kinds_it_is_told():
    by_default = {r["id"]: r["score"] for r in run_json("centrality", "--top", "20")["results"]}
    everything = {r["id"]: r["score"] for r in
                  run_json("centrality", "--top", "20", "--ties", "all")["results"]}
    # degree centrality: us-gov has 3 neighbours among 9 others with every kind, none along affiliation
    assert by_default["us-gov"] == 0.0 and everything["us-gov"] == pytest.approx(3 / 9, abs=1e-9)


def test_timeline_places_links_by_their_effective_time():
    doc = run_json("timeline")
    assert [(i["date"], i.get("date_basis"), i["id"]) for i in doc["items"]] == [
        ("1952", "entities", "seagal-supports-putin"),
        ("2012", "start", "ionov-leads-agmr"),
        ("2013", "start", "putin-funds-agmr"),
        ("2014", "start", "us-sanctioned-malofeev"),
        ("2022", "start", "us-sanctioned-ionov"),
        ("2022-05", "start", "paper-reported-on-ionov"),
        ("2023-03-14", None, "congress"),
        ("2023-03-14", "event", "seagal-attended-congress"),
        ("2023-03-14", "entities", "malofeev-supports-imr"),
        ("2023-03-14", "event", "malofeev-attended-congress"),
    ]
    # the same --since as links: states still in force, acts (and events) dated then; the
    # sanction dated "2022" holds June 2022 at its precision, the May 2022 report does not
    doc = run_json("timeline", "--since", "2022-06")
    assert [i["id"] for i in doc["items"]] == [
        "seagal-supports-putin", "ionov-leads-agmr", "us-sanctioned-ionov", "congress",
        "seagal-attended-congress", "malofeev-supports-imr", "malofeev-attended-congress"]
    assert doc["filters"]["undated_left_out"] == 2


def test_date_options_are_shared_and_checked():
    for command in ("links", "timeline", "path", "ego", "common", "centrality", "communities", "stats"):
        out = runner.invoke(app, [command, "--help"]).stdout
        for option in ("--as-of", "--since", "--until", "--undated", "--ties"):
            assert option in out, (command, option)
    result = run("ego", "Ionov", "--since", "2020", "--until", "2019")
    assert result.exit_code == 2
    assert result.stderr == "imrnet: --until 2019 is before --since 2020\n"
    result = run("stats", "--undated", "sometimes")
    assert result.exit_code == 2
    assert result.stderr == "imrnet: unknown value 'sometimes' for --undated; expected one of: exclude, include\n"


def test_script_links_as_of():
    proc = subprocess.run([str(SCRIPT), "links", "--as-of", "1900", "--json", "--data", str(TIME)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ})
    assert proc.returncode == 1 and proc.stderr.startswith("imrnet: no link passes the filters")
    doc = json.loads(proc.stdout)
    assert doc["count"] == 0 and doc["filters"]["undated_left_out"] == 1
