"""Paths by strength of evidence, --max-hops, and the vocabulary options' messages.

The fixture tests/fixtures/semantics/evidence, from Ann to Zed (strengths by hand, see
imrnet.queries.evidence: reported 1, alleged 1/2, disputed 1/4, planned 1/8; x3/4 on a
single independent source):

==================  =====================================  ==========  ===========
route               hops                                   evidence    hub penalty
==================  =====================================  ==========  ===========
Ann-Xena-Zed        alleged 1 src 3/8, reported 1 src 3/4  9/32        ln 2
Ann-Vic-Zed         disputed 2 src 1/4, reported 2 src 1   1/4         ln 2
Ann-Walt-Zed        planned 2 src 1/8, reported 2 src 1    1/8         ln 2
Ann-Pia-Quinn-Zed   reported 2 src x3 (Quinn-Zed: best of  1           ln 3 + ln 2
                    an alleged and a reported link)
Ann-Pia-Rita-Zed    1, 3/4, 3/4 (Rita-Zed cites doc-1 and  9/16        ln 3 + ln 2
                    doc-3, which is cited in doc-1: one)
Ann-Gov-Zed         sanctioned (adversarial) 3/4, 3/4      9/16        ln 2
==================  =====================================  ==========  ===========
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.dataset.model import Citation, Dataset, Entity, Link
from imrnet.queries.evidence import independent_sources, link_strength
from imrnet.queries.path import find_paths

EVIDENCE = Path(__file__).parent / "fixtures" / "semantics" / "evidence"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()
LN2, LN3 = round(math.log(2), 4), round(math.log(3) + math.log(2), 4)


def run(*args, data=EVIDENCE):
    return runner.invoke(app, [*map(str, args), "--data", str(data)])


def routes(*args):
    result = run("path", "Ann", "Zed", *args, "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    return [(tuple(n["id"] for n in p["nodes"][1:-1]), p["evidence"], p["hub_penalty"])
            for p in doc["paths"]]


def test_shortest_paths_by_hubs_then_ids():
    assert routes() == [(("vic",), 0.25, LN2), (("walt",), 0.125, LN2), (("xena",), 0.2812, LN2)]


def test_shortest_paths_by_evidence():
    assert routes("--rank", "evidence") == [
        (("xena",), 0.2812, LN2), (("vic",), 0.25, LN2), (("walt",), 0.125, LN2)]


def test_max_hops_finds_the_well_sourced_route():
    assert routes("--rank", "evidence", "--max-hops", "3") == [
        (("pia", "quinn"), 1.0, LN3), (("pia", "rita"), 0.5625, LN3), (("xena",), 0.2812, LN2),
        (("vic",), 0.25, LN2), (("walt",), 0.125, LN2)]
    assert routes("--rank", "evidence", "--max-hops", "3", "--limit", "2") == [
        (("pia", "quinn"), 1.0, LN3), (("pia", "rita"), 0.5625, LN3)]
    assert routes("--max-hops", "3") == [
        (("vic",), 0.25, LN2), (("walt",), 0.125, LN2), (("xena",), 0.2812, LN2),
        (("pia", "quinn"), 1.0, LN3), (("pia", "rita"), 0.5625, LN3)]


def test_sanctions_are_no_channel_unless_asked():
    assert routes("--ties", "all") == [
        (("gov",), 0.5625, LN2), (("vic",), 0.25, LN2), (("walt",), 0.125, LN2),
        (("xena",), 0.2812, LN2)]
    assert routes("--ties", "all", "--rank", "evidence")[0] == (("gov",), 0.5625, LN2)


def test_json_shape_and_hop_strengths():
    result = run("path", "Ann", "Zed", "--rank", "evidence", "--max-hops", "3", "--json")
    doc = json.loads(result.stdout)
    assert (doc["rank"], doc["max_hops"], doc["length"], doc["total"], doc["complete"]) == (
        "evidence", 3, 2, None, True)
    assert [[h["strength"] for h in p["hops"]] for p in doc["paths"]] == [
        [1.0, 1.0, 1.0], [1.0, 0.75, 0.75], [0.375, 0.75], [0.25, 1.0], [0.125, 1.0]]
    quinn_zed = doc["paths"][0]["hops"][2]
    assert [(l["type"], l["status"]) for l in quinn_zed["links"]] == [
        ("associate", "alleged"), ("member_of", "reported")]
    doc = json.loads(run("path", "Ann", "Zed", "--json").stdout)
    assert (doc["rank"], doc["max_hops"], doc["total"]) == ("hubs", None, 3)


def test_tables_print_both_figures(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = run("path", "Ann", "Zed", "--rank", "evidence", "--max-hops", "3", "--limit", "1").stdout
    assert out.splitlines()[0] == "Ann Alpha → Zed Omega: best 1 path of up to 3 hops (the shortest has 2)"
    assert "hub penalty 1.7918 · evidence 1" in out
    assert "Ranked by evidence: product over hops of the best link's strength" in out
    out = run("path", "Ann", "Zed").stdout
    assert out.splitlines()[0] == "Ann Alpha → Zed Omega: 3 shortest paths of 2 hops"
    assert "hub penalty 0.6931 · evidence 0.25" in out


def test_no_path_within_the_hops_and_bad_values():
    result = run("path", "Ann", "Zed", "--max-hops", "1")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == ("imrnet: no path from Ann Alpha to Zed Omega within 1 hop (the "
                             "shortest has 2); along affiliation ties\n")
    result = run("path", "Ann", "Zed", "--max-hops", "0")
    assert result.exit_code == 2
    assert result.stderr == "imrnet: --max-hops must be a whole number of at least 1, not '0'\n"
    result = run("path", "Ann", "Zed", "--rank", "evidense")
    assert result.exit_code == 2
    assert result.stderr == ("imrnet: unknown ranking 'evidense' for --rank; did you mean: "
                             "evidence? Expected one of: hubs, evidence\n")


def test_strength_of_links():
    ds = load([EVIDENCE])
    by_id = {link.id: link for link in ds.links}
    rita_zed = by_id["rita~associate~zed"]
    assert independent_sources(rita_zed, ds) == 1  # doc-3 is read through doc-1
    assert link_strength(rita_zed, ds) == Fraction(3, 4)
    assert link_strength(by_id["ann~associate~xena"], ds) == Fraction(3, 8)
    assert link_strength(by_id["ann~associate~walt"], ds) == Fraction(1, 8)


def test_search_stays_bounded_on_a_large_grid():
    # 40 x 40 grid: more shortest paths between corners than atoms in a galaxy; the
    # best-first search lists the best ten (up to 2 hops longer) without enumerating them.
    n = 40
    cite = (Citation("s"),)
    ents = {f"n{i}-{j}": Entity(f"n{i}-{j}", f"N {i} {j}", "person") for i in range(n) for j in range(n)}
    links = []
    for i in range(n):
        for j in range(n):
            if i + 1 < n:
                links.append(Link(f"v{i}-{j}", f"n{i}-{j}", f"n{i + 1}-{j}", "met", "reported", sources=cite))
            if j + 1 < n:
                links.append(Link(f"h{i}-{j}", f"n{i}-{j}", f"n{i}-{j + 1}", "met", "reported", sources=cite))
    ds = Dataset(entities=ents, links=tuple(links))
    for rank in ("hubs", "evidence"):
        r = find_paths(ds, "n0-0", f"n{n - 1}-{n - 1}", rank=rank, max_hops=2 * (n - 1) + 2)
        assert r["complete"] and len(r["paths"]) == 10
        assert all(len(p["nodes"]) - 1 == 2 * (n - 1) for p in r["paths"])  # hubs: more hops cost more
    r = find_paths(ds, "n0-0", f"n{n - 1}-{n - 1}")
    assert r["total"] == math.comb(2 * (n - 1), n - 1)


def test_script_path_evidence():
    proc = subprocess.run([str(SCRIPT), "path", "Ann", "Zed", "--rank", "evidence", "--max-hops", "3",
                           "--json", "--data", str(EVIDENCE)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env={**os.environ})
    assert proc.returncode == 0 and proc.stderr == ""
    doc = json.loads(proc.stdout)
    assert [n["id"] for n in doc["paths"][0]["nodes"]] == ["ann", "pia", "quinn", "zed"]


# --- vocabulary options: comma-separated values and "did you mean" ---


@pytest.mark.parametrize(
    "args, message",
    [
        (["links", "--link-type", "fundz"], "imrnet: unknown link type 'fundz' for --link-type; did you mean: funds, founded?"),
        (["links", "--status", "reported,alledged"], "imrnet: unknown status 'alledged' for --status; did you mean: alleged? Expected one of: reported, alleged, disputed, planned"),
        (["list", "--type", "persn"], "imrnet: unknown entity type 'persn' for --type; did you mean: person? Expected one of: person, organization, company, public_body, media, event"),
        (["path", "Ann", "Zed", "--via-type", "person,evnt"], "imrnet: unknown entity type 'evnt' for --via-type; did you mean: event?"),
        (["centrality", "--ties", "afiliation"], "imrnet: unknown tie kind 'afiliation' for --ties; did you mean: affiliation? Expected one of: all, affiliation, adversarial, coverage"),
        (["links", "--exclude-link-type", "sanctionned"], "imrnet: unknown link type 'sanctionned' for --exclude-link-type; did you mean: sanctioned?"),
    ],
)
def test_did_you_mean(args, message):
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_comma_separated_values():
    def ids(*args):
        result = run(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    assert ids("links", "--status", "alleged,disputed") == ids("links", "--status", "alleged", "--status", "disputed")
    assert ids("list", "--type", "person,public_body")["count"] == 9
    assert ids("path", "Ann", "Zed", "--via-type", "person,public_body", "--ties", "all") == ids(
        "path", "Ann", "Zed", "--via-type", "person", "--via-type", "public_body", "--ties", "all")
