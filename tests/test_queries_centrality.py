"""Centrality: igraph's values equal NetworkX called directly on the same graph.

Exact measures (degree, betweenness, closeness) agree to 1e-9. The iterative
ones (eigenvector, PageRank) are compared with NetworkX run to a tight
tolerance (1e-12) at 1e-9, and with NetworkX's defaults at NetworkX's own
convergence tolerance.
"""

from __future__ import annotations


import networkx as nx
import pytest

from imrnet.queries.centrality import (
    BETWEENNESS_EXACT_MAX, BETWEENNESS_SOURCES, MEASURES, betweenness_sources, centrality, scores,
)
from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset, Entity, Link
from imrnet.index.engine import to_igraph
from imrnet.index.network import to_networkx


# The fixture graph written out by hand (parallel Malofeev-Tsargrad links once).
EDGES = [
    ("konstantin-malofeev", "tsargrad"), ("tsargrad", "alexander-dugin"),
    ("konstantin-malofeev", "big-forum"), ("alexander-dugin", "big-forum"),
    ("konstantin-malofeev", "small-club"), ("alexander-dugin", "small-club"),
    ("tsargrad", "pavel-dugin"), ("anna-smirnova", "big-forum"), ("boris-smirnov", "big-forum"),
    ("clara-petrova", "big-forum"), ("alexander-ionov", "big-forum"), ("alexander-ionov", "agmr"),
    ("doj", "alexander-ionov"), ("alexander-ionov", "alexander-dugin"),
]


@pytest.fixture(scope="module")
def hand_graph():
    g = nx.Graph()
    g.add_nodes_from(["lonely-co"])
    g.add_edges_from(EDGES)
    return g


def reference(g, measure, tol=1e-12):
    """NetworkX's value; the iterative measures run to ``tol`` (NetworkX's default: 1e-6)."""
    if measure == "degree":
        return nx.degree_centrality(g)
    if measure == "betweenness":
        return nx.betweenness_centrality(g)
    if measure == "closeness":
        return nx.closeness_centrality(g)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(g, max_iter=100_000, tol=tol)
    return nx.pagerank(g, tol=tol, max_iter=100_000)


def engine_scores(dataset, measure, **kw):
    return {x["id"]: x["score"] for x in centrality(dataset, measure, top=None, **kw)["results"]}


def as_str(values):
    return {str(k): v for k, v in values.items()}


@pytest.mark.parametrize("measure", MEASURES)
def test_values_equal_networkx(small, hand_graph, measure):
    expected = reference(hand_graph, measure)
    r = centrality(small, measure, top=None)
    assert r["measure"] == measure
    assert r["engine"] == "igraph" and r["sample"] is None
    assert len(r["results"]) == 13
    got = {row["id"]: row["score"] for row in r["results"]}
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-9)
    # ranked by score descending, then name
    keys = [(-row["score"], row["name"].casefold()) for row in r["results"]]
    assert keys == sorted(keys)
    assert [row["rank"] for row in r["results"]] == list(range(1, 14))


def test_degree_ranking_exact(small):
    r = centrality(small, "degree", top=5)
    assert [(x["rank"], x["id"], round(x["score"], 6)) for x in r["results"]] == [
        (1, "big-forum", 0.5),
        (2, "alexander-dugin", round(4 / 12, 6)),
        (3, "alexander-ionov", round(4 / 12, 6)),
        (4, "konstantin-malofeev", 0.25),
        (5, "tsargrad", 0.25),
    ]
    assert set(r["results"][0]) == {"rank", "id", "name", "type", "score"}


def test_type_ranks_one_kind_on_whole_graph(small, hand_graph):
    r = centrality(small, "betweenness", entity_type="person", top=3)
    expected = nx.betweenness_centrality(hand_graph)
    assert [x["id"] for x in r["results"]] == ["alexander-ionov", "alexander-dugin",
                                              "konstantin-malofeev"]
    assert all(x["type"] == "person" for x in r["results"])
    assert r["results"][0]["score"] == pytest.approx(expected["alexander-ionov"])


def test_all_side_by_side_ranked_by_degree(small, hand_graph):
    r = centrality(small, "all", top=3)
    assert r["measure"] == "all"
    first = r["results"][0]
    assert list(first) == ["rank", "id", "name", "type", *MEASURES]
    assert first["id"] == "big-forum"
    for m in MEASURES:
        assert first[m] == pytest.approx(reference(hand_graph, m)["big-forum"], abs=1e-9)


def test_filters_change_the_graph(small):
    f = LinkFilter.from_options(statuses=["reported"])
    r = centrality(small, "degree", top=None, link_filter=f)
    g = to_networkx(small, f.apply(small.links))
    expected = nx.degree_centrality(g)
    assert {x["id"]: x["score"] for x in r["results"]} == pytest.approx(expected)
    assert r["filters"]["statuses"] == ["reported"]


def test_eigenvector_on_disconnected_and_edgeless_graphs():
    ents = {i: Entity(i, i, "person") for i in "abcdef"}
    links = (Link("1", "a", "b", "met", "reported"), Link("2", "c", "d", "met", "reported"),
             Link("3", "d", "e", "met", "reported"))
    d = Dataset(entities=ents, links=links)
    r = centrality(d, "eigenvector", top=None)
    g = to_networkx(d)
    expected = reference(g, "eigenvector")
    got = {x["id"]: x["score"] for x in r["results"]}
    assert got == pytest.approx(expected, abs=1e-9)
    # only the path c-d-e (largest eigenvalue) scores; the pair a-b fades to 0
    assert got["a"] == got["b"] == got["f"] == 0.0
    assert got["d"] == pytest.approx(2 ** -0.5) and got["c"] == pytest.approx(0.5)
    r = centrality(Dataset(entities=ents), "eigenvector", top=None)
    assert {x["score"] for x in r["results"]} == {round(6 ** -0.5, 10)}


