"""Table output of ``imrnet validate``."""

from __future__ import annotations

from imrnet.output.render import count_table, status_text

__all__ = ["validate_tables"]


def validate_tables(result: dict) -> list:
    """Renderables for a clean validation: totals, then three breakdowns."""
    counts = result["counts"]
    out = [
        f"Dataset OK: {counts['sources']} sources, {counts['entities']} entities, "
        f"{counts['links']} links",
        "Read from: " + ", ".join(result["directories"]),
    ]
    out.append(count_table("Entities by type", "Entity type", counts["entity_types"]))
    out.append(count_table("Links by type", "Link type", counts["link_types"]))
    out.append(count_table("Links by status", "Status", counts["statuses"], cell=status_text))
    return out
