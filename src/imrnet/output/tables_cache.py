"""Table output of ``imrnet cache``."""

from __future__ import annotations

from imrnet.output.render import new_table

__all__ = ["cache_tables"]


def cache_tables(result: dict) -> list:
    """Renderables for ``cache info`` (the indexes) or ``cache clear`` (how many went).

    An index is named by the first 8 characters of its file name (``--json``
    gives it whole), so the data directories keep room on an 80-column screen.
    """
    if "deleted" in result:
        return [f"Deleted {result['deleted']} index file(s) from {result['directory']}"]
    indexes = result["indexes"]
    out = [f"Cache directory: {result['directory']}: {len(indexes)} index file(s)"]
    if indexes:
        table = new_table("Index", "Built", "Entities", "Links", "MB", "Data")
        for entry in indexes:
            table.add_row(
                entry["file"][:8], entry.get("built", "?"), str(entry.get("entities", "?")),
                str(entry.get("links", "?")), f"{entry['bytes'] / 1e6:.1f}",
                ", ".join(entry.get("directories", [])) or entry.get("error", ""),
            )
        out.append(table)
    return out
