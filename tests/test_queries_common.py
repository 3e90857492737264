"""Interlocks (common neighbours) on the hand-made fixture graph."""

from __future__ import annotations


import pytest

from imrnet.queries.common import common_neighbours
from imrnet.errors import AmbiguousName, NoAnswer, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.loader import load



def test_two_entities(small):
    r = common_neighbours(small, ["Malofeev", "Aleksandr Dugin"])
    assert r["entities"] == [
        {"id": "konstantin-malofeev", "name": "Konstantin Malofeev", "type": "person"},
        {"id": "alexander-dugin", "name": "Alexander Gelyevich Dugin", "type": "person"}]
    # Tsargrad has 3 links to them, then Big Forum and Small Club (2 each) by name
    assert [x["entity"]["id"] for x in r["results"]] == ["tsargrad", "big-forum", "small-club"]
    tsargrad = r["results"][0]["links"]
    assert list(tsargrad) == ["konstantin-malofeev", "alexander-dugin"]
    assert [l["type"] for l in tsargrad["konstantin-malofeev"]] == ["funds", "owns"]
    assert [l["type"] for l in tsargrad["alexander-dugin"]] == ["employs"]
    assert r["filters"]["statuses"] == ["reported", "alleged", "disputed", "planned"]


def test_three_entities(small):
    r = common_neighbours(small, ["Malofeev", "alexander-dugin", "Ионов"])
    assert [x["entity"]["id"] for x in r["results"]] == ["big-forum"]
    assert {k: [l["type"] for l in v] for k, v in r["results"][0]["links"].items()} == {
        "konstantin-malofeev": ["attended"], "alexander-dugin": ["spoke_at"],
        "alexander-ionov": ["attended"]}


def test_inputs_are_never_results(small):
    # Dugin is tied to both Ionov and the forum, but the forum is an input
    r = common_neighbours(small, ["Ionov", "big-forum"])
    assert [x["entity"]["id"] for x in r["results"]] == ["alexander-dugin"]


def test_filters(small):
    f = LinkFilter.from_options(statuses=["reported"])
    r = common_neighbours(small, ["Malofeev", "alexander-dugin"], link_filter=f)
    assert [x["entity"]["id"] for x in r["results"]] == ["big-forum", "tsargrad"]
    assert r["filters"]["statuses"] == ["reported"]


def test_none(small):
    with pytest.raises(NoAnswer) as info:
        common_neighbours(small, ["Malofeev", "agmr"])
    assert str(info.value) == ("no entity is tied to all of Konstantin Malofeev, "
                               "Anti-Globalization Movement of Russia")
    assert info.value.exit_code == 1


def test_usage(small):
    with pytest.raises(UsageError, match="at least two"):
        common_neighbours(small, ["Malofeev"])
    with pytest.raises(UsageError, match="at least two"):
        common_neighbours(small, "Malofeev")
    with pytest.raises(UsageError, match="given twice"):
        common_neighbours(small, ["Malofeev", "Malofeyev"])
    with pytest.raises(AmbiguousName):
        common_neighbours(small, ["Malofeev", "Dugin"])


def test_bundled_common_ties_are_real():
    d = load()
    r = common_neighbours(d, ["Malofeev", "Dugin"])
    for row in r["results"]:
        for eid, links in row["links"].items():
            assert links
            assert all({l["source"], l["target"]} == {eid, row["entity"]["id"]} for l in links)
