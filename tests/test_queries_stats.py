"""Stats and the network module on the hand-made fixture graph."""

from __future__ import annotations


import networkx as nx
import pytest

from imrnet.dataset.accounts import accounts
from imrnet.queries.stats import DIAMETER_BFS_BUDGET, DIAMETER_EXACT_MAX, diameter_bounds, network_stats
from imrnet.errors import UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset, Entity, Link
from imrnet.index.engine import to_igraph
from imrnet.index.network import Network, filtered_links, to_networkx

ALL = ["reported", "alleged", "disputed", "planned"]


def test_stats_exact(small):
    r = network_stats(small)
    assert r == {
        "entities": 13,
        "links": 15,
        "links_total": 15,
        "account_groups": 0,
        "entity_types": {"person": 7, "organization": 2, "company": 1, "public_body": 1,
                         "media": 1, "event": 1},
        "link_types": {"leads": 1, "member_of": 2, "owns": 1, "employs": 2, "funds": 1,
                       "attended": 5, "spoke_at": 1, "associate": 1, "charged": 1},
        "statuses": {"reported": 10, "alleged": 3, "disputed": 1, "planned": 1},
        "pairs": 14,
        "components": 2,
        "largest_component": 12,
        "isolated": 1,
        "density": round(14 / 78, 4),
        "diameter": 4,
        "diameter_exact": True,
        "diameter_bounds": [4, 4],
        "hubs": [
            {"rank": 1, "id": "big-forum", "name": "Big Forum", "type": "event", "degree": 6, "links": 6},
            {"rank": 2, "id": "alexander-dugin", "name": "Alexander Gelyevich Dugin", "type": "person", "degree": 4, "links": 4},
            {"rank": 3, "id": "alexander-ionov", "name": "Alexander Ionov", "type": "person", "degree": 4, "links": 4},
            {"rank": 4, "id": "konstantin-malofeev", "name": "Konstantin Malofeev", "type": "person", "degree": 3, "links": 4},
            {"rank": 5, "id": "tsargrad", "name": "Tsargrad TV", "type": "media", "degree": 3, "links": 4},
        ],
        "engine": "igraph",
        "filters": {"statuses": ALL, "ties": ["affiliation", "adversarial", "coverage"],
                    "as_of": None, "since": None, "until": None, "undated": "exclude",
                    "undated_left_out": 0, "link_types": None, "exclude_link_types": []},
    }


def test_stats_filtered(small):
    r = network_stats(small, link_filter=LinkFilter.from_options(statuses=["alleged", "planned"]), top=2)
    assert r["links"] == 4 and r["links_total"] == 15
    assert r["statuses"] == {"reported": 0, "alleged": 3, "disputed": 0, "planned": 1}
    assert r["entity_types"]["person"] == 7
    assert r["pairs"] == 4
    # edges: malofeev-tsargrad, dugin-small-club, tsargrad-pavel, doj-ionov
    assert r["components"] == 9 and r["largest_component"] == 3
    assert r["diameter"] == 2
    assert [h["id"] for h in r["hubs"]] == ["tsargrad", "alexander-dugin"]
    with pytest.raises(UsageError):
        network_stats(small, top=0)


def test_stats_empty_and_edgeless():
    r = network_stats(Dataset())
    assert (r["entities"], r["components"], r["largest_component"], r["diameter"], r["hubs"]) == (0, 0, 0, 0, [])
    r = network_stats(Dataset(entities={"a": Entity("a", "A", "person"), "b": Entity("b", "B", "person")}))
    assert (r["components"], r["isolated"], r["density"], r["diameter"], r["hubs"]) == (2, 2, 0.0, 0, [])


def test_network_views(small):
    net = Network.filtered(small)
    assert net.degree("konstantin-malofeev") == 3 and net.link_count("konstantin-malofeev") == 4
    assert sorted(net.neighbours("tsargrad")) == ["alexander-dugin", "konstantin-malofeev", "pavel-dugin"]
    assert sorted(net.neighbours("tsargrad", directed=True)) == ["alexander-dugin", "pavel-dugin"]
    assert [l.type for l in net.between("konstantin-malofeev", "tsargrad")] == ["funds", "owns"]
    assert net.between("tsargrad", "konstantin-malofeev", directed=True) == []
    assert net.neighbours("lonely-co") == {} and net.neighbours("no-such") == {}
    assert net.bfs("lonely-co") == {"lonely-co": 0}


