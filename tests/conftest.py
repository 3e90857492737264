"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from imrnet.dataset.loader import load

#: The hand-checked graph fixture: 13 entities, 15 links, answers known by hand.
SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"


@pytest.fixture(scope="session")
def small():
    """The ``fixtures/graph/small`` dataset, loaded once."""
    return load([SMALL])


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own empty cache directory, never the user's."""
    monkeypatch.setenv("IMRNET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
