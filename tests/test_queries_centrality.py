"""Centrality: values equal NetworkX called directly on the same graph."""

from __future__ import annotations


import networkx as nx
import pytest

from imrnet.queries.centrality import MEASURES, centrality, scores
from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset, Entity, Link
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


def reference(g, measure):
    if measure == "degree":
        return nx.degree_centrality(g)
    if measure == "betweenness":
        return nx.betweenness_centrality(g)
    if measure == "closeness":
        return nx.closeness_centrality(g)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(g, max_iter=10_000)
    return nx.pagerank(g)


@pytest.mark.parametrize("measure", MEASURES)
def test_values_equal_networkx(small, hand_graph, measure):
    expected = reference(hand_graph, measure)
    r = centrality(small, measure, top=None)
    assert r["measure"] == measure
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
    expected = nx.eigenvector_centrality(g, max_iter=10_000)
    assert {x["id"]: x["score"] for x in r["results"]} == pytest.approx(expected, abs=1e-9)
    r = centrality(Dataset(entities=ents), "eigenvector", top=None)
    assert len({x["score"] for x in r["results"]}) == 1


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
        scores(nx.Graph(), "fame")


def test_bundled_values_equal_networkx():
    d = load()
    g = to_networkx(d, d.links)
    for measure in MEASURES:
        expected = reference(g, measure)
        got = {x["id"]: x["score"] for x in centrality(d, measure, top=None)["results"]}
        assert got == pytest.approx(expected, abs=1e-9), measure
