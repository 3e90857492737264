"""FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions).

The mapping lives in :mod:`imrnet.ftm` (one table for import and export);
this module only writes a selection through it.

Examples
--------
>>> from imrnet.dataset.model import Citation, Dataset, Entity, Link, Source
>>> from imrnet.export.selection import select
>>> src = {"s": Source("s", "Doc", "Pub")}
>>> ents = {i: Entity(i, i.upper(), "person", sources=(Citation("s"),)) for i in "ab"}
>>> link = Link("a~met~b", "a", "b", "met", "reported", sources=(Citation("s"),))
>>> lines = render(select(Dataset(sources=src, entities=ents, links=(link,)))).splitlines()
>>> [json.loads(line)["schema"] for line in lines]
['Person', 'Person', 'UnknownLink']
"""

from __future__ import annotations

import json

__all__ = ["render"]


def render(selection) -> str:
    """The selection as an FtM entity stream: entities first, then one record a link."""
    from imrnet.ftm.export import to_ftm

    rows = to_ftm(selection.entities.values(), selection.links, selection.sources)
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
