"""Table output of ``imrnet validate``."""

from __future__ import annotations

from imrnet.render import new_table

__all__ = ["validate_tables"]


def validate_tables(result: dict) -> list:
    """Renderables for a clean validation: totals, then three breakdowns."""
    counts = result["counts"]
    out = [
        f"Dataset OK: {counts['sources']} sources, {counts['entities']} entities, "
        f"{counts['links']} links",
        "Read from: " + ", ".join(result["directories"]),
    ]
    for title, key, header in (
        ("Entities by type", "entity_types", "type"),
        ("Links by type", "link_types", "link type"),
        ("Links by status", "statuses", "status"),
    ):
        table = new_table(header, "count", title=title)
        for name, count in counts[key].items():
            table.add_row(name, str(count))
        out.append(table)
    return out
