"""Commands: path, ego, centrality, common, communities, stats.

Thin wrappers over :mod:`imrnet.queries`; igraph, NetworkX, Rich and the analysis
modules are imported inside the command bodies so that ``imrnet --help``
and ``imrnet path ... --json`` stay fast. Numbers and choices are read as
text and checked here, so a bad value gets a one-line message (exit 2).
"""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from imrnet.cli import command
from imrnet.cli.options import (
    repeatable,
    DataOption,
    JsonOption,
    NAME_HELP,
    TYPES_TEXT,
    EntityArgument,
    complete_entity,
    complete_types,
    entity_argument,
    load_dataset,
    whole_number,
)

from imrnet.cli.formats import LongOption, answer, tables

if TYPE_CHECKING:  # the commands receive one, built by @command(filters=True)
    from imrnet.queries.filters import LinkFilter

__all__ = ["path", "ego", "centrality", "common", "communities", "stats"]

AvoidOption = repeatable(
    "--avoid", metavar="NAME", help="Route around this entity (repeatable).",
    complete=complete_entity,
)
ViaTypeOption = repeatable(
    "--via-type",
    metavar="TYPE",
    help=f"Allow only this entity type in between (repeatable, or comma-separated): {TYPES_TEXT}.",
    complete=complete_types,
)
ExcludeTypeOption = repeatable(
    "--exclude-type", metavar="TYPE", help="Forbid this entity type in between (repeatable, or comma-separated).",
    complete=complete_types,
)

_MEASURES = "degree, betweenness, closeness, eigenvector, pagerank, all"
_METHODS = "louvain, greedy, label-propagation"


def _complete_measures(incomplete: str) -> list[str]:
    return [m for m in _MEASURES.split(", ") if m.startswith(incomplete)]


def _complete_methods(incomplete: str) -> list[str]:
    return [m for m in _METHODS.split(", ") if m.startswith(incomplete)]


def _complete_ranks(incomplete: str) -> list[str]:
    return [r for r in ("hubs", "evidence") if r.startswith(incomplete)]




