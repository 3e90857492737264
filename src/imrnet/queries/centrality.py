"""The most central entities, measured with NetworkX.

Measures are computed on the undirected simple graph of every link that
passes the filter (:func:`imrnet.index.network.to_networkx`): parallel links
between a pair count once, direction is ignored, and entities without
links are included (they score 0, or the minimum). Restricting the ranking
to one entity type (``entity_type``) does not change the graph: scores are
always computed on the whole network.

=============  ==============================================================
measure        NetworkX function
=============  ==============================================================
degree         ``degree_centrality`` (neighbours / (n - 1))
betweenness    ``betweenness_centrality`` (normalized)
closeness      ``closeness_centrality`` (Wasserman-Faust scaling for
               disconnected graphs)
eigenvector    ``eigenvector_centrality`` (up to 10,000 iterations)
pagerank       ``pagerank`` (alpha 0.85, computed by NetworkX with SciPy)
=============  ==============================================================

Scores are rounded to 10 decimal places; ranking is by score, descending,
then name, then id, so it is deterministic. With ``measure="all"`` every
measure is given side by side and the ranking is by degree.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
...                                   Link("2", "a", "c", "met", "reported"),
...                                   Link("3", "a", "c", "funds", "reported")))
>>> r = centrality(d, "degree", top=2)
>>> [(x["rank"], x["id"], round(x["score"], 4)) for x in r["results"]]
[(1, 'a', 0.6667), (2, 'b', 0.3333)]
"""

from __future__ import annotations

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries.inputs import count, entity_types
from imrnet.queries import name_key
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.index.network import filtered_links, to_networkx

__all__ = ["MEASURES", "centrality", "scores"]

#: The measures, in the order ``all`` shows them.
MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector", "pagerank")

EIGENVECTOR_MAX_ITER = 10_000
DIGITS = 10


def scores(graph, measure: str) -> dict[str, float]:
    """One centrality measure of every node of ``graph``, rounded.

    Parameters
    ----------
    graph : networkx.Graph
    measure : str
        One of :data:`MEASURES`.

    Raises
    ------
    UsageError
        For an unknown measure.
    NoAnswer
        When the graph is empty or the power iteration does not converge.

    Examples
    --------
    >>> import networkx as nx
    >>> scores(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    import networkx as nx

    if measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r}; expected one of: {', '.join(MEASURES)}, all")
    if graph.number_of_nodes() == 0:
        raise NoAnswer("the network has no entities to rank")
    try:
        if measure == "degree":
            values = nx.degree_centrality(graph)
        elif measure == "betweenness":
            values = nx.betweenness_centrality(graph)
        elif measure == "closeness":
            values = nx.closeness_centrality(graph)
        elif measure == "eigenvector":
            values = nx.eigenvector_centrality(graph, max_iter=EIGENVECTOR_MAX_ITER)
        else:
            values = nx.pagerank(graph)
    except nx.PowerIterationFailedConvergence:
        raise NoAnswer(
            f"{measure} centrality did not converge on this network; try another --measure"
        ) from None
    except (nx.NetworkXException, ZeroDivisionError) as err:
        raise NoAnswer(f"{measure} centrality cannot be computed on this network: {err}") from None
    return {node: round(float(value), DIGITS) + 0.0 for node, value in values.items()}


def centrality(
    dataset: Dataset,
    measure: str = "degree",
    *,
    top: int | None = 10,
    entity_type: str | None = None,
    link_filter=None,
) -> dict:
    """Rank entities by a centrality measure.

    Parameters
    ----------
    dataset : Dataset
    measure : str
        One of :data:`MEASURES`, or ``"all"`` for every measure side by side.
    top : int or None
        How many to keep (``None``: all).
    entity_type : str, optional
        Rank only entities of this type (scores still use the whole graph).
    link_filter : LinkFilter, optional
        Which links count; all by default.

    Returns
    -------
    dict
        ``{"measure": m, "results": [{"rank", "id", "name", "type",
        "score"}], "filters": {...}}``; with ``"all"`` each result has one
        field per measure (``"degree"``, ``"betweenness"``...) instead of
        ``"score"``, ranked by degree.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity, Link
    >>> ents = {i: Entity(i, i.upper(), t) for i, t in [("a", "person"), ("b", "media"), ("c", "person")]}
    >>> d = Dataset(entities=ents, links=(Link("1", "a", "b", "met", "reported"),
    ...                                   Link("2", "b", "c", "met", "reported")))
    >>> [(x["id"], x["score"]) for x in centrality(d, "betweenness", entity_type="person")["results"]]
    [('a', 0.0), ('c', 0.0)]
    >>> centrality(d, "all")["results"][0]["betweenness"]
    1.0
    """
    link_filter = link_filter or ALL_LINKS
    if measure != "all" and measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r}; expected one of: {', '.join(MEASURES)}, all")
    if top is not None:
        top = count(top, "--top", 1)
    kinds = entity_types([entity_type] if entity_type is not None else None, "--type")
    graph = to_networkx(dataset, filtered_links(dataset, link_filter))
    measures = MEASURES if measure == "all" else (measure,)
    table = {m: scores(graph, m) for m in measures}
    key_measure = measures[0]
    entities = [e for e in dataset.entities.values() if kinds is None or e.type in kinds]
    if not entities:
        raise NoAnswer(f"no entity of type {entity_type} in the dataset")
    entities.sort(key=lambda e: (-table[key_measure][e.id], *name_key(e)))
    if top is not None:
        entities = entities[:top]
    results = []
    for rank, entity in enumerate(entities, 1):
        row = {"rank": rank, **entity.ref()}
        if measure == "all":
            row.update({m: table[m][entity.id] for m in measures})
        else:
            row["score"] = table[measure][entity.id]
        results.append(row)
    return {"measure": measure, "results": results, "filters": link_filter.describe(dataset)}
