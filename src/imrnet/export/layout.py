"""Deterministic node positions shared by ``draw`` and ``html``.

A force-directed layout (NetworkX's ForceAtlas2, Gephi's default, which
keeps hubs' neighbours apart) from a fixed seed, on the undirected simple
graph of the selection. The largest connected component fills the left;
smaller ones and isolated entities are stacked in a column on its right,
so small islands do not fly off. Same data and seed, same positions.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> s = select(Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "reported"),)))
>>> pos = positions(s)
>>> sorted(pos) == ["a", "b", "c", "d"], positions(s) == pos
(True, True)
"""

from __future__ import annotations

import math

__all__ = ["positions"]


def _component(sub, seed: int) -> dict:
    """Positions of one connected component, about ``sqrt(n)`` across.

    The core (entities with two or more neighbours) is laid out by
    ForceAtlas2; each core entity's leaves (entities tied to it alone) are
    then fanned out around it, facing away from its core neighbours, so a
    hub's many leaves do not pile up on top of each other.
    """
    import networkx as nx

    n = sub.number_of_nodes()
    if n <= 3:
        return nx.circular_layout(sub, scale=0.6 if n > 1 else 0.0)
    leaves = {v for v in sub if sub.degree(v) == 1}
    core = sub.subgraph([v for v in sub if v not in leaves])
    if core.number_of_nodes() < 3:
        core, leaves = sub, set()
    pos = nx.forceatlas2_layout(
        core, pos=nx.random_layout(core, seed=seed), seed=seed, max_iter=400, scaling_ratio=6.0, gravity=1.0
    )
    pos = {v: (float(x), float(y)) for v, (x, y) in pos.items()}
    lengths = sorted(math.dist(pos[a], pos[b]) for a, b in core.edges())
    unit = lengths[len(lengths) // 2] if lengths else 1.0
    by_parent: dict = {}
    for leaf in sorted(leaves):
        by_parent.setdefault(next(iter(sub[leaf])), []).append(leaf)
    for parent, kids in by_parent.items():
        px, py = pos[parent]
        others = [pos[v] for v in core[parent]]
        away = math.atan2(py - sum(y for _, y in others) / len(others),
                          px - sum(x for x, _ in others) / len(others)) if others else 0.0
        k = len(kids)
        spread = min(2 * math.pi * (1 - 1 / (k + 1)), 0.45 * k)
        radius = 0.6 * unit * (1 + k / 6)
        for i, kid in enumerate(kids):
            angle = away + (spread * (i / (k - 1) - 0.5) if k > 1 else 0.0)
            pos[kid] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
    pos = nx.rescale_layout_dict(pos, scale=math.sqrt(n))
    return _spread({v: (float(x), float(y)) for v, (x, y) in pos.items()})


def _spread(pos: dict, gap: float = 0.62, rounds: int = 60) -> dict:
    """Push apart entities closer than ``gap`` (room for a name), in sorted order."""
    nodes = sorted(pos)
    xy = {v: list(pos[v]) for v in nodes}
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx, dy = xy[b][0] - xy[a][0], xy[b][1] - xy[a][1]
                d = math.hypot(dx, dy)
                if d >= gap:
                    continue
                if d == 0.0:
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (gap - d) / 2 / d
                xy[a][0] -= dx * push
                xy[a][1] -= dy * push
                xy[b][0] += dx * push
                xy[b][1] += dy * push
                moved = True
        if not moved:
            break
    return {v: (xy[v][0], xy[v][1]) for v in nodes}


def positions(selection, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Entity id to ``(x, y)``; components scaled by their size, the largest on the left."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(selection.entities)
    graph.add_edges_from((l.source, l.target) for l in selection.links)
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    placed: dict[str, tuple[float, float]] = {}
    if not parts:
        return placed
    main = _component(graph.subgraph(sorted(parts[0])), seed)
    for node, (x, y) in main.items():
        placed[node] = (float(x), float(y))
    top = max(y for _, y in placed.values())
    column = max(x for x, _ in placed.values()) + 2.0
    y_cursor = top
    for part in parts[1:]:
        pos = _component(graph.subgraph(sorted(part)), seed)
        height = max(p[1] for p in pos.values()) - min(p[1] for p in pos.values())
        for node, (x, y) in pos.items():
            placed[node] = (float(column + x), float(y_cursor - height / 2 + y))
        y_cursor -= height + 0.9
    return placed
