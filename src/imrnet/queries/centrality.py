"""The most central entities: NetworkX's measures, computed with igraph.

Measures are computed on the undirected simple graph of every link that
passes the filter (:func:`imrnet.index.engine.to_igraph`, the same graph as
:func:`imrnet.index.network.to_networkx`): parallel links between a pair
count once, direction is ignored, and entities without links are included
(they score 0, or the minimum). Restricting the ranking to one entity type
(``entity_type``) does not change the graph: scores are always computed on
the whole network. From a compiled index the graph is built from its
topology arrays and only the ranked entities' names are read
(:mod:`imrnet.index.measured`).

Each measure is NetworkX's, with NetworkX's default normalisation; igraph
computes it (``"engine": "igraph"`` in every result):

=============  ==============================================================
measure        NetworkX definition reproduced
=============  ==============================================================
degree         ``degree_centrality`` (neighbours / (n - 1))
betweenness    ``betweenness_centrality`` (normalized by (n - 1)(n - 2)/2
               pairs); above :data:`BETWEENNESS_EXACT_MAX` entities, from
               :data:`BETWEENNESS_SOURCES` sampled sources, exactly as
               ``betweenness_centrality(G, k, seed=seed)`` samples them
closeness      ``closeness_centrality`` (Wasserman-Faust scaling for
               disconnected graphs; isolated entities 0)
eigenvector    ``eigenvector_centrality``: the limit of its power iteration
               on A + I from the all-ones vector, unit Euclidean norm,
               positive; in a disconnected graph only the component(s) with
               the largest eigenvalue score above 0
pagerank       ``pagerank`` (alpha 0.85; entities without links teleport
               uniformly)
=============  ==============================================================

NetworkX's iterative measures (eigenvector, PageRank) stop at a tolerance
(sum of changes under n x 1e-6); igraph solves them to machine precision,
so scores agree with NetworkX's to about 1e-5, and to 1e-9 with NetworkX
run at a tight tolerance (``tol=1e-12``). Exact betweenness and closeness
are equal to 1e-12.

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
>>> [(x["rank"], x["id"], round(x["score"], 4)) for x in r["results"]], r["engine"]
([(1, 'a', 0.6667), (2, 'b', 0.3333)], 'igraph')
"""

from __future__ import annotations

import math

from imrnet.queries.filters import ALL_LINKS
from imrnet.queries.inputs import count, entity_types, unknown_value
from imrnet.errors import NoAnswer, UsageError
from imrnet.dataset.model import Dataset
from imrnet.index.engine import ENGINE, EngineGraph, load_igraph, to_igraph
from imrnet.index.measured import measured, top_ranked, vertices_of_types

__all__ = [
    "MEASURES",
    "BETWEENNESS_EXACT_MAX",
    "BETWEENNESS_SOURCES",
    "centrality",
    "scores",
    "vertex_scores",
    "betweenness_sources",
]

#: The measures, in the order ``all`` shows them.
MEASURES: tuple[str, ...] = ("degree", "betweenness", "closeness", "eigenvector", "pagerank")

#: Betweenness is exact up to this many entities (a few seconds); above, it is sampled.
BETWEENNESS_EXACT_MAX = 5_000
#: Sources sampled above :data:`BETWEENNESS_EXACT_MAX` (~10 s at 100,000 entities).
BETWEENNESS_SOURCES = 200
DIGITS = 10
#: Largest eigenvalues closer than this (relatively) are ties.
_TIE = 1e-9


def betweenness_sources(n: int, sample: int | None = None, seed: int = 42) -> list[int] | None:
    """The vertices betweenness starts from: ``None`` for all of them (exact).

    ``sample=None`` samples :data:`BETWEENNESS_SOURCES` vertices when ``n``
    exceeds :data:`BETWEENNESS_EXACT_MAX`; ``0`` always means exact; a
    sample as large as ``n`` is exact. The draw is
    ``random.Random(seed).sample(range(n), k)``: the sources NetworkX's
    ``betweenness_centrality(G, k, seed=seed)`` takes on the same graph.

    Examples
    --------
    >>> betweenness_sources(10) is None, betweenness_sources(10, 3, seed=1)
    (True, [2, 1, 4])
    >>> len(betweenness_sources(BETWEENNESS_EXACT_MAX + 1)) == BETWEENNESS_SOURCES
    True
    >>> betweenness_sources(10, 1)
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: --sample must be 0 (exact) or at least 2, not 1
    """
    import random

    if sample is None:
        sample = BETWEENNESS_SOURCES if n > BETWEENNESS_EXACT_MAX else 0
    elif isinstance(sample, bool) or not isinstance(sample, int) or sample < 0 or sample == 1:
        raise UsageError(f"--sample must be 0 (exact) or at least 2, not {sample!r}")
    seed = count(seed, "--seed", 0)
    if sample == 0 or sample >= n:
        return None
    return random.Random(seed).sample(range(n), sample)


