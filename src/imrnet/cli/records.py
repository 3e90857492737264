"""Commands: show, search, list, links, timeline, sources.

Thin wrappers over :mod:`imrnet.queries.records`; heavy modules are imported inside
the command bodies so that ``imrnet --help`` stays fast.
"""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from imrnet.cli import command
from imrnet.cli.options import (
    repeatable,
    DataOption,
    JsonOption,
    TYPES_TEXT,
    EntityArgument,
    complete_entity,
    complete_types,
    load_dataset,
    whole_number,
)

from imrnet.cli.formats import CsvOption, LongOption, TsvOption, answer, tables

if TYPE_CHECKING:  # the commands receive one, built by @command(filters=True)
    from imrnet.queries.filters import LinkFilter

__all__ = ["show", "search", "list_", "links", "timeline", "sources"]


TypeOption = repeatable(
    "--type",
    metavar="TYPE",
    help=f"Only entities of this type (repeatable, or comma-separated): {TYPES_TEXT}.",
    complete=complete_types,
)
TagOption = repeatable("--tag", metavar="TAG", help="Only entities with this tag (repeatable, or comma-separated).")
CountryOption = repeatable(
    "--country", metavar="CODE",
    help="Only entities of this country, ISO 3166-1 alpha-2 (repeatable, or comma-separated).",
)
EntityOption = repeatable(
    "--entity", "-e", metavar="NAME",
    help="Only links touching this entity (repeatable: touching any of them).",
    complete=complete_entity,
)


SortOption = Annotated[
    Optional[str],
    typer.Option("--sort", metavar="ORDER", show_default=False,
                 help="Order links by date (oldest first, undated last), source, target or "
                 "type; file order by default.",
                 autocompletion=lambda incomplete: [o for o in ("date", "source", "target", "type")
                                                    if o.startswith(incomplete.lower())]),
]


def _rows(name: str):
    from imrnet.output import rows

    return getattr(rows, name)


def _none_left(key: str, said: str):
    """The empty-answer test of :func:`answer`: ``said`` when ``result[key]`` is empty."""

    def check(result: dict) -> str | None:
        if result[key]:
            return None
        from imrnet.output.render import filters_text

        return f"{said} ({filters_text(result['filters'])})" if "filters" in result else said

    return check


@command("show")
def show(
    name: EntityArgument, long: LongOption = False, data: DataOption = None, json: JsonOption = False
) -> None:
    """An entity's card: names, dates, summary, sources, links.

    Links in and out are listed oldest first (undated last), each read from
    the entity's side ("AGMR led by Alexander Ionov"), each with its
    summary and sources; adversarial and coverage ties are marked as such,
    and competing accounts of one fact are listed together and marked.
    With --json: the entity's fields plus "links" and "accounts".

    Examples:

      imrnet show Ionov

      imrnet show "Константин Малофеев"

      imrnet show agmr --json | jq '.links | length'

      imrnet show "IONOV, Aleksandr Viktorovich" --long
    """
    from imrnet.queries.records import entity_card

    dataset = load_dataset(data)
    answer(lambda: entity_card(dataset, name), json=json,
           table=tables("tables_records:show_tables", dataset=dataset, long=long))


@command("search")
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to look for.", show_default=False)],
    limit: Annotated[
        str, typer.Option("--limit", "-n", metavar="N", help="Show at most N results.")
    ] = "10",
    type_: TypeOption = None,
    data: DataOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    tsv: TsvOption = False,
) -> None:
    """Fuzzy search of names, aliases and summaries.

    Best match first; nothing found: exit 1.

    Matching ignores case, accents, script and the usual transliteration
    variants. Scores run 0-100 in tiers: 100 exact name, alias or id;
    90-99 a prefix of the name or of one of its words; 62-89 a fuzzy name
    match; 54-60 a summary match. So exact and prefix name hits always rank
    above summary hits.

    Examples:

      imrnet search Ионов

      imrnet search tsargrad --type organization

      imrnet search "russophiles" --limit 3 --json | jq '.results[].id'
    """
    from imrnet.queries.search import search as run

    dataset = load_dataset(data)
    answer(lambda: run(dataset, text, limit=whole_number(limit, "--limit", 1), types=type_),
           json=json, csv=csv, tsv=tsv, table=tables("tables_records:search_tables"), rows=_rows("search_rows"))


