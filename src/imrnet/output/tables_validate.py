"""Table output of ``imrnet validate``."""

from __future__ import annotations

from imrnet.output.render import count_table, new_table, status_text

__all__ = ["validate_tables", "retracted_table"]


def validate_tables(result: dict) -> list:
    """Renderables for a clean validation: totals, then three breakdowns."""
    counts = result["counts"]
    out = [
        f"Dataset OK: {counts['sources']} sources, {counts['entities']} entities, "
        f"{counts['links']} links"
        + (f" ({counts['account_groups']} told in competing accounts, each counted once)"
           if counts.get("account_groups") else ""),
        "Read from: " + ", ".join(result["directories"]),
    ]
    out.append(count_table("Entities by type", "Entity type", counts["entity_types"]))
    out.append(count_table("Links by type", "Link type", counts["link_types"]))
    out.append(count_table("Links by status", "Status", counts["statuses"], cell=status_text))
    if result.get("retracted"):
        out.append(retracted_table(result["retracted"]))
    return out


def retracted_table(retracted: list[dict]):
    """The records overlay directories retracted, each with its reason and source."""
    from imrnet.dataset.retractions import counts

    said = counts(retracted)
    singular = {"entities": "entity", "links": "link", "sources": "source"}
    title = "Retracted: " + ", ".join(
        f"{n} {kind if n != 1 else singular[kind]}" for kind, n in said.items() if n
    )
    table = new_table("Record", "Id", "Reason", "Source", "Where", title=title)
    for entry in table.bounded(retracted):
        reason = entry["reason"] if not entry["because"] else f"{entry['because']} ({entry['reason']})"
        table.add_row(f"{entry['record']}: {entry['name']}", entry["id"], reason, entry["source"],
                      f"{entry['file']}:{entry['line']}")
    return table