def test_to_networkx_simple_graph(small):
    g = to_networkx(small)
    assert isinstance(g, nx.Graph) and not g.is_directed()
    assert g.number_of_nodes() == 13 and g.number_of_edges() == 14
    assert g.nodes["tsargrad"] == {"name": "Tsargrad TV", "type": "media"}
    assert g["konstantin-malofeev"]["tsargrad"]["links"] == [
        "konstantin-malofeev~funds~tsargrad~2015", "konstantin-malofeev~owns~tsargrad"]
    assert "lonely-co" in g and g.degree("lonely-co") == 0
    f = LinkFilter.from_options(statuses=["planned"])
    assert {frozenset(e) for e in to_networkx(small, filtered_links(small, f)).edges} == {frozenset({"tsargrad", "pavel-dugin"})}


def test_self_links_and_dangling_links_are_skipped():
    ents = {i: Entity(i, i, "person") for i in "ab"}
    links = [Link("1", "a", "a", "met", "reported"), Link("2", "a", "zz", "met", "reported"),
             Link("3", "a", "b", "met", "reported")]
    d = Dataset(entities=ents, links=tuple(links))
    assert to_networkx(d).number_of_edges() == 1
    assert Network(d).degree("a") == 1


def test_bundled_stats_consistent():
    d = load()
    r = network_stats(d)
    g = to_networkx(d)
    assert r["entities"] == len(d.entities) == sum(r["entity_types"].values())
    # competing accounts of one fact count once
    facts = len(d.links) - sum(len(ids) - 1 for ids in accounts(d.links).values())
    assert r["account_groups"] == len(accounts(d.links)) > 0
    assert r["links"] == facts == sum(r["statuses"].values()) == sum(r["link_types"].values())
    assert r["pairs"] == g.number_of_edges()
    assert r["components"] == nx.number_connected_components(g)
    assert r["density"] == round(nx.density(g), 4)


GRAPHS = {
    "path": nx.path_graph(7),
    "cycle": nx.cycle_graph(9),
    "star": nx.star_graph(6),
    "barbell": nx.barbell_graph(4, 3),
    "lollipop": nx.lollipop_graph(5, 6),
    "grid": nx.grid_2d_graph(4, 6),
    "petersen": nx.petersen_graph(),
    "tree": nx.balanced_tree(2, 4),
    **{f"random {seed}": nx.gnm_random_graph(60, 75, seed=seed) for seed in range(8)},
    **{f"scale-free {seed}": nx.barabasi_albert_graph(200, 1, seed=seed) for seed in range(4)},
}


@pytest.mark.parametrize("name", GRAPHS)
def test_diameter_equals_networkx(dataset_of, name):
    graph = nx.convert_node_labels_to_integers(GRAPHS[name])
    largest = max(nx.connected_components(graph), key=len)
    expected = nx.diameter(graph.subgraph(largest))
    r = network_stats(dataset_of(graph))
    assert (r["diameter"], r["diameter_exact"], r["diameter_bounds"]) == (expected, True, [expected] * 2)
    # from any start vertex, and every budget gives true bounds
    eg = to_igraph(dataset_of(graph))
    for start in sorted(largest)[:5]:
        assert diameter_bounds(eg.graph, start) == (expected, expected)
        for budget in (1, 3, 5, 10):
            lower, upper = diameter_bounds(eg.graph, start, budget)
            assert lower <= expected <= upper


def test_large_component_diameter_is_bounded_and_says_so(dataset_of):
    n = DIAMETER_EXACT_MAX + 1
    # A ring: every entity is as far from the others, so iFUB needs two
    # searches a level and the budget runs out long before the bounds meet.
    r = network_stats(dataset_of(nx.cycle_graph(n)))
    assert r["largest_component"] == n
    assert r["diameter"] == n // 2 and r["diameter_exact"] is False
    lower, upper = r["diameter_bounds"]
    assert lower == n // 2 < upper <= 2 * (n // 2)
    from rich.console import Console

    from imrnet.output.tables_graph import stats_tables

    console = Console(record=True, width=120)
    for part in stats_tables(r):
        console.print(part)
    text = console.export_text()
    assert f"Diameter (largest component) │ {lower} to {upper}" in text
    assert "Diameter: bounds only; the largest component is too large" in text
    # A broom (a long path ending in a star) closes within the budget: exact.
    broom = nx.path_graph(100)
    broom.add_edges_from((99, 100 + i) for i in range(n - 100))
    r = network_stats(dataset_of(broom))
    assert (r["diameter"], r["diameter_exact"]) == (100, True)
    assert DIAMETER_BFS_BUDGET < n
