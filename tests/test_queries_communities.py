"""Communities: same partition as NetworkX, deterministic, documented order."""

from __future__ import annotations


import networkx as nx
import pytest

from imrnet.queries.communities import METHODS, find_communities
from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset
from imrnet.index.network import to_networkx



def reference(graph, method, seed=42):
    c = nx.community
    if method == "louvain":
        return c.louvain_communities(graph, seed=seed)
    if method == "greedy":
        return c.greedy_modularity_communities(graph)
    return c.label_propagation_communities(graph)


@pytest.mark.parametrize("method", METHODS)
def test_partition_equals_networkx(small, method):
    r = find_communities(small, method)
    expected = {frozenset(c) for c in reference(to_networkx(small), method)}
    got = {frozenset(m["id"] for m in c["members"]) for c in r["communities"]}
    assert got == expected
    assert r["method"] == method
    assert r["seed"] == (42 if method == "louvain" else None)
    assert sum(c["size"] for c in r["communities"]) == 13
    assert [c["index"] for c in r["communities"]] == list(range(1, len(r["communities"]) + 1))
    sizes = [c["size"] for c in r["communities"]]
    assert sizes == sorted(sizes, reverse=True)
    g = to_networkx(small)
    for c in r["communities"]:
        assert c["size"] == len(c["members"])
        assert c["central"] == c["members"][0]
        degrees = [g.degree(m["id"]) for m in c["members"]]
        assert degrees == sorted(degrees, reverse=True)


def test_louvain_known_answer(small):
    r = find_communities(small, "louvain", seed=42)
    assert [(c["central"]["id"], sorted(m["id"] for m in c["members"])) for c in r["communities"]] == [
        ("alexander-dugin", ["alexander-dugin", "konstantin-malofeev", "pavel-dugin", "small-club", "tsargrad"]),
        ("big-forum", ["anna-smirnova", "big-forum", "boris-smirnov", "clara-petrova"]),
        ("alexander-ionov", ["agmr", "alexander-ionov", "doj"]),
        ("lonely-co", ["lonely-co"]),
    ]


def test_seed_is_repeatable(small):
    assert find_communities(small, seed=7) == find_communities(small, seed=7)


def test_filters(small):
    f = LinkFilter.from_options(link_types=["attended"])
    r = find_communities(small, "greedy", link_filter=f)
    assert r["communities"][0]["central"]["id"] == "big-forum"
    assert r["communities"][0]["size"] == 6
    assert r["filters"]["link_types"] == ["attended"]


def test_errors(small):
    with pytest.raises(UsageError, match="unknown method 'kmeans'"):
        find_communities(small, "kmeans")
    with pytest.raises(UsageError, match="--seed"):
        find_communities(small, seed=-1)
    with pytest.raises(NoAnswer):
        find_communities(Dataset())


def test_bundled_partition_covers_every_entity():
    d = load()
    r = find_communities(d)
    members = [m["id"] for c in r["communities"] for m in c["members"]]
    assert sorted(members) == sorted(d.entities)
