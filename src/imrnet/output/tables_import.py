"""Table output of ``imrnet import``."""

from __future__ import annotations

from imrnet.output.render import count_table

__all__ = ["import_tables"]


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def import_tables(result: dict) -> list:
    """Renderables for an import: what was written, then what was left out and why.

    Examples
    --------
    >>> result = {"input": "in.json", "output": "out", "read": 3,
    ...           "taken": {"entities": 2, "links": 0, "sources": 1,
    ...                     "entity_types": {"person": 2}, "link_types": {}},
    ...           "skipped": {"schema Vessel is not imported": 1}, "dropped": {}}
    >>> [r if isinstance(r, str) else r.title for r in import_tables(result)]
    ['Imported 2 entities, 0 links, 1 source from in.json (3 FtM entities read) into out', 'Entities by type', 'Skipped']
    """
    taken = result["taken"]
    out: list = [
        f"Imported {_count(taken['entities'], 'entity', 'entities')}, "
        f"{_count(taken['links'], 'link')}, {_count(taken['sources'], 'source')} "
        f"from {result['input']} ({_count(result['read'], 'FtM entity', 'FtM entities')} read) "
        f"into {result['output']}"
    ]
    if taken["entity_types"]:
        out.append(count_table("Entities by type", "Entity type", taken["entity_types"]))
    if taken["link_types"]:
        out.append(count_table("Links by type", "Link type", taken["link_types"]))
    if result["skipped"]:
        out.append(count_table("Skipped", "Reason", result["skipped"]))
    if result["dropped"]:
        out.append(count_table("Values left out of records kept", "Reason", result["dropped"]))
    return out
