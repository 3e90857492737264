"""Retractions: an overlay withdraws records of an earlier directory.

Through the installed script on tests/fixtures/retractions: ``base`` holds
four entities and four links; ``overlay`` retracts the entity ``doj`` and
the source ``leaflet``; ``bad`` holds one broken entry per problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "retractions"
BASE, OVERLAY, BAD = (str(FIXTURE / name) for name in ("base", "overlay", "bad"))
SCRIPT = Path(sys.executable).parent / "imrnet"
WHERE = "tests/fixtures/retractions/overlay/retractions.yaml"


def imrnet(*args: str, data=(BASE, OVERLAY)) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR")}
    env["COLUMNS"] = "200"
    argv = [str(SCRIPT), *args]
    for directory in data:
        argv += ["--data", directory]
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120, cwd=Path(__file__).parents[1])


def test_validate_reports_every_retracted_record():
    result = imrnet("validate", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["counts"]["retracted"] == {"entities": 2, "links": 3, "sources": 1}
    assert (doc["counts"]["entities"], doc["counts"]["links"], doc["counts"]["sources"]) == (2, 1, 2)
    doj = {"reason": "Not the body that brought the charge.", "source": "my-check",
           "file": WHERE, "line": 2}
    leaflet = {"reason": "The leaflet is a forgery.", "source": "my-check", "file": WHERE,
               "line": 5}
    base = "tests/fixtures/retractions/base"
    assert doc["retracted"] == [
        {"id": "doj", "record": "entity", "name": "US Department of Justice", "origin": base,
         **doj, "because": None},
        {"id": "leaflet", "record": "source", "name": "A leaflet", "origin": base, **leaflet,
         "because": None},
        {"id": "rumour-mill", "record": "entity", "name": "Rumour Mill", "origin": base,
         **leaflet, "because": "every source it cites is retracted"},
        {"id": "doj~charged~ionov", "record": "link",
         "name": "US Department of Justice charged Alexander Ionov", "origin": base, **doj,
         "because": "entity doj is retracted"},
        {"id": "ionov~met~rumour-mill", "record": "link", "name": "Alexander Ionov met Rumour Mill",
         "origin": base, **leaflet, "because": "entity rumour-mill is retracted"},
        {"id": "agmr~funds~ionov", "record": "link",
         "name": "Anti-Globalization Movement of Russia funds Alexander Ionov", "origin": base,
         **leaflet, "because": "every source it cites is retracted"},
    ]
    table = imrnet("validate").stdout
    assert "Retracted: 2 entities, 3 links, 1 source" in table
    assert "Not the body that brought the charge." in table


def test_retracted_records_leave_every_answer():
    links = json.loads(imrnet("links", "--json").stdout)
    assert [link["id"] for link in links["links"]] == ["ionov~leads~agmr"]
    # the retracted source's citation is gone from the link that keeps another
    assert links["links"][0]["sources"] == [{"id": "article", "locator": None}]
    show = imrnet("show", "doj")
    assert show.returncode == 2 and "no entity matches 'doj'" in show.stderr
    assert imrnet("search", "Rumour").returncode == 1
    sources = json.loads(imrnet("sources", "--json").stdout)
    assert [s["id"] for s in sources["sources"]] == ["article", "my-check"]
    stats = json.loads(imrnet("stats", "--json").stdout)
    assert (stats["entities"], stats["links"]) == (2, 1)
    # without the overlay, everything is back
    assert json.loads(imrnet("links", "--json", data=(BASE,)).stdout)["count"] == 4


def test_bad_retractions_are_file_line_errors():
    result = imrnet("validate", data=(BASE, BAD))
    assert result.returncode == 3
    where = "tests/fixtures/retractions/bad/retractions.yaml"
    assert result.stdout.splitlines() == [
        f"{where}:2: retraction nobody: unknown id 'nobody': no entity, link or source has it",
        f"{where}:5: retraction doj: missing required field 'reason'",
        f"{where}:10: retraction agmr: agmr is already retracted at {where}:7",
        f"{where}:15: retraction ionov: unknown source 'no-such-source'",
        f"{where}:19: retraction ionov~leads~agmr: unknown field 'note'",
    ]
    assert result.stderr == "imrnet: invalid dataset: 5 problem(s)\n"
    # every other command refuses the data too
    assert imrnet("links", data=(BASE, BAD)).returncode == 3


def test_a_directory_retracts_only_what_was_read_before_it(tmp_path):
    (tmp_path / "sources.yaml").write_text(
        '- {id: own, title: Own, publisher: Me, date: null}\n', encoding="utf-8")
    (tmp_path / "retractions.yaml").write_text(
        "- {id: own, reason: Changed my mind., source: own}\n", encoding="utf-8")
    result = imrnet("validate", data=(BASE, str(tmp_path)))
    assert result.returncode == 3
    assert result.stdout == (
        f"{tmp_path}/retractions.yaml:1: retraction own: source own comes from {tmp_path}, not "
        "from an earlier directory; a directory retracts only records read before it\n")