@command("path", filters=True, ties="affiliation")
def path(
    source: Annotated[str, entity_argument("FROM", "Start: " + NAME_HELP)],
    target: Annotated[str, entity_argument("TO", "End: " + NAME_HELP)],
    limit: Annotated[
        str, typer.Option("--limit", metavar="N", help="Show at most N paths, best first.")
    ] = "10",
    avoid: AvoidOption = None,
    via_type: ViaTypeOption = None,
    exclude_type: ExcludeTypeOption = None,
    directed: Annotated[
        bool,
        typer.Option(
            "--directed",
            help="Follow links only from source to target; symmetric types "
            "(met, family, associate...) count both ways.",
        ),
    ] = False,
    rank: Annotated[
        str,
        typer.Option(
            "--rank", metavar="hubs|evidence",
            help="Order paths by hub penalty (hubs: lowest first) or by evidence score "
            "(evidence: best established first).",
            autocompletion=_complete_ranks,
        ),
    ] = "hubs",
    max_hops: Annotated[
        Optional[str],
        typer.Option(
            "--max-hops", metavar="N",
            help="List the best simple paths of up to N hops, not only the shortest.",
            show_default=False,
        ),
    ] = None,
    long: LongOption = False,
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """The best paths between two entities, along affiliation ties by default.

    Each hop comes with the links behind it, read in the path's direction
    ("Konstantin Malofeev funds Tsargrad Group") with its status, dates and
    sources. Paths follow affiliation ties (leads, funds, member of,
    attended...): a sanction or a news report is evidence, not a channel
    (--ties all follows every kind). Without --max-hops only the shortest
    paths count; with --max-hops N every simple path of up to N hops does.

    --rank hubs (default): by hub penalty, the sum over the entities in
    between of ln(degree) (their number of distinct neighbours), lowest
    first. --rank evidence: by evidence score, the product over the hops of
    the strength of the hop's best link, highest first. Strength = status
    weight (reported 1, alleged 1/2, disputed 1/4, planned 1/8) x sources
    (two or more independent documents 1, one 3/4; a source read through
    another counts as that one). Both figures are printed with each path.
    Ties: fewer hops, then entity ids. No path: exit 1.

    Examples:

      imrnet path Malofeev Dugin

      imrnet path Ionov Tsargrad --avoid "Konstantin Malofeev" --status reported

      imrnet path Malofeev Ionov --rank evidence --max-hops 4

      imrnet path Malofeev Dugin --directed --exclude-type event --json
    """
    from imrnet.queries.path import find_paths

    count = whole_number(limit, "--limit", 1)
    hops = None if max_hops is None else whole_number(max_hops, "--max-hops", 1)
    dataset = load_dataset(data)
    answer(
        lambda: find_paths(
            dataset,
            source,
            target,
            link_filter=link_filter,
            avoid=avoid or (),
            via_types=via_type,
            exclude_types=exclude_type,
            directed=directed,
            limit=count,
            rank=rank,
            max_hops=hops,
        ),
        json=json,
        table=tables("tables_graph:path_tables", dataset=dataset, long=long),
    )


@command("ego", filters=True)
def ego(
    center: EntityArgument,
    radius: Annotated[
        str, typer.Option("--radius", "-r", metavar="N", help="Hops from the entity (at least 1).")
    ] = "1",
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """An entity's neighbourhood, grouped by distance.

    Each neighbour is listed with the ties that reach it.

    Distances ignore link direction. Every kind of tie counts (--ties
    narrows it); adversarial and coverage ties are marked. Tables list, for
    each neighbour, its ties to the entities one hop nearer. The JSON lists the entity itself
    (distance 0), every neighbour within the radius, and every counted link
    among all of them (ties between neighbours included).

    Examples:

      imrnet ego Ionov

      imrnet ego Tsargrad --radius 2 --status reported

      imrnet ego agmr --json | jq '.nodes[] | select(.distance == 1) | .name'
    """
    from imrnet.queries.ego import ego_network

    hops = whole_number(radius, "--radius", 1)
    dataset = load_dataset(data)

    def alone(result: dict) -> str | None:
        if len(result["nodes"]) > 1:
            return None
        from imrnet.output.render import filters_text

        name = result["center"]["name"]
        return f"{name} has no counted link ({filters_text(result['filters'])})"

    answer(lambda: ego_network(dataset, center, radius=hops, link_filter=link_filter),
           json=json, table=tables("tables_graph:ego_tables"), empty=alone)


@command("centrality", filters=True, ties="affiliation")
def centrality(
    measure: Annotated[
        str,
        typer.Option(
            "--measure",
            "-m",
            metavar="MEASURE",
            help=f"One of {_MEASURES} (side by side, ranked by degree).",
            autocompletion=_complete_measures,
        ),
    ] = "degree",
    top: Annotated[str, typer.Option("--top", "-n", metavar="N", help="Show the top N.")] = "10",
    entity_type: Annotated[
        Optional[str],
        typer.Option(
            "--type",
            metavar="TYPE",
            help=f"Rank only this entity type ({TYPES_TEXT}); scores still use the whole graph.",
            autocompletion=complete_types,
            show_default=False,
        ),
    ] = None,
    sample: Annotated[
        Optional[str],
        typer.Option(
            "--sample",
            metavar="K",
            help="Betweenness from K sampled sources (0: exact). Default: exact up to "
            "5,000 entities, else 200 sources.",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        str, typer.Option("--seed", metavar="N", help="Random seed of the sampled sources.")
    ] = "42",
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Rank entities by centrality (computed by igraph).

    Measures: degree, betweenness, closeness, eigenvector, PageRank, as
    NetworkX defines and normalises them.

    Computed on the undirected simple graph of all links that pass the
    filters: parallel links between a pair count once, direction is
    ignored, isolated entities are included. Only affiliation ties count
    by default (a sanction or a news report is no channel of influence;
    --ties all counts every kind). Ties in rank are ordered by name.
    Above 5,000 entities betweenness is estimated from sampled sources, as
    the output says.

    Examples:

      imrnet centrality

      imrnet centrality --measure betweenness --top 5 --type person

      imrnet centrality --measure all --status reported --json | jq '.results[0]'

      imrnet centrality --measure betweenness --sample 50 --seed 7 --top 3
    """
    from imrnet.queries.centrality import centrality as rank

    count = whole_number(top, "--top", 1)
    sources = None if sample is None else whole_number(sample, "--sample", 0)
    number = whole_number(seed, "--seed", 0)
    wanted = measure.strip().lower()
    dataset = load_dataset(data)
    answer(
        lambda: rank(dataset, wanted, top=count, entity_type=entity_type, link_filter=link_filter,
                     sample=sources, seed=number),
        json=json, table=tables("tables_graph:centrality_tables"),
        shape=lambda: {"measure": wanted, "results": [], "filters": link_filter.describe(dataset)},
    )


@command("common", filters=True, ties="affiliation")
def common(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME",
            help="Two or more entities: " + NAME_HELP,
            autocompletion=complete_entity,
            show_default=False,
        ),
    ],
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Entities tied to all of the given ones (interlocks).

    Each comes with the links on each side.

    Any counted link, of any type or direction, ties two entities; only
    affiliation ties count by default (--ties all counts sanctions and news
    reports too). The entities tied by the most links come first. None:
    exit 1.

    Examples:

      imrnet common Malofeev Dugin

      imrnet common Malofeev Dugin Seagal --status reported

      imrnet common Malofeev "Alexander Dugin" --json | jq '.results[].entity.id'
    """
    from imrnet.queries.common import common_neighbours

    if len(names) < 2:
        from imrnet.errors import UsageError

        raise UsageError("give at least two entities to find what ties them")
    dataset = load_dataset(data)
    answer(lambda: common_neighbours(dataset, names, link_filter=link_filter), json=json,
           table=tables("tables_graph:common_tables"))


@command("communities", filters=True, ties="affiliation")
def communities(
    method: Annotated[
        str,
        typer.Option(
            "--method",
            metavar="METHOD",
            help=f"One of {_METHODS}.",
            autocompletion=_complete_methods,
        ),
    ] = "louvain",
    seed: Annotated[
        str, typer.Option("--seed", metavar="N", help="Random seed of Louvain (repeatable results).")
    ] = "42",
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Communities of the network, with their members.

    Methods: Louvain, greedy modularity or label propagation.

    Computed on the undirected simple graph of the counted links,
    affiliation ties only by default (--ties all counts every kind), by
    igraph (Louvain, greedy) or NetworkX (label propagation); isolated
    entities are communities of their own. Each community names its central
    member: the one with the most distinct neighbours in the whole network.
    Largest communities first.

    Examples:

      imrnet communities

      imrnet communities --method greedy --status reported

      imrnet communities --seed 7 --json | jq '.communities[0].members[].name'
    """
    from imrnet.queries.communities import find_communities

    number = whole_number(seed, "--seed", 0)
    wanted = method.strip().lower()
    dataset = load_dataset(data)
    answer(
        lambda: find_communities(dataset, wanted, seed=number, link_filter=link_filter),
        json=json, table=tables("tables_graph:communities_tables"),
        shape=lambda: {"method": wanted, "seed": number if wanted == "louvain" else None,
                       "communities": [], "filters": link_filter.describe(dataset)},
    )


@command("stats", filters=True)
def stats(
    top: Annotated[str, typer.Option("--top", "-n", metavar="N", help="List the top N hubs.")] = "5",
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Counts, components, density, diameter and hubs.

    Counts are by entity type, link type and status.

    Entity counts cover the whole dataset; link counts, components,
    density, the diameter of the largest component and the hubs (most
    distinct neighbours) cover the links that pass the filters, of every
    kind by default (--ties affiliation for channels of influence only).
    The diameter is exact up to 5,000 entities in the largest component;
    above, it may be given as bounds, as the output says.

    Examples:

      imrnet stats

      imrnet stats --status reported --as-of 2020

      imrnet stats --json | jq .components
    """
    from imrnet.queries.stats import network_stats

    count = whole_number(top, "--top", 1)
    dataset = load_dataset(data)
    answer(lambda: network_stats(dataset, link_filter=link_filter, top=count), json=json,
           table=tables("tables_graph:stats_tables"))
