"""The igraph engine: the same graph as NetworkX's, seeded, named in every output,
never imported where it is not needed; and the synthetic benchmark data."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.index.engine import seeded, to_igraph
from imrnet.index.network import to_networkx
from imrnet.queries.filters import LinkFilter

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()


def edges_by_id(eg):
    return {frozenset((eg.ids[a], eg.ids[b])) for a, b in eg.graph.get_edgelist()}


@pytest.mark.parametrize("statuses", [None, ["reported"], ["planned", "alleged"]])
def test_same_graph_as_networkx(small, statuses):
    f = LinkFilter.from_options(statuses=statuses)
    links = f.apply(small.links)
    eg, g = to_igraph(small, links), to_networkx(small, links)
    assert list(eg.ids) == list(g.nodes) == list(small.entities)  # stable ids: file order
    assert edges_by_id(eg) == {frozenset(e) for e in g.edges}
    assert eg.graph.vcount() == g.number_of_nodes() and not eg.graph.is_directed()
    assert eg.link_counts == tuple(sum(len(ids) for *_, ids in g.edges(n, data="links")) for n in g)


def test_bundled_graph_and_counts():
    d = load()
    eg, g = to_igraph(d), to_networkx(d)
    assert edges_by_id(eg) == {frozenset(e) for e in g.edges}
    assert sum(eg.link_counts) == 2 * len(d.links)  # the loader refuses self-links


def test_seeded_is_repeatable_and_restores_the_global_generator():
    import igraph

    g = igraph.Graph.Famous("Zachary")
    with seeded(11):
        first = g.community_multilevel().membership
    with seeded(11):
        assert g.community_multilevel().membership == first
    random.seed(5)
    expected = random.random()
    random.seed(5)
    with seeded(1):
        g.community_multilevel()
    assert random.random() == expected  # the seeded run drew nothing from the global stream


# --- the engine in the output ---


def run(*args):
    result = runner.invoke(app, [*map(str, args), "--data", str(SMALL)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_engine_and_sample_in_json_and_tables():
    doc = json.loads(run("centrality", "--measure", "betweenness", "--sample", "4", "--seed", "9", "--json"))
    assert doc["engine"] == "igraph"
    assert doc["sample"] == {"sources": 4, "entities": 13, "seed": 9}
    table = " ".join(run("centrality", "--measure", "betweenness", "--sample", "4", "--seed", "9").split())
    assert "Engine: igraph." in table
    assert "Betweenness from 4 sampled sources of 13 entities (seed 9); --sample 0: exact." in table
    exact = " ".join(run("centrality", "--measure", "betweenness").split())
    assert "Engine: igraph." in exact and "sampled" not in exact
    assert json.loads(run("centrality", "--json"))["sample"] is None
    assert "Engine: igraph." in run("communities")
    assert "Engine: networkx." in run("communities", "--method", "label-propagation")
    stats = run("stats")
    assert "Engine: igraph." in stats and "bounds only" not in stats
    assert json.loads(run("stats", "--json"))["engine"] == "igraph"


@pytest.mark.parametrize("args, message", [
    (["--sample", "1"], "imrnet: --sample must be 0 (exact) or at least 2, not 1\n"),
    (["--sample", "x"], "imrnet: --sample must be a whole number of at least 0, not 'x'\n"),
    (["--seed", "-2"], "imrnet: --seed must be a whole number of at least 0, not '-2'\n"),
])
def test_bad_sample_or_seed_is_a_usage_error(args, message):
    result = runner.invoke(app, ["centrality", "-m", "betweenness", *args, "--data", str(SMALL)])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# --- igraph is not imported where it is not needed ---


def imports(*args):
    env = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    proc = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr[-500:]
    return {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}


def test_path_and_help_do_not_import_igraph():
    for args in (["path", "Malofeev", "Dugin", "--json"], ["--help"], ["centrality", "--help"]):
        assert "igraph" not in imports(*args), args
    assert "igraph" in imports("stats", "--json")  # the check can fail


@pytest.mark.parametrize("args", [["stats", "--json"], ["communities", "--json"],
                                  ["centrality", "--measure", "all", "--json"]])
def test_measures_do_not_import_matplotlib(args):
    # igraph imports matplotlib.pyplot for its own plots: over a second per command
    modules = imports(*args)
    assert "igraph" in modules
    # (a failed ``import matplotlib`` is listed too: look for what a real one loads)
    assert "matplotlib.pyplot" not in modules and "matplotlib.figure" not in modules


def test_draw_after_igraph_still_has_matplotlib(tmp_path):
    code = ("from imrnet.index.engine import load_igraph; load_igraph(); "
            "import matplotlib.pyplot as plt; print(plt.__name__)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "matplotlib.pyplot"


# --- the synthetic benchmark data ---


def test_synthetic_dataset_validates_and_jsonl_equals_yaml(tmp_path, repo_script):
    import yaml

    module = repo_script("bench/synth.py")
    data = module.generate(400, seed=4)
    assert module.generate(400, seed=4) == data and module.generate(400, seed=5) != data
    yaml_dir, jsonl_dir = module.write(data, tmp_path)
    d = load([yaml_dir])  # raises on any invalid record
    assert len(d.entities) == 400 and len(d.links) == len(data["links"]) == 1200
    assert d.warnings == ()
    for name in ("sources", "entities", "links"):
        from_yaml = yaml.safe_load((yaml_dir / f"{name}.yaml").read_text(encoding="utf-8"))
        lines = (jsonl_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert from_yaml == [json.loads(line) for line in lines] == data[name]
    # the JSON Lines copy is the same dataset to imrnet's own reader
    from_jsonl = load([jsonl_dir])
    assert list(from_jsonl.entities) == list(d.entities)
    assert [link.id for link in from_jsonl.links] == [link.id for link in d.links]
    # heavy-tailed: the best-connected entity has many times the median degree
    degrees = sorted(to_igraph(d).graph.degree())
    assert degrees[-1] >= 10 * max(1, degrees[len(degrees) // 2])
    assert {e.type for e in d.entities.values()} == {
        "person", "organization", "company", "public_body", "media", "event"}
    assert {link.status for link in d.links} == {"reported", "alleged", "disputed", "planned"}


def test_help_states_the_documented_sizes():
    from imrnet.queries.centrality import BETWEENNESS_EXACT_MAX, BETWEENNESS_SOURCES
    from imrnet.queries.stats import DIAMETER_EXACT_MAX

    text = " ".join(runner.invoke(app, ["centrality", "--help"]).stdout.split())
    assert f"exact up to {BETWEENNESS_EXACT_MAX:,} entities, else {BETWEENNESS_SOURCES} sources" in text
    text = " ".join(runner.invoke(app, ["stats", "--help"]).stdout.split())
    assert f"exact up to {DIAMETER_EXACT_MAX:,} entities in the largest component" in text
