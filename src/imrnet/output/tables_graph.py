"""Rich tables for the network commands: path, ego, centrality, common,
communities and stats.

Each builder takes the plain result of an analysis function and yields Rich
renderables; they stay readable in 80 columns (long cells fold).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> from imrnet.queries.stats import network_stats
>>> [type(r).__name__ for r in stats_tables(network_stats(tiny_dataset()))][-1]
'Text'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from imrnet.output.render import (
    count_table,
    dates_text,
    entity_text,
    filters_text,
    new_table,
    relation_text,
    status_text,
)

__all__ = [
    "path_tables",
    "ego_tables",
    "centrality_tables",
    "common_tables",
    "communities_tables",
    "stats_tables",
]

def _footer(result: dict, *notes: str) -> Iterator[Any]:
    """Dim lines under the tables: any notes, then which links were counted."""
    from rich.text import Text

    for line in (*notes, filters_text(result["filters"])):
        yield Text(line, style="dim")


def path_tables(result: dict, dataset=None, long: bool = False) -> Iterator[Any]:
    """One table per path: each hop's links read in the path's direction.

    Each link comes with its summary and its sources (in full with ``long``).
    """
    from rich.text import Text

    from imrnet.output.evidence import (
        account_positions,
        base_origin,
        link_cell,
        source_details,
        sources_cell,
    )
    from imrnet.output.render import link_phrase

    sources, base = source_details(dataset), base_origin(dataset)
    shown, total = len(result["paths"]), result.get("total")
    hops = result["length"]
    plural = "s" if hops != 1 else ""
    if result.get("max_hops") is None:
        total = len(result["paths"]) if total is None else total
        head = (f"{total} shortest path{'s' if total != 1 else ''} of {hops} hop{plural}"
                + (f", best {shown} shown" if shown < total else ""))
    else:
        limit = result["max_hops"]
        head = (f"best {shown} path{'s' if shown != 1 else ''} of up to {limit} hop"
                f"{'s' if limit != 1 else ''} (the shortest has {hops})")
    yield Text(f"{result['from']['name']} → {result['to']['name']}: {head}")
    for number, path in enumerate(result["paths"], 1):
        names = {n["id"]: n["name"] for n in path["nodes"]}
        chain = " → ".join(n["name"] for n in path["nodes"])
        table = new_table(
            "Link", "Status", "Dates", "Sources",
            title=f"{number}. {chain}",
            caption=f"hub penalty {path['hub_penalty']:.4f} · evidence {path['evidence']:g}",
            caption_justify="right",
        )
        for hop in path["hops"]:
            positions = account_positions(hop["links"])
            for link in table.bounded(hop["links"]):
                table.add_row(
                    link_cell(Text(link_phrase(link, names, from_id=hop["from"])), link, positions, base),
                    status_text(link["status"]),
                    dates_text(link) or "undated",
                    sources_cell(link["sources"], sources, long),
                )
        yield table
    notes = [_RANKED[result.get("rank", "hubs")]]
    if result.get("complete") is False:
        notes.append("The search stopped at its budget: more paths may exist.")
    yield from _footer(result, *notes)


_RANKED = {
    "hubs": "Ranked by hub penalty: sum of ln(degree) of the entities in between.",
    "evidence": "Ranked by evidence: product over hops of the best link's strength "
    "(status reported 1, alleged 1/2, disputed 1/4, planned 1/8; x3/4 on a single source).",
}


def ego_tables(result: dict) -> Iterator[Any]:
    """One table per distance: each entity with its ties to the layer before."""
    from rich.text import Text

    nodes = result["nodes"]
    names = {n["id"]: n["name"] for n in nodes}
    distance = {n["id"]: n["distance"] for n in nodes}
    center = result["center"]
    radius = result["radius"]
    count = len(nodes) - 1
    facts = result.get("facts", len(result["links"]))
    extra = len(result["links"]) - facts
    yield Text.assemble(
        entity_text(center),
        f" ({center['type']}): {count} entit{'y' if count == 1 else 'ies'} within "
        f"{radius} hop{'s' if radius != 1 else ''}, {facts} link{'s' if facts != 1 else ''} among them"
        + (f" ({extra} more competing account{'s' if extra > 1 else ''} of a fact, counted once)"
           if extra else ""),
    )
    from imrnet.output.evidence import account_mark, account_positions

    positions = account_positions(result["links"])
    # Each neighbour's ties to the layer before, read from that nearer side;
    # ties between entities at the same distance are listed after the layers.
    ties: dict[str, list[tuple[str, dict]]] = {}
    across: list[dict] = []
    for link in result["links"]:
        a, b = link["source"], link["target"]
        if distance[a] + 1 == distance[b]:
            ties.setdefault(b, []).append((a, link))
        elif distance[b] + 1 == distance[a]:
            ties.setdefault(a, []).append((b, link))
        else:
            across.append(link)
    # The distances reached, not range(radius): --radius may be huge.
    for d in sorted({n["distance"] for n in nodes} - {0}):
        layer = [n for n in nodes if n["distance"] == d]
        if d == 1:
            title = f"Distance 1 ({len(layer)}): {center['name']} ..."
        else:
            title = f"Distance {d} ({len(layer)}): ties from distance {d - 1}"
        table = new_table("Entity", "Type", "Ties", title=title)
        for node in table.bounded(layer):
            lines = Text("\n").join(
                account_mark(relation_text(
                    link, nearer, subject=names.get(nearer, nearer) if d > 1 else None
                ), link, positions)
                for nearer, link in ties.get(node["id"], [])
            )
            table.add_row(entity_text(node), node["type"], lines)
        yield table
    if across:
        table = new_table("Link", title=f"Ties among entities at the same distance ({len(across)})")
        for link in table.bounded(across):
            table.add_row(account_mark(relation_text(
                link, link["source"], subject=names[link["source"]], object=names[link["target"]]
            ), link, positions))
        yield table
    yield from _footer(result)


_SHORT = {
    "degree": "Degree",
    "betweenness": "Betw.",
    "closeness": "Close.",
    "eigenvector": "Eigenv.",
    "pagerank": "PageRank",
}


def centrality_tables(result: dict) -> Iterator[Any]:
    """The ranking; with ``all``, one column per measure."""
    measure = result["measure"]
    if measure == "all":
        measures = list(_SHORT)
        table = new_table("#", "Entity", *(_SHORT[m] for m in measures),
                          title="Centrality (all measures, ranked by degree)")
        for row in table.bounded(result["results"]):
            table.add_row(str(row["rank"]), entity_text(row),
                          *(f"{row[m]:.4f}" for m in measures))
    else:
        table = new_table("#", "Entity", "Type", measure.capitalize(),
                          title=f"Centrality: {measure}")
        for row in table.bounded(result["results"]):
            table.add_row(str(row["rank"]), entity_text(row), row["type"], f"{row['score']:.4f}")
    for column in table.columns[2:] if measure == "all" else table.columns[3:]:
        column.justify = "right"
    yield table
    notes = [f"Engine: {result['engine']}. Undirected graph of the counted links; "
             "parallel links count once."]
    sample = result.get("sample")
    if sample:
        notes.append(
            f"Betweenness from {sample['sources']:,} sampled sources of "
            f"{sample['entities']:,} entities (seed {sample['seed']}); --sample 0: exact."
        )
    yield from _footer(result, *notes)


def common_tables(result: dict) -> Iterator[Any]:
    """Each shared neighbour with its ties to every given entity."""
    inputs = result["entities"]
    names = {e["id"]: e["name"] for e in inputs}
    for row in result["results"]:
        names[row["entity"]["id"]] = row["entity"]["name"]
    table = new_table(
        "Tied to all", *(e["name"] for e in inputs),
        title=f"{len(result['results'])} entit{'y' if len(result['results']) == 1 else 'ies'} "
        "tied to " + ", ".join(e["name"] for e in inputs),
    )
    from rich.text import Text

    from imrnet.output.evidence import account_mark, account_positions

    for row in table.bounded(result["results"]):
        cells = []
        for e in inputs:
            side = row["links"][e["id"]]
            positions = account_positions(side)
            cells.append(Text("\n").join(
                account_mark(relation_text(link, e["id"]), link, positions) for link in side
            ))
        table.add_row(entity_text(row["entity"]), *cells)
    yield table
    yield from _footer(result)


def communities_tables(result: dict) -> Iterator[Any]:
    """Each community: size, central member and members."""
    seed = f", seed {result['seed']}" if result.get("seed") is not None else ""
    table = new_table("#", "Size", "Central", "Members",
                      title=f"Communities ({result['method']}{seed})")
    for c in table.bounded(result["communities"]):
        members = ", ".join(m["name"] for m in c["members"])
        table.add_row(str(c["index"]), str(c["size"]), entity_text(c["central"]), members)
    yield table
    yield from _footer(
        result,
        f"Engine: {result['engine']}. Central: most distinct neighbours in the whole network.",
    )


def stats_tables(result: dict) -> Iterator[Any]:
    """Overview, counts by type and status, and the top hubs."""
    overview = new_table("Measure", "Value", title="Network")
    for label, key in [
        ("Entities", "entities"),
        ("Links counted", "links"),
        ("Links in dataset", "links_total"),
        ("Linked pairs", "pairs"),
        ("Components", "components"),
        ("Largest component", "largest_component"),
        ("Isolated entities", "isolated"),
    ]:
        overview.add_row(label, str(result[key]))
    lower, upper = result["diameter_bounds"]
    exact = result["diameter_exact"]
    overview.add_row("Diameter (largest component)", str(lower) if exact else f"{lower} to {upper}")
    if result.get("account_groups"):
        overview.add_row("Facts told in competing accounts", str(result["account_groups"]))
    overview.columns[1].justify = "right"
    # A ratio in a column of whole numbers would give it two formats.
    overview.caption = f"Density {result['density']:.4f}"
    overview.caption_justify = "left"
    yield overview
    yield count_table("Entities by type", "Entity type", result["entity_types"])
    yield count_table("Links by status", "Status", result["statuses"], cell=status_text)
    yield count_table("Links by type", "Link type", result["link_types"])
    if result["hubs"]:
        hubs = new_table("#", "Entity", "Type", "Neighbours", "Links", title="Top hubs")
        for hub in hubs.bounded(result["hubs"]):
            hubs.add_row(str(hub["rank"]), entity_text(hub), hub["type"],
                         str(hub["degree"]), str(hub["links"]))
        yield hubs
    notes = [f"Engine: {result['engine']}."]
    if not result["diameter_exact"]:
        notes.append("Diameter: bounds only; the largest component is too large for an exact "
                     "diameter within the search budget.")
    yield from _footer(result, *notes)