def _betweenness(g, sources: list[int] | None) -> list[float]:
    n = g.vcount()
    if n <= 2:
        return [0.0] * n
    if sources is None:
        # igraph counts each unordered pair once; NetworkX divides by the ordered pairs.
        scale = 2 / ((n - 1) * (n - 2))
        return [b * scale for b in g.betweenness(directed=False)]
    # NetworkX >= 3.5 with k sources (endpoints excluded): a source cannot
    # lie on its own paths, so it is scaled by k - 1 sources instead of k.
    k = len(sources)
    raw = g.betweenness(directed=False, sources=sources)
    chosen = set(sources)
    source_scale, other_scale = 2 / ((k - 1) * (n - 2)), 2 / (k * (n - 2))
    return [b * (source_scale if v in chosen else other_scale) for v, b in enumerate(raw)]


def _closeness(g) -> list[float]:
    n = g.vcount()
    if n <= 1:
        return [0.0] * n
    membership = g.connected_components().membership
    sizes: dict[int, int] = {}
    for c in membership:
        sizes[c] = sizes.get(c, 0) + 1
    # igraph: (reached - 1) / distances to the reached; NetworkX scales that
    # by (reached - 1) / (n - 1) (Wasserman-Faust). Isolated: NaN -> 0.
    return [
        0.0 if math.isnan(c) else c * (sizes[m] - 1) / (n - 1)
        for c, m in zip(g.closeness(normalized=True), membership)
    ]


def _eigenvector(g) -> list[float]:
    import warnings

    n = g.vcount()
    if g.ecount() == 0:  # A + I = I: the all-ones start never moves
        return [1 / math.sqrt(n)] * n
    degrees = g.degree()
    best, winners = 0.0, []
    for members in sorted(g.connected_components(), key=len, reverse=True):
        if len(members) < 2 or max(degrees[v] for v in members) < best * (1 - _TIE):
            continue  # an eigenvalue never exceeds the largest degree
        members = sorted(members)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            vector, value = g.induced_subgraph(members).eigenvector_centrality(
                return_eigenvalue=True
            )
        if value > best * (1 + _TIE):
            best, winners = value, []
        if value >= best * (1 - _TIE):
            winners.append((members, [abs(x) for x in vector]))
    # The power iteration from all ones converges to the projection of the
    # ones vector on the leading eigenspace: each winning component's unit
    # Perron vector weighted by its sum; every other component fades to 0.
    values = [0.0] * n
    for members, vector in winners:
        norm = math.sqrt(sum(x * x for x in vector))
        weight = sum(vector) / norm
        for v, x in zip(members, vector):
            values[v] = weight * x / norm
    norm = math.sqrt(sum(x * x for x in values))
    return [x / norm for x in values]


def _values(eg: EngineGraph, measure: str, sources: list[int] | None) -> list[float]:
    g = eg.graph
    n = g.vcount()
    if measure == "degree":
        return [1.0] if n == 1 else [d / (n - 1) for d in g.degree()]
    if measure == "betweenness":
        return _betweenness(g, sources)
    if measure == "closeness":
        return _closeness(g)
    if measure == "eigenvector":
        return _eigenvector(g)
    return [1.0] if n == 1 else g.pagerank(directed=False, damping=0.85)


