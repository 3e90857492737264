"""Pictures of a selection: SVG, PNG or PDF drawn with matplotlib.

Nodes are coloured by entity type (legend), sized by degree and labelled
with their names; links are coloured by kind (affiliation grey,
adversarial red, coverage blue) and styled by status (reported solid,
alleged dashed, disputed dotted, planned dash-dotted); arrows point from
source to target, symmetric relations have none. Parallel links between
two entities are drawn as one line labelled with every relation. Edge
labels are drawn when they stay legible (``auto``: at most
:data:`MAX_EDGE_LABELS` lines). Positions come from
:func:`imrnet.export.layout.positions` with a fixed seed, and the files
carry no date, so the same data gives the same picture.

matplotlib is imported only here, by ``imrnet draw``.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> from imrnet.export.selection import select
>>> ents = {i: Entity(i, i.upper(), "person") for i in "ab"}
>>> svg = draw(select(Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "alleged"),))), "svg")
>>> svg.startswith(b"<?xml") and b"</svg>" in svg
True
"""

from __future__ import annotations

import io
import textwrap
from collections import defaultdict
from pathlib import Path

from imrnet.errors import UsageError
from imrnet.export.attributes import STATUS_STYLES, TYPE_COLOURS
from imrnet.export.graph import describe_text

__all__ = ["draw", "picture_format", "PICTURE_FORMATS", "MAX_EDGE_LABELS"]

#: File extensions ``draw`` writes.
PICTURE_FORMATS = ("svg", "png", "pdf")
#: ``--edge-labels auto`` labels edges up to this many lines.
MAX_EDGE_LABELS = 70
KIND_COLOURS = {"affiliation": "#6b6b6b", "adversarial": "#c0392b", "coverage": "#2e86c1"}
_STATUS_ORDER = ("reported", "alleged", "disputed", "planned")
_LABEL_CHOICES = ("auto", "all", "none")


def picture_format(path: Path) -> str:
    """The picture format named by ``path``'s extension.

    Examples
    --------
    >>> picture_format(Path("net.SVG"))
    'svg'
    >>> picture_format(Path("net.gif"))
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: cannot draw to net.gif: name the file .svg, .png or .pdf
    """
    kind = Path(path).suffix.lower().lstrip(".")
    if kind not in PICTURE_FORMATS:
        raise UsageError(f"cannot draw to {path}: name the file .svg, .png or .pdf")
    return kind


def _pairs(links):
    """Links grouped by entity pair: (a, b) -> links, in file order."""
    grouped = defaultdict(list)
    for link in links:
        key = (link.source, link.target) if link.source <= link.target else (link.target, link.source)
        grouped[key].append(link)
    return grouped


