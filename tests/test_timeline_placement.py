"""A state with only an end sits at its end, in `timeline` as in `links --sort date` and `show`.

Two bundled links have an ``end`` and no ``start``: Ionov studied at the agro-engineering
university until 2012, and was an officer of the CIPDH until 2021-03. Their ends' dates
(Ionov born 1989-12-12) bound them from below; that bound used to place them in the
timeline while `links --sort date` listed them at their end.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from imrnet.cli import app

runner = CliRunner()
STUDIED = "alexander-ionov~studied_at~moscow-state-agro-engineering-university"
OFFICER = "alexander-ionov~officer_of~cipdh"


def run_json(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_an_end_only_state_sits_at_its_end():
    items = {i["id"]: i for i in run_json("timeline", "Ionov")["items"]}
    assert (items[STUDIED]["date"], items[STUDIED]["date_basis"]) == ("2012", "end")
    assert (items[OFFICER]["date"], items[OFFICER]["date_basis"]) == ("2021-03", "end")
    # its effective time still says where the entities bound it
    assert items[OFFICER]["time"] == {"timing": "state", "start": "1989-12-12", "end": "2021-03",
                                      "basis": "entities", "earliest": None}


def test_timeline_orders_links_as_links_sort_date_does():
    # Every link `links --sort date` can place, in the same order; the timeline also holds
    # states bounded only by their entities (shown "≥"), which `links` lists as undated, last.
    listed = run_json("links", "--sort", "date")["links"]
    timeline = [i for i in run_json("timeline")["items"] if i["item"] == "link"]
    placed = [i["id"] for i in timeline if i["date_basis"] != "entities"]
    assert placed == [l["id"] for l in listed][: len(placed)]
    assert len(placed) == 110
    around = [i["id"] for i in run_json("timeline", "Ionov")["items"]]
    assert around[around.index(STUDIED) - 1: around.index(STUDIED) + 2] == [
        "alexander-ionov~founded~agmr~2012-03", STUDIED, "alexander-ionov~met~bashar-al-assad~2013-04",
    ]


def test_the_table_shows_it_at_its_end():
    result = runner.invoke(app, ["timeline", "Ionov"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    dates = [cells[1].strip() for line in result.stdout.splitlines()
             if len(cells := line.split("│")) > 2 and cells[1].strip()]
    at = dates.index("–2012")
    assert dates[at - 1: at + 2] == ["2012-03", "–2012", "2013-04"]
    at = dates.index("–2021-03")
    assert dates[at - 1: at + 2] == ["2021", "–2021-03", "2021-03"]
