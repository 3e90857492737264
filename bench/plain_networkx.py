"""Baseline: a plain script answering ``path`` with JSON and NetworkX (a script, not a test).

The issue's yardstick for imrnet's first run after a change: read the
JSON Lines of DIR with the standard library (every record, as a loader
must), build a NetworkX graph of every link, and print the shortest paths
between two entities. No checks, no index. Prints one JSON object:
``{"seconds", "paths", "length"}``.

Usage: ``python bench/plain_networkx.py DIR FROM_ID TO_ID``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    start = time.perf_counter()
    import networkx as nx

    directory, source, target = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    graph = nx.MultiGraph()
    with open(directory / "sources.jsonl", encoding="utf-8") as fh:
        sources = {r["id"]: r for r in map(json.loads, fh)}
    with open(directory / "entities.jsonl", encoding="utf-8") as fh:
        for record in map(json.loads, fh):
            graph.add_node(record["id"], **record)
    with open(directory / "links.jsonl", encoding="utf-8") as fh:
        for record in map(json.loads, fh):
            graph.add_edge(record["source"], record["target"], **record)
    paths = list(nx.all_shortest_paths(graph, source, target))
    print(json.dumps({"seconds": time.perf_counter() - start, "paths": len(paths),
                      "length": len(paths[0]) - 1, "sources": len(sources)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
