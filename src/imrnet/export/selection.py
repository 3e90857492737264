"""The part of the network an export, a drawing or a page shows.

Every output of ``export``, ``draw`` and ``html`` is made from one
:class:`Selection`: the whole network, an ego network (the entities within
a few hops of one, as ``imrnet ego`` lists them) or the shortest paths
between two entities (those ``imrnet path`` prints), always after the
shared link filters.

Examples
--------
>>> from imrnet.dataset.model import Dataset, Entity, Link
>>> ents = {i: Entity(i, i.upper(), "person") for i in "abcd"}
>>> d = Dataset(entities=ents, links=(Link("ab", "a", "b", "met", "reported"),
...                                   Link("bc", "b", "c", "funds", "alleged"),
...                                   Link("cd", "c", "d", "met", "reported")))
>>> s = select(d)
>>> list(s.entities), [l.id for l in s.links]
(['a', 'b', 'c', 'd'], ['ab', 'bc', 'cd'])
>>> s = select(d, ego="b")
>>> list(s.entities), [l.id for l in s.links], s.description["mode"]
(['b', 'a', 'c'], ['ab', 'bc'], 'ego')
>>> s = select(d, path=("a", "d"))
>>> list(s.entities), [l.id for l in s.links]
(['a', 'b', 'c', 'd'], ['ab', 'bc', 'cd'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from imrnet.dataset.model import Dataset, Entity, Link, Source
from imrnet.errors import NoAnswer, UsageError

__all__ = ["Selection", "select"]


@dataclass(frozen=True)
class Selection:
    """Entities and links to write, with what they were chosen by.

    Attributes
    ----------
    entities : dict
        Entity id to :class:`~imrnet.dataset.model.Entity`, in the order
        of the query that chose them (dataset order for the whole graph).
    links : tuple
        The chosen links, in file order; both ends are in ``entities``.
    sources : dict
        Source id to :class:`~imrnet.dataset.model.Source`: every source
        the chosen entities and links cite.
    description : dict
        ``{"mode": "all" | "ego" | "path", ...query arguments,
        "filters": LinkFilter.describe()}``.
    """

    entities: dict[str, Entity]
    links: tuple[Link, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    description: dict = field(default_factory=dict)


def select(
    dataset: Dataset,
    *,
    link_filter=None,
    ego: str | None = None,
    radius: int = 1,
    path: tuple[str, str] | None = None,
    limit: int = 10,
) -> Selection:
    """Choose the entities and links to write.

    Parameters
    ----------
    dataset : Dataset
    link_filter : LinkFilter, optional
        Which links count; all by default.
    ego : str, optional
        Keep the ego network of this entity (name, alias or id) ...
    radius : int
        ... within this many hops (as ``imrnet ego --radius``).
    path : (str, str), optional
        Keep the shortest paths between these two entities, at most
        ``limit`` of them, as ``imrnet path --limit`` ranks them.

    Raises
    ------
    UsageError
        Both ``ego`` and ``path`` given, or what the queries refuse
        (unknown names, a bad radius).
    NoAnswer
        No path joins the two entities, or the ``ego`` entity has no counted
        link (as ``imrnet ego`` refuses it: nothing to write but one node).

    Examples
    --------
    >>> from imrnet.dataset.model import Dataset, Entity
    >>> select(Dataset(entities={"a": Entity("a", "A", "person")}), ego="a", path=("a", "a"))
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: choose either --ego or --path, not both
    """
    from imrnet.queries.filters import ALL_LINKS

    link_filter = link_filter or ALL_LINKS
    if ego is not None and path is not None:
        raise UsageError("choose either --ego or --path, not both")
    if ego is not None:
        from imrnet.queries.ego import ego_network

        result = ego_network(dataset, ego, radius=radius, link_filter=link_filter)
        if len(result["nodes"]) < 2:
            from imrnet.output.render import filters_text

            raise NoAnswer(
                f"{result['center']['name']} has no counted link ({filters_text(result['filters'])})"
            )
        ids = [n["id"] for n in result["nodes"]]
        link_ids = {link["id"] for link in result["links"]}
        about = {"mode": "ego", "center": result["center"]["id"], "radius": result["radius"]}
    elif path is not None:
        from imrnet.queries.path import find_paths

        result = find_paths(dataset, path[0], path[1], link_filter=link_filter, limit=limit)
        ids = list(dict.fromkeys(n["id"] for p in result["paths"] for n in p["nodes"]))
        link_ids = {
            link["id"] for p in result["paths"] for hop in p["hops"] for link in hop["links"]
        }
        about = {
            "mode": "path",
            "from": result["from"]["id"],
            "to": result["to"]["id"],
            "paths": len(result["paths"]),
            "length": result["length"],
        }
    else:
        from imrnet.index.network import filtered_links

        ids = list(dataset.entities)
        link_ids = {link.id for link in filtered_links(dataset, link_filter)}
        about = {"mode": "all"}
    entities = {eid: dataset.entities[eid] for eid in ids}
    links = tuple(
        link
        for link in dataset.links
        if link.id in link_ids and link.source in entities and link.target in entities
    )
    cited = {c.id for record in (*entities.values(), *links) for c in record.sources}
    sources = {sid: s for sid, s in dataset.sources.items() if sid in cited}
    return Selection(entities, links, sources, {**about, "filters": link_filter.describe(dataset)})
