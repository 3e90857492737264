"""Baseline: igraph's own time on a synthetic dataset's graph (a script, not a test).

Reads ``links.jsonl`` and ``entities.jsonl`` of DIR with the standard
library, builds the same undirected simple graph imrnet measures (vertices
in file order, parallel links once, self-links dropped), then times, in
process, what imrnet's commands ask igraph for: Louvain (``community_multilevel``
seeded 42) and betweenness from the sources ``centrality`` samples (or
exact at 5,000 entities and below). Prints one JSON object of seconds:
``{"read", "build", "louvain", "betweenness", "sources"}``.

Usage: ``python bench/plain_igraph.py DIR``
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

EXACT_MAX, SOURCES, SEED = 5_000, 200, 42  # as imrnet.queries.centrality


def main() -> int:
    import igraph

    directory = Path(sys.argv[1])
    start = time.perf_counter()
    with open(directory / "entities.jsonl", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    with open(directory / "links.jsonl", encoding="utf-8") as fh:
        ends = [(r["source"], r["target"]) for r in map(json.loads, fh)]
    read = time.perf_counter()
    index = {eid: i for i, eid in enumerate(ids)}
    pairs = {tuple(sorted((index[a], index[b]))) for a, b in ends if a != b}
    graph = igraph.Graph(n=len(ids), edges=sorted(pairs))
    built = time.perf_counter()
    igraph.set_random_number_generator(random.Random(SEED))
    graph.community_multilevel()
    louvain = time.perf_counter()
    n = len(ids)
    sources = None if n <= EXACT_MAX else random.Random(SEED).sample(range(n), SOURCES)
    graph.betweenness(directed=False, sources=sources)
    done = time.perf_counter()
    print(json.dumps({
        "read": read - start,
        "build": built - read,
        "louvain": louvain - built,
        "betweenness": done - louvain,
        "sources": n if sources is None else len(sources),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
