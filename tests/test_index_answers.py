"""A question answered from the compiled index gets the answer the checked records give.

Every query runs twice on the same data: on the :class:`Dataset` the loader
returns, and on the :class:`IndexedDataset` read lazily from the index file
(:mod:`imrnet.index.indexed`), whose path, ego, show, search and common
traverse the stored topology and read rows one at a time. The answers must
be equal, to the value. The shortest-path region search is also checked
against NetworkX's own shortest paths on random graphs.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import networkx as nx
import pytest

from imrnet.dataset.loader import load
from imrnet.dataset.locations import bundled_dir
from imrnet.dataset.model import Dataset, Entity, Link
from imrnet.errors import ImrnetError
from imrnet.index.indexed import IndexedDataset
from imrnet.index.network import Network
from imrnet.index.store import write_index
from imrnet.queries.common import common_neighbours
from imrnet.queries.ego import ego_network
from imrnet.queries.filters import LinkFilter
from imrnet.queries.path import find_paths
from imrnet.queries.path_search import PathSearch
from imrnet.queries.records import entity_card
from imrnet.queries.search import search

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"

sys.path.insert(0, str(Path(__file__).parent))
from index_pairs import both, indexed_pair  # noqa: E402


@pytest.fixture(scope="module", params=["bundled", "small"])
def pair(request, tmp_path_factory):
    """(records from the loader, the same read back from an index file)."""
    directory = bundled_dir() if request.param == "bundled" else SMALL
    return indexed_pair(load([directory]), tmp_path_factory.mktemp("index"))


def some(pair, count: int, seed: int) -> list[str]:
    ids = sorted(pair[0].entities)
    return random.Random(seed).sample(ids, min(count, len(ids)))


FILTERS = [
    None,
    LinkFilter.from_options(statuses=["reported"]),
    LinkFilter.from_options(ties=["affiliation"]),
    LinkFilter.from_options(as_of="2016"),
    LinkFilter.from_options(since="2022", undated="include", ties=["all"]),
    LinkFilter.from_options(until="2015", exclude_link_types=["met"]),
]


@pytest.mark.parametrize("link_filter", FILTERS)
def test_paths_agree(pair, link_filter):
    ends = some(pair, 12, 7)
    for a, b in zip(ends, ends[1:]):
        both(pair, find_paths, a, b, link_filter=link_filter)
        both(pair, find_paths, a, b, link_filter=link_filter, directed=True)
        both(pair, find_paths, a, b, link_filter=link_filter, rank="evidence", max_hops=3, limit=5)


def test_path_options_agree(pair):
    records = pair[0]
    ends = some(pair, 8, 11)
    hub = max(records.entities, key=lambda e: len(records.links_by_entity[e]))
    for a, b in zip(ends, ends[1:]):
        if hub not in (a, b):
            both(pair, find_paths, a, b, avoid=[hub])
        both(pair, find_paths, a, b, via_types=["person", "organization"])
        both(pair, find_paths, a, b, exclude_types=["event"], max_hops=4, limit=3)


def test_bundled_headline_path_from_the_index(tmp_path):
    records = load([bundled_dir()])
    write_index(tmp_path / "i.sqlite", records, {})
    answer = find_paths(IndexedDataset(tmp_path / "i.sqlite"), "Malofeev", "Dugin")
    assert answer == find_paths(records, "Malofeev", "Dugin")
    assert [n["id"] for n in answer["paths"][0]["nodes"]][0] == "konstantin-malofeev"


@pytest.mark.parametrize("link_filter", FILTERS)
def test_ego_agrees(pair, link_filter):
    for center in some(pair, 10, 3):
        both(pair, ego_network, center, radius=1, link_filter=link_filter)
        both(pair, ego_network, center, radius=2, link_filter=link_filter)


def test_show_search_and_common_agree(pair):
    records = pair[0]
    for eid in some(pair, 15, 5):
        both(pair, entity_card, eid)
        entity = records.entities[eid]
        for text in (entity.name, entity.name[:4], entity.name.split()[-1], entity.name + "x"):
            both(pair, search, text, limit=3)
            both(pair, search, text, limit=10, types=["person"])
    ids = some(pair, 10, 9)
    for a, b in zip(ids, ids[1:]):
        both(pair, common_neighbours, [a, b])
    for text in ("Ionov", "Малофеев", "zzzz", "Russophiles", "a", "Forum"):
        both(pair, search, text)


def test_name_resolution_agrees(pair):
    from imrnet.queries.names import index_for

    for text in ("Ionov", "IONOV, Aleksandr Viktorovich", "Alexander", "Царьград", "Malofeyev",
                 "nobody at all", "Dugin", "agmr", "  ", "Forum"):
        answers = []
        for dataset in pair:
            try:
                answers.append(index_for(dataset).resolve(text).id)
            except ImrnetError as error:
                answers.append(str(error))
        assert answers[0] == answers[1], text


def test_index_reads_only_what_it_needs(pair):
    """A path and a card read a few rows: the index never loads every link for them."""
    _, indexed = pair
    fresh = IndexedDataset(indexed.path)
    ids = some(pair, 2, 1)
    try:
        find_paths(fresh, *ids)
    except ImrnetError:
        pass  # no path: found out all the same
    entity_card(fresh, ids[0])
    assert "links" not in fresh.__dict__  # the whole tuple was never read
    assert fresh.entities._whole is None


# --------------------------------------------------------------------------
# the region search against NetworkX


def _random_dataset(n: int, m: int, seed: int) -> Dataset:
    rng = random.Random(seed)
    ents = {f"e{i:03d}": Entity(f"e{i:03d}", f"E {i}", "person") for i in range(n)}
    ids = list(ents)
    links = []
    for k in range(m):
        a, b = rng.sample(ids, 2)
        links.append(Link(f"l{k}", a, b, rng.choice(["funds", "met", "member_of"]), "reported"))
    return Dataset(entities=ents, links=tuple(links))


@pytest.mark.parametrize("seed", range(6))
def test_region_search_counts_networkx_shortest_paths(seed):
    data = _random_dataset(60, 90, seed)
    graph = nx.Graph()
    graph.add_nodes_from(data.entities)
    graph.add_edges_from((link.source, link.target) for link in data.links)
    net = Network(data)
    rng = random.Random(seed)
    for _ in range(15):
        a, b = rng.sample(sorted(data.entities), 2)
        search = PathSearch(net, a, b, lambda node: True, directed=False, dataset=data)
        if not nx.has_path(graph, a, b):
            assert search.shortest is None
            continue
        paths = list(nx.all_shortest_paths(graph, a, b))
        assert search.shortest == len(paths[0]) - 1
        assert search.count_shortest() == len(paths)
        assert set(search.region) == {node for path in paths for node in path}
        found, complete = search.best("hubs", search.shortest, 1000)
        assert complete and sorted(found) == sorted(tuple(p) for p in paths)


@pytest.mark.parametrize("seed", range(4))
def test_bounded_region_lists_networkx_simple_paths(seed):
    data = _random_dataset(30, 45, seed)
    graph = nx.Graph()
    graph.add_edges_from((link.source, link.target) for link in data.links)
    net = Network(data)
    rng = random.Random(seed)
    for _ in range(10):
        a, b = rng.sample(sorted(graph.nodes), 2)
        search = PathSearch(net, a, b, lambda node: True, directed=False, dataset=data, max_hops=4)
        expected = {tuple(p) for p in nx.all_simple_paths(graph, a, b, cutoff=4)}
        if search.shortest is None or search.shortest > 4:
            assert not expected
            continue
        found, complete = search.best("hubs", 4, 10_000)
        assert complete and set(found) == expected


def test_cli_answers_from_the_index_after_the_first_run(tmp_path):
    """The installed script: the first run compiles the index, the second reads it; same JSON."""
    import os
    import subprocess

    script = Path(sys.executable).parent / "imrnet"
    env = {**os.environ, "IMRNET_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([str(script), "path", "Malofeev", "Ionov", "--json"], env=env,
                           capture_output=True, text=True) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout
    assert len(list((tmp_path / "cache").glob("*.sqlite"))) == 1
    assert json.loads(runs[1].stdout)["from"]["id"] == "konstantin-malofeev"
