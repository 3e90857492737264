"""Communities: igraph's partitions against NetworkX's, deterministic, documented order.

Greedy modularity is the same algorithm in both engines: same partition.
Louvain is the same method with another random stream: the same partition
where structure is unambiguous, a partition of at least as good modularity
elsewhere.
"""

from __future__ import annotations


import networkx as nx
import pytest

from imrnet.queries.communities import METHODS, find_communities
from imrnet.errors import NoAnswer, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset, Entity, Link
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
    assert r["engine"] == ("networkx" if method == "label-propagation" else "igraph")
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


def partition(result):
    return {frozenset(m["id"] for m in c["members"]) for c in result["communities"]}


@pytest.mark.parametrize("seed", [0, 1, 42, 2024])
def test_louvain_unambiguous_structure_equals_networkx(dataset_of, seed):
    # six 5-cliques in a ring, plus two isolated entities: one answer only
    graph = nx.ring_of_cliques(6, 5)
    graph.add_nodes_from([100, 101])
    r = find_communities(dataset_of(graph), "louvain", seed=seed)
    cliques = {frozenset(str(c * 5 + i) for i in range(5)) for c in range(6)}
    assert partition(r) == cliques | {frozenset({"100"}), frozenset({"101"})}
    assert partition(r) == {frozenset(map(str, c)) for c in reference(graph, "louvain", seed)}
    assert [c["size"] for c in r["communities"]] == [5] * 6 + [1, 1]


@pytest.mark.parametrize("seed", [1, 7, 42])
def test_louvain_bundled_modularity_as_good_as_networkx(seed):
    d = load()
    g = to_networkx(d)
    r = find_communities(d, "louvain", seed=seed)
    ours = [set(c) for c in partition(r)]
    theirs = reference(g, "louvain", seed)
    assert sorted(n for c in ours for n in c) == sorted(g)  # a partition of every entity
    q_ours, q_theirs = (nx.community.modularity(g, p) for p in (ours, theirs))
    assert q_ours >= q_theirs - 0.01
    assert find_communities(d, "louvain", seed=seed) == r


def test_greedy_bundled_equals_networkx():
    d = load()
    expected = {frozenset(c) for c in reference(to_networkx(d), "greedy")}
    assert partition(find_communities(d, "greedy")) == expected


def test_isolated_entities_are_their_own_communities():
    ents = {i: Entity(i, i.upper(), "person") for i in "abc"}
    for method in METHODS:
        r = find_communities(Dataset(entities=ents), method)
        assert [[m["id"] for m in c["members"]] for c in r["communities"]] == [["a"], ["b"], ["c"]]