@command("list")
def list_(
    type_: TypeOption = None,
    tag: TagOption = None,
    country: CountryOption = None,
    data: DataOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    tsv: TsvOption = False,
) -> None:
    """List entities by name, filtered by type, tag and country.

    Repeating an option widens it (any of the values); different options
    must all hold. An unknown type, tag or country code is a usage error
    (exit 2) that lists the values allowed.

    Examples:

      imrnet list --type person

      imrnet list --type organization --type company --country RU

      imrnet list --tag agmr --csv
    """
    from imrnet.queries.records import list_entities

    dataset = load_dataset(data)
    answer(lambda: list_entities(dataset, types=type_, tags=tag, countries=country),
           json=json, csv=csv, tsv=tsv, table=tables("tables_records:list_tables"), rows=_rows("list_rows"),
           empty=_none_left("entities", "no entity has all of these values"))


@command("links", filters=True)
def links(
    entity: EntityOption = None,
    sort: SortOption = None,
    long: LongOption = False,
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    tsv: TsvOption = False,
) -> None:
    """List links, filtered by entity, dates, status, kind and type.

    Every kind of tie is listed (--ties narrows it); adversarial and
    coverage ties are marked. Dates: an act (attended, funds, sanctioned...)
    happens on its date, or its event's date; a state (leads, member of,
    owns...) holds from start to end, and without a start from when both
    its ends existed (born, founded, an event's date). --as-of keeps states
    in force and acts dated by then; --since/--until keep acts dated in the
    window and states overlapping it; partial dates compare by precision.
    Under a date filter undated links are left out and counted (--undated
    include keeps them). Links are printed in dataset order, or by --sort
    date|source|target|type; each with its summary and sources. Competing
    accounts of one fact (links sharing "account_of") are listed together,
    marked, and counted once.

    Examples:

      imrnet links --entity Malofeev --link-type funds

      imrnet links --since 2022 --status alleged,disputed

      imrnet links --entity Ionov --entity Dugin --json | jq .count

      imrnet links --link-type funds --sort date --tsv | cut -f 3,5,11,14,15
    """
    from imrnet.queries.records import list_links

    dataset = load_dataset(data)
    answer(lambda: list_links(dataset, link_filter, entities=entity, sort=sort),
           json=json, csv=csv, tsv=tsv, table=tables("tables_records:links_tables", dataset=dataset, long=long),
           rows=_rows("links_rows"), empty=_none_left("links", "no link passes the filters"))


@command("timeline", filters=True)
def timeline(
    name: Annotated[
        Optional[str],
        typer.Argument(metavar="NAME", help="Entity id, name, alias or surname; all when omitted.",
                       autocompletion=complete_entity, show_default=False),
    ] = None,
    long: LongOption = False,
    link_filter: "LinkFilter" = None,
    data: DataOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    tsv: TsvOption = False,
) -> None:
    """Show dated links and events in order, for one entity or all.

    Oldest first; a partial date sorts before the precise dates it
    contains (2015 before 2015-03). An act is placed at its date (its
    event's date when it gives none); a state at its start, else at the
    date both its ends existed (shown as >=DATE), else its end; links that
    cannot be placed are left out. Date filters mean what they mean for
    links (see imrnet links --help); events count as acts on their date.
    For one entity, the events shown are the entity itself or events it is
    linked to.

    Examples:

      imrnet timeline Ionov

      imrnet timeline --since 2022 --status reported

      imrnet timeline AGMR --json | jq '.items[] | .date'

      imrnet timeline Ionov --tsv | cut -f 1,2,5,7
    """
    from imrnet.queries.timeline import timeline as run

    dataset = load_dataset(data)
    answer(lambda: run(dataset, name, link_filter),
           json=json, csv=csv, tsv=tsv, table=tables("tables_records:timeline_tables", dataset=dataset, long=long),
           rows=_rows("timeline_rows"), empty=_none_left("items", "no dated link or event"))


@command("sources")
def sources(
    source_id: Annotated[
        Optional[str],
        typer.Argument(metavar="ID", help="A source id; all sources when omitted.",
                       show_default=False),
    ] = None,
    data: DataOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    tsv: TsvOption = False,
) -> None:
    """List the sources and what each one supports.

    With ID, that source's entities and links.

    Without ID: every source with the number of entities and links citing
    it. With ID: the source's details and those entities and links.

    Examples:

      imrnet sources

      imrnet sources imr-article

      imrnet sources --tsv | cut -f 1,11 | sort -k2 -rn | head -5
    """
    from imrnet.queries.provenance import sources as run

    dataset = load_dataset(data)
    answer(lambda: run(dataset, source_id), json=json, csv=csv, tsv=tsv,
           table=tables("tables_records:sources_tables", dataset=dataset), rows=_rows("sources_rows"),
           empty=lambda r: "the dataset has no sources" if "sources" in r and not r["sources"] else None)
