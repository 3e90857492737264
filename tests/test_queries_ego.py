"""Ego networks on the hand-made fixture graph."""

from __future__ import annotations


import pytest

from imrnet.queries.ego import ego_network
from imrnet.errors import UnknownName, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load



def ids(result):
    return [(n["id"], n["distance"]) for n in result["nodes"]]


def test_radius_one(small):
    r = ego_network(small, "Ионов")
    assert r["center"] == {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person"}
    assert r["radius"] == 1
    assert ids(r) == [("alexander-ionov", 0), ("alexander-dugin", 1), ("agmr", 1),
                      ("big-forum", 1), ("doj", 1)]
    assert r["nodes"][1] == {"id": "alexander-dugin", "name": "Alexander Gelyevich Dugin",
                             "type": "person", "distance": 1}
    # induced links, file order: Dugin spoke at the forum (between two neighbours) included
    assert [(l["source"], l["type"], l["target"]) for l in r["links"]] == [
        ("alexander-dugin", "spoke_at", "big-forum"),
        ("alexander-ionov", "attended", "big-forum"),
        ("alexander-ionov", "leads", "agmr"),
        ("doj", "charged", "alexander-ionov"),
        ("alexander-ionov", "associate", "alexander-dugin"),
    ]
    assert r["filters"]["statuses"] == ["reported", "alleged", "disputed", "planned"]


def test_radius_two(small):
    r = ego_network(small, "alexander-ionov", radius=2)
    assert [i for i, d in ids(r) if d == 2] == [
        "anna-smirnova", "boris-smirnov", "clara-petrova", "konstantin-malofeev", "small-club",
        "tsargrad"]
    # every link among the 11 entities: all but L8 (tsargrad - pavel-dugin)
    assert len(r["links"]) == 14
    assert all(l["target"] != "pavel-dugin" for l in r["links"])


def test_large_radius_reaches_component_only(small):
    r = ego_network(small, "Malofeev", radius=10)
    assert len(r["nodes"]) == 12
    assert "lonely-co" not in {n["id"] for n in r["nodes"]}
    assert max(n["distance"] for n in r["nodes"]) == 3


def test_filters(small):
    r = ego_network(small, "Ionov", link_filter=LinkFilter.from_options(statuses=["reported"]))
    assert ids(r) == [("alexander-ionov", 0), ("agmr", 1), ("big-forum", 1)]
    assert r["filters"]["statuses"] == ["reported"]
    # in force at 2020: the 2012 lead; the 2022 charge comes later, the associate tie ended in
    # 2018, and Ionov's attendance of the undated Big Forum cannot be placed (left out, counted)
    r = ego_network(small, "Ionov", link_filter=LinkFilter.from_options(as_of="2020"))
    assert ids(r) == [("alexander-ionov", 0), ("agmr", 1)]
    # only the listed entities' undated links count, not the whole network's 8
    assert r["filters"]["undated_left_out"] == 1
    r = ego_network(small, "Ionov", link_filter=LinkFilter.from_options(as_of="2020", undated="include"))
    assert ids(r) == [("alexander-ionov", 0), ("agmr", 1), ("big-forum", 1)]


def test_isolated_entity(small):
    r = ego_network(small, "Lonely Company")
    assert ids(r) == [("lonely-co", 0)] and r["links"] == []


@pytest.mark.parametrize("radius", [0, -1, True, 1.5, "2"])
def test_bad_radius(small, radius):
    with pytest.raises(UsageError, match="--radius"):
        ego_network(small, "Ionov", radius=radius)


def test_unknown_center(small):
    with pytest.raises(UnknownName):
        ego_network(small, "Ionof Transcontinental")


def test_bundled_ego_is_consistent():
    d = load()
    r = ego_network(d, "Ionov")
    assert r["center"]["id"] == "alexander-ionov"
    assert r["nodes"][0] == {**r["center"], "distance": 0}
    neighbours = {l.other("alexander-ionov") for l in d.links_by_entity["alexander-ionov"]}
    assert {n["id"] for n in r["nodes"][1:]} == neighbours
    listed = {n["id"] for n in r["nodes"]}
    assert all(l["source"] in listed and l["target"] in listed for l in r["links"])
