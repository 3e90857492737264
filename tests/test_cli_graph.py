"""The network commands end to end: CliRunner and the installed console script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.queries.centrality import centrality as rank
from imrnet.queries.common import common_neighbours
from imrnet.queries.communities import find_communities
from imrnet.queries.ego import ego_network
from imrnet.queries.path import find_paths
from imrnet.queries.stats import network_stats
from imrnet.cli import app
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load

FIXTURES = Path(__file__).parent / "fixtures" / "graph"
SMALL = FIXTURES / "small"
BROKEN = FIXTURES / "broken"
EMPTY = FIXTURES / "empty"
SCRIPT = Path(sys.executable).parent / "imrnet"
COMMANDS = ["path", "ego", "centrality", "common", "communities", "stats"]
# minimal valid arguments of each command on the small fixture
ARGS = {
    "path": ["Malofeev", "alexander-dugin"],
    "ego": ["Ionov"],
    "centrality": [],
    "common": ["Malofeev", "alexander-dugin"],
    "communities": [],
    "stats": [],
}

runner = CliRunner()

#: What path, common, centrality and communities count by default: affiliation ties.
AFF = LinkFilter.from_options(ties=["affiliation"])


def run(*args, data=SMALL):
    argv = [str(a) for a in args]
    if data is not None:
        argv += ["--data", str(data)]
    return runner.invoke(app, argv)


def run_json(*args, data=SMALL):
    result = run(*args, "--json", data=data)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


# --- JSON equals the library result, exactly ---


def test_path_json(small):
    doc = run_json("path", "Малофеев", "Aleksandr Dugin")
    assert doc == find_paths(small, "konstantin-malofeev", "alexander-dugin", link_filter=AFF)
    assert [[n["id"] for n in p["nodes"]] for p in doc["paths"]] == [
        ["konstantin-malofeev", "small-club", "alexander-dugin"],
        ["konstantin-malofeev", "tsargrad", "alexander-dugin"],
        ["konstantin-malofeev", "big-forum", "alexander-dugin"],
    ]
    assert list(doc) == ["from", "to", "rank", "max_hops", "length", "total", "complete", "paths",
                         "filters"]
    assert list(doc["paths"][0]) == ["nodes", "hops", "hub_penalty", "evidence"]
    assert list(doc["paths"][0]["hops"][0]) == ["from", "to", "strength", "links"]
    assert doc["filters"]["ties"] == ["affiliation"]


def test_path_options(small):
    doc = run_json("path", "Malofeev", "AGMR", "--avoid", "Big Forum", "--limit", "1",
                   "--exclude-type", "organization")
    assert [n["id"] for n in doc["paths"][0]["nodes"]] == [
        "konstantin-malofeev", "tsargrad", "alexander-dugin", "alexander-ionov", "agmr"]
    assert doc["total"] == 1
    doc = run_json("path", "Malofeev", "alexander-dugin", "--directed", "--via-type", "media",
                   "--via-type", "event")
    assert [n["id"] for n in doc["paths"][0]["nodes"]][1:-1] == ["tsargrad"]
    doc = run_json("path", "Malofeev", "alexander-dugin", "--status", "reported",
                   "--status", "disputed", "--as-of", "2016", "--exclude-link-type", "funds")
    assert doc == find_paths(small, "Malofeev", "alexander-dugin", link_filter=LinkFilter.from_options(
        statuses=["reported", "disputed"], as_of="2016", exclude_link_types=["funds"],
        ties=["affiliation"]))
    # undated, left out and counted: L6 (member_of) and L9-L12 (attended Big Forum, no date)
    assert doc["filters"] == {"statuses": ["reported", "disputed"], "ties": ["affiliation"],
                              "as_of": "2016", "since": None, "until": None,
                              "undated": "exclude", "undated_left_out": 5,
                              "link_types": None, "exclude_link_types": ["funds"]}
    # funds left out and owns (alleged) not counted: Tsargrad is cut off from Malofeev
    assert [[n["id"] for n in p["nodes"]][1] for p in doc["paths"]] == ["big-forum"]


def test_ego_json(small):
    doc = run_json("ego", "ionov", "--radius", "2", "--link-type", "attended", "--link-type", "spoke_at")
    f = LinkFilter.from_options(link_types=["attended", "spoke_at"])
    assert doc == ego_network(small, "alexander-ionov", radius=2, link_filter=f)
    assert [(n["id"], n["distance"]) for n in doc["nodes"]] == [
        ("alexander-ionov", 0), ("big-forum", 1), ("alexander-dugin", 2), ("anna-smirnova", 2),
        ("boris-smirnov", 2), ("clara-petrova", 2), ("konstantin-malofeev", 2)]
    assert list(doc) == ["center", "radius", "nodes", "links", "accounts", "facts", "filters"]


def test_centrality_json(small):
    doc = run_json("centrality", "--measure", "betweenness", "--top", "3", "--type", "person")
    assert doc == rank(small, "betweenness", top=3, entity_type="person", link_filter=AFF)
    # along affiliation ties the DOJ's charge does not make Ionov a bridge
    assert [r["id"] for r in doc["results"]] == ["alexander-dugin", "alexander-ionov",
                                                "konstantin-malofeev"]
    doc = run_json("centrality", "--measure", "betweenness", "--top", "3", "--type", "person",
                   "--ties", "all")
    assert [r["id"] for r in doc["results"]] == ["alexander-ionov", "alexander-dugin",
                                                "konstantin-malofeev"]
    doc = run_json("centrality", "-m", "all", "-n", "2")
    assert doc == rank(small, "all", top=2, link_filter=AFF)
    assert list(doc["results"][0]) == ["rank", "id", "name", "type", "degree", "betweenness",
                                       "closeness", "eigenvector", "pagerank"]


def test_common_json(small):
    doc = run_json("common", "Malofeev", "alexander-dugin", "Ионов")
    assert doc == common_neighbours(small, ["Malofeev", "alexander-dugin", "alexander-ionov"],
                                    link_filter=AFF)
    assert [r["entity"]["id"] for r in doc["results"]] == ["big-forum"]


def test_communities_json(small):
    doc = run_json("communities")
    assert doc == find_communities(small, link_filter=AFF)
    assert doc["method"] == "louvain" and doc["seed"] == 42
    doc = run_json("communities", "--method", "greedy", "--seed", "3")
    assert doc == find_communities(small, "greedy", seed=3, link_filter=AFF)
    assert doc["seed"] is None
    assert run_json("communities", "--method", "label-propagation") == find_communities(
        small, "label-propagation", link_filter=AFF)
    assert run_json("communities", "--ties", "all") == find_communities(small)


def test_stats_json(small):
    doc = run_json("stats", "--top", "2", "--status", "planned")
    assert doc == network_stats(small, top=2, link_filter=LinkFilter.from_options(statuses=["planned"]))
    assert doc["links"] == 1 and doc["hubs"][0]["id"] == "pavel-dugin"


def test_json_is_utf8_not_escaped(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "sources.yaml").write_text("- {id: s, title: T, publisher: P, date: '2020'}\n",
                                       encoding="utf-8")
    (data / "entities.yaml").write_text(
        "- {id: a, name: Алёна Иванова, type: person, sources: [s]}\n"
        "- {id: b, name: Борис, type: person, sources: [s]}\n", encoding="utf-8")
    (data / "links.yaml").write_text(
        "- {source: a, target: b, type: met, status: reported, sources: [s]}\n", encoding="utf-8")
    result = run("path", "Ivanova", "Борис", "--json", data=data)
    assert result.exit_code == 0
    assert "Алёна Иванова" in result.stdout and "\\u" not in result.stdout


# --- tables ---


def test_tables_mention_what_matters(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no cell wraps
    out = run("path", "Malofeev", "alexander-dugin").stdout
    assert "Konstantin Malofeev funds Tsargrad TV" in out
    assert "Tsargrad TV employs Alexander Gelyevich Dugin" in out
    assert "src-a (p. 2)" in out and "2015–2017" in out
    assert "3 shortest paths of 2 hops" in out
    assert "Links counted: affiliation ties" in out
    out = run("ego", "Ionov", "--status", "reported").stdout
    assert "leads (reported, 2012)" in out
    assert "Links counted: status reported" in out
    out = run("common", "Malofeev", "alexander-dugin").stdout
    assert "works for (reported, 2015–2017)" in out
    assert "Big Forum" in run("centrality").stdout
    assert "Lonely Company" in run("communities").stdout
    assert "Diameter" in run("stats").stdout


def test_tables_print_brackets_in_data_as_typed(tmp_path, monkeypatch):
    # Names are data, not Rich markup: "[people]" used to vanish, "[/b]" to crash.
    monkeypatch.setenv("COLUMNS", "200")
    data = tmp_path / "d"
    data.mkdir()
    (data / "sources.yaml").write_text("- {id: s, title: T, publisher: P, date: '2020'}\n",
                                       encoding="utf-8")
    (data / "entities.yaml").write_text(
        "- {id: a, name: 'Anna [people] Petrova', type: person, sources: [s]}\n"
        "- {id: b, name: 'Club [/b] Zero', type: organization, sources: [s]}\n"
        "- {id: c, name: 'Carl [bold]Smith', type: person, sources: [s]}\n", encoding="utf-8")
    (data / "links.yaml").write_text(
        "- {source: a, target: b, type: member_of, status: reported, sources: [s]}\n"
        "- {source: c, target: b, type: member_of, status: reported, sources: [s]}\n",
        encoding="utf-8")
    result = run("path", "a", "c", data=data)
    assert result.exit_code == 0, result.stderr
    words = " ".join(result.stdout.split())  # the title wraps at the table's width
    assert "1. Anna [people] Petrova → Club [/b] Zero → Carl [bold]Smith" in words
    assert "hub penalty 0.6931" in words
    assert "Anna [people] Petrova member of Club [/b] Zero" in result.stdout
    assert "Club [/b] Zero has member Carl [bold]Smith" in result.stdout
    result = run("ego", "b", data=data)
    assert result.exit_code == 0, result.stderr
    assert "Anna [people] Petrova" in result.stdout and "Carl [bold]Smith" in result.stdout


def test_ego_table_with_a_huge_radius_is_quick():
    # The table used to loop over every distance up to --radius.
    result = run("ego", "Ionov", "--radius", "99999999999999999999")
    assert result.exit_code == 0, result.stderr
    assert "within 99999999999999999999 hops" in result.stdout
    assert "Distance 2 (" in result.stdout and "Links counted: all" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_tables_fit_80_columns(command, small):
    from rich.console import Console

    import imrnet.output.tables_graph as tables

    results = {
        "path": find_paths(small, "Malofeev", "AGMR", avoid=["big-forum"]),
        "ego": ego_network(small, "Ionov", radius=2),
        "centrality": rank(small, "all", top=None),
        "common": common_neighbours(small, ["Malofeev", "alexander-dugin", "Ionov"]),
        "communities": find_communities(small),
        "stats": network_stats(small),
    }
    out = io.StringIO()
    console = Console(file=out, width=80, no_color=True, highlight=False)
    for renderable in getattr(tables, f"{command}_tables")(results[command]):
        console.print(renderable)
    lines = out.getvalue().splitlines()
    assert lines and max(len(line) for line in lines) <= 80


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_description_and_examples(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and f"imrnet {command}" in result.stdout
    for option in ["--status", "--ties", "--as-of", "--since", "--until", "--undated", "--link-type",
                   "--exclude-link-type", "--json", "--data"]:
        assert option in result.stdout


def test_centrality_help_says_how_it_is_computed():
    out = runner.invoke(app, ["centrality", "--help"]).stdout
    assert "undirected simple graph" in " ".join(out.split())
    assert "parallel links between a pair count once" in " ".join(out.split())


# --- exit codes ---


@pytest.mark.parametrize("command", COMMANDS)
def test_exit_0(command):
    result = run(command, *ARGS[command])
    assert result.exit_code == 0, result.stderr
    assert result.stdout and result.stderr == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["path", "Malofeev", "Lonely Company"],
         "imrnet: no path from Konstantin Malofeev to Lonely Company along affiliation ties\n"),
        (["path", "alexander-dugin", "Malofeev", "--directed"],
         "imrnet: no path from Alexander Gelyevich Dugin to Konstantin Malofeev following links "
         "forward; along affiliation ties\n"),
        (["path", "Malofeev", "AGMR", "--max-hops", "2"],
         "imrnet: no path from Konstantin Malofeev to Anti-Globalization Movement of Russia "
         "within 2 hops (the shortest has 3); along affiliation ties\n"),
        (["common", "Malofeev", "agmr"],
         "imrnet: no entity is tied to all of Konstantin Malofeev, Anti-Globalization Movement of "
         "Russia along affiliation ties\n"),
    ],
)
def test_exit_1_no_answer(args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == message


@pytest.mark.parametrize("command", ["centrality", "communities"])
def test_exit_1_on_empty_dataset(command):
    result = run(command, data=EMPTY)
    assert result.exit_code == 1
    assert result.stderr.startswith("imrnet: ") and result.stderr.count("\n") == 1


def test_stats_on_empty_dataset():
    doc = run_json("stats", data=EMPTY)
    assert doc["entities"] == 0 and doc["components"] == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_exit_3_invalid_dataset(command):
    result = run(command, *ARGS[command], data=BROKEN)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "unknown status 'confirmed'" in result.stderr
    assert "imrnet: invalid dataset: 1 problem(s)" in result.stderr


JUNK = [
    ("path", ["Malofeev", ""]),
    ("path", ["", "Malofeev"]),
    ("path", ["Malofeev", "😀"]),
    ("path", ["Malofeev", "\u202e\u200b"]),
    ("path", ["Malofeev", "Dugin"]),
    ("path", ["Malofeev", "Malofeyev"]),
    ("path", ["Malofeev", "agmr", "--avoid", "Nobody Atall"]),
    ("path", ["Malofeev", "agmr", "--avoid", "Malofeev"]),
    ("path", ["Malofeev", "agmr", "--via-type", "pope"]),
    ("path", ["Malofeev", "agmr", "--exclude-type", ""]),
    ("path", ["Malofeev", "agmr", "--limit", "0"]),
    ("path", ["Malofeev", "agmr", "--limit", "ten"]),
    ("path", ["Malofeev", "agmr", "--limit", ""]),
    ("ego", [""]),
    ("ego", ["Ⅻ☃"]),
    ("ego", ["Ionov", "--radius", "0"]),
    ("ego", ["Ionov", "--radius", "-1"]),
    ("ego", ["Ionov", "--radius", "1.5"]),
    ("centrality", ["--measure", "fame"]),
    ("centrality", ["--measure", ""]),
    ("centrality", ["--top", "0"]),
    ("centrality", ["--top", "x"]),
    ("centrality", ["--type", "pope"]),
    ("centrality", ["--type", ""]),
    ("common", ["Malofeev"]),
    ("common", ["Malofeev", ""]),
    ("common", ["Malofeev", "Malofeyev"]),
    ("common", ["Malofeev", "🙂🙂"]),
    ("communities", ["--method", "kmeans"]),
    ("communities", ["--method", ""]),
    ("communities", ["--seed", "-5"]),
    ("communities", ["--seed", "abc"]),
    ("stats", ["--top", "0"]),
    ("stats", ["--top", "∞"]),
]


@pytest.mark.parametrize("command, args", JUNK)
def test_exit_2_junk_gets_one_line(command, args):
    result = run(command, *args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("imrnet: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "option, value",
    [("--status", "confirmed"), ("--status", ""), ("--as-of", "2020-02-30"), ("--as-of", "soon"),
     ("--link-type", "fund"), ("--exclude-link-type", "☃"), ("--data", "/no/such/dir")],
)
def test_exit_2_bad_shared_options(command, option, value):
    result = run(command, *ARGS[command], option, value, data=None if option == "--data" else SMALL)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("imrnet: ") and result.stderr.count("\n") == 1


def test_unknown_name_suggests():
    result = run("ego", "Malofef")
    assert result.exit_code == 2
    assert "did you mean: Konstantin Malofeev (konstantin-malofeev)?" in result.stderr


# --- the installed console script ---


def script(*args, env=None):
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, **(env or {})}, timeout=60)


def test_script_path_bundled():
    proc = script("path", "Malofeev", "Dugin", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["from"]["id"] == "konstantin-malofeev"
    assert doc["to"]["id"] == "alexander-dugin"
    assert doc["paths"] and doc["length"] >= 1


def test_script_centrality_bundled_equals_networkx():
    import networkx as nx

    from imrnet.index.network import to_networkx

    proc = script("centrality", "--measure", "betweenness", "--top", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    d = load()
    # along affiliation ties, the default
    expected = nx.betweenness_centrality(to_networkx(d, [l for l in d.links if l.kind == "affiliation"]))
    assert len(doc["results"]) == min(5, len(d.entities))
    for row in doc["results"]:
        assert row["score"] == pytest.approx(expected[row["id"]], abs=1e-9)
    top = max(expected.values())
    assert doc["results"][0]["score"] == pytest.approx(top, abs=1e-9)


def test_script_exit_codes_and_env():
    env = {"IMRNET_DATA": str(SMALL)}
    ok = script("ego", "Ионов", "--json", env=env)
    assert ok.returncode == 0 and json.loads(ok.stdout)["center"]["id"] == "alexander-ionov"
    none = script("path", "Malofeev", "lonely-co", env=env)
    assert none.returncode == 1 and none.stdout == ""
    assert none.stderr == "imrnet: no path from Konstantin Malofeev to Lonely Company along affiliation ties\n"
    bad = script("path", "Malofeev", "", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    broken = script("stats", "--data", BROKEN)
    assert broken.returncode == 3 and "Traceback" not in broken.stderr
    table = script("common", "Malofeev", "alexander-dugin", env=env)
    assert table.returncode == 0 and "Tsargrad TV" in table.stdout