def draw(selection, kind: str = "svg", *, edge_labels: str = "auto", seed: int = 7) -> bytes:
    """The picture of ``selection`` as bytes of format ``kind`` (svg, png, pdf)."""
    if edge_labels not in _LABEL_CHOICES:
        raise UsageError(f"--edge-labels must be one of {', '.join(_LABEL_CHOICES)}, not {edge_labels!r}")
    import matplotlib

    from imrnet.export.layout import positions

    pos = positions(selection, seed=seed)
    # text stays text in SVG (searchable, smaller); fixed ids make files repeatable
    with matplotlib.rc_context({"svg.hashsalt": "imrnet", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans"}):
        return _picture(selection, pos, kind, edge_labels)


def _picture(selection, pos: dict, kind: str, edge_labels: str) -> bytes:
    """Draw on a bare Figure (no pyplot: no global figure manager to import and keep)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    pairs = _pairs(selection.links)
    degree = defaultdict(int)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    n = len(selection.entities)
    side = min(22.0, max(8.0, 2.1 * n ** 0.5))
    fig = Figure(figsize=(side * 1.25, side), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.set_axis_off()
    sizes = {eid: 180 + 90 * degree[eid] ** 0.9 for eid in selection.entities}
    show_labels = edge_labels == "all" or (edge_labels == "auto" and len(pairs) <= MAX_EDGE_LABELS)
    for (a, b), links in pairs.items():
        best = min(links, key=lambda l: _STATUS_ORDER.index(l.status))
        directed = [l for l in links if not l.symmetric]
        forward = any(l.source == a for l in directed)
        backward = any(l.source == b for l in directed)
        style = "<|-|>" if forward and backward else "-|>" if forward else "<|-" if backward else "-"
        patch = FancyArrowPatch(
            pos[a], pos[b], arrowstyle=style, mutation_scale=11,
            color=KIND_COLOURS[best.kind], linestyle=STATUS_STYLES[best.status],
            linewidth=1.0 + 0.4 * min(len(links), 4), alpha=0.75,
            shrinkA=(sizes[a] ** 0.5) / 2 + 1, shrinkB=(sizes[b] ** 0.5) / 2 + 1,
            connectionstyle="arc3,rad=0.06", zorder=1,
        )
        # add_artist, not add_patch: the limits are set below, and add_patch would
        # work out the arrow's whole path (clipped to both nodes) only to widen them
        ax.add_artist(patch)
        if show_labels:
            words = ", ".join(dict.fromkeys(l.label for l in links))
            # nearer the smaller end, so labels of a hub's spokes spread out
            (xa, ya), (xb, yb) = (pos[a], pos[b]) if degree[a] >= degree[b] else (pos[b], pos[a])
            ax.text(xa + 0.62 * (xb - xa), ya + 0.62 * (yb - ya), textwrap.fill(words, 22), fontsize=6.5,
                    color="#444444", ha="center", va="center", zorder=2,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    # one collection for every node (drawn in the same order as one scatter each)
    ax.scatter([pos[eid][0] for eid in selection.entities], [pos[eid][1] for eid in selection.entities],
               s=[sizes[eid] for eid in selection.entities],
               c=[TYPE_COLOURS[e.type] for e in selection.entities.values()], edgecolors="white",
               linewidths=1.2, zorder=3)
    for eid, entity in selection.entities.items():
        x, y = pos[eid]
        ax.text(x, y - 0.012 * side - (sizes[eid] ** 0.5) * 0.004 * side / 8, textwrap.fill(entity.name, 24, break_on_hyphens=False),
                fontsize=8 if n <= 45 else 7, ha="center", va="top", zorder=4,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    pad = 0.08 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad * 1.3, max(ys) + pad)
    _legend(ax, selection, Line2D)
    title = describe_text(selection).removeprefix("imrnet: ")
    ax.set_title(f"{title[0].upper()}{title[1:]}: {n} entities, {len(selection.links)} links",
                 fontsize=13, loc="left")
    fig.text(0.01, 0.005, "Size: number of neighbours. Arrow: from source to target. "
             "Generated by imrnet from its cited sources.", fontsize=7, color="#666666")
    fig.tight_layout()
    # tight_layout leaves a placeholder layout engine, for which savefig draws
    # the whole figure once more before drawing it for real: the layout is done.
    fig.set_layout_engine(None)
    out = io.BytesIO()
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[kind]
    # zlib level 3 compresses a network picture within 1% of the default level 6, in half the time
    extra = {"pil_kwargs": {"compress_level": 3}} if kind == "png" else {}
    fig.savefig(out, format=kind, metadata=metadata, **extra)
    return out.getvalue()


def _legend(ax, selection, Line2D) -> None:
    types = list(dict.fromkeys(e.type for e in selection.entities.values()))
    statuses = [s for s in _STATUS_ORDER if any(l.status == s for l in selection.links)]
    kinds = [k for k in KIND_COLOURS if any(l.kind == k for l in selection.links)]
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=TYPE_COLOURS[t],
               markeredgecolor="white", label=t.replace("_", " "))
        for t in types
    ]
    handles += [Line2D([], [], color="#444444", linestyle=STATUS_STYLES[s], label=s) for s in statuses]
    handles += [Line2D([], [], color=KIND_COLOURS[k], linewidth=2.5, label=k) for k in kinds]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=9, title="Entities, links", title_fontsize=9)
