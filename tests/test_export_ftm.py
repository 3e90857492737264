"""`imrnet export ftm`: FtM entities the followthemoney model accepts, read back as the same graph."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.dataset.locations import bundled_dir

sys.path.insert(0, str(Path(__file__).parent))
from export_cases import SELECTIONS, SMALL  # noqa: E402

runner = CliRunner()


def export(*args: str) -> list[dict]:
    result = runner.invoke(app, ["export", "ftm", *args])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("name", sorted(SELECTIONS))
def test_selection_sizes(name):
    options, entities, links = SELECTIONS[name]
    rows = export("--data", str(SMALL), "--ties", "all", *options)
    ids = {r["id"] for r in rows}
    records = [r for r in rows if "recordId" in r["properties"]]
    # A link becomes one FtM record (a Payment, a Membership ...), or an undated
    # attendance an Event's `involved` value.
    involved = sum(len(r["properties"].get("involved", [])) for r in rows if r["schema"] == "Event")
    assert (len(rows) - len(records), len(records) + involved) == (entities, links)
    for row in rows:
        for prop in ("organizer", "involved", "member", "organization", "owner", "asset",
                     "director", "person", "employee", "employer", "agent", "client",
                     "relative", "associate", "payer", "beneficiary", "entity", "subject",
                     "object", "authority"):
            for ref in row["properties"].get(prop, []):
                if len(ref) > 20 or "-" in ref or "." in ref:
                    assert ref in ids, (row["id"], prop, ref)


def test_followthemoney_model_accepts_every_entity():
    model = pytest.importorskip("followthemoney").model
    rows = export("--data", str(SMALL), "--ties", "all")
    for row in rows:
        proxy = model.get_proxy(row)
        assert proxy.schema.name == row["schema"]
        assert not proxy.schema.abstract


def test_round_trip_through_import(tmp_path):
    out = tmp_path / "bundled.ftm.json"
    result = runner.invoke(app, ["export", "ftm", "--ties", "all", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["import", "ftm", str(out), "-o", str(tmp_path / "back")])
    assert result.exit_code == 0, result.stderr
    original, back = load([bundled_dir()]), load([tmp_path / "back"])
    assert set(back.entities) == set(original.entities)
    assert {(e.id, e.name, e.type) for e in back.entities.values()} == {
        (e.id, e.name, e.type) for e in original.entities.values()}
    assert sorted((l.id, l.source, l.target, l.type, l.status, l.start, l.end) for l in back.links) == sorted(
        (l.id, l.source, l.target, l.type, l.status, l.start, l.end) for l in original.links)
