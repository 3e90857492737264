"""Fixtures shared by the test modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from imrnet.dataset.loader import load

#: The hand-checked graph fixture: 13 entities, 15 links, answers known by hand.
SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"


@pytest.fixture(scope="session")
def small():
    """The ``fixtures/graph/small`` dataset, loaded once."""
    return load([SMALL])


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory):
    """One cache directory for the whole run: indexes are keyed by content and checked for freshness."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_cache(session_cache, monkeypatch):
    """Every test reads and writes the run's own cache directory, never the user's.

    The tests of the cache itself give each test an empty one
    (``tests/test_index_cache.py``).
    """
    monkeypatch.setenv("IMRNET_CACHE_DIR", str(session_cache))


@pytest.fixture(scope="session")
def dataset_of():
    """Build the dataset whose simple graph is a NetworkX graph: nodes in its order, ``met`` links."""
    from imrnet.dataset.model import Dataset, Entity, Link

    def build(graph):
        ents = {str(n): Entity(str(n), f"N{n}", "person") for n in graph}
        links = tuple(Link(f"l{i}", str(a), str(b), "met", "reported")
                      for i, (a, b) in enumerate(graph.edges()))
        return Dataset(entities=ents, links=links)

    return build


@pytest.fixture(scope="session")
def repo_script():
    """Import a script of the repository (``scripts/``, ``bench/``) by its path from the root."""

    def load(relative: str):
        path = Path(__file__).resolve().parents[1] / relative
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
