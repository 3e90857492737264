"""The loader/measure split of imrnet's heavy commands, in one process (a script, not a test).

Loads DIR the way the commands do, then times each library call the heavy
commands make (``network_stats``, ``find_communities``, betweenness
``centrality``), so the cost of reading the data and the cost of the
measure are told apart. Prints one JSON object of seconds:
``{"load", "import_igraph", "stats", "communities", "betweenness"}``.

Usage: ``python bench/measures.py DIR``
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    from imrnet.cli.options import load_dataset
    from imrnet.queries.centrality import centrality
    from imrnet.queries.communities import find_communities
    from imrnet.queries.stats import network_stats

    figures = {}
    start = time.perf_counter()
    dataset = load_dataset([sys.argv[1]])
    figures["load"] = time.perf_counter() - start
    start = time.perf_counter()
    import igraph  # noqa: F401  (paid once by each command, timed apart)

    figures["import_igraph"] = time.perf_counter() - start
    for name, call in (
        ("stats", lambda: network_stats(dataset)),
        ("communities", lambda: find_communities(dataset)),
        ("betweenness", lambda: centrality(dataset, "betweenness")),
    ):
        start = time.perf_counter()
        call()
        figures[name] = time.perf_counter() - start
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