# Graphs where NetworkX's conventions bite: sizes 1 and 2, isolated nodes,
# components of equal and unequal leading eigenvalue, bipartite components.
TRICKY = {
    "one node": nx.empty_graph(1),
    "two nodes, no edge": nx.empty_graph(2),
    "one edge": nx.path_graph(2),
    "path": nx.path_graph(5),
    "star and isolated": nx.union(nx.star_graph(4), nx.empty_graph(2), rename=("s", "i")),
    "two triangles": nx.union(nx.complete_graph(3), nx.complete_graph(3), rename=("a", "b")),
    "triangles unequal": nx.union(nx.complete_graph(3), nx.cycle_graph(5), rename=("a", "b")),
    "triangle and K4 and pair": nx.union_all(
        [nx.complete_graph(3), nx.complete_graph(4), nx.path_graph(2)], rename=("a", "b", "c")),
    "bipartite": nx.complete_bipartite_graph(2, 3),
    "karate": nx.Graph(nx.karate_club_graph().edges()),  # unweighted
}


@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("name", TRICKY)
def test_networkx_conventions_on_tricky_graphs(dataset_of, name, measure):
    graph = TRICKY[name]
    got = engine_scores(dataset_of(graph), measure)
    assert got == pytest.approx(as_str(reference(graph, measure)), abs=1e-9)


@pytest.mark.parametrize("measure", ["eigenvector", "pagerank"])
def test_iterative_measures_within_networkx_default_tolerance(small, hand_graph, measure):
    # NetworkX stops once the changes sum to less than n x 1e-6; igraph solves exactly.
    default = reference(hand_graph, measure, tol=1e-6)
    got = {x["id"]: x["score"] for x in centrality(small, measure, top=None)["results"]}
    assert sum(abs(got[n] - v) for n, v in default.items()) < len(default) * 1e-5


@pytest.mark.parametrize("k, seed", [(2, 0), (7, 42), (30, 5)])
def test_sampled_betweenness_equals_networkx_with_k_and_seed(k, seed):
    if tuple(map(int, nx.__version__.split(".")[:2])) < (3, 5):
        pytest.skip("NetworkX before 3.5 scaled sampled betweenness differently")
    d = load()
    r = centrality(d, "betweenness", top=None, sample=k, seed=seed)
    assert r["sample"] == {"sources": k, "entities": len(d.entities), "seed": seed}
    expected = nx.betweenness_centrality(to_networkx(d, d.links), k=k, seed=seed)
    assert {x["id"]: x["score"] for x in r["results"]} == pytest.approx(expected, abs=1e-9)


def test_sample_zero_or_whole_graph_is_exact(small):
    exact = centrality(small, "betweenness", top=None)
    for sample in (0, 13, 100):
        r = centrality(small, "betweenness", top=None, sample=sample)
        assert r["sample"] is None and r["results"] == exact["results"]
    # measures without betweenness state no sample
    assert centrality(small, "degree", sample=5)["sample"] is None
    assert centrality(small, "all", sample=5)["sample"] == {"sources": 5, "entities": 13, "seed": 42}


def test_large_graphs_sample_betweenness_by_default():
    n = BETWEENNESS_EXACT_MAX + 1
    ents = {f"e{i}": Entity(f"e{i}", f"E{i}", "person") for i in range(n)}
    # a star: every path between leaves runs through the hub e0
    links = tuple(Link(f"l{i}", "e0", f"e{i}", "met", "reported") for i in range(1, n))
    r = centrality(Dataset(entities=ents, links=links), "betweenness", top=2, seed=3)
    assert r["sample"] == {"sources": BETWEENNESS_SOURCES, "entities": n, "seed": 3}
    sources = betweenness_sources(n, seed=3)
    assert len(sources) == BETWEENNESS_SOURCES
    # the estimate of the hub: k sampled leaves each reach n - 2 other leaves through it
    k_leaves = sum(1 for v in sources if v != 0)
    expected = 2 * k_leaves * (n - 2) / 2 / ((BETWEENNESS_SOURCES - (0 in sources)) * (n - 2))
    assert r["results"][0]["id"] == "e0"
    assert r["results"][0]["score"] == pytest.approx(expected, abs=1e-9)
    assert r["results"][1]["score"] == 0.0


def test_errors(small):
    with pytest.raises(UsageError, match="unknown measure 'fame'"):
        centrality(small, "fame")
    with pytest.raises(UsageError, match="--top"):
        centrality(small, top=0)
    with pytest.raises(UsageError, match="unknown entity type 'human' for --type"):
        centrality(small, entity_type="human")
    with pytest.raises(NoAnswer, match="no entities"):
        centrality(Dataset(), "degree")
    with pytest.raises(NoAnswer, match="no entity of type event"):
        centrality(Dataset(entities={"a": Entity("a", "A", "person")}), entity_type="event")
    with pytest.raises(UsageError):
        scores(to_igraph(small), "fame")
    with pytest.raises(UsageError, match="--sample must be 0 \\(exact\\) or at least 2, not 1"):
        centrality(small, "betweenness", sample=1)
    with pytest.raises(UsageError, match="--sample"):
        centrality(small, "betweenness", sample=-3)
    with pytest.raises(UsageError, match="--seed"):
        centrality(small, "betweenness", seed=-1)


def test_bundled_values_equal_networkx():
    d = load()
    g = to_networkx(d, d.links)
    for measure in MEASURES:
        expected = reference(g, measure)
        got = {x["id"]: x["score"] for x in centrality(d, measure, top=None)["results"]}
        assert got == pytest.approx(expected, abs=1e-9), measure