def scores(eg: EngineGraph, measure: str, sources: list[int] | None = None) -> dict[str, float]:
    """One centrality measure of every entity of ``eg``, rounded.

    Parameters
    ----------
    eg : EngineGraph
        From :func:`imrnet.index.engine.to_igraph`.
    measure : str
        One of :data:`MEASURES`.
    sources : list of int, optional
        Betweenness only: the sampled source vertices
        (:func:`betweenness_sources`); ``None`` for exact.

    Raises
    ------
    UsageError
        For an unknown measure.
    NoAnswer
        When the graph is empty or igraph cannot compute the measure.

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity, Link
    >>> ents = {i: Entity(i, i, "person") for i in "abc"}
    >>> eg = to_igraph(Dataset(entities=ents), [Link("1", "a", "b", "met", "reported"),
    ...                                         Link("2", "b", "c", "met", "reported")])
    >>> scores(eg, "betweenness")
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    return eg.by_id(vertex_scores(eg, measure, sources))


def vertex_scores(eg: EngineGraph, measure: str, sources: list[int] | None = None) -> list[float]:
    """One centrality measure of every vertex of ``eg``, rounded, in vertex order.

    As :func:`scores`, without the entity ids.

    Examples
    --------
    >>> import igraph
    >>> vertex_scores(EngineGraph(igraph.Graph.Star(3), ("a", "b", "c"), (2, 1, 1)), "degree")
    [1.0, 0.5, 0.5]
    """
    igraph = load_igraph()

    if measure not in MEASURES:
        raise unknown_value("measure", measure, (*MEASURES, "all"))
    if len(eg) == 0:
        raise NoAnswer("the network has no entities to rank")
    try:
        values = _values(eg, measure, sources)
    except igraph.InternalError as err:
        raise NoAnswer(f"{measure} centrality cannot be computed on this network: {err}") from None
    return [round(float(v), DIGITS) + 0.0 for v in values]


def centrality(
    dataset: Dataset,
    measure: str = "degree",
    *,
    top: int | None = 10,
    entity_type: str | None = None,
    link_filter=None,
    sample: int | None = None,
    seed: int = 42,
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
    sample : int, optional
        Betweenness from this many sampled sources (0: exact); by default
        exact up to :data:`BETWEENNESS_EXACT_MAX` entities, else
        :data:`BETWEENNESS_SOURCES` sources.
    seed : int
        Seed of the sampled sources.

    Returns
    -------
    dict
        ``{"measure": m, "engine": "igraph", "sample": None or {"sources":
        k, "entities": n, "seed": s}, "results": [{"rank", "id", "name",
        "type", "score"}], "filters": {...}}``; with ``"all"`` each result
        has one field per measure (``"degree"``, ``"betweenness"``...)
        instead of ``"score"``, ranked by degree. ``sample`` says how
        betweenness was sampled (``None``: exact, or not computed).

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
    >>> centrality(d, "betweenness", sample=2, seed=1)["sample"]
    {'sources': 2, 'entities': 3, 'seed': 1}
    """
    link_filter = link_filter or ALL_LINKS
    if measure != "all" and measure not in MEASURES:
        raise unknown_value("measure", measure, (*MEASURES, "all"))
    if top is not None:
        top = count(top, "--top", 1)
    kinds = entity_types([entity_type] if entity_type is not None else None, "--type")
    measures = MEASURES if measure == "all" else (measure,)
    sources = betweenness_sources(len(dataset.entities), sample, seed)
    eligible = vertices_of_types(dataset, kinds)
    if dataset.entities and not eligible:
        raise NoAnswer(f"no entity of type {entity_type} in the dataset")
    view = measured(dataset, link_filter)
    eg = view.graph
    table = {m: vertex_scores(eg, m, sources) for m in measures}
    ranked = top_ranked(table[measures[0]], eligible, top, view.names)
    refs = view.refs(ranked)
    results = []
    for rank, v in enumerate(ranked, 1):
        row = {"rank": rank, **refs[v]}
        if measure == "all":
            row.update({m: table[m][v] for m in measures})
        else:
            row["score"] = table[measure][v]
        results.append(row)
    sampled = sources is not None and "betweenness" in measures
    return {
        "measure": measure,
        "engine": ENGINE,
        "sample": (
            {"sources": len(sources), "entities": len(eg), "seed": seed} if sampled else None
        ),
        "results": results,
        "filters": link_filter.describe(dataset),
    }
