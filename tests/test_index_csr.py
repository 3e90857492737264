"""The topology arrays: numpy's placement of the entries is the one-by-one placement, byte for byte."""

from __future__ import annotations

import random
from array import array

import pytest

from imrnet.dataset.loader import load
from imrnet.dataset.locations import bundled_dir
from imrnet.index import csr


def test_entries_of_a_hand_made_network():
    # entity 0 -> 1, 1 -> 1 (a self-link: two entries in row 1), 2 -> 0, 2 -> 1
    offsets, neighbours, numbers, out = csr._place_numpy(array("I", [0, 1, 2, 2]), array("I", [1, 1, 0, 1]), 4)
    assert list(array("I", offsets)) == [0, 2, 6, 8, 8]
    assert list(array("I", neighbours)) == [1, 2, 0, 1, 1, 2, 0, 1]
    assert list(array("I", numbers)) == [0, 2, 0, 1, 1, 3, 2, 3]
    assert list(out) == [1, 0, 0, 1, 0, 0, 1, 1]


@pytest.mark.parametrize("seed", range(20))
def test_numpy_places_every_entry_where_the_loop_does(seed):
    rng = random.Random(seed)
    entities = rng.randint(1, 60)
    count = rng.randint(0, 300)
    sources = array("I", [rng.randrange(entities) for _ in range(count)])
    targets = array("I", [rng.choice((s, rng.randrange(entities))) for s in sources])  # self-links too
    assert csr._place_numpy(sources, targets, entities) == csr._place(sources, targets, entities)


def test_build_gives_the_same_arrays_either_way(monkeypatch):
    dataset = load([bundled_dir()])
    monkeypatch.setattr(csr, "NUMPY_FROM", 10**9)
    one = csr.build(dataset)
    monkeypatch.setattr(csr, "NUMPY_FROM", 0)
    assert csr.build(dataset) == one
    assert len(array("I", one["links"])) == 2 * len(dataset.links)
