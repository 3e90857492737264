"""A large answer prints 500 rows and says how many more there are; JSON keeps them all.

The dataset is written here: a hub and another person, each tied to the same 2,000 people
(``met``; the hub's ties reported in 2015, the other's alleged and undated).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app

PEOPLE = 2_000
runner = CliRunner()


@pytest.fixture(scope="module")
def crowd(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("crowd")
    (data / "sources.yaml").write_text("- {id: doc, title: A source, publisher: P, date: '2020'}\n")
    entities = ["- {id: hub, name: Hub Person, type: person, sources: [doc]}",
                "- {id: other, name: Other Person, type: person, sources: [doc]}"]
    links = []
    for i in range(PEOPLE):
        entities.append(f"- {{id: p{i:04d}, name: Person {i:04d}, type: person, sources: [doc]}}")
        links.append(f"- {{source: hub, target: p{i:04d}, type: met, status: reported, "
                     f"start: '2015', sources: [doc]}}")
        links.append(f"- {{source: other, target: p{i:04d}, type: met, status: alleged, sources: [doc]}}")
    (data / "entities.yaml").write_text("\n".join(entities) + "\n")
    (data / "links.yaml").write_text("\n".join(links) + "\n")
    return data


def show(crowd: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(crowd)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def rows(text: str) -> list[str]:
    """The table rows (one line each here: every cell is short)."""
    return [line for line in text.splitlines() if line.startswith("│")]


@pytest.mark.parametrize(("args", "first", "last", "more"), [
    (["ego", "hub"], "Person 0000", "Person 0499", 1_500),
    (["common", "hub", "other"], "Person 0000", "Person 0499", 1_500),
    (["centrality", "--top", "2000"], "Hub Person", "Person 0497", 1_500),
    (["centrality", "--measure", "all", "--top", "2000"], "Hub Person", "Person 0497", 1_500),
    (["list"], "Hub Person", "Person 0497", 1_502),
    (["search", "Person", "--limit", "2000"], "Hub Person", "Person 0498", 1_500),
])
def test_a_large_answer_prints_500_rows_and_the_count_of_the_rest(crowd, args, first, last, more):
    text = show(crowd, *args)
    shown = rows(text)
    assert len(shown) == 500
    assert first in shown[0] and last in shown[-1]
    # the footer may wrap in a narrow table
    assert f"… and {more:,} more rows; --full shows every row" in " ".join(text.split())


def test_full_and_json_keep_every_row(crowd):
    assert len(rows(show(crowd, "common", "hub", "other", "--full"))) == PEOPLE
    assert len(json.loads(show(crowd, "common", "hub", "other", "--json"))["results"]) == PEOPLE
